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

    @Test func languagesInheritTheSiteKeysAndGiveTheirOwn() throws {
        let yaml = """
            title: 緊急提言
            description: 説明
            baseURL: https://example.org/
            author: 研究会
            dateFormat: "yyyy年M月d日"
            params:
              a: 1
              b: 2
            menus:
              main:
                - name: ホーム
                  page: _index.md
            languages:
              - code: ja
              - code: en
                name: English
                title: Urgent Proposals
                author: The Study Group
                dateFormat: "MMMM d, yyyy"
                params:
                  b: 3
                menus:
                  main:
                    - name: Home
                      page: _index.md
              - code: fr
                calendar: gregorian
            """
        let config = try ConfigLoader.load(yaml, path: "c.yaml")
        #expect(config.hasLanguageList)
        #expect(config.languages.map(\.code) == ["ja", "en", "fr"])
        #expect(config.languages.map(\.isDefault) == [true, false, false])
        #expect(config.languages.map(\.rootPath) == ["/", "/en/", "/fr/"])
        #expect(config.language == "ja")
        let (ja, en, fr) = (config.languages[0], config.languages[1], config.languages[2])
        #expect(ja.name == "日本語" && fr.name == "Français", "a language's own name for itself by default")
        #expect(ja.title == "緊急提言" && en.title == "Urgent Proposals" && fr.title == "緊急提言")
        #expect(en.author == "The Study Group" && en.description == "説明")
        #expect(en.params == .map([("a", .int(1)), ("b", .int(3))]))
        #expect(en.menus["main"]?.map(\.name) == ["Home"] && fr.menus["main"]?.map(\.name) == ["ホーム"])
        let day = SiteDate(year: 2024, month: 3, day: 1)
        #expect(ja.dateFormat.string(from: day) == "2024年3月1日")
        #expect(en.dateFormat.string(from: day) == "March 1, 2024")
        #expect(en.dateFormat.string(from: SiteDate(year: 2024, month: 3)) == "March 2024", "a language's own month pattern")
        #expect(fr.dateFormat.string(from: day) == "2024年3月1日", "the site's pattern, in French")
        #expect(config.dateFormat == ja.dateFormat)
    }

    @Test func aSiteWithoutLanguagesHasTheOneItsKeysDescribe() throws {
        let config = try ConfigLoader.load("title: t\nbaseURL: https://e.org/\nlanguage: ja\ndescription: d\n", path: "c.yaml")
        #expect(!config.hasLanguageList)
        #expect(config.languages.count == 1)
        #expect(config.defaultLanguage.code == "ja" && config.defaultLanguage.title == "t" && config.defaultLanguage.description == "d")
        #expect(config.defaultLanguage.rootPath == "/")
        #expect(config.defaultLanguage.sitePath("/about/") == "/about/")
    }

    @Test func languagesErrors() {
        for (yaml, expected) in [
            ("languages: []\n", "c.yaml:3:12: error: 'languages' must be a list of languages such as '- code: ja', the default language first"),
            ("languages:\n  - name: Nihongo\n", "c.yaml:4:5: error: a language needs its 'code' (such as 'code: en')"),
            ("languages:\n  - code: ja\n  - code: ja\n", "c.yaml:5:5: error: language 'ja' is listed twice in 'languages' (first on line 4)"),
            ("languages:\n  - code: j\n", "c.yaml:4:11: error: 'code' must be a language tag such as 'ja', 'en' or 'pt-BR' (got 'j')"),
            ("languages:\n  - code: ja\n    dateFormat: \"d 'x\"\n", "c.yaml:5:17: error: 'dateFormat' is not a usable date pattern: a quote (') is never closed; write '' for a quote itself (got 'd 'x')"),
        ] {
            #expect {
                try ConfigLoader.load("title: t\nbaseURL: https://e.org/\n" + yaml, path: "c.yaml")
            } throws: { error in
                (error as? DiagnosticError)?.diagnostics.first?.header == expected
            }
        }
    }
}
