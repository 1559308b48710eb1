import Foundation
import Testing
@testable import TeigenCore

@Suite struct SiteDateTests {
    @Test func parsesDatesAndTimes() {
        #expect(SiteDate(parsing: "2024-03-01") == SiteDate(year: 2024, month: 3, day: 1))
        #expect(SiteDate(parsing: "2024-03-01T09:30:00+09:00")?.rfc3339 == "2024-03-01T09:30:00+09:00")
        #expect(SiteDate(parsing: "2024-03-01 09:30")?.rfc3339 == "2024-03-01T09:30:00Z")
        #expect(SiteDate(parsing: "2024-03-01")?.rfc3339 == "2024-03-01T00:00:00Z")
    }

    @Test func keepsThePrecisionGiven() {
        let month = SiteDate(parsing: "2024-03")
        #expect(month == SiteDate(year: 2024, month: 3))
        #expect(month?.precision == .month)
        #expect(month?.isoDate == "2024-03")
        #expect(month?.rfc3339 == "2024-03-01T00:00:00Z")
        #expect(SiteDate(parsing: "2024-03-01")?.precision == .day)
        #expect(SiteDate(parsing: "2024-03-01")?.isoDate == "2024-03-01")
        #expect(SiteDate(parsing: "2024-03-01T09:00:00+09:00")?.precision == .time)
        #expect(SiteDate(parsing: "2024-03-01T09:00:00+09:00")?.isoDate == "2024-03-01")
        // A month comes before the days of its month, and after the month before.
        #expect(SiteDate(year: 2024, month: 3) < SiteDate(year: 2024, month: 3, day: 1))
        #expect(SiteDate(year: 2024, month: 2, day: 29) < SiteDate(year: 2024, month: 3))
        // A year-month date has no time.
        #expect(SiteDate(year: 2024, month: 3, secondsOfDay: 60, utcOffset: 0).precision == .month)
    }

    @Test(arguments: ["tomorrow", "2024-13-01", "2024-02-30", "2024-3-1", "2024-03-01T25:00", "", "2024-13", "2024-3", "2024-03-", "2024-03T09:00"])
    func rejectsInvalid(_ text: String) {
        #expect(SiteDate(parsing: text) == nil)
    }

    @Test func formatsWithPattern() {
        let date = SiteDate(year: 2024, month: 3, day: 1)
        #expect(date.formatted(DateFormat(pattern: "yyyy年M月d日", language: "ja")) == "2024年3月1日")
        #expect(date.formatted(DateFormat(pattern: "yyyy-MM-dd")) == "2024-03-01")
        #expect(SiteDate(year: 2023, month: 2, day: 28) < date)
    }

    @Test func paddedNumbersMatchPrintf() {
        for (value, width) in [(0, 2), (7, 2), (42, 2), (123, 2), (5, 4), (2024, 4), (12345, 4), (-5, 4), (-12, 2)] {
            #expect(SiteDate.padded(value, width) == String(format: "%0\(width)d", value), "\(value) width \(width)")
        }
        #expect(SiteDate(parsing: "0987-01-02")?.isoDate == "0987-01-02")
        #expect(SiteDate(parsing: "2024-03-01T09:05:07-05:30")?.rfc3339 == "2024-03-01T09:05:07-05:30")
        #expect(SiteDate(parsing: "2024-03-01")?.formatted(DateFormat(pattern: "yy/M/d")) == "24/3/1")
        #expect(SiteDate(parsing: "2024-03-01")?.formatted(DateFormat(pattern: "yyyy年MM月dd日", language: "ja")) == "2024年03月01日")
    }
}
