import TeigenContent
import TeigenCore

/// The `site` value that every page of one language shares (all of it but `menus`, which mark the current page).
enum SiteValues {
    static func site(
        language: Language, config: SiteConfig, urls: SiteURLs, graph: ContentGraph, summaries: [TemplateValue], data: TemplateValue,
        generator: String
    ) -> TemplateValue {
        let newest = graph.pages.filter { $0.language == language.code }.compactMap { $0.frontMatter.lastmod ?? $0.frontMatter.date }.max()
        let sections: [TemplateValue] = graph.sections.values.filter { $0.parent != nil && $0.language == language.code }
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
            ("title", .string(language.title)), ("description", .string(language.description)),
            ("baseURL", .string(config.baseURL)), ("basePath", .string(urls.basePath)),
            ("language", .string(language.code)), ("languageName", .string(language.name)),
            ("languages", .array(languages(config, urls: urls, current: language))),
            ("isMultilingual", .bool(config.languages.count > 1)),
            ("author", .string(language.author)), ("publisher", .string(language.publisher)), ("params", language.params), ("data", data),
            ("sections", .array(sections)), ("search", .bool(config.search)),
            ("feedURL", .string(urls.rooted(feedPath(of: language)))), ("generator", .string(generator)),
            ("lastmod", .string(newest.map { $0.formatted(language.dateFormat) } ?? "")),
            ("lastmodISO", .string(newest?.isoDate ?? "")), ("year", newest.map { .int($0.year) } ?? .null),
        ])
    }

    /// The site path of a language's Atom feed: `/atom.xml`, `/en/atom.xml`.
    static func feedPath(of language: Language) -> String {
        language.rootPath + "atom.xml"
    }

    /// `site.languages`: every language of the site, in order, with its home.
    static func languages(_ config: SiteConfig, urls: SiteURLs, current: Language) -> [TemplateValue] {
        config.languages.map { language in
            .map([
                ("code", .string(language.code)), ("name", .string(language.name)), ("title", .string(language.title)),
                ("url", .string(urls.rooted(language.rootPath))), ("permalink", .string(urls.absolute(language.rootPath))),
                ("isDefault", .bool(language.isDefault)), ("current", .bool(language.code == current.code)),
            ])
        }
    }
}
