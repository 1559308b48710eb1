import Testing
import TeigenCore
@testable import TeigenContent

/// A page's text and body: the body is the end of the text, held once.
@Suite struct SourcePageTests {
    @Test func theBodyIsWhatFollowsTheFrontMatterInEachFormat() throws {
        let pages = [
            ("---\ntitle: 提言\n---\n本文「**太字**」。\n", "本文「**太字**」。\n", 4),
            ("+++\ntitle = \"提言\"\n+++\n\n# 見出し\r\n本文\r\n", "\n# 見出し\n本文\n", 4),
            ("{\"title\": \"提言 {1}\"}\nJSON の後の本文\n", "JSON の後の本文\n", 2),
            ("\u{FEFF}---\ntitle: 空\n---\n", "", 4),
        ]
        for (text, body, line) in pages {
            let page = try SourcePage.parse(text, contentPath: "a.md", sourcePath: "site/content/a.md")
            #expect(page.body == body)
            #expect(page.bodyFirstLine == line)
            #expect(page.text.hasSuffix(body))
        }
    }

    @Test func aBodyThatIsNotTheEndOfTheTextIsKeptAsGiven() {
        let page = SourcePage(contentPath: "a.md", sourcePath: "a.md", text: "", frontMatter: FrontMatter(title: "a"), body: "本文", bodyFirstLine: 1)
        #expect(page.body == "本文")
        let suffix = SourcePage(contentPath: "a.md", sourcePath: "a.md", text: "前置き\n本文", frontMatter: FrontMatter(title: "a"), body: "本文", bodyFirstLine: 2)
        #expect(suffix.body == "本文")
        // The end of a character (a combining accent after its letter): the body's own scalars.
        let mark = SourcePage(contentPath: "a.md", sourcePath: "a.md", text: "e\u{301}", frontMatter: FrontMatter(title: "a"), body: "\u{301}", bodyFirstLine: 1)
        #expect(mark.body.unicodeScalars.elementsEqual("\u{301}".unicodeScalars))
        let other = SourcePage(contentPath: "a.md", sourcePath: "a.md", text: "前置き\n本文", frontMatter: FrontMatter(title: "a"), body: "別文", bodyFirstLine: 2)
        #expect(other.body == "別文")
    }
}
