import Testing
import TeigenCore
@testable import TeigenContent

@Suite struct ConfigLoaderTests {
    @Test func decodesEveryKey() throws {
        let yaml = """
            title: 緊急提言
            description: d
            baseURL: https://example.org/teigen
            language: ja
            author: A
            publisher: P
            dateFormat: "yyyy年M月d日"
            search: false
            relativeURLs: true
            markdown:
              smartPunctuation: true
              headingAnchors: true
              cjkFriendly: false
            menus:
              main:
                - name: 提言
                  page: proposals/_index.md
                - name: X
                  url: https://x.org/
            params:
              subtitle: s
            """
        let config = try ConfigLoader.load(yaml, path: "site/config.yaml")
        #expect(config.title == "緊急提言")
        #expect(config.baseURL == "https://example.org/teigen/")
        #expect(config.basePath == "/teigen/")
        #expect(config.relativeURLs)
        #expect(config.markdown.smartPunctuation && config.markdown.headingAnchors && config.markdown.allowRawHTML)
        #expect(!config.markdown.cjkFriendly)
        #expect(try ConfigLoader.load("title: t\nbaseURL: https://e.org/\n", path: "c.yaml").markdown.cjkFriendly)
        #expect(config.menus["main"]?.map(\.name) == ["提言", "X"])
        #expect(config.menus["main"]?.first?.target == .page("proposals/_index.md"))
        #expect(config.menus["main"]?.first?.location.line == 16)
        #expect(config.params["subtitle"] == .string("s"))
    }

    @Test func unknownKeyIsAnErrorWithPosition() {
        #expect {
            try ConfigLoader.load("title: t\nbaseURL: https://x.org/\ntheme: dark\n", path: "site/config.yaml")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.header.hasPrefix("site/config.yaml:3:1: error: unknown key 'theme' in config") ?? false
        }
    }

    @Test func invalidBaseURL() {
        #expect {
            try ConfigLoader.load("title: t\nbaseURL: example.org\n", path: "c.yaml")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.header
                == "c.yaml:2:10: error: baseURL must be an absolute URL such as 'https://example.org/' (got 'example.org')"
        }
    }

    @Test func overrideReplacesBaseURL() throws {
        let config = try ConfigLoader.load("title: t\nbaseURL: https://x.org/\n", path: "c.yaml", baseURLOverride: "http://127.0.0.1:8080/sub/path")
        #expect(config.basePath == "/sub/path/")
    }

    @Test func missingTitleAndBaseURL() {
        #expect {
            try ConfigLoader.load("language: ja\n", path: "c.yaml")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.header) == [
                "c.yaml:1:1: error: config is missing required key 'title'",
                "c.yaml:1:1: error: config is missing required key 'baseURL'",
            ]
        }
    }
}
