import SamsynSupport
/// Statistical disclosure control, as Skolverket and SCB practise it.
///
/// Primary: a row whose group is smaller than `minCell` in any of the table's group-size
/// columns (or whose size is not given) is withheld: every cell but the labels that name
/// the group, text included, so a count written as text is not published either.
///
/// Secondary: a withheld value is never alone in its column. A total of the rows (in this
/// table under any label, in another file, or published by Skolverket) minus the others
/// would give a lone withheld value away, so wherever exactly one row of a set of rows is
/// withheld, the row with the next smallest group is withheld too. The sets are every
/// grouping of the rows by their labels: the whole table, the rows of one term, the rows of
/// one school, and so on. No total needs to be recognised by its wording.
public struct DisclosureControl: Sendable {
    public var minCell: Int

    public init(minCell: Int) {
        self.minCell = minCell
    }

    public func apply(to table: inout DataTable) {
        let groupColumns = table.groupSizeColumns.compactMap(table.columnIndex)
        guard !groupColumns.isEmpty else { return }
        /// The smallest of a row's group sizes; nil when one is not given.
        func size(_ row: Int) -> Double? {
            var smallest = Double.infinity
            for column in groupColumns {
                guard let value = table.rows[row][column].number else { return nil }
                smallest = min(smallest, value)
            }
            return smallest
        }
        var reasons: [Int: Withholding] = [:]
        for row in table.rows.indices {
            if let size = size(row), size >= Double(minCell) { continue }
            reasons[row] = .smallGroup
        }
        if !reasons.isEmpty {
            let groupings = Self.groupings(of: table.rows.indices, labels: labelColumns(of: table), in: table)
            var changed = true
            while changed {
                changed = false
                for rows in groupings {
                    let withheld = rows.count { reasons[$0] != nil }
                    guard withheld == 1 else { continue }
                    let next = rows.filter { reasons[$0] == nil }.min { (size($0) ?? 0, $0) < (size($1) ?? 0, $1) }
                    if let next {
                        reasons[next] = .protectsAnother
                        changed = true
                    }
                }
            }
        }
        let labels = Set(labelColumns(of: table))
        for (row, reason) in reasons.sorted(by: { $0.key < $1.key }) {
            for column in table.columns.indices where !labels.contains(column) {
                switch table.rows[row][column] {
                case .empty, .suppressed: continue
                case .text, .number:
                    table.rows[row][column] = .suppressed(reason)
                    if reason == .smallGroup { table.primarySuppressed += 1 } else { table.secondarySuppressed += 1 }
                }
            }
        }
    }

    /// The columns that name a row's group and stay when its values are withheld: those the
    /// sidecar names, or else the text columns before the first column of numbers, where
    /// statistics tables keep their keys (`skola;termin;elever;andel`). A text column after
    /// the numbers (a comment) is withheld with the row. A group-size column is never a
    /// label (`TableReader` refuses it).
    public func labelColumns(of table: DataTable) -> [Int] {
        if let names = table.labelColumnNames { return names.compactMap(table.columnIndex) }
        return Array(table.columns.indices.prefix { !table.columns[$0].type.isNumeric })
    }

    /// Sets of rows a total could be taken over: the rows grouped by the values of every
    /// subset of the label columns (with up to six labels; beyond, the whole table and the
    /// groupings by all labels but one), the whole table included.
    static func groupings(of rows: Range<Int>, labels: [Int], in table: DataTable) -> [[Int]] {
        var subsets: [[Int]]
        if labels.count <= 6 {
            subsets = (0..<(1 << labels.count)).map { mask in labels.indices.filter { mask & (1 << $0) != 0 }.map { labels[$0] } }
        } else {
            subsets = [[]] + labels.indices.map { left in labels.enumerated().filter { $0.offset != left }.map(\.element) }
        }
        var result: [[Int]] = []
        for keys in subsets {
            var groups: [[Cell]: [Int]] = [:]
            var order: [[Cell]] = []
            for row in rows {
                let key = keys.map { table.rows[row][$0] }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(row)
            }
            result += order.compactMap { groups[$0] }.filter { $0.count > 1 }
        }
        return result
    }
}
