/// Every page's search terms, counted once for all targets (a page in two targets is not
/// counted twice) and kept compact: a page's terms are ids into one vocabulary, not strings
/// in a dictionary of its own.
struct SearchTermTable: Sendable {
    struct WeightedTerm: Sendable {
        var term: Int32
        var weight: Float
    }

    /// Term ids are positions in this list.
    private(set) var vocabulary: [String] = []
    private var ids: [String: Int32] = [:]
    /// Keyed by the page's source path.
    private var termsByPage: [String: [WeightedTerm]] = [:]

    init() {}

    /// Counts the terms of every page, on every core a chunk at a time, so that only the
    /// compact table, not every page's counts, stays in memory.
    init(pages: [Page]) {
        for chunkStart in stride(from: 0, to: pages.count, by: 256) {
            let chunk = pages[chunkStart..<min(chunkStart + 256, pages.count)]
            let counted = Parallel.map(chunk.count) { Self.weights(of: Self.fields(of: chunk[chunkStart + $0])) }
            for (page, weights) in zip(chunk, counted) { set(weights, for: page.sourcePath) }
        }
    }

    /// What a page is searched by: title 10, headings 5, summary 3, body 1 per occurrence.
    static func fields(of page: Page) -> [(text: String, weight: Int)] {
        [(page.title, 10), (page.outline.headings.map(\.text).joined(separator: " "), 5),
         (page.summary ?? "", 3), (page.readableText, 1)]
    }

    /// Each term's weight in a page: its field's weight per occurrence, at most three
    /// occurrences counted per field.
    static func weights(of fields: [(text: String, weight: Int)]) -> [String: Float] {
        // One table for all fields (a page has four), a term's count in each field packed
        // into a byte of its value, capped at three: a table per field, merged after, took
        // twice as long.
        precondition(fields.count <= 4, "a term's counts are packed into four bytes")
        var counts: [String: UInt32] = Dictionary(minimumCapacity: 512)
        for (field, entry) in fields.enumerated() {
            let shift = UInt32(field * 8)
            for term in SwedishSearch.terms(entry.text) {
                Self.count(&counts[term, default: 0], shift: shift)
            }
        }
        return counts.mapValues { packed in
            fields.enumerated().reduce(Float(0)) { sum, field in
                sum + Float(field.element.weight * Int((packed >> UInt32(field.offset * 8)) & 0xFF))
            }
        }
    }

    private static func count(_ packed: inout UInt32, shift: UInt32) {
        if (packed >> shift) & 0xFF < 3 { packed &+= 1 << shift }
    }

    /// Counts (or counts again, after an edit) the terms of one page.
    mutating func update(_ page: Page) {
        set(Self.weights(of: Self.fields(of: page)), for: page.sourcePath)
    }

    mutating func set(_ weights: [String: Float], for key: String) {
        var terms: [WeightedTerm] = []
        terms.reserveCapacity(weights.count)
        for (term, weight) in weights {
            terms.append(WeightedTerm(term: id(of: term), weight: weight))
        }
        termsByPage[key] = terms
    }

    subscript(key: String) -> [WeightedTerm] { termsByPage[key] ?? [] }

    private mutating func id(of term: String) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(vocabulary.count)
        vocabulary.append(term)
        ids[term] = id
        return id
    }
}
