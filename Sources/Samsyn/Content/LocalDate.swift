import Foundation

/// A calendar date without time or time zone, as written in front matter (`2024-05-15`).
public struct LocalDate: Hashable, Comparable, Sendable, Decodable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date written YYYY-MM-DD"
            ))
        }
        self = date
    }

    /// Today in Sweden, or the day given by `SOURCE_DATE_EPOCH` (seconds since 1970, the
    /// reproducible-builds convention), so a build can be repeated exactly on another day.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> LocalDate {
        // Seconds up to the end of year 9999; anything else is not a date to build on.
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0) }.flatMap { (0...253_402_300_799).contains($0) ? $0 : nil }
        let date = seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The day `SOURCE_DATE_EPOCH` gives, or nil without one: a date written into a
    /// document only when a reproducible build asks for it.
    public static func sourceDateEpoch(environment: [String: String] = ProcessInfo.processInfo.environment) -> LocalDate? {
        environment["SOURCE_DATE_EPOCH"] == nil ? nil : today(environment: environment)
    }

    /// The same day of the month `months` later, or the month's last day if it has no such day.
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        return LocalDate(year: newYear, month: newMonth, day: min(day, Self.days(inMonth: newMonth, of: newYear)))!
    }

    /// The Gregorian calendar's month lengths, worked out here rather than asked of
    /// Foundation's Calendar for every review date.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
