import SamsynSupport
import Foundation
import SamsynData

/// The CSV files under content/data/, read once, typed and passed through disclosure
/// control before any chart or table sees them.
struct DataStore {
    static let folder = "content/" + ContentFileName.dataFolder

    private let sourceDirectory: URL
    private let minCell: Int
    /// Each file's bytes and its declaration; nil where the file does not say what its rows count.
    private var raw: [String: (data: Data, schema: TableSchema?)] = [:]
    private var tables: [String: DataTable] = [:]
    /// Cells withheld, per table read (a file read with another group-size column counts apart).
    private(set) var suppressedCells = 0

    /// - Parameter files: the files under content/data/ (`SourceTree.files(under:)`).
    init(sourceDirectory: URL, files: [(relative: String, file: SourceTree.File)], minCell: Int, log: inout DiagnosticLog) {
        self.sourceDirectory = sourceDirectory
        self.minCell = minCell
        for (file, source) in files where file.lowercased().hasSuffix(".csv") {
            guard let data = SourceFile.readData(atPath: source.absolutePath, path: source.path, log: &log) else { continue }
            let schema = loadSchema(for: file, log: &log)
            raw[file] = (data, schema)
            if schema == nil { reportUndeclared(file, data: data, log: &log) }
            _ = table(file, log: &log)
        }
    }

    var fileNames: [String] { raw.keys.sorted() }

    /// The table of `file` (relative to content/data/), or nil if it cannot be read or does
    /// not say what its rows count. `groupSize` adds group-size columns a chart or table
    /// block names: a block can make disclosure stricter than the sidecar, never looser.
    mutating func table(_ file: String, groupSize: [String] = [], log: inout DiagnosticLog) -> DataTable? {
        guard let (data, declared) = raw[file], var schema = declared else { return nil }
        for column in groupSize where !schema.groupSize.contains(column) { schema.groupSize.append(column) }
        let key = file + "\u{0}" + schema.groupSize.sorted().joined(separator: "\u{0}")
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
        var group_size: OneOrMany<String>?
        var reason: String?
        var labels: OneOrMany<String>?
        var columns: [String: ColumnSettings]?
        struct ColumnSettings: Decodable {
            var type: String?
            var label: String?
            var unit: String?
        }

        static let keys: Set<String> = ["group_size", "reason", "labels", "columns"]
    }

    static func sidecarPath(for file: String) -> String {
        "\(folder)/\(file.dropLast(4)).yml"
    }

    /// What the sidecar says, or nil (with an error) where it does not say what the rows count.
    private func loadSchema(for file: String, log: inout DiagnosticLog) -> TableSchema? {
        let path = Self.sidecarPath(for: file)
        let url = sourceDirectory.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let text = SourceFile.readText(at: url, path: path, log: &log),
              let yaml = YAMLSource(text, path: path, log: &log)
        else { return nil }
        for (name, location) in yaml.topLevelKeys where !Sidecar.keys.contains(name) {
            log.error(Suggestion.message("unknown key '\(name)' in a data file's sidecar", for: name, in: Sidecar.keys), at: location)
        }
        guard let sidecar = yaml.decode(Sidecar.self, log: &log) else { return nil }
        let groupSize = sidecar.group_size?.values ?? []
        if groupSize.isEmpty {
            log.error("the sidecar does not say what the rows of '\(file)' count: add 'group_size: <column>' naming the column "
                      + "with each row's number of people, or 'group_size: none' and a 'reason' for figures about no group of people",
                      at: yaml.start)
            return nil
        }
        if groupSize.contains("none") {
            if groupSize.count > 1 {
                log.error("'group_size' is either 'none' or the columns holding group sizes, not both", at: yaml.location(ofKey: "group_size"))
                return nil
            }
            if (sidecar.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                log.error("'group_size: none' needs a 'reason' saying why these figures describe no group of people "
                          + "(such as 'Antal skolor per område.'); figures about pupils need the column holding their number",
                          at: yaml.location(ofKey: "group_size"))
                return nil
            }
        }
        var schema = TableSchema(groupSize: groupSize == ["none"] ? [] : groupSize)
        schema.labels = sidecar.labels?.values
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

    /// A data file without a sidecar: an error at the file, suggesting the columns that
    /// could hold group sizes (those of whole numbers).
    private func reportUndeclared(_ file: String, data: Data, log: inout DiagnosticLog) {
        let path = "\(Self.folder)/\(file)"
        if FileManager.default.fileExists(atPath: sourceDirectory.appendingPathComponent(Self.sidecarPath(for: file)).path) { return }
        let (table, _) = TableReader(minCell: minCell).read(data, name: file, schema: TableSchema())
        let counts = table?.columns.filter { $0.type == .integer }.map(\.name) ?? []
        let suggestion = counts.isEmpty
            ? "it has no column of whole numbers; if its figures describe no group of people, write 'group_size: none' and a 'reason'"
            : "the columns of whole numbers are \(counts.map { "'\($0)'" }.joined(separator: ", "))"
        log.error("'\(file)' does not say what its rows count, so no value from it can be published: add \(Self.sidecarPath(for: file)) "
                  + "with 'group_size: <column>' (the column holding each row's number of people) or 'group_size: none' and a 'reason'; "
                  + "\(suggestion)", at: SourceLocation(path: path, line: 1, column: 1))
    }
}
