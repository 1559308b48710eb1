import Foundation
import TeigenContent
import TeigenCore

/// `index.json` beside a list page whose front matter says `outputs: [html, json]`: the list's pages (all of them,
/// whatever `paginate` says) as a JSON array for scripts, made from data with Foundation's `JSONEncoder` (never from
/// a template), so every value is escaped as JSON requires. Each entry: `title`, `url` and `permalink`, `date` and
/// `lastmod` (ISO 8601, at the precision written, or null), `description`, `summary` (text), `readingTime`,
/// `language`, `kind`, `taxonomies` (by name, each term's `title`, `slug` and `url`) and `params`.
enum JSONList {
    static let fileName = "index.json"

    /// The JSON of list page `index`.
    static func data(ofPageAt index: Int, graph: ContentGraph, bodies: [PageBody], urls: SiteURLs) -> Data {
        let entries: [TemplateValue] = graph.listedPages(of: index).map { listed in
            let page = graph.pages[listed]
            let matter = page.frontMatter
            let taxonomies: [(String, TemplateValue)] = page.termPages.keys.sorted().map { name in
                (name, .array(page.termPages[name]!.map { term in
                    .map([
                        ("title", .string(graph.pages[term].title)), ("slug", .string(PageSummary.slug(of: graph.pages[term]))),
                        ("url", .string(urls.rooted(graph.pages[term].url))),
                    ])
                }))
            }
            return .map([
                ("title", .string(page.title)), ("url", .string(urls.rooted(page.url))), ("permalink", .string(urls.absolute(page.url))),
                ("date", matter.date.map { .string($0.isoDate) } ?? .null), ("lastmod", matter.lastmod.map { .string($0.isoDate) } ?? .null),
                ("description", .string(PageSummary.description(of: page, body: bodies[listed]))), ("summary", .string(bodies[listed].summaryText)),
                ("readingTime", .int(bodies[listed].readingMinutes)), ("language", .string(page.language)), ("kind", .string(page.kind.rawValue)),
                ("taxonomies", .map(taxonomies)), ("params", PageSummary.params(of: matter)),
            ])
        }
        return JSONOutput.data(of: TemplateValue.array(entries))
    }
}
