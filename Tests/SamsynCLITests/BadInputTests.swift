import Foundation
import Testing

/// Each kind of bad input gives a diagnostic with file, line and column, and exit status 1.
@Suite struct BadInputTests {
    private func expectFailure(_ fixture: SiteFixture, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = try fixture.run("build")
        #expect(result.status == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.diagnostics.contains(expected), "expected «\(expected)» in:\n\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!fixture.exists("public"), "a failed build must write nothing", sourceLocation: sourceLocation)
    }

    @Test func malformedYAML() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "---\ntitle: Kurator\norganisation: [elevhälsa\n---\nText\n")
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/roller/kurator.md:4:1: error: invalid YAML:"), "\(result.stderr)")
    }

    @Test func frontMatterNeverClosed() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "---\ntitle: Kurator\n\nText utan slut på front matter.\n")
        try expectFailure(site, "content/roller/kurator.md:1:1: error: the front matter opened on line 1 is never closed; end it with a line '---'")
    }

    @Test func missingTitle() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "---\norganisation: elevhälsa\n---\nText\n")
        try expectFailure(site, "content/roller/kurator.md:2:1: error: missing 'title'")
    }

    @Test func valueOfTheWrongType() throws {
        let site = try SiteFixture()
        let text = try site.read("content/rutiner/oroande-franvaro.md")
            .replacingOccurrences(of: "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\nreview_every: tolv")
        try site.write("content/rutiner/oroande-franvaro.md", text)
        try expectFailure(site, "content/rutiner/oroande-franvaro.md:7:15: error: 'review_every' must be a whole number")
    }

    @Test func dateThatIsNoDate() throws {
        let site = try SiteFixture()
        let text = try site.read("content/rutiner/oroande-franvaro.md")
            .replacingOccurrences(of: "reviewed: 2026-01-15", with: "reviewed: 2026-02-30")
        try site.write("content/rutiner/oroande-franvaro.md", text)
        try expectFailure(site, "content/rutiner/oroande-franvaro.md:6:11: error: 'reviewed': '2026-02-30' is not a date written YYYY-MM-DD")
    }

    @Test func unknownRoleIDWithSuggestion() throws {
        let site = try SiteFixture()
        let text = try site.read("content/rutiner/oroande-franvaro.md").replacingOccurrences(of: "roles: [kurator]", with: "roles: [kurtor]")
        try site.write("content/rutiner/oroande-franvaro.md", text)
        try expectFailure(site, "content/rutiner/oroande-franvaro.md:5:9: error: unknown role 'kurtor' (did you mean 'kurator'?)")
    }

    @Test func brokenLink() throws {
        let site = try SiteFixture()
        let text = try site.read("content/rutiner/oroande-franvaro.md")
            .replacingOccurrences(of: "(../roller/rektor.md)", with: "(../roller/rektr.md)")
        try site.write("content/rutiner/oroande-franvaro.md", text)
        try expectFailure(site, "content/rutiner/oroande-franvaro.md:12:4: error: broken link: no page 'content/roller/rektr.md' (did you mean '../roller/rektor.md'?)")
    }

    @Test func brokenAnchor() throws {
        let site = try SiteFixture()
        let text = try site.read("content/vardnadshavare/franvaro.md").replacingOccurrences(of: "#steg-3", with: "#steg-4")
        try site.write("content/vardnadshavare/franvaro.md", text)
        try expectFailure(site, "content/vardnadshavare/franvaro.md:8:35: error: broken anchor: 'content/rutiner/oroande-franvaro.md' has no heading or step with the id 'steg-4' (did you mean 'steg-1'?)")
    }

    @Test func twoPagesWithTheSameID() throws {
        let site = try SiteFixture()
        try site.write("content/verktygslada/kurator.md", "---\ntitle: Kuratorssamtal\n---\nText\n")
        try expectFailure(site, "content/verktygslada/kurator.md:1:1: error: the page id 'kurator' is also used by content/roller/kurator.md; file names must be unique across content/")
    }

    @Test func fileThatIsNotUTF8() throws {
        let site = try SiteFixture()
        var bytes = Data("---\ntitle: Fr".utf8)
        bytes.append(0xE5) // "å" in Windows-1252
        bytes.append(contentsOf: Data("nvaro\n---\n".utf8))
        try site.write("content/roller/kurator.md", bytes)
        try expectFailure(site, "content/roller/kurator.md:2:10: error: the file is not UTF-8 (byte 0xE5); save it as UTF-8")
    }

    @Test func emptyFile() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "")
        try expectFailure(site, "content/roller/kurator.md:1:1: error: the file is empty; a page starts with front matter between two '---' lines, with at least a title")
    }

    @Test func templateWithASyntaxError() throws {
        let site = try SiteFixture()
        try site.write("templates/role.mustache", "{{<base}}\n{{$content}}\n{{#owns}}<p>{{title}}</p>{{/own}}\n{{/content}}\n{{/base}}\n")
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/role.mustache:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("error: template syntax: a section is closed with another name than it was opened with"), "\(result.stderr)")
    }

    @Test func templateNamingAMissingPartial() throws {
        let site = try SiteFixture()
        let text = try site.read("templates/base.mustache").replacingOccurrences(of: "{{>partials/breadcrumbs}}", with: "{{>partials/breadcrums}}")
        try site.write("templates/base.mustache", text)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("partials/breadcrums") }! + 1
        try expectFailure(site, "templates/base.mustache:\(line):1: error: the partial 'partials/breadcrums' does not exist (did you mean 'partials/breadcrumbs'?)")
    }

    @Test func framePartialMissing() throws {
        let site = try SiteFixture()
        try site.remove("templates/partials/nav.mustache")
        try expectFailure(site, "templates: error: the template 'partials/nav.mustache' is missing; Samsyn renders every page's nav with it")
    }

    @Test func siteYMLMissing() throws {
        let site = try SiteFixture()
        try site.remove("content/site.yml")
        try expectFailure(site, "content/site.yml: error: file not found")
    }

    @Test func siteYMLNamingAnUnknownAudience() throws {
        let site = try SiteFixture()
        let text = try site.read("content/site.yml").replacingOccurrences(of: "audiences: [guardians]", with: "audiences: [guardian]")
        try site.write("content/site.yml", text)
        try expectFailure(site, "content/site.yml:8:17: error: unknown audience 'guardian'; use staff, guardians, pupils or politicians (did you mean 'guardians'?)")
    }

    @Test func pageNamingAnUnknownAudience() throws {
        let site = try SiteFixture()
        let text = try site.read("content/vardnadshavare/franvaro.md").replacingOccurrences(of: "audience: [guardians]", with: "audience: [foraldrar]")
        try site.write("content/vardnadshavare/franvaro.md", text)
        try expectFailure(site, "content/vardnadshavare/franvaro.md:3:12: error: unknown audience 'foraldrar'; use staff, guardians, pupils or politicians")
    }

    @Test func everyErrorOfARunIsReported() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "")
        try site.write("content/vardnadshavare/franvaro.md", "---\ntitle: x\n---\n[trasig](saknas.md)\n")
        try site.write("templates/section.mustache", "{{#pages}}")
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.filter { $0.contains(": error: ") }.count >= 4, "\(result.stderr)")
        #expect(result.stderr.contains("content/roller/kurator.md:1:1: error: the file is empty"))
        #expect(result.stderr.contains("content/vardnadshavare/franvaro.md:4:1: error: broken link"))
        #expect(result.stderr.contains("templates/section.mustache:"))
        // The routine names the role whose file is broken: reported too.
        #expect(result.stderr.contains("content/rutiner/oroande-franvaro.md:5:9: error: unknown role 'kurator'"))
        #expect(result.stdout.contains("Failed:"))
    }

    @Test func aFolderWithTheNameOfGeneratedPagesIsAnError() throws {
        let site = try SiteFixture()
        try site.write("content/granskning/plan.md", "---\ntitle: Plan\n---\nText\n")
        try site.write("content/en/page.md", "---\ntitle: Page\n---\nText\n")
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/granskning/plan.md:1:1: error: the folder 'content/granskning/' would take the URL 'granskning/' of the review overview; rename the folder"))
        #expect(result.diagnostics.contains("content/en/page.md:1:1: error: the folder 'content/en/' would take the URL 'en/' of the pages in the language 'en'; rename the folder"))
    }

    @Test func personalIdentityNumberStopsTheBuild() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "---\ntitle: Kurator\n---\nEleven 121212-1212 har hög frånvaro.\n")
        try expectFailure(site, "content/roller/kurator.md:4:8: error: this looks like a personal identity number (121212-XXXX); personal data must never be published")
    }
}
