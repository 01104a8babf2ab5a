import Foundation
import SamsynCharts
import SamsynMarkdown

extension Generator {
    static let whoDoesWhat = Generator(paths: [TargetRenderer.matrixPath], what: "the who-does-what overview", templates: ["matrix"]) { renderer in
        guard renderer.view.hasStaffOverviews else { return [] }
        return [RenderJob { _ in [RenderContext.file(at: TargetRenderer.matrixPath, html: renderer.renderMatrix())] }]
    }
}

/// Making the toolbox and the routines visible: routine flows by role, the who-does-what
/// matrix and the toolbox map, all generated from the content.
extension TargetRenderer {
    static let matrixPath = "vem-gor-vad/"

    // MARK: Routine flow

    /// A routine's flow (`Site.flow(of:)`) as SVG, its steps without a role in a lane of
    /// their own named in the page's language.
    /// - Parameter labels: the routine's `step_labels`, by step number.
    static func flowChart(_ flow: RoutineFlow, labels: [Int: String] = [:], otherLane: String) -> String {
        let steps = flow.steps.map { step in
            FlowChart.Step(number: step.number, label: labels[step.number] ?? shortLabel(step), lane: flow.lane(of: step),
                           href: "#\(Page.stepPrefix)\(step.number)")
        }
        return FlowChart(lanes: flow.lanes.map { $0 ?? otherLane }, steps: steps).svg
    }

    /// Words after the role a step starts with that belong to the role, not to what it
    /// does: others joined to it ("Närvaroansvarig och mentorn gör") or where it works
    /// ("Specialpedagog på den mottagande skolan"). Such a step keeps its role in the label.
    static let wordsThatKeepTheRole: Set<String> = ["och", "eller", "samt", "tillsammans", "med", "på", "i", "vid", "inom", "hos", "från",
                                                    "and", "or", "with", "at", "in"]

    /// A step for its box when it has no label of its own: its first clause (up to a colon,
    /// semicolon, dash or full stop), without the role's name when the step starts with it
    /// and goes on with what the role does. The box wraps it; only a clause too long for
    /// the box is cut, at a word, and `step_labels` gives such a step a label of its own.
    static func shortLabel(_ step: RoutineStep) -> String {
        var text = Substring(step.text)
        if let roleText = step.roleText, text.lowercased().hasPrefix(roleText.lowercased()) {
            let rest = text.dropFirst(roleText.count).drop { $0 == " " || $0 == "," }
            let next = rest.prefix { $0.isLetter }.lowercased()
            if !rest.isEmpty, !wordsThatKeepTheRole.contains(next), !text.dropFirst(roleText.count).hasPrefix(",") { text = rest }
        }
        for separator in [": ", "; ", " – ", " - ", ". ", " ("] {
            if let range = text.range(of: separator) { text = text[..<range.lowerBound] }
        }
        if text.hasSuffix(".") { text = text.dropLast() }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    // MARK: Who does what

    /// Above this many cells the matrix becomes a list per role: a thousand roles across
    /// three thousand routines is no table anyone reads.
    static let matrixTableLimit = 20_000

    func partText(_ part: RolePart, _ t: Strings) -> String {
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
        let roles = view.pages.filter { $0.kind == .role && !$0.isTranslation }.sorted { $0.title < $1.title }
        let routines = view.pages.filter { $0.kind == .routine && !$0.isTranslation }.sorted { $0.title < $1.title }
        var context = baseContext(for: urlPath, title: t["matrix_title"], language: site.config.language)
        context["summary"] = t["matrix_summary"]
        context["breadcrumbs"] = items(breadcrumbs(for: urlPath, section: "roller", language: site.config.language))
        if routines.count * roles.count <= Self.matrixTableLimit {
            var parts: [String: [String: RolePart]] = [:]
            for (role, entries) in view.participation {
                for entry in entries { parts[entry.routine.sourcePath, default: [:]][role] = entry.part }
            }
            context["table"] = [
                "roles": roles.map { ["title": $0.title, "href": RenderContext.href(from: urlPath, to: $0.urlPath)] },
                "routines": routines.map { routine -> [String: Any] in
                    [
                        "title": routine.title, "href": RenderContext.href(from: urlPath, to: routine.urlPath),
                        "cells": roles.map { role -> [String: Any] in
                            guard let part = parts[routine.sourcePath]?[role.id] else { return ["empty": true] }
                            return ["text": partText(part, t), "owner": part.owner]
                        },
                    ]
                },
            ] as [String: Any]
        } else {
            context["perRole"] = roles.map { role -> [String: Any] in
                ["title": role.title, "href": RenderContext.href(from: urlPath, to: role.urlPath), "items": matrixRow(for: role, from: urlPath)]
            }
        }
        return rendering.templates.render(context, with: "matrix")
    }

    /// A role's own row of the matrix: the routines it is part of, and how.
    func matrixRow(for role: Page, from urlPath: String? = nil) -> [[String: Any]] {
        let t = rendering.localization.strings(for: role.language)
        return (view.participation[role.id] ?? []).map { entry in
            ["title": entry.routine.title, "href": RenderContext.href(from: urlPath ?? role.urlPath, to: entry.routine.urlPath), "text": partText(entry.part, t)]
        }
    }

    // MARK: Toolbox map

    /// The interventions of this target by level and by whom they are for. A public target
    /// holds only those meant for guardians, and its map is worded for them.
    func renderToolboxMap(_ section: TargetView.Section) -> String {
        let urlPath = section.name + "/"
        let t = strings
        let audience = target.isPublic ? "public" : "staff"
        var context = baseContext(for: urlPath, title: t["toolbox_map_title_\(audience)"], language: site.config.language)
        context["summary"] = t["toolbox_map_intro_\(audience)"]
        context["breadcrumbs"] = items([["title": t["home"], "href": RenderContext.href(from: urlPath, to: "")]])
        let interventions = section.pages.filter { $0.kind == .intervention }
        context["levels"] = toolboxLevels(interventions, t: t) { page in
            let info = page.intervention!
            var entry: [String: Any] = ["title": page.title, "href": RenderContext.href(from: urlPath, to: page.urlPath)]
            entry["deliveredBy"] = info.deliveredBy.compactMap { site.page(id: $0.id)?.title }.joined(separator: ", ")
            entry["absence"] = info.absence.joined(separator: ", ")
            return entry
        }
        let unplaced = interventions.filter { $0.intervention?.level == nil }
        context["unplaced"] = items(list(unplaced, from: urlPath))
        return rendering.templates.render(context, with: "toolbox-map")
    }
}

extension TargetRenderer {
    /// The interventions by level, then by whom they are for, each as `entry` makes it.
    func toolboxLevels(_ interventions: [Page], t: Strings, entry: (Page) -> [String: Any]) -> [[String: Any]] {
        InterventionLevel.allCases.compactMap { level -> [String: Any]? in
            let atLevel = interventions.filter { $0.intervention?.level == level }
            guard !atLevel.isEmpty else { return nil }
            return [
                "title": t["toolbox_level_\(level.slug)"],
                "description": t["toolbox_level_\(level.slug)_description"],
                "groups": InterventionInfo.recipientNames.map { recipient -> [String: Any] in
                    let forRecipient = atLevel.filter { $0.intervention?.recipients.contains(recipient) == true }
                    return ["title": t["toolbox_for_\(HeadingSlugger.slug(recipient))"], "items": forRecipient.map(entry), "empty": forRecipient.isEmpty]
                },
            ]
        }
    }
}

extension InterventionLevel {
    /// ASCII form for i18n keys.
    var slug: String { HeadingSlugger.slug(rawValue) }
}
