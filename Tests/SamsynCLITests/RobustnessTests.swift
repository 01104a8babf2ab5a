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
        try site.write("templates/partials/nav.mustache", String(repeating: "{{#a}}", count: 100_000) + String(repeating: "{{/a}}", count: 100_000) + "\n")
        try expectError(site, "templates/partials/nav.mustache:1:601: error: sections nest more than 100 deep")
    }
}
