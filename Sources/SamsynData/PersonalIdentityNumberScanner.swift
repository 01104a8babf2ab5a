/// Finds Swedish personal identity numbers (personnummer) and coordination numbers
/// (samordningsnummer) in text, written in any of the ways people and programs write them.
/// Only numbers with a real date and a valid check digit count, so statistics such as
/// `2012-2014` or phone numbers are not mistaken for one.
///
/// The text is read as a reader would see it, not as it is stored:
/// - digits of every script (Arabic-Indic `١٢`, full-width `１２`, superscripts) are digits;
/// - invisible characters (zero-width spaces, soft hyphens, direction marks, combining
///   marks) and emphasis markers (`*`, `_`, `~`, `` ` ``) are ignored, and so is a line
///   break, so `19121212-**1212**` and a number broken over two lines are found;
/// - HTML entities (`&#49;`, `&#x31;`, `&ndash;`), Markdown escapes (`\-`) and YAML escapes
///   (`\x31`, `\u0031`, `\_`) are decoded;
/// - a tag inside a number (`1912<em>1212</em>`) is ignored where it is an inline element,
///   and ends the number where it starts a new block (a table cell, a paragraph); the text
///   inside a tag (its attributes) is scanned on its own;
/// - the date and the last four digits may be separated by `-`, `+`, any dash (en dash,
///   non-breaking hyphen, minus sign…) or any space (no-break space, thin space…).
public enum PersonalIdentityNumberScanner {
    public struct Match: Equatable, Sendable {
        /// The number with its digits in ASCII and its separator as `-` or `+`
        /// (`19121212-1212`), for messages that mask the last four digits.
        public var text: String
        /// Offset of the first character of the number within the scanned text, in Characters.
        public var offset: Int
    }

    public static func matches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { bytes in
            guard mightContainOne(bytes) else { return [] }
            var matcher = Matcher()
            scan(bytes, range: 0..<bytes.count, into: &matcher)
            matcher.finish()
            return matcher.found.map { found in
                Match(text: found.text, offset: characterOffset(ofByte: found.byteOffset, in: bytes))
            }
        }
    }

    /// The numbers in UTF-8 bytes, with the byte offset of each (no String made).
    public static func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [(text: String, byteOffset: Int)] {
        guard mightContainOne(bytes) else { return [] }
        var matcher = Matcher()
        scan(bytes, range: 0..<bytes.count, into: &matcher)
        matcher.finish()
        return matcher.found
    }

    /// Ten digits, in ASCII or written otherwise: most text has fewer and is not scanned further.
    static func mightContainOne(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if digits >= 10 { return true }
            } else if byte >= 0x80 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\\") {
                return true
            }
        }
        return false
    }

    private static func characterOffset(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<offset]), as: UTF8.self)
        return prefix.count
    }

    // MARK: Reading the text as a reader sees it

    enum Token {
        case digit(UInt8)
        /// A space, or a dash or plus that may stand between the date and the last four digits.
        case separator(isSign: Bool, isPlus: Bool)
        /// Invisible to a reader: the number goes on across it.
        case ignorable
        /// Anything else ends a number.
        case breaker
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into matcher: inout Matcher) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            // Outside a number, a plain ASCII character other than a digit or the start of
            // an entity, escape or tag changes nothing: skipped without a token.
            if matcher.isOutside {
                while index < end, Self.isPlainOutside(bytes[index]) { index += 1 }
                guard index < end else { break }
            }
            let start = index
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (scalar, next) = entity(bytes, at: index, end: end) {
                matcher.feed(classify(scalar), at: start)
                index = next
            } else if byte == UInt8(ascii: "\\"), let (scalar, next) = escape(bytes, at: index, end: end) {
                matcher.feed(classify(scalar), at: start)
                index = next
            } else if byte == UInt8(ascii: "<"), let (close, inline) = tag(bytes, at: index, end: end) {
                matcher.feed(inline ? .ignorable : .breaker, at: start)
                // The attributes are text too, read on their own.
                var inner = Matcher()
                scan(bytes, range: (index + 1)..<close, into: &inner)
                inner.finish()
                matcher.found += inner.found
                index = close + 1
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                // A line break, with the indentation of the next line, is not seen as a gap.
                index += 1
                while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: "\r") || bytes[index] == UInt8(ascii: "\n") {
                    index += 1
                }
                matcher.feed(.ignorable, at: start)
            } else if byte < 0x80 {
                matcher.feed(classifyASCII(byte), at: start)
                index += 1
            } else {
                let (scalar, length) = decodeScalar(bytes, at: index, end: end)
                index += length
                if isLineBreak(scalar) {
                    matcher.feed(.ignorable, at: start)
                } else {
                    matcher.feed(classify(scalar), at: start)
                }
            }
        }
    }

    @inline(__always)
    static func isPlainOutside(_ byte: UInt8) -> Bool {
        byte < 0x80 && (byte < 0x30 || byte > 0x39) && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
    }

    static func classifyASCII(_ byte: UInt8) -> Token {
        switch byte {
        case 0x30...0x39: return .digit(byte - 0x30)
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return .separator(isSign: false, isPlus: false)
        case UInt8(ascii: "-"): return .separator(isSign: true, isPlus: false)
        case UInt8(ascii: "+"): return .separator(isSign: true, isPlus: true)
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "\\"): return .ignorable
        default: return .breaker
        }
    }

    static func classify(_ scalar: Unicode.Scalar) -> Token {
        if scalar.isASCII { return classifyASCII(UInt8(scalar.value)) }
        let properties = scalar.properties
        if properties.numericType == .decimal || properties.numericType == .digit,
           let value = properties.numericValue, value >= 0, value <= 9, value == value.rounded() {
            return .digit(UInt8(value))
        }
        switch properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark, .spacingMark: return .ignorable
        case .dashPunctuation: return .separator(isSign: true, isPlus: false)
        case .spaceSeparator: return .separator(isSign: false, isPlus: false)
        default: break
        }
        switch scalar.value {
        case 0x2212, 0x2796, 0xFE63, 0xFF0D: return .separator(isSign: true, isPlus: false) // minus signs
        case 0xFF0B, 0x2795, 0xFE62: return .separator(isSign: true, isPlus: true)
        case 0xFF3F, 0xFF0A, 0xFF5E, 0x2217: return .ignorable // full-width _ * ~, asterisk operator
        default: return .breaker
        }
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// `&#49;`, `&#x31;` or a named entity of a character that matters here.
    static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        var name: [UInt8] = []
        while index < end, index - start <= 34, bytes[index] != UInt8(ascii: ";") {
            name.append(bytes[index])
            index += 1
        }
        guard index < end, bytes[index] == UInt8(ascii: ";"), !name.isEmpty else { return nil }
        let next = index + 1
        if name[0] == UInt8(ascii: "#") {
            let hex = name.count > 1 && (name[1] | 0x20) == UInt8(ascii: "x")
            let digits = String(decoding: name.dropFirst(hex ? 2 : 1), as: UTF8.self)
            guard let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, next)
        }
        guard let value = namedEntities[String(decoding: name, as: UTF8.self)] else { return nil }
        return (Unicode.Scalar(value)!, next)
    }

    /// Entities for spaces, dashes and invisible characters, and the digits' own names.
    static let namedEntities: [String: UInt32] = [
        "nbsp": 0xA0, "NonBreakingSpace": 0xA0, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "hairsp": 0x200A,
        "numsp": 0x2007, "puncsp": 0x2008, "MediumSpace": 0x205F, "ndash": 0x2013, "mdash": 0x2014, "dash": 0x2010,
        "hyphen": 0x2010, "minus": 0x2212, "plus": 0x2B, "shy": 0xAD, "zwj": 0x200D, "zwnj": 0x200C, "lrm": 0x200E,
        "rlm": 0x200F, "NoBreak": 0x2060, "ZeroWidthSpace": 0x200B, "InvisibleTimes": 0x2062, "ast": 0x2A,
        "lowbar": 0x5F, "UnderBar": 0x5F, "grave": 0x60, "bsol": 0x5C, "Tab": 0x09, "NewLine": 0x0A,
        "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3,
    ]

    /// A Markdown escape of punctuation (`\-`) or a YAML escape (`\x31`, `\u0031`,
    /// `\U00000031`, `\_` for a no-break space, `\t`, `\n`, `\N`, `\L`, `\P`).
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        guard start + 1 < end else { return nil }
        let kind = bytes[start + 1]
        let hexLength: Int
        switch kind {
        case UInt8(ascii: "x"): hexLength = 2
        case UInt8(ascii: "u"): hexLength = 4
        case UInt8(ascii: "U"): hexLength = 8
        case UInt8(ascii: "_"): return (Unicode.Scalar(0xA0)!, start + 2)
        case UInt8(ascii: "t"): return ("\t", start + 2)
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "L"), UInt8(ascii: "P"): return ("\n", start + 2)
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return (Unicode.Scalar(kind), start + 2)
        default: return nil
        }
        guard start + 2 + hexLength <= end else { return nil }
        let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 2)..<(start + 2 + hexLength)]), as: UTF8.self)
        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, start + 2 + hexLength)
    }

    /// Elements that sit inside a line of text: a number may run across them.
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ]

    /// A tag or comment starting at `start`: the index of its `>` and whether it is inline.
    static func tag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (close: Int, inline: Bool)? {
        var index = start + 1
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < end else { return nil }
        let first = bytes[index]
        let isComment = first == UInt8(ascii: "!")
        guard isComment || (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") else { return nil }
        var nameEnd = index
        while nameEnd < end, (bytes[nameEnd] | 0x20) >= UInt8(ascii: "a") && (bytes[nameEnd] | 0x20) <= UInt8(ascii: "z") || (bytes[nameEnd] >= 0x30 && bytes[nameEnd] <= 0x39) {
            nameEnd += 1
        }
        var close = nameEnd
        while close < end, close - start < 4096, bytes[close] != UInt8(ascii: ">") {
            if bytes[close] == UInt8(ascii: "<") && !isComment { return nil }
            close += 1
        }
        guard close < end, bytes[close] == UInt8(ascii: ">") else { return nil }
        guard !isComment, nameEnd - index <= 6 else { return (close, isComment) }
        // Element names are ASCII: lower-cased byte by byte into a small string.
        let name = String(decoding: bytes[index..<nameEnd].map { $0 | 0x20 }, as: UTF8.self)
        return (close, inlineElements.contains(name))
    }

    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= end else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    // MARK: Finding the numbers

    /// A run of digits kept as a number, without an array to grow: only runs of 4 to 12
    /// digits can be part of a number, so longer ones keep only their count.
    struct DigitRun {
        private var value: UInt64 = 0
        private(set) var count = 0

        init() {}

        init(_ digit: UInt8) {
            append(digit)
        }

        mutating func append(_ digit: UInt8) {
            if count < 13 { value = value * 10 + UInt64(digit) }
            count += 1
        }

        /// The digits, first to last (only asked of runs of at most 12).
        var digits: [UInt8] {
            var rest = value
            var result = [UInt8](repeating: 0, count: min(count, 13))
            for index in result.indices.reversed() {
                result[index] = UInt8(rest % 10)
                rest /= 10
            }
            return result
        }
    }

    /// Reads tokens one at a time: a run of 10 or 12 digits, or of 6 or 8 digits, a
    /// separator and 4 digits, with no digit just before or after.
    struct Matcher {
        private enum Phase { case outside, date, separator, serial }
        private var phase = Phase.outside
        private var date = DigitRun()
        private var dateStart = 0
        private var serial = DigitRun()
        private var serialStart = 0
        private var signs = 0
        private var plus = false
        var found: [(text: String, byteOffset: Int)] = []

        /// Between numbers: no digits are being read.
        var isOutside: Bool { phase == .outside }

        mutating func feed(_ token: Token, at offset: Int) {
            switch token {
            case .ignorable:
                return
            case .digit(let value):
                switch phase {
                case .outside:
                    phase = .date
                    date = DigitRun(value)
                    dateStart = offset
                case .date:
                    date.append(value)
                case .separator:
                    if date.count == 6 || date.count == 8 {
                        phase = .serial
                        serial = DigitRun(value)
                        serialStart = offset
                    } else {
                        phase = .date
                        date = DigitRun(value)
                        dateStart = offset
                    }
                case .serial:
                    serial.append(value)
                }
            case .separator(let isSign, let isPlus):
                switch phase {
                case .outside:
                    return
                case .date:
                    endDateRun()
                    enterSeparator(isSign: isSign, isPlus: isPlus)
                case .separator:
                    if isSign { signs += 1 }
                    plus = plus || isPlus
                    if signs > 2 { phase = .outside }
                case .serial:
                    endSerialRun()
                    // The digits read as the last four may be the date of the next number.
                    date = serial
                    dateStart = serialStart
                    enterSeparator(isSign: isSign, isPlus: isPlus)
                }
            case .breaker:
                finish()
            }
        }

        /// After a run of digits: a separator, if the run can be a date; else no number.
        private mutating func enterSeparator(isSign: Bool, isPlus: Bool) {
            guard date.count == 6 || date.count == 8 else {
                phase = .outside
                return
            }
            phase = .separator
            signs = isSign ? 1 : 0
            plus = isPlus
        }

        mutating func finish() {
            switch phase {
            case .date: endDateRun()
            case .serial: endSerialRun()
            case .outside, .separator: break
            }
            phase = .outside
        }

        /// A run of 10 or 12 digits is a number without a separator.
        private mutating func endDateRun() {
            guard date.count == 10 || date.count == 12 else { return }
            let digits = date.digits
            if isValid(date: Array(digits.dropLast(4)), serial: Array(digits.suffix(4))) {
                found.append((Self.text(digits.dropLast(4)) + Self.text(digits.suffix(4)), dateStart))
            }
        }

        private mutating func endSerialRun() {
            guard serial.count == 4, isValid(date: date.digits, serial: serial.digits) else { return }
            found.append((Self.text(date.digits) + (plus ? "+" : "-") + Self.text(serial.digits), dateStart))
        }

        private static func text<Digits: Sequence<UInt8>>(_ digits: Digits) -> String {
            String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        }
    }

    /// A real calendar date (day + 60 for a samordningsnummer), a century of 18, 19 or 20
    /// where one is written, and a Luhn check digit.
    static func isValid(date: [UInt8], serial: [UInt8]) -> Bool {
        if date.count == 8 {
            let century = Int(date[0]) * 10 + Int(date[1])
            guard (18...20).contains(century) else { return false }
        }
        let digits = date.suffix(6).map(Int.init) + serial.map(Int.init)
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
