import Foundation
import Testing

/// Personal identity numbers, attacked through the tool: every form a reader would still
/// recognise, in every kind of input file and in file names, stops the build at its file,
/// line and column, and nothing is written.
@Suite struct PersonalDataTests {
    func expectStopped(_ site: SiteFixture, at location: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try site.run("build")
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.diagnostics.contains { $0.hasPrefix(location + ": error: ") && $0.contains("personal identity number") },
                "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!site.exists("public"), "nothing is published", sourceLocation: sourceLocation)
    }

    /// The page's body starts on line 6 (after four lines of front matter and a blank line).
    static func guardianPage(_ body: String) -> String {
        "---\ntitle: Frånvaro\naudience: [guardians]\n---\n\n\(body)\n"
    }

    @Test(arguments: [
        ("Eleven 19121212 1212 har frånvaro.", 6, 8),
        ("Eleven 19121212\u{00A0}1212 har frånvaro.", 6, 8),
        ("Eleven 19121212\u{2013}1212 har frånvaro.", 6, 8),
        ("Eleven 19121212\u{2011}1212 har frånvaro.", 6, 8),
        ("Eleven 19121212-\n1212 har frånvaro.", 6, 8),
        ("Eleven 19121212-**1212** har frånvaro.", 6, 8),
        ("Eleven 1912<b>1212</b>-1212 har frånvaro.", 6, 8),
        ("Eleven 1912121&#50;-1212 har frånvaro.", 6, 8),
        ("Eleven 19121212\\-1212 har frånvaro.", 6, 8),
        ("Eleven １９１２１２１２-１２１２ har frånvaro.", 6, 8),
        ("Eleven ١٩١٢١٢١٢-١٢١٢ har frånvaro.", 6, 8),
        ("Eleven 1912\u{200B}1212-1212 har frånvaro.", 6, 8),
        ("Eleven 19121\u{00AD}212-1212 har frånvaro.", 6, 8),
        ("Text.\n\n| Elev | Nummer |\n| --- | --- |\n| A | 121212-1212 |", 10, 7),
    ])
    func everyFormInAPageStopsTheBuild(body: String, line: Int, column: Int) throws {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/franvaro.md", Self.guardianPage(body))
        try expectStopped(site, at: "content/vardnadshavare/franvaro.md:\(line):\(column)")
    }

    @Test func aNumberInFrontMatterWithAYAMLEscapeStopsTheBuild() throws {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/franvaro.md", "---\ntitle: \"Elev 1912121\\x32-1212\"\naudience: [guardians]\n---\n\nText.\n")
        try expectStopped(site, at: "content/vardnadshavare/franvaro.md:2:14")
    }

    /// Apart, `19121212-12` and a link's text `12` are harmless; the built page joins them.
    @Test func aNumberThatOnlyTheRenderingPutsTogetherStopsTheBuild() throws {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/franvaro.md", Self.guardianPage("Eleven 19121212-12[12](../vardnadshavare/franvaro.en.md) har frånvaro."))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.hasPrefix("content/vardnadshavare/franvaro.md: error: the page as built holds what looks like a personal identity number (19121212-XXXX)") }, "\(result.stderr)")
        #expect(!site.exists("public"))
    }

    @Test(arguments: ["content/vardnadshavare/19121212-1212.md", "content/19121212-1212/franvaro.md", "content/data/elev-121212-1212.csv"])
    func aNumberInAFileOrFolderNameStopsTheBuild(path: String) throws {
        let site = try SiteFixture()
        try site.write(path, path.hasSuffix(".csv") ? "skola;antal\nA;12\n" : Self.guardianPage("Text."))
        try expectStopped(site, at: path.hasPrefix("content/19121212-1212/") ? "content/19121212-1212" : path)
    }

    @Test func aNumberInASidecarStopsTheBuild() throws {
        let site = try SiteFixture()
        try site.write("content/data/skolor.csv", "omrade;antal_skolor\nNorr;4\n")
        try site.write("content/data/skolor.yml", "group_size: none\nreason: Sammanställd av 19121212 1212.\n")
        try expectStopped(site, at: "content/data/skolor.yml:2:25")
    }

    @Test func aNumberInSiteYMLStopsTheBuild() throws {
        let site = try SiteFixture()
        try site.write("content/site.yml", try site.read("content/site.yml").replacingOccurrences(of: "title: Testkommun", with: "title: Testkommun 121212&ndash;1212"))
        try expectStopped(site, at: "content/site.yml:1:19")
    }

    @Test func aNumberInInterfaceTextStopsTheBuild() throws {
        let site = try SiteFixture()
        try site.write("templates/i18n/sv.yml", try site.read("templates/i18n/sv.yml") + "\n  extra: \"Kontakt 19121212\\u20131212\"\n")
        let lines = try site.read("templates/i18n/sv.yml").split(separator: "\n", omittingEmptySubsequences: false).count
        try expectStopped(site, at: "templates/i18n/sv.yml:\(lines - 1):19")
    }

    @Test func aNumberInATemplateStopsTheBuild() throws {
        let site = try SiteFixture()
        try site.write("templates/partials/footer.mustache", "<p>19121212-<span>1212</span></p>\n" + (try site.read("templates/partials/footer.mustache")))
        try expectStopped(site, at: "templates/partials/footer.mustache:1:4")
    }

    @Test func aNumberInACSVCellWithANoBreakSpaceStopsTheBuild() throws {
        let site = try SiteFixture()
        try site.write("content/data/elever.csv", "skola;elev;antal\nA;19121212\u{00A0}1212;12\n")
        try site.write("content/data/elever.yml", "group_size: antal\n")
        try expectStopped(site, at: "content/data/elever.csv:2:3")
    }

    /// Headers that once passed and published names.
    @Test(arguments: ["firstname", "fullname", "Pers.nr", "person_nr", "Personal identity number", "Nimi", "Magaca", "الاسم"])
    func aColumnNamingPeopleStopsTheBuild(header: String) throws {
        let site = try SiteFixture()
        try site.write("content/data/elever.csv", "skola;\(header);antal\nA;Anna Andersson;12\n")
        try site.write("content/data/elever.yml", "group_size: antal\n")
        try site.write("content/rapport/arsrapport.md", "---\ntitle: Rapport\naudience: [politicians]\nyear: 2024\n---\n\n```table\ndata: elever.csv\ntitle: Elever\n```\n")
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.hasPrefix("content/data/elever.csv:1:7: error: the column '\(header)' looks like it holds") }, "\(result.stderr)")
        #expect(!site.exists("public"))
    }

    /// Luhn and the date keep false alarms away: the example's own figures and dates pass.
    @Test func numbersThatAreNotOnePass() throws {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/franvaro.md", Self.guardianPage("## Om frånvaro\n\nRing 08-123 456 78 eller 0701-23 45 67. Frånvaron var 4,58 % 2012–2014, 121212-1213."))
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
    }
}
