import Foundation
import Testing
@testable import Samsyn

@Suite struct SearchTests {
    /// The cases the browser test checks search.js against: both must give these terms.
    static let cases: [String: [String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("search-cases.json")
        return (try? JSONDecoder().decode([String: [String]].self, from: Data(contentsOf: url))) ?? [:]
    }()

    @Test func swedishWordsAreFoldedAndStemmed() {
        #expect(Self.cases.count > 10)
        for (word, expected) in Self.cases {
            #expect(SwedishSearch.terms(word) == expected, "\(word)")
        }
    }

    @Test func titleHitsRankAboveBodyHits() throws {
        var index = SearchIndex()
        index.add(.init(title: "Hembesök", url: "a/", kind: "Insats", section: "Verktygslådan", excerpt: ""),
                  weights: SearchIndex.weights(of: [("Hembesök", 10), ("", 5), ("", 3), ("Vid orosanmälan gör vi ett hembesök.", 1)]))
        index.add(.init(title: "Orosanmälan", url: "b/", kind: "Rutin", section: "Rutiner", excerpt: ""),
                  weights: SearchIndex.weights(of: [("Orosanmälan", 10), ("Arbetsgång", 5), ("", 3), ("Text.", 1)]))
        let shard = try #require(index.files().first { $0.path == "search/t-or.json" })
        let postings = try #require(try JSONSerialization.jsonObject(with: shard.contents) as? [String: [[Double]]])
        let hits = try #require(postings["orosanmala"])
        #expect(hits.first?.first == 1, "the page with the word in its title first")
        #expect(hits.count == 2)
    }

    @Test func compoundsAreFiledUnderTheirParts() throws {
        var index = SearchIndex()
        index.add(.init(title: "Orosanmälan", url: "a/", kind: "Rutin", section: "Rutiner", excerpt: ""),
                  weights: SearchIndex.weights(of: [("Orosanmälan", 10)]))
        index.add(.init(title: "Anmälan", url: "b/", kind: "Rutin", section: "Rutiner", excerpt: ""),
                  weights: SearchIndex.weights(of: [("Anmälan till rektor", 10)]))
        let shard = try #require(index.files().first { $0.path == "search/t-an.json" })
        let postings = try #require(try JSONSerialization.jsonObject(with: shard.contents) as? [String: [[Double]]])
        #expect(Set(postings["anmala"]?.map { Int($0[0]) } ?? []) == [0, 1])
    }

    @Test func largeShardsAreSplitByAnotherLetter() throws {
        var index = SearchIndex()
        for number in 0..<400 {
            // Many long words starting "fr": more than one shard's worth.
            let words = (0..<40).map { "franvaro\(number)x\($0)" }.joined(separator: " ")
            index.add(.init(title: "Sida \(number)", url: "\(number)/", kind: "Sida", section: "", excerpt: ""),
                      weights: SearchIndex.weights(of: [(words + " fr", 1)]))
        }
        let files = index.files()
        let shards = files.filter { $0.path.hasPrefix("search/t-fr") }
        #expect(shards.count > 1)
        #expect(shards.contains { $0.path == "search/t-fr=.json" }, "the two-letter term keeps a shard of its own")
        let meta = try #require(files.first { $0.path == "search/meta.json" })
        let keys = try #require((try JSONSerialization.jsonObject(with: meta.contents) as? [String: Any])?["shards"] as? [String])
        #expect(Set(keys) == Set(shards.map { String($0.path.dropFirst("search/t-".count).dropLast(".json".count)) }))
    }
}
