import Foundation
import SamsynSupport

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
            // Foundation's folding leaves `ø`, which has no diacritic to remove.
            let scalar: Unicode.Scalar = scalar == "ø" ? "o" : scalar
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

    /// The same slug for ASCII and Swedish letters (`SwedishLetters`), on bytes, without
    /// Foundation's folding, which is slow; nil for any other character, which takes the
    /// general path.
    private static func swedishSlug(_ text: String) -> String? {
        var slug: [UInt8] = []
        var pendingDash = false
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            var letter: UInt8?
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): letter = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = byte + 32
            case 0x00..<0x80: pendingDash = true
            case 0xC3:
                guard let second = utf8.next(), let folded = SwedishLetters.asciiLetter(afterC3: second) else { return nil }
                letter = folded
            default: return nil
            }
            if let letter {
                if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(letter)
                pendingDash = false
            }
        }
        return String(decoding: slug, as: UTF8.self)
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
