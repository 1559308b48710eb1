import Testing
@testable import TeigenMarkdown

@Suite struct LineBreakTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        ("あいう\nえお", "<p>あいうえお</p>\n"),
        ("漢字の文章、\n「括弧」も続く。", "<p>漢字の文章、「括弧」も続く。</p>\n"),
        ("**強調**\nのあと", "<p><strong>強調</strong>のあと</p>\n"),
        ("[リンク](/a)\nのあと", "<p><a href=\"/a\">リンク</a>のあと</p>\n"),
        ("全角ＡＢＣ\n１２３", "<p>全角ＡＢＣ１２３</p>\n"),
        ("ｱｲｳ\nｴｵ", "<p>ｱｲｳｴｵ</p>\n"),
    ])
    func eastAsianBreaksJoin(_ source: String, _ html: String) {
        #expect(renderer.render(source).html == html)
    }

    @Test(arguments: [
        ("word\nword", "<p>word\nword</p>\n"),
        ("漢字\nword", "<p>漢字\nword</p>\n"),
        ("word\n漢字", "<p>word\n漢字</p>\n"),
        ("한국어\n문장", "<p>한국어\n문장</p>\n"),
        ("日本語\n한국어", "<p>日本語\n한국어</p>\n"),
        ("1 2\n3", "<p>1 2\n3</p>\n"),
    ])
    func otherBreaksStay(_ source: String, _ html: String) {
        #expect(renderer.render(source).html == html)
    }

    @Test func hardBreaksOptionKeepsJapaneseBreaks() {
        let html = MarkdownRenderer(options: MarkdownOptions(hardBreaks: true)).render("日本語の\n改行").html
        #expect(html == "<p>日本語の<br />\n改行</p>\n")
    }

    @Test func plainTextFollowsTheSameRule() {
        #expect(renderer.render("あいう\nえお\n\nword\nword").plainText == "あいうえお\nword word")
    }

    @Test func imageAltTextAndHeadingTitlesFollowTheSameRule() {
        #expect(renderer.render("![あいう\nえお](a.png)").html == "<p><img src=\"a.png\" alt=\"あいうえお\" /></p>\n")
        let setext = renderer.render("見出しの\n続き\n---\n")
        #expect(setext.html == "<h2 id=\"見出しの続き\">見出しの続き</h2>\n")
        #expect(setext.tableOfContents.map(\.title) == ["見出しの続き"])
    }

    @Test func aBreakAfterAFootnoteReferenceJoinsLikeOneAfterTheCharacterBeforeIt() {
        // The mark is bound to the character before it (U+2060 WORD JOINER), so the break after it
        // is read as a break after that character: between two Japanese characters it renders as nothing.
        let html = renderer.render("注がある。[^1]\n次の行。\n\n[^1]: 注。").html
        #expect(html.hasPrefix("<p>注がある。\u{2060}<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\">1</a></sup>次の行。</p>\n"))
        let latin = renderer.render("Text[^1]\n次の行。\n\n[^1]: 注。").html
        #expect(latin.contains("</sup>\n次の行。</p>"))
        let undefined = renderer.render("本文[^nope]\n続き").html
        #expect(undefined == "<p>本文[^nope]\n続き</p>\n")
    }

    @Test func extensionsOffKeepsEveryBreak() {
        #expect(MarkdownRenderer(options: MarkdownOptions(extensions: false)).render("あいう\nえお").html == "<p>あいう\nえお</p>\n")
    }
}
