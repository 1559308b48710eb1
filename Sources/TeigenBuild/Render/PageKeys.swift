import Foundation
import TeigenCore
import TeigenTheme

/// The cache key of each rendered page (``RenderCache``): it changes whenever the page's output could, with
/// the values every page shares, the page's own context, its template or a template that one includes, and
/// `site.sections` (every page's summary) for the pages whose templates read it.
///
/// What every page shares is hashed once per build; each page then adds only its own context (`page` and the
/// menus marking it) and its template's key.
struct PageKeys: Sendable {
    private let memo: Memo<PageRenderer.Kept>
    private let templates: [String]
    /// The key of what every page depends on: the cache's format and Teigen's version, the shared values, the
    /// configuration, the assets (their URLs and SRI hashes), the images (their names and plans).
    private let shared: CacheKey
    /// The key of each template with the partials and parents it includes, by name (with `site.sections` for a
    /// template that reads it).
    private let templateKeys: [String: CacheKey]
    /// The key of each page's summary, which lists show, and of each section's `page.subsections`, which every page
    /// of its list shows (``StableHasher/knownValues``): hashed once, not once a list.
    private let knownKeys: [UInt: CacheKey]

    /// The keys of `renderer`'s pages. The summaries are hashed on `jobs` tasks: one after another, they held up the
    /// first page for most of a second at 100,000 pages.
    static func make(renderer: PageRenderer, memo: Memo<PageRenderer.Kept>, jobs: Int) async throws(DiagnosticError) -> PageKeys {
        var knownKeys: [UInt: CacheKey] = [:]
        if memo.isEnabled {
            let site = renderer.site
            let chunks = stride(from: 0, to: site.summaries.count, by: 1024).map { site.summaries[$0..<min(site.summaries.count, $0 + 1024)] }
            let found = try await BuildPipeline.parallelMap(chunks, jobs: jobs) { TemplateValue.keys(of: $0) }
            knownKeys.reserveCapacity(site.summaries.count)
            for keys in found { knownKeys.merge(keys) { first, _ in first } }
            knownKeys.merge(TemplateValue.keys(of: site.subsections.values, known: knownKeys)) { first, _ in first }
        }
        return PageKeys(renderer: renderer, memo: memo, knownKeys: knownKeys)
    }

    private init(renderer: PageRenderer, memo: Memo<PageRenderer.Kept>, knownKeys: [UInt: CacheKey]) {
        self.memo = memo
        templates = renderer.templates
        let site = renderer.site
        self.knownKeys = knownKeys
        shared = memo.key { hasher in
            hasher.knownValues = knownKeys
            hasher.combine(CacheKey.formatVersion)
            hasher.combine(TeigenVersion.current)
            site.hashShared(into: &hasher)
            hasher.combine(site.configKey)
            renderer.images.catalog.fingerprint(into: &hasher)
            site.assets.fingerprint(into: &hasher)
        }
        // `site.sections` lists every page's summary: a summary that changes (a page's reading time) changes only
        // the pages whose templates read it.
        let sections = memo.key { hasher in
            hasher.knownValues = knownKeys
            site.hashSections(into: &hasher)
        }
        var templateKeys: [String: CacheKey] = [:]
        for name in Set(templates) where !name.isEmpty {
            templateKeys[name] = memo.key { hasher in
                for used in renderer.theme.templatesUsed(by: name) {
                    hasher.combine(used)
                    hasher.combine(renderer.theme.text(of: used))
                }
                hasher.combine(renderer.theme.reads("sections", from: name) ? sections : .none)
            }
        }
        self.templateKeys = templateKeys
    }

    /// The key of page `index`, whose context is `context`.
    func key(ofPageAt index: Int, context: TemplateContext) -> CacheKey {
        memo.key { hasher in
            hasher.knownValues = knownKeys
            let name = templates[index]
            hasher.combine(shared)
            hasher.combine(name)
            hasher.combine(templateKeys[name] ?? .none)
            hasher.combine(context.own["page"] ?? .null)
            hasher.combine(context.own["site"] ?? .null)
        }
    }
}
