import Foundation
import SamsynMarkdown

/// Search with no server: an index of this target's pages alone, and a search page.
extension TargetRenderer {
    static let searchPath = "sok/"

    func searchFiles() -> [OutputFile] {
        var index = SearchIndex()
        // Terms are counted on every core, a chunk of pages at a time, so that only the
        // merged index, not every page's counts, stays in memory.
        for chunkStart in stride(from: 0, to: pages.count, by: 64) {
            let chunk = Array(pages[chunkStart..<min(chunkStart + 64, pages.count)])
            let counted = Parallel.map(chunk.count) { position -> (SearchIndex.Document, [String: Float]) in
                let page = chunk[position]
                let t = localization.strings(for: page.language)
                let excerpt = page.summary ?? Self.firstWords(of: page.readableText, count: 30)
                let kind = page.kind == .page ? t["kind_page"] : t["kind_\(page.kind.rawValue)"]
                let document = SearchIndex.Document(title: page.title, url: page.urlPath, kind: kind,
                                                    section: sectionTitle(page.section, t), excerpt: excerpt)
                let weights = SearchIndex.weights(of: [
                    (page.title, 10), (page.outline.headings.map(\.text).joined(separator: " "), 5),
                    (page.summary ?? "", 3), (page.readableText, 1),
                ])
                return (document, weights)
            }
            for (document, weights) in counted { index.add(document, weights: weights) }
        }
        return index.files()
    }

    /// The first words of a text, without splitting the rest of it.
    static func firstWords(of text: String, count: Int) -> String {
        var words = 0
        var end = text.startIndex
        var inWord = false
        for index in text.indices {
            if text[index].isWhitespace {
                if inWord { words += 1; inWord = false; if words == count { end = index; break } }
            } else {
                inWord = true
            }
            end = text.index(after: index)
        }
        return text[..<end].split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
