import Testing
@testable import TeigenMarkdown

@Suite struct HeadingTests {
    let renderer = MarkdownRenderer()

    @Test func japaneseHeadingKeepsLettersAndDigits() {
        #expect(renderer.render("## 提言 1：首脳外交").html == "<h2 id=\"提言-1首脳外交\">提言 1：首脳外交</h2>\n")
    }

    @Test func repeatedHeadingsGetSuffixes() {
        let html = renderer.render("# A\n\n## A\n\n### A\n\n## A 1\n").html
        #expect(
            html == """
                <h1 id="a">A</h1>
                <h2 id="a-1">A</h2>
                <h3 id="a-2">A</h3>
                <h2 id="a-1-1">A 1</h2>

                """)
    }

    @Test func emptySlugFallsBackToSectionNumber() {
        let html = renderer.render("# Intro\n\n## ！？\n\n## ***\n").html
        #expect(html == "<h1 id=\"intro\">Intro</h1>\n<h2 id=\"section-2\">！？</h2>\n<h2 id=\"section-3\">***</h2>\n")
    }

    @Test func customIDIsUsedAndHidden() {
        let html = renderer.render("## Title {#custom-id}\n\nSetext {#set}\n---\n").html
        #expect(html == "<h2 id=\"custom-id\">Title</h2>\n<h2 id=\"set\">Setext</h2>\n")
    }

    @Test func customIDsAreReservedBeforeAutomaticOnes() {
        let html = renderer.render("## Intro\n\n## Other {#intro}\n").html
        #expect(html == "<h2 id=\"intro-1\">Intro</h2>\n<h2 id=\"intro\">Other</h2>\n")
    }

    @Test func escapedOrMalformedCustomIDStaysText() {
        #expect(renderer.render("## Title \\{#x}").html == "<h2 id=\"title-x\">Title {#x}</h2>\n")
        #expect(renderer.render("## Title{#x}").html == "<h2 id=\"titlex\">Title{#x}</h2>\n")
        #expect(renderer.render("## Title {#a b}").html == "<h2 id=\"title-a-b\">Title {#a b}</h2>\n")
    }

    @Test func duplicateCustomIDWarnsAtSecondHeading() {
        let result = renderer.render("## One {#x}\n\nText.\n\n  ## Two {#x}\n")
        #expect(result.issues == [MarkdownIssue(severity: .warning, line: 5, column: 3, message: "heading id \"x\" is used by an earlier heading")])
    }

    @Test func headingIDsNeverLookLikeFootnoteIDs() {
        let html = renderer.render("## fn-1\n\n## FNref-2\n\n## fnref\n").html
        #expect(html == "<h2 id=\"h-fn-1\">fn-1</h2>\n<h2 id=\"h-fnref-2\">FNref-2</h2>\n<h2 id=\"fnref\">fnref</h2>\n")
    }

    @Test func anchorMarkup() {
        let renderer = MarkdownRenderer(options: MarkdownOptions(headingAnchors: true))
        #expect(
            renderer.render("## 提言 1").html
                == "<h2 id=\"提言-1\">提言 1 <a class=\"heading-anchor\" href=\"#提言-1\" aria-label=\"Link to this section: 提言 1\" data-search-ignore>#</a></h2>\n"
        )
        let japanese = MarkdownRenderer(options: MarkdownOptions(headingAnchors: true, headingAnchorLabel: "この節へのリンク"))
        #expect(
            japanese.render("# A & B").html
                == "<h1 id=\"a-b\">A &amp; B <a class=\"heading-anchor\" href=\"#a-b\" aria-label=\"この節へのリンク: A &amp; B\" data-search-ignore>#</a></h1>\n"
        )
    }

    @Test func tableOfContentsNestsH3UnderH2() {
        let toc = renderer.render("# Page\n\n### Early\n\n## One\n\n### One.a\n\n#### Deep\n\n### One.b\n\n## Two\n").tableOfContents
        #expect(
            toc == [
                TOCEntry(level: 3, id: "early", title: "Early"),
                TOCEntry(
                    level: 2, id: "one", title: "One",
                    children: [
                        TOCEntry(level: 3, id: "onea", title: "One.a"),
                        TOCEntry(level: 3, id: "oneb", title: "One.b"),
                    ]),
                TOCEntry(level: 2, id: "two", title: "Two"),
            ])
    }

    @Test func tocTitleIsPlainTextWithoutFootnoteNumbers() {
        let result = MarkdownRenderer(options: MarkdownOptions(headingAnchors: true))
            .render("## *Nuclear* `NPT` talks[^1]\n\n[^1]: Note.\n")
        #expect(result.tableOfContents == [TOCEntry(level: 2, id: "nuclear-npt-talks", title: "Nuclear NPT talks")])
    }

    @Test func headingsInsideContainersGetIDs() {
        let html = renderer.render("> ## Quoted\n\n- ## Listed\n").html
        #expect(html == "<blockquote>\n<h2 id=\"quoted\">Quoted</h2>\n</blockquote>\n<ul>\n<li>\n<h2 id=\"listed\">Listed</h2>\n</li>\n</ul>\n")
    }
}
