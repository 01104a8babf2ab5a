import Foundation
import Testing

/// The toolbox map, routine flows, the who-does-what matrix and checklists.
@Suite struct ToolboxTests {
    static let repository = SiteFixture.repositoryRoot

    /// The example site built once into a temporary folder.
    static func buildExample() throws -> URL {
        let output = SiteFixture.temporaryFolder("toolbox")
        let result = try Tool.run(["build", "--source", repository.path, "--output", output.path], in: repository)
        #expect(result.status == 0, "\(result.stderr)")
        return output
    }

    static func frontMatterValue(_ key: String, in text: String) -> [String] {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return [] }
        return line.dropFirst(key.count + 1).filter { !"[]".contains($0) }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The HTML between a heading and the next heading of the same or a higher level.
    static func section(_ html: String, heading: String, level: Int) -> String? {
        guard let start = html.range(of: "<h\(level)>\(heading)</h\(level)>") else { return nil }
        let rest = html[start.upperBound...]
        let end = (1...level).compactMap { rest.range(of: "<h\($0)>")?.lowerBound }.min() ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func theMapGroupsEveryExampleInterventionByLevelAndRecipient() throws {
        let output = try Self.buildExample()
        let map = try String(contentsOf: output.appendingPathComponent("intranat/verktygslada/index.html"), encoding: .utf8)
        let levels = ["främjande": "Främjande", "förebyggande": "Förebyggande", "åtgärdande": "Åtgärdande"]
        let recipients = ["elev": "För eleven", "vårdnadshavare": "För vårdnadshavare", "personal": "För personal"]
        let folder = Self.repository.appendingPathComponent("content/verktygslada")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(files.count >= 10)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let id = String(file.dropLast(3))
            let level = try #require(Self.frontMatterValue("level", in: text).first)
            let levelSection = try #require(Self.section(map, heading: levels[level]!, level: 2))
            for (recipient, heading) in recipients {
                let group = try #require(Self.section(levelSection, heading: heading, level: 3))
                let listed = group.contains("verktygslada/\(id)/\"")
                #expect(listed == Self.frontMatterValue("for", in: text).contains(recipient), "\(id) under \(level) / \(recipient)")
            }
        }
    }

    @Test func thePublicMapHoldsOnlyInterventionsForGuardians() throws {
        let output = try Self.buildExample()
        let map = try String(contentsOf: output.appendingPathComponent("webb/verktygslada/index.html"), encoding: .utf8)
        #expect(map.contains("<h1>Stöd vi kan erbjuda</h1>"))
        let folder = Self.repository.appendingPathComponent("content/verktygslada")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".md") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let forGuardians = Self.frontMatterValue("audience", in: text).contains("guardians")
            #expect(map.contains("verktygslada/\(file.dropLast(3))/\"") == forGuardians, "\(file)")
        }
    }

    @Test func aRoutineGetsAFlowWhoseLanesAndBoxesMatchItsSteps() throws {
        let site = try SiteFixture()
        #expect(try site.run("build").status == 0)
        let page = try site.read("public/intranat/rutiner/oroande-franvaro/index.html")
        let svg = try #require(page.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-svg\"").dropFirst().first)
        // Step 1 links Kurator, step 2 Rektor: two lanes in that order, a box per step.
        let kurator = try #require(svg.range(of: ">Kurator</text>")), rektor = try #require(svg.range(of: ">Rektor</text>"))
        #expect(kurator.lowerBound < rektor.lowerBound)
        #expect(svg.contains(##"<a href="#steg-1" tabindex="-1">"##))
        #expect(svg.contains(##"<a href="#steg-2" tabindex="-1">"##))
        #expect(!svg.contains("#steg-3"))
        #expect(svg.contains(">Träffar eleven</text>"), "the box says what is done, without the role")
        // The list stays the text alternative, with anchors for the boxes.
        #expect(page.contains(#"<li><span class="step-anchor" id="steg-1"></span><a href="../../roller/kurator/">Kurator</a> träffar eleven.</li>"#))
    }

    @Test func everyRoleAStepNamesTakesPartInIt() throws {
        let site = try SiteFixture()
        let text = try site.read("content/rutiner/oroande-franvaro.md").replacingOccurrences(
            of: "2. [Rektor](../roller/rektor.md) beslutar om utredning.",
            with: "2. [Rektor](../roller/rektor.md) och [kurator](../roller/kurator.md) gör var sin del, med [rektor](../roller/rektor.md) först.")
        try site.write("content/rutiner/oroande-franvaro.md", text)
        #expect(try site.run("build").status == 0)
        let matrix = try site.read("public/intranat/vem-gor-vad/index.html")
        // The kurator leads step 1 and takes part in step 2, though the rektor is named first there.
        #expect(matrix.contains("Steg 1, 2"), "\(matrix)")
        let kurator = try site.read("public/intranat/roller/kurator/index.html")
        #expect(kurator.contains("<p>Steg 1, 2</p>"))
        let rektor = try site.read("public/intranat/roller/rektor/index.html")
        #expect(rektor.contains("Steg 2") && !rektor.contains("Steg 2, 2"))
    }

    @Test func aStepsBoxShowsItsLabelOrItsFirstClauseAndNeverAPhraseCutShort() throws {
        let site = try SiteFixture()
        var text = try site.read("content/rutiner/oroande-franvaro.md")
        text = text.replacingOccurrences(of: "1. [Kurator](../roller/kurator.md) träffar eleven.",
                                         with: "1. [Kurator](../roller/kurator.md) och mentorn gör en första kartläggning: när, var och varför.")
        text = text.replacingOccurrences(of: "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\nstep_labels:\n  2: Beslut om utredning")
        try site.write("content/rutiner/oroande-franvaro.md", text)
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("public/intranat/rutiner/oroande-franvaro/index.html")
        let svg = try #require(page.components(separatedBy: "class=\"flow-svg\"").dropFirst().first?.components(separatedBy: "</svg>").first)
        let boxes = svg.components(separatedBy: "<a href=\"#steg-").dropFirst().map { box in
            box.components(separatedBy: "<text ").dropFirst(2).compactMap { $0.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first }
                .joined(separator: " ")
        }
        // The role is kept where others are joined to it; the clause ends at the colon, whole.
        #expect(boxes.first == "Kurator och mentorn gör en första kartläggning", "\(boxes)")
        #expect(boxes.dropFirst().first == "Beslut om utredning", "\(boxes)")
        #expect(!svg.contains("…"))
    }

    @Test func aLabelForAStepTheRoutineLacksIsAnError() throws {
        let site = try SiteFixture()
        let original = try site.read("content/rutiner/oroande-franvaro.md")
        try site.write("content/rutiner/oroande-franvaro.md",
                       original.replacingOccurrences(of: "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\nstep_labels: {3: Uppföljning}"))
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/rutiner/oroande-franvaro.md:7:18: error: a label for step 3, but the routine has 2 steps"), "\(result.stderr)")
        try site.write("content/rutiner/oroande-franvaro.md",
                       original.replacingOccurrences(of: "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\nstep_labels: {första: Samtal}"))
        let notANumber = try site.run("build")
        #expect(notANumber.diagnostics.contains { $0.hasPrefix("content/rutiner/oroande-franvaro.md:7:") && $0.contains("error: 'första' is not a step number") },
                "\(notANumber.stderr)")
    }

    @Test func aRoutineWhoseStepsNameNoRoleHasNoDiagram() throws {
        let site = try SiteFixture()
        try site.write("content/rutiner/enkel.md", "---\ntitle: Enkel\nowner: rektor\nreviewed: 2026-01-01\n---\n\n1. Ring hem.\n2. Skriv ner det.\n")
        #expect(try site.run("build").status == 0)
        let page = try site.read("public/intranat/rutiner/enkel/index.html")
        #expect(!page.contains("flow-svg"))
        #expect(page.contains(#"<span class="step-anchor" id="steg-2"></span>Skriv ner det."#))
    }

    @Test func aStepLinkingAnUnknownRoleIsAnError() throws {
        let site = try SiteFixture()
        let text = try site.read("content/rutiner/oroande-franvaro.md").replacingOccurrences(of: "1. [Kurator](../roller/kurator.md)", with: "1. [Kurator](../roller/kurtor.md)")
        try site.write("content/rutiner/oroande-franvaro.md", text)
        let result = try site.run("build")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/rutiner/oroande-franvaro.md:11:4: error: broken link: no page 'content/roller/kurtor.md' (did you mean '../roller/kurator.md'?)"), "\(result.stderr)")
    }

    @Test func theMatrixListsEveryRoutineAndRole() throws {
        let output = try Self.buildExample()
        let matrix = try String(contentsOf: output.appendingPathComponent("intranat/vem-gor-vad/index.html"), encoding: .utf8)
        for folder in ["rutiner", "roller"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("content/\(folder)").path)
            for file in files where file.hasSuffix(".md") {
                #expect(matrix.contains("href=\"../\(folder)/\(file.dropLast(3))/\""), "\(folder)/\(file)")
            }
        }
        #expect(matrix.contains("<strong>Ansvarig"))
        #expect(matrix.contains("Steg 1, 7"), "the mentor's steps in the routine for worrying absence")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("webb/vem-gor-vad").path))
        let mentor = try String(contentsOf: output.appendingPathComponent("intranat/roller/mentor/index.html"), encoding: .utf8)
        #expect(mentor.contains("<h3>Rollen i rutinerna</h3>"))
        #expect(mentor.contains("<p>Steg 1, 7</p>"))
    }

    @Test func aTaskListIsAChecklistWithBoxesToTick() throws {
        let output = try Self.buildExample()
        let page = try String(contentsOf: output.appendingPathComponent("intranat/rutiner/anmalan-till-rektor-och-huvudman/index.html"), encoding: .utf8)
        #expect(page.contains(#"<li><span class="task-box" aria-hidden="true"></span> Skolan har en utsedd närvaroansvarig"#))
        #expect(!page.contains(#"type="checkbox""#))
    }
}
