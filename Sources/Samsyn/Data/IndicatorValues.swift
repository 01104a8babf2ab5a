import Foundation
import SamsynCharts
import SamsynData
import SamsynSupport

/// An indicator's values over time, read from its data through disclosure control, and
/// what a page says of them: the latest value, the change, the status against the target.
public struct IndicatorValues: Sendable {
    public struct Point: Sendable {
        public var period: Period
        public var value: ChartValue
    }

    public struct Series: Sendable {
        public var name: String
        /// Sorted by period; one point per period.
        public var points: [Point]

        func value(at period: Period) -> ChartValue? { points.first { $0.period == period }?.value }
    }

    /// Whether the latest value meets its target.
    public enum Status: String, Sendable {
        case reached, notReached, approaching, noData

        /// The key of its words in the interface text (`indicator_status_reached`: "nått").
        var textKey: String {
            switch self {
            case .reached: "indicator_status_reached"
            case .notReached: "indicator_status_not_reached"
            case .approaching: "indicator_status_approaching"
            case .noData: "indicator_status_no_data"
            }
        }
    }

    public var own: Series
    public var comparisons: [Series]
    /// Decimals to show, as the data gives them.
    public var decimals: Int
    /// Where the values come from, for the page: the front matter's `source`, or Kolada.
    public var source: String?

    /// The latest period with a value (withheld counts: it was measured).
    public var latest: Point? { own.points.last { $0.value != .missing } }

    /// The point before the latest one measured.
    public var previous: Point? {
        guard let latest, let index = own.points.lastIndex(where: { $0.period == latest.period }) else { return nil }
        return own.points[..<index].last { $0.value != .missing }
    }

    /// The target the latest value is judged against: the one for its period, else the next
    /// one ahead, else the last one before it.
    public func target(in info: IndicatorInfo) -> IndicatorInfo.Target? {
        guard let period = latest?.period else { return info.targets.first }
        return info.targets.first { $0.period == period } ?? info.targets.first { $0.period > period } ?? info.targets.last
    }

    /// `nått` when the latest value meets the target; `närmar sig` when neither it nor the
    /// value before does but it is closer; `inte nått` otherwise (a value that met the
    /// target and no longer does is not approaching it); `saknar uppgift` without a
    /// published latest value. Nil for an indicator without targets.
    public func status(in info: IndicatorInfo) -> Status? {
        guard let target = target(in: info) else { return nil }
        guard let value = latest?.value.number else { return .noData }
        if info.meets(target, with: value) { return .reached }
        if let before = previous?.value.number, !info.meets(target, with: before), abs(target.value - value) < abs(target.value - before) {
            return .approaching
        }
        return .notReached
    }

    /// A value as text with the indicator's unit and the data's decimals: `4,58 %`,
    /// `2 956`, `..` when withheld, `–` when missing.
    public func text(of value: ChartValue, unit: IndicatorInfo.Unit) -> String {
        switch value {
        case .value(let number):
            unit == .percent ? SwedishNumberFormat.percent(number, decimals: decimals) : SwedishNumberFormat.format(number, decimals: decimals)
        case .withheld(let reason): reason.symbol
        case .missing: "–"
        }
    }

    /// A change with its sign (`+0,4`, `−1,76`), in percentage points for a percentage.
    public func text(ofChange change: Double, unit: IndicatorInfo.Unit, percentagePoints: String) -> String {
        let sign = change > 0 ? "+" : change < 0 ? "−" : "±"
        let magnitude = SwedishNumberFormat.format(abs(change), decimals: decimals)
        return sign + magnitude + (unit == .percent ? SwedishNumberFormat.noBreakSpace + percentagePoints : "")
    }

    /// The latest value less the one before, and less the baseline.
    public var changeSincePrevious: Double? {
        guard let now = latest?.value.number, let before = previous?.value.number else { return nil }
        return now - before
    }

    public func changeSinceBaseline(in info: IndicatorInfo) -> Double? {
        guard let now = latest?.value.number, let baseline = info.baseline, baseline.period != latest?.period else { return nil }
        return now - baseline.value
    }
}

/// Reads every indicator's values from its data: a CSV through `DataStore` (so disclosure
/// control applies exactly as to charts), or a Kolada file. Errors are logged at the
/// indicator's front matter.
enum Indicators {
    /// - Parameter files: the files under content/data/, where Kolada files are too.
    static func resolve(_ pages: [Page], store: inout DataStore, files: [(relative: String, file: SourceTree.File)],
                        log: inout DiagnosticLog) -> [String: IndicatorValues] {
        var result: [String: IndicatorValues] = [:]
        for page in pages where !page.isTranslation {
            guard let info = page.indicator else { continue }
            let location = { (key: String) in info.location(of: key) ?? SourceLocation(path: page.sourcePath, line: 1, column: 1) }
            let values = IndicatorInfo.isKoladaFile(info.data)
                ? KoladaFile.values(for: info, files: files, at: location, log: &log)
                : csvValues(for: info, store: &store, at: location, log: &log)
            guard let values else { continue }
            checkTargets(info, values, at: location, log: &log)
            result[page.id] = values
        }
        return result
    }

    private static func csvValues(for info: IndicatorInfo, store: inout DataStore, at location: (String) -> SourceLocation,
                                  log: inout DiagnosticLog) -> IndicatorValues? {
        guard store.fileNames.contains(info.data) else {
            log.error(Suggestion.message("no data file '\(DataStore.folder)/\(info.data)'", for: info.data, in: store.fileNames), at: location("data"))
            return nil
        }
        guard let table = store.table(info.data, log: &log), let periodName = info.periodColumn, let valueName = info.valueColumn else { return nil }
        let names = table.columns.map(\.name)
        var unknown = false
        for (key, column) in [("period", periodName), ("value", valueName)] + info.filter.keys.sorted().map({ ("where", $0) })
            + info.comparisons.flatMap({ comparison in comparison.filter.keys.sorted().map { ("compare", $0) } })
        where table.columnIndex(column) == nil {
            log.error(TableReader.unknownColumnMessage(column, in: names), at: location(key))
            unknown = true
        }
        guard !unknown, let periodIndex = table.columnIndex(periodName), let valueIndex = table.columnIndex(valueName) else { return nil }
        guard table.columns[valueIndex].type.isNumeric else {
            log.error("the column '\(valueName)' holds text, not numbers", at: location("value"))
            return nil
        }
        func series(_ name: String, _ filter: IndicatorInfo.Filter, key: String) -> IndicatorValues.Series? {
            var points: [IndicatorValues.Point] = []
            // Rows chosen as a chart block's `where` chooses them.
            for row in table.rows where filter.allSatisfy({ column, allowed in
                allowed.contains { DataBlocks.matches(row[table.columnIndex(column)!], $0) }
            }) {
                let periodText = periodText(row[periodIndex])
                guard let period = Period(periodText) else {
                    log.error("the data's period '\(periodText)' (column '\(periodName)') is not one; "
                              + "write a year (2025), a school year (2024/25), a term (HT 2024), weeks (v 45-48 2012) or a date", at: location("period"))
                    return nil
                }
                if points.contains(where: { $0.period == period }) {
                    log.error("the data has more than one row for \(period)\(filter.isEmpty ? "" : " among the rows chosen"); "
                              + "choose one series with 'where', such as 'where: {skola: Kommunen}'", at: location(filter.isEmpty ? "data" : key))
                    return nil
                }
                let value: ChartValue = switch row[valueIndex] {
                case .number(let number): .value(number)
                case .suppressed(let reason): .withheld(reason)
                case .empty, .text: .missing
                }
                points.append(IndicatorValues.Point(period: period, value: value))
            }
            return IndicatorValues.Series(name: name, points: points.sorted { $0.period < $1.period })
        }
        guard let own = series("", info.filter, key: "where") else { return nil }
        if own.points.isEmpty, info.filter.isEmpty {
            // A new indicator whose data is still to come (as `samsyn init` writes one): its
            // status is 'saknar uppgift' until the file has a row.
            log.warning("'\(info.data)' has no values yet: the indicator shows no value until it has a row", at: location("data"))
        } else if own.points.isEmpty {
            log.error("no rows of '\(info.data)' match this indicator's 'where'", at: location("where"))
            return nil
        }
        var comparisons: [IndicatorValues.Series] = []
        for comparison in info.comparisons {
            guard comparison.municipality == nil else {
                log.error("a comparison of a CSV's rows is a filter, as 'where' is: 'compare: {\(comparison.name): {skola: \(comparison.municipality!)}}'",
                          at: location("compare"))
                return nil
            }
            guard let found = series(comparison.name, comparison.filter, key: "compare") else { return nil }
            if found.points.isEmpty {
                log.error("no rows of '\(info.data)' match the comparison '\(comparison.name)'", at: location("compare"))
                return nil
            }
            comparisons.append(found)
        }
        return IndicatorValues(own: own, comparisons: comparisons, decimals: table.columns[valueIndex].decimals, source: info.source)
    }

    /// A period cell as text: a year typed as a number is read as its digits.
    private static func periodText(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        // Numbers are below 1e15 (TableReader), so a whole one fits an Int.
        case .number(let number): number == number.rounded() ? String(Int(number)) : SwedishNumberFormat.format(number, decimals: 0)
        case .empty, .suppressed: ""
        }
    }

    /// A target for a period inside the data's span that the data lacks is probably a slip
    /// (`HT` for `VT`); one after the latest period is a goal ahead.
    private static func checkTargets(_ info: IndicatorInfo, _ values: IndicatorValues, at location: (String) -> SourceLocation, log: inout DiagnosticLog) {
        guard let first = values.own.points.first?.period, let last = values.own.points.last?.period else { return }
        for target in info.targets where target.period <= last && values.own.value(at: target.period) == nil {
            let periods = values.own.points.map(\.period.description)
            let message = target.period < first
                ? "the target for \(target.period) is before the data's first period, \(first)"
                : "the data has no value for \(target.period), the period of this target"
            log.warning(Suggestion.message(message, for: target.period.description, in: periods), at: target.location)
        }
    }
}

extension Indicators {
    /// Each page's inline values as HTML: `` `=ID` `` the latest value of indicator ID,
    /// `` `=ID PERIOD` `` its value for a period, `` `=ID FROM..TO` `` the change between two
    /// periods (signed; in percentage points for a percentage). One that names no indicator,
    /// or a period the indicator has no value for, is an error at the span.
    /// - Parameter site: every page of the site, where the indicators are (`pages` may be
    ///   one edited page).
    static func fillInlineValues(_ pages: [Page], site: [Page], indicators: [String: IndicatorValues], localization: Localization,
                                 log: inout DiagnosticLog) -> [Page] {
        func strings(_ language: String) -> Strings { localization.strings(for: language) }
        let infos = Dictionary(site.compactMap { page in page.isTranslation ? nil : page.indicator.map { (page.id, $0) } },
                               uniquingKeysWith: { first, _ in first })
        return pages.map { page in
            guard !page.outline.inlineValues.isEmpty else { return page }
            let html = page.outline.inlineValues.map { value -> String in
                let location = page.location(of: value.position)
                let words = value.text.split(separator: " ", maxSplits: 1).map(String.init)
                guard let id = words.first else {
                    log.error("'`=`' names no indicator; write '`=` and an indicator's id, such as `=ogiltig-franvaro`", at: location)
                    return ""
                }
                guard let info = infos[id] else {
                    log.error(Suggestion.message("no indicator '\(id)' for `=\(value.text)`", for: id, in: infos.keys), at: location)
                    return ""
                }
                // Its data had errors, reported at the indicator.
                guard let values = indicators[id] else { return "" }
                guard words.count == 2 else { return Markup.escape(values.latest.map { values.text(of: $0.value, unit: info.unit) } ?? "–") }
                func valueAt(_ text: String) -> ChartValue? {
                    let text = text.trimmingCharacters(in: .whitespaces)
                    guard let period = Period(text) else {
                        log.error(IndicatorInfo.periodMessage(text), at: location)
                        return nil
                    }
                    guard let point = values.own.value(at: period) else {
                        let periods = values.own.points.map(\.period.description)
                        log.error(Suggestion.message("the indicator '\(id)' has no value for \(period); it has \(periods.joined(separator: ", "))",
                                                     for: period.description, in: periods), at: location)
                        return nil
                    }
                    return point
                }
                let range = words[1].components(separatedBy: "..")
                guard range.count == 2 else { return valueAt(words[1]).map { Markup.escape(values.text(of: $0, unit: info.unit)) } ?? "" }
                guard let from = valueAt(range[0]), let to = valueAt(range[1]) else { return "" }
                // A change from or to a withheld value is withheld too.
                guard let first = from.number, let last = to.number else { return Markup.escape(from.number == nil ? values.text(of: from, unit: info.unit) : values.text(of: to, unit: info.unit)) }
                return Markup.escape(values.text(ofChange: last - first, unit: info.unit, percentagePoints: strings(page.language)["indicator_percentage_points"]))
            }
            return page.with(valueHTML: html)
        }
    }
}
