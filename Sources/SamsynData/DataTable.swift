import SamsynSupport
/// How a column's values are read and shown.
public enum ColumnType: String, Sendable, CaseIterable {
    case text, integer, number, percent
    public var isNumeric: Bool { self != .text }
}

public struct Column: Sendable, Equatable {
    public var name: String
    /// What readers see as the column's heading.
    public var label: String
    public var type: ColumnType
    /// Decimals to show: as many as the source gives, at most two.
    public var decimals: Int
}

public enum Cell: Sendable, Hashable {
    case text(String)
    case number(Double)
    case empty
    /// Withheld by disclosure control: the value itself is gone from memory.
    case suppressed(Withholding)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var isSuppressed: Bool {
        if case .suppressed = self { return true }
        return false
    }
}

/// A CSV file read, typed and passed through disclosure control. Once a table exists,
/// no value from a group below the limit is in it: charts, tables and descriptions are
/// made from this, so they cannot publish what is not here.
public struct DataTable: Sendable {
    public var name: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// The columns holding each row's group sizes: a row is withheld if any is below the
    /// limit. Empty for figures that describe no group of people.
    public var groupSizeColumns: [String]
    /// The columns that name each row's group, if the sidecar names them (`labels:`);
    /// otherwise the text columns before the first column of numbers.
    public var labelColumnNames: [String]? = nil
    /// Cells withheld because their group was too small.
    public var primarySuppressed: Int
    /// Cells withheld so that a hidden one cannot be worked out from a total.
    public var secondarySuppressed: Int
    /// The source line of each row, for diagnostics about rows.
    public var rowLines: [Int]

    public func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    public var suppressedCells: Int { primarySuppressed + secondarySuppressed }
}

/// What a sidecar `<file>.yml` may fix about a table.
public struct TableSchema: Sendable {
    public struct ColumnSettings: Sendable {
        public var type: ColumnType?
        public var label: String?
        public init(type: ColumnType? = nil, label: String? = nil) {
            self.type = type
            self.label = label
        }
    }

    /// The columns holding each row's group sizes; empty where the figures describe no
    /// group of people (`group_size: none`).
    public var groupSize: [String]
    public var columns: [String: ColumnSettings]
    /// The columns naming each row's group, where the default (the text columns before the
    /// first column of numbers) does not fit, as when a year is written as a number.
    public var labels: [String]? = nil

    public init(groupSize: [String] = [], columns: [String: ColumnSettings] = [:]) {
        self.groupSize = groupSize
        self.columns = columns
    }
}

/// A problem found in a data file, at a line and column of it.
public struct DataIssue: Error, Equatable, Sendable {
    public enum Severity: Sendable { case warning, error }
    public var severity: Severity
    public var message: String
    public var line: Int
    public var column: Int

    public static func error(_ message: String, line: Int, column: Int) -> DataIssue {
        DataIssue(severity: .error, message: message, line: line, column: column)
    }
}
