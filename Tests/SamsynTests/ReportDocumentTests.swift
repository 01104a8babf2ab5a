import Foundation
import Testing
@testable import Samsyn

/// A report's fields for the nämnd, its proposed decision, and the HTML its PDF is laid out
/// from (the PDF itself is read back in Tests/e2e/test_report_pdf.py).
@Suite struct ReportDocumentTests {
    static func report(_ frontMatter: String, body: String = "## Bakgrund\n\nText.\n") -> String {
        "---\ntitle: Uppföljning 2025\naudience: [staff]\nyear: 2025\n\(frontMatter)---\n\n\(body)"
    }

    static let fields = """
        committee: Barn- och utbildningsnämnden
        case_number: BUN 2026/0107
        date: 2026-03-10
        prepared_by: [Barn- och utbildningsförvaltningen, Anna Andersson]
        decision: [Nämnden lägger rapporten till handlingarna.]

        """

    @Test func theFieldsForTheNämndAreReadAndShownOnThePage() throws {
        let fixture = try LoadedFixture(changing: ["content/rapport/r.md": Self.report(Self.fields)])
        defer { fixture.remove() }
        #expect(!fixture.log.sorted.contains { $0.location.path == "content/rapport/r.md" }, "\(fixture.log.sorted)")
        let page = try fixture.page("rapport/r.md")
        guard case .report(let report) = page.details else { Issue.record("not a report"); return }
        #expect(report.committee == "Barn- och utbildningsnämnden" && report.caseNumber == "BUN 2026/0107")
        #expect(report.date?.description == "2026-03-10" && report.preparedBy.count == 2 && report.decision.count == 1)
        let html = try fixture.renderer("intranat").renderPage(page, body: "", flow: nil)
        for text in ["Barn- och utbildningsnämnden", "BUN 2026/0107", "10 mars 2026", "Anna Andersson",
                     "<h2 id=\"beslutsforslag\">Förslag till beslut</h2>", "<li>Nämnden lägger rapporten till handlingarna.</li>"] {
            #expect(html.contains(text), "\(text)")
        }
        // No PDF was made here, so none is linked.
        #expect(!html.contains(".pdf"))
    }

    @Test func aDateThatIsNoDateIsAnErrorAtItsKey() throws {
        let fixture = try LoadedFixture(changing: ["content/rapport/r.md": Self.report("date: 10 mars 2026\n")])
        defer { fixture.remove() }
        let error = fixture.log.sorted.first { $0.location.path == "content/rapport/r.md" && $0.severity == .error }
        #expect(error?.location.line == 5, "\(String(describing: error))")
        #expect(error?.message.contains("YYYY-MM-DD") == true, "\(String(describing: error))")
    }

    @Test func theProposedDecisionIsShownOnceAndFirst() throws {
        let twice = try LoadedFixture(changing: ["content/rapport/r.md": Self.report(Self.fields, body: "## Förslag till beslut\n\nAtt lägga.\n")])
        defer { twice.remove() }
        var log = DiagnosticLog()
        _ = SiteChecks.run(on: twice.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        #expect(log.sorted.contains { $0.location.path == "content/rapport/r.md" && $0.location.line > 9 && $0.message.contains("shown twice") },
                "\(log.sorted)")

        let late = try LoadedFixture(changing: ["content/rapport/r.md": Self.report("", body: "## Bakgrund\n\nText.\n\n## Förslag till beslut\n\nAtt lägga.\n")])
        defer { late.remove() }
        log = DiagnosticLog()
        _ = SiteChecks.run(on: late.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        #expect(log.sorted.contains { $0.location.path == "content/rapport/r.md" && $0.message.contains("first section") }, "\(log.sorted)")

        let first = try LoadedFixture(changing: ["content/rapport/r.md": Self.report("", body: "## Förslag till beslut\n\nAtt lägga.\n\n## Bakgrund\n\nText.\n")])
        defer { first.remove() }
        log = DiagnosticLog()
        _ = SiteChecks.run(on: first.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        #expect(!log.sorted.contains { $0.location.path == "content/rapport/r.md" }, "\(log.sorted)")
    }

    @Test func theDocumentHasATitlePageContentsAndNoSiteFrame() throws {
        let fixture = try LoadedFixture(changing: ["content/rapport/r.md": Self.report(Self.fields, body: "## Bakgrund\n\nText.\n\n### Detaljer\n\nMer.\n")])
        defer { fixture.remove() }
        let page = try fixture.page("rapport/r.md")
        let renderer = try fixture.renderer("intranat")
        let html = renderer.documentHTML(for: page, body: "<h2 id=\"bakgrund\">Bakgrund</h2>", stylesheet: "h1 { color: black }",
                                         modified: nil)
        for text in ["<html lang=\"sv-SE\"", "<title>Uppföljning 2025</title>", "<meta name=\"dcterms.created\" content=\"2026-03-10\">",
                     "<base href=\"https://intranat.test.se/rapport/r/\">", "h1 { color: black }", "Sida \" counter(page) \" av \" counter(pages) \"",
                     "<a href=\"#bakgrund\">Bakgrund</a>", "<li class=\"level-3\"><a href=\"#detaljer\">Detaljer</a>", "BUN 2026/0107"] {
            #expect(html.contains(text), "\(text)")
        }
        for chrome in ["skip-link", "Huvudmeny", "samsyn.css", "search.js", "dcterms.modified"] {
            #expect(!html.contains(chrome), "\(chrome)")
        }
        #expect(renderer.documentHTML(for: page, body: "", stylesheet: "", modified: LocalDate("2026-11-24")).contains("dcterms.modified\" content=\"2026-11-24"))
        #expect(TargetRenderer.documentPath(of: page) == "rapport/r/r.pdf")
    }

    @Test func chartTextsBecomeTheFiguresAlternativeText() {
        let chart = "<svg role=\"img\" aria-labelledby=\"f-t f-d\">\n<title id=\"f-t\">Frånvaro per termin</title>\n"
            + "<desc id=\"f-d\">Linjediagram över frånvaro. Högst är VT 2012.</desc>\n<line/></svg>"
        #expect(TargetRenderer.chartDescriptionsInTitles(chart)
            == "<svg role=\"img\" aria-labelledby=\"f-t f-d\">\n<title id=\"f-t\">Frånvaro per termin. Linjediagram över frånvaro. Högst är VT 2012.</title>\n<line/></svg>")
        // Anything else is left as it is.
        let other = "<title id=\"x\">Utan beskrivning</title><p>Text</p>"
        #expect(TargetRenderer.chartDescriptionsInTitles(other) == other)
        let legend = "<ul class=\"chart-legend\"><li><svg viewBox=\"0 0 32 16\" aria-hidden=\"true\"><line/></svg>Borgsmoskolan</li></ul>"
        #expect(TargetRenderer.legendSymbolsNamed(legend)
            == "<ul class=\"chart-legend\"><li><svg viewBox=\"0 0 32 16\"><title>Borgsmoskolan</title><line/></svg>Borgsmoskolan</li></ul>")
    }

    @Test func fileSizesAreSaidAsAReaderSaysThem() {
        #expect(TargetRenderer.fileSize(120) == "1 kB")
        #expect(TargetRenderer.fileSize(162_499) == "162 kB")
        #expect(TargetRenderer.fileSize(1_249_000) == "1,2 MB")
    }
}
