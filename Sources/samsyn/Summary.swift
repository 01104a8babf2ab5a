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

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
