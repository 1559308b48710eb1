import TeigenContent
import TeigenCore

/// Every page's Markdown body converted to HTML (the `markdown` step), with each page's diagnostics.
struct PageBodies: Sendable {
    /// By page index.
    private(set) var bodies: [PageBody]
    /// Each page's diagnostics (broken links are errors; a footnote without a definition is a warning), by page index.
    private(set) var diagnostics: [[Diagnostic]]

    /// The errors among the diagnostics.
    var errors: [Diagnostic] {
        diagnostics.joined().filter { $0.severity == .error }
    }

    /// The warnings among the diagnostics, sorted by position: the build's warnings.
    var warnings: [Diagnostic] {
        diagnostics.joined().filter { $0.severity != .error }.sorted { $0.location < $1.location }
    }

    /// The converter of `input`'s pages: links between pages and to files resolve to their URLs, images
    /// and shortcodes go through `hooks`.
    static func converter(for input: SiteInput, hooks: PageHooks?) -> PageBodyRenderer {
        var converter = PageBodyRenderer(
            graph: input.graph, urls: SiteURLs(baseURL: input.config.baseURL), settings: input.config.markdown,
            resources: input.resources, strings: input.strings)
        converter.hooks = hooks
        return converter
    }

    /// The images the pages' Markdown writes (site paths).
    var resources: Set<String> {
        Set(bodies.flatMap(\.resources))
    }

    /// Converts every page of `input`, several at once, reusing the conversions in `memo` whose inputs did not change.
    static func convert(_ input: SiteInput, hooks: PageHooks?, jobs: Int, memo: inout Memo<PageBody>) async throws(DiagnosticError) -> PageBodies {
        let converter = converter(for: input, hooks: hooks)
        let graph = input.graph
        let keys = BodyKeys(converter: converter, input: input, memo: memo)
        let kept = memo
        let converted = try await BuildPipeline.parallelMap(Array(graph.pages.indices), jobs: jobs) { index -> (PageBody, [Diagnostic], key: CacheKey) in
            let page = graph.pages[index]
            let key = keys.key(ofPageAt: index)
            if let body = kept.value(named: page.contentPath, key: key) {
                return (body, converter.diagnostics(for: body, page: page), key)
            }
            let (body, diagnostics) = converter.render(pageAt: index)
            return (body, diagnostics, key)
        }
        memo.keep(converted.indices.lazy.map { (name: graph.pages[$0].contentPath, key: converted[$0].key, value: converted[$0].0) })
        return PageBodies(bodies: converted.map(\.0), diagnostics: converted.map(\.1))
    }

    /// The `highlight` step: the code blocks and formulas of every page made HTML by their tools
    /// (``BodyFragments``), their warnings added to the pages'.
    mutating func highlight(with fragments: BodyFragments, pages: [Page], memory: inout FragmentTools.Memory) async -> FragmentReport {
        let (resolved, added, report) = await fragments.resolve(bodies, pages: pages, memory: &memory)
        bodies = resolved
        for index in added.indices where !added[index].isEmpty { diagnostics[index] += added[index] }
        return report
    }

    /// Converts pages `indices` again with `converter` (their bodies changed; see ``BodyEdit``).
    /// Throws their errors, leaving the bodies as they were.
    mutating func convert(pagesAt indices: [Int], with converter: PageBodyRenderer) throws(DiagnosticError) {
        var updated = self
        for index in indices {
            (updated.bodies[index], updated.diagnostics[index]) = converter.render(pageAt: index)
        }
        let errors = indices.flatMap { updated.diagnostics[$0] }.filter { $0.severity == .error }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        self = updated
    }
}
