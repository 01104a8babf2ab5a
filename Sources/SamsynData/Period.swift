/// A period a figure is measured over, as Swedish school statistics write them: a year
/// (`2025`), a school year (`2024/25`), a term (`HT 2024`, `VT 2025`, also `hösten 2024`,
/// `våren 2025`), weeks of a year (`v 45-48 2012`, `vecka 10 2013`), a month (`2025-03`)
/// or a date (`2025-05-15`). Two ways of writing one period are the same period; each has
/// a place on a time axis, so that measurements 18 and 6 months apart are drawn so.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case year, schoolYear, term, weeks, month, date
    }

    public let kind: Kind
    /// The period written one way for all: `HT 2024`, `2024/25`, `v 45-48 2012`.
    public let description: String
    /// Where it starts and ends, in years (`2024.5` is the first of July 2024).
    public let start: Double
    public let end: Double

    /// The middle of the period: its place on a time axis.
    public var midpoint: Double { (start + end) / 2 }

    public static func == (lhs: Period, rhs: Period) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
    public static func < (lhs: Period, rhs: Period) -> Bool { (lhs.midpoint, lhs.description) < (rhs.midpoint, rhs.description) }

    private init(_ kind: Kind, _ description: String, start: Double, end: Double) {
        self.kind = kind
        self.description = description
        self.start = start
        self.end = end
    }

    /// Years that can be meant: a period outside them is a typing error.
    public static let years = 1900...2200

    /// The period a text names, or nil when it names none.
    public init?(_ text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).map(String.init)
        guard let parsed = Self.parse(words) else { return nil }
        self = parsed
    }

    private static func parse(_ words: [String]) -> Period? {
        switch words.count {
        case 1:
            let word = words[0]
            if let year = year(word) { return Period(.year, String(year), start: Double(year), end: Double(year + 1)) }
            return schoolYear(word) ?? date(word)
        case 2:
            guard let year = year(words[1]) else { return nil }
            switch words[0] {
            case "vt", "våren", "vår": return Period(.term, "VT \(year)", start: Double(year), end: Double(year) + 0.5)
            case "ht", "hösten", "höst": return Period(.term, "HT \(year)", start: Double(year) + 7.0 / 12, end: Double(year + 1))
            default: return nil
            }
        case 3:
            // `v 45-48 2012`, `vecka 10 2013`
            guard ["v", "v.", "vecka", "veckorna"].contains(words[0]), let year = year(words[2]) else { return nil }
            let range = words[1].split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(range.count), let first = Int(range[0]), let last = Int(range.last!),
                  (1...53).contains(first), (first...53).contains(last) else { return nil }
            let text = first == last ? "v \(first) \(year)" : "v \(first)-\(last) \(year)"
            return Period(.weeks, text, start: Double(year) + Double(first - 1) * 7 / 365.25, end: Double(year) + Double(last) * 7 / 365.25)
        default:
            return nil
        }
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, word.allSatisfy(\.isASCII), let year = Int(word), years.contains(year) else { return nil }
        return year
    }

    /// `2024/25` or `2024/2025`: August to June.
    private static func schoolYear(_ word: String) -> Period? {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = year(String(parts[0])), parts[1].allSatisfy(\.isASCII), let second = Int(parts[1]) else { return nil }
        guard (parts[1].count == 2 && second == (first + 1) % 100) || (parts[1].count == 4 && second == first + 1) else { return nil }
        let next = String((first + 1) % 100)
        return Period(.schoolYear, "\(first)/\(next.count == 1 ? "0" + next : next)", start: Double(first) + 7.0 / 12, end: Double(first + 1) + 0.5)
    }

    /// `2025-05-15` or `2025-03`.
    private static func date(_ word: String) -> Period? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }), let year = year(String(parts[0])),
              parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let monthText = parts[1]
        if parts.count == 2 {
            return Period(.month, "\(year)-\(monthText)", start: Double(year) + Double(month - 1) / 12, end: Double(year) + Double(month) / 12)
        }
        guard parts[2].count == 2, let day = Int(parts[2]), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        let position = Double(year) + (Double(month - 1) + Double(day - 1) / Double(daysIn(month: month, year: year))) / 12
        return Period(.date, "\(year)-\(monthText)-\(parts[2])", start: position, end: position)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
