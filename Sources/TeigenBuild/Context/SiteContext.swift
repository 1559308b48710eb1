import TeigenContent
import TeigenCore
import TeigenTheme

/// Everything page contexts are made of, made once per build (the `contexts` step): each page's summary,
/// and, for each language, the `site` value and `data` its pages share, its menus resolved and the lambdas
/// (with the asset URLs and SRI hashes, and the language's words). A page's own context then holds only
/// what differs between pages: `page` and the menus marking it (``context(forPageAt:)``).
struct SiteContext: Sendable {
    /// What made the site (`site.generator`).
    static let generator = "Teigen \(TeigenVersion.current)"

    let config: SiteConfig
    let urls: SiteURLs
    private(set) var graph: ContentGraph
    private(set) var bodies: [PageBody]
    /// Each page's ``PageSummary``, by page index.
    private(set) var summaries: [TemplateValue]
    /// The theme's assets (the lambdas' URLs and hashes come from them).
    let assets: AssetCatalog
    /// What the pages of each language share, by language code.
    private(set) var languages: [String: LanguageContext]

    /// Makes the parts of every page's context from `input` and the pages' converted bodies.
    static func make(
        _ input: SiteInput, bodies: [PageBody], lambdas: [String: [String: TemplateLambda]], jobs: Int
    ) async throws(DiagnosticError) -> SiteContext {
        let urls = SiteURLs(baseURL: input.config.baseURL)
        let (graph, config) = (input.graph, input.config)
        let summaries = try await BuildPipeline.parallelMap(Array(graph.pages.indices), jobs: jobs) { index in
            PageSummary.value(of: index, graph: graph, bodies: bodies, urls: urls)
        }
        var languages: [String: LanguageContext] = [:]
        var errors: [Diagnostic] = []
        for language in config.languages {
            let strings = input.strings[language.code] ?? I18nTable.builtIn(language: language.code)
            let data = input.data[language.code] ?? .map([])
            do throws(DiagnosticError) {
                languages[language.code] = LanguageContext(
                    language: language, menus: try MenuTable(language: language, graph: graph, urls: urls), strings: strings, data: data,
                    shared: SharedContext(
                        values: LanguageContext.values(language, config: config, urls: urls, graph: graph, summaries: summaries, data: data),
                        lambdas: lambdas[language.code] ?? [:]))
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return SiteContext(
            config: config, urls: urls, graph: graph, bodies: bodies, summaries: summaries, assets: input.assets, languages: languages)
    }

    /// The context of page `index`: `page` and `site.menus` over the values its language shares.
    func context(forPageAt index: Int) -> TemplateContext {
        let page = graph.pages[index]
        let shared = languages[page.language]!
        let values = PageValues(urls: urls, graph: graph, bodies: bodies, summaries: summaries)
        return TemplateContext(
            shared: shared.shared,
            own: ["page": values.value(forPageAt: index), "site": .map([("menus", shared.menus.value(forPageAt: page.url))])])
    }

    /// The context of `language`'s not-found page.
    func notFoundContext(_ language: Language) -> TemplateContext {
        let shared = languages[language.code]!
        return TemplateContext(
            shared: shared.shared,
            own: [
                "page": PageValues.notFound(language: language, graph: graph, urls: urls),
                "site": .map([("menus", shared.menus.value(forPageAt: PageValues.notFoundPath(of: language)))]),
            ])
    }

    /// Feeds the shared values into `hasher` (a rendered page depends on them and on its own context): each
    /// language's `site`, `data` and words.
    func hashShared(into hasher: inout Hasher) {
        for language in config.languages {
            let parts = languages[language.code]!
            hasher.combine(parts.shared.values["site"])
            hasher.combine(parts.shared.values["data"])
            hasher.combine(parts.strings)
        }
    }

    /// This context after the Markdown body of page `index` changed and nothing else (its front matter
    /// is the same): the page's summary is made again, and `site.sections` of its language when the summary changed.
    /// - Returns: the context and whether the summary changed (lists that show it must be rendered again).
    func replacingBody(ofPageAt index: Int, with body: PageBody, graph: ContentGraph) -> (SiteContext, summaryChanged: Bool) {
        var copy = self
        copy.graph = graph
        copy.bodies[index] = body
        let summary = PageSummary.value(of: index, graph: graph, bodies: copy.bodies, urls: urls)
        guard summary != summaries[index] else { return (copy, false) }
        copy.summaries[index] = summary
        let language = graph.language(of: index)
        let parts = languages[language.code]!
        copy.languages[language.code]!.shared = SharedContext(
            values: LanguageContext.values(language, config: config, urls: urls, graph: graph, summaries: copy.summaries, data: parts.data),
            lambdas: parts.shared.lambdas)
        return (copy, true)
    }

    /// The pages whose context shows page `index`'s summary in a list (`page.pages`, `page.subsections`),
    /// apart from `site.sections`, which every page of its language has.
    func listings(of index: Int) -> Set<Int> {
        var result = Set<Int>()
        for section in graph.sections.values where section.positions[index] != nil {
            result.insert(section.pageIndex)
            if let parent = section.parent, let parentSection = graph.sections[parent] { result.insert(parentSection.pageIndex) }
        }
        return result
    }
}
