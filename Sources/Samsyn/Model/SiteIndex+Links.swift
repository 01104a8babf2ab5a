import SamsynSupport
import SamsynData
import Foundation
import SamsynMarkdown

public enum LinkTarget: Sendable {
    /// Another site, a mail address, a phone number: left as written.
    case external
    /// A heading on the same page (`#steg-3`).
    case samePage(fragment: String)
    case page(PageAddress, fragment: String?)
}

/// What a link needs of the page it leads to. Not the page itself: every link holding a
/// copy of its page kept each page's text alive as long as the site's links.
public struct PageAddress: Sendable {
    public var id: String
    public var kind: PageKind
    public var sourcePath: String
    public var urlPath: String

    init(_ page: Page) {
        id = page.id
        kind = page.kind
        sourcePath = page.sourcePath
        urlPath = page.urlPath
    }
}

public struct LinkError: Error, Sendable {
    public var message: String
}

/// Resolves the ordinary relative links authors write between Markdown files
/// (`../roller/rektor.md`, `oroande-franvaro.md#steg-3`) to pages and headings: a pure
/// function of the index and the link.
extension SiteIndex {
    func resolve(_ destination: String, from source: Page) -> Result<LinkTarget, LinkError> {
        if destination.isEmpty {
            return .failure(LinkError(message: "the link has no destination"))
        }
        if LinkSyntax.isExternal(destination) { return .success(.external) }
        let (path, fragment) = LinkSyntax.splitFragment(destination)
        if path.isEmpty {
            guard let fragment else { return .success(.external) }
            return checkAnchor(fragment, in: source).map { .samePage(fragment: fragment) }
        }
        guard path.hasSuffix(".md") else {
            return .failure(LinkError(message: "the link '\(destination)' does not lead to a Markdown page; link to the page's .md file"))
        }
        let base = source.contentPath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(source.contentPath[..<$0]) } ?? ""
        guard let contentPath = LinkSyntax.normalise(path.hasPrefix("/") ? String(path.dropFirst()) : base + "/" + path) else {
            return .failure(LinkError(message: "the link '\(destination)' leads outside content/"))
        }
        guard let target = page(contentPath: contentPath) else {
            let candidates = pages.map(\.contentPath)
            let message = "broken link: no page 'content/\(contentPath)'"
            let suggestion = Suggestion.closest(to: contentPath, in: candidates).map { suggested in
                " (did you mean '\(LinkSyntax.relativePath(from: base, to: suggested))'?)"
            }
            return .failure(LinkError(message: message + (suggestion ?? "")))
        }
        if let fragment {
            return checkAnchor(fragment, in: target).map { .page(PageAddress(target), fragment: fragment) }
        }
        return .success(.page(PageAddress(target), fragment: nil))
    }

    private func checkAnchor(_ fragment: String, in page: Page) -> Result<Void, LinkError> {
        let ids = anchorIDs(of: page)
        if ids.contains(fragment) { return .success(()) }
        return .failure(LinkError(message: Suggestion.message(
            "broken anchor: '\(page.sourcePath)' has no heading or step with the id '\(fragment)'", for: fragment, in: ids
        )))
    }
}

/// The rules for the text of a link, apart from the pages it may lead to.
enum LinkSyntax {
    /// Samsyn publishes no files from content/ but pages, so an image with a path there
    /// would be broken, and would show readers that path: the path of a page, even a staff
    /// page, on the public web. Only an image with a full address is left as written.
    static func imageError(_ destination: String) -> String? {
        guard !isExternal(destination) else { return nil }
        let (path, _) = splitFragment(destination)
        if path.hasSuffix(".md") {
            return "an image cannot show a page ('\(destination)'); to point to the page, write a link: remove the '!'"
        }
        return "the image '\(destination)' would be missing from the site: Samsyn publishes only pages from content/; "
            + "use an image's full address (https://…) or describe it in words"
    }

    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        let utf8 = destination.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = utf8[..<colon]
        return !scheme.isEmpty && !scheme.contains(UInt8(ascii: "/")) && !scheme.contains(UInt8(ascii: "#"))
    }

    static func splitFragment(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else {
            return (decoded(destination), nil)
        }
        return (decoded(String(destination[..<hash])), decoded(String(destination[destination.index(after: hash)...])))
    }

    /// Percent-decoding only where there is a `%`: Foundation's decoding is slow, and
    /// links between pages rarely need it.
    private static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// Resolves `.` and `..`; nil if the path climbs above content/.
    static func normalise(_ path: String) -> String? {
        // On the path's bytes, without splitting it into Characters.
        var parts: [Range<Int>] = []
        var path = path
        return path.withUTF8 { bytes -> String? in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                let part = bytes[start..<end]
                start = end + 1
                if part.isEmpty || part.elementsEqual([UInt8(ascii: ".")]) { continue }
                if part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                    if parts.isEmpty { return nil }
                    parts.removeLast()
                } else {
                    parts.append(part.startIndex..<part.endIndex)
                }
            }
            var joined: [UInt8] = []
            joined.reserveCapacity(bytes.count)
            for (index, part) in parts.enumerated() {
                if index > 0 { joined.append(UInt8(ascii: "/")) }
                joined.append(contentsOf: bytes[part])
            }
            return String(decoding: joined, as: UTF8.self)
        }
    }

    static func relativePath(from base: String, to path: String) -> String {
        let from = base.split(separator: "/"), to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }
}
