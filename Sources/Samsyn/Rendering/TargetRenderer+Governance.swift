import Foundation

extension Generator {
    static let reviewOverview = Generator(paths: [TargetRenderer.reviewOverviewPath], what: "the review overview", templates: ["review-overview"]) { renderer in
        guard renderer.view.hasStaffOverviews else { return [] }
        return [RenderJob { _ in [RenderContext.file(at: TargetRenderer.reviewOverviewPath, html: renderer.renderReviewOverview())] }]
    }
}

/// The intranet's overview of every routine by review date, overdue ones first.
extension TargetRenderer {
    static let reviewOverviewPath = "granskning/"

    func renderReviewOverview() -> String {
        let urlPath = Self.reviewOverviewPath
        let t = strings
        // Each due date worked out once, not at every comparison of the sort.
        let routines = view.pages.compactMap { page in page.routine.map { (page: page, routine: $0, due: $0.due) } }
            .filter { !$0.page.isTranslation }
            .sorted { ($0.due, $0.page.title) < ($1.due, $1.page.title) }
        var context = baseContext(for: urlPath, title: t["review_overview_title"], language: site.config.language)
        context["breadcrumbs"] = items(breadcrumbs(for: urlPath, section: "rutiner", language: site.config.language))
        context["today"] = dateContext(rendering.today, t)
        let overdue = routines.filter { $0.due < rendering.today }.count
        context["overdueCount"] = overdue
        context["summary"] = t.format("review_overview_summary", ["count": String(routines.count), "overdue": String(overdue)])
        context["routines"] = items(routines.map { page, routine, due -> [String: Any] in
            let owner = roleLink(routine.owner.id, from: urlPath)
            return [
                "title": page.title, "href": RenderContext.href(from: urlPath, to: page.urlPath), "owner": owner,
                "reviewed": dateContext(routine.reviewed, t), "due": dateContext(due, t),
                "overdue": due < rendering.today,
            ]
        })
        return rendering.templates.render(context, with: "review-overview")
    }
}
