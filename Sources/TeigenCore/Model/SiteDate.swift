import Foundation

/// A date as written in front matter: a year and month (`2024-03`), a day (`2024-03-01`), or a day with a time
/// and perhaps an offset (`2024-03-01T09:00:00+09:00`). It keeps the precision it was given and the clock time as
/// written, so that output never depends on the machine's time zone and never claims more than the source said.
public struct SiteDate: Sendable, Hashable, Comparable {
    /// How much a date says.
    public enum Precision: Int, Sendable, Hashable, Comparable {
        /// A year and a month: `2024-03`.
        case month
        /// A calendar day: `2024-03-01`.
        case day
        /// A day and a time of day: `2024-03-01T09:00:00`, perhaps with an offset.
        case time

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var year: Int
    public var month: Int
    /// The day of the month; nil for a year-month date.
    public var day: Int?
    /// Seconds since midnight, when a time was given.
    public var secondsOfDay: Int?
    /// Offset from UTC in seconds, when given (`Z` is 0).
    public var utcOffset: Int?

    /// A date; without a `day` it is a year-month date, and then it has no time either.
    public init(year: Int, month: Int, day: Int? = nil, secondsOfDay: Int? = nil, utcOffset: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = day == nil ? nil : secondsOfDay
        self.utcOffset = day == nil ? nil : utcOffset
    }

    /// What the date says: a month, a day, or a time.
    public var precision: Precision {
        day == nil ? .month : secondsOfDay == nil ? .day : .time
    }

    /// Parses `2024-03`, `2024-03-01`, `2024-03-01T09:30:00`, `2024-03-01 09:30`, the last two with an optional `Z`
    /// or `+09:00`.
    public init?(parsing text: String) {
        let s = text.trimmingCharacters(in: .whitespaces)
        let scalars = Array(s.unicodeScalars)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[from..<(from + count)] {
                guard let digit = Int(String(scalar)), ("0"..."9").contains(scalar) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard scalars.count >= 7, let y = number(0, 4), scalars[4] == "-", let m = number(5, 2), (1...12).contains(m) else { return nil }
        if scalars.count == 7 {
            self.init(year: y, month: m)
            return
        }
        guard scalars.count >= 10, scalars[7] == "-", let d = number(8, 2), (1...Self.daysIn(month: m, year: y)).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
        var index = 10
        if index == scalars.count { return }
        guard scalars[index] == "T" || scalars[index] == " " else { return nil }
        index += 1
        guard let hour = number(index, 2), index + 2 < scalars.count, scalars[index + 2] == ":",
            let minute = number(index + 3, 2), hour < 24, minute < 60
        else { return nil }
        index += 5
        var second = 0
        if index < scalars.count, scalars[index] == ":" {
            guard let sec = number(index + 1, 2), sec < 61 else { return nil }
            second = sec
            index += 3
            if index < scalars.count, scalars[index] == "." {
                index += 1
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            }
        }
        secondsOfDay = hour * 3600 + minute * 60 + second
        if index == scalars.count { return }
        if scalars[index] == "Z" && index + 1 == scalars.count {
            utcOffset = 0
            return
        }
        guard scalars[index] == "+" || scalars[index] == "-", let oh = number(index + 1, 2) else { return nil }
        var rest = index + 3
        if rest < scalars.count, scalars[rest] == ":" { rest += 1 }
        guard let om = number(rest, 2), rest + 2 == scalars.count else { return nil }
        utcOffset = (scalars[index] == "-" ? -1 : 1) * (oh * 3600 + om * 60)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date in ISO 8601 at the precision given, without the time: `2024-03` or `2024-03-01`. What HTML's
    /// `<time datetime>` (a valid month or date string), schema.org's dates and W3C Datetime (sitemaps) accept.
    public var isoDate: String {
        let month = Self.padded(year, 4) + "-" + Self.padded(self.month, 2)
        guard let day else { return month }
        return month + "-" + Self.padded(day, 2)
    }

    /// An RFC 3339 timestamp, for formats that require a full date and time (Atom): the date as written, or, where
    /// it says less, the first instant of the period it names in UTC (`2024-03` is `2024-03-01T00:00:00Z`, `2024-03-01`
    /// is `2024-03-01T00:00:00Z`).
    public var rfc3339: String {
        let seconds = secondsOfDay ?? 0
        var text = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day ?? 1, 2)
        text += "T" + Self.padded(seconds / 3600, 2) + ":" + Self.padded((seconds / 60) % 60, 2) + ":" + Self.padded(seconds % 60, 2)
        if let offset = utcOffset, offset != 0 {
            let sign = offset < 0 ? "-" : "+"
            let absolute = abs(offset)
            text += sign + Self.padded(absolute / 3600, 2) + ":" + Self.padded((absolute / 60) % 60, 2)
        } else {
            text += "Z"
        }
        return text
    }

    /// The date as readers see it, written with the site's `DateFormat` (its month pattern for a year-month date).
    public func formatted(_ format: DateFormat) -> String {
        format.string(from: self)
    }

    /// `value` in decimal with leading zeros up to `width` digits (`padded(7, 2)` is `07`), as `%0*d` would
    /// print it (negative numbers keep their sign before the zeros). Without `String(format:)`, which is slow.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// The instant the date begins: its clock time in its own offset, or, where it has none, in `timeZone` (a
    /// day's midnight, a month's first midnight). Publication dates compare it with the build's "now".
    public func instant(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utcOffset.flatMap { TimeZone(secondsFromGMT: $0) } ?? timeZone
        let components = DateComponents(year: year, month: month, day: day ?? 1, second: secondsOfDay ?? 0)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// Orders by the clock time as written; a year-month date comes before the days of its month.
    public static func < (lhs: SiteDate, rhs: SiteDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 0, lhs.secondsOfDay ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0, rhs.secondsOfDay ?? 0)
    }
}
