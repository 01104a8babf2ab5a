import SamsynSupport
import Foundation
import Testing


@Suite struct ParallelTests {
    /// Counts its live instances (created on several threads at once).
    final class Tracked: Sendable {
        private static let lock = NSLock()
        nonisolated(unsafe) private static var count = 0
        static var alive: Int { lock.withLock { count } }
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.lock.withLock { Self.count += 1 }
        }
        deinit { Self.lock.withLock { Self.count -= 1 } }
    }

    @Test func resultsComeInOrderAndAreReleased() {
        do {
            let results = Parallel.map(100) { Tracked($0 * 2) }
            #expect(results.map(\.value) == (0..<100).map { $0 * 2 })
            #expect(Tracked.alive == 100)
        }
        // A leak here once held every rendered page of a build until the process ended.
        #expect(Tracked.alive == 0)
    }
}
