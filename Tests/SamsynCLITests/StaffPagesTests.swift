import Foundation
import Testing

/// Staff pages kept to staff, attacked through the tool: nothing of a staff page but a
/// role's title (a job title, public by nature) reaches a public target, and a target with
/// staff pages stays out of search engines and says whom it is for.
@Suite struct StaffPagesTests {
    /// A staff-only routine whose title, summary, path and text are all markers.
    static let secretRoutine = """
        ---
        title: Hemlig rutin HEMLIGTITEL
        summary: HEMLIGSUMMARY om rutinen.
        owner: rektor
        reviewed: 2026-01-15
        ---

        ## Arbetsgång

        1. [Kurator](../roller/kurator.md) gör HEMLIGBODY.
        """

    static let markers = ["HEMLIGTITEL", "HEMLIGSUMMARY", "HEMLIGBODY", "hemlig-rutin", "Hemlig rutin"]

    func site(guardianBody: String) throws -> SiteFixture {
        let site = try SiteFixture()
        try site.write("content/rutiner/hemlig-rutin.md", Self.secretRoutine)
        try site.write("content/vardnadshavare/franvaro.md", "---\ntitle: Frånvaro\naudience: [guardians]\n---\n\n## Om frånvaro\n\n\(guardianBody)\n")
        return site
    }

    /// Every Markdown construct that carries a destination: the link's text may stay, as
    /// the author's own words, but not the page's path, title or summary.
    @Test(arguments: [
        "Läs [rutinen](../rutiner/hemlig-rutin.md).",
        "Läs [rutinen](../rutiner/hemlig-rutin.md \"Om rutinen\").",
        "Läs [rutinen](../rutiner/hemlig-rutin.md#arbetsgang).",
        "Läs [rutinen][ref].\n\n[ref]: ../rutiner/hemlig-rutin.md \"Om rutinen\"",
        "Läs rutinen[^1].\n\n[^1]: Se [rutinen](../rutiner/hemlig-rutin.md).",
        "Läs [](../rutiner/hemlig-rutin.md).",
        "Läs [rutinen](<../rutiner/hemlig-rutin.md>).",
    ])
    func nothingOfAStaffPageReachesThePublicTarget(body: String) throws {
        let site = try site(guardianBody: body)
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.diagnostics.contains { $0.contains("is plain text in the target 'webb'") }, "\(result.stderr)")
        let webb = try allText(under: site.root.appendingPathComponent("public/webb"))
        for marker in Self.markers { #expect(!webb.contains(marker), "'\(marker)' reached the public target") }
        let intranat = try site.read("public/intranat/vardnadshavare/franvaro/index.html")
        #expect(intranat.contains("hemlig-rutin/"), "the intranet keeps the link")
    }

    /// An image once published the path of a staff page's Markdown file.
    @Test(arguments: ["![Rutin](../rutiner/hemlig-rutin.md)", "![Rutin](../rutiner/hemlig-rutin.md \"Titel\")", "![Bild](bilder/karta.png)"])
    func anImageWithAPathInTheSiteIsAnError(body: String) throws {
        let site = try site(guardianBody: body)
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains { $0.hasPrefix("content/vardnadshavare/franvaro.md:8:1: error: ") && $0.contains("image") }, "\(result.stderr)")
        #expect(!site.exists("public"))
    }

    /// A role's title is a job title, public by nature: it may stand as plain text.
    @Test func aStaffRolesTitleStaysAsPlainText() throws {
        let site = try site(guardianBody: "Prata med [skolans kurator](../roller/kurator.md).")
        #expect(try site.run("build").status == 0)
        let page = try site.read("public/webb/vardnadshavare/franvaro/index.html")
        #expect(page.contains("Prata med skolans kurator."))
        #expect(!page.contains("roller/kurator"))
        #expect(!(try allText(under: site.root.appendingPathComponent("public/webb"))).contains("Kuratorn ger stödsamtal"))
    }

    @Test func aPageInAPublicSectionWithoutAudienceIsAWarning() throws {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/ledighet.md", "---\ntitle: Ledighet\n---\n\nText.\n")
        try site.write("content/rapport/utkast.md", "---\ntitle: Utkast\nyear: 2025\n---\n\nText.\n")
        try site.write("content/vardnadshavare/intern.md", "---\ntitle: Intern\naudience: [staff]\n---\n\nText.\n")
        let result = try site.run("build")
        #expect(result.status == 0)
        #expect(result.diagnostics.contains("content/vardnadshavare/ledighet.md:1:1: warning: this page in 'content/vardnadshavare/' has no 'audience', so it is for staff only and left out of every public target; to publish it, add 'audience: [guardians]' (or 'audience: [staff]' to keep it on the intranet)"), "\(result.stderr)")
        #expect(result.diagnostics.contains { $0.hasPrefix("content/rapport/utkast.md:1:1: warning: ") && $0.contains("'audience: [politicians]'") })
        #expect(!result.stderr.contains("intern.md"), "a page that says 'staff' is not warned about")
        #expect(!site.exists("public/webb/vardnadshavare/ledighet"))
        #expect(try site.run("build", "--strict").status == 1)
    }

    @Test func aTargetWithStaffPagesIsKeptOutOfSearchEnginesAndLabelled() throws {
        let site = try SiteFixture()
        #expect(try site.run("build").status == 0)
        let intranat = site.root.appendingPathComponent("public/intranat")
        let pages = try snapshot(intranat).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 5)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains(#"<meta name="robots" content="noindex, nofollow">"#), "\(path)")
            #expect(html.contains(#"<p class="staff-label">"#), "\(path)")
        }
        #expect(try site.read("public/intranat/index.html").contains(#"<p class="staff-label">Intranät – endast för personal</p>"#))
        #expect(try site.read("public/intranat/en/vardnadshavare/franvaro/index.html").contains(#"<p class="staff-label">Intranet – for staff only</p>"#))
        #expect(try site.read("public/intranat/robots.txt") == "User-agent: *\nDisallow: /\n")
        #expect(!site.exists("public/intranat/sitemap.xml"))
    }

    @Test func aPublicTargetIsOpenToSearchEnginesAndNamesItsSitemap() throws {
        let site = try SiteFixture()
        #expect(try site.run("build").status == 0)
        #expect(try site.read("public/webb/robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://www.test.se/skolnarvaro/sitemap.xml\n")
        let home = try site.read("public/webb/index.html")
        #expect(!home.contains("noindex"))
        #expect(!home.contains("staff-label"))
        #expect(site.exists("public/webb/sitemap.xml"))
    }
}
