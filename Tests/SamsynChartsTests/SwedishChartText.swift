import Foundation
@testable import SamsynCharts

extension ChartText {
    /// The chart words of the site's Swedish interface text, `templates/i18n/sv.yml`: the
    /// one place they are written. Read line by line (`  chart_x: "…"`), as this test
    /// target has no YAML parser.
    static let swedish: ChartText = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates/i18n/sv.yml")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("chart_"), let colon = trimmed.firstIndex(of: ":") else { continue }
            var value = trimmed[trimmed.index(after: colon)...].drop { $0 == " " }
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            values[String(trimmed[..<colon])] = String(value)
        }
        return ChartText { values[$0] ?? "<missing \($0)>" }
    }()
}

extension ChartRenderer {
    init() { self.init(text: .swedish) }
}
