import Foundation
import SamsynCharts
import SamsynData
import SamsynSupport
import SamsynMarkdown

/// A report's follow-up block, ```` ```uppfoljning ```` with `year: 2025` (the report's
/// `year` when left out): the indicators with their targets for that year and where they
/// stand, and the actions decided by the end of it with their status now. Made per target,
/// as its links lead to the pages the target holds.
extension TargetRenderer {
    /// The HTML of every follow-up block of the page in this target, by the block's line.
    func followUpBlocks(of page: Page) -> [Int: String] {
        var html: [Int: String] = [:]
        var ignored = DiagnosticLog()
        for block in page.outline.fencedBlocks where block.info == Page.followUpInfoString {
            guard let year = FollowUpBlock.year(of: block, in: page, log: &ignored) else { continue }
            html[block.position.line] = followUp(year: year, from: page)
        }
        return html
    }

    private func followUp(year: Int, from page: Page) -> String {
        let t = rendering.strings(for: page.language)
        // Only the indicators and actions this target holds: a staff-only one's title, case
        // number or values must not reach a public page through a report.
        func link(_ target: Page) -> String {
            contains(target) ? "<a href=\"\(Markup.escape(RenderContext.href(from: page.urlPath, to: target.urlPath)))\">\(Markup.escape(target.title))</a>"
                : Markup.escape(target.title)
        }
        var html = "<section class=\"follow-up\">\n"
        // Indicators with a target in the year: its value then and whether it was met.
        let indicators = view.pages.filter { $0.kind == .indicator && !$0.isTranslation }.compactMap { indicator -> String? in
            guard let info = indicator.indicator, let target = info.targets.first(where: { Int($0.period.midpoint.rounded(.down)) == year }) else { return nil }
            let values = site.indicators[indicator.id]
            let value = values?.own.value(at: target.period)
            let status: IndicatorValues.Status = value?.number.map { info.meets(target, with: $0) ? .reached : .notReached } ?? .noData
            let valueText = value.flatMap { value in values.map { $0.text(of: value, unit: info.unit) } } ?? "–"
            let targetText = values?.text(of: .value(target.value), unit: info.unit) ?? String(target.value)
            return "<tr><th scope=\"row\">\(link(indicator))</th><td>\(Markup.escape(target.period.description))</td>"
                + "<td class=\"numeric\">\(Markup.escape(targetText))</td><td class=\"numeric\">\(Markup.escape(valueText))</td>"
                + "<td><strong class=\"status status-\(status.rawValue)\">\(Markup.escape(t[status.textKey]))</strong></td></tr>\n"
        }
        if !indicators.isEmpty {
            html += table(caption: t.format("follow_up_indicators_caption", ["year": String(year)]),
                          headers: [t["kind_indicator"], t["indicator_period"], t["indicator_target"], t["follow_up_value"], t["indicator_status"]],
                          rows: indicators)
        }
        // Actions decided by the end of the year, with their status now.
        let actions = view.pages.compactMap { action in action.action.map { (page: action, info: $0) } }
            .filter { !$0.page.isTranslation && $0.info.decided.year <= year }
            .sorted { ($0.info.decided, $0.page.title) < ($1.info.decided, $1.page.title) }
            .map { action, info in
                "<tr><th scope=\"row\">\(link(action))</th><td><time datetime=\"\(info.decided)\">\(Markup.escape(t.longDate(info.decided)))</time></td>"
                    + "<td>\(Markup.escape(info.caseNumber ?? "–"))</td><td>\(Markup.escape(t[info.status.textKey]))</td></tr>\n"
            }
        if !actions.isEmpty {
            html += table(caption: t.format("follow_up_actions_caption", ["year": String(year)]),
                          headers: [t["kind_action"], t["action_decided"], t["action_case_number"], t["follow_up_status_now"]], rows: actions)
        }
        if indicators.isEmpty && actions.isEmpty { html += "<p>\(Markup.escape(t.format("follow_up_empty", ["year": String(year)])))</p>\n" }
        return html + "</section>\n"
    }

    private func table(caption: String, headers: [String], rows: [String]) -> String {
        "<div class=\"table-scroll\"><table class=\"data-table\">\n<caption>\(Markup.escape(caption))</caption>\n<thead><tr>"
            + headers.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n" + rows.joined() + "</tbody>\n</table></div>\n"
    }
}
