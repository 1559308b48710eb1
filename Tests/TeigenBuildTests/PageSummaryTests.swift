import Testing
@testable import TeigenBuild

/// ``PageSummary/oneLine(_:)``: a page's description when its front matter has none — the summary's lines
/// joined with single spaces, and past 120 Unicode scalars the first 119 and `…`.
@Suite struct PageSummaryTests {
    @Test func linesAreJoinedWithOneSpace() {
        #expect(PageSummary.oneLine("核兵器の\n不拡散。\r\n\nNext line") == "核兵器の 不拡散。 Next line")
        #expect(PageSummary.oneLine("\nlead\n") == "lead")
        #expect(PageSummary.oneLine("") == "")
    }

    @Test func moreThan120ScalarsAreCutTo119AndAnEllipsis() {
        let exactly = String(repeating: "提", count: 120)
        #expect(PageSummary.oneLine(exactly) == exactly)
        let longer = String(repeating: "言", count: 119) + "ab"
        #expect(PageSummary.oneLine(longer) == String(repeating: "言", count: 119) + "…")
        // Scalars, not characters: a letter and its combining mark count twice.
        let combining = String(repeating: "e\u{301}", count: 61)
        #expect(PageSummary.oneLine(combining).unicodeScalars.count == 120)
        #expect(PageSummary.oneLine(combining).hasSuffix("e…"))
    }
}
