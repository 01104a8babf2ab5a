import SamsynSupport
import SamsynCharts
import SamsynData
import Foundation
import Mustache

/// The Mustache templates of `templates/`, each parsed on its own so that every syntax
/// error is reported, and checked for partials that do not exist.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The template texts as written, by name, to localise (`localized(with:)`).
    private var texts: [String: String] = [:]
    /// Per language, the templates with its interface text written in (see `localized`).
    private var localizedLibraries: [String: MustacheLibrary] = [:]

    init(library: MustacheLibrary, texts: [String: String]) {
        self.library = library
        self.texts = texts
    }

    /// The templates Samsyn renders pages with, one per kind plus the generated pages.
    static let required = PageKind.allCases.map(\.rawValue) + Generator.all.flatMap(\.templates)
    static let directory = "templates"
    /// Partials rendered once per folder depth, section and language and given to every page
    /// as `{{{frame.header}}}` etc.: they see only the site-wide values (`FrameCache`).
    static let framePartials = ["header", "nav", "footer"]

    /// - Parameter tree: the walk of the site's folders, which lists the templates.
    static func load(tree: SourceTree, log: inout DiagnosticLog) -> TemplateSet? {
        let errorsBefore = log.errorCount
        _ = HTMLEscaping.registered
        var library = MustacheLibrary()
        var texts: [(name: String, path: String, text: String)] = []
        for (file, source) in tree.files(under: directory) where file.hasSuffix(".mustache") {
            let path = source.path
            guard let text = SourceFile.readText(atPath: source.absolutePath, path: path, log: &log) else { continue }
            let name = String(file.dropLast(".mustache".count))
            let tags = MustacheTag.tags(in: text)
            // swift-mustache parses sections recursively: thousands of them nested would
            // overflow the stack before it could say what is wrong.
            // swift-mustache's parser measures the rest of the template at every tag (String
            // distances), so its time grows with tags × length: bounded here, far above what
            // a page template needs.
            if tags.count > Self.maximumTags || text.utf8.count > Self.maximumTemplateBytes {
                log.error("the template has \(tags.count) tags and \(text.utf8.count / 1024) KB; at most \(Self.maximumTags) tags and "
                          + "\(Self.maximumTemplateBytes / 1024) KB are read (parsing takes time that grows with both): split it into partials",
                          at: SourceLocation(path: path, line: 1, column: 1))
                continue
            }
            if let tooDeep = Self.tagBeyondNestingLimit(in: tags) {
                log.error("sections nest more than \(Self.maximumNesting) deep here; no template needs that many",
                          at: SourceLocation(path: path, line: tooDeep.line, column: tooDeep.column))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
                texts.append((name, path, text))
            } catch let error as MustacheTemplate.ParserError {
                // The pragma stands on a line of its own, before the template's first.
                log.error("template syntax: \(describe(error.error))",
                          at: SourceLocation(path: path, line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber + 1))
            } catch {
                log.error("template syntax: \(error)", at: SourceLocation(path: path))
            }
        }
        let names = Set(texts.map(\.name))
        var includes: [String: [MustacheTag]] = [:]
        for (name, path, text) in texts {
            includes[name] = partialReferences(in: text)
            for reference in includes[name]! where !names.contains(reference.name) {
                log.error(Suggestion.message("the partial '\(reference.name)' does not exist", for: reference.name, in: names),
                          at: SourceLocation(path: path, line: reference.line, column: reference.column))
            }
        }
        let paths = Dictionary(texts.map { ($0.name, $0.path) }, uniquingKeysWith: { first, _ in first })
        for cycle in Self.cycles(in: includes) {
            let closing = cycle.closingTag
            log.error("the templates include each other in a circle, which would never end: \(cycle.names.joined(separator: " → "))",
                      at: SourceLocation(path: paths[cycle.names[cycle.names.count - 2]] ?? directory, line: closing.line, column: closing.column))
        }
        for name in framePartials.map({ "partials/\($0)" }) where !names.contains(name) {
            log.error("the template '\(name).mustache' is missing; Samsyn renders every page's \(name.dropFirst("partials/".count)) with it", at: SourceLocation(path: directory))
        }
        // A template that exists but could not be read has been reported already.
        let existing = Set(tree.files(under: directory).map(\.relative))
        for name in required where !names.contains(name) && !existing.contains(name + ".mustache") {
            log.error("the template '\(name).mustache' is missing; Samsyn renders \(name) pages with it", at: SourceLocation(path: directory))
        }
        guard log.errorCount == errorsBefore else { return nil }
        return TemplateSet(library: library, texts: Dictionary(texts.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The same templates with each `{{t.key}}` tag written out, once per language: the
    /// interface text is the same on every page in a language, so it need not be looked up
    /// on the context for every page. A tag is left to
    /// swift-mustache wherever writing it out could change the page: a key with a dot (it
    /// would not be found), a text holding `{{`, a template that sets other delimiters or
    /// content type.
    func localized(with localization: Localization) -> TemplateSet {
        var set = self
        for language in localization.languages {
            let strings = localization.strings(for: language)
            var library = MustacheLibrary()
            for (name, text) in texts {
                let written = text.contains("{{=") || text.contains("{{%") ? text : Self.writingOut(strings, in: text)
                guard let template = try? MustacheTemplate(string: HTMLEscaping.pragma + written) else { return self }
                library.register(template, named: name)
            }
            set.localizedLibraries[language] = library
        }
        return set
    }

    /// `{{t.key}}` as the escaped text, `{{{t.key}}}` and `{{& t.key}}` as the text itself.
    static func writingOut(_ strings: Strings, in text: String) -> String {
        let pattern = try! NSRegularExpression(pattern: #"\{\{(\{|&)?\s*t\.([A-Za-z0-9_-]+)\s*(\}?)\}\}"#)
        var result = ""
        var copied = text.startIndex
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text), let keyRange = Range(match.range(at: 2), in: text) else { continue }
            let opening = Range(match.range(at: 1), in: text).map { String(text[$0]) } ?? ""
            let closing = Range(match.range(at: 3), in: text).map { String(text[$0]) } ?? ""
            guard (opening == "{") == (closing == "}"), let value = strings.optional(String(text[keyRange])), !value.contains("{{") else { continue }
            result += text[copied..<whole.lowerBound]
            result += opening.isEmpty ? HTMLEscaping.escape(value) : value
            copied = whole.upperBound
        }
        return result + text[copied...]
    }

    /// Escapes `{{variables}}` as swift-mustache's own HTML content type does, but byte by
    /// byte (its escaper looks every character up in a dictionary). Put in front of every
    /// template as a `CONTENT_TYPE` pragma (a template
    /// may still set another after it).
    enum HTMLEscaping: MustacheContentType {
        case html
        static let name = "SAMSYN_HTML"
        /// A standalone tag: its line leaves no trace in the output.
        static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
        static let registered: Void = MustacheContentTypes.register(HTMLEscaping.html, named: name)

        func escapeText(_ text: String) -> String {
            Self.escape(text)
        }

        static func escape(_ text: String) -> String {
            Markup.escape(text)
        }
    }

    /// Renders with the templates of the context's `lang`, whose interface text the
    /// context's `t` holds.
    func render(_ context: [String: Any], with name: String) -> String {
        let library = (context["lang"] as? String).flatMap { localizedLibraries[$0] } ?? library
        // Every name passed here is in `required`, which load() has checked.
        return library.render(context, withTemplate: name) ?? ""
    }

    /// `{{> name}}` and `{{< name}}` tags, with their positions.
    static func partialReferences(in text: String) -> [MustacheTag] {
        MustacheTag.tags(in: text).filter { $0.kind == ">" || $0.kind == "<" }
    }

    static let maximumNesting = 100
    static let maximumTags = 1_000
    static let maximumTemplateBytes = 256 * 1024

    static func tagBeyondNestingLimit(in tags: [MustacheTag]) -> MustacheTag? {
        var depth = 0
        for tag in tags {
            if tag.opensSection { depth += 1 } else if tag.kind == "/" { depth -= 1 }
            if depth > maximumNesting { return tag }
        }
        return nil
    }

    /// Each circle of templates including or inheriting each other (`a → b → a`, or a
    /// template including itself), once, with the tag that closes it.
    static func cycles(in includes: [String: [MustacheTag]]) -> [(names: [String], closingTag: MustacheTag)] {
        var found: [(names: [String], closingTag: MustacheTag)] = []
        var done = Set<String>()
        var path: [String] = []
        func visit(_ name: String) {
            path.append(name)
            for tag in includes[name] ?? [] where includes[tag.name] != nil && !done.contains(tag.name) {
                if let start = path.firstIndex(of: tag.name) {
                    found.append((Array(path[start...]) + [tag.name], tag))
                } else {
                    visit(tag.name)
                }
            }
            path.removeLast()
            done.insert(name)
        }
        for name in includes.keys.sorted() where !done.contains(name) { visit(name) }
        return found
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block definitions may stand inside '{{<parent}}'"
        case .textInsideInheritSection: return "text may not stand inside '{{<parent}}' outside a block"
        case .invalidConfigVariableSyntax: return "badly formed '{{% … }}' tag"
        case .unrecognisedConfigVariable: return "unknown '{{% … }}' setting"
        @unknown default: return "\(error)"
        }
    }
}
