import Foundation

/// Turns heading text into readable ASCII ids ("Åtgärder vid frånvaro" → `atgarder-vid-franvaro`)
/// and keeps them unique within one page by numbering repeats (`steg`, `steg-2`, …).
public struct HeadingSlugger: Sendable {
    private var used: Set<String> = []
    /// The number to try next for each repeated slug: counting up from 2 for every repeat
    /// cost the square of the number of headings with one text.
    private var nextNumber: [String: Int] = [:]

    /// - Parameter reserved: ids the page already uses outside the Markdown (the main
    ///   landmark, figures); a heading that would take one is numbered instead.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public static func slug(_ text: String) -> String {
        if let fast = swedishSlug(text) { return fast }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else if scalar == "ß" {
                slug += "ss"
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// The same slug for ASCII and Swedish letters, without Foundation's folding, which is
    /// slow; nil for any other character, which takes the general path.
    private static func swedishSlug(_ text: String) -> String? {
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            var letter: Character?
            switch scalar {
            case "a"..."z", "0"..."9": letter = Character(scalar)
            case "A"..."Z": letter = Character(Unicode.Scalar(scalar.value + 32)!)
            case "å", "ä", "Å", "Ä", "á", "à": letter = "a"
            case "ö", "Ö", "ó": letter = "o"
            case "é", "É", "è": letter = "e"
            case "ü", "Ü": letter = "u"
            default:
                guard scalar.isASCII else { return nil }
                pendingDash = true
            }
            if let letter {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                slug.append(letter)
                pendingDash = false
            }
        }
        return slug
    }

    public mutating func uniqueID(for text: String) -> String {
        let slug = Self.slug(text)
        let base = slug.isEmpty ? "avsnitt" : slug
        var candidate = base
        var number = nextNumber[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        if candidate != base { nextNumber[base] = number }
        used.insert(candidate)
        return candidate
    }
}
