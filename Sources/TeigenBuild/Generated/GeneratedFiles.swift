import Foundation
import TeigenContent
import TeigenCore

/// The files a build makes besides pages (the `generated files` step): the not-found page, the Atom
/// feeds, `sitemap.xml`, `robots.txt`, `.nojekyll` and the redirect pages of `aliases`.
struct GeneratedFiles {
    let site: SiteContext

    /// Every generated file; `notFound` is the rendered not-found page (``PageRenderer/notFoundPage()``).
    func files(notFound: OutputFile) -> [OutputFile] {
        let sitemap = Sitemap(urls: site.urls)
        return [notFound] + feeds() + [
            // GitHub Pages would otherwise run Jekyll, which drops files and folders starting with '_'.
            OutputFile(path: ".nojekyll", data: Data(), origin: "Teigen (for GitHub Pages)"),
            OutputFile(path: "sitemap.xml", data: Data(sitemap.render(pages: site.graph.pages).utf8), origin: "the sitemap"),
            OutputFile(path: "robots.txt", data: Data(sitemap.robots().utf8), origin: "robots.txt"),
        ] + aliases()
    }

    /// The site's Atom feed and those of the sections that want one (front matter `feed`).
    func feeds() -> [OutputFile] {
        let (config, graph) = (site.config, site.graph)
        let feed = AtomFeed(config: config, urls: site.urls)
        var feeds = [OutputFile(
            path: String(SiteContext.feedPath.dropFirst()),
            data: Data(feed.render(
                title: config.title, feedPath: SiteContext.feedPath, pageURL: "/", pages: graph.pages, bodies: site.bodies,
                indices: Array(graph.pages.indices)).utf8),
            origin: "the site's Atom feed")]
        for section in graph.sections.values.sorted(by: { $0.path < $1.path }) where section.parent != nil {
            let page = graph.pages[section.pageIndex]
            guard page.frontMatter.feed else { continue }
            let path = page.url + "atom.xml"
            feeds.append(OutputFile(
                path: String(path.dropFirst()),
                data: Data(feed.render(
                    title: "\(page.title) | \(config.title)", feedPath: path, pageURL: page.url, pages: graph.pages, bodies: site.bodies,
                    indices: section.pageIndices).utf8),
                origin: "the Atom feed of \(page.source.sourcePath)"))
        }
        return feeds
    }

    /// A redirect page at each old URL of a page (front matter `aliases`).
    func aliases() -> [OutputFile] {
        let aliasPage = AliasPage(urls: site.urls, language: site.config.language)
        return site.graph.pages.flatMap { page in
            page.frontMatter.aliases.map { alias in
                OutputFile(
                    path: AliasPage.outputPath(of: alias), data: Data(aliasPage.render(title: page.title, target: page.url).utf8),
                    origin: "alias '\(alias)' of \(page.source.sourcePath)")
            }
        }
    }
}
