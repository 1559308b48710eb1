import Testing
@testable import TeigenMarkdown

/// Fenced code with an info string becomes a fragment for the highlighter, rendered as libcmark does until then.
@Suite struct CodeFragmentTests {
    @Test func fencedCodeWithAnInfoStringIsAFragment() {
        let source = "```swift {linenos=true hl_lines=[2,\"4-5\"]}\nlet a = 1\n```\n\n```\nplain\n```\n\n    indented\n"
        let page = MarkdownRenderer().render(source)
        #expect(page.fragments == [
            MarkdownFragment(kind: .code(info: "swift {linenos=true hl_lines=[2,\"4-5\"]}"), text: "let a = 1\n", line: 1, column: 1)
        ])
        // Until a highlighter writes it, the block is exactly libcmark's.
        #expect(page.html == MarkdownRenderer(options: MarkdownOptions(extensions: false)).render(source).html)
        #expect(page.htmlPlacements == [FragmentPlacement(fragment: 0, range: 0..<58)])
        let placed = page.replacingFragments([0: "<div class=\"highlight\">H</div>\n"])
        #expect(placed.html.hasPrefix("<div class=\"highlight\">H</div>\n<pre><code>plain\n"))
    }

    @Test func summaryPlacementsFollowTheSummary() {
        let page = MarkdownRenderer().render("Intro.\n\n```py\nx = 1\n```\n\n<!--more-->\n\nRest.\n")
        #expect(page.summaryPlacements.count == 1)
        let placed = page.replacingFragments([0: "<div>H</div>\n"])
        #expect(placed.summaryHTML == "<p>Intro.</p>\n<div>H</div>\n")
    }

    @Test func splicingReplacesOnlyGivenFragments() {
        let html = "a<X>b<Y>c"
        let placements = [FragmentPlacement(fragment: 0, range: 1..<4), FragmentPlacement(fragment: 1, range: 5..<8)]
        #expect(FragmentPlacement.splice(html, placements: placements, replacements: [1: "y"]) == "a<X>byc")
        #expect(FragmentPlacement.splice(html, placements: placements, replacements: [0: "x", 1: "日本"]) == "axb日本c")
    }
}
