import SamsynSupport
import Foundation
import SamsynCharts
import SamsynData
import SamsynMarkdown

/// Samsyn's own fenced blocks: ```` ```chart ```` draws a chart and ```` ```table ```` a table
/// from a CSV under content/data/, both with a YAML body so the Markdown reads well anywhere.
struct DataBlocks {
    /// The blocks drawn from the data: ```` ```chart ```` and ```` ```table ````.
    static let infoStrings: Set<String> = ["chart", "table"]
    let page: (path: String, bodyFirstLine: Int)
    let minCell: Int
    /// Chart words in the page's language.
    let text: ChartText
    private var chartNumber = 0
    private var tableNumber = 0

    init(path: String, bodyFirstLine: Int, minCell: Int, text: ChartText) {
        page = (path, bodyFirstLine)
        self.minCell = minCell
        self.text = text
    }

    /// The pages with their chart and table blocks drawn, each in its page's language: a step
    /// after loading, one page at a time, as the pages share the data store.
    static func draw(_ pages: [Page], minCell: Int, localization: Localization, store: inout DataStore, log: inout DiagnosticLog) -> [Page] {
        pages.map { page in
            guard hasBlocks(page) else { return page }
            // An indicator's page shows its own chart first, as figure 1.
            return page.with(blockHTML: render(page.outline.fencedBlocks, path: page.sourcePath, bodyFirstLine: page.bodyFirstLine,
                                               minCell: minCell, text: ChartText(localization.strings(for: page.language)),
                                               firstFigure: page.kind == .indicator ? 2 : 1, store: &store, log: &log))
        }
    }

    /// Whether a page has blocks to draw (and so needs the data store).
    static func hasBlocks(_ page: Page) -> Bool {
        page.outline.fencedBlocks.contains { infoStrings.contains($0.info) }
    }

    /// The HTML of every chart and table block of a page, by the block's line in the body.
    static func render(_ blocks: [FencedBlock], path: String, bodyFirstLine: Int, minCell: Int, text: ChartText, firstFigure: Int = 1,
                       store: inout DataStore, log: inout DiagnosticLog) -> [Int: String] {
        var renderer = DataBlocks(path: path, bodyFirstLine: bodyFirstLine, minCell: minCell, text: text)
        renderer.chartNumber = firstFigure - 1
        var html: [Int: String] = [:]
        for block in blocks where infoStrings.contains(block.info) {
            html[block.position.line] = renderer.render(block, store: &store, log: &log)
        }
        return html
    }

    private struct ChartSpec: Decodable {
        var type: String
        var data: String
        var x: String
        var y: OneOrMany<String>
        var series: String?
        var unit: String?
        var title: String
        var source: String?
        var label: String?
        var group_size: OneOrMany<String>?
        var orientation: String?
        var percent: Bool?
        var decimals: Int?
        var transpose: Bool?
        var `where`: [String: OneOrMany<String>]?

        static let keys: Set<String> = ["type", "data", "x", "y", "series", "unit", "title", "source", "label", "group_size",
                                        "orientation", "percent", "decimals", "transpose", "where"]
    }

    private struct TableSpec: Decodable {
        var data: String
        var title: String
        var columns: OneOrMany<String>?
        var source: String?
        var group_size: OneOrMany<String>?
        var `where`: [String: OneOrMany<String>]?

        static let keys: Set<String> = ["data", "title", "columns", "source", "group_size", "where"]
    }

    /// The HTML of one block, or nil (with errors logged) if it cannot be drawn.
    mutating func render(_ block: FencedBlock, store: inout DataStore, log: inout DiagnosticLog) -> String? {
        // The YAML starts on the line after the opening fence.
        let firstLine = page.bodyFirstLine + block.position.line
        guard let yaml = YAMLSource(block.body, path: page.path, firstLine: firstLine, log: &log) else { return nil }
        let known = block.info == "chart" ? ChartSpec.keys : TableSpec.keys
        for (name, location) in yaml.topLevelKeys where !known.contains(name) {
            log.error(Suggestion.message("unknown key '\(name)' in a \(block.info) block", for: name, in: known), at: location)
        }
        return block.info == "chart" ? renderChart(yaml, store: &store, log: &log) : renderTable(yaml, store: &store, log: &log)
    }

    private mutating func renderChart(_ yaml: YAMLSource, store: inout DataStore, log: inout DiagnosticLog) -> String? {
        guard let spec = yaml.decode(ChartSpec.self, log: &log) else { return nil }
        let errorsBefore = log.errorCount
        let kind = ChartKind(rawValue: spec.type)
        if kind == nil {
            let names = ChartKind.allCases.map(\.rawValue)
            log.error(Suggestion.message("unknown chart type '\(spec.type)'; use \(names.joined(separator: ", "))", for: spec.type, in: names),
                      at: yaml.location(ofKey: "type"))
        }
        if let orientation = spec.orientation, !["horizontal", "vertical"].contains(orientation) {
            log.error("orientation must be horizontal or vertical", at: yaml.location(ofKey: "orientation"))
        }
        if let decimals = spec.decimals, !(0...6).contains(decimals) {
            log.error("'decimals' is how many decimals to show, from 0 to 6", at: yaml.location(ofKey: "decimals"))
        }
        if let unit = spec.unit, ValueUnit(rawValue: unit) == nil {
            log.error(Suggestion.message("unknown unit '\(unit)'; use number or percent", for: unit, in: ["number", "percent"]), at: yaml.location(ofKey: "unit"))
        }
        guard let table = dataTable(spec.data, groupSize: spec.group_size?.values ?? [], yaml: yaml, store: &store, log: &log) else { return nil }
        var columnKeys: [(name: String, keyPath: [any CodingKey])] = [(spec.x, [PlainKey("x")])]
        columnKeys += spec.y.values.enumerated().map { ($1, [PlainKey("y"), IndexKey($0)]) }
        if let series = spec.series { columnKeys.append((series, [PlainKey("series")])) }
        columnKeys += (spec.where ?? [:]).keys.sorted().map { ($0, [PlainKey("where"), PlainKey($0)]) }
        checkColumns(columnKeys, in: table, yaml: yaml, log: &log)
        for (name, keyPath) in columnKeys.dropFirst().prefix(spec.y.values.count) where table.columnIndex(name).map({ !table.columns[$0].type.isNumeric }) == true {
            log.error("the column '\(name)' holds text; y must name columns of numbers", at: yaml.location(of: keyPath))
        }
        guard let kind, log.errorCount == errorsBefore else { return nil }

        let rows = filteredRows(table, where: spec.where)
        guard var data = shape(table, rows: rows, x: spec.x, y: spec.y.values, series: spec.series, yaml: yaml, log: &log) else { return nil }
        if spec.transpose == true { data = Self.transposed(data, categoryLabel: spec.label ?? table.columns[table.columnIndex(spec.series ?? spec.x)!].label) }
        let yColumns = spec.y.values.compactMap { table.columnIndex($0) }.map { table.columns[$0] }
        let unit = spec.unit.flatMap(ValueUnit.init) ?? (yColumns.allSatisfy { $0.type == .percent } ? .percent : .number)
        chartNumber += 1
        let options = ChartOptions(
            kind: kind, horizontal: spec.orientation == "horizontal", percentStack: spec.percent ?? false, unit: unit,
            decimals: spec.decimals ?? yColumns.map(\.decimals).max() ?? 0, title: spec.title,
            valueLabel: spec.label ?? (yColumns.count == 1 ? yColumns[0].label : spec.title),
            source: spec.source, number: chartNumber, minCell: minCell
        )
        return ChartRenderer(text: text).figure(data, options: options)
    }

    private mutating func renderTable(_ yaml: YAMLSource, store: inout DataStore, log: inout DiagnosticLog) -> String? {
        guard let spec = yaml.decode(TableSpec.self, log: &log) else { return nil }
        let errorsBefore = log.errorCount
        guard let table = dataTable(spec.data, groupSize: spec.group_size?.values ?? [], yaml: yaml, store: &store, log: &log) else { return nil }
        let picked = spec.columns?.values ?? table.columns.map(\.name)
        var columnKeys = picked.enumerated().map { ($1, [PlainKey("columns"), IndexKey($0)] as [any CodingKey]) }
        columnKeys += (spec.where ?? [:]).keys.sorted().map { ($0, [PlainKey("where"), PlainKey($0)]) }
        checkColumns(columnKeys, in: table, yaml: yaml, log: &log)
        guard log.errorCount == errorsBefore else { return nil }

        let indexes = picked.compactMap { table.columnIndex($0) }
        let columns = indexes.map { table.columns[$0] }
        let rows = filteredRows(table, where: spec.where).map { row in
            indexes.enumerated().map { position, index -> TableCell in
                switch table.rows[row][index] {
                case .text(let text): return position == 0 ? .header(text) : .text(text)
                case .number(let number): return .value(.value(number))
                case .suppressed(let reason): return position == 0 ? .header(reason.symbol) : .value(.withheld(reason))
                case .empty: return columns[position].type.isNumeric ? .value(.missing) : .text("")
                }
            }
        }
        tableNumber += 1
        let caption = "\(text.table) \(tableNumber). \(spec.title)"
        // Columns keep their own number of decimals and percent signs.
        var html = "<figure class=\"data-figure\">\n"
        let numericFrom = columns.firstIndex { $0.type.isNumeric } ?? columns.count
        html += TableHTML.render(id: "tabell-\(tableNumber)", caption: caption, headers: columns.map(\.label), numericFrom: numericFrom, rows: rows, format: { column, value in
            let settings = columns[column]
            return settings.type == .percent
                ? SwedishNumberFormat.percent(value, decimals: settings.decimals)
                : SwedishNumberFormat.format(value, decimals: settings.decimals)
        })
        var notes: [String] = []
        if let source = spec.source { notes.append("\(Markup.escape(text.source)): \(Markup.escape(source))") }
        notes += ChartRenderer.withheldNotes(text: text, minCell: minCell, present: { reason in
            rows.contains { $0.contains(.value(.withheld(reason))) || $0.first == .header(reason.symbol) }
        })
        if !notes.isEmpty { html += "<p class=\"chart-note\">\(notes.joined(separator: ". ")).</p>\n" }
        return html + "</figure>\n"
    }

    // MARK: Helpers

    /// The block's data, withheld by the sidecar's group sizes and by those the block adds:
    /// a block can make disclosure stricter, never looser.
    private func dataTable(_ file: String, groupSize: [String], yaml: YAMLSource, store: inout DataStore, log: inout DiagnosticLog) -> DataTable? {
        guard store.fileNames.contains(file) else {
            log.error(Suggestion.message("no data file '\(DataStore.folder)/\(file)'", for: file, in: store.fileNames), at: yaml.location(ofKey: "data"))
            return nil
        }
        if !groupSize.isEmpty, let base = store.table(file, log: &log) {
            var unknown = false
            for (index, column) in groupSize.enumerated() where base.columnIndex(column) == nil {
                let keyPath: [any CodingKey] = yaml.root?.mapping?["group_size"]?.sequence == nil ? [PlainKey("group_size")] : [PlainKey("group_size"), IndexKey(index)]
                log.error(TableReader.unknownColumnMessage(column, in: base.columns.map(\.name)), at: yaml.location(of: keyPath))
                unknown = true
            }
            if unknown { return nil }
        }
        return store.table(file, groupSize: groupSize, log: &log)
    }

    private func checkColumns(_ names: [(name: String, keyPath: [any CodingKey])], in table: DataTable, yaml: YAMLSource, log: inout DiagnosticLog) {
        for (name, keyPath) in names where table.columnIndex(name) == nil {
            log.error(TableReader.unknownColumnMessage(name, in: table.columns.map(\.name)), at: yaml.location(of: keyPath))
        }
    }

    /// Rows whose cells match every `where:` condition (one value, or any of a list).
    private func filteredRows(_ table: DataTable, where conditions: [String: OneOrMany<String>]?) -> [Int] {
        table.rows.indices.filter { row in
            (conditions ?? [:]).allSatisfy { column, allowed in
                guard let index = table.columnIndex(column) else { return false }
                return allowed.values.contains { Self.matches(table.rows[row][index], $0) }
            }
        }
    }

    /// Whether a cell has the value a `where` asks for (a number by its value, as written in
    /// any Swedish way); indicators choose their rows by the same rule.
    static func matches(_ cell: Cell, _ wanted: String) -> Bool {
        switch cell {
        case .text(let text): return text == wanted
        case .number(let number): return SwedishNumber.parse(wanted)?.value == number
        case .empty: return wanted.isEmpty
        case .suppressed: return false
        }
    }

    /// Categories from `x` in the order they first appear; one series per value of `series`,
    /// or per `y` column when there is no `series`.
    private func shape(_ table: DataTable, rows: [Int], x: String, y: [String], series: String?, yaml: YAMLSource, log: inout DiagnosticLog) -> ChartData? {
        let xIndex = table.columnIndex(x)!
        func label(_ cell: Cell) -> String {
            switch cell {
            case .text(let text): return text
            case .number(let number): return SwedishNumberFormat.format(number, decimals: table.columns[xIndex].decimals)
            case .suppressed(let reason): return reason.symbol
            default: return ""
            }
        }
        func value(_ cell: Cell) -> ChartValue {
            switch cell {
            case .number(let number): return .value(number)
            case .suppressed(let reason): return .withheld(reason)
            default: return .missing
            }
        }
        var categories: [String] = []
        for row in rows where !categories.contains(label(table.rows[row][xIndex])) { categories.append(label(table.rows[row][xIndex])) }
        let categoryLabel = table.columns[xIndex].label
        guard !categories.isEmpty else {
            log.error("no rows to draw: the data has none, or 'where' matches none", at: yaml.start)
            return nil
        }
        if let series, let seriesIndex = table.columnIndex(series) {
            let yIndex = table.columnIndex(y[0])!
            var names: [String] = []
            for row in rows where !names.contains(label(table.rows[row][seriesIndex])) { names.append(label(table.rows[row][seriesIndex])) }
            var values = Dictionary(uniqueKeysWithValues: names.map { ($0, Array(repeating: ChartValue.missing, count: categories.count)) })
            for row in rows {
                let name = label(table.rows[row][seriesIndex]), category = categories.firstIndex(of: label(table.rows[row][xIndex]))!
                if values[name]![category] != .missing {
                    log.error("more than one row for \(x) '\(categories[category])' and \(series) '\(name)' (line \(table.rowLines[row]) of the data); narrow it with 'where'"
                              + Self.labelHint(categories[category] + name, column: x), at: yaml.location(ofKey: "series"))
                    return nil
                }
                values[name]![category] = value(table.rows[row][yIndex])
            }
            return ChartData(categories: categories, series: names.map { ChartSeries(name: $0, values: values[$0]!) },
                             categoryLabel: categoryLabel, seriesLabel: table.columns[seriesIndex].label)
        }
        var seriesList: [ChartSeries] = []
        for column in y {
            let index = table.columnIndex(column)!
            var values = Array(repeating: ChartValue.missing, count: categories.count)
            for row in rows {
                let category = categories.firstIndex(of: label(table.rows[row][xIndex]))!
                if values[category] != .missing {
                    log.error("more than one row for \(x) '\(categories[category])' (line \(table.rowLines[row]) of the data); add 'series' or narrow it with 'where'"
                              + Self.labelHint(categories[category], column: x), at: yaml.location(ofKey: "x"))
                    return nil
                }
                values[category] = value(table.rows[row][index])
            }
            seriesList.append(ChartSeries(name: table.columns[index].label, values: values))
        }
        return ChartData(categories: categories, series: seriesList, categoryLabel: categoryLabel, seriesLabel: y.count == 1 ? "" : text.measure)
    }

    /// Withheld rows keep only their labels: where a column that names rows is not taken for
    /// one (a year written as a number), their names are withheld too and collide.
    static func labelHint(_ label: String, column: String) -> String {
        guard label.contains("..") else { return "" }
        return "; the rows withheld for small groups lost their '\(column)' too, as it is not a label: in the data's sidecar, "
            + "make it text ('columns: {\(column): {type: text}}', as for a year) or name the columns that label rows ('labels: [\(column)]')"
    }

    /// Categories become series and series categories: bands over time become stacks per time.
    static func transposed(_ data: ChartData, categoryLabel: String) -> ChartData {
        ChartData(
            categories: data.series.map(\.name),
            series: data.categories.indices.map { index in
                ChartSeries(name: data.categories[index], values: data.series.map { $0.values[index] })
            },
            categoryLabel: categoryLabel,
            seriesLabel: data.categoryLabel
        )
    }
}
