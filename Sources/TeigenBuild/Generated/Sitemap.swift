import TeigenContent
import TeigenCore

/// `sitemap.xml` listing every published page with its last modification date, and `robots.txt` pointing at it.
struct Sitemap {
    let urls: SiteURLs

    func render(pages: [Page]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted(by: { $0.url < $1.url }) where !page.frontMatter.hidden {
            xml += "  <url>\n    <loc>\(XMLText.escape(urls.absolute(page.url)))</loc>\n"
            if let date = page.frontMatter.lastmod ?? page.frontMatter.date {
                xml += "    <lastmod>\(date.isoDate)</lastmod>\n"
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("/sitemap.xml"))\n"
    }
}
