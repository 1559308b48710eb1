import TeigenContent
import TeigenCore

/// The `site` value every page shares (all of it but `menus`, which mark the current page).
enum SiteValues {
    static func site(
        config: SiteConfig, urls: SiteURLs, graph: ContentGraph, summaries: [TemplateValue], data: TemplateValue, feedPath: String,
        generator: String
    ) -> TemplateValue {
        let newest = graph.pages.compactMap { $0.frontMatter.lastmod ?? $0.frontMatter.date }.max()
        let sections: [TemplateValue] = graph.sections.values.filter { $0.parent != nil }
            .sorted { ContentGraph.order(graph.pages[$0.pageIndex], graph.pages[$1.pageIndex]) }
            .map { section in
                let page = graph.pages[section.pageIndex]
                return .map([
                    ("name", .string(page.sectionPath.split(separator: "/").last.map(String.init) ?? "")),
                    ("title", .string(page.title)), ("url", .string(urls.rooted(page.url))),
                    ("pages", .array(section.pageIndices.map { summaries[$0] })),
                ])
            }
        return .map([
            ("title", .string(config.title)), ("description", .string(config.description)),
            ("baseURL", .string(config.baseURL)), ("basePath", .string(urls.basePath)),
            ("language", .string(config.language)), ("author", .string(config.author)),
            ("publisher", .string(config.publisher)), ("params", config.params), ("data", data),
            ("sections", .array(sections)), ("search", .bool(config.search)),
            ("feedURL", .string(urls.rooted(feedPath))), ("generator", .string(generator)),
            ("lastmod", .string(newest.map { $0.formatted(config.dateFormat) } ?? "")),
            ("lastmodISO", .string(newest?.isoDate ?? "")), ("year", newest.map { .int($0.year) } ?? .null),
        ])
    }
}
