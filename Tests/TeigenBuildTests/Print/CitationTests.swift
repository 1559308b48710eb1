import Testing
import TeigenContent
import TeigenCore
@testable import TeigenBuild

/// The suggested citation in words, BibTeX and RIS, from one ``Citation``.
@Suite struct CitationTests {
    static let report = Citation(
        kind: .report, key: "example-2024", authors: ["新たな核の軍備管理・軍縮構想研究会"], title: "核の不使用継続と核秩序維持に向けた緊急提言",
        containerTitle: nil, publisher: "公益財団法人笹川平和財団", year: 2024, month: 3, url: "https://example.org/", language: "ja",
        bibTeXPath: "/citation.bib", risPath: "/citation.ris")

    static var chapter: Citation {
        var chapter = report
        chapter.kind = .chapter
        chapter.key = "example-proposals-1-2024"
        chapter.title = "提言 1：首脳外交を主導する"
        chapter.containerTitle = report.title
        chapter.url = "https://example.org/proposals/1/"
        return chapter
    }

    @Test func japaneseCitationsCiteAsJapaneseReportsDo() {
        #expect(CitationText.text(of: Self.report) ==
            "新たな核の軍備管理・軍縮構想研究会『核の不使用継続と核秩序維持に向けた緊急提言』公益財団法人笹川平和財団、2024年3月。https://example.org/（［閲覧日］閲覧）")
        #expect(CitationText.text(of: Self.chapter) ==
            "新たな核の軍備管理・軍縮構想研究会「提言 1：首脳外交を主導する」『核の不使用継続と核秩序維持に向けた緊急提言』公益財団法人笹川平和財団、2024年3月。https://example.org/proposals/1/（［閲覧日］閲覧）")
    }

    @Test func otherLanguagesCiteInEnglish() {
        var chapter = Self.chapter
        chapter.language = "en"
        chapter.authors = ["Study Group on Arms Control"]
        chapter.title = "Recommendation 1: Lead Summit Diplomacy"
        chapter.containerTitle = "Emergency Recommendations"
        chapter.publisher = "Sasakawa Peace Foundation"
        #expect(CitationText.text(of: chapter) ==
            "Study Group on Arms Control. “Recommendation 1: Lead Summit Diplomacy.” In Emergency Recommendations. Sasakawa Peace Foundation, March 2024. https://example.org/proposals/1/ (accessed [date]).")
    }

    @Test func bibTeXEscapesTeXAndBracesAGroupAsAuthor() {
        var chapter = Self.chapter
        chapter.title = "R&D 100% a_b {c} #1 ~ ^ \\ $x"
        #expect(BibTeXEntry(citation: chapter).text == ##"""
            @incollection{example-proposals-1-2024,
              author = {{新たな核の軍備管理・軍縮構想研究会}},
              title = {R\&D 100\% a\_b \{c\} \#1 \textasciitilde{} \textasciicircum{} \textbackslash{} \$x},
              booktitle = {核の不使用継続と核秩序維持に向けた緊急提言},
              publisher = {公益財団法人笹川平和財団},
              year = {2024},
              month = mar,
              url = {https://example.org/proposals/1/},
              language = {ja}
            }

            """##)
        #expect(BibTeXEntry(citation: Self.report).text.hasPrefix("@techreport{example-2024,\n"))
        #expect(BibTeXEntry(citation: Self.report).text.contains("  institution = {公益財団法人笹川平和財団},\n"))
        #expect(BibTeXEntry.escape("a\nb") == "a b")
    }

    @Test func risRecordsEndTheirLinesWithCRLF() {
        #expect(RISRecord(citation: Self.chapter).text == [
            "TY  - CHAP", "AU  - 新たな核の軍備管理・軍縮構想研究会", "TI  - 提言 1：首脳外交を主導する", "T2  - 核の不使用継続と核秩序維持に向けた緊急提言",
            "PB  - 公益財団法人笹川平和財団", "PY  - 2024", "DA  - 2024/03//", "UR  - https://example.org/proposals/1/", "LA  - ja", "ER  - ",
        ].joined(separator: "\r\n") + "\r\n")
        var report = Self.report
        report.title = "two\nlines"
        #expect(RISRecord(citation: report).text.contains("TY  - RPRT\r\n"))
        #expect(RISRecord(citation: report).text.contains("TI  - two lines\r\n"))
    }

    @Test func keysAreMadeOfTheHostThePathAndTheYear() throws {
        let urls = SiteURLs(baseURL: "https://www.spf.org/teigen/")
        func page(_ path: String) -> SourcePage {
            SourcePage(contentPath: path, sourcePath: "content/" + path, text: "", frontMatter: FrontMatter(title: path), body: "", bodyFirstLine: 1)
        }
        let graph = try ContentGraph.build([page("_index.md"), page("proposals/1.md"), page("提言/二.md")], includeDrafts: false)
        let keys = Dictionary(uniqueKeysWithValues: graph.pages.map { ($0.contentPath, Citation.defaultKey(page: $0, year: 2024, urls: urls)) })
        #expect(keys["_index.md"] == "spf-2024")
        #expect(keys["proposals/1.md"] == "spf-proposals-1-2024")
        let japanese = try #require(keys["提言/二.md"])
        #expect(japanese.hasPrefix("spf-") && japanese.hasSuffix("-2024") && japanese.count == "spf-".count + 6 + "-2024".count)
    }

    @Test func sizesAreWrittenInKilobytesThenMegabytes() {
        #expect(PublicationValues.size(1) == "1 kB")
        #expect(PublicationValues.size(715_940) == "716 kB")
        #expect(PublicationValues.size(999_499) == "999 kB")
        #expect(PublicationValues.size(1_000_000) == "1.0 MB")
        #expect(PublicationValues.size(1_249_999) == "1.2 MB")
        #expect(PublicationValues.size(12_350_000) == "12.4 MB")
    }
}
