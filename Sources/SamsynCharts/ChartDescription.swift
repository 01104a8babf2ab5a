import SamsynSupport
/// The words a `<desc>` gives screen-reader users in place of the picture: what is shown,
/// the highest and lowest value, and the change from the first to the last category.
struct ChartDescription {
    let data: ChartData
    let options: ChartOptions
    let text: ChartText
    let format: (Double) -> String

    var sentence: String {
        var parts: [String] = [intro]
        let points = data.series.flatMap { series in
            zip(data.categories, series.values).compactMap { category, value in
                value.number.map { (label: label(series: series.name, category: category), value: $0) }
            }
        }
        if let high = points.max(by: { $0.value < $1.value }), let low = points.min(by: { $0.value < $1.value }), points.count > 1 {
            parts.append(Placeholders.fill(text.highest, ["label": high.label, "value": format(high.value)]))
            parts.append(Placeholders.fill(text.lowest, ["label": low.label, "value": format(low.value)]))
        }
        if let change { parts.append(change) }
        if options.percentStack { parts.append(text.shareNote) }
        if data.withheldCount > 0 {
            parts.append(Placeholders.fill(text.withheldSentence, ["count": String(data.withheldCount)]))
        }
        return parts.joined(separator: " ")
    }

    private var intro: String {
        let kind = options.percentStack ? text.percentStackName : text.kindNames[options.kind] ?? ""
        var intro = "\(kind) \(text.over) \(lowercasedFirst(options.valueLabel)) \(text.per) \(lowercasedFirst(data.categoryLabel))"
        let names = data.series.map(\.name)
        if names.count > 1 {
            intro += " \(text.forSeries) " + (names.count <= 5 ? list(names) : "\(names.count) \(text.groups)")
        }
        return intro + "."
    }

    /// For lines, and bars over three or more periods: the change from first to last category.
    private var change: String? {
        guard options.kind == .line, data.categories.count >= 2, !options.percentStack else { return nil }
        let first = data.categories.first!, last = data.categories.last!
        let pairs = data.series.compactMap { series -> (Double, Double)? in
            guard let a = series.values.first?.number, let b = series.values.last?.number else { return nil }
            return (a, b)
        }
        guard !pairs.isEmpty else { return nil }
        let from = pairs.map(\.0).reduce(0, +) / Double(pairs.count)
        let to = pairs.map(\.1).reduce(0, +) / Double(pairs.count)
        let template = data.series.count == 1 ? text.changeOne : text.changeMean
        return Placeholders.fill(template, ["first": first, "last": last, "from": format(from), "to": format(to)])
    }

    private func label(series: String, category: String) -> String {
        data.series.count > 1 ? "\(series), \(category)" : category
    }

    private func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " \(text.and) " + names.last!
    }

    private func lowercasedFirst(_ text: String) -> String {
        // Keep acronyms such as "SIP" as they are.
        guard let first = text.first, text.count > 1, !(text.dropFirst().first?.isUppercase ?? false) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
