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
        fold(text).split(separator: " ").filter { $0.count > 1 }.map { stem(String($0)) }
    }
}

/// The search index of one target, split so that a browser loads only what a query needs:
/// `search/meta.json`, term shards by their first two letters (`search/t-fr.json`), and
/// document shards of 200 pages (`search/d-0.json`).
struct SearchIndex {
    struct Document {
        var title: String
        var url: String
        var kind: String
        var section: String
        var excerpt: String
        var fields: [(text: String, weight: Int)]
    }

    static let documentsPerShard = 200
    /// A term keeps its best postings only: ranking needs the top, and shards stay small.
    static let postingsPerTerm = 200

    let documents: [Document]

    func files() -> [OutputFile] {
        var postings: [String: [Int: Double]] = [:]
        var vocabulary = Set<String>()
        for (index, document) in documents.enumerated() {
            for field in document.fields {
                var counts: [String: Int] = [:]
                for term in SwedishSearch.terms(field.text) { counts[term, default: 0] += 1 }
                for (term, count) in counts {
                    postings[term, default: [:]][index, default: 0] += Double(field.weight * min(count, 3))
                    vocabulary.insert(term)
                }
            }
        }
        // Compounds found by their parts: "orosanmälan" is also filed under "anmälan".
        for term in vocabulary where term.count >= 8 {
            let characters = Array(term)
            for start in 3...(characters.count - 5) {
                let part = String(characters[start...])
                guard part != term, vocabulary.contains(part) else { continue }
                for (document, weight) in postings[term]! { postings[part, default: [:]][document, default: 0] += weight / 2 }
            }
        }
        var shards: [String: [String: [[Double]]]] = [:]
        for (term, byDocument) in postings {
            let best = byDocument.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(Self.postingsPerTerm)
            shards[Self.shardKey(term), default: [:]][term] = best.map { [Double($0.key), ($0.value * 10).rounded() / 10] }
        }
        var files = shards.keys.sorted().map { key in
            OutputFile(path: "search/t-\(key).json", contents: Self.json(shards[key]!))
        }
        for start in stride(from: 0, to: documents.count, by: Self.documentsPerShard) {
            let slice = documents[start..<min(start + Self.documentsPerShard, documents.count)]
            files.append(OutputFile(path: "search/d-\(start / Self.documentsPerShard).json",
                                    contents: Self.json(slice.map { [$0.title, $0.url, $0.kind, $0.section, $0.excerpt] })))
        }
        files.append(OutputFile(path: "search/meta.json", contents: Self.json([
            "documents": documents.count, "documentsPerShard": Self.documentsPerShard, "shards": shards.keys.sorted(),
        ] as [String: Any])))
        return files
    }

    static func shardKey(_ term: String) -> String { String(term.prefix(2)) }

    private static func json(_ value: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
