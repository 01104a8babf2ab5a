import Foundation
import SamsynCharts
import SamsynData
import Testing
@testable import Samsyn

/// Indicators: front matter, values from a CSV or a Kolada file through disclosure
/// control, status against targets, the page and the overview; and what bad input gives.
@Suite struct IndicatorTests {
    static let csv = """
        skola;termin;elever;ogiltig_procent
        Kommunen;VT 2012;2900;4,58
        Kommunen;HT 2012;2900;3,20
        Kommunen;VT 2013;2950;3,50
        Kommunen;VT 2014;2956;2,82
        Liten skola;VT 2012;8;9,10
        Liten skola;VT 2014;8;7,00
        Borgsmo;VT 2012;400;8,65
        Borgsmo;VT 2014;410;3,00
        """
    static let sidecar = "group_size: elever\ncolumns:\n  ogiltig_procent: {type: percent, label: Ogiltig frånvaro}\n"

    static func indicator(_ frontMatter: String, body: String = "Analysen.") -> String {
        "---\ntitle: Ogiltig frånvaro\naudience: [staff, politicians]\n" + frontMatter + "\n---\n\n" + body + "\n"
    }

    static let valid = indicator("""
        definition: Andel ogiltigt frånvarande lektionstimmar.
        unit: percent
        better: lower
        source: Alla barn i skolan, tabell 2
        data: ogiltig.csv
        period: termin
        value: ogiltig_procent
        where: {skola: Kommunen}
        compare: {Borgsmo: {skola: Borgsmo}}
        baseline: {period: VT 2012, value: 4.58}
        targets: {VT 2015: 2.5}
        owner: rektor
        """)

    static func fixture(_ indicator: String = valid, extra: [String: String] = [:]) throws -> LoadedFixture {
        try LoadedFixture(changing: [
            "content/data/ogiltig.csv": csv, "content/data/ogiltig.yml": sidecar, "content/indikatorer/ogiltig.md": indicator,
        ].merging(extra) { $1 })
    }

    @Test func valuesComeFromTheDataWithTheStatusAgainstTheTarget() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        #expect(!fixture.log.hasErrors, "\(fixture.log.sorted)")
        let info = try #require(try fixture.page("indikatorer/ogiltig.md").indicator)
        let values = try #require(fixture.site.indicators["ogiltig"])
        #expect(values.own.points.map(\.period.description) == ["VT 2012", "HT 2012", "VT 2013", "VT 2014"])
        #expect(values.latest?.period.description == "VT 2014" && values.previous?.period.description == "VT 2013")
        #expect(abs((values.latest?.value.number ?? 0) - 2.82) < 1e-9, "\(String(describing: values.latest))")
        #expect(values.comparisons.map(\.name) == ["Borgsmo"] && values.comparisons[0].points.count == 2)
        #expect(values.target(in: info)?.period.description == "VT 2015")
        // 2,82 is above the target 2,5 but closer to it than 3,50 was.
        #expect(values.status(in: info) == .approaching)
        #expect(abs(values.changeSincePrevious! - (2.82 - 3.50)) < 1e-9)
        #expect(abs(values.changeSinceBaseline(in: info)! - (2.82 - 4.58)) < 1e-9)
    }

    @Test func theStatusFollowsWhichWayIsBetter() throws {
        func status(better: String, target: String) throws -> IndicatorValues.Status? {
            let text = Self.valid.replacingOccurrences(of: "better: lower", with: "better: \(better)")
                .replacingOccurrences(of: "targets: {VT 2015: 2.5}", with: "targets: {VT 2015: \(target)}")
            let fixture = try Self.fixture(text)
            defer { fixture.remove() }
            let info = try #require(try fixture.page("indikatorer/ogiltig.md").indicator)
            return fixture.site.indicators["ogiltig"]?.status(in: info)
        }
        #expect(try status(better: "lower", target: "3") == .reached)
        #expect(try status(better: "lower", target: "2.5") == .approaching)
        #expect(try status(better: "higher", target: "4") == .notReached)
        #expect(try status(better: "higher", target: "2") == .reached)
        // 3,50 met a target of 3; 2,82 does not and is not "approaching" it.
        #expect(try status(better: "higher", target: "3") == .notReached)
    }

    @Test func aSmallGroupsValueIsWithheldAndTheStatusSaysSo() throws {
        let text = Self.valid.replacingOccurrences(of: "where: {skola: Kommunen}", with: "where: {skola: Liten skola}")
        let fixture = try Self.fixture(text)
        defer { fixture.remove() }
        let info = try #require(try fixture.page("indikatorer/ogiltig.md").indicator)
        let values = try #require(fixture.site.indicators["ogiltig"])
        #expect(values.own.points.allSatisfy { $0.value.isWithheld })
        #expect(values.status(in: info) == .noData)
        let html = try fixture.renderer("intranat").renderPage(try fixture.page("indikatorer/ogiltig.md"), body: "", flow: nil)
        // Neither value of the small group, in the facts, the table or the description.
        for value in ["9,10", "9,1\u{00A0}%", ">9,1<", "7,00", "7,0\u{00A0}%", ">7<"] {
            #expect(!html.contains(value), "\(value)")
        }
        #expect(html.contains("saknar uppgift"))
    }

    @Test func thePageShowsTheSeriesTheTargetAndTheStatusInWords() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let renderer = try fixture.renderer("intranat")
        let html = renderer.renderPage(try fixture.page("indikatorer/ogiltig.md"), body: "<p>Analysen.</p>", flow: nil)
        for text in ["Senaste värde", "2,82\u{00A0}% (VT 2014)", "2,50\u{00A0}% (VT 2015)", "närmar sig", "status-approaching",
                     "−0,68\u{00A0}procentenheter", "Förändring sedan utgångsläget (VT 2012)", "−1,76\u{00A0}procentenheter",
                     "Ett lägre värde är bättre", "Alla barn i skolan, tabell 2", "<figure class=\"chart chart-line\" id=\"figur-1\"",
                     ">Borgsmo<", ">Mål<"] {
            #expect(html.contains(text), "\(text)")
        }
        // The target is drawn a year after the last measurement, not one step further along.
        let svg = try #require(html.components(separatedBy: "<svg").dropFirst().first)
        #expect(svg.contains("VT 2015"))
    }

    @Test func theOverviewListsEveryIndicatorWithItsStatus() throws {
        let second = Self.valid.replacingOccurrences(of: "title: Ogiltig frånvaro", with: "title: Frånvaro i Borgsmo")
            .replacingOccurrences(of: "where: {skola: Kommunen}", with: "where: {skola: Borgsmo}")
            .replacingOccurrences(of: "compare: {Borgsmo: {skola: Borgsmo}}\n", with: "")
        let fixture = try Self.fixture(extra: ["content/indikatorer/borgsmo.md": second])
        defer { fixture.remove() }
        let renderer = try fixture.renderer("intranat")
        let section = try #require(renderer.view.sections.first { $0.name == "indikatorer" })
        let html = renderer.renderSection(section)
        #expect(html.contains("<h1>Indikatorer</h1>"))
        // Borgsmo's VT 2014 is withheld so that the small school's cannot be worked out
        // (secondary suppression): its latest value is `..*` and its status "saknar uppgift".
        for text in ["Ogiltig frånvaro", "2,82\u{00A0}% (VT 2014)", "närmar sig", "−0,68\u{00A0}procentenheter",
                     "Frånvaro i Borgsmo", "..* (VT 2014)", "saknar uppgift"] {
            #expect(html.contains(text), "\(text)")
        }
    }

    @Test func aKoladaFileIsADataSourceAndNamedAsTheSource() throws {
        let kolada = """
            {"values": [
              {"kpi": "N15419", "municipality": "0581", "period": 2022, "values": [{"gender": "K", "count": 1, "status": "", "value": 75.0}, {"gender": "T", "count": 1, "status": "", "value": 73.2}]},
              {"kpi": "N15419", "municipality": "0581", "period": 2023, "values": [{"gender": "T", "count": 1, "status": "", "value": 67.4}]},
              {"kpi": "N15419", "municipality": "0000", "period": 2023, "values": [{"gender": "T", "count": 1, "status": "", "value": 72.0}]}
            ], "count": 3}
            """
        let meta = #"{"values": [{"id": "N15419", "title": "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "description": "…"}]}"#
        let indicator = Self.indicator("""
            definition: Andel elever i årskurs 9 med godkända betyg i alla ämnen.
            unit: percent
            better: higher
            data: kolada-n15419.json
            kpi: N15419
            municipality: "0581"
            compare: {Riket: "0000"}
            targets: {2025: 75}
            """)
        let fixture = try LoadedFixture(changing: ["content/data/kolada-n15419.json": kolada, "content/data/kolada-n15419-kpi.json": meta,
                                                   "content/indikatorer/godkanda.md": indicator])
        defer { fixture.remove() }
        #expect(!fixture.log.hasErrors, "\(fixture.log.sorted)")
        let values = try #require(fixture.site.indicators["godkanda"])
        #expect(values.own.points.map(\.value) == [.value(73.2), .value(67.4)])
        #expect(values.comparisons.first?.points.map(\.value) == [.value(72.0)])
        #expect(values.source == "Kolada, N15419 Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)")
        let html = try fixture.renderer("intranat").renderPage(try fixture.page("indikatorer/godkanda.md"), body: "", flow: nil)
        #expect(html.contains("Källa: Kolada, N15419"))
        #expect(html.contains("inte nått"))
    }

    /// Each kind of bad input: an error (or a warning) at the front matter key, with file,
    /// line and column.
    @Test(arguments: [
        ("data: saknas.csv", "data: ogiltig.csv", "no data file 'content/data/saknas.csv'", 8),
        ("value: ogiltig_proc", "value: ogiltig_procent", "no column 'ogiltig_proc' (did you mean 'ogiltig_procent'?)", 10),
        ("better: högre", "better: lower", "unknown better 'högre'; use higher, lower", 6),
        ("unit: procent", "unit: percent", "unknown unit 'procent'; use percent, number, rating (did you mean 'percent'?)", 5),
        ("targets: {VT 2016x: 2.5}", "targets: {VT 2015: 2.5}", "'VT 2016x' is not a period; write a year (2025), a school year (2024/25), a term (HT 2024, VT 2025), weeks (v 45-48 2012) or a date (2025-05-15)", 14),
        ("where: {skola: Ingen}", "where: {skola: Kommunen}", "no rows of 'ogiltig.csv' match this indicator's 'where'", 11),
        ("owner: rektorn", "owner: rektor", "unknown role 'rektorn' (did you mean 'rektor'?)", 15),
        ("compare: {Borgsmo: Borgsmo}", "compare: {Borgsmo: {skola: Borgsmo}}", "a comparison of a CSV's rows is a filter, as 'where' is: 'compare: {Borgsmo: {skola: Borgsmo}}'", 12),
    ])
    func badInputIsAnErrorWhereItIsWritten(_ bad: String, _ good: String, _ message: String, _ line: Int) throws {
        let fixture = try Self.fixture(Self.valid.replacingOccurrences(of: good, with: bad))
        defer { fixture.remove() }
        var log = fixture.log
        _ = SiteChecks.run(on: fixture.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        let found = log.sorted.first { $0.message == message }
        #expect(found != nil, "\(log.sorted.map(\.message))")
        #expect(found?.location.path == "content/indikatorer/ogiltig.md" && found?.location.line == line, "\(String(describing: found?.location))")
    }

    @Test func aTargetForAPeriodTheDataLacksIsAWarning() throws {
        let fixture = try Self.fixture(Self.valid.replacingOccurrences(of: "targets: {VT 2015: 2.5}", with: "targets: {HT 2013: 3, VT 2015: 2.5}"))
        defer { fixture.remove() }
        #expect(fixture.log.sorted.contains { $0.severity == .warning && $0.message.hasPrefix("the data has no value for HT 2013") })
        #expect(!fixture.log.hasErrors)
    }

    @Test func aMalformedKoladaFileIsAnErrorAtTheFile() throws {
        let indicator = Self.indicator("definition: x\nunit: percent\nbetter: higher\ndata: kolada-x.json\nkpi: N1\nmunicipality: \"0581\"")
        let fixture = try LoadedFixture(changing: ["content/data/kolada-x.json": "{\"values\": [{\"kpi\": 5}]}", "content/indikatorer/x.md": indicator])
        defer { fixture.remove() }
        let error = fixture.log.sorted.first { $0.location.path == "content/data/kolada-x.json" }
        #expect(error?.message.hasPrefix("this is not Kolada's data as its API returns it") == true, "\(fixture.log.sorted)")
    }

    @Test func inlineValuesComeFromTheIndicators() throws {
        let page = "---\ntitle: Rapport\naudience: [politicians]\nyear: 2014\n---\n\n"
            + "Frånvaron var `=ogiltig` senast, mot `=ogiltig VT 2012` innan arbetet började: `=ogiltig VT 2012..VT 2014`.\n\n## Koden `=ogiltig` i en rubrik\n"
        let fixture = try Self.fixture(extra: ["content/rapport/r.md": page])
        defer { fixture.remove() }
        #expect(!fixture.log.hasErrors, "\(fixture.log.sorted)")
        let renderer = try fixture.renderer("intranat")
        let report = try fixture.page("rapport/r.md")
        let body = renderer.renderBody(of: report, links: [])
        #expect(body.contains("Frånvaron var 2,82\u{00A0}% senast, mot 4,58\u{00A0}% innan arbetet började: −1,76\u{00A0}procentenheter."), "\(body)")
        // In a heading, whose id is made from its text, a code span stays one.
        #expect(body.contains("<code>=ogiltig</code>"))
    }

    @Test(arguments: [
        ("`=ogiltg`", "no indicator 'ogiltg' for `=ogiltg` (did you mean 'ogiltig'?)", 9),
        ("`=ogiltig HT 2014`", "the indicator 'ogiltig' has no value for HT 2014; it has VT 2012, HT 2012, VT 2013, VT 2014 (did you mean 'HT 2012'?)", 9),
        ("`=ogiltig VT20`", IndicatorInfo.periodMessage("VT20"), 9),
        ("`=ogiltig VT 2012..HT 2016`", "the indicator 'ogiltig' has no value for HT 2016; it has VT 2012, HT 2012, VT 2013, VT 2014 (did you mean 'HT 2012'?)", 9),
    ])
    /// The column is that of the `=`, where the span's text starts.
    func anInlineValueThatResolvesToNothingIsAnErrorAtTheSpan(_ span: String, _ message: String, _ column: Int) throws {
        let page = "---\ntitle: Rapport\naudience: [politicians]\n---\n\nVärdet " + span + " här.\n"
        let fixture = try Self.fixture(extra: ["content/rapport/r.md": page])
        defer { fixture.remove() }
        let error = fixture.log.sorted.first { $0.location.path == "content/rapport/r.md" }
        #expect(error?.message == message, "\(fixture.log.sorted)")
        #expect(error?.location.line == 6 && error?.location.column == column, "\(String(describing: error?.location))")
    }
}
