import SamsynData
import Foundation
import SamsynMarkdown

/// Every page of the site with the indexes that references and links are resolved through.
public struct Site: Sendable {
    public let config: SiteConfig
    /// Sorted by source path.
    public private(set) var pages: [Page]
    private let indexByContentPath: [String: Int]
    private let indexByID: [String: Int]
    /// Everything a `#fragment` may point at, per page index.
    private var anchorIDs: [Set<String>] = []
    /// Where each link of each page leads, per page index in the order of `outline.links`:
    /// resolved once, on every core, for the checks and for every target.
    private var linkTargets: [[Result<LinkTarget, LinkError>]] = []

    /// The site without its pages' prose, which only the checks and the search terms read:
    /// some 3 KB a page that need not stay in memory while the targets render.
    func releasingProse() -> Site {
        var site = self
        site.pages = pages.map { $0.releasingProse() }
        return site
    }

    init(config: SiteConfig, pages: [Page], log: inout DiagnosticLog) {
        self.config = config
        self.pages = pages
        languages = config.languages(including: pages.map(\.language))
        indexByContentPath = Dictionary(pages.enumerated().map { ($1.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
        var byID: [String: Int] = [:]
        for (index, page) in pages.enumerated() where !page.isTranslation {
            if let first = byID[page.id] {
                log.error("the page id '\(page.id)' is also used by \(pages[first].sourcePath); file names must be unique across content/",
                          at: SourceLocation(path: page.sourcePath, line: 1, column: 1))
            } else {
                byID[page.id] = index
            }
        }
        indexByID = byID
        anchorIDs = Parallel.map(pages.count) { pages[$0].anchorIDs }
        let resolver = LinkResolver(site: self)
        linkTargets = Parallel.map(pages.count) { index in
            pages[index].outline.links.map { resolver.resolve($0.destination, from: pages[index]) }
        }
        var steps: [String: [RoutineStep]] = [:]
        for page in pages {
            guard let index = page.stepListIndex else { continue }
            steps[page.sourcePath] = page.outline.orderedLists[index].items.enumerated().map { number, item in
                let roleLink = item.links.lazy.compactMap { link -> (id: String, text: String)? in
                    guard case .success(.page(let target, _)) = resolver.resolve(link.destination, from: page), target.kind == .role else { return nil }
                    return (target.id, link.text)
                }.first
                return RoutineStep(number: number + 1, text: item.text, role: roleLink?.id, roleText: roleLink?.text)
            }
        }
        self.steps = steps
    }

    public func page(id: String) -> Page? { indexByID[id].map { pages[$0] } }

    /// The site with one page edited in place, its anchors and links worked out again; nil
    /// if the site has no page at that path. Only valid while what other pages see of it
    /// (front matter, headings, steps) is unchanged, so the steps stay: the caller checks.
    func replacing(_ page: Page) -> Site? {
        guard let index = indexByContentPath[page.contentPath] else { return nil }
        var site = self
        site.pages[index] = page
        site.anchorIDs[index] = page.anchorIDs
        let resolver = LinkResolver(site: site)
        site.linkTargets[index] = page.outline.links.map { resolver.resolve($0.destination, from: page) }
        return site
    }

    /// The errors in a page's links (for an edited page; `checkLinks` does every page).
    func checkLinks(of page: Page, log: inout DiagnosticLog) {
        for (link, target) in zip(page.outline.links, linkTargets(of: page)) {
            if case .failure(let error) = target { log.error(error.message, at: page.location(of: link.position)) }
        }
        for image in page.outline.images {
            if let message = LinkResolver.imageError(image.destination) { log.error(message, at: page.location(of: image.position)) }
        }
    }

    /// The page at a path relative to content/ (`rutiner/oroande-franvaro.md`).
    public func page(contentPath: String) -> Page? { indexByContentPath[contentPath].map { pages[$0] } }

    /// The `#fragment`s a page of the site can be linked to by.
    func anchorIDs(of page: Page) -> Set<String> {
        indexByContentPath[page.contentPath].flatMap { anchorIDs.indices.contains($0) ? anchorIDs[$0] : nil } ?? page.anchorIDs
    }

    /// The site's languages: those site.yml declares, then any other a translation is written in.
    public let languages: [String]
    /// Each routine's steps, by source path.
    public private(set) var steps: [String: [RoutineStep]] = [:]

    public var roles: [Page] { pages.filter { $0.kind == .role && !$0.isTranslation } }

    /// Checks that every id in front matter names a role page.
    func checkReferences(log: inout DiagnosticLog) {
        let roleIDs = Set(roles.map(\.id))
        func check(_ reference: Reference) {
            guard !roleIDs.contains(reference.id) else { return }
            let message = page(id: reference.id).map { "'\(reference.id)' is a \($0.kind.rawValue), not a role" }
                ?? "unknown role '\(reference.id)'"
            log.error(Suggestion.message(message, for: reference.id, in: roleIDs), at: reference.location)
        }
        for page in pages where !page.isTranslation {
            switch page.details {
            case .routine(let routine): ([routine.owner] + routine.roles).forEach(check)
            case .intervention(let intervention): intervention.deliveredBy.forEach(check)
            default: break
            }
        }
    }

    /// A routine past its review date is a warning (an error with --strict): the date
    /// comes from the front matter; only the comparison uses today's date.
    func checkReviews(today: LocalDate, log: inout DiagnosticLog) {
        for page in pages where !page.isTranslation {
            guard let routine = page.routine, routine.due < today else { continue }
            log.warning("the routine was due for review on \(routine.due) (reviewed \(routine.reviewed), every \(routine.reviewEveryMonths) months); "
                + "review it with its owner '\(routine.owner.id)' and update 'reviewed'", at: routine.reviewedLocation)
        }
    }

    /// LIX of every page in the site's language; a guardian page above `max_lix` is a warning.
    func checkReadability(log: inout DiagnosticLog) -> [PageReadability] {
        let measured = pages.filter { $0.language == config.language }
        let readabilities = Parallel.map(measured.count) { Readability.of(text: measured[$0].readableText) }
        return zip(measured, readabilities).map { page, readability in
            check(readability, of: page, log: &log)
        }
    }

    /// A guardian page above `max_lix` is a warning.
    @discardableResult
    func check(_ readability: Readability, of page: Page, log: inout DiagnosticLog) -> PageReadability {
        let forGuardians = page.audiences.contains(.guardians)
        if forGuardians, readability.lix > config.maxLIX {
            let sentences = readability.longestSentences.map { "«\($0)»" }.joined(separator: " ")
            log.warning("LIX \(Int(readability.lix.rounded())) is above readability.max_lix \(Int(config.maxLIX)) for a page guardians read; "
                + "shorten its longest sentences: \(sentences)", at: SourceLocation(path: page.sourcePath, line: 1, column: 1))
        }
        return PageReadability(path: page.sourcePath, lix: readability.lix, forGuardians: forGuardians)
    }

    /// Checks that every relative link in every page leads to a page and, with `#fragment`, to a heading in it.
    func checkLinks(log: inout DiagnosticLog) {
        for page in pages { checkLinks(of: page, log: &log) }
    }

    /// Where a link written in `page` leads.
    func resolve(_ destination: String, from page: Page) -> Result<LinkTarget, LinkError> {
        LinkResolver(site: self).resolve(destination, from: page)
    }

    /// Where a page's links lead, in the order of its outline's links (resolved at load).
    func linkTargets(of page: Page) -> [Result<LinkTarget, LinkError>] {
        indexByContentPath[page.contentPath].map { linkTargets[$0] } ?? []
    }
}

public struct PageReadability: Sendable {
    public var path: String
    public var lix: Double
    public var forGuardians: Bool
}

/// The relations a role page shows: found by scanning the routines and interventions that name it.
public struct RoleRelations: Sendable {
    public var owns: [Page] = []
    public var takesPartIn: [Page] = []
    public var delivers: [Page] = []

    /// The relations of every role the pages name, in one pass over the pages.
    static func all(among pages: [Page]) -> [String: RoleRelations] {
        var relations: [String: RoleRelations] = [:]
        for page in pages where !page.isTranslation {
            if let routine = page.routine {
                relations[routine.owner.id, default: RoleRelations()].owns.append(page)
                for role in Set(routine.roles.map(\.id)) where role != routine.owner.id {
                    relations[role, default: RoleRelations()].takesPartIn.append(page)
                }
            }
            for role in Set(page.intervention?.deliveredBy.map(\.id) ?? []) {
                relations[role, default: RoleRelations()].delivers.append(page)
            }
        }
        return relations
    }
}
