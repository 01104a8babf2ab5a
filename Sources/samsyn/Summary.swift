import Foundation
import Samsyn

/// The lines after a build or a check, in the editor's language.
enum Summary {
    enum Verb {
        case built, checked
    }

    static func text(for report: BuildReport, verb: Verb, outputPath: String?, language: MessageLanguage) -> String {
        let swedish = language == .sv
        let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
        let time = swedish ? String(format: "%.2f s", seconds).replacingOccurrences(of: ".", with: ",") : String(format: "%.2f s", seconds)
        func count(_ n: Int, _ english: (String, String), _ svenska: (String, String)) -> String {
            let (one, many) = swedish ? svenska : english
            return "\(n) \(n == 1 ? one : many)"
        }
        let counts = count(report.errorCount, ("error", "errors"), ("fel", "fel")) + ", "
            + count(report.warningCount, ("warning", "warnings"), ("varning", "varningar"))
        guard report.succeeded else {
            if swedish {
                let reason = report.errorCount == 0 ? "varningar är fel med --strict" : "rätta felen ovan"
                return "Misslyckades: \(counts) på \(time); inget skrevs (\(reason))."
            }
            let reason = report.errorCount == 0 ? "warnings are errors with --strict" : "fix the errors above"
            return "Failed: \(counts) in \(time); nothing was written (\(reason))."
        }
        let targets = report.targets.map { target in
            "\(target.name) (" + count(target.pages, ("page", "pages"), ("sida", "sidor")) + ", "
                + count(target.charts, ("chart", "charts"), ("diagram", "diagram")) + ")"
        }.joined(separator: ", ")
        let cells = count(report.suppressedCells, ("cell", "cells"), ("cell", "celler"))
        if swedish {
            let done = verb == .built ? "Byggde" : "Kontrollerade"
            let place = outputPath.map { " till \($0)/" } ?? ""
            return "\(done) \(targets)\(place): \(cells) dolda, \(counts) på \(time)."
        }
        let done = verb == .built ? "Built" : "Checked"
        let place = outputPath.map { " into \($0)/" } ?? ""
        return "\(done) \(targets)\(place): \(cells) withheld, \(counts) in \(time)."
    }

    /// LIX of each page guardians or pupils read, against its limit, and the range for the rest.
    static func readability(_ report: BuildReport, language: MessageLanguage) -> String? {
        guard !report.readability.isEmpty else { return nil }
        let swedish = language == .sv
        var lines = [swedish ? "Läsbarhet (LIX, och gränsen för sidans läsare; lägre är lättare):"
                             : "Readability (LIX, and the limit for the page's readers; lower is easier):"]
        for page in report.readability {
            guard let limit = page.limit else { continue }
            lines.append("  \(Int(page.lix.rounded())) (≤ \(Int(limit)))  \(page.path)")
        }
        let others = report.readability.filter { $0.limit == nil }.map(\.lix).sorted()
        if let low = others.first, let high = others.last {
            let median = Int(others[others.count / 2].rounded()), from = Int(low.rounded()), to = Int(high.rounded())
            lines.append(swedish ? "  övriga sidor: \(others.count), median \(median), från \(from) till \(to)"
                                 : "  other pages: \(others.count), median \(median), from \(from) to \(to)")
        }
        return lines.joined(separator: "\n")
    }
}
