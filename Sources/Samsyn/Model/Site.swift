import SamsynSupport
import SamsynData
import Foundation
import SamsynMarkdown

/// The site model, built once from the loaded pages: the index, where every link leads,
/// each routine's steps. What the checks, every target and `samsyn serve` read; one edited
/// page is swapped in through `replacing(_:)`, which knows what other pages see of it.
public struct Site: Sendable {
    public let config: SiteConfig
    private(set) var index: SiteIndex
    /// Where each link of each page leads, per page position in the order of
    /// `outline.links`: resolved once, on every core, for the checks and for every target.
    private var linkTargets: [[Result<LinkTarget, LinkError>]]

    /// Sorted by source path.
    public var pages: [Page] { index.pages }

    /// Each indicator's values, by its page's id.
    let indicators: [String: IndicatorValues]

    init(config: SiteConfig, pages: [Page], indicators: [String: IndicatorValues] = [:], log: inout DiagnosticLog) {
        self.config = config
        self.indicators = indicators
        languages = config.languages(including: pages.map(\.language))
        let index = SiteIndex(pages: pages)
        for duplicate in index.duplicateIDs {
            log.error("the page id '\(duplicate.id)' is also used by \(duplicate.firstPath); file names must be unique across content/",
                      at: SourceLocation(path: duplicate.path, line: 1, column: 1))
        }
        self.index = index
        linkTargets = Parallel.map(pages.count) { position in
            pages[position].outline.links.map { index.resolve($0.destination, from: pages[position]) }
        }
        var steps: [String: [RoutineStep]] = [:]
        for page in pages {
            if let pageSteps = Self.steps(of: page, in: index) { steps[page.sourcePath] = pageSteps }
        }
        self.steps = steps
        // The first page naming each original, as `SiteChecks.easyReadVersions` accepts it.
        var easyRead: [String: String] = [:]
        for page in index.pages where !page.isTranslation {
            if let original = page.easyReadOf?.id, easyRead[original] == nil { easyRead[original] = page.contentPath }
        }
        easyReadVersions = easyRead
    }

    /// A routine's steps: the items of its step list, each with the roles its links to role
    /// pages name; the first is the step's lane.
    private static func steps(of page: Page, in index: SiteIndex) -> [RoutineStep]? {
        guard let list = page.stepListIndex else { return nil }
        return page.outline.orderedLists[list].items.enumerated().map { number, item in
            let roleLinks = item.links.compactMap { link -> (id: String, text: String)? in
                guard case .success(.page(let target, _)) = index.resolve(link.destination, from: page), target.kind == .role else { return nil }
                return (target.id, link.text)
            }
            var roles: [String] = []
            for link in roleLinks where !roles.contains(link.id) { roles.append(link.id) }
            return RoutineStep(number: number + 1, text: item.text, role: roleLinks.first?.id, roleText: roleLinks.first?.text, roles: roles)
        }
    }

    /// What a routine's flow chart shows, or nil when no step names a role: it depends on
    /// the site alone, so it is the same in every target.
    func flow(of page: Page) -> RoutineFlow? {
        guard let steps = steps[page.sourcePath], steps.contains(where: { $0.role != nil }) else { return nil }
        var lanes: [String?] = []
        var laneOf: [String: Int] = [:]
        for step in steps where laneOf[step.role ?? ""] == nil {
            laneOf[step.role ?? ""] = lanes.count
            lanes.append(step.role.flatMap { index.page(id: $0)?.title })
        }
        return RoutineFlow(lanes: lanes, laneOf: laneOf, steps: steps)
    }

    /// The site without its pages' prose, which only the checks and the search terms read:
    /// some 3 KB a page that need not stay in memory while the targets render.
    func releasingProse() -> Site {
        var site = self
        site.index = index.mapPages { $0.releasingProse() }
        return site
    }

    public func page(id: String) -> Page? { index.page(id: id) }

    /// The page at a path relative to content/ (`rutiner/oroande-franvaro.md`).
    public func page(contentPath: String) -> Page? { index.page(contentPath: contentPath) }

    /// The site with one page edited in place (`samsyn serve`), its anchors and links
    /// worked out again. Nil when the site has no page at that path, or when the edit
    /// changes what other pages show or link to: its front matter (title, summary, roles,
    /// audience), its headings and step list (anchors, flow chart, role relations) or the
    /// ids its figures take. Then the whole site must be built again.
    func replacing(_ page: Page) -> Site? {
        guard let position = index.position(of: page.contentPath) else { return nil }
        let old = index.pages[position]
        guard page.frontMatter == old.frontMatter, page.outline.headings == old.outline.headings,
              page.outline.orderedLists == old.outline.orderedLists, page.reservedIDs == old.reservedIDs
        else { return nil }
        var site = self
        site.index = index.replacing(at: position, with: page)
        site.linkTargets[position] = page.outline.links.map { site.index.resolve($0.destination, from: page) }
        return site
    }

    /// The site's languages: those site.yml declares, then any other a translation is written in.
    public let languages: [String]
    /// Each routine's steps, by source path.
    public let steps: [String: [RoutineStep]]

    public var roles: [Page] { pages.filter { $0.kind == .role && !$0.isTranslation } }

    /// Each page's easy-to-read version (lättläst) by the original's id, worked out once:
    /// every page asks when it is rendered.
    /// (Paths, not pages: the pages are replaced by slimmer ones before rendering.)
    private let easyReadVersions: [String: String]

    /// A page's easy-to-read version: the page whose `easy_read_of` names it
    /// (`SiteChecks.easyReadVersions` checks them).
    func easyReadVersion(of page: Page) -> Page? {
        guard !page.isTranslation, page.easyReadOf == nil else { return nil }
        return easyReadVersions[page.id].flatMap { index.page(contentPath: $0) }
    }

    /// The page an easy-to-read version is of.
    func original(ofEasyRead page: Page) -> Page? {
        page.easyReadOf.flatMap { index.page(id: $0.id) }
    }

    /// Where a page's links lead, in the order of its outline's links (resolved at load,
    /// or, for a page not in the site, now).
    func linkTargets(of page: Page) -> [Result<LinkTarget, LinkError>] {
        index.position(of: page.contentPath).map { linkTargets[$0] }
            ?? page.outline.links.map { index.resolve($0.destination, from: page) }
    }
}

/// A routine's steps in lanes, one per role in the order the steps first name it.
struct RoutineFlow: Sendable {
    /// Each lane's role title; nil for the lane of steps that name no role page.
    var lanes: [String?]
    fileprivate var laneOf: [String: Int]
    var steps: [RoutineStep]

    func lane(of step: RoutineStep) -> Int { laneOf[step.role ?? ""]! }
}

public struct PageReadability: Sendable {
    public var path: String
    public var lix: Double
    /// The LIX its readers' pages may reach; nil where none is set (staff pages).
    public var limit: Double?
}
