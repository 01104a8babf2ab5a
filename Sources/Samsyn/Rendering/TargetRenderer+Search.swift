import Foundation
import SamsynMarkdown

/// Search with no server: an index of this target's pages alone, and a search page.
extension TargetRenderer {
    static let searchPath = "sok/"
    /// Where the index files are (see `SearchIndex`).
    static let searchIndexFolder = "search/"

    func searchFiles() -> [OutputFile] {
        var index = SearchIndex(vocabulary: searchTerms.vocabulary)
        for page in pages {
            let t = localization.strings(for: page.language)
            let excerpt = page.summary ?? Self.firstWords(of: page.readableText, count: 30)
            let kind = page.kind == .page ? t["kind_page"] : t["kind_\(page.kind.rawValue)"]
            let document = SearchIndex.Document(title: page.title, url: page.urlPath, kind: kind,
                                                section: sectionTitle(page.section, t), excerpt: excerpt)
            index.add(document, terms: searchTerms[page.sourcePath])
        }
        return index.files()
    }

    /// The first words of a text joined by single spaces, in one pass that stops after
    /// them. Only characters beyond ASCII are looked up in Unicode's tables: asking about
    /// every character took a twentieth of a large build.
    static func firstWords(of text: String, count: Int) -> String {
        var result = String.UnicodeScalarView()
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                if inWord {
                    words += 1
                    inWord = false
                    if words == count { break }
                }
            } else {
                if !inWord, words > 0 { result.append(" ") }
                inWord = true
                result.append(scalar)
            }
        }
        return String(result)
    }

    func renderSearchPage() -> String {
        let urlPath = Self.searchPath
        let t = strings
        var context = baseContext(for: urlPath, title: t["search_title"], language: site.config.language, searchPage: true)
        context["breadcrumbs"] = items([["title": t["home"], "href": href(from: urlPath, to: "")]])
        context["sectionLinks"] = sections.map { ["title": sectionTitle($0.name, t), "href": href(from: urlPath, to: $0.name + "/")] }
        return templates.render(context, with: "search")
    }
}
