import TeigenContent
import TeigenCore

/// The `page` value of each page (see the README's "Template variables"): what differs between pages.
struct PageValues {
    let urls: SiteURLs
    let graph: ContentGraph
    let bodies: [PageBody]
    /// Each page's ``PageSummary``, by page index.
    let summaries: [TemplateValue]
    /// `subsections` of each section with subsections (``subsections(graph:summaries:urls:)``).
    let subsections: [SectionKey: TemplateValue]
    let taxonomies: TaxonomyValues
    /// The related pages of the pages whose templates show them, by page index.
    let related: [Int: [Int]]
    /// The pages whose templates read `jsonLD`: the others are not given it (it costs a JSON encoding a page).
    let jsonLD: Set<Int>
    /// Citations, print editions and share images.
    let publication: PublicationValues

    /// The `page` value of page `number` of page `index` (a list cut into pages has more than one).
    func value(of target: PageTarget) -> TemplateValue {
        let index = target.index
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
            ("isTaxonomy", .bool(page.kind == .taxonomy)), ("isTerm", .bool(page.kind == .term)),
            ("lastmod", .string(matter.lastmod?.formatted(language.dateFormat) ?? "")),
            ("lastmodISO", .string(matter.lastmod?.isoDate ?? "")), ("hasLastmod", .bool(matter.lastmod != nil)),
            ("toc", .array(body.tableOfContents.map(Self.tocValue))), ("hasToc", .bool(PageHeading.count(body.tableOfContents) >= 2)),
            ("section", .string(topSection)), ("sectionTitle", .string(sectionPage?.title ?? "")),
            ("sectionURL", .string(sectionPage.map { urls.rooted($0.url) } ?? "")),
            ("breadcrumbs", .array(breadcrumbs(of: index))),
            ("ogType", .string(page.kind == .home ? "website" : "article")),
            ("titleIsSiteTitle", .bool(page.title == language.title)),
        ]
        if jsonLD.contains(index) {
            let description = summaries[index]["description"]?.stringValue ?? ""
            fields.append(("jsonLD", .string(JSONLD.object(forPageAt: index, graph: graph, description: description, urls: urls))))
        }
        fields += TranslationValues(graph: graph, urls: urls).fields(of: target)
        fields += taxonomies.pageFields(ofPageAt: index, graph: graph)
        fields += feedFields(ofPageAt: index)
        fields += publication.pairs(forPageAt: index, graph: graph, urls: urls)
        if let previous = graph.previous(of: index) { fields.append(("previous", link(to: previous))) }
        if let next = graph.next(of: index) { fields.append(("next", link(to: next))) }
        if let related = related[index] {
            fields += [("related", .array(related.map { summaries[$0] })), ("hasRelated", .bool(!related.isEmpty))]
        }
        if page.kind != .page {
            var listed = graph.listedPages(of: index)
            if let pagination = graph.paginations[index] {
                listed = Array(listed[pagination.items(onPage: target.number)])
                fields.append(("pager", PagerValue.value(of: pagination, number: target.number, urls: urls)))
            }
            fields += [("pages", .array(listed.map { summaries[$0] })), ("hasPages", .bool(!listed.isEmpty))]
        }
        if target.number > 1 {
            // A later page of a list has its own `url` and `permalink`, in the first page's places.
            let path = graph.sitePath(of: target)
            for (name, value) in [("url", urls.rooted(path)), ("permalink", urls.absolute(path))] {
                if let place = fields.firstIndex(where: { $0.0 == name }) {
                    fields[place].1 = .string(value)
                } else {
                    fields.append((name, .string(value)))
                }
            }
        }
        if page.kind == .home || page.kind == .section, graph.sections[page.sectionKey] != nil {
            fields.append(("subsections", subsections[page.sectionKey] ?? .array([])))
        }
        return .map(fields)
    }

    /// `page.subsections` of each section that has subsections: each subsection's name, title, URL and pages.
    static func subsections(graph: ContentGraph, summaries: [TemplateValue], urls: SiteURLs) -> [SectionKey: TemplateValue] {
        var result: [SectionKey: TemplateValue] = [:]
        for (key, section) in graph.sections where !section.subsections.isEmpty {
            result[key] = .array(section.subsections.compactMap { key in
                guard let sub = graph.sections[key] else { return nil }
                let subPage = graph.pages[sub.pageIndex]
                return .map([
                    ("name", .string(key.folder.split(separator: "/").last.map(String.init) ?? "")), ("title", .string(subPage.title)),
                    ("url", .string(urls.rooted(subPage.url))), ("pages", .array(sub.pageIndices.map { summaries[$0] })),
                ])
            })
        }
        return result
    }

    /// `feedURL` and `jsonFeedURL` of a page with feeds of its own (a language's home, a section with `feed: true`,
    /// a term), and `jsonURL` of a list written as JSON too (`outputs: [html, json]`); null otherwise.
    private func feedFields(ofPageAt index: Int) -> [(String, TemplateValue)] {
        let page = graph.pages[index]
        let hasFeed = FeedList.hasFeeds(page)
        return [
            ("feedURL", hasFeed ? .string(urls.rooted(page.url + FeedList.atomName)) : .null),
            ("jsonFeedURL", hasFeed ? .string(urls.rooted(page.url + FeedList.jsonName)) : .null),
            ("jsonURL", page.frontMatter.outputs.contains(.json) ? .string(urls.rooted(page.url + JSONList.fileName)) : .null),
        ]
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

    static func tocValue(_ entry: PageHeading) -> TemplateValue {
        .map([
            ("id", .string(entry.id)), ("title", .string(entry.title)), ("level", .int(entry.level)),
            ("children", .array(entry.children.map(tocValue))),
        ])
    }
}
