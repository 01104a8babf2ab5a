import SamsynCharts

extension ChartText {
    /// Chart words from the interface text of a page's language (`chart_*` keys, which the
    /// default language's file must hold: `Localization.load` checks).
    init(_ t: Strings) {
        self.init { t[$0] }
    }
}
