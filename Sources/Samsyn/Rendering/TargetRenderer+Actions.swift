import Foundation

/// Decided actions: each action's page, and the overview of every action (`atgarder/`, the
/// section's index), open ones first by deadline, as the review overview lists routines.
extension TargetRenderer {
    static let actionSection = PageKind.action.folder

    /// What an action's page shows besides its text.
    func actionContext(for page: Page, _ action: ActionInfo) -> [String: Any] {
        let t = rendering.strings(for: page.language)
        var context: [String: Any] = [
            "decided": dateContext(action.decided, t), "decidedBy": action.decidedBy,
            "owner": roleLink(action.owner.id, from: page), "deadline": dateContext(action.deadline, t),
            "status": t[action.status.textKey], "statusClass": String(describing: action.status),
            "overdue": action.status.isOpen && action.deadline < rendering.today,
        ]
        context["caseNumber"] = action.caseNumber
        context["history"] = items(action.history.reversed().map { event -> [String: Any] in
            var entry: [String: Any] = ["date": dateContext(event.date, t), "status": t[event.status.textKey]]
            entry["note"] = event.note
            return entry
        })
        // Only the indicators this target holds: a staff-only indicator is not named on the public web.
        context["indicators"] = items(action.indicators.compactMap { reference -> [String: Any]? in
            guard let indicator = site.page(id: reference.id), contains(indicator) else { return nil }
            return ["title": indicator.title, "href": RenderContext.href(from: page.urlPath, to: indicator.urlPath)]
        })
        return context
    }

    /// Every action of the target: open ones by deadline, then those done or cancelled.
    func renderActionOverview(_ section: TargetView.Section) -> String {
        let urlPath = section.name + "/"
        let t = strings
        let today = rendering.today
        let actions = section.pages.compactMap { page in page.action.map { (page: page, action: $0) } }
            .sorted { ($0.action.status.isOpen ? 0 : 1, $0.action.deadline, $0.page.title) < ($1.action.status.isOpen ? 0 : 1, $1.action.deadline, $1.page.title) }
        var context = baseContext(for: urlPath, title: t["actions_title"], language: site.config.language)
        let overdue = actions.filter { $0.action.status.isOpen && $0.action.deadline < today }.count
        context["summary"] = t.format("actions_summary", ["count": String(actions.count), "open": String(actions.count { $0.action.status.isOpen }),
                                                         "overdue": String(overdue)])
        context["breadcrumbs"] = items([["title": t["home"], "href": RenderContext.href(from: urlPath, to: "")]])
        context["actions"] = items(actions.map { page, action -> [String: Any] in
            var row: [String: Any] = [
                "title": page.title, "href": RenderContext.href(from: urlPath, to: page.urlPath),
                "decided": dateContext(action.decided, t), "deadline": dateContext(action.deadline, t),
                "status": t[action.status.textKey], "overdue": action.status.isOpen && action.deadline < today,
            ]
            row["owner"] = roleLink(action.owner.id, from: urlPath)
            return row
        })
        return rendering.templates.render(context, with: "actions")
    }
}
