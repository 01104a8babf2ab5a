import Foundation
import Testing

/// Pupils as readers, and easy-to-read versions (lättläst) of pages, each with its own
/// readability limit.
@Suite struct ReadersTests {
    static func withPupils(_ site: SiteFixture) throws {
        let config = try site.read("content/site.yml").replacingOccurrences(of: "audiences: [guardians]", with: "audiences: [guardians, pupils]")
        try site.write("content/site.yml", config)
    }

    @Test func pupilsPagesHaveASectionOnThePublicTargetAndTheirOwnLimit() throws {
        let site = try SiteFixture()
        try Self.withPupils(site)
        try site.write("content/elever/vad-ar-franvaro.md", "---\ntitle: Vad är frånvaro?\naudience: [pupils]\n---\n\nDu ska vara i skolan. Fråga din mentor.\n")
        // Long words and long sentences: well above 30.
        let hard = String(repeating: "Frånvaroutredningen genomförs skyndsamt tillsammans med elevhälsoteamet och vårdnadshavarna samt berörda verksamheter. ", count: 4)
        try site.write("content/elever/svar.md", "---\ntitle: Svår text\naudience: [pupils]\n---\n\n\(hard)\n")
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try site.read("public/webb/elever/vad-ar-franvaro/index.html").contains("Du ska vara i skolan."))
        let section = try site.read("public/webb/elever/index.html")
        #expect(section.contains("<li><a href=\"../elever/vad-ar-franvaro/\">Vad är frånvaro?</a></li>"), "a page without a summary shows none, not the section's")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/intranat/elever/vad-ar-franvaro/index.html").path))
        #expect(result.diagnostics.contains { $0.hasPrefix("content/elever/svar.md:1:1: warning: LIX ") && $0.contains("above readability.max_lix_pupils 30 for a page pupils read") },
                "\(result.stderr)")
        #expect(!result.diagnostics.contains { $0.hasPrefix("content/elever/vad-ar-franvaro.md") })
        #expect(result.stdout.contains("(≤ 30)  content/elever/vad-ar-franvaro.md"), "\(result.stdout)")
    }

    @Test func aSectionForPupilsWithoutAudienceIsAWarning() throws {
        let site = try SiteFixture()
        try site.write("content/elever/vad-ar-franvaro.md", "---\ntitle: Vad är frånvaro?\n---\n\nText.\n")
        let result = try site.run("build")
        #expect(result.diagnostics.contains { $0.hasPrefix("content/elever/vad-ar-franvaro.md:1:1: warning:") && $0.contains("'audience: [pupils]'") }, "\(result.stderr)")
    }

    @Test func anEasyToReadVersionAndItsPageLinkEachOther() throws {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/franvaro-lattlast.md",
                       "---\ntitle: Frånvaro – lättläst\naudience: [guardians]\neasy_read_of: franvaro\n---\n\nDitt barn ska gå i skolan.\nRing skolan.\n")
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("public/webb/vardnadshavare/franvaro/index.html")
        #expect(page.contains(#"<p class="easy-read-link"><a href="../../vardnadshavare/franvaro-lattlast/" lang="sv">Lättläst</a></p>"#))
        let easy = try site.read("public/webb/vardnadshavare/franvaro-lattlast/index.html")
        #expect(easy.contains(#"<p class="easy-read-link"><a href="../../vardnadshavare/franvaro/">Samma sida på vanlig svenska</a></p>"#))
        // It is a Swedish reader's version: no page says it is missing in another language.
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/webb/en/vardnadshavare/franvaro-lattlast").path))
        #expect(result.stdout.contains("(≤ 25)  content/vardnadshavare/franvaro-lattlast.md"), "\(result.stdout)")
    }

    @Test func anEasyToReadVersionAboveItsLimitIsAWarning() throws {
        let site = try SiteFixture()
        let text = String(repeating: "Skolan genomför regelbundet uppföljningar av närvaroutvecklingen tillsammans med vårdnadshavarna. ", count: 4)
        try site.write("content/vardnadshavare/franvaro-lattlast.md",
                       "---\ntitle: Frånvaro – lättläst\naudience: [guardians]\neasy_read_of: franvaro\n---\n\n\(text)\n")
        let result = try site.run("build")
        #expect(result.diagnostics.contains { $0.hasPrefix("content/vardnadshavare/franvaro-lattlast.md:1:1: warning: LIX ")
            && $0.contains("above readability.max_lix_easy_read 25 for an easy-to-read page") }, "\(result.stderr)")
    }

    @Test func easyToReadVersionsOfNothingOrOfThemselvesAreErrors() throws {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/a-lattlast.md", "---\ntitle: A\naudience: [guardians]\neasy_read_of: franvaron\n---\n\nText.\n")
        try site.write("content/vardnadshavare/b-lattlast.md", "---\ntitle: B\naudience: [guardians]\neasy_read_of: b-lattlast\n---\n\nText.\n")
        try site.write("content/vardnadshavare/c-lattlast.md", "---\ntitle: C\naudience: [guardians]\neasy_read_of: franvaro\n---\n\nText.\n")
        try site.write("content/vardnadshavare/d-lattlast.md", "---\ntitle: D\naudience: [guardians]\neasy_read_of: franvaro\n---\n\nText.\n")
        try site.write("content/vardnadshavare/e-lattlast.md", "---\ntitle: E\naudience: [guardians]\neasy_read_of: kurator\n---\n\nText.\n")
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/vardnadshavare/a-lattlast.md:4:15: error: 'easy_read_of' names no page 'franvaron' (did you mean 'franvaro'?)"),
                "\(result.stderr)")
        #expect(result.diagnostics.contains("content/vardnadshavare/b-lattlast.md:4:15: error: 'b-lattlast' is itself an easy-to-read version; name the page it is the version of"))
        #expect(result.diagnostics.contains("content/vardnadshavare/d-lattlast.md:4:15: error: 'franvaro' already has an easy-to-read version: content/vardnadshavare/c-lattlast.md"))
        #expect(result.diagnostics.contains { $0.hasPrefix("content/vardnadshavare/e-lattlast.md:4:15: error: easy-to-read versions are for ordinary pages") })
    }
}

/// The command line speaks the editor's language: Swedish with a Swedish locale, English
/// otherwise, `--lang` choosing.
@Suite struct MessageLanguageTests {
    @Test func aSwedishLocaleGetsSwedishMessagesInTheSameForm() throws {
        let site = try SiteFixture()
        try site.write("content/roller/kurator.md", "---\ntitle: Kurator\nreviewd: x\n---\n\nText.\n")
        let swedish = try Tool.run(["build"], in: site.root, environment: ["SOURCE_DATE_EPOCH": Tool.fixedDate, "LANG": "sv_SE.UTF-8", "LC_ALL": ""])
        #expect(swedish.diagnostics.contains { $0.hasPrefix("content/roller/kurator.md:3:1: varning: okänd nyckel 'reviewd' i sidhuvudet används inte") },
                "\(swedish.stderr)")
        #expect(swedish.stdout.contains("Byggde intranat"), "\(swedish.stdout)")
        let english = try Tool.run(["build", "--lang", "en"], in: site.root, environment: ["SOURCE_DATE_EPOCH": Tool.fixedDate, "LANG": "sv_SE.UTF-8", "LC_ALL": ""])
        #expect(english.diagnostics.contains { $0.hasPrefix("content/roller/kurator.md:3:1: warning: unknown front matter key 'reviewd' is ignored") },
                "\(english.stderr)")
    }
}
