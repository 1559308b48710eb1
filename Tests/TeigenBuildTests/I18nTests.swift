import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// The fixed words of each language (`theme/i18n/LANG.yaml` under `site/i18n/LANG.yaml`), through `{{#t}}key{{/t}}`.
@Suite struct I18nTests {
    /// A copy of the multilingual fixture.
    func fixture() throws -> URL {
        try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/multilingual"))
    }

    func build(_ copy: URL) async throws -> (BuildProduct, URL) {
        let output = copy.appendingPathComponent("public")
        let product = try await SiteBuilder(options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site")), output: output).build()
        return (product, output)
    }

    func text(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aKeyMissingInOneLanguageIsAWarningNamingKeyAndLanguage() async throws {
        let copy = try fixture()
        let english = copy.appendingPathComponent("theme/i18n/en.yaml")
        try (try String(contentsOf: english, encoding: .utf8)).replacingOccurrences(of: "notFound: Page not found\n", with: "")
            .write(to: english, atomically: true, encoding: .utf8)
        let japanese = copy.appendingPathComponent("theme/i18n/ja.yaml")
        try (try String(contentsOf: japanese, encoding: .utf8) + "onlyJapanese: 日本語だけ\n").write(to: japanese, atomically: true, encoding: .utf8)
        let (product, output) = try await build(copy)
        let headers = product.warnings.map { $0.header.replacingOccurrences(of: copy.path + "/", with: "") }
        #expect(headers == [
            "theme/i18n/ja.yaml:7:1: warning: i18n key 'notFound' has no English (en) words: add it to i18n/en.yaml of the theme or the site",
            "theme/i18n/ja.yaml:10:1: warning: i18n key 'onlyJapanese' has no English (en) words: add it to i18n/en.yaml of the theme or the site",
            "theme/templates/404.mustache:1:23: warning: template uses i18n key 'notFound', which has no English (en) words: "
                + "add it to i18n/en.yaml of the theme or the site",
        ])
        // Meanwhile the page shows the default language's words.
        #expect(try text(output, "en/404.html").contains("<h1>ページが見つかりません</h1>"))
        await #expect(throws: DiagnosticError.self) {
            _ = try await SiteBuilder(
                options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site")), output: copy.appendingPathComponent("public"),
                failOnWarnings: true
            ).build()
        }
    }

    @Test func theSiteOverridesTheThemeAndWordsAreEscapedButTheirTagsRendered() async throws {
        let copy = try fixture()
        try "readMore: \"Read <more> & \\\"on\\\"\"\nskipLink: \"Skip to {{page.title}}\"\n".write(
            to: copy.appendingPathComponent("site/i18n/en.yaml"), atomically: true, encoding: .utf8)
        let (product, output) = try await build(copy)
        #expect(product.warnings.isEmpty)
        let home = try text(output, "en/index.html")
        #expect(home.contains("Read &lt;more&gt; &amp; &quot;on&quot;;"))
        #expect(home.contains("<a href=\"#main\">Skip to Home</a>"))
        #expect(try text(output, "index.html").contains("続きを読む"), "the Japanese words are the theme's")
    }

    @Test func escapingTextLeavesMustacheTagsAlone() {
        #expect(TemplateLambdas.escapingText("a < b & \"c\"") == "a &lt; b &amp; &quot;c&quot;")
        #expect(TemplateLambdas.escapingText("約{{page.readingTime}}分 <") == "約{{page.readingTime}}分 &lt;")
        #expect(TemplateLambdas.escapingText("{{{raw}}} & {{x}}") == "{{{raw}}} &amp; {{x}}")
        #expect(TemplateLambdas.escapingText("open {{ never closed <") == "open {{ never closed &lt;")
    }

    @Test func anI18nFileThatIsNotAMappingIsAnError() async throws {
        let copy = try fixture()
        try "- a\n- b\n".write(to: copy.appendingPathComponent("site/i18n/en.yaml"), atomically: true, encoding: .utf8)
        await #expect {
            _ = try await build(copy)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.header.replacingOccurrences(of: copy.path + "/", with: "")
                == "site/i18n/en.yaml:1:1: error: an i18n file must be a mapping of keys to words (such as 'skipLink: Skip to content')"
        }
    }
}
