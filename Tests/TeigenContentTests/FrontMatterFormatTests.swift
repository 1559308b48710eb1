import Testing
import TeigenCore
@testable import TeigenContent

/// Front matter in TOML (between `+++` lines) and JSON (an object at the top), read like YAML's.
@Suite struct FrontMatterFormatTests {
    func parse(_ text: String) throws -> SourcePage {
        try SourcePage.parse(text, contentPath: "a.md", sourcePath: "site/content/a.md")
    }

    func headers(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return (error as? DiagnosticError)?.diagnostics.map(\.header) ?? ["\(error)"]
        }
    }

    static let yaml = """
        ---
        title: 提言 1
        date: 2024-03
        lastmod: 2024-03-26T09:00:00+09:00
        weight: 2
        draft: false
        slug: 提言-1
        aliases: [/old/, /older/]
        params:
          featured: true
        role: 座長
        ---
        本文

        """
    static let toml = """
        +++
        title = "提言 1"
        date = "2024-03"
        lastmod = 2024-03-26T09:00:00+09:00
        weight = 2
        draft = false
        slug = "提言-1"
        aliases = ["/old/", "/older/"]
        role = "座長"
        [params]
        featured = true
        +++
        本文

        """
    static let json = """
        {
          "title": "提言 1",
          "date": "2024-03",
          "lastmod": "2024-03-26T09:00:00+09:00",
          "weight": 2,
          "draft": false,
          "slug": "提言-1",
          "aliases": ["/old/", "/older/"],
          "params": {"featured": true},
          "role": "座長"
        }
        本文

        """

    @Test(arguments: [yaml, toml, json])
    func everyFormatGivesTheSameFrontMatter(text: String) throws {
        let page = try parse(text)
        let matter = page.frontMatter
        #expect(matter.title == "提言 1")
        #expect(matter.date == SiteDate(year: 2024, month: 3))
        #expect(matter.lastmod == SiteDate(parsing: "2024-03-26T09:00:00+09:00"))
        #expect(matter.weight == 2)
        #expect(matter.draft == false)
        #expect(matter.slug == "提言-1")
        #expect(matter.aliases == ["/old/", "/older/"])
        #expect(matter.params == .map([("featured", .bool(true))]))
        #expect(matter.extra == .map([("role", .string("座長"))]))
        #expect(page.body == "本文\n")
        #expect(page.bodyFirstLine == text.split(separator: "\n").firstIndex(of: "本文")! + 1)
    }

    @Test func tomlDatesMayBeDatesOrText() throws {
        let page = try parse("+++\ntitle = \"t\"\ndate = 2024-03-01\nlastmod = 2024-03-02T10:00:00Z\n+++\n")
        #expect(page.frontMatter.date == SiteDate(year: 2024, month: 3, day: 1))
        #expect(page.frontMatter.lastmod == SiteDate(parsing: "2024-03-02T10:00:00Z"))
    }

    @Test func jsonMayEndOnTheLastLineAndKeepsBracesInStrings() throws {
        let page = try parse("{\"title\": \"a } b {\"}")
        #expect(page.frontMatter.title == "a } b {")
        #expect(page.body == "")
        let nested = try parse("{\"title\": \"x\", \"params\": {\"a\": [1, {\"b\": \"}\"}]}}\n# 見出し\n")
        #expect(nested.body == "# 見出し\n")
        #expect(nested.bodyFirstLine == 2)
    }

    @Test(arguments: [
        ("+++\ntitle = \"x\"\ndraft = \"maybe\"\n+++\n", "site/content/a.md:3:9: error: 'draft' must be true or false (got 'maybe')"),
        ("+++\ntitle = \"x\"\nweight = 1.5\n+++\n", "site/content/a.md:3:10: error: 'weight' must be a whole number (got '1.5')"),
        ("+++\ntitle = \"x\"\n\n# a comment\ndate = \"tomorrow\"\n+++\n",
         "site/content/a.md:5:8: error: 'date' must be a date such as 2024-03-01, 2024-03-01T09:00:00+09:00 or, for a month, 2024-03 (got 'tomorrow')"),
        ("+++\ntitle = \"x\"\naliases = [\n  \"/a/\",  # the old one\n  \"b\",\n]\n+++\n", "site/content/a.md:5:3: error: each of 'aliases' must be a path starting with '/' (got 'b')"),
        ("+++\ntitle = \"\"\"\nx = 1\n\"\"\"\nslug = \"../x\"\n+++\n", "site/content/a.md:5:8: error: 'slug' must be a single path segment without '/' or '..' (got '../x')"),
        ("+++\ntitle = \"x\"\n[params]\nslug = 1\n[other]\n+++\n", nil),
        ("+++\ntitle = \"x\"\nparams = 5\n+++\n", "site/content/a.md:3:10: error: 'params' must be a mapping"),
        ("+++\ntitle = [\"x\"]\n+++\n", "site/content/a.md:2:9: error: 'title' must be a text value"),
        ("+++\ndraft = true\n+++\n", "site/content/a.md:1:1: error: front matter is missing required key 'title'"),
        ("+++\ntitle = \"x\"\ndraft = maybe\n+++\n", "site/content/a.md:3:9: error: invalid TOML: Error while parsing value: could not determine value type"),
        ("+++\ntitle = \"x\"\n", "site/content/a.md:1:1: error: front matter is never closed: add a line '+++' after the TOML"),
        ("{\n  \"title\": \"x\",\n  \"draft\": \"maybe\"\n}\n", "site/content/a.md:3:12: error: 'draft' must be true or false (got 'maybe')"),
        ("{\"title\": \"x\", \"aliases\": [\"/a/\", \"提言\"]}\n", "site/content/a.md:1:35: error: each of 'aliases' must be a path starting with '/' (got '提言')"),
        ("{\n  \"title\": \"x\"\n  \"weight\": 1\n}\n", "site/content/a.md:3:3: error: invalid JSON: invalid value"),
        ("{\n  \"title\": \"x\",\n  \"title\": \"y\"\n}\n", "site/content/a.md:3:3: error: duplicate key 'title' in JSON object"),
        ("{\n  \"title\": \"x\"\n} body\n", "site/content/a.md:3:3: error: text after the '}' that closes the JSON front matter: start the page's text on the next line"),
        ("{\n  \"title\": \"x\"\n", "site/content/a.md:1:1: error: JSON front matter is never closed: the '{' that starts the page has no matching '}'"),
        ("{\"draft\": false}\n", "site/content/a.md:1:1: error: front matter is missing required key 'title'"),
    ] as [(String, String?)])
    func errorsAreAtTheirPlaceInThePage(text: String, expected: String?) {
        #expect(headers(text).first == expected)
    }

    @Test func everyErrorIsReportedTogether() {
        #expect(headers("+++\ntitle = \"x\"\ndraft = 1\nweight = \"2\"\n+++\n") == [
            "site/content/a.md:3:9: error: 'draft' must be true or false (got '1')",
            "site/content/a.md:4:10: error: 'weight' must be a whole number (got '2')",
        ])
    }

    @Test func theFirstLineTellsTheFormat() {
        #expect(FrontMatterFormat(firstLineOf: "---\n") == .yaml)
        #expect(FrontMatterFormat(firstLineOf: "--- \r\n") == .yaml)
        #expect(FrontMatterFormat(firstLineOf: "+++\n") == .toml)
        #expect(FrontMatterFormat(firstLineOf: "{\n") == .json)
        #expect(FrontMatterFormat(firstLineOf: "{\"title\": 1}") == .json)
        #expect(FrontMatterFormat(firstLineOf: "title: x\n") == nil)
        #expect(FrontMatterFormat(firstLineOf: " {") == nil)
    }
}
