import Foundation
import TeigenContent
import TeigenCore

/// The files a build makes besides pages (the `generated files` step): the not-found pages, the Atom
/// feeds of each language, `sitemap.xml`, `robots.txt`, `.nojekyll` and the redirect pages of `aliases`.
struct GeneratedFiles {
    let site: SiteContext

    /// Every generated file; `notFound` are the rendered not-found pages (``PageRenderer/notFoundPages()``).
    func files(notFound: [OutputFile]) -> [OutputFile] {
        let sitemap = Sitemap(urls: site.urls)
        return notFound + feeds() + [
            // GitHub Pages would otherwise run Jekyll, which drops files and folders starting with '_'.
            OutputFile(path: ".nojekyll", data: Data(), origin: "Teigen (for GitHub Pages)"),
            OutputFile(path: "sitemap.xml", data: Data(sitemap.render(graph: site.graph).utf8), origin: "the sitemap"),
            OutputFile(path: "robots.txt", data: Data(sitemap.robots().utf8), origin: "robots.txt"),
        ] + aliases()
    }

    /// Each language's Atom feed (`/atom.xml`, `/en/atom.xml`) and those of the sections that want one (front
    /// matter `feed`), each listing the pages of its language.
    func feeds() -> [OutputFile] {
        let graph = site.graph
        var feeds: [OutputFile] = []
        for language in site.config.languages {
            let feed = AtomFeed(language: language, urls: site.urls)
            let path = SiteValues.feedPath(of: language)
            feeds.append(OutputFile(
                path: String(path.dropFirst()),
                data: Data(feed.render(
                    title: language.title, feedPath: path, pageURL: language.rootPath, pages: graph.pages, bodies: site.bodies,
                    indices: graph.pages.indices.filter { graph.pages[$0].language == language.code }).utf8),
                origin: language.isDefault ? "the site's Atom feed" : "the \(language.code) Atom feed"))
            for section in graph.sections.values.sorted(by: { $0.path < $1.path }) where section.parent != nil && section.language == language.code {
                let page = graph.pages[section.pageIndex]
                guard page.frontMatter.feed else { continue }
                let path = page.url + "atom.xml"
                feeds.append(OutputFile(
                    path: String(path.dropFirst()),
                    data: Data(feed.render(
                        title: "\(page.title) | \(language.title)", feedPath: path, pageURL: page.url, pages: graph.pages, bodies: site.bodies,
                        indices: section.pageIndices).utf8),
                    origin: "the Atom feed of \(page.source.sourcePath)"))
            }
        }
        return feeds
    }

    /// A redirect page at each old URL of a page (front matter `aliases`; within the page's language, as its `url`).
    func aliases() -> [OutputFile] {
        site.graph.pages.indices.flatMap { index in
            let page = site.graph.pages[index]
            let language = site.graph.language(of: index)
            let aliasPage = AliasPage(urls: site.urls, language: language.code)
            return page.frontMatter.aliases.map { alias in
                OutputFile(
                    path: AliasPage.outputPath(of: language.sitePath(alias)), data: Data(aliasPage.render(title: page.title, target: page.url).utf8),
                    origin: "alias '\(alias)' of \(page.source.sourcePath)")
            }
        }
    }
}
