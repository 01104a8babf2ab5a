/// LIX (läsbarhetsindex, Björnsson 1968): words per sentence plus the percentage of
/// words longer than six letters. Under 30 is very easy, 30–40 easy (the level for
/// information to the public), 40–50 average, over 50 hard.
public struct Readability: Sendable, Equatable {
    public var lix: Double
    public var words: Int
    public var sentences: Int
    /// The three longest sentences, longest first: where to start rewriting.
    public var longestSentences: [String]

    /// Sentences end at `.`, `!`, `?` and `:` followed by a space, and at the end of a
    /// block (a heading or list item counts as one sentence even without a full stop).
    /// Works on UTF-8 bytes: every non-ASCII character counts as a letter, which holds for
    /// å, ä, ö and the other letters of Swedish text, and is many times faster than
    /// asking Unicode about each character (the 10,000-page benchmark showed it).
    public static func of(text: String) -> Readability {
        var words = 0, longWords = 0, sentences = 0
        var sentenceWordCounts: [(words: Int, start: Int, end: Int)] = []
        var wordLetters = 0, wordHasContent = false
        var sentenceWords = 0, sentenceStart = -1, lastWordEnd = 0
        let bytes = Array(text.utf8)

        func endWord(at index: Int) {
            if wordHasContent {
                words += 1
                sentenceWords += 1
                if wordLetters > 6 { longWords += 1 }
                lastWordEnd = index
            }
            wordLetters = 0
            wordHasContent = false
        }
        func endSentence() {
            if sentenceWords > 0 {
                sentences += 1
                sentenceWordCounts.append((sentenceWords, sentenceStart, lastWordEnd))
            }
            sentenceWords = 0
            sentenceStart = -1
        }

        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                let previous = index > 0 ? bytes[index - 1] : 0
                endWord(at: index)
                if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "!") || previous == UInt8(ascii: "?") || previous == UInt8(ascii: ":") {
                    endSentence()
                }
            case UInt8(ascii: "\n"):
                endWord(at: index)
                endSentence()
            default:
                if sentenceStart < 0 { sentenceStart = index }
                let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                // A non-ASCII letter is counted once, at its first byte: Latin letters from
                // U+00C0 (lead byte 0xC3) on and other scripts, but not the punctuation of
                // U+2000–U+206F (dashes, quotes: lead bytes 0xE2 0x80).
                let isPunctuation = byte == 0xE2 && index + 1 < bytes.count && bytes[index + 1] == 0x80
                let startsNonASCII = byte >= 0xC3 && !isPunctuation
                if isLetter || startsNonASCII { wordLetters += 1 }
                if isLetter || isDigit || startsNonASCII { wordHasContent = true }
            }
        }
        endWord(at: bytes.count)
        endSentence()
        guard words > 0, sentences > 0 else { return Readability(lix: 0, words: 0, sentences: 0, longestSentences: []) }
        let lix = Double(words) / Double(sentences) + Double(longWords) * 100 / Double(words)
        let longest = sentenceWordCounts.enumerated()
            .sorted { ($0.element.words, -$0.offset) > ($1.element.words, -$1.offset) }
            .prefix(3)
            .map { String(decoding: bytes[$0.element.start..<$0.element.end], as: UTF8.self) }
        return Readability(lix: lix, words: words, sentences: sentences, longestSentences: longest)
    }
}
