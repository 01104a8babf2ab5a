import Foundation
import Testing

/// `samsyn kolada` against Kolada's API replayed from recorded answers on loopback
/// (`Kolada/replay_server.py`): no test reaches the internet.
@Suite(.serialized) struct KoladaTests {
    /// The replay server, started per test and stopped when the test ends.
    final class ReplayServer {
        let process = Process()
        let port: Int

        init() throws {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Kolada/replay_server.py")
            let portFile = SiteFixture.temporaryFolder("kolada-port")
            try FileManager.default.createDirectory(at: portFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, portFile.path]
            try process.run()
            // The server writes its port once it listens.
            var port = 0
            for _ in 0..<500 where port == 0 {
                port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) } ?? 0
                if port == 0 { usleep(10_000) }
            }
            self.port = port
        }

        var apiURL: String { "http://127.0.0.1:\(port)/v2" }

        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func koladaFiles(in fixture: SiteFixture) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("content/data").path)) ?? [])
            .filter { $0.hasPrefix("kolada-") }.sorted()
    }

    @Test func downloadsEveryPageAndTheKPIsDescriptionAndAnIndicatorBuildsFromThem() throws {
        let server = try ReplayServer()
        let fixture = try SiteFixture()
        let result = try fixture.run("kolada", "N15419", "--municipality", "0581", "--compare", "0000", "--years", "2012-2014", "--api-url", server.apiURL)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.koladaFiles(in: fixture) == ["kolada-n15419-kpi.json", "kolada-n15419.json"])
        let data = try JSONSerialization.jsonObject(with: Data(try fixture.read("content/data/kolada-n15419.json").utf8)) as? [String: Any]
        #expect((data?["values"] as? [Any])?.count == 4, "both pages of the answer")

        try fixture.write("content/indikatorer/godkanda.md", """
            ---
            title: Godkända i alla ämnen
            audience: [staff, politicians]
            definition: Andel elever i årskurs 9 med godkända betyg i alla ämnen.
            unit: percent
            better: higher
            data: kolada-n15419.json
            kpi: N15419
            municipality: "0581"
            compare: {Riket: "0000"}
            targets: {2015: 75}
            ---

            Analysen.
            """)
        try fixture.build()
        let page = try fixture.read("public/intranat/indikatorer/godkanda/index.html")
        #expect(page.contains("Källa: Kolada, N15419 Elever i åk 9 som uppnått kunskapskraven i alla ämnen"))
        #expect(page.contains("67,4\u{00A0}% (2014)"))
    }

    @Test(arguments: [
        (["N15419", "N99999"], "Kolada has no KPI 'N99999'; nothing was written"),
        (["N50000"], "Kolada answered 500 Internal Server Error for"),
        (["N15420"], "Kolada's answer at"),
    ])
    func aBadAnswerIsAClearErrorAndWritesNothing(_ kpis: [String], _ message: String) throws {
        let server = try ReplayServer()
        let fixture = try SiteFixture()
        let result = try fixture.run(["kolada"] + kpis + ["--municipality", "0581", "--api-url", server.apiURL], environment: [:])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(Self.koladaFiles(in: fixture).isEmpty)
    }

    @Test func noNetworkOrNoAnswerIsAClearErrorAndWritesNothing() throws {
        let fixture = try SiteFixture()
        // Port 1 on loopback: nothing listens, the connection is refused.
        let refused = try fixture.run(["kolada", "N15419", "--municipality", "0581", "--api-url", "http://127.0.0.1:1/v2"], environment: [:])
        #expect(refused.status == 1 && refused.stderr.contains("could not reach Kolada at http://127.0.0.1:1/v2/kpi/N15419"), "\(refused.stderr)")

        let server = try ReplayServer()
        let start = Date()
        let silent = try fixture.run(["kolada", "N15419", "--municipality", "0581", "--timeout", "1", "--api-url", "http://127.0.0.1:\(server.port)/hang/v2"],
                                     environment: [:])
        #expect(silent.status == 1 && silent.stderr.contains("Kolada did not answer within 1 seconds"), "\(silent.stderr)")
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(Self.koladaFiles(in: fixture).isEmpty)
    }

    @Test func argumentsThatNameNoKPIMunicipalityOrYearsAreRefused() throws {
        let fixture = try SiteFixture()
        for arguments in [["n15419", "--municipality", "0581"], ["N15419", "--municipality", "Norrköping"],
                          ["N15419", "--municipality", "0581", "--years", "2024-2015"], ["N15419"]] {
            let result = try fixture.run(["kolada"] + arguments, environment: [:])
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
    }
}
