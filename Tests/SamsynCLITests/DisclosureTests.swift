import Foundation
import Testing

/// Disclosure control attacked through the tool: every way found to publish a value from a
/// small group, or one that can be worked out from a total, ends with the value in no
/// output file (HTML, SVG, search index, sitemap).
@Suite struct DisclosureTests {
    /// A report page showing `body` over the CSV files given (name → text), each with the
    /// sidecar given for it (nil: none written).
    func site(files: [String: (csv: String, sidecar: String?)], body: String, page: String = "arsrapport") throws -> SiteFixture {
        let site = try SiteFixture()
        for (name, file) in files {
            try site.write("content/data/\(name).csv", file.csv)
            if let sidecar = file.sidecar { try site.write("content/data/\(name).yml", sidecar) }
        }
        try site.write("content/rapport/\(page).md", "---\ntitle: Rapport \(page)\naudience: [politicians, guardians]\nyear: 2024\n---\n\nInledning.\n\n\(body)\n")
        return site
    }

    func output(_ site: SiteFixture) throws -> String {
        try allText(under: site.root.appendingPathComponent("public"))
    }

    static func table(_ data: String, extra: String = "") -> String {
        "```table\ndata: \(data).csv\ntitle: Siffror\n\(extra)```\n"
    }

    static func chart(_ data: String, x: String, y: String, extra: String = "") -> String {
        "```chart\ntype: bar\ndata: \(data).csv\nx: \(x)\ny: \(y)\ntitle: Diagram\n\(extra)```\n"
    }

    /// The case that started it: a Swedish Excel export with a school of 6 pupils, charted
    /// without a sidecar, published 16,7 % and named it as the highest value.
    @Test func aDataFileThatDoesNotSayWhatItsRowsCountIsAnError() throws {
        let csv = "\u{FEFF}skola;elever;andel_procent\r\nHaga;120;8,3 %\r\nEneby;6;16,7 %\r\nDjäkne;45;4,4 %\r\n"
        let site = try site(files: ["export": (csv, nil)], body: Self.chart("export", x: "skola", y: "andel_procent"))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.hasPrefix("content/data/export.csv:1:1: error: 'export.csv' does not say what its rows count")
            && $0.contains("content/data/export.yml") && $0.contains("the columns of whole numbers are 'elever'") }, "\(result.stderr)")
        #expect(!site.exists("public"))
        #expect(try site.run("check").status == 1)
    }

    @Test func groupSizeNoneNeedsAReason() throws {
        let site = try site(files: ["skolor": ("omrade;antal_skolor\nNorr;4\n", "group_size: none\n")], body: Self.table("skolor"))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.hasPrefix("content/data/skolor.yml:1:13: error: 'group_size: none' needs a 'reason'") }, "\(result.stderr)")
    }

    @Test func aSidecarWithoutGroupSizeIsAnErrorAndAMisspeltKeyIsNamed() throws {
        let site = try site(files: ["skolor": ("omrade;elever\nNorr;40\n", "groupsize: elever\n")], body: Self.table("skolor"))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/data/skolor.yml:1:1: error: unknown key 'groupsize' in a data file's sidecar (did you mean 'group_size'?)"), "\(result.stderr)")
        #expect(result.diagnostics.contains { $0.hasPrefix("content/data/skolor.yml:1:1: error: the sidecar does not say what the rows of 'skolor.csv' count") })
    }

    @Test func figuresAboutNoGroupOfPeopleArePublishedWithAReason() throws {
        let sidecar = "group_size: none\nreason: Antal skolor per område.\n"
        let site = try site(files: ["skolor": ("omrade;antal_skolor\nNorr;4\nSöder;3\n", sidecar)], body: Self.table("skolor"))
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try site.read("public/webb/rapport/arsrapport/index.html").contains(#"<th scope="row">Söder</th><td class="numeric">3</td>"#))
    }

    /// A block's own group_size used to replace the sidecar's, and a withheld row (4 pupils,
    /// 57,3 %) appeared beside its own `..`.
    @Test func aBlockCannotLoosenTheSidecar() throws {
        let csv = "skola;elever;elever_kommun;andel\nA;25;900;10,1\nB;40;900;20,2\nC;30;900;30,3\nD;4;900;57,3\n"
        let body = Self.table("andel", extra: "group_size: elever_kommun\n") + "\n" + Self.chart("andel", x: "skola", y: "andel", extra: "group_size: elever_kommun\n")
        let site = try site(files: ["andel": (csv, "group_size: elever\n")], body: body)
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try output(site)
        for hidden in ["57,3", "57.3", "10,1", "10.1"] { #expect(!text.contains(hidden), "\(hidden) was published") }
        #expect(text.contains("20,2"))
    }

    @Test func aBlockMayMakeItStricter() throws {
        let csv = "skola;elever;med_franvaro;andel\nA;50;4;8,8\nB;60;20;33,3\nC;70;30;42,9\n"
        let site = try site(files: ["franvaro": (csv, "group_size: elever\n")], body: Self.table("franvaro", extra: "group_size: med_franvaro\n"))
        #expect(try site.run("build").status == 0)
        let text = try output(site)
        for hidden in ["8,8", "33,3"] { #expect(!text.contains(hidden), "\(hidden) was published") }
        #expect(text.contains("42,9"))
    }

    @Test func textInASmallGroupsRowIsWithheldButItsLabelStays() throws {
        let csv = "skola;elever;andel;kommentar\nHaga;50;10,5;Ny rektor\nEneby;4;57,3;Fyra elever varav tre med hög frånvaro\nDjäkne;30;20,5;Inget att notera\n"
        let site = try site(files: ["franvaro": (csv, "group_size: elever\n")], body: Self.table("franvaro"))
        #expect(try site.run("build").status == 0)
        let text = try output(site)
        #expect(!text.contains("Fyra elever"))
        #expect(!text.contains("Inget att notera"), "Djäkne's row protects Eneby's, comment included")
        #expect(text.contains("Ny rektor"))
        #expect(text.contains(#"<th scope="row">Eneby</th>"#))
    }

    /// 99 − 25 − 40 − 30 = 4: a total under any name, with a text column of its own, or in
    /// another file shown on another page, must not give the withheld count away.
    @Test(arguments: [
        "skola;elever;andel\nA;25;11,1\nB;40;22,2\nC;30;33,3\nD;4;57,3\nSumma kommunen;99;30,0\n",
        "skola;typ;elever;andel\nA;skola;25;11,1\nB;skola;40;22,2\nC;skola;30;33,3\nD;skola;4;57,3\nKommunen;summa;99;30,0\n",
    ])
    func aTotalUnderAnyNameCannotRevealAWithheldValue(csv: String) throws {
        let site = try site(files: ["elever": (csv, "group_size: elever\n")], body: Self.table("elever"))
        #expect(try site.run("build").status == 0)
        let text = try output(site)
        for hidden in [">4<", "57,3", ">25<", "11,1"] { #expect(!text.contains(hidden), "\(hidden) was published") }
        #expect(text.contains(">99<") && text.contains(">40<"))
    }

    @Test func aTotalInAnotherFileOnAnotherPageCannotRevealAWithheldValue() throws {
        let schools = "skola;elever;andel\nA;25;11,1\nB;40;22,2\nC;30;33,3\nD;4;57,3\n"
        let total = "kommun;elever\nExempelkommun;99\n"
        let site = try site(files: ["skolor": (schools, "group_size: elever\n"), "kommunen": (total, "group_size: elever\n")],
                            body: Self.table("skolor"))
        try site.write("content/rapport/kommunen.md", "---\ntitle: Kommunen\naudience: [politicians]\nyear: 2024\n---\n\n" + Self.table("kommunen") + "\n")
        #expect(try site.run("build").status == 0)
        let text = try output(site)
        #expect(text.contains(">99<"))
        for hidden in [">4<", ">25<"] { #expect(!text.contains(hidden), "\(hidden) was published") }
    }

    /// A school of 287 withheld to protect a small one is not noted as having fewer than 10.
    @Test func theNoteSaysWhyEachValueIsWithheld() throws {
        let csv = "skola;elever;andel\nA;287;11,1\nB;400;22,2\nD;6;57,3\n"
        let site = try site(files: ["elever": (csv, "group_size: elever\n")], body: Self.table("elever"))
        #expect(try site.run("build").status == 0)
        let page = try site.read("public/webb/rapport/arsrapport/index.html")
        #expect(page.contains(#"<th scope="row">A</th><td class="numeric">..*</td><td class="numeric">..*</td>"#), "\(page)")
        #expect(page.contains(#"<th scope="row">D</th><td class="numeric">..</td><td class="numeric">..</td>"#))
        #expect(page.contains("<code>..</code> = färre än 10 elever, uppgiften visas inte"))
        #expect(page.contains("<code>..*</code> = visas inte för att en uppgift om en liten grupp inte ska kunna räknas fram"))
    }

    /// 60 % and 32 % would give the withheld 8 % away: the table and the description follow the drawing.
    @Test func aPercentStackWithAWithheldPartHidesTheWholeStackEverywhere() throws {
        let csv = "skola;grupp;elever;andel\nA;flickor;30;60,4\nA;pojkar;25;31,6\nA;uppgift saknas;4;8,0\nB;flickor;40;45,5\nB;pojkar;38;43,2\nB;uppgift saknas;12;11,3\n"
        let chart = "```chart\ntype: stacked-bar\npercent: true\ndata: andelar.csv\nx: skola\ny: andel\nseries: grupp\ntitle: Andelar\n```\n"
        let site = try site(files: ["andelar": (csv, "group_size: elever\n")], body: chart)
        #expect(try site.run("build").status == 0)
        let text = try output(site)
        for hidden in ["60,4", "31,6", "8,0"] { #expect(!text.contains(hidden), "\(hidden) was published") }
    }
}

/// Years written as numbers are no labels by default: the sidecar makes them text or names the labels.
@Suite struct DisclosureLabelTests {
    static let csv = "ar;elever;andel\n2021;5;40,5\n2022;8;50,5\n2023;40;60,5\n2024;45;70,5\n"
    static let chart = "```chart\ntype: line\ndata: ar.csv\nx: ar\ny: andel\ntitle: Per år\n```\n"

    func site(sidecar: String) throws -> SiteFixture {
        let site = try SiteFixture()
        try site.write("content/data/ar.csv", Self.csv)
        try site.write("content/data/ar.yml", sidecar)
        try site.write("content/rapport/arsrapport.md", "---\ntitle: Rapport\naudience: [politicians]\nyear: 2024\n---\n\nText.\n\n" + Self.chart)
        return site
    }

    @Test func withoutLabelsWithheldYearsCollideAndTheErrorSaysWhatToDo() throws {
        let result = try site(sidecar: "group_size: elever\n").run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.contains("make it text ('columns: {ar: {type: text}}', as for a year) or name the columns that label rows ('labels: [ar]')") }, "\(result.stderr)")
    }

    @Test(arguments: ["group_size: elever\ncolumns: {ar: {type: text}}\n", "group_size: elever\nlabels: [ar]\n"])
    func labelsKeepTheYearAndWithholdTheValues(sidecar: String) throws {
        let site = try site(sidecar: sidecar)
        try site.build()
        let page = try site.read("public/intranat/rapport/arsrapport/index.html")
        #expect(page.contains(">2021<") || page.contains(">2\u{00A0}021<"), "the withheld year keeps its label")
        #expect(page.contains("70,5"))
        for hidden in ["40,5", "50,5"] { #expect(!page.contains(hidden), "\(hidden) was published") }
    }

    @Test func aGroupSizeColumnCannotBeALabel() throws {
        let result = try site(sidecar: "group_size: elever\nlabels: [ar, elever]\n").run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.contains("the column 'elever' holds group sizes, so it cannot be a label") }, "\(result.stderr)")
    }
}
