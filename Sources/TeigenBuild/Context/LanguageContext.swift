import TeigenContent
import TeigenCore
import TeigenTheme

/// The parts of page contexts that every page of one language shares (part of ``SiteContext``): the
/// language's menus resolved, its fixed words, its `data`, and its `site` value and lambdas.
struct LanguageContext: Sendable {
    let language: Language
    let menus: MenuTable
    /// The language's fixed words (`{{#t}}key{{/t}}`).
    let strings: I18nTable
    let data: TemplateValue
    /// `site` without `menus`, `data` and the lambdas: the same for every page of the language.
    var shared: SharedContext

    /// The `site` and `data` values of the language's pages.
    static func values(
        _ language: Language, config: SiteConfig, urls: SiteURLs, graph: ContentGraph, summaries: [TemplateValue], data: TemplateValue
    ) -> [String: TemplateValue] {
        let site = SiteValues.site(
            language: language, config: config, urls: urls, graph: graph, summaries: summaries, data: data, generator: SiteContext.generator)
        return ["site": site, "data": data]
    }
}
