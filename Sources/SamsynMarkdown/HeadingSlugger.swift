import Foundation

/// Turns heading text into readable ASCII ids ("Åtgärder vid frånvaro" → `atgarder-vid-franvaro`)
/// and keeps them unique within one page by numbering repeats (`steg`, `steg-2`, …).
public struct HeadingSlugger: Sendable {
    private var used: Set<String> = []

    /// - Parameter reserved: ids the page already uses outside the Markdown (the main
    ///   landmark, figures); a heading that would take one is numbered instead.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public static func slug(_ text: String) -> String {
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

    public mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text).isEmpty ? "avsnitt" : Self.slug(text)
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
