import Foundation
import TeigenContent
import TeigenCore
import TeigenTheme

/// The files a build makes besides pages (the `generated files` step): the not-found pages, the feeds of each
/// language, section and term (Atom and JSON Feed, ``FeedList``), the JSON lists of `outputs: [html, json]`,
/// `sitemap.xml`, `robots.txt`, `.nojekyll`, the redirect pages of `aliases` and the first pages of paginated lists,
/// and the BibTeX and RIS files of the pages with a `citation`.
/// The Atom feeds, the sitemap and `robots.txt` are written by templates (``BuiltInTemplates``); a file of
/// `static/` named `robots.txt`, `sitemap.xml` or `.nojekyll` is published in place of Teigen's.
struct GeneratedFiles {
    let site: SiteContext
    let theme: Theme
    /// The paths of the files of `static/`.
    var staticPaths: Set<String> = []

    /// The files Teigen writes at the site's root unless `static/` has one of the same name.
    static let yieldingToStatic = [".nojekyll", "robots.txt", "sitemap.xml"]

    /// Every generated file; `notFound` are the rendered not-found pages (``PageRenderer/notFoundPages()``).
    func files(notFound: [OutputFile]) -> [OutputFile] {
        notFound + pageContents() + rootFiles() + aliases() + pagerAliases() + citations()
    }

    /// `citation.bib` and `citation.ris` beside each page with a `citation`.
    func citations() -> [OutputFile] {
        site.publication.citations.sorted { $0.key < $1.key }.flatMap { index, citation in
            let origin = "the citation of \(site.graph.pages[index].source.sourcePath)"
            return [
                OutputFile(path: String(citation.bibTeXPath.dropFirst()), data: Data(BibTeXEntry(citation: citation).text.utf8), origin: origin),
                OutputFile(path: String(citation.risPath.dropFirst()), data: Data(RISRecord(citation: citation).text.utf8), origin: origin),
            ]
        }
    }

    /// The files that hold pages' contents or summaries (the feeds and the JSON lists), which an edit of a page's
    /// text can change (``BodyEdit``).
    func pageContents() -> [OutputFile] {
        feeds() + jsonLists()
    }

    /// The static files used in place of generated ones (for `teigen build --verbose`).
    var overrides: [Override] {
        Self.yieldingToStatic.filter(staticPaths.contains).map { Override(file: "static/" + $0, replaces: "the \($0) Teigen writes") }
    }

    /// `sitemap.xml`, `robots.txt` and `.nojekyll`, unless `static/` has its own.
    func rootFiles() -> [OutputFile] {
        let sitemap = Sitemap(urls: site.urls)
        let shared = site.languages[site.config.defaultLanguage.code]!.shared
        let files = [
            // GitHub Pages would otherwise run Jekyll, which drops files and folders starting with '_'.
            OutputFile(path: ".nojekyll", data: Data(), origin: "Teigen (for GitHub Pages)"),
            OutputFile(
                path: "sitemap.xml", data: Data(theme.render("sitemap.xml", context: TemplateContext(shared: shared, own: ["sitemap": sitemap.value(graph: site.graph)])).utf8),
                origin: "the sitemap"),
            OutputFile(
                path: "robots.txt", data: Data(theme.render("robots.txt", context: TemplateContext(shared: shared, own: ["robots": sitemap.robots()])).utf8),
                origin: "robots.txt"),
        ]
        return files.filter { !staticPaths.contains($0.path) }
    }

    /// Every feed of ``FeedList``, as Atom and as JSON Feed.
    func feeds() -> [OutputFile] {
        let graph = site.graph
        return FeedList.feeds(of: graph).flatMap { feed in
            let folder = String(graph.pages[feed.pageIndex].url.dropFirst())
            let shared = site.languages[feed.language.code]!.shared
            let atom = AtomFeed(feed: feed, urls: site.urls).value(graph: graph, bodies: site.bodies)
            return [
                OutputFile(
                    path: folder + FeedList.atomName, data: Data(theme.render("atom.xml", context: TemplateContext(shared: shared, own: ["feed": atom])).utf8),
                    origin: feed.origin),
                OutputFile(path: folder + FeedList.jsonName, data: JSONFeed(feed, graph: graph, bodies: site.bodies, urls: site.urls).data(), origin: feed.origin),
            ]
        }
    }

    /// `index.json` of each list page with `outputs: [html, json]`.
    func jsonLists() -> [OutputFile] {
        let graph = site.graph
        return graph.pages.indices.filter { graph.pages[$0].frontMatter.outputs.contains(.json) }.map { index in
            let page = graph.pages[index]
            return OutputFile(
                path: String(page.url.dropFirst()) + JSONList.fileName, data: JSONList.data(ofPageAt: index, graph: graph, bodies: site.bodies, urls: site.urls),
                origin: "the JSON list of \(page.source.sourcePath)")
        }
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

    /// A redirect from page 1 of each paginated list (`/proposals/page/1/`) to the list itself (`/proposals/`).
    func pagerAliases() -> [OutputFile] {
        let graph = site.graph
        return graph.paginations.keys.sorted().map { index in
            let page = graph.pages[index]
            let pagination = graph.paginations[index]!
            let aliasPage = AliasPage(urls: site.urls, language: page.language)
            return OutputFile(
                path: String((pagination.firstPath + pagination.segment + "/1/").dropFirst()) + "index.html",
                data: Data(aliasPage.render(title: page.title, target: page.url).utf8), origin: "page 1 of the list of \(page.source.sourcePath)")
        }
    }
}
