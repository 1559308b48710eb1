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
}
