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
    /// One sentence per chart type saying what it shows, as a person would say it aloud:
    /// `{value}` what is measured, `{category}` along the axis, `{series}` what the bars or
    /// lines stand for and `{names}` their names (`: A, B och C`, or a count).
    public var describe: [ChartKind: String]
    public var describeLines: String
    public var describePercentStack: String
    /// `{count}`, after `{series}` when there are too many names to say.
    public var count: String
    public var and: String
    /// `{period}`, `{value}`: a target drawn as a line of its own.
    public var target: String
    /// `{label}`, `{value}`: a chart of one value.
    public var oneValue: String
    /// `{label}`, `{value}`.
    public var highest: String
    public var lowest: String
    /// `{first}`, `{last}`, `{from}`, `{to}`.
    public var changeOne: String
    public var changeMean: String
    /// `{count}`.
    public var withheldSentence: String
    public var shareNote: String

    /// The interface-text key of a kind's sentence: `chart_describe_grouped_bar`.
    public static func describeKey(_ kind: ChartKind) -> String {
        "chart_describe_" + kind.rawValue.replacingOccurrences(of: "-", with: "_")
    }

    /// Every key a chart reads, for the check that the site's default language has them all.
    public static var keys: [String] {
        ["chart_figure", "chart_table", "chart_measure", "chart_source", "chart_withheld_note", "chart_protected_note",
         "chart_missing_note", "chart_table_caption", "chart_describe_lines", "chart_describe_percent_stack", "chart_count", "chart_and",
         "chart_target", "chart_one_value", "chart_highest", "chart_lowest", "chart_change_one", "chart_change_mean", "chart_withheld_sentence",
         "chart_share_note"] + ChartKind.allCases.map(describeKey)
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
        describeLines = text("chart_describe_lines")
        describePercentStack = text("chart_describe_percent_stack")
        count = text("chart_count")
        and = text("chart_and")
        target = text("chart_target")
        oneValue = text("chart_one_value")
        highest = text("chart_highest")
        lowest = text("chart_lowest")
        changeOne = text("chart_change_one")
        changeMean = text("chart_change_mean")
        withheldSentence = text("chart_withheld_sentence")
        shareNote = text("chart_share_note")
        describe = Dictionary(uniqueKeysWithValues: ChartKind.allCases.map { ($0, text(Self.describeKey($0))) })
    }
}
