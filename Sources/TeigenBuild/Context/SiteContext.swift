import TeigenContent
import TeigenCore
import TeigenTheme

/// Everything page contexts are made of, made once per build (the `contexts` step): each page's summary,
/// the `site` value and `data` every page shares, the menus resolved, the lambdas with their asset URLs
/// and SRI hashes. A page's own context then holds only what differs between pages: `page` and the menus
/// marking it (``context(forPageAt:)``).
struct SiteContext: Sendable {
    /// Where the site's feed is (`site.feedURL`).
    static let feedPath = "/atom.xml"
    /// What made the site (`site.generator`).
    static let generator = "Teigen \(TeigenVersion.current)"

    let config: SiteConfig
    let urls: SiteURLs
    private(set) var graph: ContentGraph
    private(set) var bodies: [PageBody]
    /// Each page's ``PageSummary``, by page index.
    private(set) var summaries: [TemplateValue]
    let data: TemplateValue
    /// The theme's assets (the lambdas' URLs and hashes come from them).
    let assets: AssetCatalog
    let menus: MenuTable
    /// `site` without `menus`, `data` and the lambdas: the same for every page.
    private(set) var shared: SharedContext

    /// Makes the parts of every page's context from `input` and the pages' converted bodies.
    static func make(
        _ input: SiteInput, bodies: [PageBody], lambdas: [String: TemplateLambda], jobs: Int
    ) async throws(DiagnosticError) -> SiteContext {
        let urls = SiteURLs(baseURL: input.config.baseURL)
        let (graph, config) = (input.graph, input.config)
        let summaries = try await BuildPipeline.parallelMap(Array(graph.pages.indices), jobs: jobs) { index in
            PageSummary.value(of: index, graph: graph, bodies: bodies, urls: urls, config: config)
        }
        return SiteContext(
            config: config, urls: urls, graph: graph, bodies: bodies, summaries: summaries, data: input.data,
            assets: input.assets, menus: try MenuTable(config: config, graph: graph, urls: urls),
            shared: SharedContext(values: shared(config, urls, graph, summaries, input.data), lambdas: lambdas))
    }

    /// The context of page `index`: `page` and `site.menus` over the shared values.
    func context(forPageAt index: Int) -> TemplateContext {
        let values = PageValues(config: config, urls: urls, graph: graph, bodies: bodies, summaries: summaries)
        return TemplateContext(
            shared: shared,
            own: ["page": values.value(forPageAt: index), "site": .map([("menus", menus.value(forPageAt: graph.pages[index].url))])])
    }

    /// The context of the not-found page.
    func notFoundContext() -> TemplateContext {
        TemplateContext(
            shared: shared,
            own: ["page": PageValues.notFound(config: config, urls: urls), "site": .map([("menus", menus.value(forPageAt: "/404.html"))])])
    }

    /// Feeds the shared values into `hasher` (a rendered page depends on them and on its own context).
    func hashShared(into hasher: inout Hasher) {
        hasher.combine(shared.values["site"])
        hasher.combine(shared.values["data"])
    }

    /// This context after the Markdown body of page `index` changed and nothing else (its front matter
    /// is the same): the page's summary is made again, and `site.sections` when the summary changed.
    /// - Returns: the context and whether the summary changed (lists that show it must be rendered again).
    func replacingBody(ofPageAt index: Int, with body: PageBody, graph: ContentGraph) -> (SiteContext, summaryChanged: Bool) {
        var copy = self
        copy.graph = graph
        copy.bodies[index] = body
        let summary = PageSummary.value(of: index, graph: graph, bodies: copy.bodies, urls: urls, config: config)
        guard summary != summaries[index] else { return (copy, false) }
        copy.summaries[index] = summary
        copy.shared = SharedContext(values: Self.shared(config, urls, graph, copy.summaries, data), lambdas: shared.lambdas)
        return (copy, true)
    }

    /// The pages whose context shows page `index`'s summary in a list (`page.pages`, `page.subsections`),
    /// apart from `site.sections`, which every page has.
    func listings(of index: Int) -> Set<Int> {
        var result = Set<Int>()
        for section in graph.sections.values where section.positions[index] != nil {
            result.insert(section.pageIndex)
            if let parent = section.parent, let parentSection = graph.sections[parent] { result.insert(parentSection.pageIndex) }
        }
        return result
    }

    private static func shared(
        _ config: SiteConfig, _ urls: SiteURLs, _ graph: ContentGraph, _ summaries: [TemplateValue], _ data: TemplateValue
    ) -> [String: TemplateValue] {
        let site = SiteValues.site(
            config: config, urls: urls, graph: graph, summaries: summaries, data: data, feedPath: feedPath, generator: generator)
        return ["site": site, "data": data]
    }
}
