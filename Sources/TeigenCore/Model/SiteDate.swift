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
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// RFC 3339 timestamp for feeds and sitemaps (`2024-03-01T00:00:00Z` when no time was given).
    public var rfc3339: String {
        let seconds = secondsOfDay ?? 0
        var text = isoDate + String(format: "T%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60)
        if let offset = utcOffset, offset != 0 {
            let sign = offset < 0 ? "-" : "+"
            let absolute = abs(offset)
            text += String(format: "%@%02d:%02d", sign, absolute / 3600, (absolute / 60) % 60)
        } else {
            text += "Z"
        }
        return text
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
            case "y": output += run == 2 ? String(format: "%02d", year % 100) : String(year)
            case "M": output += run >= 2 ? String(format: "%02d", month) : String(month)
            case "d": output += run >= 2 ? String(format: "%02d", day) : String(day)
            case "H": output += run >= 2 ? String(format: "%02d", seconds / 3600) : String(seconds / 3600)
            case "m": output += String(format: "%02d", (seconds / 60) % 60)
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
