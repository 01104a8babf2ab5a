import SamsynSupport
import Foundation

/// The pages found by id, by path and by `#fragment`: what links and references resolve
/// against. Plain data; link resolution is a pure function of it (`resolve(_:from:)`,
/// LinkSyntax.swift).
struct SiteIndex: Sendable {
    /// Sorted by source path.
    private(set) var pages: [Page]
    private let positionByContentPath: [String: Int]
    private let positionByID: [String: Int]
    /// Everything a `#fragment` may point at, per page position.
    private var anchorIDs: [Set<String>]
    /// Pages (by source path) whose id an earlier page has already: ids must be unique.
    let duplicateIDs: [(path: String, id: String, firstPath: String)]

    init(pages: [Page]) {
        self.pages = pages
        positionByContentPath = Dictionary(pages.enumerated().map { ($1.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
        var byID: [String: Int] = [:]
        var duplicates: [(path: String, id: String, firstPath: String)] = []
        for (position, page) in pages.enumerated() where !page.isTranslation {
            if let first = byID[page.id] {
                duplicates.append((page.sourcePath, page.id, pages[first].sourcePath))
            } else {
                byID[page.id] = position
            }
        }
        positionByID = byID
        duplicateIDs = duplicates
        anchorIDs = Parallel.map(pages.count) { pages[$0].anchorIDs }
    }

    func page(id: String) -> Page? { positionByID[id].map { pages[$0] } }

    /// The page at a path relative to content/ (`rutiner/oroande-franvaro.md`).
    func page(contentPath: String) -> Page? { position(of: contentPath).map { pages[$0] } }

    /// Where the page at a path relative to content/ is in `pages`.
    func position(of contentPath: String) -> Int? { positionByContentPath[contentPath] }

    /// The `#fragment`s a page can be linked to by.
    func anchorIDs(of page: Page) -> Set<String> {
        position(of: page.contentPath).map { anchorIDs[$0] } ?? page.anchorIDs
    }

    /// The index with the page at `position` replaced by one at the same path.
    func replacing(at position: Int, with page: Page) -> SiteIndex {
        var index = self
        index.pages[position] = page
        index.anchorIDs[position] = page.anchorIDs
        return index
    }

    /// The same index over pages without their prose (`Page.releasingProse`).
    func mapPages(_ transform: (Page) -> Page) -> SiteIndex {
        var index = self
        index.pages = pages.map(transform)
        return index
    }
}
