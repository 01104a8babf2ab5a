import SamsynMarkdown

/// LIX (läsbarhetsindex, Björnsson 1968): words per sentence plus the percentage of
/// words longer than six letters. Under 30 is very easy, 30–40 easy (the level for
/// information to the public), 40–50 average, over 50 hard.
public struct Readability: Sendable, Equatable {
    public var lix: Double
    public var words: Int
    public var sentences: Int
    /// The three longest sentences, longest first: where to start rewriting.
    public var longestSentences: [String]

    public static func of(markdown: String) -> Readability {
        of(text: Markdown.readableText(of: markdown))
    }

    /// Sentences end at `.`, `!`, `?` and `:` followed by a space, and at the end of a
    /// block (a heading or list item counts as one sentence even without a full stop).
    public static func of(text: String) -> Readability {
        var sentences: [[Substring]] = []
        for block in text.split(separator: "\n") {
            var current: [Substring] = []
            for token in block.split(whereSeparator: \.isWhitespace) {
                let letters = token.filter { $0.isLetter || $0.isNumber }
                if !letters.isEmpty { current.append(token) }
                if let last = token.last, ".!?:".contains(last), !current.isEmpty {
                    sentences.append(current)
                    current = []
                }
            }
            if !current.isEmpty { sentences.append(current) }
        }
        let words = sentences.flatMap { $0 }
        guard !words.isEmpty else { return Readability(lix: 0, words: 0, sentences: 0, longestSentences: []) }
        let long = words.count { $0.count(where: \.isLetter) > 6 }
        let lix = Double(words.count) / Double(sentences.count) + Double(long) * 100 / Double(words.count)
        let longest = sentences.enumerated()
            .sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
            .prefix(3).map { $0.element.joined(separator: " ") }
        return Readability(lix: lix, words: words.count, sentences: sentences.count, longestSentences: longest)
    }
}
