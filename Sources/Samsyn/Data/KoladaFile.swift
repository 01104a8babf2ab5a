import Foundation
import SamsynCharts
import SamsynData
import SamsynSupport

/// Kolada's data as its API v2 returns it (`/v2/data/kpi/<KPI>/municipality/<ID>`), saved
/// under content/data/ as `kolada-*.json`:
/// `{"values": [{"kpi": "N15419", "municipality": "0581", "period": 2023,
///   "values": [{"gender": "T", "count": 1, "status": "", "value": 73.2}, …]}, …]}`.
/// The total (`gender: T`) is read; a value Kolada does not give (`null`) is missing. A KPI
/// metadata response (`/v2/kpi/<KPI>`: `{"values": [{"id", "title", "description"}]}`)
/// beside it, in any `kolada-*.json`, names the KPI.
struct KoladaFile: Decodable {
    struct Entry: Decodable {
        var kpi: String?
        var municipality: String?
        var period: Int?
        var values: [Value]?
        /// A metadata entry's fields.
        var id: String?
        var title: String?
    }

    struct Value: Decodable {
        var gender: String?
        var value: Double?
    }

    var values: [Entry]

    /// Kolada's terms ask that it be named as the source.
    static let sourceName = "Kolada"

    /// The indicator's values from the file its `data` names: the KPI for the municipality,
    /// and for each comparison its municipality or group.
    static func values(for info: IndicatorInfo, files: [(relative: String, file: SourceTree.File)], at location: (String) -> SourceLocation,
                       log: inout DiagnosticLog) -> IndicatorValues? {
        guard let kpi = info.kpi, let municipality = info.municipality else { return nil }
        let koladaFiles = files.filter { IndicatorInfo.isKoladaFile($0.relative) }
        guard let source = koladaFiles.first(where: { $0.relative == info.data }) else {
            log.error(Suggestion.message("no data file '\(DataStore.folder)/\(info.data)'", for: info.data, in: koladaFiles.map(\.relative)),
                      at: location("data"))
            return nil
        }
        guard let file = read(source.file, log: &log) else { return nil }
        let entries = file.values.filter { $0.kpi == kpi }
        if entries.isEmpty {
            let kpis = Set(file.values.compactMap(\.kpi))
            log.error(Suggestion.message("'\(info.data)' holds no values for the KPI '\(kpi)'", for: kpi, in: kpis)
                      + (kpis.isEmpty ? "" : "; it has \(kpis.sorted().joined(separator: ", "))"), at: location("kpi"))
            return nil
        }
        func series(_ name: String, _ id: String, key: String) -> IndicatorValues.Series? {
            let points = entries.filter { $0.municipality == id }.compactMap { entry -> IndicatorValues.Point? in
                guard let year = entry.period, let period = Period(String(year)) else { return nil }
                let total = entry.values?.first { $0.gender == "T" }?.value
                return IndicatorValues.Point(period: period, value: total.map { .value($0) } ?? .missing)
            }
            guard !points.isEmpty else {
                let ids = Set(entries.compactMap(\.municipality))
                log.error(Suggestion.message("'\(info.data)' holds no values of \(kpi) for '\(id)'", for: id, in: ids)
                          + "; it has \(ids.sorted().joined(separator: ", "))", at: location(key))
                return nil
            }
            return IndicatorValues.Series(name: name, points: points.sorted { $0.period < $1.period })
        }
        guard let own = series("", municipality, key: "municipality") else { return nil }
        var comparisons: [IndicatorValues.Series] = []
        for comparison in info.comparisons {
            guard let id = comparison.municipality else {
                log.error("a comparison of Kolada data names a municipality or group id: 'compare: {Riket: \"0000\"}'", at: location("compare"))
                return nil
            }
            guard let found = series(comparison.name, id, key: "compare") else { return nil }
            comparisons.append(found)
        }
        // The KPI's title from its description, in this file or another beside it (`samsyn
        // kolada` writes one); a file that is no Kolada answer has been reported where it is used.
        var title = file.title(of: kpi)
        var ignored = DiagnosticLog()
        for other in koladaFiles where title == nil && other.relative != info.data {
            title = read(other.file, log: &ignored)?.title(of: kpi)
        }
        let decimals = own.points.compactMap(\.value.number).map(Self.decimals).max() ?? 0
        // Kolada first, as its terms ask; the front matter's `source` after it, for what the
        // editor adds (which selection, or that the file is an example).
        let named = [sourceName, kpi + (title.map { " " + $0 } ?? "")].joined(separator: ", ") + (info.source.map { "; " + $0 } ?? "")
        return IndicatorValues(own: own, comparisons: comparisons, decimals: decimals, source: named)
    }

    /// The KPI's title, from a description entry.
    func title(of kpi: String) -> String? { values.first { $0.id == kpi }?.title }

    private static func read(_ file: SourceTree.File, log: inout DiagnosticLog) -> KoladaFile? {
        guard let data = SourceFile.readData(atPath: file.absolutePath, path: file.path, log: &log) else { return nil }
        do {
            return try JSONDecoder().decode(KoladaFile.self, from: data)
        } catch {
            log.error("this is not Kolada's data as its API returns it ({\"values\": [{\"kpi\", \"municipality\", \"period\", \"values\"}]}): "
                      + "\(Self.describe(error))", at: SourceLocation(path: file.path))
            return nil
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): "the file is not JSON (\(context.debugDescription))"
        case DecodingError.keyNotFound(let key, _): "'\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context):
            "'\(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."))' has a value of the wrong kind"
        default: "\(error)"
        }
    }

    /// Kolada gives values with at most a few decimals: as many as the value has, up to two.
    private static func decimals(_ value: Double) -> Int {
        (0...2).first { places in
            let scale = pow(10, Double(places))
            return abs((value * scale).rounded() - value * scale) < 1e-9
        } ?? 2
    }
}
