import TeigenContent
import TeigenCore

/// The cache key of each page's converted Markdown (``RenderCache``): it changes whenever the conversion's
/// result could. What every page's conversion shares (the pages' URLs, languages and translations, which links
/// resolve to; the files' URLs; the configuration, which holds the Markdown settings and the base URL; each
/// language's labels; the images and shortcodes; the assets the shortcodes' lambdas name) is hashed once per
/// build; each page then adds its body, where the body starts in its file, its first footnote number and its path.
struct BodyKeys: Sendable {
    private let memo: Memo<PageBody>
    private let graph: ContentGraph
    private let shared: CacheKey

    init(converter: PageBodyRenderer, input: SiteInput, memo: Memo<PageBody>) {
        self.memo = memo
        graph = converter.graph
        shared = memo.key { hasher in
            hasher.combine(CacheKey.formatVersion)
            hasher.combine(TeigenVersion.current)
            hasher.combine(converter.graph.pages.count)
            for page in converter.graph.pages {
                hasher.combine(page.contentPath)
                hasher.combine(page.url)
                hasher.combine(page.language)
                hasher.combine(page.translationGroup)
            }
            hasher.combine(converter.resources.count)
            for (path, url) in converter.resources.sorted(by: { $0.key < $1.key }) {
                hasher.combine(path)
                hasher.combine(url)
            }
            hasher.combine(input.configKey)
            for language in converter.graph.languages {
                let words = converter.strings[language.code] ?? I18nTable.builtIn(language: language.code)
                hasher.combine(language.code)
                for key in ["heading.anchor", "footnote.backlink", "footnote.section"] { hasher.combine(words[key]) }
            }
            hasher.combine(converter.hooks?.fingerprint)
            input.assets.fingerprint(into: &hasher)
        }
    }

    /// The key of page `index`'s conversion.
    func key(ofPageAt index: Int) -> CacheKey {
        memo.key { hasher in
            let source = graph.pages[index].source
            hasher.combine(shared)
            hasher.combine(source.body)
            hasher.combine(source.bodyFirstLine)
            hasher.combine(source.frontMatter.footnoteStart)
            hasher.combine(source.sourcePath)
        }
    }
}
