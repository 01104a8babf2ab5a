import CMarkGFM
import Foundation

/// A page's Markdown rendered once, with its links and Samsyn's own blocks (charts,
/// tables) left open: each target fills them in with `html(links:blocks:)` without parsing
/// the Markdown again: one parse per page, not one to read it and one per target.
///
/// While rendering, every link's title carries a marker made of a random token (a link
/// keeps its own URL, so cmark's safe mode still judges it), and every own block is a
/// custom block holding a marker; the rendered HTML is then cut at the markers. The token
/// is random per document (`makeToken`), so no author can write one, not even with
/// character references that cmark decodes.
public struct PreparedHTML: Sendable {
    enum Piece: Sendable, Equatable {
        /// Part of `html` written as it is.
        case text(Range<String.Index>)
        /// A link's opening tag: its `href` as cmark wrote it (escaped; emptied by safe mode
        /// if the URL is dangerous) and its own title, if any, both as ranges of `html`.
        case linkStart(link: Int, href: Range<String.Index>, title: Range<String.Index>)
        case linkEnd
        /// A fenced block the caller draws itself, by the line it starts on, and whether
        /// cmark ended the line after it (it does unless the block's HTML ends one).
        case block(line: Int, lineBreak: Bool)
        /// An inline value (`MarkdownOutline.inlineValues`), by its number.
        case value(Int)
    }

    /// cmark's HTML with the markers in it; `pieces` say which parts to write. One string
    /// a page, not one per piece: 10,000 pages are in memory at once.
    let html: String
    let pieces: [Piece]
    /// How many links the document has (as `MarkdownOutline.links`, which also counts
    /// a link cmark does not write as one, inside an image's description).
    public let linkCount: Int

    /// A marker token for one document: 128 random bits.
    static func makeToken() -> String {
        "samsyn" + String(UInt64.random(in: .min ... .max), radix: 16) + "_" + String(UInt64.random(in: .min ... .max), radix: 16) + "x"
    }

    /// The HTML, each link made what `links` says (in outline order; a link beyond it is
    /// kept), each own block the HTML `blocks` has for its line, and each inline value the
    /// HTML `values` has for its number.
    public func html(links: [LinkResolution], blocks: [Int: String], values: [String] = []) -> String {
        // Built from parts of valid strings: no bytes to check again at the end.
        var output = ""
        output.reserveCapacity(html.utf8.count + 512)
        // Links do not nest in Markdown, but a footnote reference inside one is an `<a>`
        // that cmark writes itself: only marked links are in `open`.
        var open: [LinkResolution] = []
        for piece in pieces {
            switch piece {
            case .text(let range):
                output += html[range]
            case .linkStart(let link, let href, let title):
                let resolution = link < links.count ? links[link] : .keep
                open.append(resolution)
                switch resolution {
                case .keep: output += "<a href=\""; output += html[href]
                case .replace(let url): output += "<a href=\""; output += Self.escapeHref(url)
                case .plainText: continue
                }
                output += "\""
                if !title.isEmpty {
                    output += " title=\""
                    output += html[title]
                    output += "\""
                }
                output += ">"
            case .linkEnd:
                if open.popLast() != .plainText { output += "</a>" }
            case .block(let line, let lineBreak):
                let block = blocks[line] ?? ""
                output += block
                if lineBreak, !block.hasSuffix("\n") { output += "\n" }
            case .value(let number):
                output += number < values.count ? values[number] : ""
            }
        }
        return output
    }

    /// Cuts cmark's HTML at the markers `Markdown.prepare` put in.
    init(rendered text: String, linkCount: Int, token: String) {
        let token = Array(token.utf8)
        let titleMarker = Array("\" title=\"".utf8) + token
        let linkStart = Array("<a href=\"".utf8), anyLinkStart = Array("<a ".utf8), linkEnd = Array("</a>".utf8)
        let bytes = Array(text.utf8)
        var pieces: [Piece] = []
        var copied = 0
        // For each marked link still open: how many `<a` tags are open inside it.
        var depths: [Int] = []
        var index = 0
        // Offsets in `bytes` are the same in the string's UTF-8 view.
        func range(_ offsets: Range<Int>) -> Range<String.Index> {
            text.utf8.index(text.utf8.startIndex, offsetBy: offsets.lowerBound)..<text.utf8.index(text.utf8.startIndex, offsetBy: offsets.upperBound)
        }
        func flush(upTo end: Int) {
            if end > copied { pieces.append(.text(range(copied..<end))) }
        }
        func starts(with pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), starts(with: linkStart, at: index),
               let quote = bytes[(index + linkStart.count)...].firstIndex(of: UInt8(ascii: "\"")), starts(with: titleMarker, at: quote) {
                // `<a href="HREF" title="TOKEN7|TITLE">`: the link's number, then its own title, if any.
                var bar = quote + titleMarker.count
                while bar < bytes.count, bytes[bar] != UInt8(ascii: "|") { bar += 1 }
                let link = Int(String(decoding: bytes[(quote + titleMarker.count)..<bar], as: UTF8.self)) ?? 0
                let titleStart = min(bar + 1, bytes.count)
                let titleEnd = bytes[titleStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
                flush(upTo: index)
                pieces.append(.linkStart(link: link, href: range((index + linkStart.count)..<quote), title: range(titleStart..<titleEnd)))
                depths.append(0)
                index = min(titleEnd + 2, bytes.count) // past `">`
                copied = index
                continue
            }
            if byte == UInt8(ascii: "<"), !depths.isEmpty {
                if starts(with: anyLinkStart, at: index) {
                    depths[depths.count - 1] += 1
                } else if starts(with: linkEnd, at: index) {
                    if depths[depths.count - 1] == 0 {
                        flush(upTo: index)
                        pieces.append(.linkEnd)
                        depths.removeLast()
                        index += 4
                        copied = index
                        continue
                    }
                    depths[depths.count - 1] -= 1
                }
            }
            if byte == token[0], starts(with: token, at: index), index + token.count < bytes.count, bytes[index + token.count] == UInt8(ascii: "V") {
                var end = index + token.count + 1
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                flush(upTo: index)
                pieces.append(.value(Int(String(decoding: bytes[(index + token.count + 1)..<end], as: UTF8.self)) ?? 0))
                index = end
                copied = index
                continue
            }
            if byte == token[0], starts(with: token, at: index), index + token.count < bytes.count, bytes[index + token.count] == UInt8(ascii: "B") {
                var end = index + token.count + 1
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                flush(upTo: index)
                let lineBreak = end < bytes.count && bytes[end] == UInt8(ascii: "\n")
                pieces.append(.block(line: Int(String(decoding: bytes[(index + token.count + 1)..<end], as: UTF8.self)) ?? 0, lineBreak: lineBreak))
                index = lineBreak ? end + 1 : end
                copied = index
                continue
            }
            index += 1
        }
        flush(upTo: bytes.count)
        html = text
        self.pieces = pieces
        self.linkCount = linkCount
    }

    /// A URL as cmark writes it in `href` (houdini's `HREF_SAFE`): the characters of URLs
    /// and their separators as they are, `&` and `'` as entities, anything else as `%XX`.
    static func escapeHref(_ url: String) -> String {
        // The URLs Samsyn makes (`../../roller/rektor/#ansvar`) need nothing done.
        if url.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "'") && isSafe($0) }) { return url }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                escaped.append(byte)
            case _ where isSafe(byte):
                escaped.append(byte)
            case UInt8(ascii: "&"): escaped += "&amp;".utf8
            case UInt8(ascii: "'"): escaped += "&#x27;".utf8
            default: escaped += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }
}

extension Markdown {
    /// Reads and renders a document in one parse: its outline, the prose a reader reads
    /// (for readability measures and search: text of paragraphs, headings, list items and
    /// table cells, one block per line; code and HTML left out), and its HTML with Samsyn's
    /// settings, as `render` gives it, with the links and own blocks left for each target
    /// to fill in.
    /// - Parameters:
    ///   - reservedIDs: ids headings must avoid whatever the document holds.
    ///   - layout: from the outline, all the ids headings must avoid (figures, steps) and
    ///     which list's items get step anchors.
    ///   - isOwnBlock: the fenced blocks the caller draws (`PreparedHTML.html(blocks:)`).
    public static func prepare(
        _ markdown: String,
        reservedIDs: Set<String>,
        layout: (MarkdownOutline) -> (reservedIDs: Set<String>, stepAnchors: StepAnchors?),
        isOwnBlock: (FencedBlock) -> Bool
    ) -> (outline: MarkdownOutline, readableText: String, html: PreparedHTML) {
        let tree = CMarkTree(markdown: markdown, options: safeOptions, extensions: GFMExtension.allCases)
        var outline = collectOutline(tree, reservedIDs: reservedIDs)
        let readableText = tree.readableText()
        let (reserved, stepAnchors) = layout(outline)
        if reserved != reservedIDs { outline = outline.reserving(reserved) }

        var slugger = HeadingSlugger(reserved: reserved)
        // Collect first, change after: cmark's iterator must not walk over replaced nodes.
        var headingNodes: [(OpaquePointer, String)] = []
        var ownBlocks: [(OpaquePointer, Int)] = []
        var links = 0
        var valueNodes: [OpaquePointer] = []
        let token = PreparedHTML.makeToken()
        for node in tree.nodes() {
            switch CMarkTree.type(of: node) {
            case CMARK_NODE_HEADING:
                headingNodes.append((node, slugger.uniqueID(for: CMarkTree.plainText(of: node))))
            case CMARK_NODE_LINK:
                let title = CMarkTree.string(cmark_node_get_title(node))
                cmark_node_set_title(node, token + String(links) + "|" + title)
                links += 1
            case CMARK_NODE_CODE where isInlineValue(node):
                valueNodes.append(node)
            case CMARK_NODE_CODE_BLOCK where CMarkTree.isFenced(node):
                let block = makeBlock(node, in: tree)
                if isOwnBlock(block) { ownBlocks.append((node, block.position.line)) }
            default:
                break
            }
        }
        if let stepAnchors, let list = tree.topLevelOrderedLists().dropFirst(stepAnchors.listIndex).first {
            for (number, item) in tree.items(of: list).enumerated() {
                tree.prependAnchor(id: "\(stepAnchors.prefix)\(number + 1)", to: item)
            }
        }
        for (node, line) in ownBlocks { tree.replace(node, with: tree.customBlock(html: "\(token)B\(line)")) }
        for (number, node) in valueNodes.enumerated() { tree.replace(node, with: tree.customInline(html: "\(token)V\(number)")) }
        for (node, id) in headingNodes { tree.replace(node, with: tree.customBlock(html: headingHTML(node, id: id, in: tree))) }
        return (outline, readableText, PreparedHTML(rendered: checklistBoxes(tree.html()), linkCount: links, token: token))
    }
}
