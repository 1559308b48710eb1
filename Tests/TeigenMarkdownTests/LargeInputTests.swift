import Testing
@testable import TeigenMarkdown

/// Large inputs come out right. How long they take is measured by `make bench` (bench/run.sh, "Markdown
/// alone": the 5 MB document, the in-process split between libcmark and the passes, and how the time
/// grows with thousands of notes and headings), never here: a timing in a pass/fail test either cannot
/// fail or fails on a busy machine.
@Suite struct LargeInputTests {
    @Test func thousandsOfNotesAreNumberedInOrder() {
        var source = ""
        for index in 0..<4_000 { source += "S\(index)[^n\(index)] and again[^n\(index)].\n" }
        source += "\n"
        for index in 0..<4_000 { source += "[^n\(index)]: Note \(index).\n" }
        let rendered = MarkdownRenderer().render(source, includingText: false)
        #expect(rendered.issues.isEmpty)
        #expect(rendered.html.contains(##"<a href="#fn-n3999" id="fnref-n3999-2" role="doc-noteref">4000</a>"##))
        #expect(rendered.html.contains(#"<li id="fn-n3999">"#))
    }

    @Test func thousandsOfEqualHeadingsGetDistinctIDs() {
        let source = String(repeating: "## 同じ見出し\n\nText.\n\n", count: 4_000)
        let html = MarkdownRenderer().render(source).html
        #expect(html.contains("<h2 id=\"同じ見出し\">"))
        #expect(html.contains("<h2 id=\"同じ見出し-3999\">"))
    }

    @Test func onlyTheHTMLWhenTextIsNotWanted() {
        let source = "## 見出し\n\n本文[^1]。\n\n[^1]: 注。\n"
        let whole = MarkdownRenderer().render(source)
        let bare = MarkdownRenderer().render(source, includingText: false)
        #expect(bare.html == whole.html)
        #expect(bare.tableOfContents == whole.tableOfContents)
        #expect(bare.issues == whole.issues)
        #expect(bare.plainText.isEmpty && bare.summaryHTML.isEmpty && bare.summaryText.isEmpty)
        #expect(bare.readingMinutes == 1)
        #expect(whole.plainText == "見出し\n本文。")
    }
}
