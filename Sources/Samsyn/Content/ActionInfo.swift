import Foundation
import SamsynData
import SamsynSupport
import Yams

/// A decided action's front matter (`content/atgarder/<id>.md`, DESIGN.md's Follow-up):
/// who decided it and when, who owns it, by when, where it stands, and what has happened.
public struct ActionInfo: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case planned = "planerad", ongoing = "pågår", done = "genomförd", cancelled = "avbruten"

        /// Planned or ongoing: an open action past its deadline is a warning.
        public var isOpen: Bool { self == .planned || self == .ongoing }

        /// The key of its words in the interface text.
        var textKey: String {
            switch self {
            case .planned: "action_status_planned"
            case .ongoing: "action_status_ongoing"
            case .done: "action_status_done"
            case .cancelled: "action_status_cancelled"
            }
        }
    }

    /// A dated change of status, with a note.
    public struct Event: Sendable {
        public var date: LocalDate
        public var status: Status
        public var note: String?
    }

    public var decided: LocalDate
    public var decidedBy: String
    public var caseNumber: String?
    public var owner: Reference
    public var deadline: LocalDate
    public var deadlineLocation: SourceLocation
    public var status: Status
    /// Oldest first.
    public var history: [Event]
    /// The indicators it is meant to move.
    public var indicators: [Reference]

    static let keys: Set<String> = ["decided", "decided_by", "case_number", "owner", "deadline", "status", "history", "indicators"]

    /// The action, or nil with every error logged where it is written.
    static func read(_ yaml: YAMLSource, log: inout DiagnosticLog) -> ActionInfo? {
        let mapping = yaml.root?.mapping ?? [:]
        let errorsBefore = log.errorCount
        func scalar(_ node: Node?, _ keyPath: [any CodingKey], name: String, required: Bool) -> String? {
            guard let node, node.null == nil else {
                // At the key when it is there with no value.
                if required { log.error("a decided action needs '\(name)'", at: keyPath.count == 1 && node == nil ? yaml.start : yaml.location(of: keyPath)) }
                return nil
            }
            guard let scalar = node.scalar else {
                log.error("'\(name)' must be a text, not a list or a mapping", at: yaml.location(of: keyPath))
                return nil
            }
            return scalar.string
        }
        func date(_ node: Node?, _ keyPath: [any CodingKey], name: String) -> LocalDate? {
            guard let text = scalar(node, keyPath, name: name, required: true) else { return nil }
            guard let date = LocalDate(text) else {
                log.error("'\(text)' is not a date written YYYY-MM-DD", at: yaml.location(of: keyPath))
                return nil
            }
            return date
        }
        func status(_ node: Node?, _ keyPath: [any CodingKey]) -> Status? {
            guard let name = scalar(node, keyPath, name: "status", required: true) else { return nil }
            let names = Status.allCases.map(\.rawValue)
            guard let status = Status(rawValue: name) else {
                log.error(Suggestion.message("unknown status '\(name)'; use \(names.joined(separator: ", "))", for: name, in: names),
                          at: yaml.location(of: keyPath))
                return nil
            }
            return status
        }
        let decided = date(mapping["decided"], [PlainKey("decided")], name: "decided")
        let decidedBy = scalar(mapping["decided_by"], [PlainKey("decided_by")], name: "decided_by", required: true)
        let caseNumber = scalar(mapping["case_number"], [PlainKey("case_number")], name: "case_number", required: false)
        let owner = scalar(mapping["owner"], [PlainKey("owner")], name: "owner", required: true)
        let deadline = date(mapping["deadline"], [PlainKey("deadline")], name: "deadline")
        let current = status(mapping["status"], [PlainKey("status")])

        var history: [Event] = []
        if let node = mapping["history"], node.null == nil {
            if let entries = node.sequence {
                for (index, entry) in entries.enumerated() {
                    let path: [any CodingKey] = [PlainKey("history"), IndexKey(index)]
                    guard let fields = entry.mapping else {
                        log.error("each entry of 'history' is a date, a status and a note: '- {date: 2025-06-10, status: pågår, note: …}'",
                                  at: yaml.location(of: path))
                        continue
                    }
                    let when = date(fields["date"], path + [PlainKey("date")], name: "date")
                    let what = status(fields["status"], path + [PlainKey("status")])
                    let note = scalar(fields["note"], path + [PlainKey("note")], name: "note", required: false)
                    if let when, let what { history.append(Event(date: when, status: what, note: note)) }
                }
            } else {
                log.error("'history' is a list of dated status changes: '- {date: 2025-06-10, status: pågår, note: …}'", at: yaml.location(ofKey: "history"))
            }
        }
        var indicators: [Reference] = []
        if let node = mapping["indicators"], node.null == nil {
            let items = node.sequence ?? [node]
            for (index, item) in items.enumerated() {
                let path: [any CodingKey] = node.sequence == nil ? [PlainKey("indicators")] : [PlainKey("indicators"), IndexKey(index)]
                if let id = item.scalar?.string {
                    indicators.append(Reference(id: id, location: yaml.location(of: path)))
                } else {
                    log.error("'indicators' lists the ids of indicators: 'indicators: [ogiltig-franvaro-hogstadiet]'", at: yaml.location(of: path))
                }
            }
        }
        guard log.errorCount == errorsBefore, let decided, let decidedBy, let owner, let deadline, let current else { return nil }
        if deadline < decided {
            log.error("the deadline \(deadline) is before the decision \(decided)", at: yaml.location(ofKey: "deadline"))
            return nil
        }
        return ActionInfo(decided: decided, decidedBy: decidedBy, caseNumber: caseNumber,
                          owner: Reference(id: owner, location: yaml.location(ofKey: "owner")), deadline: deadline,
                          deadlineLocation: yaml.location(ofKey: "deadline"), status: current,
                          history: history.sorted { $0.date < $1.date }, indicators: indicators)
    }
}
