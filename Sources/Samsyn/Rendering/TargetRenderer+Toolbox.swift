import Foundation
import SamsynCharts
import SamsynMarkdown

/// Making the toolbox and the routines visible: routine flows by role, the who-does-what
/// matrix and the toolbox map, all generated from the content.
extension TargetRenderer {
    static let matrixPath = "vem-gor-vad/"

    // MARK: Routine flow

    /// The flow of a routine as SVG, or nil when no step names a role.
    func flowChart(for page: Page) -> String? {
        guard let steps = site.steps[page.sourcePath], steps.contains(where: { $0.role != nil }) else { return nil }
        var lanes: [String] = []
        var laneOf: [String: Int] = [:]
        let other = localization.strings(for: page.language)["flow_other_lane"]
        for step in steps {
            let key = step.role ?? ""
            if laneOf[key] == nil {
                laneOf[key] = lanes.count
                lanes.append(step.role.flatMap { site.page(id: $0)?.title } ?? other)
            }
        }
        let flowSteps = steps.map { step in
            FlowChart.Step(number: step.number, label: Self.shortLabel(step), lane: laneOf[step.role ?? ""]!, href: "#\(Page.stepPrefix)\(step.number)")
        }
        return FlowChart(lanes: lanes, steps: flowSteps).svg
    }

    /// A step in a few words for its box: what is done, without the role's name when the
    /// step starts with it, as the lane shows it.
    static func shortLabel(_ step: RoutineStep) -> String {
        var text = Substring(step.text)
        if let roleText = step.roleText, text.lowercased().hasPrefix(roleText.lowercased()) {
            text = text.dropFirst(roleText.count).drop { $0 == " " || $0 == "," }
        }
        let label = text.split(separator: " ").prefix(5).joined(separator: " ")
        return label.prefix(1).uppercased() + label.dropFirst()
    }

    // MARK: Who does what

    var hasMatrix: Bool { hasReviewOverview }

    private var routinesInTarget: [Page] {
        pages.filter { $0.kind == .routine && !$0.isTranslation }.sorted { $0.title < $1.title }
    }

    /// What a role does in a routine: owns it, takes part (by front matter), and in which steps.
    func part(of role: String, in routine: Page) -> (owner: Bool, steps: [Int], listed: Bool)? {
        guard let info = routine.routine else { return nil }
        let owner = info.owner.id == role
        let steps = (site.steps[routine.sourcePath] ?? []).filter { $0.role == role }.map(\.number)
        let listed = info.roles.contains { $0.id == role }
        return owner || listed || !steps.isEmpty ? (owner, steps, listed) : nil
    }

    func partText(_ part: (owner: Bool, steps: [Int], listed: Bool), _ t: Strings) -> String {
        var words: [String] = []
        if part.owner { words.append(t["matrix_owner"]) }
        if !part.steps.isEmpty {
            words.append(t.format(part.steps.count == 1 ? "matrix_step" : "matrix_steps",
                                  ["steps": part.steps.map(String.init).joined(separator: ", ")]))
        } else if part.listed, !part.owner {
            words.append(t["matrix_takes_part"])
        }
        return words.joined(separator: "; ")
    }

    func renderMatrix() -> String {
        let urlPath = Self.matrixPath
        let t = strings
        let roles = pages.filter { $0.kind == .role && !$0.isTranslation }.sorted { $0.title < $1.title }
        var context = baseContext(for: urlPath, title: t["matrix_title"], language: site.config.language)
        context["summary"] = t["matrix_summary"]
        context["breadcrumbs"] = items(breadcrumbs(for: urlPath, section: "roller", language: site.config.language))
        context["roles"] = roles.map { ["title": $0.title, "href": href(from: urlPath, to: $0.urlPath)] }
        context["routines"] = routinesInTarget.map { routine -> [String: Any] in
            [
                "title": routine.title, "href": href(from: urlPath, to: routine.urlPath),
                "cells": roles.map { role -> [String: Any] in
                    guard let part = part(of: role.id, in: routine) else { return ["empty": true] }
                    return ["text": partText(part, t), "owner": part.owner]
                },
            ]
        }
        return templates.render(context, with: "matrix")
    }

    /// A role page's own row of the matrix.
    func matrixRow(for role: Page) -> [[String: Any]] {
        let t = localization.strings(for: role.language)
        return routinesInTarget.compactMap { routine in
            part(of: role.id, in: routine).map { part in
                ["title": routine.title, "href": href(from: role.urlPath, to: routine.urlPath), "text": partText(part, t)]
            }
        }
    }

    // MARK: Toolbox map

    /// The interventions of this target by level and by whom they are for. A public target
    /// holds only those meant for guardians, and its map is worded for them.
    func renderToolboxMap(_ section: Section) -> String {
        let urlPath = section.name + "/"
        let t = strings
        let audience = target.isPublic ? "public" : "staff"
        var context = baseContext(for: urlPath, title: t["toolbox_map_title_\(audience)"], language: site.config.language)
        context["summary"] = t["toolbox_map_intro_\(audience)"]
        context["breadcrumbs"] = items([["title": t["home"], "href": href(from: urlPath, to: "")]])
        let interventions = section.pages.filter { $0.kind == .intervention }
        let recipients = ["elev", "vårdnadshavare", "personal"]
        context["levels"] = InterventionLevel.allCases.compactMap { level -> [String: Any]? in
            let atLevel = interventions.filter { $0.intervention?.level == level }
            guard !atLevel.isEmpty else { return nil }
            return [
                "title": t["toolbox_level_\(level.slug)"],
                "description": t["toolbox_level_\(level.slug)_description"],
                "groups": recipients.map { recipient -> [String: Any] in
                    let forRecipient = atLevel.filter { $0.intervention?.recipients.contains(recipient) == true }
                    return [
                        "title": t["toolbox_for_\(HeadingSlugger.slug(recipient))"],
                        "items": forRecipient.map { page -> [String: Any] in
                            let info = page.intervention!
                            var entry: [String: Any] = ["title": page.title, "href": href(from: urlPath, to: page.urlPath)]
                            entry["deliveredBy"] = info.deliveredBy.compactMap { site.page(id: $0.id)?.title }.joined(separator: ", ")
                            entry["absence"] = info.absence.joined(separator: ", ")
                            return entry
                        },
                        "empty": forRecipient.isEmpty,
                    ]
                },
            ]
        }
        let unplaced = interventions.filter { $0.intervention?.level == nil }
        context["unplaced"] = items(list(unplaced, from: urlPath))
        return templates.render(context, with: "toolbox-map")
    }
}

extension InterventionLevel {
    /// ASCII form for i18n keys.
    var slug: String { HeadingSlugger.slug(rawValue) }
}
