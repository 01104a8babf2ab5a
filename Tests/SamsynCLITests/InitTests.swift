import Foundation
import Testing

/// `samsyn init`, tried as a municipality's web editor would: a new site that builds at
/// once, names the municipality and nothing else, warns about every placeholder until it
/// is filled in, refuses to publish with --strict until then, and publishes after.
@Suite struct InitTests {
    static func folder() -> URL { SiteFixture.temporaryFolder("init") }

    func run(_ arguments: [String], in folder: URL) throws -> ToolResult {
        try Tool.run(arguments, in: folder)
    }

    @Test func aNewSiteBuildsNamesTheMunicipalityAndWarnsAboutEveryPlaceholder() throws {
        let site = Self.folder()
        try FileManager.default.createDirectory(at: site.deletingLastPathComponent(), withIntermediateDirectories: true)
        let created = try run(["init", site.path, "--name", "Hudiksvalls kommun"], in: site.deletingLastPathComponent())
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("samsyn serve --source \(site.path)"))
        let config = try String(contentsOf: site.appendingPathComponent("content/site.yml"), encoding: .utf8)
        #expect(config.contains("title: \"Skolnärvaro i Hudiksvalls kommun\""))
        for kind in ["rutiner", "roller", "verktygslada", "vardnadshavare", "elever", "indikatorer", "rapport"] {
            let pages = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/\(kind)").path)
            #expect(pages.contains { $0.hasSuffix(".md") }, "a starter page in \(kind)")
        }
        // Nothing of the example municipality comes along.
        let everything = FileManager.default.enumerator(atPath: site.path)!.compactMap { $0 as? String }
        for file in everything where file.hasSuffix(".md") || file.hasSuffix(".yml") {
            let text = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("Exempelkommun") && !text.contains("Norrköping"), "\(file)")
        }

        let build = try run(["build"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        let placeholders = build.diagnostics.filter { $0.contains("warning:") && $0.contains("placeholder") }
        #expect(placeholders.count >= 20, "\(build.stderr)")
        // The accessibility statement's claims are each a placeholder, never a made-up assessment.
        for field in ["compliance", "method", "assessed", "updated", "email", "phone"] {
            let line = try #require(config.split(separator: "\n").firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(field + ":") }) + 1
            #expect(placeholders.contains { $0.hasPrefix("content/site.yml:\(line):") }, "\(field) is not flagged")
        }
        #expect(build.diagnostics.contains { $0.contains("base_url 'https://www.fyll-i.invalid/skolnarvaro/' is a placeholder") })
        let strict = try run(["build", "--strict"], in: site)
        #expect(strict.status == 1)

        // Filled in, the site publishes with --strict.
        try Self.fillIn(site)
        let published = try run(["build", "--strict"], in: site)
        #expect(published.status == 0, "\(published.stderr)")
        let statement = try String(contentsOf: site.appendingPathComponent("public/webb/tillganglighet/index.html"), encoding: .utf8)
        #expect(statement.contains("Hudiksvalls kommun") && !statement.contains("FYLL I"))
    }

    /// What an editor does: every `[FYLL I: …]` replaced, the dates and the compliance
    /// with real values, the addresses set, a first value in the indicator's data.
    static func fillIn(_ site: URL) throws {
        let files = FileManager.default.enumerator(atPath: site.appendingPathComponent("content").path)!.compactMap { $0 as? String }
        for file in files where file.hasSuffix(".md") || file.hasSuffix(".yml") {
            let url = site.appendingPathComponent("content/" + file)
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "\"[FYLL I: helt, delvis eller inte – efter er egen granskning]\"", with: "delvis")
            text = text.replacingOccurrences(of: #""\[FYLL I: datum[^\]]*\]""#, with: "2026-11-20", options: .regularExpression)
            text = text.replacingOccurrences(of: #""\[FYLL I: e-postadress[^\]]*\]""#, with: "skola@hudiksvall.se", options: .regularExpression)
            text = text.replacingOccurrences(of: #"\[FYLL I:[^\]]*\]"#, with: "Ifyllt av kommunen", options: .regularExpression)
            text = text.replacingOccurrences(of: "fyll-i.invalid", with: "hudiksvall.se")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try "termin;ogiltig_franvaro_procent\nVT 2026;2,4\n".write(to: site.appendingPathComponent("content/data/ogiltig-franvaro.csv"),
                                                                  atomically: true, encoding: .utf8)
    }

    @Test func aFolderThatIsNotEmptyIsRefusedUnlessForcedAndNothingIsReplaced() throws {
        let site = Self.folder()
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "title: Vår egen\n".write(to: site.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        let refused = try run(["init", ".", "--name", "Hudiksvalls kommun"], in: site)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is not empty"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("templates").path))
        let forced = try run(["init", ".", "--name", "Hudiksvalls kommun", "--force"], in: site)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("templates/base.mustache").path))
        #expect(try String(contentsOf: site.appendingPathComponent("content/site.yml"), encoding: .utf8) == "title: Vår egen\n")
    }

    @Test func aNameWithQuotesAndColonsStaysOneName() throws {
        let site = Self.folder()
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let created = try run(["init", ".", "--name", #"Kommunen "Norr": skola \ omsorg"#], in: site)
        #expect(created.status == 0, "\(created.stderr)")
        let build = try run(["build"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        let home = try String(contentsOf: site.appendingPathComponent("public/webb/index.html"), encoding: .utf8)
        #expect(home.contains("Skolnärvaro i Kommunen &quot;Norr&quot;: skola \\ omsorg"))
        #expect(try run(["init", ".", "--name", "  "], in: Self.folder().deletingLastPathComponent()).status == 2)
    }
}
