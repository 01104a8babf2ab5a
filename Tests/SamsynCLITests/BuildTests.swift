import Foundation
import Testing

@Suite struct BuildTests {
    @Test func buildWritesEveryTargetWithOnlyItsPages() throws {
        let site = try SiteFixture()
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        // The intranet has everything; the public web only the guardian page and its translation.
        for path in ["rutiner/oroande-franvaro/index.html", "roller/rektor/index.html", "vardnadshavare/franvaro/index.html",
                     "en/vardnadshavare/franvaro/index.html", "index.html", "rutiner/index.html", "assets/samsyn.css", "robots.txt"] {
            #expect(site.exists("public/intranat/" + path), "\(path)")
        }
        #expect(site.exists("public/webb/vardnadshavare/franvaro/index.html"))
        #expect(site.exists("public/webb/en/vardnadshavare/franvaro/index.html"))
        #expect(!site.exists("public/webb/rutiner"))
        #expect(!site.exists("public/webb/roller"))
        #expect(result.stdout.contains("Built intranat (5 pages, 0 charts), webb (2 pages, 0 charts) into public/: 0 cells withheld, 0 errors, 1 warning"), "\(result.stdout)")
    }

    @Test func nothingDerivedFromExcludedPagesReachesAPublicTarget() throws {
        let site = try SiteFixture()
        try site.build()
        let webb = try allText(under: site.root.appendingPathComponent("public/webb"))
        for staffOnly in ["Oroande frånvaro", "oroande-franvaro", "Kurator", "Rektor", "rutiner/"] {
            #expect(!webb.contains(staffOnly), "'\(staffOnly)' leaked into the public target")
        }
    }

    @Test func aStaffOnlyMarkerNeverReachesAPublicSearchIndex() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "---\ntitle: Kurator\n---\nBara för personal: Hemligmarkör.\n")
        #expect(try site.run("build").status == 0)
        let intranat = try allText(under: site.root.appendingPathComponent("public/intranat/search"))
        #expect(intranat.contains("\"hemligmark\""), "the marker is indexed (folded and stemmed) where the page is published")
        let webb = try allText(under: site.root.appendingPathComponent("public/webb/search"))
        #expect(!webb.lowercased().contains("hemligmark"))
        #expect(!webb.contains("roller/"))
    }

    @Test func linkToAPageOutsideTheTargetBecomesPlainTextWithAWarning() throws {
        let site = try SiteFixture()
        let result = try site.run("build")
        #expect(result.diagnostics.contains(
            "content/vardnadshavare/franvaro.md:8:35: warning: the link to 'content/rutiner/oroande-franvaro.md' is plain text in the target 'webb', which does not include that page"
        ), "\(result.stderr)")
        let webb = try site.read("public/webb/vardnadshavare/franvaro/index.html")
        #expect(webb.contains("Läs hur skolan arbetar."))
        let intranat = try site.read("public/intranat/vardnadshavare/franvaro/index.html")
        #expect(intranat.contains(#"Läs hur <a href="../../rutiner/oroande-franvaro/#steg-3">skolan arbetar</a>."#))
    }

    @Test func referencesResolveInBothDirections() throws {
        let site = try SiteFixture()
        try site.build()
        let routine = try site.read("public/intranat/rutiner/oroande-franvaro/index.html")
        #expect(routine.contains(#"<dt>Innehållsansvarig</dt><dd><a href="../../roller/rektor/">Rektor</a>"#))
        #expect(routine.contains(#"<a href="../../roller/kurator/">Kurator</a>"#))
        #expect(routine.contains(#"<time datetime="2026-01-15">15 januari 2026</time>"#))
        #expect(routine.contains(#"<time datetime="2027-01-15">15 januari 2027</time>"#))
        let rektor = try site.read("public/intranat/roller/rektor/index.html")
        #expect(rektor.contains("Rutiner som rollen ansvarar för"))
        #expect(rektor.contains(#"<a href="../../rutiner/oroande-franvaro/">Oroande frånvaro</a>"#))
        let kurator = try site.read("public/intranat/roller/kurator/index.html")
        #expect(kurator.contains("Rutiner där rollen deltar"))
    }

    @Test func interventionShowsWhoDeliversIt() throws {
        let site = try SiteFixture()
        try site.write("content/verktygslada/stodsamtal.md", """
            ---
            title: Stödsamtal med elev
            level: åtgärdande
            for: elev
            delivered_by: [kurator]
            ---
            Samtal.
            """)
        #expect(try site.run("build").status == 0)
        let page = try site.read("public/intranat/verktygslada/stodsamtal/index.html")
        #expect(page.contains(#"<dt>Ges av</dt><dd><ul class="inline-list"><li><a href="../../roller/kurator/">Kurator</a>"#))
        let kurator = try site.read("public/intranat/roller/kurator/index.html")
        #expect(kurator.contains("Insatser som rollen ger"))
        #expect(kurator.contains(#"<a href="../../verktygslada/stodsamtal/">Stödsamtal med elev</a>"#))
    }

    @Test func translationsLinkToEachOther() throws {
        let site = try SiteFixture()
        try site.build()
        let swedish = try site.read("public/webb/vardnadshavare/franvaro/index.html")
        #expect(swedish.contains(#"<link rel="alternate" hreflang="en" href="../../en/vardnadshavare/franvaro/">"#))
        let english = try site.read("public/webb/en/vardnadshavare/franvaro/index.html")
        #expect(english.contains(#"<html lang="en" dir="ltr">"#))
        #expect(english.contains(#"hreflang="sv""#))
    }

    @Test func everyLinkIsRelativeSoASubPathWorks() throws {
        let site = try SiteFixture()
        try site.build()
        let text = try allText(under: site.root.appendingPathComponent("public/intranat"), suffix: ".html")
        // Links within the site are relative; only other sites (such as Digg's form) are absolute.
        let absolute = try NSRegularExpression(pattern: #"(href|src)="(/|https?://[a-z.]*test\.se)"#)
        #expect(absolute.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil)
        let sitemap = try site.read("public/webb/sitemap.xml")
        #expect(sitemap.contains("<loc>https://www.test.se/skolnarvaro/vardnadshavare/franvaro/</loc>"))
    }

    /// The header, menu and footer are rendered once per folder depth, section and language
    /// (`FrameCache`): each page must still get the one for its own place.
    @Test func everyPageGetsTheMenuOfItsOwnPlace() throws {
        let site = try SiteFixture()
        #expect(try site.run("build").status == 0)
        let routine = try site.read("public/intranat/rutiner/oroande-franvaro/index.html")
        #expect(routine.contains(#"<li><a href="../../rutiner/" aria-current="true">Rutiner</a></li>"#))
        #expect(routine.contains(#"<li><a href="../../roller/">Roller</a></li>"#))
        #expect(routine.contains(#"action="../../sok/""#) && !routine.contains("aria-controls"))
        let role = try site.read("public/intranat/roller/rektor/index.html")
        #expect(role.contains(#"<li><a href="../../roller/" aria-current="true">Roller</a></li>"#))
        #expect(role.contains(#"<li><a href="../../rutiner/">Rutiner</a></li>"#))
        let section = try site.read("public/intranat/rutiner/index.html")
        #expect(section.contains(#"<li><a href="../rutiner/" aria-current="true">Rutiner</a></li>"#))
        let home = try site.read("public/intranat/index.html")
        #expect(home.contains(#"<li><a href="rutiner/">Rutiner</a></li>"#) && !home.contains("aria-current=\"true\""))
        #expect(home.contains(#"<a class="site-title" href="./""#))
        let search = try site.read("public/intranat/sok/index.html")
        #expect(search.contains(#"aria-controls="sok-traffar""#))
        let english = try site.read("public/webb/en/vardnadshavare/franvaro/index.html")
        #expect(english.contains(#"<li><a href="../../../vardnadshavare/" hreflang="sv" aria-current="true">"#), "a translation is in its section too")
        #expect(english.contains(#"<label for="sok-falt">Search"#))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try SiteFixture()
        _ = try site.run("build", "--output", "first")
        _ = try site.run("build", "--output", "second")
        let first = try snapshot(site.root.appendingPathComponent("first"))
        let second = try snapshot(site.root.appendingPathComponent("second"))
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try SiteFixture()
        #expect(try site.run("build").status == 0)
        let before = try snapshot(site.root.appendingPathComponent("public"))
        try site.write("content/roller/kurator.md", "---\ntitle: [\n---\n")
        #expect(try site.run("build").status == 1)
        #expect(try snapshot(site.root.appendingPathComponent("public")) == before)
    }

    @Test func rebuildReplacesTheOldOutputWithoutLeftovers() throws {
        let site = try SiteFixture()
        try site.build()
        try site.remove("content/roller/kurator.md")
        let text = try site.read("content/rutiner/oroande-franvaro.md")
            .replacingOccurrences(of: "roles: [kurator]\n", with: "")
            .replacingOccurrences(of: "[Kurator](../roller/kurator.md)", with: "Kuratorn")
        try site.write("content/rutiner/oroande-franvaro.md", text)
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!site.exists("public/intranat/roller/kurator"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("public").path)
        // The lock file stays: removing it while another build waits on it would let two in.
        #expect(entries.sorted() == [".samsyn.lock", "intranat", "webb"])
    }

    @Test func aKilledBuildsStagingFoldersAreCleanedUp() throws {
        let site = try SiteFixture()
        try site.write("public/.webb.new-99999/index.html", "half written")
        try site.write("public/.webb.old-99999/index.html", "old")
        #expect(try site.run("build").status == 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("public").path)
        // The lock file stays: removing it while another build waits on it would let two in.
        #expect(entries.sorted() == [".samsyn.lock", "intranat", "webb"])
    }

    @Test func targetOptionBuildsOnlyThatTarget() throws {
        let site = try SiteFixture()
        let result = try site.run("build", "--target", "webb", "--output", "ut")
        #expect(result.status == 0)
        #expect(site.exists("ut/webb/index.html"))
        #expect(!site.exists("ut/intranat"))
    }

    @Test func unknownTargetIsAnError() throws {
        let site = try SiteFixture()
        let result = try site.run("build", "--target", "web")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/site.yml: error: no target 'web' in site.yml (did you mean 'webb'?)"))
    }

    @Test func checkWritesNothingAndStrictTurnsWarningsIntoFailure() throws {
        let site = try SiteFixture()
        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Checked intranat (5 pages, 0 charts), webb (2 pages, 0 charts): 0 cells withheld, 0 errors, 1 warning"), "\(check.stdout)")
        #expect(!site.exists("public"))
        let strict = try site.run("check", "--strict")
        #expect(strict.status == 1)
        let strictBuild = try site.run("build", "--strict")
        #expect(strictBuild.status == 1)
        #expect(!site.exists("public"))
    }

    @Test func sourceOptionPointsAtTheSiteFolder() throws {
        let site = try SiteFixture()
        let elsewhere = FileManager.default.temporaryDirectory
        let result = try Tool.run(["check", "--source", site.root.path], in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func wrongUsageExitsWithTwo() throws {
        let site = try SiteFixture()
        #expect(try site.run("build", "--no-such-option").status == 2)
        #expect(try site.run("bygg").status == 2)
        #expect(try site.run("--help").status == 0)
    }

    @Test func unknownFrontMatterKeyIsAWarning() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "---\ntitle: Kurator\norganisaton: elevhälsa\n---\nText\n")
        let result = try site.run("check")
        #expect(result.status == 0)
        #expect(result.diagnostics.contains("content/roller/kurator.md:3:1: warning: unknown front matter key 'organisaton' is ignored (did you mean 'organisation'?); "
            + "the keys are audience, easy_read_of, organisation, summary, title"), "\(result.stderr)")
    }

    @Test func authorHTMLAndScriptLinksNeverReachTheOutput() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "---\ntitle: Kurator\n---\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n")
        try site.build()
        let page = try site.read("public/intranat/roller/kurator/index.html")
        #expect(!page.contains("<script"))
        #expect(!page.contains("javascript:"))
    }
}

func allText(under directory: URL, suffix: String = "") throws -> String {
    try snapshot(directory).filter { $0.key.hasSuffix(suffix) }.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
}

/// Every file under a folder, by relative path.
func snapshot(_ directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    // A missing folder is an error, not an empty site: "nothing leaked" must not pass on no output.
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue,
          let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
    }
    while let path = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let url = directory.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: url)
        }
    }
    return files
}

@Suite struct NewCommandTests {
    @Test func newCreatesACorrectlyNamedPageWithTheFrontMatterOfItsKind() throws {
        let site = try SiteFixture()
        let result = try site.run("new", "rutin", "Frånvaro på fritidshemmet")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "content/rutiner/franvaro-pa-fritidshemmet.md\n")
        let page = try site.read("content/rutiner/franvaro-pa-fritidshemmet.md")
        #expect(page.hasPrefix("---\ntitle: \"Frånvaro på fritidshemmet\"\n"))
        #expect(page.contains("owner: rektor"))
        #expect(page.contains("reviewed: 2026-11-24"), "today, from SOURCE_DATE_EPOCH in the tests")
        // The new page builds as it is.
        let check = try site.run("check")
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func everyKindHasAFolder() throws {
        let site = try SiteFixture()
        for (kind, folder) in [("role", "roller"), ("insats", "verktygslada"), ("sida", "vardnadshavare"), ("report", "rapport"), ("åtgärd", "atgarder")] {
            let result = try site.run("new", kind, "Ny \(kind)")
            #expect(result.stdout.hasPrefix("content/\(folder)/ny-"), "\(kind): \(result.stdout)\(result.stderr)")
        }
        #expect(try site.run("check").status == 0)
        // A new indicator needs its data named before it builds, and the check says so.
        let indicator = try site.run("new", "indikator", "Ny indikator")
        #expect(indicator.stdout == "content/indikatorer/ny-indikator.md\n", "\(indicator.stderr)")
        let check = try site.run("check")
        #expect(check.status == 1 && check.stderr.contains("content/indikatorer/ny-indikator.md:9:6: error: an indicator needs 'data'"), "\(check.stderr)")
    }

    @Test func aTitleGivingAnExistingIDIsAnError() throws {
        let site = try SiteFixture()
        let result = try site.run("new", "roll", "Kurator")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: a page with the id 'kurator' exists already: content/roller/kurator.md"))
    }

    @Test func anUnknownKindIsWrongUsage() throws {
        let site = try SiteFixture()
        let result = try site.run("new", "rutn", "X")
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'rutin'?"))
    }
}
