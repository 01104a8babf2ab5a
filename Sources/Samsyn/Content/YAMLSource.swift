import Foundation
import Yams

/// A YAML text inside a file (site.yml, or a page's front matter starting at some line),
/// composed once with Yams so that typed values can be decoded from it and every value
/// can be traced back to its line and column for diagnostics.
struct YAMLSource {
    let path: String
    /// The file line on which the YAML text starts.
    let firstLine: Int
    let root: Node?

    /// Composes `text`; a syntax error is logged with its position and gives nil.
    /// - Parameter resolver: `resolver`, or `textResolver` for YAML with no true/false values.
    init?(_ text: String, path: String, firstLine: Int = 1, resolver: Resolver = Self.resolver, log: inout DiagnosticLog) {
        self.path = path
        self.firstLine = firstLine
        do {
            // The encoding named, or Yams reads the process environment for it on every call.
            root = try Yams.compose(yaml: text, resolver, .default, .utf8)
        } catch let error as YamlError {
            let (message, mark) = Self.describe(error)
            log.error("invalid YAML: \(message)", at: Self.location(path: path, firstLine: firstLine, mark: mark))
            return nil
        } catch {
            log.error("invalid YAML: \(error)", at: SourceLocation(path: path, line: firstLine, column: 1))
            return nil
        }
    }

    /// Yams tries each implicit-type rule, a regular expression, on every plain scalar and
    /// on every key it looks up, which is slow with all seven rules.
    /// Decoding reads numbers, dates and nulls from the text, whatever the tag; only `Bool`
    /// needs its tag resolved (a `.str` scalar is never a Bool), so only that rule stays.
    static let resolver = Resolver.basic.appending(.bool)
    /// No rule at all, for front matter, which has no true/false values: every key Yams
    /// looks up was still matched against the Bool rule's regular expression.
    static let textResolver = Resolver.basic

    /// The location of the start of the YAML text.
    var start: SourceLocation { SourceLocation(path: path, line: firstLine, column: 1) }

    /// The location of the value at `keyPath` (keys of mappings, indexes of sequences),
    /// or of the nearest enclosing value that exists.
    func location(of keyPath: [any CodingKey]) -> SourceLocation {
        guard var node = root else { return start }
        var keyNode: Node?
        for key in keyPath {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
                keyNode = nil
            } else if let pair = node.mapping?.first(where: { $0.key.string == key.stringValue }) {
                node = pair.value
                keyNode = pair.key
            } else {
                break
            }
        }
        // A key with an empty value has no mark of its own: point at the key.
        let mark = node.mark ?? keyNode?.mark
        return mark.map { Self.location(path: path, firstLine: firstLine, mark: $0) } ?? start
    }

    func location(ofKey key: String) -> SourceLocation {
        location(of: [PlainKey(key)])
    }

    /// The keys of the top-level mapping, in the order written.
    var topLevelKeys: [(name: String, location: SourceLocation)] {
        (root?.mapping ?? [:]).compactMap { pair in
            guard let name = pair.key.string else { return nil }
            return (name, pair.key.mark.map { Self.location(path: path, firstLine: firstLine, mark: $0) } ?? start)
        }
    }

    /// Decodes `T`; on failure logs an error at the offending value and returns nil.
    func decode<T: Decodable>(_ type: T.Type, log: inout DiagnosticLog) -> T? {
        reading({ try YAMLDecoder(encoding: .utf8).decode(T.self, from: root ?? Node.mapping(.init([]))) }, log: &log)
    }

    /// Reads front matter with `FrontMatterFields`, errors logged as `decode` logs them.
    func read<T>(_ make: (FrontMatterFields) throws -> T, log: inout DiagnosticLog) -> T? {
        reading({ try make(FrontMatterFields(root)) }, log: &log)
    }

    private func reading<T>(_ body: () throws -> T, log: inout DiagnosticLog) -> T? {
        do {
            return try body()
        } catch let error as DecodingError {
            let (message, keyPath) = Self.describe(error)
            log.error(message, at: location(of: keyPath))
        } catch let error as YamlError {
            let (message, mark) = Self.describe(error)
            log.error("invalid YAML: \(message)", at: Self.location(path: path, firstLine: firstLine, mark: mark))
        } catch {
            log.error("cannot read the front matter: \(error)", at: start)
        }
        return nil
    }

    private static func location(path: String, firstLine: Int, mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine, column: 1) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // The parser's words for the two slips editors make most, in plain words.
            if problem.contains("tab character") {
                return ("the file has a tab in its indentation, which YAML does not allow; indent with spaces instead", mark)
            }
            if problem.contains("mapping values are not allowed") {
                return ("there is a ': ' inside a value, or a key is not on a line of its own; put a value that holds ': ' in quotes", mark)
            }
            if let plain = plainWords.first(where: { problem.contains($0.problem) })?.words {
                return (plain, mark)
            }
            let prefix = context.map { "\($0.text), " } ?? ""
            return (prefix + problem, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ("the key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) appears twice", context.mark)
        default:
            return ("\(error)", nil)
        }
    }

    /// More of the parser's problems, as an editor would understand them.
    private static let plainWords: [(problem: String, words: String)] = [
        ("did not find expected key", "a line is indented wrongly, or a value goes on to the next line; check the indentation, and put a value that holds ':' or '#' in quotes"),
        ("could not find expected ':'", "a key has no ':' after it"),
        ("found unexpected end of stream", "a quotation mark is opened and never closed"),
        ("did not find expected ',' or ']'", "a list in [ ] is not closed with ']', or its items are not separated by ','"),
        ("did not find expected ',' or '}'", "a mapping in { } is not closed with '}', or its items are not separated by ','"),
        ("found character that cannot start any token", "a value starts with a character YAML reserves (such as '@', '`' or '%'); put the value in quotes"),
        ("found undefined tag handle", "a value starts with '!', which YAML reads as a type; put the value in quotes"),
        ("found unknown escape character", "a value in double quotes has a '\\' that is not an escape; use single quotes, or write '\\\\'"),
    ]

    private static func describe(_ error: DecodingError) -> (String, [any CodingKey]) {
        switch error {
        case let .keyNotFound(key, context):
            return ("missing '\(key.stringValue)'", context.codingPath)
        case let .typeMismatch(type, context):
            return ("'\(name(of: context.codingPath))' must be \(expectation(for: type))", context.codingPath)
        case let .valueNotFound(type, context):
            return ("'\(name(of: context.codingPath))' has no value; it must be \(expectation(for: type))", context.codingPath)
        case let .dataCorrupted(context):
            let path = context.codingPath.isEmpty ? "" : "'\(name(of: context.codingPath))': "
            return (path + context.debugDescription, context.codingPath)
        @unknown default:
            return ("\(error)", [])
        }
    }

    private static func name(of path: [any CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func expectation(for type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is LocalDate.Type: return "a date written YYYY-MM-DD"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("OneOrMany") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping of keys to values" }
            return "a \(name)"
        }
    }
}

/// A coding key made from a plain string, for looking up locations by key name.
struct PlainKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
