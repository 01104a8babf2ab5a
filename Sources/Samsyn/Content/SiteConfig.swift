import SamsynSupport
import SamsynData
import Foundation

/// Who a page is written for. A page without `audience` is for staff only.
public enum Audience: String, CaseIterable, Sendable, Comparable {
    case staff, guardians, politicians, pupils

    /// The readers of the public web, for whom the law on accessibility asks a statement.
    static let publicReaders: Set<Audience> = [.guardians, .politicians, .pupils]

    public static func < (a: Audience, b: Audience) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses a list of audience names, logging each unknown one at its own position.
    static func parse(_ names: [String], at location: (Int) -> SourceLocation, log: inout DiagnosticLog) -> Set<Audience> {
        var audiences = Set<Audience>()
        for (index, name) in names.enumerated() {
            if let audience = Audience(rawValue: name) {
                audiences.insert(audience)
            } else {
                log.error(
                    Suggestion.message("unknown audience '\(name)'; use staff, guardians, pupils or politicians", for: name, in: allCases.map(\.rawValue)),
                    at: location(index)
                )
            }
        }
        return audiences
    }
}

/// One site Samsyn writes, to `public/<name>/`.
public struct Target: Sendable, Equatable {
    public var name: String
    public var audiences: Set<Audience>
    public var baseURL: URL

    /// Whether a page for `pageAudiences` belongs in this target.
    public func includes(_ pageAudiences: Set<Audience>) -> Bool {
        !audiences.isDisjoint(with: pageAudiences)
    }

    /// A target any member of the public can read.
    public var isPublic: Bool { !audiences.contains(.staff) }
}

/// `content/site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var language: String
    /// Every language pages are written in, the default first.
    public var languages: [String]
    public var accessibility: AccessibilityStatement?
    public var description: String?
    public var organisation: String?
    public var minCell: Int
    public var maxLIX: Double
    /// LIX limits for pages pupils read, and for easy-to-read versions (lättläst).
    public var maxLIXPupils: Double
    public var maxLIXEasyRead: Double
    /// Whether each report gets a PDF beside its page (`pdf: false` turns it off).
    public var reportPDFs: Bool
    /// In the order site.yml lists them.
    public var targets: [Target]

    static let path = "content/site.yml"

    /// The site's languages: those site.yml declares, then any other a translation is written in.
    func languages(including translations: some Sequence<String>) -> [String] {
        languages + Set(translations).subtracting(languages).sorted()
    }

    private struct Raw: Decodable {
        var title: String
        var language: String?
        var languages: [String]?
        var accessibility: AccessibilityStatement?
        var description: String?
        var organisation: String?
        var statistics: Statistics?
        var readability: Readability?
        var pdf: Bool?
        var targets: [String: RawTarget]

        struct Statistics: Decodable { var min_cell: Int? }
        struct Readability: Decodable { var max_lix: Double?; var max_lix_pupils: Double?; var max_lix_easy_read: Double? }
        struct RawTarget: Decodable {
            var audiences: OneOrMany<String>
            var base_url: String
        }
    }

    /// Reads and checks site.yml; logs every problem and returns nil if the site cannot be built.
    static func load(sourceDirectory: URL, log: inout DiagnosticLog) -> SiteConfig? {
        let url = sourceDirectory.appendingPathComponent(path)
        guard let text = SourceFile.readText(at: url, path: path, log: &log) else { return nil }
        PlaceholderCheck.scan(text, path: path, log: &log)
        guard let yaml = YAMLSource(text, path: path, log: &log), let raw = yaml.decode(Raw.self, log: &log) else {
            return nil
        }
        let errorsBefore = log.errorCount
        var targets: [Target] = []
        // The mapping's own order, so targets are built and reported in the order written.
        let targetNames = yaml.root?.mapping?["targets"]?.mapping?.compactMap { $0.key.string } ?? []
        for name in targetNames {
            guard let rawTarget = raw.targets[name] else { continue }
            let audiences = Audience.parse(rawTarget.audiences.values, at: { index in
                yaml.location(of: [PlainKey("targets"), PlainKey(name), PlainKey("audiences"), IndexKey(index)])
            }, log: &log)
            let baseURLText = rawTarget.base_url.hasSuffix("/") ? rawTarget.base_url : rawTarget.base_url + "/"
            guard let baseURL = URL(string: baseURLText), baseURL.scheme != nil, baseURL.host != nil else {
                log.error("base_url '\(rawTarget.base_url)' is not an absolute URL such as https://www.exempelkommun.se/skolnarvaro/",
                          at: yaml.location(of: [PlainKey("targets"), PlainKey(name), PlainKey("base_url")]))
                continue
            }
            guard ContentFileName.isValidID(name) else {
                log.error("target name '\(name)' must be lower-case letters a–z, digits and '-': it becomes a folder name",
                          at: yaml.location(of: [PlainKey("targets"), PlainKey(name)]))
                continue
            }
            if PlaceholderCheck.isPlaceholderURL(baseURL) {
                log.warning("base_url '\(rawTarget.base_url)' is a placeholder: set the address the target '\(name)' is published at "
                            + "(--strict refuses to build with it)", at: yaml.location(of: [PlainKey("targets"), PlainKey(name), PlainKey("base_url")]))
            }
            targets.append(Target(name: name, audiences: audiences, baseURL: baseURL))
        }
        if targetNames.isEmpty {
            log.error("site.yml names no targets; add at least one under 'targets:'", at: yaml.location(ofKey: "targets"))
        }
        if raw.accessibility == nil, targets.contains(where: { !$0.audiences.isDisjoint(with: Audience.publicReaders) }) {
            log.error("site.yml needs an 'accessibility:' section: a site for guardians, pupils or politicians must publish a tillgänglighetsredogörelse",
                      at: yaml.start)
        }
        // Language codes become folder names (`en/`): nothing but a code may get that far.
        if let language = raw.language, !ContentFileName.isLanguageCode(Substring(language).utf8) {
            log.error("language '\(language)' is not a language code such as sv, en or fa-AF", at: yaml.location(ofKey: "language"))
        }
        for (index, code) in (raw.languages ?? []).enumerated() where !ContentFileName.isLanguageCode(Substring(code).utf8) {
            log.error("'\(code)' is not a language code such as sv, en or fa-AF", at: yaml.location(of: [PlainKey("languages"), IndexKey(index)]))
        }
        // Below three, a published value could describe one or two children.
        if let minCell = raw.statistics?.min_cell, minCell < 3 {
            log.error("min_cell \(minCell) would publish values about single children: it must be at least 3 (Skolverket uses 10)",
                      at: yaml.location(of: [PlainKey("statistics"), PlainKey("min_cell")]))
        }
        guard log.errorCount == errorsBefore else { return nil }
        let language = raw.language ?? "sv"
        return SiteConfig(
            title: raw.title,
            language: language,
            languages: [language] + (raw.languages ?? []).filter { $0 != language },
            accessibility: raw.accessibility,
            description: raw.description,
            organisation: raw.organisation,
            minCell: raw.statistics?.min_cell ?? 10,
            maxLIX: raw.readability?.max_lix ?? 40,
            maxLIXPupils: raw.readability?.max_lix_pupils ?? 30,
            maxLIXEasyRead: raw.readability?.max_lix_easy_read ?? 25,
            reportPDFs: raw.pdf ?? true,
            targets: targets
        )
    }
}

struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
