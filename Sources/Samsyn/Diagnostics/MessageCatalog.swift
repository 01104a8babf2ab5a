import Foundation

/// The language an editor reads Samsyn's messages in: Swedish where the locale is Swedish
/// (`LANG=sv_SE.UTF-8`, as on a municipality's PCs), English otherwise; `--lang` chooses.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case en, sv

    /// From `LC_ALL`, `LC_MESSAGES` or `LANG`, the first that is set, as POSIX reads them.
    public static func from(environment: [String: String] = ProcessInfo.processInfo.environment) -> MessageLanguage {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("sv") ? .sv : .en
    }

    /// The words for a diagnostic's severity, in the `path:line:col: error:` form editors jump to.
    func word(for severity: Severity) -> String {
        switch (self, severity) {
        case (.en, _): severity.rawValue
        case (.sv, .error): "fel"
        case (.sv, .warning): "varning"
        }
    }
}

/// Messages are written in English where they are found, and translated when printed:
/// each is matched against the catalog's English (`MessageCatalog+Entries.swift`) and its
/// values put into the Swedish. A message the catalog lacks is printed as written; a test
/// checks that the catalog holds every message the code writes.
public enum MessageCatalog {
    public static func translate(_ message: String, to language: MessageLanguage) -> String {
        guard language == .sv else { return message }
        return translated(message) ?? message
    }

    /// The Swedish of a whole message, its endings taken off and translated apart; nil
    /// when the catalog has no such message.
    static func translated(_ message: String) -> String? {
        var rest = message
        var ending = ""
        var changed = true
        while changed {
            changed = false
            for (pattern, swedish) in compiledEndings {
                if let values = match(pattern, rest), let body = values.first {
                    rest = body
                    ending = fill(swedish, Array(values.dropFirst())) + ending
                    changed = true
                    break
                }
            }
        }
        for (pattern, swedish) in compiledEntries {
            if let values = match(pattern, rest) {
                // A value may itself be a message (the YAML parser's, the PDF engine's).
                return fill(swedish, values.map { translated($0) ?? $0 }) + ending
            }
        }
        return ending.isEmpty ? nil : rest + ending
    }

    private static func fill(_ template: String, _ values: [String]) -> String {
        var result = ""
        var values = values.makeIterator()
        var rest = template[...]
        while let hole = rest.range(of: "{}") {
            result += rest[..<hole.lowerBound]
            result += values.next() ?? ""
            rest = rest[hole.upperBound...]
        }
        return result + rest
    }

    private static func match(_ pattern: NSRegularExpression, _ text: String) -> [String]? {
        let range = NSRange(text.startIndex..., in: text)
        guard let found = pattern.firstMatch(in: text, range: range) else { return nil }
        return (1..<found.numberOfRanges).map { index in
            Range(found.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    /// `{}` becomes a group that takes as little as it can, the rest is literal.
    static func compile(_ english: String, anchoredAtStart: Bool) -> NSRegularExpression {
        let literal = english.components(separatedBy: "{}").map(NSRegularExpression.escapedPattern(for:)).joined(separator: "(.*?)")
        return try! NSRegularExpression(pattern: (anchoredAtStart ? "^" : "^(.*?)") + literal + "$", options: [.dotMatchesLineSeparators])
    }

    private static let compiledEntries = entries.map { (compile($0.english, anchoredAtStart: true), $0.swedish) }
    private static let compiledEndings = endings.map { (compile($0.english, anchoredAtStart: false), $0.swedish) }
}

extension Diagnostic {
    /// `path:line:col: error: message`, in the editor's language.
    public func text(in language: MessageLanguage) -> String {
        "\(place): \(language.word(for: severity)): \(MessageCatalog.translate(message, to: language))"
    }
}
