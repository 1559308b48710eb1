import TeigenContent
import TeigenCore

/// The `page` value of each page (see the README's "Template variables"): what differs between pages.
struct PageValues {
    let urls: SiteURLs
    let graph: ContentGraph
    let bodies: [PageBody]
    /// Each page's ``PageSummary``, by page index.
    let summaries: [TemplateValue]

    /// The `page` value of page `index`.
    func value(forPageAt index: Int) -> TemplateValue {
        let page = graph.pages[index]
        let body = bodies[index]
        let matter = page.frontMatter
        let language = graph.language(of: index)
        var fields = summaries[index].mapPairs
        let topSection = page.sectionPath.split(separator: "/").first.map(String.init) ?? (page.kind == .section ? page.sectionPath : "")
        let sectionKey = page.kind == .section ? graph.sections[page.sectionKey]?.parent : page.sectionKey
        let sectionPage = sectionKey.flatMap { graph.sections[$0] }.map { graph.pages[$0.pageIndex] }
        fields += [
            ("content", .string(body.html)), ("kind", .string(page.kind.rawValue)),
            ("isHome", .bool(page.kind == .home)), ("isSection", .bool(page.kind == .section)), ("isPage", .bool(page.kind == .page)),
            ("lastmod", .string(matter.lastmod?.formatted(language.dateFormat) ?? "")),
            ("lastmodISO", .string(matter.lastmod?.isoDate ?? "")), ("hasLastmod", .bool(matter.lastmod != nil)),
            ("toc", .array(body.tableOfContents.map(Self.tocValue))), ("hasToc", .bool(PageHeading.count(body.tableOfContents) >= 2)),
            ("section", .string(topSection)), ("sectionTitle", .string(sectionPage?.title ?? "")),
            ("sectionURL", .string(sectionPage.map { urls.rooted($0.url) } ?? "")),
            ("breadcrumbs", .array(breadcrumbs(of: index))),
            ("ogType", .string(page.kind == .home ? "website" : "article")),
            ("ogImage", .string(ogImage(of: matter, language: language))),
            ("jsonLD", .string(JSONLD.object(forPageAt: index, graph: graph, description: summaries[index]["description"]?.stringValue ?? "", urls: urls))),
        ]
        fields += TranslationValues(graph: graph, urls: urls).fields(ofPageAt: index)
        if let previous = graph.previous(of: index) { fields.append(("previous", link(to: previous))) }
        if let next = graph.next(of: index) { fields.append(("next", link(to: next))) }
        if let section = graph.sections[page.sectionKey], page.kind != .page {
            fields.append(("pages", .array(section.pageIndices.map { summaries[$0] })))
            fields.append(("hasPages", .bool(!section.pageIndices.isEmpty)))
            fields.append(("subsections", .array(section.subsections.compactMap { key in
                guard let sub = graph.sections[key] else { return nil }
                let subPage = graph.pages[sub.pageIndex]
                return .map([
                    ("name", .string(key.folder.split(separator: "/").last.map(String.init) ?? "")), ("title", .string(subPage.title)),
                    ("url", .string(urls.rooted(subPage.url))), ("pages", .array(sub.pageIndices.map { summaries[$0] })),
                ])
            })))
        }
        return .map(fields)
    }

    /// The site path of `language`'s not-found page: `/404.html`, `/en/404.html`.
    static func notFoundPath(of language: Language) -> String {
        language.rootPath + "404.html"
    }

    /// The `page` value of `language`'s not-found page.
    static func notFound(language: Language, graph: ContentGraph, urls: SiteURLs) -> TemplateValue {
        let path = notFoundPath(of: language)
        return .map([
            ("title", .string("404")), ("description", .string(language.description)), ("kind", .string("404")),
            ("url", .string(urls.rooted(path))), ("permalink", .string(urls.absolute(path))),
            ("isHome", .bool(false)), ("isSection", .bool(false)), ("isPage", .bool(false)),
            ("breadcrumbs", .array([])), ("language", .string(language.code)), ("languageName", .string(language.name)),
            ("isDefaultLanguage", .bool(language.isDefault)), ("ogType", .string("website")),
            ("otherLanguages", .array(TranslationValues(graph: graph, urls: urls).otherLanguages(than: language, translations: []))),
            ("jsonLD", .string(JSONLD.encode([("@context", .string("https://schema.org")), ("@type", .string("WebPage")), ("name", .string(language.title))]))),
        ])
    }

    private func link(to index: Int) -> TemplateValue {
        let page = graph.pages[index]
        return .map([("title", .string(page.title)), ("url", .string(urls.rooted(page.url)))])
    }

    private func breadcrumbs(of index: Int) -> [TemplateValue] {
        guard graph.pages[index].kind != .home else { return [] }
        return (graph.ancestors(of: index) + [index]).map { crumb in
            let page = graph.pages[crumb]
            return .map([("title", .string(page.title)), ("url", .string(urls.rooted(page.url))), ("current", .bool(crumb == index))])
        }
    }

    private func ogImage(of matter: FrontMatter, language: Language) -> String {
        guard let image = PageSummary.params(of: matter)["image"]?.stringValue ?? language.params["image"]?.stringValue else { return "" }
        return URLPath.isExternal(image) ? image : urls.absolute(image)
    }

    static func tocValue(_ entry: PageHeading) -> TemplateValue {
        .map([
            ("id", .string(entry.id)), ("title", .string(entry.title)), ("level", .int(entry.level)),
            ("children", .array(entry.children.map(tocValue))),
        ])
    }
}
