import Testing
@testable import TeigenMarkdown

@Suite struct LinkRewriteTests {
    let renderer = MarkdownRenderer()
    /// Marks every destination it sees, so the output shows which ones went through it.
    let marking: LinkRewriter = { .replace("/seen" + ($0.hasPrefix("/") ? "" : "/") + $0) }

    @Test func everyDestinationIsPassed() {
        let source = """
            # Heading [h](h.md)

            [inline](../proposals/2.md#x) ![image](img.png) <https://example.com> [ref][r]

            | cell [c](c.md) |
            |---|

            Note[^1].

            [r]: ref.md
            [^1]: A [note link](n.md).
            """
        let html = renderer.render(source, rewriteLink: marking).html
        for expected in [
            "href=\"/seen/h.md\"", "href=\"/seen/../proposals/2.md#x\"", "src=\"/seen/img.png\"",
            "href=\"/seen/https://example.com\"", "href=\"/seen/ref.md\"", "href=\"/seen/c.md\"", "href=\"/seen/n.md\"",
        ] {
            #expect(html.contains(expected), "\(expected) in \(html)")
        }
        // Teigen's own links (footnotes, anchors) are not destinations written by the author.
        #expect(html.contains("href=\"#fn-1\""))
    }

    @Test func replaceSetsTheURL() {
        let rewrite: LinkRewriter = { $0 == "../proposals/2.md" ? .replace("/base/proposals/2/") : .keep }
        let html = renderer.render("[次](../proposals/2.md) [外](https://example.com)", rewriteLink: rewrite).html
        #expect(html == "<p><a href=\"/base/proposals/2/\">次</a> <a href=\"https://example.com\">外</a></p>\n")
    }

    @Test func brokenLinkIsReportedAndKept() {
        let rewrite: LinkRewriter = { $0.hasSuffix(".md") ? .broken("link to a page that does not exist: '\($0)'") : .keep }
        let source = "Intro.\n\n> 参照：[提言](../p/9.md) and\n> ![図](fig.md)\n"
        let result = renderer.render(source, rewriteLink: rewrite)
        #expect(result.html.contains("<a href=\"../p/9.md\">提言</a>"))
        #expect(
            result.issues == [
                MarkdownIssue(severity: .error, line: 3, column: 6, message: "link to a page that does not exist: '../p/9.md'"),
                MarkdownIssue(severity: .error, line: 4, column: 3, message: "link to a page that does not exist: 'fig.md'"),
            ])
    }

    @Test func positionsOnContinuationLinesCountFromTheRealLine() {
        let rewrite: LinkRewriter = { _ in .broken("bad") }
        let source = "- item\n    text [a](x)\n\n> q\n>      [b](y)\nlazy [c](z)\n"
        let positions = renderer.render(source, rewriteLink: rewrite).issues.map { [$0.line, $0.column] }
        #expect(positions == [[2, 10], [5, 8], [6, 6]])
    }

    @Test func linksOnLaterLinesOfLongParagraphsAreRewritten() {
        // Only blocks whose lines hold a `[` or `<` are walked for links: the lines must be the right ones.
        let rewrite: LinkRewriter = { .replace("/x/" + $0) }
        let source = "一行目\n二行目\n三行目 [a](b) と <https://c.example>\n\n> 引用\n> 続き ![図](d.png)\n"
        let html = renderer.render(source, rewriteLink: rewrite).html
        #expect(html.contains("<a href=\"/x/b\">a</a>"))
        #expect(html.contains("<a href=\"/x/https://c.example\">https://c.example</a>"))
        #expect(html.contains("<img src=\"/x/d.png\" alt=\"図\" />"))
    }

    @Test func withoutRewriterNothingChanges() {
        #expect(renderer.render("[a](b.md)").html == "<p><a href=\"b.md\">a</a></p>\n")
    }

    @Test func extensionsOffSkipsRewriting() {
        let result = MarkdownRenderer(options: MarkdownOptions(extensions: false)).render("[a](b.md)") { _ in .broken("x") }
        #expect(result.html == "<p><a href=\"b.md\">a</a></p>\n")
        #expect(result.issues.isEmpty)
    }
}
