import SamsynSupport
import Foundation
import SamsynCharts
import Yams

/// Interface text in one language: `templates/i18n/<language>.yml`, with the site's
/// default language filling in any key a translation lacks.
struct Strings: Sendable {
    private let values: [String: String]
    private let monthNames: [String]

    subscript(key: String) -> String { values[key] ?? key }

    /// The text for `key`, or nil when no file has it.
    func optional(_ key: String) -> String? { values[key] }

    /// All strings, for templates to use as `{{t.key}}`.
    var context: [String: String] { values }

    /// A date in running text: `15 maj 2014`.
    func longDate(_ date: LocalDate) -> String {
        "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// `{name}` placeholders filled in.
    func format(_ key: String, _ values: [String: String]) -> String {
        Placeholders.fill(self[key], values)
    }

    fileprivate init(values: [String: String], monthNames: [String]) {
        self.values = values
        self.monthNames = monthNames
    }
}

/// The interface text of every language the site is written in.
struct Localization: Sendable {
    static let directory = "templates/i18n"

    let defaultLanguage: String
    private let byLanguage: [String: Strings]
    /// Each language's name in itself ("Svenska", "العربية"), from `languages.yml`.
    let languageNames: [String: String]

    func strings(for language: String) -> Strings {
        byLanguage[language] ?? byLanguage[defaultLanguage]!
    }

    func name(of language: String) -> String { languageNames[language] ?? language }

    /// The languages with interface text of their own (the default one included).
    var languages: [String] { byLanguage.keys.sorted() }

    private struct File: Decodable {
        var months: [String]?
        var strings: [String: String]?
    }

    /// The keys the code reads itself rather than through a template (which a template
    /// check would miss): the words of charts.
    static let requiredKeys = ChartText.keys

    /// The default language's file must be complete; another language's missing keys are
    /// warnings naming the file, and the default language's text is used for them.
    static func load(languages: [String], defaultLanguage: String, sourceDirectory: URL, log: inout DiagnosticLog) -> Localization? {
        guard let base = loadFile(defaultLanguage, sourceDirectory: sourceDirectory, log: &log),
              let baseMonths = base.file.months, baseMonths.count == 12, let baseStrings = base.file.strings
        else {
            log.error("the interface text of the default language '\(defaultLanguage)' needs 'months' (twelve names) and 'strings'",
                      at: SourceLocation(path: "\(directory)/\(defaultLanguage).yml"))
            return nil
        }
        let missing = requiredKeys.filter { baseStrings[$0] == nil }
        if !missing.isEmpty {
            log.error("the interface text of the default language '\(defaultLanguage)' lacks \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                      + "every language falls back to it, so it must have every key", at: base.yaml.location(ofKey: "strings"))
            return nil
        }
        var byLanguage = [defaultLanguage: Strings(values: baseStrings, monthNames: baseMonths)]
        for language in languages where language != defaultLanguage {
            let path = "\(directory)/\(language).yml"
            guard let loaded = loadFile(language, sourceDirectory: sourceDirectory, log: &log) else {
                log.warning("no interface text for '\(language)'; pages in it use \(defaultLanguage)", at: SourceLocation(path: path))
                byLanguage[language] = byLanguage[defaultLanguage]
                continue
            }
            let strings = loaded.file.strings ?? [:]
            for key in baseStrings.keys.sorted() where strings[key] == nil {
                log.warning("missing '\(key)'; the \(defaultLanguage) text is used", at: loaded.yaml.location(ofKey: "strings"))
            }
            var months = baseMonths
            if let own = loaded.file.months {
                if own.count == 12 { months = own } else {
                    log.warning("'months' must list twelve names; the \(defaultLanguage) ones are used", at: loaded.yaml.location(ofKey: "months"))
                }
            }
            byLanguage[language] = Strings(values: baseStrings.merging(strings) { $1 }, monthNames: months)
        }
        var names: [String: String] = [:]
        let namesPath = "\(directory)/languages.yml"
        if let text = SourceFile.readOptionalText(at: sourceDirectory.appendingPathComponent(namesPath), path: namesPath, log: &log),
           let yaml = YAMLSource(text, path: namesPath, log: &log) {
            names = yaml.decode([String: String].self, log: &log) ?? [:]
        }
        return Localization(defaultLanguage: defaultLanguage, byLanguage: byLanguage, languageNames: names)
    }

    private static func loadFile(_ language: String, sourceDirectory: URL, log: inout DiagnosticLog) -> (file: File, yaml: YAMLSource)? {
        let path = "\(directory)/\(language).yml"
        guard let text = SourceFile.readOptionalText(at: sourceDirectory.appendingPathComponent(path), path: path, log: &log),
              let yaml = YAMLSource(text, path: path, log: &log),
              let file = yaml.decode(File.self, log: &log)
        else { return nil }
        return (file, yaml)
    }
}
