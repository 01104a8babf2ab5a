import Foundation
import SamsynCharts
import SamsynSupport
import Testing
@testable import Samsyn

/// A small site loaded in-process through the pipeline's steps up to rendering, so the
/// model, each target's view and each generator can be looked at as values.
struct LoadedFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    let loaded: LoadedSite
    let log: DiagnosticLog

    static let files: [String: String] = [
        "content/site.yml": """
            title: Testkommun
            language: sv
            languages: [sv, en]
            targets:
              intranat:
                audiences: [staff, guardians, politicians]
                base_url: https://intranat.test.se/
              webb:
                audiences: [guardians]
                base_url: https://www.test.se/narvaro/
            accessibility:
              organisation: Testkommun
              service: Skolnärvaro i Testkommun
              compliance: delvis
              shortcomings:
                - description: Diagrammen saknar ljudbeskrivning.
                  reason: Siffrorna finns i tabeller.
              method: Självskattning.
              assessed: 2026-10-01
              updated: 2026-11-01
              contact:
                email: webb@test.se
                phone: 011-00 00 00
              response_time: Inom två arbetsdagar.
            """,
        "content/roller/kurator.md": "---\ntitle: Kurator\n---\n\nKuratorn ger stödsamtal.\n",
        "content/roller/rektor.md": "---\ntitle: Rektor\n---\n\nRektorn ansvarar.\n",
        "content/rutiner/oroande-franvaro.md": """
            ---
            title: Oroande frånvaro
            owner: rektor
            roles: [kurator]
            reviewed: 2025-01-15
            ---

            ## Arbetsgång

            1. [Kurator](../roller/kurator.md) träffar eleven.
            2. [Rektorn](../roller/rektor.md) beslutar om utredning.
            3. Skolan följer upp.

            Se [sidan för vårdnadshavare](../vardnadshavare/franvaro.md#om-franvaro).
            """,
        "content/vardnadshavare/franvaro.md": """
            ---
            title: Frånvaro från skolan
            audience: [guardians]
            ---

            ## Om frånvaro

            Ring skolan varje morgon. Läs hur [skolan arbetar](../rutiner/oroande-franvaro.md).
            """,
        "content/vardnadshavare/kontakt.md": "---\ntitle: Kontakt\naudience: [guardians]\n---\n\nRing oss.\n",
        "content/vardnadshavare/franvaro.en.md": "---\ntitle: Absence from school\n---\n\nCall the school every morning.\n",
        "content/verktygslada/samtal.md": """
            ---
            title: Stödsamtal
            audience: [staff, guardians]
            level: förebyggande
            for: [elev]
            delivered_by: [kurator]
            ---

            Samtal med eleven.
            """,
    ]

    /// 2026-11-24, as the command-line tests fix it.
    static let today = LocalDate("2026-11-24")!

    init(changing changes: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        for (path, text) in Self.files.merging(changes, uniquingKeysWith: { $1 }) { try Self.write(text, to: root.appendingPathComponent(path)) }
        var log = DiagnosticLog()
        var timer = StepTimer()
        let options = BuildOptions(sourceDirectory: root, outputDirectory: root.appendingPathComponent("public"), today: Self.today)
        let loaded = Pipeline(options: options).load(log: &log, timer: &timer)
        self.loaded = try #require(loaded, "\(log.sorted.map(\.message))")
        self.log = log
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    var site: Site { loaded.site }

    func page(_ contentPath: String) throws -> Page { try #require(site.page(contentPath: contentPath)) }

    func renderer(_ target: String) throws -> TargetRenderer {
        let target = try #require(loaded.targets.first { $0.name == target })
        return loaded.renderer(for: target, templates: try #require(loaded.templates), today: Self.today)
    }

    /// The page at `file` read again after its text changed on disk (`samsyn serve`).
    func reloaded(_ file: String, text: String) throws -> Page {
        try Self.write(text, to: root.appendingPathComponent("content/" + file))
        var log = DiagnosticLog()
        let page = ContentLoader(sourceDirectory: root, config: loaded.config).reload(file: file, originals: site.page(contentPath:), log: &log)
        #expect(!log.hasErrors, "\(log.sorted)")
        return try #require(page)
    }
}

@Suite struct SiteModelTests {
    @Test func linksResolveThroughTheIndexToPagesAndHeadings() throws {
        let fixture = try LoadedFixture()
        defer { fixture.remove() }
        #expect(!fixture.log.hasErrors, "\(fixture.log.sorted)")
        let routine = try fixture.page("rutiner/oroande-franvaro.md")
        let index = fixture.site.index
        guard case .success(.page(let rektor, nil)) = index.resolve("../roller/rektor.md", from: routine) else {
            Issue.record("no page for ../roller/rektor.md"); return
        }
        #expect(rektor.id == "rektor" && rektor.urlPath == "roller/rektor/")
        guard case .success(.page(_, "om-franvaro")) = index.resolve("../vardnadshavare/franvaro.md#om-franvaro", from: routine) else {
            Issue.record("no heading"); return
        }
        guard case .failure(let broken) = index.resolve("../roller/rektorn.md", from: routine) else { Issue.record("a broken link resolved"); return }
        #expect(broken.message == "broken link: no page 'content/roller/rektorn.md' (did you mean '../roller/rektor.md'?)")
        guard case .failure(let anchor) = index.resolve("../roller/rektor.md#ansvar", from: routine) else { Issue.record("a broken anchor resolved"); return }
        #expect(anchor.message.hasPrefix("broken anchor: 'content/roller/rektor.md' has no heading or step with the id 'ansvar'"))
        guard case .success(.samePage("steg-2")) = index.resolve("#steg-2", from: routine) else { Issue.record("a step anchor"); return }
        guard case .success(.external) = index.resolve("https://skolverket.se", from: routine) else { Issue.record("external"); return }
        // Resolved once at load, in the order of the outline's links.
        #expect(fixture.site.linkTargets(of: routine).count == routine.outline.links.count)
    }

    @Test func aRoutinesStepsAndFlowNameTheRolesItsLinksLeadTo() throws {
        let fixture = try LoadedFixture()
        defer { fixture.remove() }
        let routine = try fixture.page("rutiner/oroande-franvaro.md")
        let steps = try #require(fixture.site.steps[routine.sourcePath])
        #expect(steps.map(\.role) == ["kurator", "rektor", nil])
        #expect(steps.map(\.roleText) == ["Kurator", "Rektorn", nil])
        let flow = try #require(fixture.site.flow(of: routine))
        #expect(flow.lanes == ["Kurator", "Rektor", nil])
        #expect(flow.steps.map { flow.lane(of: $0) } == [0, 1, 2])
        #expect(fixture.site.flow(of: try fixture.page("roller/rektor.md")) == nil)
    }

    @Test func replacingTakesABodyEditAndRefusesWhatOtherPagesSee() throws {
        let fixture = try LoadedFixture()
        defer { fixture.remove() }
        let file = "vardnadshavare/franvaro.md"
        let original = LoadedFixture.files["content/" + file]!

        // A new sentence with a new link: only this page changes, its link is resolved anew.
        let edited = try fixture.reloaded(file, text: original + "\nSe även [kontakt](kontakt.md).\n")
        let site = try #require(fixture.site.replacing(edited))
        #expect(site.page(contentPath: file) === edited)
        guard case .success(.page(let target, nil))? = site.linkTargets(of: edited).last else { Issue.record("the new link"); return }
        #expect(target.id == "kontakt")
        #expect(site.pages.count == fixture.site.pages.count)

        // Other pages show its title, link to its headings, or read its front matter.
        let retitled = try fixture.reloaded(file, text: original.replacingOccurrences(of: "title: Frånvaro från skolan", with: "title: Frånvaro"))
        #expect(fixture.site.replacing(retitled) == nil)
        let newHeading = try fixture.reloaded(file, text: original.replacingOccurrences(of: "## Om frånvaro", with: "## Om ledighet"))
        #expect(fixture.site.replacing(newHeading) == nil)
        let routine = LoadedFixture.files["content/rutiner/oroande-franvaro.md"]!
        let newStep = try fixture.reloaded("rutiner/oroande-franvaro.md", text: routine.replacingOccurrences(of: "3. Skolan följer upp.", with: "3. Skolan följer upp.\n4. Mentor ringer hem."))
        #expect(fixture.site.replacing(newStep) == nil)
    }

    @Test func theChecksStepReportsWithoutRendering() throws {
        let fixture = try LoadedFixture(changing: [
            "content/rutiner/ny.md": "---\ntitle: Ny\nowner: rektorn\nreviewed: 2020-01-01\n---\n\n[Trasig](saknas.md)\n",
        ])
        defer { fixture.remove() }
        var log = DiagnosticLog()
        _ = SiteChecks.run(on: fixture.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        let messages = log.sorted.map(\.message)
        #expect(messages.contains("unknown role 'rektorn' (did you mean 'rektor'?)"))
        #expect(messages.contains { $0.hasPrefix("broken link: no page 'content/rutiner/saknas.md'") })
        #expect(messages.contains { $0.hasPrefix("the routine was due for review on 2021-01-01") })
    }
}

@Suite struct TargetViewTests {
    @Test func aPublicTargetSeesOnlyItsAudiencesPages() throws {
        let fixture = try LoadedFixture()
        defer { fixture.remove() }
        let web = try fixture.renderer("webb").view
        #expect(web.pages.map(\.contentPath) == ["vardnadshavare/franvaro.en.md", "vardnadshavare/franvaro.md", "vardnadshavare/kontakt.md", "verktygslada/samtal.md"])
        #expect(web.sections.map(\.name) == ["verktygslada", "vardnadshavare"])
        #expect(!web.hasStaffOverviews)
        #expect(!web.contains(try fixture.page("roller/rektor.md")))
        #expect(web.versionsByID["franvaro"]?.map(\.language) == ["en", "sv"])

        let intranet = try fixture.renderer("intranat").view
        #expect(intranet.sections.map(\.name) == ["rutiner", "roller", "verktygslada", "vardnadshavare"])
        #expect(intranet.hasStaffOverviews)
        #expect(intranet.roleRelations["rektor"]?.owns.map(\.id) == ["oroande-franvaro"])
        #expect(intranet.roleRelations["kurator"]?.takesPartIn.map(\.id) == ["oroande-franvaro"])
        #expect(intranet.roleRelations["kurator"]?.delivers.map(\.id) == ["samtal"])
        let part = try #require(intranet.participation["kurator"]?.first?.part)
        #expect(!part.owner && part.listed && part.steps == [1])
    }
}

@Suite struct GeneratorTests {
    /// What every generator writes for a target, by generator.
    static func outputs(_ renderer: TargetRenderer) -> [(Generator, [OutputFile])] {
        (Generator.all + [Generator.searchIndex]).map { generator in
            var log = DiagnosticLog()
            let files = generator.jobs(renderer).flatMap { $0.run(&log) }
            #expect(!log.hasErrors)
            return (generator, files)
        }
    }

    @Test func everyGeneratorWritesOnlyWhereItDeclares() throws {
        let fixture = try LoadedFixture()
        defer { fixture.remove() }
        for target in ["intranat", "webb"] {
            let renderer = try fixture.renderer(target)
            let sections = Set(renderer.view.sections.map { $0.name + "/" })
            for (generator, files) in Self.outputs(renderer) {
                for file in files {
                    let declared = generator.paths.contains { file.path == $0 || ($0.hasSuffix("/") && file.path.hasPrefix($0)) }
                    let section = generator.paths.isEmpty && sections.contains { file.path.hasPrefix($0) }
                    let language = file.path.split(separator: "/").first.map { fixture.site.languages.contains(String($0)) } ?? false
                    #expect(declared || section || language, "\(generator.what) wrote \(file.path) in \(target)")
                }
            }
        }
    }

    @Test func eachTargetGetsTheGeneratedOutputsItsAudienceNeeds() throws {
        let fixture = try LoadedFixture()
        defer { fixture.remove() }
        func paths(_ target: String) throws -> Set<String> {
            Set(Self.outputs(try fixture.renderer(target)).flatMap { $0.1.map(\.path) })
        }
        let intranet = try paths("intranat"), web = try paths("webb")
        // Staff overviews on the intranet only, the sitemap on the public web only; the
        // accessibility statement wherever guardians or politicians read.
        for path in ["granskning/index.html", "vem-gor-vad/index.html"] {
            #expect(intranet.contains(path) && !web.contains(path), "\(path)")
        }
        #expect(web.contains("sitemap.xml") && !intranet.contains("sitemap.xml"))
        for path in ["index.html", "robots.txt", "sok/index.html", "tillganglighet/index.html", "verktygslada/index.html", "vardnadshavare/index.html"] {
            #expect(intranet.contains(path) && web.contains(path), "\(path)")
        }
        #expect(intranet.contains("rutiner/index.html") && !web.contains("rutiner/index.html"))
        // kontakt has no English version: a page says so under en/.
        #expect(web.contains("en/vardnadshavare/kontakt/index.html") && !web.contains("en/vardnadshavare/franvaro/index.html"))
        #expect(web.contains { $0.hasPrefix("search/") })
    }

    @Test func theSitemapAndRobotsFollowTheTarget() throws {
        let fixture = try LoadedFixture()
        defer { fixture.remove() }
        let web = try fixture.renderer("webb")
        let sitemap = web.sitemap()
        for page in web.view.pages {
            #expect(sitemap.contains("<loc>https://www.test.se/narvaro/\(page.urlPath)</loc>"), "\(page.urlPath)")
        }
        #expect(!sitemap.contains("roller/") && !sitemap.contains("granskning/"))
        #expect(web.robots().contains("Sitemap: https://www.test.se/narvaro/sitemap.xml"))
        #expect(try fixture.renderer("intranat").robots() == "User-agent: *\nDisallow: /\n")
    }

    @Test func theReviewOverviewListsEveryRoutineOverdueFirst() throws {
        let fixture = try LoadedFixture(changing: [
            "content/rutiner/ny.md": "---\ntitle: Ny rutin\nowner: rektor\nreviewed: 2026-10-01\n---\n\nText.\n",
        ])
        defer { fixture.remove() }
        let html = try fixture.renderer("intranat").renderReviewOverview()
        let overdue = try #require(html.range(of: "Oroande frånvaro")), current = try #require(html.range(of: "Ny rutin"))
        #expect(overdue.lowerBound < current.lowerBound)
        #expect(html.contains("../rutiner/ny/"))
    }
}

@Suite struct InterfaceTextTests {
    /// Charts read their words from the interface text, not from defaults in code: the
    /// default language must have every one, or the build says which it lacks.
    @Test func theDefaultLanguageMustHoldEveryChartWord() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-i18n-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sv = try String(contentsOf: LoadedFixture.repositoryRoot.appendingPathComponent("templates/i18n/sv.yml"), encoding: .utf8)
        var log = DiagnosticLog()
        try LoadedFixture.write(sv, to: root.appendingPathComponent("templates/i18n/sv.yml"))
        let complete = try #require(Localization.load(languages: ["sv"], defaultLanguage: "sv", sourceDirectory: root, log: &log))
        #expect(ChartText(complete.strings(for: "sv")).figure == "Figur")

        let lacking = sv.split(separator: "\n").filter { !$0.contains("chart_figure:") && !$0.contains("chart_describe_line:") }.joined(separator: "\n")
        try LoadedFixture.write(lacking, to: root.appendingPathComponent("templates/i18n/sv.yml"))
        log = DiagnosticLog()
        #expect(Localization.load(languages: ["sv"], defaultLanguage: "sv", sourceDirectory: root, log: &log) == nil)
        #expect(log.sorted.map(\.message) == ["the interface text of the default language 'sv' lacks 'chart_figure', 'chart_describe_line'; every language falls back to it, so it must have every key"])
        #expect(log.sorted.first?.location.path == "templates/i18n/sv.yml")
    }
}
