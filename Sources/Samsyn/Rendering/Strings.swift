import Foundation
import Yams

/// Interface text from `templates/i18n/<language>.yml`, with Swedish as the fallback.
struct Strings: Sendable {
    private let values: [String: String]
    private let monthNames: [String]

    static let directory = "templates/i18n"

    static func load(language: String, sourceDirectory: URL, log: inout DiagnosticLog) -> Strings? {
        let path = "\(directory)/\(language).yml"
        guard let text = SourceFile.readText(at: sourceDirectory.appendingPathComponent(path), path: path, log: &log),
              let yaml = YAMLSource(text, path: path, log: &log),
              let raw = yaml.decode(Raw.self, log: &log)
        else { return nil }
        guard raw.months.count == 12 else {
            log.error("'months' must list the twelve month names", at: yaml.location(ofKey: "months"))
            return nil
        }
        return Strings(values: raw.strings, monthNames: raw.months)
    }

    private struct Raw: Decodable {
        var months: [String]
        var strings: [String: String]
    }

    subscript(key: String) -> String { values[key] ?? key }

    /// All strings, for templates to use as `{{t.key}}`.
    var context: [String: String] { values }

    /// A date in running text: `15 maj 2014`.
    func longDate(_ date: LocalDate) -> String {
        "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }
}
