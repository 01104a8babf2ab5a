import SamsynSupport
import Foundation
import SamsynData
import SamsynMarkdown

/// `samsyn new <kind> <title>`: a correctly named page with the front matter of its kind.
public struct NewPage: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unknownKind(String)
        case emptyTitle
        case exists(id: String, path: String)

        public var description: String {
            switch self {
            case .unknownKind(let kind):
                return Suggestion.message("unknown kind '\(kind)'; use \(NewPage.kindNames.keys.sorted().joined(separator: ", "))",
                                          for: kind, in: NewPage.kindNames.keys)
            case .emptyTitle: return "the title gives no page id; use letters or digits"
            case .exists(let id, let path): return "a page with the id '\(id)' exists already: \(path)"
            }
        }
    }

    /// Kind names in English (as in front matter docs) and Swedish (as editors say them).
    static let kindNames: [String: PageKind] = [
        "routine": .routine, "rutin": .routine, "role": .role, "roll": .role,
        "intervention": .intervention, "insats": .intervention, "page": .page, "sida": .page,
        "report": .report, "rapport": .report, "indicator": .indicator, "indikator": .indicator,
        "action": .action, "åtgärd": .action, "atgard": .action,
    ]

    public let sourceDirectory: URL
    public let today: LocalDate

    public init(sourceDirectory: URL, today: LocalDate = .today()) {
        self.sourceDirectory = sourceDirectory
        self.today = today
    }

    /// Writes the page and returns its path relative to the site folder.
    public func create(kind kindName: String, title: String) throws -> String {
        guard let kind = Self.kindNames[kindName.lowercased()] else { throw Failure.unknownKind(kindName) }
        let id = HeadingSlugger.slug(title)
        guard !id.isEmpty else { throw Failure.emptyTitle }
        let content = sourceDirectory.appendingPathComponent("content")
        let existing = (FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        if let clash = existing.first(where: { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension == id }) {
            throw Failure.exists(id: id, path: "content/" + clash)
        }
        let roles = existing.filter { $0.hasPrefix("roller/") && $0.split(separator: ".").count == 2 }
            .map { String(($0 as NSString).lastPathComponent.dropLast(3)) }
        let path = "content/\(kind.folder)/\(id).md"
        let url = sourceDirectory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try frontMatter(kind: kind, title: title, roles: roles).write(to: url, atomically: true, encoding: .utf8)
        return path
    }

    private func frontMatter(kind: PageKind, title: String, roles: [String]) -> String {
        let quotedTitle = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        var lines = ["---", "title: \(quotedTitle)", "summary: "]
        switch kind {
        case .routine:
            let owner = roles.contains("rektor") ? "rektor" : roles.first ?? "rektor"
            lines += ["owner: \(owner)            # the role that owns the routine", "roles: []",
                      "reviewed: \(today)", "review_every: 12"]
        case .role:
            lines += ["organisation: skola"]
        case .intervention:
            lines += ["level: förebyggande       # främjande, förebyggande or åtgärdande", "for: [elev]", "absence: []", "delivered_by: []"]
        case .page:
            lines += ["audience: [guardians, staff]"]
        case .report:
            lines += ["audience: [politicians, staff]", "year: \(today.year)",
                      "committee: Barn- och utbildningsnämnden   # the nämnd it goes to (the PDF's title page)",
                      "case_number:              # diarienummer", "date: \(today)",
                      "prepared_by: []           # förvaltning, unit, contact: a line each",
                      "decision: []              # Förslag till beslut: a point each"]
        case .indicator:
            lines += ["audience: [politicians, staff]", "definition: \"\"        # what is measured, how, over which period",
                      "unit: percent             # percent, number or rating", "better: lower             # higher or lower",
                      "source: \"\"", "data:                     # a CSV under content/data/, or a Kolada file",
                      "period:                   # the column holding the period", "value:                    # the column holding the value",
                      "targets: {}               # period: value aimed at"]
        case .action:
            lines += ["audience: [staff, politicians]", "decided: \(today)", "decided_by: Barn- och utbildningsnämnden", "case_number: ",
                      "owner: rektor", "deadline: \(today.adding(months: 12))", "status: planerad          # planerad, pågår, genomförd or avbruten",
                      "history: []", "indicators: []"]
        }
        lines += ["---", "", kind == .routine ? "## Arbetsgång\n\n1. \n" : ""]
        return lines.joined(separator: "\n")
    }
}
