import Foundation

/// What a target's pages are rendered with, apart from the pages themselves: the templates,
/// the interface text of every language, the date overdue reviews are measured against,
/// the frame partials rendered so far, and the URL helpers.
struct RenderContext: Sendable {
    let templates: TemplateSet
    let localization: Localization
    let today: LocalDate
    /// The frame partials of this target, rendered once per folder depth, section and language.
    let frames = FrameCache()

    func strings(for language: String) -> Strings { localization.strings(for: language) }

    /// A relative URL from one page's folder to another's, so the site works from any sub-path.
    static func href(from fromPath: String, to toPath: String) -> String {
        // Folders are "a/b/": one per slash (counting bytes, not splitting the path).
        let depth = fromPath.utf8.count { $0 == UInt8(ascii: "/") } + (fromPath.isEmpty || fromPath.hasSuffix("/") ? 0 : 1)
        let relative = String(repeating: "../", count: depth) + toPath
        return relative.isEmpty ? "./" : relative
    }

    /// A rendered page's file: `index.html` in the page's folder.
    static func file(at urlPath: String, html: String) -> OutputFile {
        OutputFile(path: urlPath + "index.html", contents: Data(html.utf8))
    }
}
