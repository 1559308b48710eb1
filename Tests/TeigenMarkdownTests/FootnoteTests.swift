import Foundation
import Testing
@testable import TeigenMarkdown

@Suite struct FootnoteTests {
    let renderer = MarkdownRenderer()

    static func reference(_ id: String, _ number: Int, ordinal: Int = 1) -> String {
        let refID = ordinal == 1 ? "fnref-\(id)" : "fnref-\(id)-\(ordinal)"
        return "\u{2060}<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"\(refID)\" role=\"doc-noteref\">\(number)</a></sup>"
    }

    @Test func exactMarkup() {
        let html = renderer.render("Text[^x].\n\n[^x]: Note.\n").html
        #expect(
            html == """
                <p>Text\u{2060}<sup class="footnote-ref"><a href="#fn-x" id="fnref-x" role="doc-noteref">1</a></sup>.</p>
                <section class="footnotes" role="doc-endnotes">
                <ol>
                <li id="fn-x">
                <p>Note. <a href="#fnref-x" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 1">↩\u{FE0E}</a></p>
                </li>
                </ol>
                </section>

                """)
    }

    @Test func numberedInOrderOfFirstReference() {
        let html = renderer.render("B[^b] then A[^a] then B[^b].\n\n[^a]: A.\n[^b]: B.\n").html
        #expect(html.hasPrefix("<p>B\(Self.reference("b", 1)) then A\(Self.reference("a", 2)) then B\(Self.reference("b", 1, ordinal: 2)).</p>\n"))
        // Notes are listed in number order, whatever the order of the definitions.
        let listed = html.components(separatedBy: "<li id=\"").dropFirst().map { $0.prefix(4) }
        #expect(listed == ["fn-b", "fn-a"])
    }

    @Test func everyReferenceGetsABacklink() {
        let html = renderer.render("One[^n] two[^n] three[^n].\n\n[^n]: Note.\n").html
        #expect(
            html.contains(
                """
                <p>Note. <a href="#fnref-n" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 1">↩\u{FE0E}</a> \
                <a href="#fnref-n-2" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 1-2">↩\u{FE0E}<sup>2</sup></a> \
                <a href="#fnref-n-3" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 1-3">↩\u{FE0E}<sup>3</sup></a></p>
                """))
    }

    @Test func labelsMatchCaseInsensitively() {
        let html = renderer.render("See[^Note].\n\n[^note]: Defined in lower case.\n").html
        #expect(html.contains(Self.reference("note", 1)))
    }

    @Test func japaneseLabelsGiveStableIDs() {
        let html = renderer.render("本文[^注記]。\n\n[^注記]: 注。\n").html
        #expect(html.contains(Self.reference("注記", 1)))
        #expect(html.contains("<li id=\"fn-注記\">\n<p>注。<a href=\"#fnref-注記\""))
    }

    @Test func missingReferenceStaysLiteralAndWarns() {
        let result = renderer.render("Line one.\n日本語の文[^nope]。\n")
        #expect(result.html == "<p>Line one.\n日本語の文[^nope]。</p>\n")
        #expect(result.issues == [MarkdownIssue(severity: .warning, line: 2, column: 6, message: "footnote [^nope] is not defined")])
    }

    @Test func referencesOnLaterLinesAndInHeadingsAreFound() {
        // Only blocks whose lines hold `[^` are walked for references: the lines must be the right ones.
        let result = renderer.render("一行目\n二行目\n三行目[^a]\n\n## 見出し[^b]\n\n- 項目\n  続き[^a]\n\n[^a]: 注A\n[^b]: 注B\n")
        #expect(result.html.contains("三行目\u{2060}<sup class=\"footnote-ref\"><a href=\"#fn-a\" id=\"fnref-a\""))
        #expect(result.html.contains("見出し\u{2060}<sup class=\"footnote-ref\"><a href=\"#fn-b\" id=\"fnref-b\""))
        #expect(result.html.contains("続き\u{2060}<sup class=\"footnote-ref\"><a href=\"#fn-a\" id=\"fnref-a-2\""))
        #expect(result.issues.isEmpty)
    }

    @Test func unusedAndDuplicateDefinitionsWarn() {
        let result = renderer.render("Used[^a].\n\n[^a]: First.\n   [^b]: Unused.\n[^a]: Second.\n")
        #expect(
            result.issues == [
                MarkdownIssue(severity: .warning, line: 4, column: 4, message: "footnote [^b] is defined but never referenced"),
                MarkdownIssue(severity: .warning, line: 5, column: 1, message: "footnote [^a] is defined more than once; the first definition is used"),
            ])
        #expect(result.html.contains("<p>First. <a href=\"#fnref-a\""))
        #expect(!result.html.contains("Second"))
    }

    @Test func missingReferenceInsideANoteHasItsPosition() {
        let result = renderer.render("Text[^a].\n\n[^a]: Para.\n\n    Second [^zz] para.\n")
        #expect(result.issues == [MarkdownIssue(severity: .warning, line: 5, column: 12, message: "footnote [^zz] is not defined")])
    }

    @Test func bareURLDefinitionIsANoteNotALinkReference() {
        let result = renderer.render("Source[^src].\n\n[^src]: https://example.com/a\n")
        #expect(result.issues.isEmpty)
        #expect(
            result.html.contains(
                "<li id=\"fn-src\">\n<p><a href=\"https://example.com/a\">https://example.com/a</a> <a href=\"#fnref-src\""))
    }

    @Test func onlyAURLStartingANoteIsLinked() {
        #expect(BareURL.urlEnd(in: Array("https://x.org/a_(b)).".utf8)) == 19)
        #expect(BareURL.urlEnd(in: Array("https://x.org/p?q=1&r=2, p. 3".utf8)) == 23)
        #expect(BareURL.urlEnd(in: Array("http://x.org<b>".utf8)) == 12)
        #expect(BareURL.urlEnd(in: Array("https://".utf8)) == nil)
        #expect(BareURL.urlEnd(in: Array("ftp://x.org".utf8)) == nil)
        #expect(BareURL.urlEnd(in: Array("see https://x.org".utf8)) == nil)
        // Elsewhere bare URLs are extended autolinks (``AutolinkPass``): a code span stays code, and a
        // reference after a URL stays a reference.
        let result = renderer.render("https://x.org[^a] `https://y.org`[^b]\n\n[^a]: `https://y.org`\n[^b]: See https://z.org\n")
        #expect(result.html.hasPrefix("<p><a href=\"https://x.org\">https://x.org</a>\u{2060}<sup class=\"footnote-ref\">"))
        #expect(!result.html.contains("href=\"https://y.org"))
        #expect(result.html.contains("<p>See <a href=\"https://z.org\">https://z.org</a>"))
    }

    @Test func definitionsInCodeAreNotDefinitions() {
        let result = renderer.render("```\n[^a]: code\n```\n\n    [^b]: indented code\n")
        #expect(result.html == "<pre><code>[^a]: code\n</code></pre>\n<pre><code>[^b]: indented code\n</code></pre>\n")
        #expect(result.issues.isEmpty)
    }

    @Test func definitionsInsideContainersWarnWithTheirPositions() {
        let source = "Used[^a].\n\n> [^a]: In a quote.\n\n- item\n\n  > [^a]: Again, in a quote in an item.\n\n1. [^b]: Unused, on the item's line.\n"
        let result = renderer.render(source)
        #expect(
            result.issues == [
                MarkdownIssue(severity: .warning, line: 7, column: 5, message: "footnote [^a] is defined more than once; the first definition is used"),
                MarkdownIssue(severity: .warning, line: 9, column: 4, message: "footnote [^b] is defined but never referenced"),
            ])
        #expect(result.html.contains("<p>In a quote. <a href=\"#fnref-a\""))
        #expect(!result.html.contains("Again") && !result.html.contains("Unused") && !result.html.contains("<!--"))
    }

    @Test func positionsInsideANoteInAContainer() {
        let rewrite: LinkRewriter = { $0.hasSuffix(".md") ? .broken("missing \($0)") : .keep }
        let source = "Text[^a].\n\n> > [^a]: See [one](a.md)\n> > and [^zz].\n> >\n> >     Then [two](b.md).\n\nAfter [three](c.md).\n"
        let issues = renderer.render(source, rewriteLink: rewrite).issues
        #expect(
            issues == [
                MarkdownIssue(severity: .error, line: 3, column: 15, message: "missing a.md"),
                MarkdownIssue(severity: .warning, line: 4, column: 9, message: "footnote [^zz] is not defined"),
                MarkdownIssue(severity: .error, line: 6, column: 14, message: "missing b.md"),
                MarkdownIssue(severity: .error, line: 8, column: 7, message: "missing c.md"),
            ])
    }

    @Test func removingADefinitionKeepsTheContainersBlocks() {
        // The line after the definition is a thematic break, not the underline of a setext heading.
        let html = renderer.render("> Para[^x]\n> [^x]: Note.\n> ---\n").html
        #expect(html.hasPrefix("<blockquote>\n<p>Para\(Self.reference("x", 1))</p>\n<hr />\n</blockquote>\n"))
        // A quote holding only a definition stays, empty (as on GitHub).
        #expect(renderer.render("> [^y]: Note.\n\nText[^y].\n").html.hasPrefix("<blockquote>\n</blockquote>\n<p>Text"))
        // A sibling item numbered 11 ends the note, which does not swallow it lazily.
        let list = renderer.render("10. a[^z]\n    [^z]: Note.\n11. b\n").html
        #expect(list.hasPrefix("<ol start=\"10\">\n<li>a\(Self.reference("z", 1))</li>\n<li>b</li>\n</ol>\n"))
    }

    @Test func definitionLookalikesInContainerCodeStayLiteral() {
        let result = renderer.render("> ```\n> [^a]: code\n> ```\n\n- x\n\n      [^b]: indented code in an item\n")
        #expect(result.html.contains("<pre><code>[^a]: code\n</code></pre>"))
        #expect(result.html.contains("<pre><code>[^b]: indented code in an item\n</code></pre>"))
        #expect(result.issues.isEmpty)
    }

    @Test func lineNumbersAfterDefinitionsStayRight() {
        let rewrite: LinkRewriter = { $0 == "missing.md" ? .broken("no page") : .keep }
        let source = "Intro[^a].\n\n[^a]: Note over\n    two lines.\n\nSee [it](missing.md).\n"
        let result = renderer.render(source, rewriteLink: rewrite)
        #expect(result.issues == [MarkdownIssue(severity: .error, line: 6, column: 5, message: "no page")])
    }

    @Test func notesResolveTheDocumentsLinkReferences() {
        let html = renderer.render("Text[^1].\n\n[^1]: See [the site][site].\n\n[site]: https://example.com/site\n").html
        #expect(html.contains("<p>See <a href=\"https://example.com/site\">the site</a>. <a href=\"#fnref-1\""))
    }

    @Test func brokenLinksInsideNotesHaveTheirPositions() {
        let rewrite: LinkRewriter = { $0.hasSuffix(".md") ? .broken("missing \($0)") : .keep }
        let source = "Text[^a].\n\n[^a]: First [one](a.md).\n\n\tThen  [two](b.md).\n"
        let issues = renderer.render(source, rewriteLink: rewrite).issues
        #expect(
            issues == [
                MarkdownIssue(severity: .error, line: 3, column: 13, message: "missing a.md"),
                MarkdownIssue(severity: .error, line: 5, column: 8, message: "missing b.md"),
            ])
    }

    @Test func selfCitationDoesNotLoop() {
        let html = renderer.render("Start[^a].\n\n[^a]: Me[^a].\n").html
        #expect(html.contains("<p>Me\(Self.reference("a", 1, ordinal: 2)). <a href=\"#fnref-a\""))
    }

    @Test func idsNeverCollide() {
        // Note "x" has two references (fnref-x, fnref-x-2); note "x-2" must not take fnref-x-2.
        let html = renderer.render("A[^x] B[^x] C[^x-2].\n\n[^x]: X.\n[^x-2]: X2.\n").html
        #expect(html.contains(Self.reference("x", 1, ordinal: 2)))
        #expect(html.contains(Self.reference("x-2-1", 2)))
        #expect(html.contains("<li id=\"fn-x-2-1\">"))
        // A heading can never take a footnote id.
        let withHeading = renderer.render("## fn x\n\nText[^x].\n\n[^x]: X.\n").html
        #expect(withHeading.hasPrefix("<h2 id=\"h-fn-x\">"))
    }

    @Test func footnoteStartRenumbers() {
        let html = MarkdownRenderer(options: MarkdownOptions(footnoteStart: 5)).render("A[^a].\n\n[^a]: N.\n").html
        #expect(html.contains(Self.reference("a", 5)))
        #expect(html.contains("<ol start=\"5\">"))
        #expect(html.contains("aria-label=\"Back to reference 5\""))
    }

    @Test func theSectionsLabelIsAnOptionWrittenAsItsAccessibleName() {
        var options = MarkdownOptions()
        options.footnotesLabel = "Notes & \"references\""
        let html = MarkdownRenderer(options: options).render("A[^a].\n\n[^a]: N.\n").html
        #expect(html.contains("<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"Notes &amp; &quot;references&quot;\">\n<ol>"))
    }

    @Test func backlinkLabelIsAnOption() {
        let html = MarkdownRenderer(options: MarkdownOptions(footnoteBacklinkLabel: "本文に戻る")).render("A[^a].\n\n[^a]: N.\n").html
        #expect(html.contains("aria-label=\"本文に戻る 1\""))
    }

    @Test func aThousandFootnotes() {
        let count = 1000
        var source = ""
        for index in 0..<count { source += "Sentence \(index)[^n\(index)].\n" }
        source += "\n"
        for index in 0..<count { source += "[^n\(index)]: Note \(index) with [a link](https://example.com/\(index)).\n" }
        let result = renderer.render(source)
        #expect(result.issues.isEmpty)
        #expect(result.html.components(separatedBy: "<li id=\"fn-").count == count + 1)
        #expect(result.html.contains(Self.reference("n999", 1000)))
    }

    /// A line after a definition's paragraph continues it lazily only if it would start no block at the
    /// top level (GitHub's cmark-gfm reads these lines so, checked with `cmark-gfm -e footnotes`): any
    /// list item, even one that could not interrupt a paragraph, and a lone HTML tag end the note.
    @Test(arguments: [
        ("2. foo", "<ol start=\"2\">\n<li>foo</li>\n</ol>\n"),
        ("1.", "<ol>\n<li></li>\n</ol>\n"),
        ("+", "<ul>\n<li></li>\n</ul>\n"),
        ("10) ten", "<ol start=\"10\">\n<li>ten</li>\n</ol>\n"),
        ("<span class=\"x\">", "<span class=\"x\">\n"),
        ("</span>", "</span>\n"),
        ("<a href=\"x\" title='y' data-z=w/>", "<a href=\"x\" title='y' data-z=w/>\n"),
    ])
    func blockStartsEndADefinition(line: String, block: String) {
        for prefix in ["", "> "] {
            let html = renderer.render("\(prefix)T[^a].\n\(prefix.isEmpty ? "" : ">")\n\(prefix)[^a]: Note\n\(line)\n").html
            let body = prefix.isEmpty ? "" : "<blockquote>\n"
            let quoteEnd = prefix.isEmpty ? "" : "</blockquote>\n"
            #expect(html.hasPrefix("\(body)<p>T\(Self.reference("a", 1)).</p>\n\(quoteEnd)\(block)<section"), "\(prefix)\(line)")
            #expect(html.contains("<p>Note <a href=\"#fnref-a\""), "\(prefix)\(line)")
        }
    }

    /// Lines that start no block continue the note, as in GitHub: text, a tag with text after it, an
    /// ordered-list look-alike with too many digits.
    @Test(arguments: ["lazy line", "<span>text</span>", "<span", "1234567890. big", "<pretend>x"])
    func lazyLinesContinueADefinition(line: String) {
        let html = renderer.render("T[^a].\n\n[^a]: Note\n\(line)\n").html
        #expect(html.hasPrefix("<p>T\(Self.reference("a", 1)).</p>\n<section"), "\(line)")
    }
}
