import SamsynSupport
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
        precondition(fields.count <= 4, "a term's counts are packed into four bytes")
        var counts = TermCounts()
        for (field, entry) in fields.enumerated() {
            let shift = UInt32(field * 8)
            SwedishSearch.forEachTerm(in: entry.text) { counts.count($0, shift: shift) }
        }
        var weights: [String: Float] = Dictionary(minimumCapacity: counts.count)
        counts.forEach { term, packed in
            weights[term] = fields.enumerated().reduce(Float(0)) { sum, field in
                sum + Float(field.element.weight * Int((packed >> UInt32(field.offset * 8)) & 0xFF))
            }
        }
        return weights
    }

    /// A page's terms counted on their bytes, in one table for all fields (a page has
    /// four), a term's count in each field packed into a byte of its value and capped at
    /// three. A String and a SipHash per word was most of the counting; here only each
    /// distinct term becomes a String.
    struct TermCounts {
        /// The distinct terms' bytes, one after the other.
        private var bytes: [UInt8] = []
        private var entries: [(start: Int32, length: Int32, packed: UInt32)] = []
        /// Open addressing: an entry's index, or -1; always at most half full.
        private var slots = [Int32](repeating: -1, count: 1024)

        var count: Int { entries.count }

        mutating func count(_ term: UnsafeBufferPointer<UInt8>, shift: UInt32) {
            var slot = Int(Self.hash(term)) & (slots.count - 1)
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                let entry = entries[index]
                if Int(entry.length) == term.count, bytes[Int(entry.start)..<Int(entry.start + entry.length)].elementsEqual(term) {
                    if (entry.packed >> shift) & 0xFF < 3 { entries[index].packed &+= 1 << shift }
                    return
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = Int32(entries.count)
            entries.append((Int32(bytes.count), Int32(term.count), 1 << shift))
            bytes.append(contentsOf: term)
            if entries.count * 2 > slots.count { grow() }
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (index, entry) in entries.enumerated() {
                var slot = Int(Self.hash(bytes[Int(entry.start)..<Int(entry.start + entry.length)])) & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(index)
            }
        }

        /// FNV-1a: simple and good enough for a table of words.
        private static func hash(_ bytes: some Sequence<UInt8>) -> UInt32 {
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }

        func forEach(_ body: (String, UInt32) -> Void) {
            for entry in entries {
                body(String(decoding: bytes[Int(entry.start)..<Int(entry.start + entry.length)], as: UTF8.self), entry.packed)
            }
        }
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
