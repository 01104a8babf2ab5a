import SamsynCharts

extension ChartText {
    /// Chart words from the interface text of a page's language (`chart_*` keys).
    init(_ t: Strings) {
        self.init()
        func set(_ keyPath: WritableKeyPath<ChartText, String>, _ key: String) {
            if let value = t.optional(key) { self[keyPath: keyPath] = value }
        }
        set(\.figure, "chart_figure")
        set(\.table, "chart_table")
        set(\.measure, "chart_measure")
        set(\.source, "chart_source")
        set(\.withheldNote, "chart_withheld_note")
        set(\.protectedNote, "chart_protected_note")
        set(\.missingNote, "chart_missing_note")
        set(\.tableCaption, "chart_table_caption")
        set(\.percentStackName, "chart_percent_stack")
        set(\.over, "chart_over")
        set(\.per, "chart_per")
        set(\.forSeries, "chart_for")
        set(\.and, "chart_and")
        set(\.groups, "chart_groups")
        set(\.highest, "chart_highest")
        set(\.lowest, "chart_lowest")
        set(\.changeOne, "chart_change_one")
        set(\.changeMean, "chart_change_mean")
        set(\.withheldSentence, "chart_withheld_sentence")
        set(\.shareNote, "chart_share_note")
        for kind in ChartKind.allCases {
            if let name = t.optional("chart_kind_" + kind.rawValue.replacingOccurrences(of: "-", with: "_")) { kindNames[kind] = name }
        }
    }
}
