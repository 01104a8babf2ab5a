import Foundation
import SamsynMarkdown

/// The search index of one target, split so that a browser loads only what a query needs:
/// `search/meta.json`, term shards by their first two letters (`search/t-fr.json`), and
/// document shards of 50 pages (`search/d-0.json`).
struct SearchIndex {
    /// What the results list shows of a page.
    struct Document {
        var title: String
        var url: String
        var kind: String
        var section: String
        var excerpt: String
    }

    static let documentsPerShard = 50
    /// A term keeps its best postings only: ranking needs the top, and shards stay small.
    static let postingsPerTerm = 200

    private(set) var documents: [Document] = []
    private let vocabulary: [String]
    /// Per term id, (document, weight) appended in document order: compact, unlike nested dictionaries.
    private var postings: [[(document: Int32, weight: Float)]]

    /// - Parameter postingCounts: how many pages each term id will be added for, so that
    ///   every list is allocated once at its size rather than grown by doubling, which
    ///   leaves slack.
    init(vocabulary: [String], postingCounts: [Int]? = nil) {
        self.vocabulary = vocabulary
        postings = Array(repeating: [], count: vocabulary.count)
        if let postingCounts {
            for (term, count) in postingCounts.enumerated() where count > 0 { postings[term].reserveCapacity(count) }
        }
    }

    mutating func add(_ document: Document, terms: [SearchTermTable.WeightedTerm]) {
        let index = Int32(documents.count)
        documents.append(document)
        for term in terms { postings[Int(term.term)].append((index, term.weight)) }
    }

    func files() -> [OutputFile] {
        var postings: [String: [(document: Int32, weight: Float)]] = [:]
        for (id, list) in self.postings.enumerated() where !list.isEmpty { postings[vocabulary[id]] = list }
        let counted = postings
        // Compounds found by their parts: "orosanmälan" is also filed under "anmälan". A part
        // is at most `longestPart` letters: no word is longer, and looking up every suffix
        // of a long string of letters would cost the square of its length.
        let vocabulary = Set(postings.keys)
        for term in vocabulary where term.count >= 8 {
            let characters = Array(term)
            for start in max(3, characters.count - Self.longestPart)...(characters.count - 5) {
                let part = String(characters[start...])
                guard part != term, vocabulary.contains(part) else { continue }
                postings[part]! += counted[term]!.map { ($0.document, $0.weight / 2) }
            }
        }
        // Shards are written as JSON text directly: arrays of arrays of numbers for every
        // posting would take more memory than the rest of the build. A shard larger than
        // `shardBytes` is split by one more letter, so a common word's query stays small.
        var files: [OutputFile] = []
        var keys: [String] = []
        var pending = Dictionary(grouping: postings.keys) { Self.shardKey($0, length: 2) }.map { ($0.key, $0.value) }
        while let (key, terms) = pending.popLast() {
            let json = shardJSON(terms.sorted(), postings: postings)
            let splittable = terms.contains { $0.count > key.count }
            if json.utf8.count > Self.shardBytes, splittable, key.count < 5 {
                // Terms no longer than the key stay in a shard of their own under the key.
                let longer = Dictionary(grouping: terms.filter { $0.count > key.count }) { Self.shardKey($0, length: key.count + 1) }
                pending += longer.map { ($0.key, $0.value) }
                let exact = terms.filter { $0.count <= key.count }
                if !exact.isEmpty { pending.append((key + "=", exact)) }
                continue
            }
            keys.append(key)
            files.append(OutputFile(path: "search/t-\(key).json", contents: Data(json.utf8)))
        }
        files.sort { $0.path < $1.path }
        for start in stride(from: 0, to: documents.count, by: Self.documentsPerShard) {
            let slice = documents[start..<min(start + Self.documentsPerShard, documents.count)]
            let rows = slice.map { document in
                "[" + [document.title, document.url, document.kind, document.section, document.excerpt].map(Self.jsonString).joined(separator: ",") + "]"
            }
            files.append(OutputFile(path: "search/d-\(start / Self.documentsPerShard).json", contents: Data(("[" + rows.joined(separator: ",") + "]").utf8)))
        }
        let meta = #"{"documents":\#(documents.count),"documentsPerShard":\#(Self.documentsPerShard),"shards":[\#(keys.sorted().map(Self.jsonString).joined(separator: ","))]}"#
        files.append(OutputFile(path: "search/meta.json", contents: Data(meta.utf8)))
        return files
    }

    /// The longest part of a compound looked for (Swedish words are far shorter).
    static let longestPart = 40

    /// Above this a shard is split by one more letter of its terms.
    static let shardBytes = 48_000

    static func shardKey(_ term: String, length: Int) -> String { String(term.prefix(length)) }

    private func shardJSON(_ terms: [String], postings: [String: [(document: Int32, weight: Float)]]) -> String {
        var json = "{"
        for (position, term) in terms.enumerated() {
            var list = postings[term]!
            // A page is listed once under each of its terms, in page order; only compounds
            // add a page again. Such lists are summed per page, the rest taken as they are.
            if zip(list, list.dropFirst()).contains(where: { $0.document >= $1.document }) {
                var best: [Int32: Float] = [:]
                for (document, weight) in list { best[document, default: 0] += weight }
                list = best.map { ($0.key, $0.value) }
            }
            let top = list.sorted { ($0.weight, -$0.document) > ($1.weight, -$1.document) }.prefix(Self.postingsPerTerm)
            if position > 0 { json += "," }
            json += Self.jsonString(term) + ":[" + top.map { "[\($0.document),\(Self.number($0.weight))]" }.joined(separator: ",") + "]"
        }
        return json + "}"
    }

    /// A weight with at most one decimal, as JSON: `12`, `2.5`.
    static func number(_ value: Float) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    /// A JSON string literal as JSONSerialization writes one (with `/` unescaped), built by
    /// hand on bytes, which is much faster than JSONSerialization.
    static func jsonString(_ text: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case 0x0A: bytes += #"\n"#.utf8
            case 0x0D: bytes += #"\r"#.utf8
            case 0x09: bytes += #"\t"#.utf8
            case 0x08: bytes += #"\b"#.utf8
            case 0x0C: bytes += #"\f"#.utf8
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += #"\u00"#.utf8
                bytes += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
