import Foundation

/// Numbers as Swedish official statistics write them: decimal comma, a no-break space
/// between thousands (`2 956`) and before the percent sign (`13,6 %`), a real minus sign.
public enum SwedishNumberFormat {
    public static let noBreakSpace = "\u{00A0}"

    public static func format(_ value: Double, decimals: Int = 0) -> String {
        let rounded = (value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let integerPart = Int(magnitude.rounded(.towardZero))
        var digits = String(integerPart)
        var grouped = ""
        while digits.count > 3 {
            grouped = noBreakSpace + String(digits.suffix(3)) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if decimals > 0 {
            let fraction = Int(((magnitude - Double(integerPart)) * pow(10, Double(decimals))).rounded())
            let fractionText = String(fraction)
            grouped += "," + String(repeating: "0", count: max(0, decimals - fractionText.count)) + fractionText
        }
        return (negative && rounded != 0 ? "\u{2212}" : "") + grouped
    }

    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        format(value, decimals: decimals) + noBreakSpace + "%"
    }
}
