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
    private(set) var summaries: [TemplateValue] {
        didSet { subsections = PageValues.subsections(graph: graph, summaries: summaries, urls: urls) }
    }
    /// `page.subsections` of each section with subsections, made once and shared by every page of its list: each
    /// holds the summaries of all its subsections' pages, so making it for each page of a paginated list would cost
    /// the square of the pages.
    private(set) var subsections: [SectionKey: TemplateValue] = [:]
    /// The theme's assets (the lambdas' URLs and hashes come from them).
    let assets: AssetCatalog
    /// What the pages of each language share, by language code.
    private(set) var languages: [String: LanguageContext]
    /// The terms and taxonomies as templates see them.
    let taxonomies: TaxonomyValues
    /// The related pages (`page.related`) of the pages whose templates show them, by page index.
    let related: [Int: [Int]]
    /// The pages whose templates read `jsonLD` (`page.jsonLD` is made only for them).
    let jsonLD: Set<Int>
    /// Citations, print editions and share images (``PublicationValues``): the citations and the pages each
    /// print document holds are found here, the rest made by their own steps (``with(shareImages:)``,
    /// ``with(printFacts:)``).
    private(set) var publication: PublicationValues
    /// The key of the configuration (``SiteInput/configKey``), for the pages' cache keys (``PageKeys``).
    var configKey = CacheKey.none

    /// Makes the parts of every page's context from `input`, the pages' converted bodies, each language's lambdas
    /// and the pages' templates (by page index: `page.related` is made only for the pages whose templates show it).
    static func make(
        _ input: SiteInput, bodies: [PageBody], lambdas: [String: [String: TemplateLambda]], templates: [String], jobs: Int
    ) async throws(DiagnosticError) -> SiteContext {
        let urls = SiteURLs(baseURL: input.config.baseURL)
        let (graph, config) = (input.graph, input.config)
        let summaries = try await BuildPipeline.parallelMap(Array(graph.pages.indices), jobs: jobs) { index in
            PageSummary.value(of: index, graph: graph, bodies: bodies, urls: urls)
        }
        let taxonomies = TaxonomyValues(graph: graph, urls: urls, order: config.taxonomies.map(\.name))
        let related = try await relatedPages(graph, config: config, wanted: pagesShowing("related", templates: templates, theme: input.theme), jobs: jobs)
        let jsonLD = Set(pagesShowing("jsonLD", templates: templates, theme: input.theme))
        var languages: [String: LanguageContext] = [:]
        var errors: [Diagnostic] = []
        for language in config.languages {
            let strings = input.strings[language.code] ?? I18nTable.builtIn(language: language.code)
            let data = input.data[language.code] ?? .map([])
            do throws(DiagnosticError) {
                languages[language.code] = LanguageContext(
                    language: language, menus: try MenuTable(language: language, graph: graph, urls: urls), strings: strings, data: data,
                    shared: SharedContext(
                        values: LanguageContext.values(
                            language, config: config, urls: urls, graph: graph, summaries: summaries, data: data, taxonomies: taxonomies),
                        lambdas: lambdas[language.code] ?? [:]))
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        let publication = try PublicationValues(graph: graph, documents: config.pdf, urls: urls)
        var site = SiteContext(
            config: config, urls: urls, graph: graph, bodies: bodies, summaries: summaries, assets: input.assets, languages: languages,
            taxonomies: taxonomies, related: related, jsonLD: jsonLD, publication: publication, configKey: input.configKey)
        site.subsections = PageValues.subsections(graph: graph, summaries: summaries, urls: urls)
        return site
    }

    /// The pages whose templates (by page index) read `name`.
    static func pagesShowing(_ name: String, templates: [String], theme: Theme) -> [Int] {
        var reads: [String: Bool] = [:]
        return templates.indices.filter { index in
            let template = templates[index]
            if let known = reads[template] { return known }
            let answer = !template.isEmpty && theme.reads(name, from: template)
            reads[template] = answer
            return answer
        }
    }

    /// `page.related` of the pages `wanted` (``RelatedPages``), computed on several tasks.
    static func relatedPages(_ graph: ContentGraph, config: SiteConfig, wanted: [Int], jobs: Int) async throws(DiagnosticError) -> [Int: [Int]] {
        guard !wanted.isEmpty else { return [:] }
        let finder = RelatedPages(graph: graph, settings: config.related)
        let chunkSize = max(1, (wanted.count + jobs * 4 - 1) / (jobs * 4))
        let chunks = stride(from: 0, to: wanted.count, by: chunkSize).map { Array(wanted[$0..<min(wanted.count, $0 + chunkSize)]) }
        let found = try await BuildPipeline.parallelMap(chunks, jobs: jobs) { chunk in
            var scratch = finder.scratch()
            return chunk.map { ($0, finder.pages(relatedTo: $0, scratch: &scratch)) }
        }
        return Dictionary(uniqueKeysWithValues: found.joined())
    }

    /// The context of `target` (a page, or a later page of its list): `page` and `site.menus` over the values its
    /// language shares.
    func context(for target: PageTarget) -> TemplateContext {
        let page = graph.pages[target.index]
        let shared = languages[page.language]!
        let values = PageValues(
            urls: urls, graph: graph, bodies: bodies, summaries: summaries, subsections: subsections, taxonomies: taxonomies, related: related,
            jsonLD: jsonLD, publication: publication)
        return TemplateContext(
            shared: shared.shared,
            own: ["page": values.value(of: target), "site": .map([("menus", shared.menus.value(forPageAt: graph.sitePath(of: target)))])])
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
    /// language's `site` but for `site.sections` (``hashSections(into:)``), `data` and words.
    func hashShared(into hasher: inout StableHasher) {
        for language in config.languages {
            let parts = languages[language.code]!
            hasher.combine(language.code)
            let site = parts.shared.values["site"]?.mapPairs ?? []
            hasher.combine(site.count)
            for (name, value) in site where name != "sections" {
                hasher.combine(name)
                hasher.combine(value)
            }
            hasher.combine(parts.shared.values["data"] ?? .null)
            hasher.combine(parts.strings)
        }
    }

    /// Feeds each language's `site.sections` into `hasher`: it lists the summary of every page of the language, so
    /// only the pages whose templates read it depend on it (``PageKeys``, as ``BodyEdit`` knows).
    func hashSections(into hasher: inout StableHasher) {
        for language in config.languages {
            hasher.combine(language.code)
            hasher.combine(languages[language.code]!.shared.values["site"]?["sections"] ?? .null)
        }
    }

    /// This context with the pages' generated share images.
    func with(shareImages: ShareImages) -> SiteContext {
        var copy = self
        copy.publication.shareCards = shareImages.cards
        return copy
    }

    /// This context with what is known of the print edition's PDFs (their size and page count).
    func with(printFacts: [String: PublicationValues.PrintFacts]) -> SiteContext {
        var copy = self
        copy.publication.printFacts = printFacts
        return copy
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
            values: LanguageContext.values(
                language, config: config, urls: urls, graph: graph, summaries: copy.summaries, data: parts.data, taxonomies: taxonomies),
            lambdas: parts.shared.lambdas)
        return (copy, true)
    }

    /// The pages whose context shows page `index`'s summary in a list (`page.pages` of a section, a term or a
    /// taxonomy, `page.subsections`, `page.related`), apart from `site.sections`, which every page of its language has.
    func listings(of index: Int) -> Set<Int> {
        var result = Set<Int>()
        for section in graph.sections.values where section.positions[index] != nil {
            result.insert(section.pageIndex)
            if let parent = section.parent, let parentSection = graph.sections[parent] { result.insert(parentSection.pageIndex) }
        }
        for termPages in graph.pages[index].termPages.values { result.formUnion(termPages) }
        if let taxonomy = graph.pages[index].taxonomy, graph.pages[index].kind == .term,
            let taxonomyPage = graph.taxonomies[TaxonomyKey(language: graph.pages[index].language, name: taxonomy)]?.pageIndex {
            result.insert(taxonomyPage)
        }
        for (page, related) in related where related.contains(index) { result.insert(page) }
        return result
    }
}
