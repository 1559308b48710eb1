import TeigenContent
import TeigenCore

/// `sitemap.xml` listing every published page with its last modification date and, for a page with
/// translations, every version of it as `<xhtml:link rel="alternate" hreflang>` (Google's form for
/// multilingual sitemaps; the same list, `x-default` last, under each version), and `robots.txt` pointing at it.
struct Sitemap {
    let urls: SiteURLs

    func render(graph: ContentGraph) -> String {
        let listed = graph.pages.indices.filter { !graph.pages[$0].frontMatter.hidden }.sorted { graph.pages[$0].url < graph.pages[$1].url }
        let versions = Dictionary(uniqueKeysWithValues: listed.map { ($0, alternates(of: $0, in: graph)) })
        let namespaces = versions.values.contains { !$0.isEmpty } ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : ""
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(namespaces)>\n"
        for index in listed {
            let page = graph.pages[index]
            xml += "  <url>\n    <loc>\(XMLText.escape(urls.absolute(page.url)))</loc>\n"
            if let date = page.frontMatter.lastmod ?? page.frontMatter.date {
                xml += "    <lastmod>\(date.isoDate)</lastmod>\n"
            }
            for (hreflang, url) in versions[index] ?? [] {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(hreflang))\" href=\"\(XMLText.escape(url))\"/>\n"
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
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

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("/sitemap.xml"))\n"
    }
}
