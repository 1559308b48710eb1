import Testing
@testable import TeigenMarkdown

@Suite struct RobustnessTests {
    let renderer = MarkdownRenderer()

    @Test func emptyInput() {
        let result = renderer.render("")
        #expect(result == RenderedMarkdown(html: "", readingMinutes: 1))
    }

    @Test func nulBytesBecomeReplacementCharacters() {
        #expect(renderer.render("a\u{0}b").html == "<p>a\u{FFFD}b</p>\n")
        #expect(renderer.render("| a\u{0} |\n|---|\n").html.contains("<th>a\u{FFFD}</th>"))
    }

    @Test func tenThousandNestedQuotes() {
        let source = String(repeating: ">", count: 10_000) + " deep [^x]\n" + String(repeating: "- ", count: 2_000) + "list"
        let result = renderer.render(source)
        #expect(result.html.hasPrefix("<blockquote>\n<blockquote>"))
        #expect(result.plainText.hasPrefix("deep [^x]"))
    }

    @Test func carriageReturnLineEndingsKeepPositions() {
        let result = renderer.render("# T\r\n\r\nText [^x].\r\nMore [^y].\r")
        #expect(result.issues.map(\.line) == [3, 4])
        #expect(result.issues.map(\.column) == [6, 6])
    }

    @Test func pathologicalInlines() {
        let source = String(repeating: "*a ", count: 3_000) + String(repeating: "[^", count: 3_000) + String(repeating: "[x](", count: 2_000)
        let result = renderer.render(source)
        #expect(!result.html.isEmpty)
    }

    @Test func randomDocumentsDoNotCrash() {
        var generator = SeededGenerator(seed: 42)
        let pieces = [
            "| a | b |", "|---|:-:|", "[^1]", "[^1]: note", "    indented", "> quote", "- item", "1. item", "```", "~~~",
            "<div>", "</div>", "<!--more-->", "# H {#id}", "## 提言", "あいう", "えお", "한국어", "\\|", "`code|span`", "*",
            "**", "_", "[link](a.md)", "![img](b.png)", "<https://x.y>", "&amp;", "\t", "   ", "---", "===", "\u{0}", "\r",
            "[ref]: /url", "[ref]", "[^x]:", "    continuation", "|", "||", "| x", ":--", "--:",
        ]
        for _ in 0..<400 {
            var source = ""
            for _ in 0..<Int.random(in: 1...25, using: &generator) {
                source += pieces.randomElement(using: &generator)!
                source += Bool.random(using: &generator) ? "\n" : " "
            }
            let result = renderer.render(source) { _ in .replace("/x") }
            #expect(result.readingMinutes >= 1)
            for issue in result.issues {
                #expect(issue.line >= 1 && issue.column >= 1, "\(issue) for \(source.debugDescription)")
            }
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so failures can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
