import Foundation
import Testing

/// Input made to crash or hang the tool ends as a diagnostic at its file, line and column,
/// with exit status 1, and nothing is written.
@Suite struct RobustnessTests {
    func expectError(_ site: SiteFixture, _ prefix: String, contains part: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try site.run("build")
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.diagnostics.contains { $0.hasPrefix(prefix) && (part.isEmpty || $0.contains(part)) }, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!site.exists("public"), sourceLocation: sourceLocation)
    }

    func report(_ block: String, csv: String) throws -> SiteFixture {
        let site = try SiteFixture()
        try site.write("content/data/tal.csv", csv)
        try site.write("content/data/tal.yml", "group_size: none\nreason: Testdata.\n")
        try site.write("content/rapport/arsrapport.md", "---\ntitle: Rapport\naudience: [politicians]\nyear: 2024\n---\n\n\(block)\n")
        return site
    }

    @Test(arguments: ["9223372036854775808", "9 300 000 000 000 000 000", String(repeating: "9", count: 400), "1" + String(repeating: "0", count: 15)])
    func aNumberTooLargeIsAnErrorAtItsCell(number: String) throws {
        let block = "```table\ndata: tal.csv\ntitle: Tal\n```\n\n```chart\ntype: bar\ndata: tal.csv\nx: sak\ny: varde\ntitle: Tal\n```"
        let site = try report(block, csv: "sak;varde\nA;1\nB;\(number)\n")
        try expectError(site, "content/data/tal.csv:3:3: error: the number", contains: "too large")
    }

    @Test func chartDecimalsAreBounded() throws {
        let site = try report("```chart\ntype: bar\ndata: tal.csv\nx: sak\ny: varde\ndecimals: 400\ntitle: Tal\n```", csv: "sak;varde\nA;1,5\nB;2\n")
        try expectError(site, "content/rapport/arsrapport.md:12:11: error: 'decimals' is how many decimals to show")
    }

    @Test func reviewEveryIsBounded() throws {
        let site = try SiteFixture()
        let routine = try site.read("content/rutiner/oroande-franvaro.md").replacingOccurrences(of: "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\nreview_every: 9223372036854775807")
        try site.write("content/rutiner/oroande-franvaro.md", routine)
        try expectError(site, "content/rutiner/oroande-franvaro.md:7:15: error: 'review_every' is a number of months, from 1 to 1200")
    }

    @Test func aPartialThatIncludesItselfIsAnError() throws {
        let site = try SiteFixture()
        try site.write("templates/partials/nav.mustache", "<nav>{{>partials/nav}}</nav>\n")
        try expectError(site, "templates/partials/nav.mustache:1:6: error: the templates include each other in a circle", contains: "partials/nav → partials/nav")
    }

    @Test func twoPartialsThatIncludeEachOtherAreAnError() throws {
        let site = try SiteFixture()
        try site.write("templates/partials/a.mustache", "{{>partials/b}}\n")
        try site.write("templates/partials/b.mustache", "x\n{{#list}}{{>partials/a}}{{/list}}\n")
        try site.write("templates/partials/footer.mustache", (try site.read("templates/partials/footer.mustache")) + "{{>partials/a}}\n")
        try expectError(site, "templates/partials/b.mustache:2:10: error: the templates include each other in a circle", contains: "partials/a → partials/b → partials/a")
    }

    @Test func aTemplateThatInheritsItselfIsAnError() throws {
        let site = try SiteFixture()
        try site.write("templates/page.mustache", "{{<page}}{{$content}}x{{/content}}{{/page}}\n")
        try expectError(site, "templates/page.mustache:1:1: error: the templates include each other in a circle", contains: "page → page")
    }

    @Test func aCycleWithOtherDelimitersIsFoundToo() throws {
        let site = try SiteFixture()
        try site.write("templates/partials/nav.mustache", "{{=<% %>=}}<nav><%>partials/nav%></nav>\n")
        try expectError(site, "templates/partials/nav.mustache:1:17: error: the templates include each other in a circle")
    }

    @Test func deeplyNestedSectionsAreAnError() throws {
        let site = try SiteFixture()
        try site.write("templates/partials/nav.mustache", String(repeating: "{{#a}}", count: 150) + String(repeating: "{{/a}}", count: 150) + "\n")
        try expectError(site, "templates/partials/nav.mustache:1:601: error: sections nest more than 100 deep")
    }

    /// swift-mustache's parser takes time that grows with tags × length (20,000 tags took a
    /// minute): a template beyond the limits is an error before it is parsed.
    @Test(arguments: [String(repeating: "{{#a}}", count: 100_000) + String(repeating: "{{/a}}", count: 100_000),
                      "<footer>" + String(repeating: "{{site.title}}", count: 20_000) + "</footer>"])
    func aTemplateTooLargeToParseInTimeIsAnError(template: String) throws {
        let site = try SiteFixture()
        try site.write("templates/partials/nav.mustache", template + "\n")
        try expectError(site, "templates/partials/nav.mustache:1:1: error: the template has", contains: "split it into partials")
    }
}

/// Paths that are not what they seem: named pipes, links out of the site, files the readers
/// would skip. Each is a diagnostic naming the path; nothing blocks and nothing is published.
@Suite struct SourcePathTests {
    @Test(arguments: ["content/vardnadshavare/ror.md", "content/data/ror.csv", "content/data/franvaro.yml", "content/site.yml",
                      "templates/partials/ror.mustache", "templates/i18n/sv.yml", "templates/assets/ror.css"])
    func aNamedPipeIsAnErrorAndNeverBlocks(path: String) throws {
        let site = try SiteFixture()
        if path == "content/data/franvaro.yml" { try site.write("content/data/franvaro.csv", "skola;elever\nA;12\n") }
        if FileManager.default.fileExists(atPath: site.root.appendingPathComponent(path).path) { try site.remove(path) }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(site.root.appendingPathComponent(path).path, 0o644) == 0)
        let result = try site.run("build")
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(result.diagnostics.contains("\(path): error: this is a named pipe (FIFO), not an ordinary file; Samsyn reads only ordinary files: remove it or put the file in its place"), "\(result.stderr)")
        #expect(!site.exists("public"))
    }

    @Test func aLinkOutOfTheSiteIsAnError() throws {
        let site = try SiteFixture()
        let outside = SiteFixture.temporaryFolder("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("---\ntitle: Hemligt\naudience: [guardians]\n---\n\nHEMLIGT UTANFÖR\n".utf8).write(to: outside.appendingPathComponent("hemligt.md"))
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/vardnadshavare/hemligt.md").path,
                                                   withDestinationPath: outside.appendingPathComponent("hemligt.md").path)
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.hasPrefix("content/vardnadshavare/hemligt.md: error: this symbolic link points outside the site folder") }, "\(result.stderr)")
        #expect(!site.exists("public"))
    }

    @Test func aLinkToAFolderIsAnErrorAndALinkToAFileInsideIsFollowed() throws {
        let site = try SiteFixture()
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/fler").path, withDestinationPath: "rutiner")
        let result = try site.run("build")
        #expect(result.diagnostics.contains { $0.hasPrefix("content/fler: error: this symbolic link points to a folder") }, "\(result.stderr)")
        try site.remove("content/fler")
        try site.write("delat/ledighet.md", "---\ntitle: Ledighet\naudience: [guardians]\n---\n\nLedighet söks hos rektor.\n")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/vardnadshavare/ledighet.md").path, withDestinationPath: "../../delat/ledighet.md")
        try site.build()
        #expect(try site.read("public/webb/vardnadshavare/ledighet/index.html").contains("Ledighet söks hos rektor."))
    }

    @Test func aFileEndingInUpperCaseMDIsAWarning() throws {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/ledighet.MD", "---\ntitle: Ledighet\naudience: [guardians]\n---\n\nText.\n")
        let result = try site.build()
        #expect(result.diagnostics.contains("content/vardnadshavare/ledighet.MD: warning: Samsyn reads pages from files ending in '.md' only, so this file is left out; rename it to end in '.md'"), "\(result.stderr)")
    }

    /// Root reads every file, so this can only be tried as another user.
    @Test(.enabled(if: getuid() != 0)) func anUnreadableFileIsAnError() throws {
        let site = try SiteFixture()
        try site.write("templates/assets/extra.css", "body {}\n")
        chmod(site.root.appendingPathComponent("templates/assets/extra.css").path, 0)
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.hasPrefix("templates/assets/extra.css: error: cannot read the file") }, "\(result.stderr)")
    }
}

/// Names that would write outside the output folder, over the sources, or over a page
/// Samsyn generates.
@Suite struct EscapeTests {
    @Test func aLanguageCodeCannotLeadOutOfTheOutputFolder() throws {
        let site = try SiteFixture()
        try site.write("content/site.yml", try site.read("content/site.yml").replacingOccurrences(of: "language: sv", with: "language: sv\nlanguages: [sv, \"../../x\"]"))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/site.yml:3:17: error: '../../x' is not a language code such as sv, en or fa-AF"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.deletingLastPathComponent().appendingPathComponent("x").path))
    }

    @Test(arguments: [".", "..", "content", "content/public", "templates"])
    func anOutputFolderOverTheSourcesIsRefused(output: String) throws {
        let site = try SiteFixture()
        let before = try snapshot(site.root.appendingPathComponent("content"))
        try site.write("content/site.yml", try site.read("content/site.yml").replacingOccurrences(of: "  webb:", with: "  content:"))
        let result = try site.run("build", "--output", output)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.diagnostics.contains { $0.contains("error: the output folder overlaps the site's") }, "\(result.stderr)")
        #expect(try snapshot(site.root.appendingPathComponent("content")).keys.sorted() == before.keys.sorted(), "the sources are untouched")
    }

    @Test func aTargetNameMustBeAFolderName() throws {
        let site = try SiteFixture()
        try site.write("content/site.yml", try site.read("content/site.yml").replacingOccurrences(of: "  webb:", with: "  \"../webb\":"))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.contains("error: target name '../webb' must be lower-case letters a–z, digits and '-'") }, "\(result.stderr)")
    }

    @Test(arguments: [("content/sok.md", "the search page"), ("content/tillganglighet.md", "the accessibility statement"),
                      ("content/rutiner.md", "the index of the section 'content/rutiner/'"), ("content/en.md", "the pages in the language 'en'")])
    func aPageCannotTakeTheURLOfAGeneratedPage(path: String, taken: String) throws {
        let site = try SiteFixture()
        try site.write(path, "---\ntitle: Sida\naudience: [guardians]\n---\n\nText.\n")
        let result = try site.run("build")
        #expect(result.status == 1)
        let name = String(path.dropFirst("content/".count).dropLast(3))
        #expect(result.diagnostics.contains("\(path):1:1: error: the page would take the URL '\(name)/' of \(taken); rename the file"), "\(result.stderr)")
    }
}
