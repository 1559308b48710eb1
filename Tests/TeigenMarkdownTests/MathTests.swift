import Testing
@testable import TeigenMarkdown

/// Formulas (`markdown: {math: true}`): `$…$`, `$$…$$` and `math` blocks become fragments whose TeX reaches
/// the converter exactly as written; everywhere else a `$` is a dollar sign.
@Suite struct MathTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions(math: true))

    @Test func inlineFormulaKeepsItsTeXExactly() {
        let page = renderer.render("間隔 $x\\,y = \\frac{a}{b}$ です。")
        #expect(page.fragments == [MarkdownFragment(kind: .math(display: false), text: "x\\,y = \\frac{a}{b}", line: 1, column: 4)])
        #expect(page.html == "<p>間隔 <code class=\"math-inline\">x\\,y = \\frac{a}{b}</code> です。</p>\n")
        let placed = page.replacingFragments([0: "<math>M</math>"])
        #expect(placed.html == "<p>間隔 <math>M</math> です。</p>\n")
    }

    @Test func displayFormulasAndMathBlocks() {
        let page = renderer.render("$$\nE = mc^2\n$$\n\n```math\n\\sum_{i=1}^n i\n```\n")
        let fragments = page.fragments.sorted { $0.line < $1.line }
        #expect(fragments.map(\.kind) == [.math(display: true), .math(display: true)])
        #expect(fragments.map(\.text) == ["E = mc^2", "\\sum_{i=1}^n i"])
        #expect(fragments.map(\.line) == [1, 5])
        #expect(page.html.contains("<code class=\"math-display\">E = mc^2</code>"))
        let first = page.fragments.firstIndex { $0.line == 1 }!
        let placed = page.replacingFragments([first: "<math display=\"block\">A</math>", 1 - first: "<math display=\"block\">B</math>\n"])
        #expect(placed.html == "<p><math display=\"block\">A</math></p>\n<math display=\"block\">B</math>\n")
    }

    @Test(arguments: [
        ("It costs $5 and $10.", "<p>It costs $5 and $10.</p>\n"),
        ("$20,000 and $30,000", "<p>$20,000 and $30,000</p>\n"),
        ("from $ 5 to $ 10", "<p>from $ 5 to $ 10</p>\n"),
        ("a lone $ sign", "<p>a lone $ sign</p>\n"),
        ("escaped \\$x$ stays", "<p>escaped $x$ stays</p>\n"),
        ("in code `$x$` stays", "<p>in code <code>$x$</code> stays</p>\n"),
        ("価格は$5です。", "<p>価格は$5です。</p>\n"),
    ])
    func dollarsOutsideFormulasStayDollars(_ source: String, _ html: String) {
        let page = renderer.render(source)
        #expect(page.html == html)
        #expect(page.fragments.isEmpty)
    }

    @Test func codeBlocksKeepDollars() {
        let page = renderer.render("```sh\necho $HOME $x$\n```\n")
        #expect(page.fragments.map(\.kind) == [.code(info: "sh")])
        #expect(page.fragments[0].text == "echo $HOME $x$\n")
    }

    @Test func offByDefault() {
        // Without math, libcmark reads `\,` as an escaped comma, as CommonMark says.
        let page = MarkdownRenderer().render("$x\\,y$")
        #expect(page.html == "<p>$x,y$</p>\n")
        #expect(page.fragments.isEmpty)
    }

    @Test func formulasInTablesQuotesListsAndNotes() {
        let source = """
            | a | b |
            |---|---|
            | $x^2$ | `c` |

            > quoted $y_1$
            > and $z$

            - item $w$

            Note[^1].

            [^1]: In a note $n^2$.
            """
        let page = renderer.render(source)
        let fragments = page.fragments.sorted { $0.line < $1.line }
        #expect(fragments.map(\.text) == ["x^2", "y_1", "z", "w", "n^2"])
        #expect(fragments.map(\.line) == [3, 5, 6, 8, 12])
        #expect(page.html.contains("<td><code>c</code></td>"))
        #expect(page.issues.isEmpty)
    }

    @Test func formulaNextToEmphasisAndLinks() {
        let page = renderer.render("**太字** $a*b*c$ [link](u) *$d$*")
        #expect(page.fragments.map(\.text) == ["a*b*c", "d"])
        #expect(page.html.hasPrefix("<p><strong>太字</strong> <code class=\"math-inline\">a*b*c</code>"))
        #expect(page.html.contains("<em><code class=\"math-inline\">d</code></em>"))
    }
}
