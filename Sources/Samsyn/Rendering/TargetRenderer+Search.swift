import Foundation
import SamsynMarkdown

extension Generator {
    static let searchPage = Generator(paths: [TargetRenderer.searchPath], what: "the search page", templates: ["search"]) { renderer in
        [RenderJob { _ in [RenderContext.file(at: TargetRenderer.searchPath, html: renderer.renderSearchPage())] }]
    }

    /// Not in `all`: the build starts it first (`TargetRenderer.searchIndexJob`).
    static let searchIndex = Generator(paths: [TargetRenderer.searchIndexFolder], what: "the search index") { renderer in
        [renderer.searchIndexJob]
    }
}

/// Search with no server: an index of this target's pages alone, and a search page.
extension TargetRenderer {
    static let searchPath = "sok/"
    /// Where the index files are (see `SearchIndex`).
    static let searchIndexFolder = "search/"

    func searchFiles() -> [OutputFile] {
        var counts = Array(repeating: 0, count: searchTerms.vocabulary.count)
        for page in view.pages {
            for term in searchTerms[page.sourcePath] { counts[Int(term.term)] += 1 }
        }
        var index = SearchIndex(vocabulary: searchTerms.vocabulary, postingCounts: counts)
        for page in view.pages {
            let t = rendering.localization.strings(for: page.language)
            let kind = page.kind == .page ? t["kind_page"] : t["kind_\(page.kind.rawValue)"]
            let document = SearchIndex.Document(title: page.title, url: page.urlPath, kind: kind,
                                                section: sectionTitle(page.section, t), excerpt: page.excerpt)
            index.add(document, terms: searchTerms[page.sourcePath])
        }
        return index.files()
    }

    func renderSearchPage() -> String {
        let urlPath = Self.searchPath
        let t = strings
        var context = baseContext(for: urlPath, title: t["search_title"], language: site.config.language, searchPage: true)
        context["breadcrumbs"] = items([["title": t["home"], "href": RenderContext.href(from: urlPath, to: "")]])
        context["sectionLinks"] = view.sections.map { ["title": sectionTitle($0.name, t), "href": RenderContext.href(from: urlPath, to: $0.name + "/")] }
        return rendering.templates.render(context, with: "search")
    }
}
