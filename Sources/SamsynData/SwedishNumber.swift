/// Reads numbers as Swedish spreadsheets write them: decimal comma or point, a space,
/// no-break space or narrow no-break space between thousands, a `%` sign, `−` as minus.
public enum SwedishNumber {
    public struct Parsed: Equatable, Sendable {
        public var value: Double
        public var isPercent: Bool
        /// Digits after the decimal mark as written, so values can be shown as precisely as given.
        public var decimals: Int
    }

    public static func parse(_ text: String) -> Parsed? {
        if let plain = parsePlain(text) { return plain }
        var body = Substring(text.trimmingCharacters(in: [" ", "\t", "\u{00A0}", "\u{202F}"]))
        guard !body.isEmpty else { return nil }
        var isPercent = false
        if body.hasSuffix("%") {
            isPercent = true
            body = Substring(body.dropLast().trimmingCharacters(in: [" ", "\u{00A0}", "\u{202F}"]))
        }
        var negative = false
        if let first = body.first, first == "-" || first == "\u{2212}" {
            negative = true
            body = body.dropFirst()
        }
        // Thousands separators: spaces of any kind between digit groups.
        let compact = body.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        if compact.count != body.count, !groupedBySpaces(body) { return nil }
        let commas = compact.count { $0 == "," }, points = compact.count { $0 == "." }
        var normalised = compact
        switch (commas, points) {
        case (0, 0), (1, 0), (0, 1):
            normalised = compact.replacingOccurrences(of: ",", with: ".")
        case (_, 1) where commas > 0 && compact.lastIndex(of: ".")! > compact.lastIndex(of: ",")!:
            normalised = compact.replacingOccurrences(of: ",", with: "") // 1,234.5
        case (1, _) where points > 0 && compact.lastIndex(of: ",")! > compact.lastIndex(of: ".")!:
            normalised = compact.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") // 1.234,5
        default:
            return nil
        }
        guard let first = normalised.first, first.isASCII, first.isNumber || first == ".",
              normalised.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(normalised)
        else { return nil }
        let decimals = normalised.firstIndex(of: ".").map { normalised.distance(from: $0, to: normalised.endIndex) - 1 } ?? 0
        return Parsed(value: negative ? -value : value, isPercent: isPercent, decimals: decimals)
    }

    /// The common case, `8,65` or `120`, read on bytes without Foundation's string machinery.
    private static func parsePlain(_ text: String) -> Parsed? {
        var integer = 0.0, fraction = 0.0, scale = 1.0, decimals = 0
        var seenMark = false, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Double(byte - UInt8(ascii: "0"))
                digits += 1
                if seenMark { scale /= 10; fraction += digit * scale; decimals += 1 } else { integer = integer * 10 + digit }
            case UInt8(ascii: ","), UInt8(ascii: "."):
                if seenMark { return nil }
                seenMark = true
            default:
                return nil
            }
        }
        guard digits > 0, digits <= 15, decimals < digits || !seenMark else { return nil }
        return Parsed(value: integer + fraction, isPercent: false, decimals: decimals)
    }

    /// `2 956` and `1 234 567,5`: groups of three after the first.
    private static func groupedBySpaces(_ text: Substring) -> Bool {
        let integerPart = text.split(whereSeparator: { $0 == "," || $0 == "." }).first ?? text
        let groups = integerPart.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        return groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(groups[0].count)
    }
}
