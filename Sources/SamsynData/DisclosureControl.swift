import Foundation

/// Statistical disclosure control, as Skolverket and SCB practise it.
///
/// Primary: every number in a row whose group is smaller than `minCell` is withheld
/// (the group size itself too). Secondary: where a table also shows a total for a set of
/// rows and exactly one of them is withheld, the total minus the others would give it
/// away, so the row with the next smallest group is withheld as well.
public struct DisclosureControl: Sendable {
    public var minCell: Int

    public init(minCell: Int) {
        self.minCell = minCell
    }

    /// Labels that mark a row as the total of the others.
    static let totalLabels: Set<String> = ["totalt", "total", "summa", "samtliga", "alla", "alla skolor", "hela kommunen", "kommunen"]

    public func apply(to table: inout DataTable) {
        guard let groupColumn = table.groupSizeColumn.flatMap(table.columnIndex) else { return }
        var withheld = Set<Int>()
        for row in table.rows.indices {
            let size = table.rows[row][groupColumn].number
            if size == nil || size! < Double(minCell) { withheld.insert(row) }
        }
        var secondary = Set<Int>()
        var changed = true
        while changed {
            changed = false
            for (totalRow, members) in totalGroups(in: table) where !withheld.contains(totalRow) && !secondary.contains(totalRow) {
                let hidden = members.filter { withheld.contains($0) || secondary.contains($0) }
                guard hidden.count == 1 else { continue }
                let candidates = members.filter { !hidden.contains($0) }
                guard let next = candidates.min(by: { (table.rows[$0][groupColumn].number ?? 0, $0) < (table.rows[$1][groupColumn].number ?? 0, $1) }) else {
                    continue
                }
                secondary.insert(next)
                changed = true
            }
        }
        table.primarySuppressed = suppress(rows: withheld, in: &table)
        table.secondarySuppressed = suppress(rows: secondary, in: &table)
    }

    private func suppress(rows: Set<Int>, in table: inout DataTable) -> Int {
        var count = 0
        for row in rows {
            for column in table.columns.indices where table.columns[column].type.isNumeric {
                if table.rows[row][column] != .suppressed {
                    table.rows[row][column] = .suppressed
                    count += 1
                }
            }
        }
        return count
    }

    /// Each total row with the rows it sums: those that agree with it on every other text column.
    func totalGroups(in table: DataTable) -> [(total: Int, members: [Int])] {
        let textColumns = table.columns.indices.filter { table.columns[$0].type == .text }
        func isTotal(_ cell: Cell) -> Bool {
            cell.text.map { Self.totalLabels.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) } ?? false
        }
        var groups: [(Int, [Int])] = []
        for (row, cells) in table.rows.enumerated() {
            guard let labelColumn = textColumns.first(where: { isTotal(cells[$0]) }) else { continue }
            let others = textColumns.filter { $0 != labelColumn }
            let members = table.rows.indices.filter { candidate in
                candidate != row && !isTotal(table.rows[candidate][labelColumn])
                    && others.allSatisfy { table.rows[candidate][$0] == cells[$0] }
            }
            groups.append((row, members))
        }
        return groups
    }
}
