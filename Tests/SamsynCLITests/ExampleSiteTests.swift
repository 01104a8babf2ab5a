import Foundation
import Testing

/// The example site in content/ builds cleanly, and each target holds exactly the pages meant for it.
@Suite struct ExampleSiteTests {
    static let repository = SiteFixture.repositoryRoot

    /// Page files under content/ with the audiences their front matter gives (staff when none).
    static func pages() throws -> [(path: String, audiences: Set<String>)] {
        let content = repository.appendingPathComponent("content")
        let files = FileManager.default.enumerator(atPath: content.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        return try files.sorted().map { file in
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let line = text.split(separator: "\n").first { $0.hasPrefix("audience:") }
            let names = line.map { $0.dropFirst("audience:".count).filter { !"[] ".contains($0) }.split(separator: ",").map(String.init) }
            return (file, Set(names ?? ["staff"]))
        }
    }

    @Test func exampleHasWhatTheIssueAsksFor() throws {
        let pages = try Self.pages().map(\.path)
        func count(_ folder: String) -> Int { pages.filter { $0.hasPrefix(folder + "/") && $0.split(separator: ".").count == 2 }.count }
        #expect(count("rutiner") >= 6)
        #expect(count("roller") >= 8)
        #expect(count("verktygslada") >= 10)
        #expect(count("vardnadshavare") >= 3)
        #expect(count("rapport") >= 1)
    }

    @Test func exampleBuildsWithoutErrorsOrWarningsIntoTheRightTargets() throws {
        let output = SiteFixture.temporaryFolder("example")
        let result = try Tool.run(["build", "--source", Self.repository.path, "--output", output.path], in: Self.repository)
        #expect(result.status == 0, "\(result.stderr)")
        // On the fixed test date two routines are past their review date and one action past
        // its deadline, on purpose: the example shows what each looks like. Nothing else may warn.
        #expect(result.diagnostics.count == 3, "\(result.stderr)")
        #expect(result.diagnostics.allSatisfy { $0.contains("warning: the routine was due for review") || $0.contains("warning: the action is 'planerad' but its deadline was") },
                "\(result.stderr)")
        let webbAudiences: Set<String> = ["guardians", "politicians"]
        for page in try Self.pages() {
            var url = String(page.path.dropLast(3)) + "/index.html"
            let parts = page.path.split(separator: ".")
            if parts.count == 3 { url = "\(parts[1])/\(parts[0])/index.html" } // slug.<lang>.md
            let inIntranat = FileManager.default.fileExists(atPath: output.appendingPathComponent("intranat/" + url).path)
            let inWebb = FileManager.default.fileExists(atPath: output.appendingPathComponent("webb/" + url).path)
            #expect(inIntranat, "\(page.path) missing from intranat")
            if parts.count == 2 {
                #expect(inWebb == !page.audiences.isDisjoint(with: webbAudiences), "\(page.path) in webb: \(inWebb)")
            }
        }
        try? FileManager.default.removeItem(at: output)
    }
}
