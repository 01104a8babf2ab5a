import Foundation

/// The excerpt a page shows in lists and search results when it has no summary.
enum Excerpt {
    /// The first words of a text joined by single spaces, in one pass that stops after
    /// them. Only characters beyond ASCII are looked up in Unicode's tables, which are slow
    /// to ask about every character.
    static func firstWords(of text: String, count: Int) -> String {
        var result = String.UnicodeScalarView()
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                if inWord {
                    words += 1
                    inWord = false
                    if words == count { break }
                }
            } else {
                if !inWord, words > 0 { result.append(" ") }
                inWord = true
                result.append(scalar)
            }
        }
        return String(result)
    }
}
