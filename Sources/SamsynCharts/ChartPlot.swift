import Foundation

/// Lays out and draws the marks of one chart inside the SVG: axes, grid, bars or lines,
/// labels. Returns the SVG body, its height and whether a legend is needed.
struct ChartPlot {
    let data: ChartData
    let options: ChartOptions
    let format: (Double) -> String
    /// The SVG's width in its own units: text keeps its size, so a narrow layout is readable on a phone.
    let width: Double
    private let fontSize = TextMetrics.fontSize
    private let lineHeight = TextMetrics.lineHeight

    func draw() -> (String, Double, Bool) {
        if options.kind != .line, options.horizontal || !categoryLabelsFitUnderBars { return drawHorizontalBars() }
        return drawVertical()
    }

    /// Bars whose labels would have to be thinned out are drawn horizontally instead, where
    /// every label has room; a line over time may skip some labels, a bar may not.
    private var categoryLabelsFitUnderBars: Bool {
        let band = (width - 80) / Double(max(data.categories.count, 1)) - 6
        return data.categories.allSatisfy { label in
            label.split(separator: " ").allSatisfy { TextMetrics.width(String($0)) <= band }
                && TextMetrics.wrap(label, width: band, maxLines: 4).count <= 3
        }
    }

    // MARK: Values

    /// The values as drawn: shares of each category's total for a 100 % stack.
    private var drawnSeries: [ChartSeries] {
        guard options.kind == .stackedBar, options.percentStack else { return data.series }
        return data.series.map { series in
            var copy = series
            copy.values = series.values.indices.map { index in
                let total = data.series.compactMap { $0.values[index].number }.reduce(0, +)
                guard let value = series.values[index].number, total > 0 else { return series.values[index] }
                return .value(value / total * 100)
            }
            return copy
        }
    }

    private var isStacked: Bool { options.kind == .stackedBar }

    private func valueRange() -> (Double, Double) {
        let series = drawnSeries
        if isStacked {
            if options.percentStack { return (0, 100) }
            let totals = data.categories.indices.map { index in series.compactMap { $0.values[index].number }.filter { $0 > 0 }.reduce(0, +) }
            return (min(0, series.flatMap { $0.values.compactMap(\.number) }.min() ?? 0), totals.max() ?? 1)
        }
        let values = series.flatMap { $0.values.compactMap(\.number) }
        return (values.min() ?? 0, values.max() ?? 1)
    }

    private func tickLabel(_ value: Double, decimals: Int) -> String {
        options.showsPercent ? SwedishNumberFormat.percent(value, decimals: decimals) : SwedishNumberFormat.format(value, decimals: decimals)
    }

    /// A value label on a bar: the share for a 100 % stack, the value otherwise.
    private func valueLabel(_ value: Double) -> String {
        options.percentStack ? SwedishNumberFormat.percent(value, decimals: 0) : format(value)
    }

    // MARK: Vertical bars and lines

    private func drawVertical() -> (String, Double, Bool) {
        let (low, high) = valueRange()
        let plotHeight = 230.0
        let top = 14.0
        let probe = LinearScale(minValue: low, maxValue: high, range: (0, 1))
        let tickTexts = probe.ticks.map { tickLabel($0, decimals: probe.tickDecimals) }
        let left = max(36, (tickTexts.map { TextMetrics.width($0) }.max() ?? 0) + 12)

        // Direct labels at the end of lines, where they fit; otherwise a legend.
        let series = drawnSeries
        var right = 16.0
        var labelPositions: [(name: String, y: Double, style: SeriesStyle)]? = nil
        let scaleForLabels = LinearScale(minValue: low, maxValue: high, range: (top + plotHeight, top))
        if options.kind == .line, series.count > 1 {
            let names = series.map(\.name)
            let labelWidth = names.map { TextMetrics.width($0) }.max() ?? 0
            if labelWidth <= width * 0.27, series.count <= 7 {
                right = labelWidth + 30
                labelPositions = directLabels(series: series, scale: scaleForLabels, top: top, bottom: top + plotHeight)
            }
        }
        let plotLeft = left, plotRight = width - right
        let band = (plotRight - plotLeft) / Double(max(data.categories.count, 1))

        // Category labels wrapped to their band; thinned out if a word is wider than the band.
        let wrapped = data.categories.map { TextMetrics.wrap($0, width: band - 6, maxLines: 3) }
        let widest = data.categories.flatMap { $0.split(separator: " ").map { TextMetrics.width(String($0)) } }.max() ?? 0
        let every = max(1, Int((widest / max(band - 6, 1)).rounded(.up)))
        let labelLines = wrapped.enumerated().filter { $0.offset % every == 0 }.map { $0.element.count }.max() ?? 1
        let height = top + plotHeight + 10 + Double(labelLines) * lineHeight + 6
        let scale = LinearScale(minValue: low, maxValue: high, range: (top + plotHeight, top))

        var canvas = SVGCanvas()
        for (tick, label) in zip(scale.ticks, tickTexts) {
            let y = scale.position(tick)
            canvas.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: tick == 0 ? ChartRenderer.axisColour : ChartRenderer.gridColour)
            canvas.text(label, x: plotLeft - 8, y: y + fontSize * 0.35, anchor: .end)
        }
        let axis = CategoryAxis(data: data, kind: options.kind, plotLeft: plotLeft, plotRight: plotRight)
        for index in axis.labelled(wrapped, every: every) {
            canvas.textLines(wrapped[index], x: axis.x(index), y: top + plotHeight + 10 + fontSize, lineHeight: lineHeight, anchor: .middle)
        }

        var legend = series.count > 1
        if options.kind == .line {
            drawLines(series, canvas: &canvas, scale: scale, axis: axis)
            if let labelPositions {
                legend = false
                // Each label carries its line's marker, so the label is tied to the line by shape too.
                for label in labelPositions {
                    canvas.marker(label.style.marker, x: plotRight + 10, y: label.y, colour: label.style.colour)
                    canvas.text(label.name, x: plotRight + 19, y: label.y + fontSize * 0.35, fill: ChartRenderer.inkColour)
                }
            }
        } else {
            drawVerticalBars(series, canvas: &canvas, scale: scale, plotLeft: plotLeft, band: band)
        }
        return (canvas.body, height, legend)
    }

    /// Label positions at each line's last value, pushed apart so they do not overlap;
    /// nil if they cannot all fit inside the plot.
    private func directLabels(series: [ChartSeries], scale: LinearScale, top: Double, bottom: Double) -> [(name: String, y: Double, style: SeriesStyle)]? {
        var labels: [(name: String, y: Double, style: SeriesStyle)] = []
        for (index, item) in series.enumerated() {
            guard let last = item.values.last(where: { $0.number != nil })?.number else { return nil }
            labels.append((item.name, scale.position(last), Palette.style(index)))
        }
        labels.sort { $0.y < $1.y }
        let gap = lineHeight
        for index in labels.indices.dropFirst() where labels[index].y - labels[index - 1].y < gap {
            labels[index].y = labels[index - 1].y + gap
        }
        if let last = labels.last, last.y > bottom {
            let shift = last.y - bottom
            for index in labels.indices { labels[index].y -= shift }
        }
        if let first = labels.first, first.y < top { return nil }
        return labels
    }

    private func drawLines(_ series: [ChartSeries], canvas: inout SVGCanvas, scale: LinearScale, axis: CategoryAxis) {
        for (index, item) in series.enumerated() {
            let style = Palette.style(index)
            var segment: [(Double, Double)] = []
            var points: [(Double, Double)] = []
            for (position, value) in item.values.enumerated() {
                let x = axis.x(position)
                if value == .missing, axis.isTime { continue }
                if let number = value.number {
                    let point = (x, scale.position(number))
                    segment.append(point)
                    points.append(point)
                } else {
                    // A gap in the data is a gap in the line, not a line drawn through it.
                    canvas.path(segment, stroke: style.colour, width: 2.5, dash: style.dash)
                    segment = []
                    if value.isWithheld {
                        canvas.text("..", x: x, y: scale.position(scale.domain.lowerBound) - 6, anchor: .middle)
                    }
                }
            }
            canvas.path(segment, stroke: style.colour, width: 2.5, dash: style.dash)
            for (x, y) in points { canvas.marker(style.marker, x: x, y: y, colour: style.colour) }
        }
    }

    private func drawVerticalBars(_ series: [ChartSeries], canvas: inout SVGCanvas, scale: LinearScale, plotLeft: Double, band: Double) {
        let zero = scale.position(0)
        let inner = band * 0.75
        let barWidth = isStacked ? inner : inner / Double(max(series.count, 1))
        for category in data.categories.indices {
            let bandStart = plotLeft + band * Double(category) + (band - inner) / 2
            var stackBase = 0.0
            for (index, item) in series.enumerated() {
                let x = isStacked ? bandStart : bandStart + barWidth * Double(index)
                switch item.values[category] {
                case .value(let value):
                    let from = isStacked ? stackBase : 0
                    let to = from + value
                    if isStacked { stackBase = to }
                    let y1 = scale.position(max(from, to)), y2 = scale.position(min(from, to))
                    // A white edge between stacked parts so they stand apart without relying on colour.
                    canvas.rect(x: x, y: y1, width: barWidth, height: y2 - y1, fill: Palette.style(index).colour, stroke: isStacked ? "#ffffff" : nil)
                    let label = valueLabel(value)
                    if isStacked {
                        if y2 - y1 >= fontSize + 4, TextMetrics.width(label) <= barWidth - 4 {
                            canvas.text(label, x: x + barWidth / 2, y: (y1 + y2) / 2 + fontSize * 0.35, anchor: .middle, fill: "#ffffff")
                        }
                    } else if TextMetrics.width(label) <= barWidth + band * 0.2 / Double(series.count) {
                        canvas.text(label, x: x + barWidth / 2, y: y1 - 5, anchor: .middle)
                    }
                case .withheld:
                    canvas.text("..", x: x + barWidth / 2, y: zero - 5, anchor: .middle)
                case .missing:
                    break
                }
            }
        }
    }

    // MARK: Horizontal bars

    private func drawHorizontalBars() -> (String, Double, Bool) {
        let series = drawnSeries
        let (low, high) = valueRange()
        let top = 8.0
        let rowsPerCategory = isStacked ? 1 : series.count
        let labelColumn = (width * 0.32).rounded()
        let labels = data.categories.map { TextMetrics.wrap($0, width: labelColumn - 10, maxLines: 3) }
        // Room for the widest label line; a single long word may widen the column up to 45 %.
        let left = min(width * 0.45, (labels.flatMap { $0 }.map { TextMetrics.width($0) }.max() ?? 0) + 12)
        let barHeight = 20.0
        let labelLines = Double(labels.map(\.count).max() ?? 1)
        let band = max(Double(rowsPerCategory) * barHeight + 12, labelLines * lineHeight + 8)
        let valueRoom = isStacked ? 12.0 : (series.flatMap { $0.values.compactMap(\.number) }.map { TextMetrics.width(valueLabel($0)) }.max() ?? 0) + 14
        let plotLeft = left, plotRight = width - valueRoom
        let plotBottom = top + band * Double(data.categories.count)
        let height = plotBottom + 8 + fontSize + 8
        // Fewer ticks where the axis is short, so their labels do not run together.
        let scale = LinearScale(minValue: low, maxValue: high, range: (plotLeft, plotRight), targetTickCount: max(2, Int((plotRight - plotLeft) / 75)))

        var canvas = SVGCanvas()
        for tick in scale.ticks {
            let x = scale.position(tick)
            canvas.line(x1: x, y1: top, x2: x, y2: plotBottom, stroke: tick == 0 ? ChartRenderer.axisColour : ChartRenderer.gridColour)
            canvas.text(tickLabel(tick, decimals: scale.tickDecimals), x: x, y: plotBottom + 8 + fontSize, anchor: .middle)
        }
        for (category, lines) in labels.enumerated() {
            let bandTop = top + band * Double(category)
            let firstLineY = bandTop + band / 2 - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
            canvas.textLines(lines, x: plotLeft - 8, y: firstLineY, lineHeight: lineHeight, anchor: .end)
            var stackBase = 0.0
            for (index, item) in series.enumerated() {
                let y = bandTop + (band - Double(rowsPerCategory) * barHeight) / 2 + (isStacked ? 0 : barHeight * Double(index))
                switch item.values[category] {
                case .value(let value):
                    let from = isStacked ? stackBase : 0
                    let to = from + value
                    if isStacked { stackBase = to }
                    let x1 = scale.position(min(from, to)), x2 = scale.position(max(from, to))
                    canvas.rect(x: x1, y: y, width: x2 - x1, height: barHeight - 2, fill: Palette.style(index).colour, stroke: isStacked ? "#ffffff" : nil)
                    let label = valueLabel(value)
                    if isStacked {
                        if TextMetrics.width(label) <= x2 - x1 - 6 {
                            canvas.text(label, x: (x1 + x2) / 2, y: y + barHeight / 2 + fontSize * 0.3, anchor: .middle, fill: "#ffffff")
                        }
                    } else {
                        canvas.text(label, x: x2 + 5, y: y + barHeight / 2 + fontSize * 0.3)
                    }
                case .withheld:
                    canvas.text("..", x: scale.position(0) + 5, y: y + barHeight / 2 + fontSize * 0.3)
                case .missing:
                    break
                }
            }
        }
        return (canvas.body, height, series.count > 1)
    }
}

/// Where a vertical chart places its categories: evenly, one band each, or on a time axis
/// (`ChartData.positions`) for a line chart, so that measurements 18 and 6 months apart
/// are drawn so.
struct CategoryAxis {
    let isTime: Bool
    private let left: Double, width: Double, band: Double
    private let positions: [Double]
    private let low: Double, high: Double

    init(data: ChartData, kind: ChartKind, plotLeft: Double, plotRight: Double) {
        let count = Double(max(data.categories.count, 1))
        band = (plotRight - plotLeft) / count
        let time = kind == .line ? data.timePositions : nil
        isTime = time != nil
        positions = time ?? []
        low = positions.min() ?? 0
        high = positions.max() ?? 1
        // On a time axis the first and last periods sit half a band in, as they would evenly.
        let margin = isTime ? min(band / 2, 40) : 0
        left = plotLeft + margin
        width = plotRight - plotLeft - 2 * margin
    }

    func x(_ index: Int) -> Double {
        guard isTime else { return left + band * (Double(index) + 0.5) }
        return left + (positions[index] - low) / (high - low) * width
    }

    /// The categories whose labels are drawn: every `every`th evenly; on a time axis each
    /// label that keeps clear of the last one drawn.
    func labelled(_ wrapped: [[String]], every: Int) -> [Int] {
        guard isTime else { return wrapped.indices.filter { $0 % every == 0 } }
        var shown: [Int] = []
        var lastRight = -Double.infinity
        for index in wrapped.indices {
            let half = (wrapped[index].map { TextMetrics.width($0) }.max() ?? 0) / 2
            guard x(index) - half >= lastRight + 6 else { continue }
            shown.append(index)
            lastRight = x(index) + half
        }
        return shown
    }
}
