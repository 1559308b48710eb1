import TeigenContent
import TeigenCore

/// The values of `sitemap.xml` and `robots.txt`, which their templates write (the site's, the theme's, or
/// Teigen's own, ``BuiltInTemplates``).
///
/// `sitemap`: `entries`, one for each published page but hidden ones (later pages of a list are left out, as
/// Hugo does), by URL, each with `loc`, `lastmod` (W3C Datetime at the precision written, or null) and, for a
/// page with translations, `alternates` (every version as `{hreflang, href}`, `x-default` last: Google's form for
/// multilingual sitemaps, the same list under each version); `hasAlternates` when any page has some.
/// `robots`: `sitemapURL`.
struct Sitemap {
    let urls: SiteURLs

    func value(graph: ContentGraph) -> TemplateValue {
        let listed = graph.pages.indices.filter { !graph.pages[$0].frontMatter.hidden }.sorted { graph.pages[$0].url < graph.pages[$1].url }
        var hasAlternates = false
        let entries: [TemplateValue] = listed.map { index in
            let page = graph.pages[index]
            let versions = alternates(of: index, in: graph)
            hasAlternates = hasAlternates || !versions.isEmpty
            return .map([
                ("loc", .string(urls.absolute(page.url))),
                ("lastmod", (page.frontMatter.lastmod ?? page.frontMatter.date).map { .string($0.isoDate) } ?? .null),
                ("alternates", .array(versions.map { .map([("hreflang", .string($0.hreflang)), ("href", .string($0.url))]) })),
            ])
        }
        return .map([("entries", .array(entries)), ("hasAlternates", .bool(hasAlternates))])
    }

    /// The listed versions of page `index` (itself included) with their languages, then `x-default` for the
    /// default language's version; empty when it has no listed translation.
    private func alternates(of index: Int, in graph: ContentGraph) -> [(hreflang: String, url: String)] {
        let group = graph.translationGroups[graph.pages[index].translationGroup].filter { !graph.pages[$0].frontMatter.hidden }
        guard group.count > 1 else { return [] }
        var alternates = group.map { (graph.pages[$0].language, urls.absolute(graph.pages[$0].url)) }
        if let original = group.first(where: { graph.language(of: $0).isDefault }) {
            alternates.append(("x-default", urls.absolute(graph.pages[original].url)))
        }
        return alternates
    }

    /// The `robots` value of `robots.txt`.
    func robots() -> TemplateValue {
        .map([("sitemapURL", .string(urls.absolute("/sitemap.xml")))])
    }
}
