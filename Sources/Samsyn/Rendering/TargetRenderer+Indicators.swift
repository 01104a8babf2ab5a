import Foundation
import SamsynCharts
import SamsynData

/// Indicator pages and the overview of every indicator (`indikatorer/`, the section's index):
/// each value over time against its target, the status in words, never by colour alone.
extension TargetRenderer {
    static let indicatorSection = PageKind.indicator.folder

    /// What an indicator page shows besides its analysis (the body).
    func indicatorContext(for page: Page, _ info: IndicatorInfo) -> [String: Any] {
        let t = rendering.strings(for: page.language)
        var context: [String: Any] = [
            "definition": info.definition,
            "better": t[info.better == .higher ? "indicator_better_higher" : "indicator_better_lower"],
        ]
        if let owner = info.owner { context["owner"] = roleLink(owner.id, from: page) }
        guard let values = site.indicators[page.id] else { return context }
        context["facts"] = items(indicatorFacts(values, info, t))
        context["chart"] = indicatorChart(values, info, title: page.title, t)
        context["source"] = values.source
        return context
    }

    /// The latest value, the target, the status and the changes, as a list of terms.
    private func indicatorFacts(_ values: IndicatorValues, _ info: IndicatorInfo, _ t: Strings) -> [[String: Any]] {
        var facts: [[String: Any]] = []
        if let latest = values.latest {
            facts.append(["term": t["indicator_latest"], "value": "\(values.text(of: latest.value, unit: info.unit)) (\(latest.period))"])
        }
        if let target = values.target(in: info) {
            facts.append(["term": t["indicator_target"], "value": "\(values.text(of: .value(target.value), unit: info.unit)) (\(target.period))"])
        }
        if let status = values.status(in: info) {
            facts.append(["term": t["indicator_status"], "value": t[status.textKey], "status": status.rawValue])
        }
        if let change = values.changeSincePrevious, let previous = values.previous {
            facts.append(["term": t.format("indicator_change_since", ["period": previous.period.description]), "value": values.text(ofChange: change, unit: info.unit, percentagePoints: t["indicator_percentage_points"])])
        }
        if let change = values.changeSinceBaseline(in: info), let baseline = info.baseline {
            facts.append(["term": t.format("indicator_change_since_baseline", ["period": baseline.period.description]),
                          "value": values.text(ofChange: change, unit: info.unit, percentagePoints: t["indicator_percentage_points"])])
        }
        return facts
    }

    /// The series over time with the comparisons and the targets, periods spaced by time,
    /// and the numbers as a table under it.
    private func indicatorChart(_ values: IndicatorValues, _ info: IndicatorInfo, title: String, _ t: Strings) -> String {
        let periods = Set(values.own.points.map(\.period) + values.comparisons.flatMap { $0.points.map(\.period) } + info.targets.map(\.period)).sorted()
        // No value and no target yet: nothing to draw.
        guard !periods.isEmpty else { return "" }
        func line(_ series: IndicatorValues.Series, name: String) -> ChartSeries {
            ChartSeries(name: name, values: periods.map { series.value(at: $0) ?? .missing })
        }
        var series = [line(values.own, name: title)] + values.comparisons.map { line($0, name: $0.name) }
        if !info.targets.isEmpty {
            series.append(ChartSeries(name: t["indicator_target"], values: periods.map { period in
                info.targets.first { $0.period == period }.map { .value($0.value) } ?? .missing
            }, isTarget: true))
        }
        let data = ChartData(categories: periods.map(\.description), series: series, categoryLabel: t["indicator_period"],
                             seriesLabel: "", positions: periods.map(\.midpoint))
        let options = ChartOptions(kind: .line, unit: info.unit == .percent ? .percent : .number, decimals: values.decimals, title: title,
                                   valueLabel: title, source: values.source, number: 1, minCell: site.config.minCell)
        return ChartRenderer(text: ChartText(t)).figure(data, options: options)
    }

    /// The overview: every indicator of the target with its latest value, target, change
    /// and status, the one page a nämnd reads first.
    func renderIndicatorOverview(_ section: TargetView.Section) -> String {
        let urlPath = section.name + "/"
        let t = strings
        var context = baseContext(for: urlPath, title: t["indicators_title"], language: site.config.language)
        context["summary"] = t["indicators_summary"]
        context["breadcrumbs"] = items([["title": t["home"], "href": RenderContext.href(from: urlPath, to: "")]])
        context["indicators"] = items(section.pages.compactMap { page -> [String: Any]? in
            guard let info = page.indicator else { return nil }
            var row: [String: Any] = ["title": page.title, "href": RenderContext.href(from: urlPath, to: page.urlPath)]
            guard let values = site.indicators[page.id] else { return row }
            row["latest"] = values.latest.map { "\(values.text(of: $0.value, unit: info.unit)) (\($0.period))" } ?? t["indicator_status_no_data"]
            row["target"] = values.target(in: info).map { "\(values.text(of: .value($0.value), unit: info.unit)) (\($0.period))" } ?? "–"
            row["change"] = values.changeSincePrevious.map { values.text(ofChange: $0, unit: info.unit, percentagePoints: t["indicator_percentage_points"]) } ?? "–"
            if let status = values.status(in: info) {
                row["status"] = t[status.textKey]
                row["statusClass"] = status.rawValue
            }
            return row
        })
        context["columns"] = ["indicator": t["kind_indicator"], "latest": t["indicator_latest"], "target": t["indicator_target"],
                              "change": t["indicator_change"], "status": t["indicator_status"]]
        return rendering.templates.render(context, with: "indicators")
    }
}
