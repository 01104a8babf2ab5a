import Foundation
import Testing
@testable import SamsynCharts

@Suite struct FlowChartTests {
    static let chart = FlowChart(lanes: ["Mentor", "Rektor"], steps: [
        .init(number: 1, label: "Registrerar frånvaron samma dag", lane: 0, href: "#steg-1"),
        .init(number: 2, label: "Beslutar om utredning", lane: 1, href: "#steg-2"),
        .init(number: 3, label: "Följer upp", lane: 0, href: "#steg-3"),
    ])

    @Test func oneLanePerRoleAndOneLinkedBoxPerStep() {
        let svg = Self.chart.svg
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" class="flow-svg" viewBox="0 0 666 228" aria-hidden="true""#))
        #expect(svg.contains(">Mentor</text>"))
        #expect(svg.contains(">Rektor</text>"))
        for number in 1...3 {
            #expect(svg.contains(##"<a href="#steg-\##(number)" tabindex="-1">"##))
        }
        // Step 2 sits in the second lane, its box lower than those of steps 1 and 3.
        #expect(svg.contains(##"<rect x="326" y="122" width="152" height="92" fill="#ffffff""##))
        #expect(svg.contains(##"<rect x="158" y="10" width="152" height="92" fill="#ffffff""##))
    }

    @Test func snapshot() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/flow.svg")
        if ProcessInfo.processInfo.environment["SAMSYN_RECORD_SNAPSHOTS"] == "1" {
            try Self.chart.svg.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(Self.chart.svg == (try String(contentsOf: file, encoding: .utf8)))
    }
}
