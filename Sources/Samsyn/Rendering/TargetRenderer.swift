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

/// Renders one target: only the pages whose audience meets the target's, and navigation,
/// cross-references, indexes, generated pages and sitemap built from those pages alone.
/// The generated pages live in the extensions beside this file.
struct TargetRenderer {
    private(set) var site: Site
    let target: Target
    let templates: TemplateSet
    let localization: Localization
    /// Every page's search terms, counted once for all targets.
    private(set) var searchTerms: SearchTermTable
    /// The date overdue reviews are measured against.
    let today: LocalDate

    /// The pages this target holds, in source order.
    private(set) var pages: [Page]
    private let included: Set<String>
    /// Worked out once, not per page: every page's menu needs them.
    let sections: [Section]
    /// The language versions of each page id in this target.
    let versionsByID: [String: [Page]]
    let roleRelations: [String: RoleRelations]
    /// Each role's part in the target's routines, for the matrix and the role pages.
    let participation: [String: [(routine: Page, part: RolePart)]]
    /// A target with staff routines gets the review overview and the who-does-what matrix.
    let hasStaffOverviews: Bool
    /// The frame partials, rendered once per folder depth, section and language.
    let frames = FrameCache()

    init(site: Site, target: Target, templates: TemplateSet, localization: Localization, searchTerms: SearchTermTable, today: LocalDate) {
        self.site = site
        self.searchTerms = searchTerms
        self.target = target
        self.templates = templates
        self.localization = localization
        self.today = today
        let pages = site.pages.filter { target.includes($0.audiences) }
        self.pages = pages
        included = Set(pages.map(\.sourcePath))
        sections = Self.sections(of: pages)
        versionsByID = Dictionary(grouping: pages, by: \.id).mapValues { $0.sorted { $0.language < $1.language } }
        roleRelations = RoleRelations.all(among: pages)
        let routines = pages.filter { $0.kind == .routine && !$0.isTranslation }
        participation = Self.participation(routines: routines, steps: site.steps)
        hasStaffOverviews = target.audiences.contains(.staff) && !routines.isEmpty
    }

    func contains(_ page: Page) -> Bool { included.contains(page.sourcePath) }

    /// The interface text of the site's default language.
    var strings: Strings { localization.strings(for: site.config.language) }

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
            let flow = renderers.first(where: { $0.contains(page) })?.flowChart(for: page)
            for (index, renderer) in renderers.enumerated() where renderer.contains(page) {
                let links = renderer.linkResolutions(of: page, log: &log)
                let body = previous.flatMap { $0.links == links ? $0.body : nil } ?? renderer.renderBody(of: page, links: links)
                previous = (links, body)
                var file = renderer.file(at: page.urlPath, html: renderer.renderPage(page, body: body, flow: flow))
                file.source = page.sourcePath
                files[index].append(file)
            }
        }
        return files
    }

    // MARK: Pages

    /// The same renderer over a site in which a page was edited without changing what other
    /// pages show of it (`samsyn serve`'s page-by-page rebuild).
    func updating(site: Site, searchTerms: SearchTermTable, page: Page) -> TargetRenderer {
        var renderer = self
        renderer.site = site
        renderer.searchTerms = searchTerms
        // The edited page's own text, for the search index's excerpts.
        if let index = pages.firstIndex(where: { $0.sourcePath == page.sourcePath }) { renderer.pages[index] = page }
        return renderer
    }

    func renderPage(_ page: Page, log: inout DiagnosticLog) -> String {
        renderPage(page, body: renderBody(of: page, links: linkResolutions(of: page, log: &log)), flow: flowChart(for: page))
    }

    /// What each of the page's links (in the order its outline lists them) becomes in this
    /// target; a link to a page the target leaves out is warned about here.
    func linkResolutions(of page: Page, log: inout DiagnosticLog) -> [LinkResolution] {
        let targets = site.linkTargets(of: page)
        return page.outline.links.enumerated().map { index, link in
            resolveLink(link, to: index < targets.count ? targets[index] : site.resolve(link.destination, from: page), in: page, log: &log)
        }
    }

    /// The page's Markdown as HTML, its links made what `links` says.
    func renderBody(of page: Page, links: [LinkResolution]) -> String {
        page.html.html(links: links, blocks: page.blockHTML)
    }

    /// - Parameter flow: `flowChart(for: page)`, which depends on the site alone.
    func renderPage(_ page: Page, body: String, flow: String?) -> String {
        let t = localization.strings(for: page.language)
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
            context["overdue"] = routine.due < today
            context["flow"] = flow
        case .role(let role):
            let relations = roleRelations[page.id] ?? RoleRelations()
            context["organisation"] = role.organisation
            context["owns"] = items(list(relations.owns, from: page.urlPath))
            context["takesPartIn"] = items(list(relations.takesPartIn, from: page.urlPath))
            context["delivers"] = items(list(relations.delivers, from: page.urlPath))
            context["hasRelations"] = !(relations.owns + relations.takesPartIn + relations.delivers).isEmpty
            if hasStaffOverviews {
                context["matrixRow"] = items(matrixRow(for: page))
                context["matrixHref"] = href(from: page.urlPath, to: Self.matrixPath)
            }
        case .intervention(let intervention):
            context["level"] = intervention.level?.rawValue
            context["recipients"] = intervention.recipients.isEmpty ? nil : intervention.recipients.joined(separator: ", ")
            context["absence"] = intervention.absence.isEmpty ? nil : intervention.absence.joined(separator: ", ")
            context["deliveredBy"] = items(intervention.deliveredBy.map { roleLink($0.id, from: page) })
        case .report(let report):
            context["year"] = report.year.map(String.init)
        case .page:
            break
        }
        return templates.render(context, with: page.kind.rawValue)
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
            guard included.contains(linked.sourcePath) else {
                log.warning("the link to '\(linked.sourcePath)' is plain text in the target '\(self.target.name)', which does not include that page",
                            at: page.location(of: link.position))
                return .plainText
            }
            return .replace(with: href(from: page.urlPath, to: linked.urlPath) + (fragment.map { "#" + $0 } ?? ""))
        }
    }

    /// A role by id: linked where this target has its page, its title as plain text otherwise.
    private func roleLink(_ id: String, from page: Page) -> [String: Any] {
        guard let role = site.page(id: id) else { return ["title": id] }
        var entry: [String: Any] = ["title": role.title]
        if contains(role) { entry["href"] = href(from: page.urlPath, to: role.urlPath) }
        return entry
    }

    func file(at urlPath: String, html: String) -> OutputFile {
        OutputFile(path: urlPath + "index.html", contents: Data(html.utf8))
    }
}
