import Samsyn

enum Summary {
    static func text(for report: BuildReport, verb: String, outputPath: String?) -> String {
        let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
        let time = String(format: "%.2f s", seconds)
        let counts = "\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
        guard report.succeeded else {
            let reason = report.errorCount == 0 ? "warnings are errors with --strict" : "fix the errors above"
            return "Failed: \(counts) in \(time); nothing was written (\(reason))."
        }
        let targets = report.pagesPerTarget.map { "\($0.target) \($0.pages) page\($0.pages == 1 ? "" : "s")" }.joined(separator: ", ")
        let place = outputPath.map { " into \($0)/" } ?? ""
        return "\(verb) \(targets)\(place): \(counts) in \(time)."
    }
}
