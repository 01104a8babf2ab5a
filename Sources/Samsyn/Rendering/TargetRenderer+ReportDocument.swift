import Foundation
import SamsynSupport

/// A report's PDF for one target, as the engine made it.
struct ReportDocument: Sendable {
    /// Beside the report's page: `rapport/<id>/<id>.pdf`.
    var path: String
    var contents: Data
    var pages: Int
}

/// A report as the nämnd receives it: its page's facts (committee, date, diarienummer,
/// prepared by), its proposed decision, and the HTML its PDF is made from — the same body
/// as the web page, with a title page and contents instead of the site's frame.
extension TargetRenderer {
    /// What the report's template shows besides the body.
    func reportContext(for page: Page, _ report: ReportInfo, _ t: Strings) -> [String: Any] {
        var context: [String: Any] = [:]
        context["year"] = report.year.map(String.init)
        context["committee"] = report.committee
        context["caseNumber"] = report.caseNumber
        context["date"] = report.date.map { dateContext($0, t) }
        context["preparedBy"] = report.preparedBy
        context["hasPreparedBy"] = !report.preparedBy.isEmpty
        context["hasFacts"] = report.committee != nil || report.caseNumber != nil || report.date != nil || !report.preparedBy.isEmpty
        context["decision"] = report.decision
        context["hasDecision"] = !report.decision.isEmpty
        if let document = documents[page.id] {
            let details = Placeholders.fill(t["report_pdf_details"], ["size": Self.fileSize(document.contents.count), "pages": String(document.pages)])
            context["pdf"] = ["href": String(document.path.split(separator: "/").last ?? ""), "details": details]
        }
        return context
    }

    /// The PDF's name beside the page: the report's id (`rapport/arsrapport-2025/arsrapport-2025.pdf`).
    static func documentPath(of page: Page) -> String {
        page.urlPath + (page.urlPath.split(separator: "/").last.map(String.init) ?? "rapport") + ".pdf"
    }

    /// The HTML the PDF engine lays out: a title page, the proposed decision, the contents
    /// and the body. Charts keep their SVG; each one's description joins its title, the one
    /// text a PDF figure's alternative text is taken from.
    func documentHTML(for page: Page, body: String, stylesheet: String, modified: LocalDate?) -> String {
        guard case .report(let report) = page.details else { return "" }
        let t = rendering.localization.strings(for: page.language)
        var context: [String: Any] = reportContext(for: page, report, t)
        context["t"] = t.context
        context["title"] = page.title
        context["summary"] = page.summary
        context["lang"] = Self.documentLanguage(page.language)
        context["dir"] = Self.direction(of: page.language)
        context["organisation"] = site.config.organisation ?? site.config.title
        context["stylesheet"] = stylesheet
        context["body"] = Self.legendSymbolsNamed(Self.chartDescriptionsInTitles(body))
        context["created"] = report.date?.description
        context["modified"] = modified?.description
        // Links between pages lead to the published site, not to files beside the PDF.
        context["base"] = target.baseURL.absoluteString.hasSuffix("/")
            ? target.baseURL.absoluteString + page.urlPath : target.baseURL.absoluteString + "/" + page.urlPath
        context["contents"] = page.outline.headings.filter { $0.level <= 3 }.map { heading -> [String: Any] in
            ["id": heading.id, "text": heading.text, "level": heading.level]
        }
        // For CSS `content:` in the document's style element: the words as a CSS string, the
        // numbers as counters.
        let words = t["report_page_of"].replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "<", with: "\\3C ")
        context["pageOf"] = Placeholders.fill(words, ["page": "\" counter(page) \"", "pages": "\" counter(pages) \""])
        return rendering.templates.render(context, with: Self.documentTemplate)
    }

    static let documentTemplate = "report-document"

    /// A language tag with the region a document reader expects (`sv-SE`) for the site's
    /// own languages; others as written.
    static func documentLanguage(_ language: String) -> String {
        ["sv": "sv-SE", "fi": "fi-FI", "en": "en-GB"][language] ?? language
    }

    /// `<title>T</title>` and the `<desc>` after it become one title, "T. D": the PDF engine
    /// takes a figure's alternative text from an SVG's title alone. Applies to the SVG the
    /// chart renderer writes (`ChartRenderer`), whose title and description are escaped text.
    static func chartDescriptionsInTitles(_ html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let titleStart = rest.range(of: "<title id=\"") {
            guard let titleEnd = rest.range(of: "</title>\n<desc id=\"", range: titleStart.upperBound..<rest.endIndex),
                  let descTextStart = rest.range(of: "\">", range: titleEnd.upperBound..<rest.endIndex),
                  let descEnd = rest.range(of: "</desc>", range: descTextStart.upperBound..<rest.endIndex),
                  !rest[titleStart.upperBound..<titleEnd.lowerBound].contains("<")
            else {
                result += rest[..<titleStart.upperBound]
                rest = rest[titleStart.upperBound...]
                continue
            }
            let title = rest[..<titleEnd.lowerBound]
            let description = rest[descTextStart.upperBound..<descEnd.lowerBound]
            let separator = title.hasSuffix(".") ? " " : ". "
            result += title + separator + description + "</title>"
            rest = rest[descEnd.upperBound...]
        }
        result += rest
        return result
    }

    /// A legend's symbols are hidden from screen readers on the web, beside their labels; a
    /// tagged PDF must give every figure a text, so each takes its label as its title.
    static func legendSymbolsNamed(_ html: String) -> String {
        let range = NSRange(html.startIndex..., in: html)
        return legendSymbol.stringByReplacingMatches(in: html, range: range, withTemplate: "<li><svg $1><title>$3</title>$2</svg>$3</li>")
    }

    // The legend items `ChartRenderer` writes: `<li><svg … aria-hidden="true">…</svg>Label</li>`.
    private static let legendSymbol = try! NSRegularExpression(
        pattern: "<li><svg ([^>]*?) aria-hidden=\"true\">(.*?)</svg>([^<]*)</li>", options: [.dotMatchesLineSeparators])

    /// A file size as a reader says it: "48 kB", "1,2 MB".
    static func fileSize(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 500) / 1000)) kB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}

extension Generator {
    /// Each report's PDF beside its page, as the documents step made it (`ReportDocuments`).
    static let reportDocuments = Generator(paths: [], what: "the reports' PDFs", templates: [TargetRenderer.documentTemplate]) { renderer in
        renderer.documents.isEmpty ? [] : [RenderJob { _ in
            renderer.documents.values.sorted { $0.path < $1.path }.map { OutputFile(path: $0.path, contents: $0.contents) }
        }]
    }
}
