import Foundation
import SamsynData

/// The CSV files under content/data/, read once, typed and passed through disclosure
/// control before any chart or table sees them.
struct DataStore {
    static let folder = "content/data"

    private let sourceDirectory: URL
    private let minCell: Int
    private var raw: [String: (data: Data, schema: TableSchema)] = [:]
    private var tables: [String: DataTable] = [:]
    /// Cells withheld, per table read (a file read with another group-size column counts apart).
    private(set) var suppressedCells = 0

    init(sourceDirectory: URL, minCell: Int, log: inout DiagnosticLog) {
        self.sourceDirectory = sourceDirectory
        self.minCell = minCell
        let folder = sourceDirectory.appendingPathComponent(Self.folder)
        let files = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else { continue }
            let schema = loadSchema(for: file, log: &log)
            raw[file] = (data, schema ?? TableSchema())
            _ = table(file, log: &log)
        }
    }

    var fileNames: [String] { raw.keys.sorted() }


    /// The table of `file` (relative to content/data/), suppressed by `groupSize` where a
    /// chart names another group-size column than the sidecar does.
    mutating func table(_ file: String, groupSize: String? = nil, log: inout DiagnosticLog) -> DataTable? {
        guard let (data, baseSchema) = raw[file] else { return nil }
        var schema = baseSchema
        if let groupSize { schema.groupSize = groupSize }
        let key = file + "\u{0}" + (schema.groupSize ?? "")
        if let cached = tables[key] { return cached }
        let path = "\(Self.folder)/\(file)"
        let (table, issues) = TableReader(minCell: minCell).read(data, name: file, schema: schema)
        for issue in issues {
            let location = SourceLocation(path: path, line: issue.line, column: issue.column)
            if issue.severity == .error { log.error(issue.message, at: location) } else { log.warning(issue.message, at: location) }
        }
        if let table {
            tables[key] = table
            suppressedCells += table.suppressedCells
        }
        return table
    }

    private struct Sidecar: Decodable {
        var group_size: String?
        var columns: [String: ColumnSettings]?
        struct ColumnSettings: Decodable {
            var type: String?
            var label: String?
            var unit: String?
        }
    }

    private func loadSchema(for file: String, log: inout DiagnosticLog) -> TableSchema? {
        let sidecarFile = String(file.dropLast(4)) + ".yml"
        let path = "\(Self.folder)/\(sidecarFile)"
        let url = sourceDirectory.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path),
              let text = SourceFile.readText(at: url, path: path, log: &log),
              let yaml = YAMLSource(text, path: path, log: &log),
              let sidecar = yaml.decode(Sidecar.self, log: &log)
        else { return nil }
        var schema = TableSchema(groupSize: sidecar.group_size)
        for (name, settings) in sidecar.columns ?? [:] {
            var type: ColumnType?
            if let typeName = settings.type {
                type = ColumnType(rawValue: typeName)
                if type == nil {
                    let names = ColumnType.allCases.map(\.rawValue)
                    log.error(Suggestion.message("unknown column type '\(typeName)'; use \(names.joined(separator: ", "))", for: typeName, in: names),
                              at: yaml.location(of: [PlainKey("columns"), PlainKey(name), PlainKey("type")]))
                }
            }
            // `unit: percent` is another way to say the values are percentages.
            if type == nil, settings.unit == "percent" { type = .percent }
            schema.columns[name] = TableSchema.ColumnSettings(type: type, label: settings.label)
        }
        return schema
    }
}
