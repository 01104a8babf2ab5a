import Foundation
import SamsynMarkdown

/// Search with no server: an index of this target's pages alone, and a search page.
extension TargetRenderer {
    static let searchPath = "sok/"

    func searchFiles() -> [OutputFile] {
        let documents = pages.map { page -> SearchIndex.Document in
            let t = localization.strings(for: page.language)
            let text = Markdown.readableText(of: page.body)
            let excerpt = page.summary ?? text.split(whereSeparator: \.isWhitespace).prefix(30).joined(separator: " ")
            let kind = page.kind == .page ? t["kind_page"] : t["kind_\(page.kind.rawValue)"]
            return SearchIndex.Document(
                title: page.title, url: page.urlPath, kind: kind, section: sectionTitle(page.section, t), excerpt: excerpt,
                fields: [(page.title, 10), (page.outline.headings.map(\.text).joined(separator: " "), 5), (page.summary ?? "", 3), (text, 1)]
            )
        }
        return SearchIndex(documents: documents).files()
    }

    func renderSearchPage() -> String {
        let urlPath = Self.searchPath
        let t = strings
        var context = baseContext(for: urlPath, title: t["search_title"], language: site.config.language)
        context["breadcrumbs"] = items([["title": t["home"], "href": href(from: urlPath, to: "")]])
        context["sectionLinks"] = sections.map { ["title": sectionTitle($0.name, t), "href": href(from: urlPath, to: $0.name + "/")] }
        context["searchPage"] = true
        return templates.render(context, with: "search")
    }
}
