import CMarkGFM
import Foundation

/// A line and column in the Markdown text given to the parser, both counted from 1.
public struct SourcePosition: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

public struct Heading: Equatable, Sendable {
    public var level: Int
    public var text: String
    /// The `id` attribute the heading gets: readable, ASCII, unique within the page.
    public var id: String
    public var position: SourcePosition
}

public struct Link: Equatable, Sendable {
    public var destination: String
    public var text: String
    public var position: SourcePosition
}

/// A code span the caller fills in itself (`` `=ogiltig-franvaro` ``: an indicator's value),
/// with the span's text after the `=`.
public struct InlineValue: Equatable, Sendable {
    public var text: String
    public var position: SourcePosition
}

/// A fenced code block; blocks with info strings such as `chart` are Samsyn's own syntax.
public struct FencedBlock: Equatable, Sendable {
    public var info: String
    public var body: String
    public var position: SourcePosition
}

/// One item of a top-level ordered list: a step, in a routine.
public struct ListItem: Equatable, Sendable {
    public var text: String
    /// The links in the item, in order: a step's role is the first that leads to a role page.
    public var links: [Link]
    public var position: SourcePosition
}

/// A top-level ordered list and the heading it stands under, if any.
public struct OrderedList: Equatable, Sendable {
    public var items: [ListItem]
    public var heading: Heading?
    public var position: SourcePosition
}

/// What the site needs to know about a document before any page is rendered:
/// its anchors (to check `#fragment` links) and its links (to check they resolve).
public struct MarkdownOutline: Sendable {
    public var headings: [Heading]
    public var links: [Link]
    public var fencedBlocks: [FencedBlock]
    public var orderedLists: [OrderedList] = []
    /// Images (`![alt](destination)`), with the alt text as their text.
    public var images: [Link] = []
    /// Code spans starting with `=` outside headings, in document order: values the caller
    /// fills in (`PreparedHTML.html(values:)`).
    public var inlineValues: [InlineValue] = []

    /// The same outline with heading ids given as if `reservedIDs` had been passed to the
    /// parse: ids depend only on the headings' text and order, so no second parse is needed.
    public func reserving(_ reservedIDs: Set<String>) -> MarkdownOutline {
        var slugger = HeadingSlugger(reserved: reservedIDs)
        var copy = self
        for index in copy.headings.indices {
            copy.headings[index].id = slugger.uniqueID(for: copy.headings[index].text)
        }
        for index in copy.orderedLists.indices {
            guard let heading = copy.orderedLists[index].heading else { continue }
            copy.orderedLists[index].heading = copy.headings.first { $0.position == heading.position }
        }
        return copy
    }
}

/// Anchors put at the start of each item of one top-level ordered list: a routine's
/// steps become `#steg-1`, `#steg-2`, … so other pages can link to a step.
public struct StepAnchors: Sendable {
    /// Which top-level ordered list, counted from 0.
    public var listIndex: Int
    public var prefix: String

    public init(listIndex: Int, prefix: String) {
        self.listIndex = listIndex
        self.prefix = prefix
    }
}

/// What a link in the document becomes.
public enum LinkResolution: Sendable, Equatable {
    case keep
    case replace(with: String)
    /// The link's text stays, without the link.
    case plainText
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var outline: MarkdownOutline
}

/// Markdown to HTML through cmark-gfm.
///
/// Samsyn's settings: all five GFM extensions, safe mode (author HTML is omitted and
/// `javascript:`-style links lose their destination), headings with ids, links rewritten
/// by the caller, and fenced blocks the caller recognises replaced by its own HTML.
public enum Markdown {
    static let safeOptions: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES

    /// cmark-gfm with no Samsyn transforms: what Debian's `cmark-gfm` command gives with
    /// the same options. Used to test the wrapper against the spec.
    public static func renderPlain(_ markdown: String, extensions: [GFMExtension], allowRawHTML: Bool, footnotes: Bool = false) -> String {
        var options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        if footnotes { options |= CMARK_OPT_FOOTNOTES }
        let tree = CMarkTree(markdown: markdown, options: options, extensions: extensions)
        return tree.html()
    }

    /// - Parameter reservedIDs: ids used on the page outside the Markdown; see `HeadingSlugger`.
    public static func outline(of markdown: String, reservedIDs: Set<String> = []) -> MarkdownOutline {
        collectOutline(CMarkTree(markdown: markdown, options: safeOptions, extensions: GFMExtension.allCases), reservedIDs: reservedIDs)
    }

    /// Renders with Samsyn's settings in one go, each link decided as it is met. Pages are
    /// rendered with `prepare`, which the tests check against this.
    /// - Parameters:
    ///   - resolveLink: decides what each link becomes (called once per link, in document order).
    ///   - renderBlock: HTML for a fenced block, or nil to render it as code. The HTML is
    ///     emitted verbatim: the caller escapes any author text in it.
    public static func render(
        _ markdown: String,
        reservedIDs: Set<String> = [],
        stepAnchors: StepAnchors? = nil,
        resolveLink: (Link) -> LinkResolution = { _ in .keep },
        renderBlock: (FencedBlock) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        let tree = CMarkTree(markdown: markdown, options: safeOptions, extensions: GFMExtension.allCases)
        var slugger = HeadingSlugger(reserved: reservedIDs)
        var headings: [Heading] = []
        var links: [Link] = []
        var blocks: [FencedBlock] = []
        // Collect first, change after: cmark's iterator must not walk over replaced nodes.
        var headingNodes: [(OpaquePointer, String)] = []
        var unwrapped: [OpaquePointer] = []
        var replacedBlocks: [(OpaquePointer, String)] = []

        for node in tree.nodes() {
            switch CMarkTree.type(of: node) {
            case CMARK_NODE_HEADING:
                let heading = makeHeading(node, in: tree, slugger: &slugger)
                headings.append(heading)
                headingNodes.append((node, heading.id))
            case CMARK_NODE_LINK:
                let link = makeLink(node, in: tree)
                links.append(link)
                switch resolveLink(link) {
                case .keep: break
                case .replace(let url): cmark_node_set_url(node, url)
                case .plainText: unwrapped.append(node)
                }
            case CMARK_NODE_CODE_BLOCK where CMarkTree.isFenced(node):
                let block = makeBlock(node, in: tree)
                blocks.append(block)
                if let html = renderBlock(block) { replacedBlocks.append((node, html)) }
            default:
                break
            }
        }
        if let stepAnchors, let list = tree.topLevelOrderedLists().dropFirst(stepAnchors.listIndex).first {
            for (number, item) in tree.items(of: list).enumerated() {
                tree.prependAnchor(id: "\(stepAnchors.prefix)\(number + 1)", to: item)
            }
        }
        for node in unwrapped { tree.unwrap(node) }
        for (node, html) in replacedBlocks { tree.replace(node, with: tree.customBlock(html: html)) }
        // Headings last: their inner HTML must already hold the rewritten links.
        for (node, id) in headingNodes { tree.replace(node, with: tree.customBlock(html: headingHTML(node, id: id, in: tree))) }
        let outline = MarkdownOutline(headings: headings, links: links, fencedBlocks: blocks, orderedLists: [])
        return RenderedMarkdown(html: checklistBoxes(tree.html()), outline: outline)
    }

    /// A heading's HTML with its id.
    static func headingHTML(_ node: OpaquePointer, id: String, in tree: CMarkTree) -> String {
        let level = cmark_node_get_heading_level(node)
        let inner = tree.html(of: node)
        let opening = "<h\(level)>"
        return inner.hasPrefix(opening) ? "<h\(level) id=\"\(id)\">" + inner.dropFirst(opening.count) : inner
    }

    /// Task list items get a box to tick instead of a disabled form control, which would need
    /// a label and means nothing on paper. A ticked box shows a check mark, which screen
    /// readers read out; an empty one is decoration. Only the tasklist extension writes these
    /// inputs: author HTML never reaches the output.
    static func checklistBoxes(_ html: String) -> String {
        replacingTags(in: html, [
            ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />", "<span class=\"task-box task-done\">✓</span>"),
            ("<input type=\"checkbox\" disabled=\"\" />", "<span class=\"task-box\" aria-hidden=\"true\"></span>"),
        ])
    }

    /// `html` with each tag replaced, in one pass over its bytes; `html` itself when none
    /// occurs. (Foundation's `replacingOccurrences` goes through NSString, which is slow.)
    static func replacingTags(in html: String, _ replacements: [(tag: String, with: String)]) -> String {
        let tags = replacements.map { (Array($0.tag.utf8), Array($0.with.utf8)) }
        let firstLetters = Set(tags.compactMap { $0.0.dropFirst().first })
        var html = html
        let replaced: String? = html.withUTF8 { bytes in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index < bytes.count {
                // Every tag replaced starts `<` and the same letter: most `<` go no further.
                guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, firstLetters.contains(bytes[index + 1]),
                      let (tag, replacement) = tags.first(where: { bytes[index...].starts(with: $0.0) })
                else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count) }
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: replacement)
                index += tag.count
                copied = index
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
        // Most pages have no such tag: the same string, not a copy checked again.
        return replaced ?? html
    }

    static func collectOutline(_ tree: CMarkTree, reservedIDs: Set<String>) -> MarkdownOutline {
        var slugger = HeadingSlugger(reserved: reservedIDs)
        var outline = MarkdownOutline(headings: [], links: [], fencedBlocks: [])
        let lists = Set(tree.topLevelOrderedLists().map { UnsafeRawPointer($0) })
        for node in tree.nodes() {
            switch CMarkTree.type(of: node) {
            case CMARK_NODE_LIST where lists.contains(UnsafeRawPointer(node)):
                let items = tree.items(of: node).map { item in
                    ListItem(text: CMarkTree.plainText(of: item), links: tree.links(in: item).map { makeLink($0, in: tree) },
                             position: tree.position(of: item))
                }
                outline.orderedLists.append(OrderedList(items: items, heading: outline.headings.last, position: tree.position(of: node)))
            case CMARK_NODE_HEADING: outline.headings.append(makeHeading(node, in: tree, slugger: &slugger))
            case CMARK_NODE_LINK: outline.links.append(makeLink(node, in: tree))
            case CMARK_NODE_IMAGE: outline.images.append(makeLink(node, in: tree))
            case CMARK_NODE_CODE where isInlineValue(node):
                outline.inlineValues.append(InlineValue(text: String(CMarkTree.string(cmark_node_get_literal(node)).dropFirst()),
                                                        position: tree.position(of: node)))
            case CMARK_NODE_CODE_BLOCK where CMarkTree.isFenced(node):
                outline.fencedBlocks.append(makeBlock(node, in: tree))
            default: break
            }
        }
        return outline
    }

    /// A code span starting with `=`, not in a heading (whose HTML is made apart, with its id).
    static func isInlineValue(_ node: OpaquePointer) -> Bool {
        guard CMarkTree.string(cmark_node_get_literal(node)).hasPrefix("=") else { return false }
        var parent = cmark_node_parent(node)
        while let current = parent {
            if CMarkTree.type(of: current) == CMARK_NODE_HEADING { return false }
            parent = cmark_node_parent(current)
        }
        return true
    }

    private static func makeHeading(_ node: OpaquePointer, in tree: CMarkTree, slugger: inout HeadingSlugger) -> Heading {
        let text = CMarkTree.plainText(of: node)
        return Heading(
            level: Int(cmark_node_get_heading_level(node)),
            text: text,
            id: slugger.uniqueID(for: text),
            position: tree.position(of: node)
        )
    }

    private static func makeLink(_ node: OpaquePointer, in tree: CMarkTree) -> Link {
        Link(
            destination: CMarkTree.string(cmark_node_get_url(node)),
            text: CMarkTree.plainText(of: node),
            position: tree.position(of: node)
        )
    }

    static func makeBlock(_ node: OpaquePointer, in tree: CMarkTree) -> FencedBlock {
        FencedBlock(
            info: CMarkTree.string(cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces),
            body: CMarkTree.string(cmark_node_get_literal(node)),
            position: tree.position(of: node)
        )
    }
}
