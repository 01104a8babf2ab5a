import SamsynSupport
import Foundation

/// Turns the bytes of a CSV file into a typed, disclosure-controlled `DataTable`.
public struct TableReader: Sendable {
    public var minCell: Int

    public init(minCell: Int) {
        self.minCell = minCell
    }

    /// Numbers from this magnitude on are refused: a Double holds 15 digits exactly.
    public static let largestNumber = 1e15

    /// Cells that mean "no value" in Swedish official statistics, besides an empty cell.
    static let missingMarkers: Set<String> = ["..", "–", "-", "—", "x"]

    public func read(_ data: Data, name: String, schema: TableSchema = TableSchema()) -> (table: DataTable?, issues: [DataIssue]) {
        var issues: [DataIssue] = []
        let (text, _) = TextDecoding.decode(data)
        let rows: [[CSVField]]
        do {
            rows = try CSVParser.parse(text)
        } catch {
            return (nil, [.error(error.message, line: error.line, column: error.column)])
        }
        guard let header = rows.first else {
            return (nil, [.error("the file is empty; the first row must name the columns", line: 1, column: 1)])
        }
        let names = header.map { $0.text.trimmingCharacters(in: .whitespaces) }
        issues += checkHeader(header, names: names)
        issues += checkPersonalIdentityNumbers(rows)

        var body: [[CSVField]] = []
        for row in rows.dropFirst() {
            if row.count != names.count {
                issues.append(.error(row.count == 1 ? "the row has 1 field, but the header names \(names.count) columns"
                                                    : "the row has \(row.count) fields, but the header names \(names.count) columns",
                                     line: row[0].line, column: 1))
            } else {
                body.append(row)
            }
        }
        for (column, settings) in schema.columns.sorted(by: { $0.key < $1.key }) where !names.contains(column) {
            issues.append(.error(Self.unknownColumnMessage(column, in: names) + " (named in the sidecar file)", line: 1, column: 1))
            _ = settings
        }
        for groupSize in schema.groupSize where !names.contains(groupSize) {
            issues.append(.error(Self.unknownColumnMessage(groupSize, in: names) + " (group_size in the sidecar file)", line: 1, column: 1))
        }
        for label in schema.labels ?? [] {
            if !names.contains(label) {
                issues.append(.error(Self.unknownColumnMessage(label, in: names) + " (labels in the sidecar file)", line: 1, column: 1))
            } else if schema.groupSize.contains(label) {
                issues.append(.error("the column '\(label)' holds group sizes, so it cannot be a label: a small group's size would be published",
                                     line: 1, column: 1))
            }
        }
        guard !issues.contains(where: { $0.severity == .error }) else { return (nil, issues) }

        var columns: [Column] = []
        var cells = Array(repeating: [Cell](), count: body.count)
        for (index, name) in names.enumerated() {
            let fields = body.map { $0[index] }
            let settings = schema.columns[name]
            let (column, values, columnIssues) = typedColumn(name: name, fields: fields, settings: settings, isGroupSize: schema.groupSize.contains(name))
            columns.append(column)
            issues += columnIssues
            for row in values.indices { cells[row].append(values[row]) }
        }
        guard !issues.contains(where: { $0.severity == .error }) else { return (nil, issues) }

        var table = DataTable(
            name: name, columns: columns, rows: cells, groupSizeColumns: schema.groupSize, labelColumnNames: schema.labels,
            primarySuppressed: 0, secondarySuppressed: 0, rowLines: body.map { $0[0].line }
        )
        DisclosureControl(minCell: minCell).apply(to: &table)
        return (table, issues)
    }

    public static func unknownColumnMessage(_ name: String, in names: [String]) -> String {
        let message = "no column '\(name)'"
        if let nearest = Suggestion.closest(to: name, in: names) {
            return message + " (did you mean '\(nearest)'?)"
        }
        return message + "; the columns are \(names.map { "'\($0)'" }.joined(separator: ", "))"
    }

    private func checkHeader(_ header: [CSVField], names: [String]) -> [DataIssue] {
        var issues: [DataIssue] = []
        var seen = Set<String>()
        for (field, name) in zip(header, names) {
            if name.isEmpty {
                issues.append(.error("a column has no name", line: field.line, column: field.column))
            } else if !seen.insert(name).inserted {
                issues.append(.error("the column name '\(name)' appears twice", line: field.line, column: field.column))
            }
            // A column that names people is never published, whatever is in it.
            if let finding = PersonalColumnNames.finding(in: name) {
                issues.append(.error("the column '\(name)' looks like it holds \(finding.kind.rawValue) (\(finding.explanation)); "
                                     + "personal data must never be published. If it holds something else, give it a name that says what",
                                     line: field.line, column: field.column))
            }
        }
        return issues
    }

    private func checkPersonalIdentityNumbers(_ rows: [[CSVField]]) -> [DataIssue] {
        rows.flatMap { row in
            row.flatMap { field in
                PersonalIdentityNumberScanner.matches(in: field.text).map { match in
                    DataIssue.error("this looks like a personal identity number (\(match.text.dropLast(4))XXXX); personal data must never be published",
                                    line: field.line, column: field.column + match.offset)
                }
            }
        }
    }

    private func typedColumn(name: String, fields: [CSVField], settings: TableSchema.ColumnSettings?, isGroupSize: Bool)
        -> (Column, [Cell], [DataIssue]) {
        let texts = fields.map { Self.trimmed($0.text) }
        let present = texts.filter { !$0.isEmpty && !Self.missingMarkers.contains($0) }
        let parsed = present.map { SwedishNumber.parse($0) }
        let parsedCount = parsed.count { $0 != nil }
        var type = settings?.type
        if type == nil {
            // A column is numeric when most of its values are numbers; the rest are then errors.
            if !present.isEmpty, parsedCount * 2 > present.count {
                let looksLikePercent = parsed.contains { $0?.isPercent == true } || name.hasSuffix("_procent") || name.hasSuffix("procent")
                type = looksLikePercent ? .percent : parsed.allSatisfy { $0.map { $0.value.rounded() == $0.value && $0.decimals == 0 } ?? true } ? .integer : .number
            } else {
                type = .text
            }
        }
        if isGroupSize, type == .text { type = .integer }
        let resolvedType = type ?? .text
        var issues: [DataIssue] = []
        var decimals = 0
        let cells: [Cell] = zip(fields, texts).map { field, text in
            if text.isEmpty || (resolvedType.isNumeric && Self.missingMarkers.contains(text)) { return .empty }
            guard resolvedType.isNumeric else { return .text(field.text) }
            guard let number = SwedishNumber.parse(text) else {
                issues.append(.error("'\(text)' is not a number, but the column '\(name)' holds numbers", line: field.line, column: field.column))
                return .empty
            }
            // Beyond 15 digits a Double is no longer exact, and no statistic needs more.
            guard number.value.isFinite, abs(number.value) < Self.largestNumber else {
                issues.append(.error("the number '\(text.prefix(40))\(text.count > 40 ? "…" : "")' is too large: Samsyn shows numbers of at most 15 digits",
                                     line: field.line, column: field.column))
                return .empty
            }
            decimals = max(decimals, min(number.decimals, 2))
            return .number(number.value)
        }
        let label = settings?.label ?? Self.defaultLabel(name)
        return (Column(name: name, label: label, type: resolvedType, decimals: resolvedType == .integer ? 0 : decimals), cells, issues)
    }

    /// Without surrounding spaces; most cells have none, and Foundation's trimming is slow.
    static func trimmed(_ text: String) -> String {
        guard text.first?.isWhitespace == true || text.last?.isWhitespace == true else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `ogiltig_franvaro_procent` → `Ogiltig franvaro procent`: readable until a sidecar gives a label.
    static func defaultLabel(_ name: String) -> String {
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
