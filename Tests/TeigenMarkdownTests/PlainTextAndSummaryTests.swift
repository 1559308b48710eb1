import Testing
@testable import TeigenMarkdown

@Suite struct PlainTextAndSummaryTests {
    let renderer = MarkdownRenderer()

    @Test func tableCellsAreSeparatedByTabsWhateverTheirRowsAreMadeOf() {
        // Plain rows are written from one text node, a row with a footnote reference from cell nodes:
        // the text is the same.
        let result = renderer.render("| a | b & c |\n|---|--:|\n| 1[^n] | 2 |\n| 3 |  |\n\n[^n]: 注\n")
        #expect(result.plainText == "a\tb & c\n1\t2\n3\t")
    }

    @Test func plainTextHasNoMarkupFootnotesOrRawHTML() {
        let source = """
            # Title

            Some *emphasis*, `code`, a [link](https://example.com) and a note[^1].
            <span>raw</span> ![image alt](i.png) &amp; entity

            <div>block html</div>

            - item one
            - item two

            | a | b |
            |---|---|
            | 1 | 2 |

            ```
            let x = 1
            ```

            [^1]: The note text.
            """
        #expect(
            renderer.render(source).plainText == """
                Title
                Some emphasis, code, a link and a note. raw  & entity
                item one
                item two
                a\tb
                1\t2
                let x = 1
                """)
    }

    @Test func summaryIsTheFirstParagraphWithoutFootnoteReferences() {
        let result = renderer.render("## Heading\n\nFirst *para*[^1].\n\nSecond.\n\n[^1]: Note.\n")
        #expect(result.summaryHTML == "<p>First <em>para</em>.</p>\n")
        #expect(result.summaryText == "First para.")
        // The page body keeps its reference.
        #expect(result.html.contains("First <em>para</em>\u{2060}<sup class=\"footnote-ref\">"))
    }

    @Test func summaryStopsAtMoreMarker() {
        let result = renderer.render("# T\n\nOne[^1].\n\nTwo.\n<!--more-->\n\nThree.\n\n[^1]: N.\n")
        #expect(result.summaryHTML == "<h1 id=\"t\">T</h1>\n<p>One.</p>\n<p>Two.</p>\n")
        #expect(result.summaryText == "T\nOne.\nTwo.")
        #expect(result.html.contains("<!--more-->"))
        #expect(renderer.render("A.\n\n<!-- more -->\n\nB.").summaryText == "A.")
    }

    @Test func summaryWithoutParagraphsIsEmpty() {
        let result = renderer.render("# Only a heading\n")
        #expect(result.summaryHTML == "")
        #expect(result.summaryText == "")
    }

    @Test func summaryFindsAParagraphInsideAQuote() {
        #expect(renderer.render("> Quoted *start*.\n").summaryHTML == "<p>Quoted <em>start</em>.</p>\n")
    }

    @Test func extensionsOffStillGivesPlainTextAndSummary() {
        let result = MarkdownRenderer(options: MarkdownOptions(extensions: false)).render("# A\n\nB *c*.\n")
        #expect(result.plainText == "A\nB c.")
        #expect(result.summaryHTML == "<p>B <em>c</em>.</p>\n")
        #expect(result.tableOfContents.isEmpty)
    }
}
