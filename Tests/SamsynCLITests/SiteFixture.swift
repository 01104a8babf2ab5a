import Foundation
import Testing

/// A small, valid site in a temporary folder, with the repository's own templates,
/// that each test changes in one place to see what the tool says.
struct SiteFixture {
    let root: URL

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A temporary folder for this test process, under one folder per process: the folders
    /// of test processes that have ended are removed when the next one starts, so fixtures
    /// do not pile up in the temporary folder run after run.
    static func temporaryFolder(_ prefix: String) -> URL {
        processFolder.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    private static let processFolder: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "samsyn-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        return temporary.appendingPathComponent(prefix + String(getpid()))
    }()

    init() throws {
        root = Self.temporaryFolder("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates")
        )
        for (path, text) in Self.files { try write(path, text) }
    }

    static let files: [String: String] = [
        "content/site.yml": """
            title: Testkommun
            language: sv
            targets:
              intranat:
                audiences: [staff, guardians, politicians]
                base_url: https://intranat.test.se/skolnarvaro/
              webb:
                audiences: [guardians]
                base_url: https://www.test.se/skolnarvaro/
            accessibility:
              organisation: Testkommun
              service: Skolnärvaro i Testkommun
              compliance: delvis
              shortcomings:
                - description: Diagrammen saknar ljudbeskrivning.
                  reason: Siffrorna finns i tabeller.
              method: Självskattning med axe-core.
              assessed: 2026-10-01
              updated: 2026-11-01
              contact:
                email: webb@test.se
                phone: 011-00 00 00
              response_time: Vi svarar inom två arbetsdagar.
            """,
        "content/roller/kurator.md": """
            ---
            title: Kurator
            organisation: elevhälsa
            ---

            Kuratorn ger stödsamtal.
            """,
        "content/roller/rektor.md": """
            ---
            title: Rektor
            organisation: skola
            ---

            Rektorn ansvarar för skolans arbete.
            """,
        "content/rutiner/oroande-franvaro.md": """
            ---
            title: Oroande frånvaro
            summary: Vad skolan gör när frånvaron oroar.
            owner: rektor
            roles: [kurator]
            reviewed: 2026-01-15
            ---

            ## Arbetsgång

            1. [Kurator](../roller/kurator.md) träffar eleven.
            2. [Rektor](../roller/rektor.md) beslutar om utredning.

            ## Steg 3

            Se [information till vårdnadshavare](../vardnadshavare/franvaro.md#om-franvaro).
            """,
        "content/vardnadshavare/franvaro.md": """
            ---
            title: Frånvaro från skolan
            audience: [guardians]
            ---

            ## Om frånvaro

            Ring skolan varje morgon. Läs hur [skolan arbetar](../rutiner/oroande-franvaro.md#steg-3).
            """,
        "content/vardnadshavare/franvaro.en.md": """
            ---
            title: Absence from school
            ---

            Call the school every morning.
            """,
    ]

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Runs `samsyn build` and records a failure unless it succeeded: a test that looks at
    /// the output must not pass because no output was written.
    @discardableResult
    func build(sourceLocation: SourceLocation = #_sourceLocation) throws -> ToolResult {
        let result = try run("build")
        #expect(result.status == 0, "the build failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs `samsyn` with the fixture as working directory.
    func run(_ arguments: String...) throws -> ToolResult {
        try Tool.run(arguments, in: root)
    }

    func run(_ arguments: [String], environment: [String: String]) throws -> ToolResult {
        try Tool.run(arguments, in: root, environment: environment)
    }
}

struct ToolResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var diagnostics: [String] { stderr.split(separator: "\n").map(String.init) }
}

enum Tool {
    /// The built `samsyn` executable, beside the test bundle in SwiftPM's build folder.
    static let executable: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("samsyn")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return SiteFixture.repositoryRoot.appendingPathComponent(".build/debug/samsyn")
    }()

    /// 2026-11-24, so that which routines are overdue does not depend on the day the tests run.
    static let fixedDate = "1795521600"

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = ["SOURCE_DATE_EPOCH": fixedDate]) throws -> ToolResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // A hang is a failure, not a test that never ends: the tool is killed after a minute.
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        // Drain stderr on another thread while reading stdout, so neither pipe can fill and block the tool.
        let stderrBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let stderrData = stderrBox.data
        process.waitUntilExit()
        return ToolResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self)
        )
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
