import Testing
import TeigenCore
@testable import TeigenContent

@Suite struct FrontMatterTests {
    func parse(_ text: String) throws -> SourcePage {
        try SourcePage.parse(text, contentPath: "a.md", sourcePath: "site/content/a.md")
    }

    func firstHeader(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return (error as? DiagnosticError)?.diagnostics.first?.header
        }
    }

    @Test func splitsAndKeepsBodyLine() throws {
        let page = try parse("---\ntitle: 提言\nweight: 2\nrole: 座長\n---\n本文\n")
        #expect(page.frontMatter.title == "提言")
        #expect(page.frontMatter.weight == 2)
        #expect(page.frontMatter.extra["role"] == .string("座長"))
        #expect(page.body == "本文\n")
        #expect(page.bodyFirstLine == 6)
    }

    @Test func crlfAndBOMWork() throws {
        let page = try parse("\u{FEFF}---\r\ntitle: t\r\ndate: 2024-03-01\r\n---\r\nbody\r\n")
        #expect(page.frontMatter.title == "t")
        #expect(page.frontMatter.date == SiteDate(year: 2024, month: 3, day: 1))
        #expect(page.body == "body\n")
    }

    @Test(arguments: [
        ("", "site/content/a.md:1:1: error: empty page: a page starts with front matter between '---' lines and needs a 'title'"),
        ("title: x\n", "site/content/a.md:1:1: error: missing front matter: the first line of a page must be '---' (YAML front matter up to another '---'), '+++' (TOML up to another '+++') or '{' (a JSON object), and the front matter needs a 'title'"),
        ("---\ntitle: x\n", "site/content/a.md:1:1: error: front matter is never closed: add a line '---' after the YAML"),
        ("---\ndate: 2024-03-01\n---\n", "site/content/a.md:1:1: error: front matter is missing required key 'title'"),
        ("---\ntitle: x\ndraft: maybe\n---\n", "site/content/a.md:3:8: error: 'draft' must be true or false (got 'maybe')"),
        ("---\ntitle: x\nweight: \"x\"\n---\n", "site/content/a.md:3:9: error: 'weight' must be a whole number (got 'x')"),
        ("---\ntitle: x\ndate: tomorrow\n---\n", "site/content/a.md:3:7: error: 'date' must be a date such as 2024-03-01, 2024-03-01T09:00:00+09:00 or, for a month, 2024-03 (got 'tomorrow')"),
        ("---\ntitle: x\nslug: ../x\n---\n", "site/content/a.md:3:7: error: 'slug' must be a single path segment without '/' or '..' (got '../x')"),
        ("---\ntitle: x\nurl: /a/../../etc/\n---\n", "site/content/a.md:3:6: error: 'url' must not contain '..' or '.' segments (got '/a/../../etc/')"),
        ("---\ntitle: x\nurl: etc/passwd\n---\n", "site/content/a.md:3:6: error: 'url' must be a path starting with '/' (got 'etc/passwd')"),
        ("---\ntitle: x\n\tweight: 1\n---\n", "site/content/a.md:3:1: error: tabs are not allowed for indentation in YAML; use spaces"),
        ("---\ntitle: x\ntitle: y\n---\n", "site/content/a.md:3:1: error: duplicate key 'title' in YAML mapping"),
        ("---\n- a\n- b\n---\n", "site/content/a.md:2:1: error: front matter must be a YAML mapping of keys to values (such as 'title: …')"),
        ("---\ntitle: x\nslug: \"%2e%2e\"\n---\n",
         "site/content/a.md:3:7: error: 'slug' must not contain '%': percent-escapes such as '%2e' are not decoded, so write the characters themselves (got '%2e%2e')"),
        ("---\ntitle: x\nurl: /%2e%2e/x/\n---\n",
         "site/content/a.md:3:6: error: 'url' must not contain '%': percent-escapes such as '%2e' are not decoded, so write the characters themselves (got '%2e%2e')"),
        ("---\ntitle: x\nslug: \"a\\0b\"\n---\n", "site/content/a.md:3:7: error: 'slug' must not contain control characters (got 'a\\0b')"),
        ("---\ntitle: x\naliases: 5\n---\n", "site/content/a.md:3:10: error: each of 'aliases' must be a path starting with '/' (got '5')"),
        ("---\ntitle: x\naliases: [/a/, b]\n---\n", "site/content/a.md:3:16: error: each of 'aliases' must be a path starting with '/' (got 'b')"),
        ("---\ntitle: x\nslug: \(String(repeating: "あ", count: 86))\n---\n",
         "site/content/a.md:3:7: error: 'slug' is 258 bytes long; it becomes a folder name, which may have at most 255 bytes"),
    ])
    func errors(text: String, expected: String) {
        #expect(firstHeader(text) == expected)
    }

    @Test func malformedYAMLPointsAtTheConstructLeftOpen() {
        #expect(firstHeader("---\ntitle: x\nparams: [a, b\n---\n")
            == "site/content/a.md:3:9: error: invalid YAML: '[' is never closed (did not find expected ',' or ']' while parsing a flow sequence)")
        #expect(firstHeader("---\ntitle: x\nweight: [2\ndraft: false\n---\n")
            == "site/content/a.md:3:9: error: invalid YAML: '[' is never closed (did not find expected ',' or ']' while parsing a flow sequence)")
        // A problem on the construct's own line is shown where it was found.
        #expect(firstHeader("---\ntitle: x\nparams: [a, b: c: d]\n---\n")?.hasPrefix("site/content/a.md:3:") == true)
    }
}
