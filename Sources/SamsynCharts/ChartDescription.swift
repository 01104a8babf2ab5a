import SamsynSupport
/// The words a `<desc>` gives screen-reader users in place of the picture: one sentence
/// per chart type saying what it shows, as a person would say it aloud, then the highest
/// and lowest value, the change from the first to the last category of a line, and any
/// target drawn beside the data.
struct ChartDescription {
    let data: ChartData
    let options: ChartOptions
    let text: ChartText
    let format: (Double) -> String

    var sentence: String {
        var parts: [String] = [intro]
        let points = measured.flatMap { series in
            zip(data.categories, series.values).compactMap { category, value in
                value.number.map { (label: label(series: series.name, category: category), value: $0) }
            }
        }
        if let high = points.max(by: { $0.value < $1.value }), let low = points.min(by: { $0.value < $1.value }), points.count > 1 {
            parts.append(Placeholders.fill(text.highest, ["label": high.label, "value": format(high.value)]))
            parts.append(Placeholders.fill(text.lowest, ["label": low.label, "value": format(low.value)]))
        } else if let only = points.first {
            parts.append(Placeholders.fill(text.oneValue, ["label": only.label, "value": format(only.value)]))
        }
        if let change { parts.append(change) }
        for target in data.series where target.isTarget {
            for (category, value) in zip(data.categories, target.values) {
                if let number = value.number { parts.append(Placeholders.fill(text.target, ["period": category, "value": format(number)])) }
            }
        }
        if options.percentStack { parts.append(text.shareNote) }
        if data.withheldCount > 0 {
            parts.append(Placeholders.fill(text.withheldSentence, ["count": String(data.withheldCount)]))
        }
        return parts.joined(separator: " ")
    }

    /// The series that are data, not targets.
    private var measured: [ChartSeries] { data.series.filter { !$0.isTarget } }

    private var intro: String {
        let names = measured.map(\.name)
        let seriesWord = lowercasedFirst(data.seriesLabel.isEmpty ? text.measure : data.seriesLabel)
        let namesTail = names.count <= 5 ? ": " + list(names) : " " + Placeholders.fill(text.count, ["count": String(names.count)])
        let template: String
        switch options.kind {
        case _ where options.percentStack: template = text.describePercentStack
        case .line: template = names.count > 1 ? text.describeLines : text.describe[.line] ?? ""
        // Grouped or stacked bars of one series are plain bars.
        case .bar, .groupedBar, .stackedBar: template = text.describe[names.count > 1 ? options.kind : .bar] ?? ""
        }
        return Placeholders.fill(template, [
            "value": lowercasedFirst(options.valueLabel), "category": lowercasedFirst(data.categoryLabel), "series": seriesWord,
            "names": namesTail, "categories": ": " + list(data.categories),
        ])
    }

    /// For lines: the change from first to last category, of the one series or of the mean.
    private var change: String? {
        guard options.kind == .line, data.categories.count >= 2, !options.percentStack else { return nil }
        let first = data.categories.first!, last = data.categories.last!
        let pairs = measured.compactMap { series -> (Double, Double)? in
            guard let a = series.values.first?.number, let b = series.values.last?.number else { return nil }
            return (a, b)
        }
        guard !pairs.isEmpty else { return nil }
        let from = pairs.map(\.0).reduce(0, +) / Double(pairs.count)
        let to = pairs.map(\.1).reduce(0, +) / Double(pairs.count)
        let template = measured.count == 1 ? text.changeOne : text.changeMean
        return Placeholders.fill(template, ["first": first, "last": last, "from": format(from), "to": format(to)])
    }

    /// A value's place: the category alone, or with its series, the line's name first
    /// ("Borgsmoskolan, VT 2012,") and the bar's category first.
    private func label(series: String, category: String) -> String {
        guard measured.count > 1 else { return category }
        return options.kind == .line ? "\(series), \(category)," : "\(category), \(series),"
    }

    private func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " \(text.and) " + names.last!
    }

    private func lowercasedFirst(_ text: String) -> String {
        // Keep acronyms such as "SIP" and names such as "VT 2012" as they are.
        guard let first = text.first, text.count > 1, !(text.dropFirst().first?.isUppercase ?? false) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
