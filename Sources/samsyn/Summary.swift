import Samsyn

enum Summary {
    static func text(for report: BuildReport, verb: String, outputPath: String?) -> String {
        let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
        let time = String(format: "%.2f s", seconds)
        let counts = "\(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning"))"
        guard report.succeeded else {
            let reason = report.errorCount == 0 ? "warnings are errors with --strict" : "fix the errors above"
            return "Failed: \(counts) in \(time); nothing was written (\(reason))."
        }
        let targets = report.targets.map { target in
            "\(target.name) (\(plural(target.pages, "page")), \(plural(target.charts, "chart")))"
        }.joined(separator: ", ")
        let place = outputPath.map { " into \($0)/" } ?? ""
        return "\(verb) \(targets)\(place): \(plural(report.suppressedCells, "cell")) withheld, \(counts) in \(time)."
    }

    /// LIX of each page guardians or pupils read, against its limit, and the range for the rest.
    static func readability(_ report: BuildReport) -> String? {
        guard !report.readability.isEmpty else { return nil }
        var lines = ["Readability (LIX, and the limit for the page's readers; lower is easier):"]
        for page in report.readability {
            guard let limit = page.limit else { continue }
            lines.append("  \(Int(page.lix.rounded())) (≤ \(Int(limit)))  \(page.path)")
        }
        let others = report.readability.filter { $0.limit == nil }.map(\.lix).sorted()
        if let low = others.first, let high = others.last {
            let median = others[others.count / 2]
            lines.append("  other pages: \(others.count), median \(Int(median.rounded())), from \(Int(low.rounded())) to \(Int(high.rounded()))")
        }
        return lines.joined(separator: "\n")
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
