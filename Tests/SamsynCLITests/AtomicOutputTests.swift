import Foundation
import Testing

/// A build killed at any moment, or two builds into one folder at once, never leave a
/// target missing or partial: each target is whole, the old site or the new.
@Suite(.serialized) struct AtomicOutputTests {
    /// A site with enough pages that a build has many moments to be killed at.
    func largeSite() throws -> SiteFixture {
        let site = try SiteFixture()
        for index in 0..<300 {
            try site.write("content/vardnadshavare/sida-\(index).md", "---\ntitle: Sida \(index)\naudience: [guardians]\n---\n\nVersion 1 av sidan \(index).\n")
        }
        return site
    }

    func start(_ site: SiteFixture, output: String = "public") throws -> Process {
        let process = Process()
        process.executableURL = Tool.executable
        process.arguments = ["build", "--output", output]
        process.currentDirectoryURL = site.root
        process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": Tool.fixedDate]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func targets(_ site: SiteFixture, output: String = "public") throws -> [String: [String: Data]] {
        var result: [String: [String: Data]] = [:]
        for target in ["intranat", "webb"] {
            result[target] = try snapshot(site.root.appendingPathComponent("\(output)/\(target)"))
        }
        return result
    }

    @Test func aBuildKilledAtAnyMomentLeavesEveryTargetWhole() throws {
        let site = try largeSite()
        try site.build()
        let old = try targets(site)
        for index in 0..<300 {
            try site.write("content/vardnadshavare/sida-\(index).md", "---\ntitle: Sida \(index)\naudience: [guardians]\n---\n\nVersion 2 av sidan \(index).\n")
        }
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try site.run("build", "--output", "public-new").status == 0)
        let duration = Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)
        let new = try targets(site, output: "public-new")
        #expect(old["webb"] != new["webb"])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<25 {
            let process = try start(site)
            usleep(UInt32(Double.random(in: 0...(duration * 1.1), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try targets(site)
            for target in ["intranat", "webb"] {
                #expect(now[target] == old[target] || now[target] == new[target], "\(target) is neither the old site nor the new")
            }
        }
        try site.build()
        #expect(try targets(site) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("public").path).filter { $0.hasPrefix(".") && $0 != ".samsyn.lock" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func twoBuildsAtOnceBothFinishWithAWholeSite() throws {
        let site = try largeSite()
        #expect(try site.run("build", "--output", "reference").status == 0)
        let expected = try targets(site, output: "reference")
        for _ in 0..<4 {
            let first = try start(site), second = try start(site)
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
            #expect(try targets(site) == expected)
        }
    }
}
