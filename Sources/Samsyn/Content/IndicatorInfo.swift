import Foundation
import SamsynData
import SamsynSupport
import Yams

/// An indicator's front matter (`content/indikatorer/<id>.md`, DESIGN.md's Follow-up):
/// what is measured, which way is better, where the values come from, the baseline and
/// the targets. Read and checked at load; the values are read from the data later
/// (`Indicators.resolve`).
public struct IndicatorInfo: Sendable {
    public enum Unit: String, Sendable, CaseIterable {
        case percent, number, rating
    }

    public enum Better: String, Sendable, CaseIterable {
        case higher, lower
    }

    /// Rows of a table chosen by column values, as a chart block's `where`.
    public typealias Filter = [String: [String]]

    /// A series shown beside the indicator's own (`compare:`): rows of the same table
    /// (CSV) or another municipality or group (Kolada).
    public struct Comparison: Sendable {
        public var name: String
        public var filter: Filter
        public var municipality: String?
    }

    public struct Target: Sendable {
        public var period: Period
        public var value: Double
        public var location: SourceLocation
    }

    public var definition: String
    public var unit: Unit
    public var better: Better
    public var source: String?
    /// A file under content/data/: a CSV, or a Kolada file.
    public var data: String
    /// CSV: the columns holding the period and the value.
    public var periodColumn: String?
    public var valueColumn: String?
    public var filter: Filter
    /// Kolada: the KPI and the municipality (or group).
    public var kpi: String?
    public var municipality: String?
    public var comparisons: [Comparison]
    public var baseline: (period: Period, value: Double)?
    public var targets: [Target]
    public var owner: Reference?
    /// Where each front matter key is written, for errors found when the data is read.
    public var locations: [String: SourceLocation]

    public func location(of key: String) -> SourceLocation? { locations[key] }

    /// Whether a value meets a target, judged by which way is better.
    public func meets(_ target: Target, with value: Double) -> Bool {
        better == .higher ? value >= target.value : value <= target.value
    }

    static let keys: Set<String> = ["definition", "unit", "better", "source", "data", "period", "value", "where", "kpi", "municipality",
                                    "compare", "baseline", "targets", "owner"]

    /// The indicator, or nil with every error logged at its key.
    static func read(_ yaml: YAMLSource, log: inout DiagnosticLog) -> IndicatorInfo? {
        let mapping = yaml.root?.mapping ?? [:]
        let errorsBefore = log.errorCount
        func text(_ key: String, required: Bool) -> String? {
            guard let node = mapping[key], node.null == nil else {
                // At the key when it is there with no value, as a new page has it.
                if required { log.error("an indicator needs '\(key)'", at: mapping[key] == nil ? yaml.start : yaml.location(ofKey: key)) }
                return nil
            }
            guard let scalar = node.scalar else {
                log.error("'\(key)' must be a text, not a list or a mapping", at: yaml.location(ofKey: key))
                return nil
            }
            return scalar.string
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
            guard let name = text(key, required: true) else { return nil }
            let names = T.allCases.map(\.rawValue)
            guard let value = T(rawValue: name) else {
                log.error(Suggestion.message("unknown \(key) '\(name)'; use \(names.joined(separator: ", "))", for: name, in: names),
                          at: yaml.location(ofKey: key))
                return nil
            }
            return value
        }
        let definition = text("definition", required: true)
        let unit = choice("unit", Unit.self)
        let better = choice("better", Better.self)
        let data = text("data", required: true)
        let isKolada = data.map(Self.isKoladaFile) ?? false
        let periodColumn = text("period", required: !isKolada), valueColumn = text("value", required: !isKolada)
        let kpi = text("kpi", required: isKolada), municipality = text("municipality", required: isKolada)
        let filter = readFilter(mapping["where"], keyPath: [PlainKey("where")], yaml: yaml, log: &log)

        var comparisons: [Comparison] = []
        if let node = mapping["compare"], node.null == nil {
            if let pairs = node.mapping {
                for (key, value) in pairs {
                    let name = key.string ?? ""
                    if let municipality = value.scalar?.string {
                        comparisons.append(Comparison(name: name, filter: [:], municipality: municipality))
                    } else {
                        let rows = readFilter(value, keyPath: [PlainKey("compare"), PlainKey(name)], yaml: yaml, log: &log)
                        comparisons.append(Comparison(name: name, filter: rows, municipality: nil))
                    }
                }
            } else {
                log.error("'compare' names each series to show beside the indicator's: 'compare: {Riket: {skola: Riket}}', "
                          + "or for Kolada a municipality or group id: 'compare: {Riket: \"0000\"}'", at: yaml.location(ofKey: "compare"))
            }
        }

        var baseline: (Period, Double)?
        if let node = mapping["baseline"], node.null == nil {
            let location = yaml.location(ofKey: "baseline")
            if let pair = node.mapping, let periodText = pair["period"]?.scalar?.string, let valueText = pair["value"]?.scalar?.string {
                let period = Period(periodText), value = SwedishNumber.parse(valueText)?.value
                if period == nil { log.error(Self.periodMessage(periodText), at: yaml.location(of: [PlainKey("baseline"), PlainKey("period")])) }
                if value == nil { log.error("the baseline's value '\(valueText)' is not a number", at: yaml.location(of: [PlainKey("baseline"), PlainKey("value")])) }
                if let period, let value { baseline = (period, value) }
            } else {
                log.error("'baseline' is a period and a value: 'baseline: {period: VT 2012, value: 4.58}'", at: location)
            }
        }

        var targets: [Target] = []
        if let node = mapping["targets"], node.null == nil {
            if let pairs = node.mapping {
                for (key, value) in pairs {
                    let periodText = key.string ?? ""
                    let location = yaml.location(of: [PlainKey("targets"), PlainKey(periodText)])
                    guard let period = Period(periodText) else {
                        log.error(Self.periodMessage(periodText), at: location)
                        continue
                    }
                    guard let valueText = value.scalar?.string, let number = SwedishNumber.parse(valueText)?.value else {
                        log.error("the target for \(period) is not a number", at: location)
                        continue
                    }
                    if targets.contains(where: { $0.period == period }) {
                        log.error("a second target for \(period)", at: location)
                        continue
                    }
                    targets.append(Target(period: period, value: number, location: location))
                }
            } else {
                log.error("'targets' maps a period to the value aimed at: 'targets: {VT 2015: 2.5, 2027: 2}'", at: yaml.location(ofKey: "targets"))
            }
        }
        let owner = text("owner", required: false).map { Reference(id: $0, location: yaml.location(ofKey: "owner")) }
        guard log.errorCount == errorsBefore, let definition, let unit, let better, let data else { return nil }
        var locations: [String: SourceLocation] = [:]
        for key in keys { locations[key] = yaml.location(ofKey: key) }
        return IndicatorInfo(definition: definition, unit: unit, better: better, source: text("source", required: false), data: data,
                             periodColumn: periodColumn, valueColumn: valueColumn, filter: filter, kpi: kpi, municipality: municipality,
                             comparisons: comparisons, baseline: baseline, targets: targets.sorted { $0.period < $1.period },
                             owner: owner, locations: locations)
    }

    /// Kolada's data as its API returns it, saved as `kolada-*.json` (`samsyn kolada`).
    static func isKoladaFile(_ name: String) -> Bool {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        return file.hasPrefix("kolada-") && file.hasSuffix(".json")
    }

    static func periodMessage(_ text: String) -> String {
        "'\(text)' is not a period; write a year (2025), a school year (2024/25), a term (HT 2024, VT 2025), weeks (v 45-48 2012) or a date (2025-05-15)"
    }

    /// `where: {skola: Kommunen}` or `{skola: [A, B]}`.
    private static func readFilter(_ node: Node?, keyPath: [any CodingKey], yaml: YAMLSource, log: inout DiagnosticLog) -> Filter {
        guard let node, node.null == nil else { return [:] }
        guard let pairs = node.mapping else {
            log.error("a filter maps a column to the value (or values) its rows have: '{skola: Kommunen}'", at: yaml.location(of: keyPath))
            return [:]
        }
        var filter: Filter = [:]
        for (key, value) in pairs {
            let column = key.string ?? ""
            if let scalar = value.scalar {
                filter[column] = [scalar.string]
            } else if let sequence = value.sequence, sequence.allSatisfy({ $0.scalar != nil }) {
                filter[column] = sequence.compactMap { $0.scalar?.string }
            } else {
                log.error("the rows' value in '\(column)' is a text or a list of texts", at: yaml.location(of: keyPath + [PlainKey(column)]))
            }
        }
        return filter
    }
}
