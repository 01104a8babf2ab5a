import CMarkGFM
import Foundation

/// Owns one cmark parser and the tree it produced. Every C pointer stays inside this
/// type and the functions that borrow it; `deinit` frees the tree and the parser, so a
/// caller cannot leak them whatever path it leaves by.
final class CMarkTree {
    private static let parseLock = NSLock()

    let parser: OpaquePointer
    let root: OpaquePointer
    let options: Int32
    /// Byte offset at which each line starts, to turn cmark's byte columns into characters.
    private let source: [UInt8]
    private let lineStarts: [Int]

    init(markdown: String, options: Int32, extensions: [GFMExtension]) {
        _ = ExtensionRegistry.registered
        self.options = options
        let bytes = Array(markdown.utf8)
        source = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        let parser = cmark_parser_new(options)!
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name.rawValue) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = markdown
        // Parsing inlines sets and clears the extensions' characters in a table that all of
        // cmark-gfm 0.29 shares (SPECIAL_CHARS in inlines.c): a parse that finishes clears '~'
        // under one still running, and strikethrough or autolinks go missing. Parse one at a
        // time; rendering and everything after may run in parallel.
        let root = Self.parseLock.withLock {
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            return cmark_parser_finish(parser)!
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// HTML for `node` and its children. The parser's extension list must be passed,
    /// or extensions such as tagfilter silently do nothing.
    func html(of node: OpaquePointer? = nil) -> String {
        guard let cString = cmark_render_html(node ?? root, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Every node in document order, collected first so that callers may change the
    /// tree afterwards (cmark's iterator must not see nodes replaced under it).
    func nodes() -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                result.append(node)
            }
        }
        return result
    }

    func readableText() -> String {
        // Gathered as bytes and made a String once: a String per text node, each checked
        // for valid UTF-8, was most of the work.
        var text: [UInt8] = []
        text.reserveCapacity(source.count)
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE: Self.append(cmark_node_get_literal(node), to: &text)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text.append(UInt8(ascii: " "))
                default: break
                }
            } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING
                        || cmark_node_get_type_string(node).map({ strcmp($0, "table_cell") == 0 }) == true {
                text.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends a C string's bytes (cmark's literals are the source's UTF-8, which was valid).
    static func append(_ pointer: UnsafePointer<CChar>?, to bytes: inout [UInt8]) {
        guard let pointer else { return }
        pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(pointer)))
        }
    }

    /// Ordered lists directly under the document, in order.
    func topLevelOrderedLists() -> [OpaquePointer] {
        var lists: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_LIST, cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                lists.append(node)
            }
            child = cmark_node_next(node)
        }
        return lists
    }

    func items(of list: OpaquePointer) -> [OpaquePointer] {
        var items: [OpaquePointer] = []
        var child = cmark_node_first_child(list)
        while let node = child {
            items.append(node)
            child = cmark_node_next(node)
        }
        return items
    }

    /// Link nodes in a subtree, in document order.
    func links(in node: OpaquePointer) -> [OpaquePointer] {
        var links: [OpaquePointer] = []
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), cmark_node_get_type(current) == CMARK_NODE_LINK {
                links.append(current)
            }
        }
        return links
    }

    /// An empty element with `id` at the start of a list item's first paragraph, as a link target.
    func prependAnchor(id: String, to item: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let anchor = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        else { return }
        cmark_node_set_on_enter(anchor, "<span class=\"step-anchor\" id=\"\(id)\"></span>")
        cmark_node_set_on_exit(anchor, "")
        cmark_node_prepend_child(paragraph, anchor)
    }

    static func type(of node: OpaquePointer) -> cmark_node_type {
        cmark_node_get_type(node)
    }

    static func isFenced(_ node: OpaquePointer) -> Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(node, &length, &offset, &character) != 0
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    func position(of node: OpaquePointer) -> SourcePosition {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else {
            return SourcePosition(line: max(line, 1), column: max(byteColumn, 1))
        }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, source.count)
        let prefix = source[start..<end]
        let characters = prefix.allSatisfy { $0 < 0x80 } ? prefix.count : String(decoding: prefix, as: UTF8.self).count
        return SourcePosition(line: line, column: characters + 1)
    }

    /// The plain text of an inline subtree: what a reader sees, without markup.
    static func plainText(of node: OpaquePointer) -> String {
        var text: [UInt8] = []
        appendPlainText(of: node, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static func appendPlainText(of node: OpaquePointer, to text: inout [UInt8]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                append(cmark_node_get_literal(current), to: &text)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(UInt8(ascii: " "))
            default:
                appendPlainText(of: current, to: &text)
            }
            child = cmark_node_next(current)
        }
    }

    /// A block node whose HTML cmark emits verbatim, even in safe mode.
    func customBlock(html: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(node, html)
        cmark_node_set_on_exit(node, "")
        return node
    }

    func customInline(html: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(node, html)
        cmark_node_set_on_exit(node, "")
        return node
    }

    /// Puts `replacement` where `node` was and frees `node` with its subtree.
    func replace(_ node: OpaquePointer, with replacement: OpaquePointer) {
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    /// Replaces a link by its content, so the words stay and the link goes.
    func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_free(node)
    }
}
