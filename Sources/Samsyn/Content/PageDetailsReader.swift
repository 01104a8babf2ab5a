import Foundation
import SamsynData
import SamsynSupport

/// A page's front matter read for its kind: the routine's owner and review, the
/// intervention's level and recipients, each value checked where it is written.
enum PageDetailsReader {
    static func details(kind: PageKind, yaml: YAMLSource, log: inout DiagnosticLog) -> PageDetails? {
        func reference(_ id: String, _ keyPath: [any CodingKey]) -> Reference {
            Reference(id: id, location: yaml.location(of: keyPath))
        }
        func references(_ values: [String]?, key: String) -> [Reference] {
            (values ?? []).enumerated().map { index, id in reference(id, [PlainKey(key), IndexKey(index)]) }
        }
        switch kind {
        case .routine:
            guard let raw = yaml.read(RoutineFrontMatter.init, log: &log) else { return nil }
            var every = raw.review_every ?? 12
            if !(1...1200).contains(every) {
                log.error("'review_every' is a number of months, from 1 to 1200", at: yaml.location(ofKey: "review_every"))
                every = 12
            }
            return .routine(RoutineInfo(
                owner: reference(raw.owner, [PlainKey("owner")]),
                roles: references(raw.roles?.values, key: "roles"),
                reviewed: raw.reviewed,
                reviewedLocation: yaml.location(ofKey: "reviewed"),
                reviewEveryMonths: every,
                stepLabels: stepLabels(yaml, log: &log)
            ))
        case .role:
            guard let raw = yaml.read(RoleFrontMatter.init, log: &log) else { return nil }
            return .role(RoleInfo(organisation: raw.organisation))
        case .intervention:
            guard let raw = yaml.read(InterventionFrontMatter.init, log: &log) else { return nil }
            var level: InterventionLevel?
            if let name = raw.level {
                level = InterventionLevel(rawValue: name)
                if level == nil {
                    let names = InterventionLevel.allCases.map(\.rawValue)
                    log.error(Suggestion.message("unknown level '\(name)'; use \(names.joined(separator: ", "))", for: name, in: names),
                              at: yaml.location(ofKey: "level"))
                }
            }
            let recipients = raw.recipients?.values ?? []
            let allowed = InterventionInfo.recipientNames
            for (index, name) in recipients.enumerated() where !allowed.contains(name) {
                log.error(Suggestion.message("unknown recipient '\(name)' in 'for'; use \(allowed.joined(separator: ", "))", for: name, in: allowed),
                          at: yaml.location(of: [PlainKey("for"), IndexKey(index)]))
            }
            return .intervention(InterventionInfo(
                level: level, recipients: recipients, absence: raw.absence?.values ?? [],
                deliveredBy: references(raw.delivered_by?.values, key: "delivered_by")
            ))
        case .report:
            guard let raw = yaml.read(ReportFrontMatter.init, log: &log) else { return nil }
            return .report(ReportInfo(year: raw.year, committee: raw.committee, caseNumber: raw.case_number, date: raw.date,
                                      preparedBy: raw.prepared_by?.values ?? [], decision: raw.decision?.values ?? []))
        case .indicator:
            return IndicatorInfo.read(yaml, log: &log).map { .indicator($0) }
        case .action:
            return ActionInfo.read(yaml, log: &log).map { .action($0) }
        case .page:
            return .page
        }
    }

    /// `step_labels: {2: Första kartläggning}`: step numbers to short texts. Whether each
    /// step exists is checked with the steps (`SiteChecks.stepLabels`).
    private static func stepLabels(_ yaml: YAMLSource, log: inout DiagnosticLog) -> [Int: (text: String, location: SourceLocation)] {
        guard let node = yaml.root?.mapping?["step_labels"], node.null == nil else { return [:] }
        guard let pairs = node.mapping else {
            log.error("'step_labels' maps a step's number to its label in the flow chart: 'step_labels: {2: Första kartläggning}'",
                      at: yaml.location(ofKey: "step_labels"))
            return [:]
        }
        var labels: [Int: (text: String, location: SourceLocation)] = [:]
        for (key, value) in pairs {
            let name = key.string ?? ""
            let location = yaml.location(of: [PlainKey("step_labels"), PlainKey(name)])
            guard let number = Int(name), number >= 1 else {
                log.error("'\(name)' is not a step number; 'step_labels' maps a step's number (1, 2, …) to its label", at: location)
                continue
            }
            guard let text = value.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                log.error("the label of step \(number) must be a short text", at: location)
                continue
            }
            labels[number] = (text, location)
        }
        return labels
    }

    /// A misspelt key would otherwise be silently ignored.
    static func warnAboutUnknownKeys(yaml: YAMLSource, kind: PageKind?, log: inout DiagnosticLog) {
        var known = CommonFrontMatter.keys
        switch kind {
        case .routine: known.formUnion(RoutineFrontMatter.keys)
        case .role: known.formUnion(RoleFrontMatter.keys)
        case .intervention: known.formUnion(InterventionFrontMatter.keys)
        case .report: known.formUnion(ReportFrontMatter.keys)
        case .indicator: known.formUnion(IndicatorInfo.keys)
        case .action: known.formUnion(ActionInfo.keys)
        case .page, nil: break
        }
        for (name, location) in yaml.topLevelKeys where !known.contains(name) {
            log.warning(Suggestion.message("unknown front matter key '\(name)' is ignored", for: name, in: known)
                        + "; the keys are \(known.sorted().joined(separator: ", "))", at: location)
        }
    }
}
