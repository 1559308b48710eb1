import Testing
import TeigenCore
@testable import TeigenContent

/// `pdf:` and `shareImages:` in config.yaml, and front matter `citation`.
@Suite struct PublicationConfigTests {
    @Test func printDocumentsKeepTheirPagesInOrderWithTheirLines() throws {
        let yaml = """
            title: t
            baseURL: https://example.org/
            pdf:
              - output: print/ja.pdf
                title: 報告書
                pages: [_index.md, proposals/1.md]
                cover:
                  subtitle: 副題
                  organisation: [財団, グループ]
                  group: 研究会
                  date: 2024年3月
              - output: print/en.pdf
                title: Report
                language: en
                subject: Arms control
                pages:
                  - _index.md
                runningHead: Short
            language: ja
            languages:
              - code: ja
              - code: en
            """
        let config = try ConfigLoader.load(yaml, path: "site/config.yaml")
        #expect(config.pdf.map(\.outputPath) == ["print/ja.pdf", "print/en.pdf"])
        // A document without `language` has the site's, even when `language` comes later in the file.
        #expect(config.pdf.map(\.language) == ["ja", "en"])
        #expect(config.pdf[0].pages == ["_index.md", "proposals/1.md"])
        #expect(config.pdf[0].pageLocations.map(\.line) == [6, 6])
        #expect(config.pdf[0].pageLocations.map(\.column) == [13, 24])
        #expect(config.pdf[0].cover == PrintCover(subtitle: "副題", organisation: ["財団", "グループ"], group: "研究会", date: "2024年3月"))
        #expect(config.pdf[1].subject == "Arms control")
        #expect(config.pdf.map(\.runningHead) == [nil, "Short"])
        #expect(config.pdf[1].pageLocations.map(\.line) == [17])
        #expect(config.pdf[0].location.line == 4)
        #expect(config.pdf[1].sitePath == "/print/en.pdf")
    }

    @Test func twoDocumentsOfOneOutputAreAnError() {
        let yaml = """
            title: t
            baseURL: https://example.org/
            pdf:
              - {output: a.pdf, title: A, pages: [_index.md]}
              - {output: a.pdf, title: B, pages: [_index.md]}
            """
        #expect(messages(yaml) == ["two documents of 'pdf' are written to 'a.pdf' (the first at line 4)"])
        #expect(messages("title: t\nbaseURL: https://e.org/\nlanguage: ja\npdf:\n  - {output: a.pdf, title: A, language: en, pages: [a.md]}\n") == [
            "'language' of a document of 'pdf' must be one of the site's languages (ja); got 'en'",
        ])
        #expect(messages("title: t\nbaseURL: https://e.org/\npdf: print.pdf\n") == [
            "'pdf' must be a list of documents, each with 'output', 'title' and 'pages'",
        ])
        #expect(messages("title: t\nbaseURL: https://e.org/\npdf:\n  - {output: a.pdf, title: A, pages: []}\n") == [
            "'pages' must be a list of content paths such as [_index.md, proposals/1.md], at least one",
        ])
        #expect(messages("title: t\nbaseURL: https://e.org/\npdf:\n  - {output: ../a.pdf, title: A, pages: [a.md]}\n") == [
            "'output' must not contain '..' or '.' segments (got '/../a.pdf')",
        ])
    }

    @Test func shareImagesAreOffUnlessAsked() throws {
        #expect(try ConfigLoader.load("title: t\nbaseURL: https://e.org/\n", path: "c.yaml").shareImages == nil)
        #expect(try ConfigLoader.load("title: t\nbaseURL: https://e.org/\nshareImages: false\n", path: "c.yaml").shareImages == nil)
        #expect(try ConfigLoader.load("title: t\nbaseURL: https://e.org/\nshareImages: true\n", path: "c.yaml").shareImages == ShareImageSettings())
        let settings = try #require(try ConfigLoader.load(
            "title: t\nbaseURL: https://e.org/\nshareImages:\n  footer: 財団\n  accent: \"#123456\"\n  titleFont: Noto Sans CJK JP\n", path: "c.yaml"
        ).shareImages)
        #expect(settings.footer == "財団")
        #expect(settings.accent?.hex == "#123456")
        #expect(settings.accent?.location == SourceLocation(path: "c.yaml", line: 5, column: 11))
        #expect(settings.titleFont == "Noto Sans CJK JP")
        #expect(messages("title: t\nbaseURL: https://e.org/\nshareImages:\n  logo: x.svg\n") == [
            "unknown key 'logo' in 'shareImages' (known keys: accent, background, footer, muted, text, textFont, titleFont)",
        ])
    }

    @Test func citationIsTrueOrAMappingInEveryFrontMatterFormat() throws {
        let decoder = FrontMatterDecoder()
        let yaml = "---\ntitle: t\ncitation: true\n---\n"
        #expect(try decoder.decode("title: t\ncitation: true\n", path: "a.md", fileText: yaml).citation?.kind == .report)
        #expect(try decoder.decode("title: t\ncitation: false\n", path: "a.md", fileText: yaml).citation == nil)
        let chapter = try #require(try decoder.decode(
            "title: t\ncitation:\n  partOf: _index.md\n  key: a-1\n  authors: [A, B]\n", path: "a.md", fileText: yaml
        ).citation)
        #expect(chapter.kind == .chapter && chapter.partOf == "_index.md" && chapter.key == "a-1" && chapter.authors == ["A", "B"])
        let toml = "+++\ntitle = \"t\"\n[citation]\npartOf = \"_index.md\"\n+++\n"
        #expect(try decoder.decode("title = \"t\"\n[citation]\npartOf = \"_index.md\"\n", path: "a.md", fileText: toml).citation?.partOf == "_index.md")
        #expect(throws: DiagnosticError.self) { try decoder.decode("title: t\ncitation: 3\n", path: "a.md", fileText: yaml) }
        #expect(CitationDecoder.problem(withKey: "ok-1:2") == nil)
        #expect(CitationDecoder.problem(withKey: "with space") != nil)
    }

    private func messages(_ yaml: String) -> [String] {
        do {
            _ = try ConfigLoader.load(yaml, path: "site/config.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }
}
