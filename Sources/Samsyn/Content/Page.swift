import Foundation
import SamsynMarkdown

/// What a page is, decided by the folder it lies in.
public enum PageKind: String, Sendable, CaseIterable {
    case routine, role, intervention, page, report, indicator, action

    /// The top-level folder DESIGN.md gives the kind (plain pages live anywhere; new ones
    /// go to the guardians' folder). Also the order of the sections in the menu.
    var folder: String {
        switch self {
        case .routine: "rutiner"
        case .role: "roller"
        case .intervention: "verktygslada"
        case .page: "vardnadshavare"
        case .report: "rapport"
        case .indicator: "indikatorer"
        case .action: "atgarder"
        }
    }

    /// The kind of a page in a top-level folder; anything else is a plain page.
    static func forSection(_ section: String) -> PageKind {
        allCases.first { $0.folder == section } ?? .page
    }
}

/// An id written in front matter (`owner: rektor`) and where it was written.
public struct Reference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
}

public enum InterventionLevel: String, Sendable, CaseIterable {
    case framjande = "främjande", forebyggande = "förebyggande", atgardande = "åtgärdande"
}

public struct RoutineInfo: Sendable {
    public var owner: Reference
    public var roles: [Reference]
    /// When the routine was last reviewed: from the front matter, never the build date.
    public var reviewed: LocalDate
    /// Where `reviewed` is written, for the overdue warning.
    public var reviewedLocation: SourceLocation
    public var reviewEveryMonths: Int
    public var due: LocalDate { reviewed.adding(months: reviewEveryMonths) }
    /// A step's few words for its box in the flow chart (`step_labels: {2: Första
    /// kartläggning}`), by step number, with where each is written.
    public var stepLabels: [Int: (text: String, location: SourceLocation)] = [:]
}

/// One step of a routine: an item of its ordered list, and the roles its links lead to.
public struct RoutineStep: Sendable, Equatable {
    public var number: Int
    public var text: String
    /// The role the step's first role link names: the lane it is drawn in.
    public var role: String?
    /// The words of the link that names the role, which the flow's lane already shows.
    public var roleText: String?
    /// Every role the step links to, in order, each once: all of them take part in it
    /// ("Kurator, skolsköterska och specialpedagog gör var sin del").
    public var roles: [String] = []
}

public struct RoleInfo: Sendable {
    public var organisation: String?
}

public struct InterventionInfo: Sendable {
    /// Whom an intervention can be for (`for:` in front matter), in the order the toolbox
    /// map shows them.
    static let recipientNames = ["elev", "vårdnadshavare", "personal"]

    public var level: InterventionLevel?
    /// `for:` in front matter: some of `recipientNames`.
    public var recipients: [String]
    public var absence: [String]
    public var deliveredBy: [Reference]
}

/// A report: the year it follows up, and what its document for the nämnd carries on the
/// title page (all optional).
public struct ReportInfo: Sendable {
    public var year: Int?
    /// The nämnd the report goes to.
    public var committee: String?
    /// Diarienummer.
    public var caseNumber: String?
    public var date: LocalDate?
    /// Förvaltning, unit and contact, a line each.
    public var preparedBy: [String] = []
    /// Förslag till beslut, a point each; a section of that name in the body serves too.
    public var decision: [String] = []

    /// The heading a body section takes for the proposed decision, instead of `decision:`.
    public static let decisionHeading = "Förslag till beslut"
}

/// The front matter that only pages of one kind have.
public enum PageDetails: Sendable {
    case routine(RoutineInfo)
    case role(RoleInfo)
    case intervention(InterventionInfo)
    case report(ReportInfo)
    case indicator(IndicatorInfo)
    case action(ActionInfo)
    case page
}

/// One Markdown file, loaded and checked, not yet rendered. A class whose fields never
/// change: the site, every target and the search index share one object per page instead
/// of copying its twenty fields.
public final class Page: Sendable {
    /// The file name without `.md` (and without the language of a translation).
    public let id: String
    /// The page's language: the site's, or the `<lang>` of `slug.<lang>.md`.
    public let language: String
    public let isTranslation: Bool
    /// The top-level folder under content/ ("" for a file directly in content/).
    public let section: String
    public let kind: PageKind
    /// Relative to the site folder: `content/rutiner/oroande-franvaro.md`.
    public let sourcePath: String
    public let title: String
    public let summary: String?
    public let audiences: Set<Audience>
    public let details: PageDetails
    /// For an easy-to-read version (lättläst): the page it is the version of (`easy_read_of`).
    public let easyReadOf: Reference?
    /// The front matter as written: `samsyn serve` re-renders an edited page alone only
    /// while this stays the same.
    public let frontMatter: String
    /// The body rendered once, its links and chart and table blocks filled in per target.
    public let html: PreparedHTML
    /// The file line on which the Markdown body starts.
    public let bodyFirstLine: Int
    public let outline: MarkdownOutline
    /// The prose of the body, for LIX and the search terms: worked out once, and let go
    /// once they are (`Site.releasingProse`).
    public let readableText: String
    /// What a search result shows of the page: its summary, or else its first 30 words.
    public let excerpt: String
    /// The HTML of the page's chart and table blocks, by the block's line in the body:
    /// drawn once, the same in every target.
    public let blockHTML: [Int: String]
    /// The HTML of the page's inline values (`` `=ID` ``), in the order of `outline.inlineValues`.
    public let valueHTML: [String]
    /// Where the page is written in a target, relative to its root: `rutiner/oroande-franvaro/`.
    public let urlPath: String
    /// Path relative to content/, the form Markdown links are resolved in (kept: every
    /// link resolved asks for it).
    public let contentPath: String
    public var chartCount: Int { outline.fencedBlocks.count { $0.info == "chart" } }

    init(id: String, language: String, isTranslation: Bool, section: String, kind: PageKind, sourcePath: String, title: String,
         summary: String?, audiences: Set<Audience>, details: PageDetails, frontMatter: String, html: PreparedHTML, bodyFirstLine: Int,
         outline: MarkdownOutline, readableText: String, excerpt: String, blockHTML: [Int: String], valueHTML: [String] = [], urlPath: String,
         easyReadOf: Reference? = nil) {
        self.id = id
        self.language = language
        self.isTranslation = isTranslation
        self.section = section
        self.kind = kind
        self.sourcePath = sourcePath
        self.title = title
        self.summary = summary
        self.audiences = audiences
        self.details = details
        self.frontMatter = frontMatter
        self.html = html
        self.bodyFirstLine = bodyFirstLine
        self.outline = outline
        self.readableText = readableText
        self.excerpt = excerpt
        self.blockHTML = blockHTML
        self.valueHTML = valueHTML
        self.urlPath = urlPath
        self.easyReadOf = easyReadOf
        contentPath = String(sourcePath.dropFirst("content/".count))
    }

    /// The same page with its chart and table blocks drawn.
    func with(blockHTML: [Int: String]) -> Page {
        copy(readableText: readableText, blockHTML: blockHTML, valueHTML: valueHTML)
    }

    /// The same page with its inline values filled in.
    func with(valueHTML: [String]) -> Page {
        copy(readableText: readableText, blockHTML: blockHTML, valueHTML: valueHTML)
    }

    /// The same page without its prose, once LIX and the search terms have been worked out.
    func releasingProse() -> Page {
        copy(readableText: "", blockHTML: blockHTML, valueHTML: valueHTML)
    }

    /// The fields that change after loading, the rest as they are.
    private func copy(readableText: String, blockHTML: [Int: String], valueHTML: [String]) -> Page {
        Page(id: id, language: language, isTranslation: isTranslation, section: section, kind: kind, sourcePath: sourcePath, title: title,
             summary: summary, audiences: audiences, details: details, frontMatter: frontMatter, html: html, bodyFirstLine: bodyFirstLine,
             outline: outline, readableText: readableText, excerpt: excerpt, blockHTML: blockHTML, valueHTML: valueHTML, urlPath: urlPath,
             easyReadOf: easyReadOf)
    }

    /// Ids the templates and figures use on a page, which headings must not take.
    static let templateIDs: Set<String> = ["innehall", "rollens-ansvar", "flode", "flode-rubrik", "vad-som-har-hant", "beslutsforslag"]

    /// The template's ids, those of the page's figures and tables (`figur-2`, `tabell-1`, …)
    /// and of a routine's steps (`steg-1`, …).
    var reservedIDs: Set<String> { Self.reservedIDs(for: outline, kind: kind) }

    /// Everything a `#fragment` may point at: headings and steps.
    var anchorIDs: Set<String> { Set(outline.headings.map(\.id)).union(stepIDs) }

    static let stepPrefix = "steg-"
    /// The fenced blocks Samsyn draws itself (`DataBlocks`): ```` ```chart ```` and ```` ```table ````.
    static let blockInfoStrings: Set<String> = ["chart", "table", followUpInfoString]
    /// A report's follow-up block: the indicators with their targets for a year and the
    /// actions decided by then, made per target (`TargetRenderer+FollowUp.swift`).
    static let followUpInfoString = "uppfoljning"

    /// Which top-level ordered list holds a routine's steps: the one under a heading such as
    /// "Arbetsgång", or else the first.
    var stepListIndex: Int? { Self.stepListIndex(in: outline, kind: kind) }

    static func stepListIndex(in outline: MarkdownOutline, kind: PageKind) -> Int? {
        guard kind == .routine, !outline.orderedLists.isEmpty else { return nil }
        let named = outline.orderedLists.firstIndex { list in
            guard let heading = list.heading?.text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) else { return false }
            return ["arbetsgang", "steg for steg", "sa gor vi", "gang"].contains { heading.contains($0) }
        }
        return named ?? 0
    }

    var stepIDs: [String] {
        guard let index = stepListIndex else { return [] }
        return outline.orderedLists[index].items.indices.map { "\(Self.stepPrefix)\($0 + 1)" }
    }

    static func reservedIDs(for outline: MarkdownOutline, kind: PageKind) -> Set<String> {
        // An indicator's page shows its own chart as figure 1, before the body's.
        var ids = reservedIDs(for: outline.fencedBlocks, ownFigures: kind == .indicator ? 1 : 0)
        if let index = stepListIndex(in: outline, kind: kind) {
            ids.formUnion(outline.orderedLists[index].items.indices.map { "\(stepPrefix)\($0 + 1)" })
        }
        return ids
    }

    static func reservedIDs(for blocks: [FencedBlock], ownFigures: Int = 0) -> Set<String> {
        let charts = blocks.count { $0.info == "chart" } + ownFigures, tables = blocks.count { $0.info == "table" }
        var ids = templateIDs
        for number in stride(from: 1, through: charts, by: 1) {
            ids.formUnion(["figur-\(number)", "figur-\(number)-titel", "figur-\(number)-beskrivning",
                           "figur-\(number)-titel-smal", "figur-\(number)-beskrivning-smal", "figur-\(number)-tabell"])
        }
        for number in stride(from: 1, through: tables, by: 1) { ids.insert("tabell-\(number)") }
        return ids
    }
    /// A position in the Markdown body as a location in the file.
    func location(of position: SourcePosition) -> SourceLocation {
        SourceLocation(path: sourcePath, line: bodyFirstLine + position.line - 1, column: position.column)
    }

    public var routine: RoutineInfo? {
        if case .routine(let info) = details { return info }
        return nil
    }

    public var intervention: InterventionInfo? {
        if case .intervention(let info) = details { return info }
        return nil
    }

    public var indicator: IndicatorInfo? {
        if case .indicator(let info) = details { return info }
        return nil
    }

    public var action: ActionInfo? {
        if case .action(let info) = details { return info }
        return nil
    }
}
