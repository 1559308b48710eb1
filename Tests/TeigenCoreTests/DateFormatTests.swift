import Foundation
import Testing
@testable import TeigenCore

/// `dateFormat`: ICU patterns through Foundation's DateFormatter, in the site's language and calendar.
@Suite struct DateFormatTests {
    let march26 = SiteDate(year: 2024, month: 3, day: 26)
    let march = SiteDate(year: 2024, month: 3)

    @Test(arguments: [
        ("en", "d MMM yyyy", "26 Mar 2024"),
        ("en", "EEE, d MMM yyyy", "Tue, 26 Mar 2024"),
        ("en", "EEEE d MMMM yyyy", "Tuesday 26 March 2024"),
        ("en", "MMMM d, y", "March 26, 2024"),
        ("en", "'Week' w 'of' yyyy", "Week 13 of 2024"),
        ("ja", "yyyy年M月d日", "2024年3月26日"),
        ("ja", "yyyy年M月d日(EEE)", "2024年3月26日(火)"),
        ("ja", "EEEE", "火曜日"),
        ("ja", "MMMM", "3月"),
        ("ja", "yyyy/MM/dd", "2024/03/26"),
        ("de", "EEEE, d. MMMM yyyy", "Dienstag, 26. März 2024"),
    ])
    func namesMonthsAndWeekdaysInTheLanguage(language: String, pattern: String, expected: String) {
        #expect(DateFormat(pattern: pattern, language: language).string(from: march26) == expected)
    }

    @Test func theJapaneseCalendarCountsEras() {
        let format = DateFormat(pattern: "Gy年M月d日", language: "ja", calendar: .japanese)
        #expect(format.string(from: march26) == "令和6年3月26日")
        #expect(format.string(from: SiteDate(year: 2019, month: 4, day: 30)) == "平成31年4月30日")
        #expect(format.string(from: SiteDate(year: 2019, month: 5, day: 1)) == "令和元年5月1日")
        #expect(format.string(from: SiteDate(year: 1989, month: 1, day: 7)) == "昭和64年1月7日")
        #expect(DateFormat(pattern: "GGGGGy.M.d", language: "ja", calendar: .japanese).string(from: march26) == "R6.3.26")
        #expect(DateFormat(pattern: "G y", language: "en", calendar: .japanese).string(from: march26) == "Reiwa 6")
    }

    @Test func aYearMonthDateNeverShowsADay() {
        #expect(DateFormat(pattern: "yyyy年M月d日", language: "ja").string(from: march) == "2024年3月")
        #expect(DateFormat(pattern: "yyyy年M月d日(EEE)", language: "ja").string(from: march) == "2024年3月")
        #expect(DateFormat(pattern: "d MMM yyyy", language: "en").string(from: march) == "Mar 2024")
        #expect(DateFormat(pattern: "EEEE d MMMM yyyy", language: "en").string(from: march) == "March 2024")
        #expect(DateFormat(pattern: "yyyy-MM-dd", language: "en").string(from: march) == "March 2024")
        #expect(DateFormat(pattern: "Gy年M月d日", language: "ja", calendar: .japanese).string(from: march) == "令和6年3月")
        #expect(DateFormat(pattern: "Gy年M月d日", language: "ja", calendar: .japanese).string(from: SiteDate(year: 2019, month: 5)) == "令和元年5月")
        #expect(DateFormat(pattern: "yyyy-MM-dd", monthPattern: "yyyy-MM").string(from: march) == "2024-03")
        #expect(DateFormat(pattern: "d MMM yyyy", language: "en").monthPattern == "MMM y")
        #expect(DateFormat(pattern: "yyyy年M月d日", language: "ja").monthPattern == "y年M月")
    }

    @Test func timesShowTheClockAsWritten() {
        let morning = SiteDate(parsing: "2024-03-26T09:05:00+09:00")!
        #expect(DateFormat(pattern: "yyyy-MM-dd HH:mm").string(from: morning) == "2024-03-26 09:05")
        #expect(DateFormat(pattern: "yyyy-MM-dd HH:mm xxx").string(from: morning) == "2024-03-26 09:05 +09:00")
        #expect(DateFormat(pattern: "h:mm a", language: "en").string(from: SiteDate(parsing: "2024-03-26T21:30:00-05:00")!) == "9:30 PM")
        // Late in the evening west of UTC is the next day in UTC; the date shown is still the one written.
        #expect(DateFormat(pattern: "d MMM", language: "en").string(from: SiteDate(parsing: "2024-03-26T23:30:00-08:00")!) == "26 Mar")
        #expect(DateFormat(pattern: "HH:mm", language: "en").string(from: march26) == "00:00")
    }

    @Test func patternsAreChecked() {
        #expect(DateFormat.problem(withPattern: "d MMM yyyy 'at' HH:mm") == nil)
        #expect(DateFormat.problem(withPattern: "Gy年M月d日") == nil)
        #expect(DateFormat.problem(withPattern: "d MMM yyyy at HH:mm") == "'t' is not a date pattern letter; put text in single quotes ('at' for the word at)")
        #expect(DateFormat.problem(withPattern: "yyyy'年") == "a quote (') is never closed; write '' for a quote itself")
        #expect(DateFormat.problem(withPattern: "") == "the pattern is empty")
        #expect(DateFormat.problem(withPattern: "y年M月", monthOnly: true) == nil)
        #expect(DateFormat.problem(withPattern: "d MMM y", monthOnly: true) == "'d' needs a day or a time, which a year-month date does not have")
    }

    @Test func formatsCompareByTheirSettings() {
        #expect(DateFormat(pattern: "d MMM", language: "en") == DateFormat(pattern: "d MMM", language: "en"))
        #expect(DateFormat(pattern: "d MMM", language: "en") != DateFormat(pattern: "d MMM", language: "ja"))
        #expect(DateFormat(pattern: "y", calendar: .japanese) != DateFormat(pattern: "y"))
    }
}
