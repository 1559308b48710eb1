import Testing
@testable import TeigenBuild
import TeigenCore
import TeigenTheme

/// The lambdas of a language's pages. The results of literal sections are made once per build; a section
/// holding tags receives its text unrendered (Mustache's rule), as before.
@Suite struct TemplateLambdasTests {
    @Test func urlLambdasOfLiteralSectionsAreTheLanguagesURLs() throws {
        let theme = try Theme(
            templates: [
                "page": "{{#relLangURL}}/about/{{/relLangURL}} {{#relLangURL}}{{path}}{{/relLangURL}} "
                    + "{{#absLangURL}} / {{/absLangURL}} {{#relURL}}/x/{{/relURL}} {{#absURL}}/x/{{/absURL}}",
            ],
            paths: [:])
        let english = Language(code: "en", isDefault: false)
        let lambdas = TemplateLambdas.make(
            urls: SiteURLs(baseURL: "https://example.org/base/"), assets: AssetCatalog(files: []), theme: theme, language: english,
            strings: I18nTable(language: "en"), fallback: I18nTable(language: "en"))
        let context = TemplateContext(
            shared: SharedContext(values: [:], lambdas: lambdas), own: ["path": .string("/about/")])
        #expect(theme.render("page", context: context) == "/base/en/about/ /base/en/%7B%7Bpath%7D%7D https://example.org/base/en/ "
            + "/base/x/ https://example.org/base/x/")
    }
}
