import Foundation
import SamsynData
import SamsynMarkdown
import SamsynSupport

/// A report's follow-up block (```` ```uppfoljning ````): which year it follows up. The
/// checks step reports what is wrong with one; each target draws it
/// (`TargetRenderer+FollowUp.swift`).
enum FollowUpBlock {
    /// The block's year, or nil with the errors logged.
    static func year(of block: FencedBlock, in page: Page, log: inout DiagnosticLog) -> Int? {
        let location = page.location(of: block.position)
        guard let yaml = YAMLSource(block.body, path: page.sourcePath, firstLine: page.bodyFirstLine + block.position.line, log: &log) else { return nil }
        for (name, keyLocation) in yaml.topLevelKeys where name != "year" {
            log.error(Suggestion.message("unknown key '\(name)' in an uppfoljning block", for: name, in: ["year"]), at: keyLocation)
        }
        if let text = yaml.root?.mapping?["year"]?.scalar?.string {
            guard let year = Int(text), Period.years.contains(year) else {
                log.error("'year' is a year, such as 2025", at: yaml.location(ofKey: "year"))
                return nil
            }
            return year
        }
        guard case .report(let report) = page.details, let year = report.year else {
            log.error("an uppfoljning block needs 'year: 2025', or a report page with a 'year'", at: location)
            return nil
        }
        return year
    }
}
