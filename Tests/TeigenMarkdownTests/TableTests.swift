import Testing
@testable import TeigenMarkdown

@Suite struct TableTests {
    let renderer = MarkdownRenderer()

    @Test func alignmentAndStructure() {
        let html = renderer.render("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n").html
        #expect(
            html == """
                <table>
                <thead>
                <tr>
                <th style="text-align: left">a</th>
                <th style="text-align: center">b</th>
                <th style="text-align: right">c</th>
                <th>d</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td style="text-align: left">1</td>
                <td style="text-align: center">2</td>
                <td style="text-align: right">3</td>
                <td>4</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func escapedPipesAndInlineMarkdown() {
        let html = renderer.render("| x | y |\n|---|---|\n| a \\| b | `c \\| d` *e* |\n").html
        #expect(html.contains("<td>a | b</td>\n<td><code>c | d</code> <em>e</em></td>\n"))
    }

    @Test func raggedRowsArePaddedOrTruncated() {
        let html = renderer.render("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n").html
        #expect(html.contains("<tr>\n<td>1</td>\n<td></td>\n</tr>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n"))
        #expect(!html.contains("3"))
    }

    @Test func noOuterPipesAndNoBody() {
        #expect(renderer.render("a | b\n--|--\n").html == "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test func paragraphsWithPipesAreLeftAlone() {
        #expect(renderer.render("a | b\nc | d\n").html == "<p>a | b\nc | d</p>\n")
        #expect(renderer.render("| a | b |\n| - |\n").html == "<p>| a | b |\n| - |</p>\n")
        #expect(renderer.render("Foo\n    ---\n").html == "<p>Foo\n---</p>\n")
    }

    @Test func tableAfterParagraphLine() {
        let html = renderer.render("Intro line\n| a |\n|---|\n| 1 |\n").html
        #expect(html == "<p>Intro line</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test func setextUnderlineAfterRowsIsAThematicBreak() {
        let html = renderer.render("| a |\n|---|\n| 1 |\n---\n").html
        #expect(html.hasSuffix("</tbody>\n</table>\n<hr />\n"))
    }

    @Test func positionsInsideCells() {
        let rewrite: LinkRewriter = { $0.hasSuffix(".md") ? .broken("missing page \($0)") : .keep }
        let source = "| 項目 | リンク |\n|---|---|\n| 注[^none] | [提言](p/9.md) |\n"
        let result = renderer.render(source, rewriteLink: rewrite)
        #expect(
            result.issues == [
                MarkdownIssue(severity: .warning, line: 3, column: 4, message: "footnote [^none] is not defined"),
                MarkdownIssue(severity: .error, line: 3, column: 14, message: "missing page p/9.md"),
            ])
        // Cells parsed anew (a code span across a pipe) keep their positions too.
        let reparsed = renderer.render("| `a | b` | x |\n|---|---|---|\n| c | \\`d [^e] |\n")
        #expect(reparsed.issues == [MarkdownIssue(severity: .warning, line: 3, column: 11, message: "footnote [^e] is not defined")])
        #expect(reparsed.html.contains("<th>`a</th>\n<th>b`</th>\n<th>x</th>"))
    }

    /// (How long large tables take is measured by `make bench`.)
    @Test func tenThousandRows() {
        var source = "| n | text | link |\n|---|:---:|--:|\n"
        for row in 0..<10_000 { source += "| \(row) | *cell* \(row) | [l](/p/\(row)) |\n" }
        let html = renderer.render(source).html
        #expect(html.components(separatedBy: "<tr>").count == 10_002)
        #expect(html.contains("<td style=\"text-align: center\"><em>cell</em> 9999</td>"))
    }
}
