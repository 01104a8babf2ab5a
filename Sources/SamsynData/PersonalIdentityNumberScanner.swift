import Foundation

/// Finds Swedish personal identity numbers (personnummer) and coordination numbers
/// (samordningsnummer) in text. Only numbers with a real date and a valid check digit
/// count, so statistics such as `2012-2014` or phone numbers are not mistaken for one.
public enum PersonalIdentityNumberScanner {
    public struct Match: Equatable, Sendable {
        /// The number as written.
        public var text: String
        /// Offset of the first character within the scanned text, in Characters.
        public var offset: Int
    }

    /// `YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYYYMMDD-NNNN` or `YYYYMMDDNNNN`, not part of a longer run of digits.
    private static let pattern = try! NSRegularExpression(
        pattern: #"(?<![0-9])((?:19|20)?[0-9]{6})([-+]?)([0-9]{4})(?![0-9])"#
    )

    public static func matches(in text: String) -> [Match] {
        // Every match has six digits in a row (the date); most text has none, and skips the
        // regular expression, which is slow.
        guard hasSixDigitsInARow(text) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { result in
            guard let whole = Range(result.range, in: text),
                  let datePart = Range(result.range(at: 1), in: text),
                  let serial = Range(result.range(at: 3), in: text)
            else { return nil }
            let date = String(text[datePart])
            // Ten digits in a row count too: a phone number that happens to have a valid
            // date and check digit stops the build, and is written with a space or dash instead.
            guard isValid(date: date, serial: String(text[serial])) else { return nil }
            return Match(text: String(text[whole]), offset: text.distance(from: text.startIndex, to: whole.lowerBound))
        }
    }

    static func hasSixDigitsInARow(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            run = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? run + 1 : 0
            if run == 6 { return true }
        }
        return false
    }

    /// A real calendar date (day + 60 for a samordningsnummer) and a Luhn check digit.
    static func isValid(date: String, serial: String) -> Bool {
        let short = String(date.suffix(6))
        let digits = (short + serial).compactMap { $0.wholeNumberValue }
        guard digits.count == 10 else { return false }
        let month = digits[2] * 10 + digits[3]
        var day = digits[4] * 10 + digits[5]
        if day > 60 { day -= 60 }
        guard (1...12).contains(month), (1...31).contains(day) else { return false }
        return luhnChecksumIsValid(digits)
    }

    static func luhnChecksumIsValid(_ digits: [Int]) -> Bool {
        var sum = 0
        for (index, digit) in digits.enumerated() {
            let weighted = index % 2 == 0 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return sum % 10 == 0
    }
}
