import Foundation
import SamsynMarkdown
import SamsynSupport

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
    /// character, which takes the general path.
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
                guard let second = utf8.next(), let letter = SwedishLetters.asciiLetter(afterC3: second) else { return nil }
                bytes.append(letter)
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
