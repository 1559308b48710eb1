import Foundation

/// How dates are written for readers (`dateFormat`, `dateFormatMonth`, `calendar` and `language` in `config.yaml`):
/// ICU date patterns formatted by Foundation's `DateFormatter`, with the language's month and weekday names and the
/// chosen calendar (`Gy年M月d日` in the Japanese calendar is 令和6年3月26日).
///
/// A date that gives a day uses `pattern`; a year-month date (`2024-03`) uses `monthPattern`, which never shows a
/// day. Output never depends on the machine: the locale, calendar and time zone are always set, and a date is
/// shown with the clock time it was written with.
///
/// ```swift
/// let format = DateFormat(pattern: "EEE d MMM yyyy", language: "en")
/// format.string(from: SiteDate(year: 2024, month: 3, day: 26))   // "Tue 26 Mar 2024"
/// format.string(from: SiteDate(year: 2024, month: 3))            // "March 2024"
/// ```
public struct DateFormat: Sendable, Hashable {
    /// The ICU pattern for dates that give a day (`yyyy年M月d日`, `d MMM yyyy`).
    public let pattern: String
    /// The ICU pattern for year-month dates (`y年M月`, `MMMM y`).
    public let monthPattern: String
    /// The language whose month and weekday names are used (`ja`, `en`), a BCP 47 tag.
    public let language: String
    /// The calendar dates are counted in.
    public let calendar: Calendar.Identifier
    // Made once: a DateFormatter takes about half a millisecond to make and a few microseconds to use. It is
    // Sendable (it locks its own state) and never changed after `init`.
    private let dayFormatter: DateFormatter
    private let monthFormatter: DateFormatter

    /// A format. Without a `monthPattern`, the language's own way of writing a month and year is used, from ICU's
    /// pattern for the skeleton `yMMMM` (`yMMM` when `pattern` abbreviates the month, with `G` in front when
    /// `pattern` shows the era): 2024年3月, March 2024, 令和6年3月.
    public init(pattern: String = "yyyy-MM-dd", monthPattern: String? = nil, language: String = "en", calendar: Calendar.Identifier = .gregorian) {
        let locale = Self.locale(language: language, calendar: calendar)
        self.pattern = pattern
        self.monthPattern = monthPattern ?? Self.monthPattern(like: pattern, locale: locale)
        self.language = language
        self.calendar = calendar
        dayFormatter = Self.formatter(pattern, locale: locale, calendar: calendar, utcOffset: 0)
        monthFormatter = Self.formatter(self.monthPattern, locale: locale, calendar: calendar, utcOffset: 0)
    }

    /// `date` as readers see it.
    public func string(from date: SiteDate) -> String {
        let pattern = date.precision == .month ? monthPattern : self.pattern
        var formatter = date.precision == .month ? monthFormatter : dayFormatter
        let offset = date.utcOffset ?? 0
        // The clock time as written is formatted as if it were UTC, which gives the same text for every field but
        // the zone's; only a pattern that shows the zone needs a formatter in the date's own offset.
        var instant = Self.instant(of: date)
        if offset != 0, Self.letters(in: pattern).contains(where: { Self.zoneLetters.contains($0) }) {
            formatter = Self.formatter(pattern, locale: formatter.locale, calendar: calendar, utcOffset: offset)
            instant -= TimeInterval(offset)
        }
        return formatter.string(from: Date(timeIntervalSince1970: instant))
    }

    public static func == (lhs: DateFormat, rhs: DateFormat) -> Bool {
        (lhs.pattern, lhs.monthPattern, lhs.language, lhs.calendar) == (rhs.pattern, rhs.monthPattern, rhs.language, rhs.calendar)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
        hasher.combine(monthPattern)
        hasher.combine(language)
        hasher.combine(calendar)
    }

    // MARK: Checking patterns and calendars

    /// The calendars by their CLDR names, as in a locale's `@calendar=` keyword (`japanese`, `buddhist`).
    public static let calendars: [(name: String, identifier: Calendar.Identifier)] = [
        ("gregorian", .gregorian), ("japanese", .japanese), ("buddhist", .buddhist), ("roc", .republicOfChina),
        ("chinese", .chinese), ("coptic", .coptic), ("ethiopic", .ethiopicAmeteMihret), ("ethioaa", .ethiopicAmeteAlem),
        ("hebrew", .hebrew), ("indian", .indian), ("islamic", .islamic), ("islamic-civil", .islamicCivil),
        ("islamic-tbla", .islamicTabular), ("islamic-umalqura", .islamicUmmAlQura), ("iso8601", .iso8601), ("persian", .persian),
    ]

    /// The pattern letters of ICU's date formats (`G` era, `y` year, `M` month, `d` day, `E` weekday, `H` hour…).
    static let patternLetters = Set("GyYuUrQqMLlwWdDFgEecabBhHKkmsSAzZOvVXx")
    /// The letters that show a time zone.
    static let zoneLetters = Set("zZOvVXx")
    /// The letters that need a day or a time, which a year-month date does not have.
    static let dayLetters = Set("wWdDFgEecabBhHKkmsSAzZOvVXx")

    /// Why `pattern` is not a usable date pattern, or nil. `monthOnly`: it is for year-month dates, so it may not
    /// show a day, a weekday or a time.
    public static func problem(withPattern pattern: String, monthOnly: Bool = false) -> String? {
        if pattern.isEmpty { return "the pattern is empty" }
        if pattern.filter({ $0 == "'" }).count % 2 == 1 { return "a quote (') is never closed; write '' for a quote itself" }
        let letters = letters(in: pattern)
        if let letter = letters.first(where: { !patternLetters.contains($0) }) {
            return "'\(letter)' is not a date pattern letter; put text in single quotes ('at' for the word at)"
        }
        if monthOnly, let letter = letters.first(where: { dayLetters.contains($0) }) {
            return "'\(letter)' needs a day or a time, which a year-month date does not have"
        }
        return nil
    }

    /// The ASCII letters of `pattern` outside quotes, in order.
    static func letters(in pattern: String) -> [Character] {
        var letters: [Character] = []
        var quoted = false
        for character in pattern {
            if character == "'" {
                quoted.toggle()
            } else if !quoted, character.isASCII, character.isLetter {
                letters.append(character)
            }
        }
        return letters
    }

    // MARK: Formatters

    /// The locale of `language` with the calendar as its `@calendar=` keyword.
    static func locale(language: String, calendar: Calendar.Identifier) -> Locale {
        let name = calendars.first { $0.identifier == calendar }?.name ?? "gregorian"
        return Locale(identifier: language + "@calendar=" + name)
    }

    /// ICU's month-and-year pattern for the locale, in the style of `pattern`.
    static func monthPattern(like pattern: String, locale: Locale) -> String {
        let letters = letters(in: pattern)
        let abbreviated = pattern.contains("MMM") && !pattern.contains("MMMM") || pattern.contains("LLL") && !pattern.contains("LLLL")
        let skeleton = (letters.contains("G") ? "G" : "") + (abbreviated ? "yMMM" : "yMMMM")
        return DateFormatter.dateFormat(fromTemplate: skeleton, options: 0, locale: locale) ?? "yyyy-MM"
    }

    static func formatter(_ pattern: String, locale: Locale, calendar identifier: Calendar.Identifier, utcOffset: Int) -> DateFormatter {
        let zone = TimeZone(secondsFromGMT: utcOffset) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: identifier)
        calendar.locale = locale
        calendar.timeZone = zone
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = calendar
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter
    }

    /// Seconds since 1970 of the date's clock time read as UTC (a year-month date at its first day), counted in
    /// the calendar the formatters count in (ICU's Gregorian calendar is Julian before October 1582).
    static func instant(of date: SiteDate) -> TimeInterval {
        let components = DateComponents(year: date.year, month: date.month, day: date.day ?? 1, second: date.secondsOfDay ?? 0)
        return gregorianUTC.date(from: components)?.timeIntervalSince1970 ?? 0
    }

    private static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
