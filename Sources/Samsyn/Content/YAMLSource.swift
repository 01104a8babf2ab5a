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
    /// on every key it looks up: with all seven rules that was a tenth of loading a page.
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

    /// One decoder for all: making a YAMLDecoder reads the whole process environment (its
    /// options' default encoding), a tenth of the build time in a profile. Decoding from a
    /// node only reads the decoder's options, so sharing it between threads is safe.
    nonisolated(unsafe) private static let decoder = YAMLDecoder(encoding: .utf8)

    /// Decodes `T`; on failure logs an error at the offending value and returns nil.
    func decode<T: Decodable>(_ type: T.Type, log: inout DiagnosticLog) -> T? {
        reading({ try Self.decoder.decode(T.self, from: root ?? Node.mapping(.init([]))) }, log: &log)
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
            log.error("\(error)", at: start)
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
            let prefix = context.map { "\($0.text), " } ?? ""
            return (prefix + problem, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ("the key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) appears twice", context.mark)
        default:
            return ("\(error)", nil)
        }
    }

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

/// The top-level values of front matter, read straight from the composed YAML with the
/// values and the errors Yams' Codable decoder gives for them (`YAMLSource.decode`): its
/// containers copied the mapping for every type decoded, most of reading front matter.
/// Front matter is composed with `textResolver`, so no key is a merge key (`<<`) to expand.
struct FrontMatterFields {
    private let mapping: Node.Mapping?

    init(_ root: Node?) {
        mapping = root?.mapping
    }

    /// A required text: any scalar, as written (`title: ~` is the text "~", as with Yams).
    func text(_ key: String) throws -> String {
        guard let node = mapping?[key] else {
            throw DecodingError.keyNotFound(PlainKey(key), .init(codingPath: [], debugDescription: "No value associated with key \(key)."))
        }
        return try Self.scalar(node, key).string
    }

    /// Nil when the key is missing or its value is a null (empty, `~`, `null`).
    func optionalText(_ key: String) throws -> String? {
        try present(key).map { try Self.scalar($0, key).string }
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard let node = present(key) else { return nil }
        guard let value = Int.construct(from: try Self.scalar(node, key)) else {
            throw DecodingError.typeMismatch(Int.self, .init(codingPath: [PlainKey(key)], debugDescription: "Expected to decode Int."))
        }
        return value
    }

    func date(_ key: String) throws -> LocalDate {
        let text = try text(key)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [PlainKey(key)], debugDescription: "'\(text)' is not a date written YYYY-MM-DD"))
        }
        return date
    }

    /// A list of texts, or one text for a list of one (`OneOrMany`).
    func optionalList(_ key: String) throws -> OneOrMany<String>? {
        guard let node = present(key) else { return nil }
        if let sequence = node.sequence {
            let scalars = sequence.compactMap(\.scalar)
            if scalars.count == sequence.count { return OneOrMany(values: scalars.map(\.string)) }
        }
        return OneOrMany(values: [try Self.scalar(node, key).string])
    }

    private func present(_ key: String) -> Node? {
        guard let node = mapping?[key], node.null == nil else { return nil }
        return node
    }

    private static func scalar(_ node: Node, _ key: String) throws -> Node.Scalar {
        guard let scalar = node.scalar else {
            throw DecodingError.typeMismatch(Node.Scalar.self, .init(codingPath: [PlainKey(key)], debugDescription: "Expected a scalar."))
        }
        return scalar
    }
}

/// A list that may also be written as one scalar: `roles: rektor` means `roles: [rektor]`.
struct OneOrMany<Element: Decodable & Sendable>: Decodable, Sendable {
    var values: [Element]

    init(values: [Element]) {
        self.values = values
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let many = try? container.decode([Element].self) {
            values = many
        } else {
            values = [try container.decode(Element.self)]
        }
    }
}

/// A calendar date without time or time zone, as written in front matter (`2024-05-15`).
public struct LocalDate: Hashable, Comparable, Sendable, Decodable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date written YYYY-MM-DD"
            ))
        }
        self = date
    }

    /// Today in Sweden, or the day given by `SOURCE_DATE_EPOCH` (seconds since 1970, the
    /// reproducible-builds convention), so a build can be repeated exactly on another day.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> LocalDate {
        // Seconds up to the end of year 9999; anything else is not a date to build on.
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0) }.flatMap { (0...253_402_300_799).contains($0) ? $0 : nil }
        let date = seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The same day of the month `months` later, or the month's last day if it has no such day.
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        return LocalDate(year: newYear, month: newMonth, day: min(day, Self.days(inMonth: newMonth, of: newYear)))!
    }

    /// The Gregorian calendar's month lengths (worked out here: asking Foundation's
    /// Calendar for every review date was a measurable part of a large build).
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
