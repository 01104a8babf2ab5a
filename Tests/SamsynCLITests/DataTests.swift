import Foundation
import Testing

/// Statistics end to end: what disclosure control withholds reaches no output file, and
/// bad data is reported where it is.
@Suite struct DataTests {
    /// Group sizes 7 and 4 are below the limit; their distinctive values must vanish.
    static let csv = """
        skola;termin;elever;andel_procent
        Haga;VT 2024;120;8,65
        Eneby;VT 2024;7;31,79
        Djäkne;VT 2024;45;5,02
        Ektorp;VT 2024;4;44,44
        Haga;HT 2024;118;7,10
        Eneby;HT 2024;9;27,27
        Djäkne;HT 2024;44;4,98
        Ektorp;HT 2024;12;3,33
        """

    func site(chart: String, csv: String = csv, sidecar: String? = "group_size: elever\n") throws -> SiteFixture {
        let site = try SiteFixture()
        try site.write("content/data/franvaro.csv", csv)
        if let sidecar { try site.write("content/data/franvaro.yml", sidecar) }
        try site.write("content/rapport/arsrapport.md", """
            ---
            title: Årsrapport
            audience: [politicians]
            year: 2024
            ---

            Inledning.

            \(chart)
            """)
        return site
    }

    static let lineChart = """
        ```chart
        type: line
        data: franvaro.csv
        x: termin
        y: andel_procent
        series: skola
        title: Frånvaro per skola
        source: Testdata
        ```
        """

    @Test func valuesFromSmallGroupsReachNoOutputFile() throws {
        let site = try site(chart: Self.lineChart + "\n\n```table\ndata: franvaro.csv\ntitle: Alla siffror\n```\n")
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        // Eneby (7, 9) and Ektorp's VT (4) are small; Ektorp's HT (12) would be alone in HT.
        #expect(result.stdout.contains("8 cells withheld"), "\(result.stdout)")
        let output = try allText(under: site.root.appendingPathComponent("public"))
        for hidden in ["31,79", "31.79", "44,44", "44.44", "27,27", "27.27", "3,33", "3.33", ">7<", ">4<", ">9<", ">12<"] {
            #expect(!output.contains(hidden), "\(hidden) was published")
        }
        let page = try site.read("public/intranat/rapport/arsrapport/index.html")
        #expect(page.contains("8,65\u{00A0}%"))
        #expect(page.contains(#"<td class="numeric">..</td>"#))
        #expect(page.contains(#"<td class="numeric">..*</td>"#))
        #expect(page.contains("<code>..</code> = färre än 10 elever, uppgiften visas inte"))
        #expect(page.contains("<code>..*</code> = visas inte för att en uppgift om en liten grupp inte ska kunna räknas fram"))
        #expect(page.contains("Figur 1."))
        #expect(page.contains("Tabell 1. Alla siffror"))
    }

    @Test func chartsSpeakTheLanguageOfTheirPage() throws {
        let site = try site(chart: Self.lineChart)
        try site.write("content/rapport/arsrapport.en.md", "---\ntitle: Annual report\n---\n\nIntroduction.\n\n" + Self.lineChart + "\n")
        #expect(try site.run("build").status == 0)
        let english = try site.read("public/intranat/en/rapport/arsrapport/index.html")
        #expect(english.contains("<span class=\"figure-number\">Figure 1.</span>"))
        #expect(english.contains("<code>..</code> = fewer than 10 pupils, not shown"))
        #expect(english.contains("<desc id=\"figur-1-beskrivning\">Line chart showing"))
        let swedish = try site.read("public/intranat/rapport/arsrapport/index.html")
        #expect(swedish.contains("<span class=\"figure-number\">Figur 1.</span>"))
    }


    @Test func minCellComesFromSiteYML() throws {
        let csv = "skola;elever;andel\nHaga;7;31,79\nEneby;4;44,44\nDjäkne;45;5,02\nEktorp;60;3,33\n"
        let site = try site(chart: "```table\ndata: franvaro.csv\ntitle: Alla\n```\n", csv: csv)
        let config = try site.read("content/site.yml") + "\nstatistics:\n  min_cell: 5\n"
        try site.write("content/site.yml", config)
        try site.build()
        let page = try site.read("public/intranat/rapport/arsrapport/index.html")
        #expect(page.contains(#"<th scope="row">Haga</th><td class="numeric">..*</td>"#), "7 pupils is enough when min_cell is 5, but Haga protects Eneby")
        #expect(page.contains(#"<th scope="row">Eneby</th><td class="numeric">..</td>"#))
        #expect(page.contains("5,02"))
        #expect(!page.contains("44,44") && !page.contains("31,79"))
        #expect(page.contains("färre än 5 elever"))
    }

    @Test func chartNamingAMissingColumnIsAnErrorWithASuggestion() throws {
        let site = try site(chart: Self.lineChart.replacingOccurrences(of: "y: andel_procent", with: "y: andel_procnt"))
        let result = try site.run("build")
        #expect(result.status == 1)
        // The chart's YAML starts on line 10 of the page; y is its fourth line.
        #expect(result.diagnostics.contains("content/rapport/arsrapport.md:13:4: error: no column 'andel_procnt' (did you mean 'andel_procent'?)"), "\(result.stderr)")
    }

    @Test func chartNamingAMissingFileIsAnError() throws {
        let site = try site(chart: Self.lineChart.replacingOccurrences(of: "data: franvaro.csv", with: "data: franvar.csv"))
        let result = try site.run("build")
        #expect(result.diagnostics.contains("content/rapport/arsrapport.md:11:7: error: no data file 'content/data/franvar.csv' (did you mean 'franvaro.csv'?)"), "\(result.stderr)")
    }

    @Test func unknownChartTypeIsAnError() throws {
        let site = try site(chart: Self.lineChart.replacingOccurrences(of: "type: line", with: "type: pie"))
        let result = try site.run("build")
        #expect(result.stderr.contains("content/rapport/arsrapport.md:10:7: error: unknown chart type 'pie'"), "\(result.stderr)")
    }

    @Test func rowWithTheWrongNumberOfFieldsIsAnError() throws {
        let site = try site(chart: Self.lineChart, csv: Self.csv.replacingOccurrences(of: "Djäkne;VT 2024;45;5,02", with: "Djäkne;VT 2024;45"))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/data/franvaro.csv:4:1: error: the row has 3 fields, but the header names 4 columns"), "\(result.stderr)")
    }

    @Test func unreadableNumberIsAnErrorAtItsCell() throws {
        let site = try site(chart: Self.lineChart, csv: Self.csv.replacingOccurrences(of: "Haga;HT 2024;118;7,10", with: "Haga;HT 2024;118;7,1O"))
        let result = try site.run("build")
        #expect(result.diagnostics.contains("content/data/franvaro.csv:6:18: error: '7,1O' is not a number, but the column 'andel_procent' holds numbers"), "\(result.stderr)")
    }

    @Test func personalIdentityNumberInDataStopsTheBuild() throws {
        let site = try site(chart: Self.lineChart, csv: Self.csv.replacingOccurrences(of: "Eneby;VT 2024", with: "201212121212;VT 2024"))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/data/franvaro.csv:3:1: error: this looks like a personal identity number (20121212XXXX); personal data must never be published"), "\(result.stderr)")
        #expect(!site.exists("public"))
    }

    @Test func columnNamingPeopleStopsTheBuild() throws {
        let site = try site(chart: Self.lineChart, csv: Self.csv.replacingOccurrences(of: "skola;termin", with: "elevens_namn;termin"))
        let result = try site.run("build")
        #expect(result.diagnostics.contains("content/data/franvaro.csv:1:1: error: the column 'elevens_namn' looks like it holds names ('namn' is Swedish for 'name'); personal data must never be published. If it holds something else, give it a name that says what"), "\(result.stderr)")
    }

    @Test func windows1252WithCRLFAndABOMlessExportIsRead() throws {
        // "Råsslaskolan" and a decimal comma, as an old Excel export writes them.
        var bytes = Data("skola;andel\r\nR".utf8)
        bytes.append(0xE5)
        bytes.append(contentsOf: Data("sslaskolan;12,5\r\nHaga;3,25\r\n".utf8))
        let site = try site(chart: "```chart\ntype: bar\ndata: export.csv\nx: skola\ny: andel\nunit: percent\ntitle: Andel\n```\n")
        try site.write("content/data/export.csv", bytes)
        try site.write("content/data/export.yml", "group_size: none\nreason: Andelar av lektioner.\n")
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("public/intranat/rapport/arsrapport/index.html")
        #expect(page.contains(#"<th scope="row">Råsslaskolan</th><td class="numeric">12,50"# + "\u{00A0}%</td>"))
    }
}
