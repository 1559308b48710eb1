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

    @Test(arguments: ["tomorrow", "2024-13-01", "2024-02-30", "2024-3-1", "2024-03-01T25:00", ""])
    func rejectsInvalid(_ text: String) {
        #expect(SiteDate(parsing: text) == nil)
    }

    @Test func formatsWithPattern() {
        let date = SiteDate(year: 2024, month: 3, day: 1)
        #expect(date.formatted("yyyy年M月d日") == "2024年3月1日")
        #expect(date.formatted("yyyy-MM-dd") == "2024-03-01")
        #expect(SiteDate(year: 2023, month: 2, day: 28) < date)
    }

    @Test func paddedNumbersMatchPrintf() {
        for (value, width) in [(0, 2), (7, 2), (42, 2), (123, 2), (5, 4), (2024, 4), (12345, 4), (-5, 4), (-12, 2)] {
            #expect(SiteDate.padded(value, width) == String(format: "%0\(width)d", value), "\(value) width \(width)")
        }
        #expect(SiteDate(parsing: "0987-01-02")?.isoDate == "0987-01-02")
        #expect(SiteDate(parsing: "2024-03-01T09:05:07-05:30")?.rfc3339 == "2024-03-01T09:05:07-05:30")
        #expect(SiteDate(parsing: "2024-03-01")?.formatted("yy/M/d") == "24/3/1")
        #expect(SiteDate(parsing: "2024-03-01")?.formatted("yyyy年MM月dd日") == "2024年03月01日")
    }
}
