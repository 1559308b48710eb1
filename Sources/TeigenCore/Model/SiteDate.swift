import Foundation

/// A calendar date (with an optional time) as written in front matter, kept as written so that output
/// does not depend on the machine's time zone.
public struct SiteDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds since midnight, when a time was given.
    public var secondsOfDay: Int?
    /// Offset from UTC in seconds, when given (`Z` is 0).
    public var utcOffset: Int?

    public init(year: Int, month: Int, day: Int, secondsOfDay: Int? = nil, utcOffset: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = secondsOfDay
        self.utcOffset = utcOffset
    }

    /// Parses `2024-03-01`, `2024-03-01T09:30:00`, `2024-03-01 09:30`, with an optional `Z` or `+09:00`.
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
        guard scalars.count >= 10, let y = number(0, 4), scalars[4] == "-", let m = number(5, 2), scalars[7] == "-",
            let d = number(8, 2), (1...12).contains(m), (1...Self.daysIn(month: m, year: y)).contains(d)
        else { return nil }
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

    /// `2024-03-01`.
    public var isoDate: String {
        Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    }

    /// RFC 3339 timestamp for feeds and sitemaps (`2024-03-01T00:00:00Z` when no time was given).
    public var rfc3339: String {
        let seconds = secondsOfDay ?? 0
        var text = isoDate + "T" + Self.padded(seconds / 3600, 2) + ":" + Self.padded((seconds / 60) % 60, 2) + ":" + Self.padded(seconds % 60, 2)
        if let offset = utcOffset, offset != 0 {
            let sign = offset < 0 ? "-" : "+"
            let absolute = abs(offset)
            text += sign + Self.padded(absolute / 3600, 2) + ":" + Self.padded((absolute / 60) % 60, 2)
        } else {
            text += "Z"
        }
        return text
    }

    /// `value` in decimal with leading zeros up to `width` digits (`padded(7, 2)` is `07`), as `%0*d` would
    /// print it (negative numbers keep their sign before the zeros). Without `String(format:)`, which is slow.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// A date formatted with an ICU-style pattern: `yyyy`, `yy`, `MM`, `M`, `dd`, `d`, `HH`, `mm`; other text is kept.
    /// Implemented here (not with DateFormatter) so that output never depends on the machine's locale or zone.
    public func formatted(_ pattern: String) -> String {
        var output = ""
        let chars = Array(pattern)
        var index = 0
        let seconds = secondsOfDay ?? 0
        while index < chars.count {
            let c = chars[index]
            var run = 1
            while index + run < chars.count, chars[index + run] == c { run += 1 }
            switch c {
            case "y": output += run == 2 ? Self.padded(year % 100, 2) : String(year)
            case "M": output += run >= 2 ? Self.padded(month, 2) : String(month)
            case "d": output += run >= 2 ? Self.padded(day, 2) : String(day)
            case "H": output += run >= 2 ? Self.padded(seconds / 3600, 2) : String(seconds / 3600)
            case "m": output += Self.padded((seconds / 60) % 60, 2)
            default: output += String(repeating: c, count: run)
            }
            index += run
        }
        return output
    }

    public static func < (lhs: SiteDate, rhs: SiteDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.secondsOfDay ?? 0) < (rhs.year, rhs.month, rhs.day, rhs.secondsOfDay ?? 0)
    }
}
