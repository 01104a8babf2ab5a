import SamsynSupport
import Foundation

/// Draws a chart as a `<figure>`: a caption with number, title and source, an inline SVG
/// with `role="img"`, `<title>` and `<desc>`, a legend where direct labels do not fit, the
/// same numbers as an HTML table, and a note on withheld values. No JavaScript.
public struct ChartRenderer: Sendable {
    public var text: ChartText

    public init(text: ChartText) {
        self.text = text
    }

    /// Two layouts of every chart: CSS shows the narrow one on phones, where the wide one's
    /// text would shrink below reading size. Only the one shown is in the accessibility tree.
    static let layouts: [(name: String, width: Double, idSuffix: String)] = [("wide", 640, ""), ("narrow", 360, "-smal")]
    static let inkColour = "#1b1b1b"
    static let gridColour = "#d5dae0"
    static let axisColour = "#4a4a4a"

    public func figure(_ given: ChartData, options: ChartOptions) -> String {
        let data = Self.protectingShares(given, options)
        let id = "figur-\(options.number)"
        let format = valueFormatter(options)
        let description = ChartDescription(data: data, options: options, text: text, format: format).sentence
        var html = "<figure class=\"chart chart-\(options.kind.rawValue)\" id=\"\(id)\">\n"
        html += "<figcaption><span class=\"figure-number\">\(text.figure) \(options.number).</span> \(Markup.escape(options.title))"
        if let source = options.source {
            html += "<span class=\"figure-source\">\(text.source): \(Markup.escape(source))</span>"
        }
        html += "</figcaption>\n"
        var legendIn: [String] = []
        for layout in Self.layouts {
            let plot = ChartPlot(data: data, options: options, format: format, width: layout.width)
            let (svgBody, height, legendNeeded) = plot.draw()
            let ids = (title: "\(id)-titel\(layout.idSuffix)", description: "\(id)-beskrivning\(layout.idSuffix)")
            html += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-\(layout.name)\" viewBox=\"0 0 \(Int(layout.width)) \(Int(height.rounded(.up)))\" role=\"img\" aria-labelledby=\"\(ids.title) \(ids.description)\" font-size=\"\(Int(TextMetrics.fontSize))\">\n"
            html += "<title id=\"\(ids.title)\">\(Markup.escape(options.title))</title>\n"
            html += "<desc id=\"\(ids.description)\">\(Markup.escape(description))</desc>\n"
            html += svgBody
            html += "</svg>\n"
            if legendNeeded { legendIn.append(layout.name) }
        }
        // A legend only where direct labels do not fit: in both layouts, or only in one.
        if !legendIn.isEmpty {
            html += legend(data, options, only: legendIn.count == Self.layouts.count ? nil : legendIn[0])
        }
        html += dataTable(data, options, format: format)
        html += notes(data, options)
        html += "</figure>\n"
        return html
    }

    /// A 100 % stack with a withheld part would give that part away (100 minus the rest):
    /// the whole stack is withheld, in the drawing, the table and the description alike.
    static func protectingShares(_ data: ChartData, _ options: ChartOptions) -> ChartData {
        guard options.kind == .stackedBar, options.percentStack else { return data }
        var result = data
        for category in data.categories.indices where data.series.contains(where: { $0.values[category].isWithheld }) {
            for series in result.series.indices where !result.series[series].values[category].isWithheld {
                result.series[series].values[category] = .withheld(.protectsAnother)
            }
        }
        return result
    }

    private func valueFormatter(_ options: ChartOptions) -> @Sendable (Double) -> String {
        let decimals = options.decimals, percent = options.unit == .percent
        return { value in
            percent ? SwedishNumberFormat.percent(value, decimals: decimals) : SwedishNumberFormat.format(value, decimals: decimals)
        }
    }

    private func legend(_ data: ChartData, _ options: ChartOptions, only layout: String?) -> String {
        var html = "<ul class=\"chart-legend\(layout.map { " chart-\($0)-legend" } ?? "")\">\n"
        for (index, series) in data.series.enumerated() {
            let style = Palette.style(index)
            var canvas = SVGCanvas()
            if options.kind == .line {
                canvas.line(x1: 2, y1: 8, x2: 30, y2: 8, stroke: style.colour, width: 2.5, dash: style.dash)
                canvas.marker(style.marker, x: 16, y: 8, colour: style.colour)
            } else {
                canvas.rect(x: 8, y: 1, width: 14, height: 14, fill: style.colour)
            }
            html += "<li><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 16\" width=\"32\" height=\"16\" aria-hidden=\"true\">\(canvas.body)</svg>\(Markup.escape(series.name))</li>\n"
        }
        return html + "</ul>\n"
    }

    private func dataTable(_ data: ChartData, _ options: ChartOptions, format: (Double) -> String) -> String {
        let caption = Placeholders.fill(text.tableCaption, ["n": String(options.number)])
        // Whichever way round gives fewer columns, so the table fits a phone.
        if data.series.count > data.categories.count {
            let headers = [data.seriesLabel] + data.categories
            let rows = data.series.map { series in [TableCell.header(series.name)] + series.values.map { TableCell.value($0) } }
            return TableHTML.render(id: "figur-\(options.number)-tabell", caption: caption, headers: headers, numericFrom: 1, rows: rows, format: { format($1) }, className: "chart-table")
        }
        var headers = [data.categoryLabel]
        headers += data.series.count == 1 ? [options.valueLabel] : data.series.map(\.name)
        let rows = data.categories.enumerated().map { index, category in
            [TableCell.header(category)] + data.series.map { TableCell.value($0.values[index]) }
        }
        return TableHTML.render(id: "figur-\(options.number)-tabell", caption: caption, headers: headers, numericFrom: 1, rows: rows, format: { format($1) }, className: "chart-table")
    }

    private func notes(_ data: ChartData, _ options: ChartOptions) -> String {
        var notes: [String] = []
        notes += Self.withheldNotes(text: text, minCell: options.minCell, present: { data.contains($0) })
        if data.series.contains(where: { $0.values.contains(.missing) }) {
            notes.append("– = " + Markup.escape(text.missingNote))
        }
        return notes.isEmpty ? "" : "<p class=\"chart-note\">\(notes.joined(separator: "; ")).</p>\n"
    }
}

extension ChartRenderer {
    /// The notes saying why values are withheld, one for each reason that occurs:
    /// `..` for a small group, `..*` for a value withheld to protect another.
    public static func withheldNotes(text: ChartText, minCell: Int, present: (Withholding) -> Bool) -> [String] {
        Withholding.allCases.filter(present).map { reason in
            let note = reason == .smallGroup ? Placeholders.fill(text.withheldNote, ["n": String(minCell)]) : text.protectedNote
            return "<code>\(reason.symbol)</code> = " + Markup.escape(note)
        }
    }
}

/// One cell of a rendered table.
public enum TableCell: Sendable, Equatable {
    /// The row's heading (`<th scope="row">`).
    case header(String)
    case text(String)
    case value(ChartValue)
}

/// Tables as Swedish statistics print them: numbers right-aligned with Swedish formatting,
/// withheld values as `..`, missing ones as `–`.
public enum TableHTML {
    /// - Parameter format: the text of a number in a given column.
    /// - Parameter id: the caption's id. The table sits in a region that scrolls sideways on a
    ///   narrow screen; the region is focusable and named by the caption, so that keyboard
    ///   users can scroll it too (WCAG 2.1.1).
    public static func render(id: String, caption: String, headers: [String], numericFrom: Int, rows: [[TableCell]],
                              format: (_ column: Int, _ value: Double) -> String, className: String = "data-table") -> String {
        var html = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(id)\">\n"
        html += "<table class=\"\(className)\">\n<caption id=\"\(id)\">\(Markup.escape(caption))</caption>\n<thead>\n<tr>"
        for (index, header) in headers.enumerated() {
            html += "<th scope=\"col\"\(index >= numericFrom ? " class=\"numeric\"" : "")>\(Markup.escape(header))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() {
                switch cell {
                case .header(let label): html += "<th scope=\"row\">\(Markup.escape(label))</th>"
                case .text(let label): html += "<td>\(Markup.escape(label))</td>"
                case .value(.value(let number)): html += "<td class=\"numeric\">\(format(column, number))</td>"
                case .value(.withheld(let reason)): html += "<td class=\"numeric\">\(reason.symbol)</td>"
                case .value(.missing): html += "<td class=\"numeric\">–</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }
}
