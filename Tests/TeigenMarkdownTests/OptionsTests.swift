import Testing
@testable import TeigenMarkdown

@Suite struct OptionsTests {
    @Test func defaultsMatchTheContract() {
        let options = MarkdownOptions()
        #expect(!options.smartPunctuation)
        #expect(options.allowRawHTML)
        #expect(!options.hardBreaks)
        #expect(options.extensions)
        #expect(!options.headingAnchors)
        #expect(options.footnoteStart == 1)
    }

    @Test func safeModeOmitsRawHTMLButKeepsTeigenMarkup() {
        let html = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: false))
            .render("<b>x</b>[^1]\n\n<div>y</div>\n\n[^1]: n\n").html
        #expect(html.hasPrefix("<p><!-- raw HTML omitted -->x<!-- raw HTML omitted -->\u{2060}<sup class=\"footnote-ref\">"))
        #expect(html.contains("<!-- raw HTML omitted -->\n<section class=\"footnotes\" role=\"doc-endnotes\">"))
    }

    @Test func safeModeDropsDangerousRewrittenURLs() {
        let html = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: false)).render("[a](b)") { _ in .replace("javascript:alert(1)") }.html
        #expect(html == "<p><a href=\"\">a</a></p>\n")
    }

    @Test func smartPunctuationInNotesAndCells() {
        let html = MarkdownRenderer(options: MarkdownOptions(smartPunctuation: true))
            .render("\"A\"[^1]\n\n| 'b' |\n|---|\n\n[^1]: \"c\" -- d\n").html
        #expect(html.hasPrefix("<p>“A”\u{2060}<sup"))
        #expect(html.contains("<th>‘b’</th>"))
        #expect(html.contains("<p>“c” – d "))
    }
}
