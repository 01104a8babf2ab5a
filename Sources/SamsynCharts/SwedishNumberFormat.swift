import Foundation

/// Numbers as Swedish official statistics write them: decimal comma, a no-break space
/// between thousands (`2 956`) and before the percent sign (`13,6 %`), a real minus sign.
public enum SwedishNumberFormat {
    public static let noBreakSpace = "\u{00A0}"

    /// Any value gives a text: a number too large for exact arithmetic is written from its
    /// decimal expansion, one that is not finite as `–`, and decimals are at most 10.
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let decimals = min(max(decimals, 0), 10)
        let scale = pow(10, Double(decimals))
        guard abs(value) * scale < 9e15 else { return formatLarge(value, decimals: decimals) }
        let rounded = (value * scale).rounded() / scale
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let integerPart = Int(magnitude.rounded(.towardZero))
        var grouped = grouping(String(integerPart))
        if decimals > 0 {
            let fraction = Int(((magnitude - Double(integerPart)) * scale).rounded())
            let fractionText = String(fraction)
            grouped += "," + String(repeating: "0", count: max(0, decimals - fractionText.count)) + fractionText
        }
        return (negative && rounded != 0 ? "\u{2212}" : "") + grouped
    }

    private static func formatLarge(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var result = grouping(String(parts[0]))
        if parts.count > 1 { result += "," + parts[1] }
        return (value < 0 ? "\u{2212}" : "") + result
    }

    /// `2956` → `2 956`, with no-break spaces.
    private static func grouping(_ digits: String) -> String {
        var digits = Substring(digits)
        var grouped = ""
        while digits.count > 3 {
            grouped = noBreakSpace + digits.suffix(3) + grouped
            digits = digits.dropLast(3)
        }
        return digits + grouped
    }

    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        format(value, decimals: decimals) + noBreakSpace + "%"
    }
}
