import Foundation
import SamsynMarkdown

/// Swedish words as the search matches them: case and diacritics folded (`åtgärd` →
/// `atgard`), common inflections stripped (`frånvaron` → `franvaro`, `rutinerna` →
/// `rutin`). `templates/assets/search.js` applies the same rules to what readers type;
/// `SearchTests` and the browser test keep the two in step.
public enum SwedishSearch {
    /// Longest first; a suffix is stripped only if at least three letters remain.
    static let suffixes = ["ernas", "arnas", "ornas", "heten", "heter", "erna", "arna", "orna", "ens", "ets", "ans", "ons",
                           "er", "ar", "or", "en", "et", "na", "an", "on"]

    public static func fold(_ text: String) -> String {
        if let fast = foldSwedish(text) { return fast }
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "å", "ä", "á", "à", "â": result += "a"
            case "ö", "ó", "ò", "ô", "ø": result += "o"
            case "é", "è", "ê", "ë": result += "e"
            case "ü", "ú", "ù": result += "u"
            case "í", "ì", "ï": result += "i"
            default:
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { result.unicodeScalars.append(scalar) } else { result += " " }
            }
        }
        return result
    }

    /// The same folding for ASCII and Swedish letters, byte by byte; nil for any other
    /// character, which takes the general path. The search index spends most of its time here.
    private static func foldSwedish(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { foldSwedish($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// `foldSwedish` on the text's bytes, read in place rather than through an iterator;
    /// the folded text is ASCII.
    private static func foldSwedish(_ source: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var utf8 = source.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case 0x00..<0x80: bytes.append(UInt8(ascii: " "))
            case 0xC3:
                // U+00C0–U+00FF: the Latin-1 letters Swedish text uses.
                guard let second = utf8.next() else { return nil }
                switch second {
                case 0xA5, 0xA4, 0x85, 0x84, 0xA1, 0xA0, 0xA2: bytes.append(UInt8(ascii: "a"))   // å ä Å Ä á à â
                case 0xB6, 0x96, 0xB3, 0xB2, 0xB4, 0xB8: bytes.append(UInt8(ascii: "o"))         // ö Ö ó ò ô ø
                case 0xA9, 0x89, 0xA8, 0xAA, 0xAB: bytes.append(UInt8(ascii: "e"))               // é É è ê ë
                case 0xBC, 0x9C, 0xBA, 0xB9: bytes.append(UInt8(ascii: "u"))                     // ü Ü ú ù
                case 0xAD, 0xAC, 0xAF: bytes.append(UInt8(ascii: "i"))                           // í ì ï
                default: return nil
                }
            case 0xE2:
                // Dashes, quotes and spaces of U+2000–U+206F separate words.
                guard let second = utf8.next(), second == 0x80, utf8.next() != nil else { return nil }
                bytes.append(UInt8(ascii: " "))
            case 0xC2:
                // No-break space, «, », and the other Latin-1 symbols separate words.
                guard utf8.next() != nil else { return nil }
                bytes.append(UInt8(ascii: " "))
            default:
                return nil
            }
        }
        return bytes
    }

    public static func stem(_ word: String) -> String {
        for suffix in suffixes where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            // "an"/"on" lose only their n: skolan → skola, frånvaron → frånvaro.
            if suffix == "an" || suffix == "on" { return String(word.dropLast()) }
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// The search terms of a text: folded, split into words, stemmed; words of one letter dropped.
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }

    /// `terms`, each handed to `body` as its UTF-8 bytes (valid during the call only), so
    /// that counting them needs no String per word.
    static func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        if let folded = text.withUTF8({ foldSwedish($0) }) {
            folded.withUnsafeBufferPointer { forEachWord(in: $0, body) }
        } else {
            var folded = fold(text)
            folded.withUTF8 { forEachWord(in: $0, body) }
        }
    }

    private static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        var ascii = true
        for index in 0...bytes.count {
            if index < bytes.count, bytes[index] != UInt8(ascii: " ") {
                if bytes[index] >= 0x80 { ascii = false }
                continue
            }
            if index > start {
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                // Folded Swedish is ASCII, where a byte is a letter: stemmed without
                // building a String first. Other scripts take the general path.
                if ascii {
                    if word.count > 1 { body(stemASCII(word)) }
                } else {
                    let text = String(decoding: word, as: UTF8.self)
                    if text.count > 1 {
                        var stemmed = stem(text)
                        stemmed.withUTF8 { body($0) }
                    }
                }
            }
            start = index + 1
            ascii = true
        }
    }

    /// Each suffix as bytes, with how many letters stemming drops ("an"/"on" lose only their n).
    private static let asciiSuffixes: [(bytes: [UInt8], dropped: Int)] = suffixes.map {
        (Array($0.utf8), $0 == "an" || $0 == "on" ? 1 : $0.utf8.count)
    }

    /// Per byte, whether some suffix ends with it.
    private static let suffixEndings: [Bool] = (0..<256).map { byte in asciiSuffixes.contains { $0.bytes.last == UInt8(byte) } }

    /// `stem` for a word of ASCII letters.
    private static func stemASCII(_ word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // A word whose last letter ends no suffix is done after one look-up: most words.
        guard let last = word.last, suffixEndings[Int(last)] else { return word }
        for suffix in asciiSuffixes where word.count - suffix.bytes.count >= 3 && word.suffix(suffix.bytes.count).elementsEqual(suffix.bytes) {
            return UnsafeBufferPointer(rebasing: word[..<(word.count - suffix.dropped)])
        }
        return word
    }
}

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
    ///   every list is allocated once at its size (grown by doubling, a quarter of the
    ///   index's memory was slack).
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
    /// hand: JSONSerialization took a twentieth of a large build.
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
