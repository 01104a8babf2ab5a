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

    @Test func termsAreWeightedPerFieldWithAtMostThreeOccurrencesEach() {
        // Many distinct words (the counting table grows past its first size), and one word
        // in the title once and in the body five times: 10 + 3 × 1.
        let many = (0..<3000).map { "ord\($0)x" }.joined(separator: " ")
        let weights = SearchTermTable.weights(of: [("Frånvaro", 10), ("", 5), ("", 3), (many + " frånvaro frånvaro, frånvaro. Frånvaro frånvaro", 1)])
        #expect(weights["franvaro"] == 13)
        #expect(weights.count == 3001)
        #expect(weights["ord2999x"] == 1)
        #expect(Set(weights.keys) == Set(SwedishSearch.terms(many + " frånvaro")))
    }

    /// An index of documents given as (title, fields to search).
    private func index(_ documents: [(title: String, fields: [(text: String, weight: Int)])]) -> SearchIndex {
        var table = SearchTermTable()
        for (number, document) in documents.enumerated() {
            table.set(SearchTermTable.weights(of: document.fields), for: "\(number)")
        }
        var index = SearchIndex(vocabulary: table.vocabulary)
        for (number, document) in documents.enumerated() {
            index.add(.init(title: document.title, url: "\(number)/", kind: "Rutin", section: "Rutiner", excerpt: ""), terms: table["\(number)"])
        }
        return index
    }

    @Test func titleHitsRankAboveBodyHits() throws {
        let index = index([
            ("Hembesök", [("Hembesök", 10), ("", 5), ("", 3), ("Vid orosanmälan gör vi ett hembesök.", 1)]),
            ("Orosanmälan", [("Orosanmälan", 10), ("Arbetsgång", 5), ("", 3), ("Text.", 1)]),
        ])
        let shard = try #require(index.files().first { $0.path == "search/t-or.json" })
        let postings = try #require(try JSONSerialization.jsonObject(with: shard.contents) as? [String: [[Double]]])
        let hits = try #require(postings["orosanmala"])
        #expect(hits.first?.first == 1, "the page with the word in its title first")
        #expect(hits.count == 2)
    }

    @Test func compoundsAreFiledUnderTheirParts() throws {
        let index = index([("Orosanmälan", [("Orosanmälan", 10)]), ("Anmälan", [("Anmälan till rektor", 10)])])
        let shard = try #require(index.files().first { $0.path == "search/t-an.json" })
        let postings = try #require(try JSONSerialization.jsonObject(with: shard.contents) as? [String: [[Double]]])
        #expect(Set(postings["anmala"]?.map { Int($0[0]) } ?? []) == [0, 1])
    }

    @Test func largeShardsAreSplitByAnotherLetter() throws {
        // Many long words starting "fr": more than one shard's worth.
        let index = index((0..<400).map { number in
            ("Sida \(number)", [((0..<40).map { "franvaro\(number)x\($0)" }.joined(separator: " ") + " fr", 1)])
        })
        let files = index.files()
        let shards = files.filter { $0.path.hasPrefix("search/t-fr") }
        #expect(shards.count > 1)
        #expect(shards.contains { $0.path == "search/t-fr=.json" }, "the two-letter term keeps a shard of its own")
        let meta = try #require(files.first { $0.path == "search/meta.json" })
        let keys = try #require((try JSONSerialization.jsonObject(with: meta.contents) as? [String: Any])?["shards"] as? [String])
        #expect(Set(keys) == Set(shards.map { String($0.path.dropFirst("search/t-".count).dropLast(".json".count)) }))
    }
}
