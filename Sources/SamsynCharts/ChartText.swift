/// Every word a chart shows readers, in the page's language. The words themselves live in
/// the site's interface text (`templates/i18n/<language>.yml`, keys `chart_*`), in one
/// place for all languages; this type only says which keys a chart needs.
public struct ChartText: Sendable {
    public var figure: String
    public var table: String
    /// Heads the series column when each series is a column of the data.
    public var measure: String
    public var source: String
    /// `{n}` is the smallest group published.
    public var withheldNote: String
    /// After `..*`: a value withheld so that a withheld one cannot be worked out.
    public var protectedNote: String
    public var missingNote: String
    /// `{n}` is the figure's number.
    public var tableCaption: String
    public var kindNames: [ChartKind: String]
    public var percentStackName: String
    public var over: String
    public var per: String
    public var forSeries: String
    public var and: String
    public var groups: String
    /// `{label}`, `{value}`.
    public var highest: String
    public var lowest: String
    /// `{first}`, `{last}`, `{from}`, `{to}`.
    public var changeOne: String
    public var changeMean: String
    /// `{count}`.
    public var withheldSentence: String
    public var shareNote: String

    /// The interface-text key of a kind's name: `chart_kind_grouped_bar`.
    public static func kindKey(_ kind: ChartKind) -> String {
        "chart_kind_" + kind.rawValue.replacingOccurrences(of: "-", with: "_")
    }

    /// Every key a chart reads, for the check that the site's default language has them all.
    public static var keys: [String] {
        ["chart_figure", "chart_table", "chart_measure", "chart_source", "chart_withheld_note", "chart_protected_note",
         "chart_missing_note", "chart_table_caption", "chart_percent_stack", "chart_over", "chart_per", "chart_for", "chart_and",
         "chart_groups", "chart_highest", "chart_lowest", "chart_change_one", "chart_change_mean", "chart_withheld_sentence",
         "chart_share_note"] + ChartKind.allCases.map(kindKey)
    }

    /// The words from interface text: `text(key)` for each of `keys`.
    public init(_ text: (String) -> String) {
        figure = text("chart_figure")
        table = text("chart_table")
        measure = text("chart_measure")
        source = text("chart_source")
        withheldNote = text("chart_withheld_note")
        protectedNote = text("chart_protected_note")
        missingNote = text("chart_missing_note")
        tableCaption = text("chart_table_caption")
        percentStackName = text("chart_percent_stack")
        over = text("chart_over")
        per = text("chart_per")
        forSeries = text("chart_for")
        and = text("chart_and")
        groups = text("chart_groups")
        highest = text("chart_highest")
        lowest = text("chart_lowest")
        changeOne = text("chart_change_one")
        changeMean = text("chart_change_mean")
        withheldSentence = text("chart_withheld_sentence")
        shareNote = text("chart_share_note")
        kindNames = Dictionary(uniqueKeysWithValues: ChartKind.allCases.map { ($0, text(Self.kindKey($0))) })
    }
}
