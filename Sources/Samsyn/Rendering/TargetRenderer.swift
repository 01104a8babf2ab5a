import Foundation
import SamsynMarkdown

/// A part of a target's rendering that runs on its own: a run of pages, a generated page,
/// the search index. What it finds goes to its own log, merged by whoever runs it.
struct RenderJob: Sendable {
    let run: @Sendable (inout DiagnosticLog) -> [OutputFile]

    init(_ run: @escaping @Sendable (inout DiagnosticLog) -> [OutputFile]) {
        self.run = run
    }
}

/// Renders one target: its view of the site (`TargetView`) with a `RenderContext`. The
/// page template lives here; each generated output lives in an extension beside this file
/// with its `Generator`.
struct TargetRenderer {
    private(set) var view: TargetView
    let rendering: RenderContext
    /// Every page's search terms, counted once for all targets.
    private(set) var searchTerms: SearchTermTable
    /// Each report's PDF in this target, by page id, made before the pages (`ReportDocuments`)
    /// so that a report's page can give its size and number of pages.
    private(set) var documents: [String: ReportDocument] = [:]

    init(view: TargetView, rendering: RenderContext, searchTerms: SearchTermTable) {
        self.view = view
        self.rendering = rendering
        self.searchTerms = searchTerms
    }

    var site: Site { view.site }
    var target: Target { view.target }

    func contains(_ page: Page) -> Bool { view.contains(page) }

    /// The interface text of the site's default language.
    var strings: Strings { rendering.strings(for: site.config.language) }

    /// The search index: the slowest job by far, which should start first so that no core
    /// waits on it at the end.
    var searchIndexJob: RenderJob { RenderJob { _ in searchFiles() } }

    /// The generated pages and files (`Generator.all`) as independent jobs, for a caller to
    /// run on every core beside the pages (`renderPages`).
    func generatedJobs() -> [RenderJob] {
        Generator.all.flatMap { $0.jobs(self) }
    }

    /// Renders `pages` in every target that holds them, the files of each target apart. A
    /// page's body is filled in once when its links lead to the same places in every
    /// target (most pages), and a routine's flow chart, the same in every target, is drawn
    /// once.
    static func renderPages(_ pages: ArraySlice<Page>, in renderers: [TargetRenderer], log: inout DiagnosticLog) -> [[OutputFile]] {
        var files = Array(repeating: [OutputFile](), count: renderers.count)
        for page in pages {
            var previous: (links: [LinkResolution], body: String)?
            let flow = renderers.first.flatMap { $0.flowChart(for: page) }
            for (index, renderer) in renderers.enumerated() where renderer.contains(page) {
                let links = renderer.linkResolutions(of: page, log: &log)
                // A follow-up block links per target: such a page's body is not shared.
                let shared = page.outline.fencedBlocks.contains { $0.info == Page.followUpInfoString } ? nil : previous
                let body = shared.flatMap { $0.links == links ? $0.body : nil } ?? renderer.renderBody(of: page, links: links)
                previous = (links, body)
                var file = RenderContext.file(at: page.urlPath, html: renderer.renderPage(page, body: body, flow: flow))
                file.source = page.sourcePath
                files[index].append(file)
            }
        }
        return files
    }

    /// The same renderer with the target's report PDFs made.
    func with(documents: [String: ReportDocument]) -> TargetRenderer {
        var renderer = self
        renderer.documents = documents
        return renderer
    }

    // MARK: Pages

    /// The same renderer over a site in which a page was edited (`Site.replacing`).
    func replacing(_ page: Page, in site: Site, searchTerms: SearchTermTable) -> TargetRenderer {
        var renderer = self
        renderer.view = view.replacing(page, in: site)
        renderer.searchTerms = searchTerms
        return renderer
    }

    /// The routine's flow chart in the page's language, or nil.
    func flowChart(for page: Page) -> String? {
        site.flow(of: page).map {
            Self.flowChart($0, labels: page.routine?.stepLabels.mapValues(\.text) ?? [:], otherLane: rendering.strings(for: page.language)["flow_other_lane"])
        }
    }

    /// What each of the page's links (in the order its outline lists them) becomes in this
    /// target; a link to a page the target leaves out is warned about here.
    func linkResolutions(of page: Page, log: inout DiagnosticLog) -> [LinkResolution] {
        zip(page.outline.links, site.linkTargets(of: page)).map { link, target in
            resolveLink(link, to: target, in: page, log: &log)
        }
    }

    /// The page's Markdown as HTML, its links made what `links` says.
    func renderBody(of page: Page, links: [LinkResolution]) -> String {
        let followUp = followUpBlocks(of: page)
        let blocks = followUp.isEmpty ? page.blockHTML : page.blockHTML.merging(followUp) { _, new in new }
        return page.html.html(links: links, blocks: blocks, values: page.valueHTML)
    }

    /// - Parameter flow: `flowChart(for: page)`, which depends on the site alone.
    func renderPage(_ page: Page, body: String, flow: String?) -> String {
        let t = rendering.localization.strings(for: page.language)
        var context = baseContext(for: page.urlPath, title: page.title, language: page.language)
        context["summary"] = page.summary
        context["body"] = body
        context["kind"] = page.kind.rawValue
        context["breadcrumbs"] = items(breadcrumbs(for: page.urlPath, section: page.section, language: page.language))
        context["translations"] = alternateLinks(for: page)
        context["languages"] = items(languageSwitcher(for: page.id, from: page.urlPath, current: page.language))
        switch page.details {
        case .routine(let routine):
            context["owner"] = roleLink(routine.owner.id, from: page)
            context["roles"] = items(routine.roles.map { roleLink($0.id, from: page) })
            context["reviewed"] = dateContext(routine.reviewed, t)
            context["due"] = dateContext(routine.due, t)
            context["overdue"] = routine.due < rendering.today
            context["flow"] = flow
        case .role(let role):
            let relations = view.roleRelations[page.id] ?? RoleRelations()
            context["organisation"] = role.organisation
            context["owns"] = items(list(relations.owns, from: page.urlPath))
            context["takesPartIn"] = items(list(relations.takesPartIn, from: page.urlPath))
            context["delivers"] = items(list(relations.delivers, from: page.urlPath))
            context["hasRelations"] = !(relations.owns + relations.takesPartIn + relations.delivers).isEmpty
            if view.hasStaffOverviews {
                context["matrixRow"] = items(matrixRow(for: page))
                context["matrixHref"] = RenderContext.href(from: page.urlPath, to: Self.matrixPath)
            }
        case .intervention(let intervention):
            context["level"] = intervention.level?.rawValue
            context["recipients"] = intervention.recipients.isEmpty ? nil : intervention.recipients.joined(separator: ", ")
            context["absence"] = intervention.absence.isEmpty ? nil : intervention.absence.joined(separator: ", ")
            context["deliveredBy"] = items(intervention.deliveredBy.map { roleLink($0.id, from: page) })
        case .report(let report):
            context.merge(reportContext(for: page, report, t)) { _, new in new }
        case .indicator(let indicator):
            context.merge(indicatorContext(for: page, indicator)) { _, new in new }
        case .action(let action):
            context.merge(actionContext(for: page, action)) { _, new in new }
        case .page:
            // An easy-to-read version and its original link each other where the target has both.
            if let easy = site.easyReadVersion(of: page), contains(easy) {
                context["easyRead"] = ["href": RenderContext.href(from: page.urlPath, to: easy.urlPath)]
            }
            if let original = site.original(ofEasyRead: page), contains(original) {
                context["standardVersion"] = ["href": RenderContext.href(from: page.urlPath, to: original.urlPath)]
            }
        }
        return rendering.templates.render(context, with: page.kind.rawValue)
    }

    /// A link to a page of this target becomes a relative URL; one to a page the target
    /// leaves out becomes plain text, with a warning, so nothing points at what is not there.
    private func resolveLink(_ link: Link, to result: Result<LinkTarget, LinkError>, in page: Page, log: inout DiagnosticLog) -> LinkResolution {
        guard case .success(let target) = result else {
            return .plainText // already an error from Site.checkLinks
        }
        switch target {
        case .external, .samePage:
            return .keep
        case .page(let linked, let fragment):
            guard view.contains(linked.sourcePath) else {
                log.warning("the link to '\(linked.sourcePath)' is plain text in the target '\(self.target.name)', which does not include that page",
                            at: page.location(of: link.position))
                return .plainText
            }
            return .replace(with: RenderContext.href(from: page.urlPath, to: linked.urlPath) + (fragment.map { "#" + $0 } ?? ""))
        }
    }

    /// A role by id: linked where this target has its page, its title as plain text otherwise.
    func roleLink(_ id: String, from page: Page) -> [String: Any] {
        roleLink(id, from: page.urlPath)
    }

    /// The same from a generated page's path (`granskning/`).
    func roleLink(_ id: String, from urlPath: String) -> [String: Any] {
        guard let role = site.page(id: id) else { return ["title": id] }
        var entry: [String: Any] = ["title": role.title]
        if contains(role) { entry["href"] = RenderContext.href(from: urlPath, to: role.urlPath) }
        return entry
    }

}
