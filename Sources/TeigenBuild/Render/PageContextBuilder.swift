import Foundation
import TeigenContent
import TeigenCore
import TeigenMarkdown

/// Builds the template context of each page (see the README's "Template variables").
/// The `site` value is built once per build and shared by every page.
struct PageContextBuilder: Sendable {
    let config: SiteConfig
    private(set) var graph: ContentGraph
    private(set) var bodies: [RenderedMarkdown]
    let urls: SiteURLs
    let data: TemplateValue
    /// `site` without `menus` (which mark the current page).
    private(set) var sharedSite: [(String, TemplateValue)]
    /// Page summaries by page index, for lists.
    private(set) var summaries: [TemplateValue]

    /// Where the site's feed is (`site.feedURL`) and what made the site (`site.generator`).
    let feedPath: String
    let generator: String

    /// - Parameter summaries: each page's ``summary(of:graph:bodies:urls:config:)`` by page index
    ///   (made by the caller, in parallel).
    init(
        config: SiteConfig, urls: SiteURLs, graph: ContentGraph, bodies: [RenderedMarkdown], data: TemplateValue, feedPath: String,
        generator: String, summaries: [TemplateValue]
    ) {
        self.config = config
        self.graph = graph
        self.bodies = bodies
        self.data = data
        self.urls = urls
        self.feedPath = feedPath
        self.generator = generator
        self.summaries = summaries
        sharedSite = Self.sharedSite(config: config, urls: urls, graph: graph, summaries: summaries, data: data, feedPath: feedPath, generator: generator)
    }

    /// This builder after the Markdown body of page `index` changed and nothing else (its front matter
    /// is the same): the page's summary is made again, and `site.sections` when the summary changed.
    /// - Returns: the builder and whether the summary changed (lists that show it must be rendered again).
    func replacingBody(ofPageAt index: Int, with body: RenderedMarkdown, graph: ContentGraph) -> (PageContextBuilder, summaryChanged: Bool) {
        var copy = self
        copy.graph = graph
        copy.bodies[index] = body
        let summary = Self.summary(of: index, graph: graph, bodies: copy.bodies, urls: urls, config: config)
        guard summary != summaries[index] else { return (copy, false) }
        copy.summaries[index] = summary
        copy.sharedSite = Self.sharedSite(
            config: config, urls: urls, graph: graph, summaries: copy.summaries, data: data, feedPath: feedPath, generator: generator)
        return (copy, true)
    }

    /// `site` without `menus`: the same for every page.
    static func sharedSite(
        config: SiteConfig, urls: SiteURLs, graph: ContentGraph, summaries: [TemplateValue], data: TemplateValue, feedPath: String,
        generator: String
    ) -> [(String, TemplateValue)] {
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
        return [
            ("title", .string(config.title)), ("description", .string(config.description)),
            ("baseURL", .string(config.baseURL)), ("basePath", .string(urls.basePath)),
            ("language", .string(config.language)), ("author", .string(config.author)),
            ("publisher", .string(config.publisher)), ("params", config.params), ("data", data),
            ("sections", .array(sections)), ("search", .bool(config.search)),
            ("feedURL", .string(urls.rooted(feedPath))), ("generator", .string(generator)),
            ("lastmod", .string(newest.map { $0.formatted(config.dateFormat) } ?? "")),
            ("lastmodISO", .string(newest?.isoDate ?? "")), ("year", newest.map { .int($0.year) } ?? .null),
        ]
    }

    /// The pages whose context shows page `index`'s summary in a list (`page.pages`, `page.subsections`),
    /// apart from `site.sections`, which every page has.
    func listings(of index: Int) -> Set<Int> {
        var result = Set<Int>()
        for section in graph.sections.values where section.positions[index] != nil {
            result.insert(section.pageIndex)
            if let parent = section.parent, let parentSection = graph.sections[parent] { result.insert(parentSection.pageIndex) }
        }
        return result
    }

    /// The short form of a page used in lists.
    static func summary(of index: Int, graph: ContentGraph, bodies: [RenderedMarkdown], urls: SiteURLs, config: SiteConfig) -> TemplateValue {
        let page = graph.pages[index]
        let body = bodies[index]
        let matter = page.frontMatter
        return .map([
            ("title", .string(page.title)), ("url", .string(urls.rooted(page.url))),
            ("permalink", .string(urls.absolute(page.url))),
            ("description", .string(description(of: page, body: body))),
            ("summary", .string(body.summaryHTML)), ("summaryText", .string(body.summaryText)),
            ("date", .string(matter.date?.formatted(config.dateFormat) ?? "")), ("dateISO", .string(matter.date?.isoDate ?? "")),
            ("hasDate", .bool(matter.date != nil)),
            ("weight", matter.weight.map { .int($0) } ?? .null), ("readingTime", .int(body.readingMinutes)),
            ("params", params(of: matter)), ("slug", .string(slug(of: page))),
        ])
    }

    static func params(of matter: FrontMatter) -> TemplateValue {
        matter.params.merging(matter.extra)
    }

    static func slug(of page: Page) -> String {
        page.url.split(separator: "/").last.map(String.init) ?? ""
    }

    static func description(of page: Page, body: RenderedMarkdown) -> String {
        if let description = page.frontMatter.description { return description }
        // Lines joined with spaces, cut at 120 characters; done on bytes and scalars, not grapheme clusters (hot path).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.summaryText.utf8.count)
        var pendingBreak = false
        for byte in body.summaryText.utf8 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                pendingBreak = true
                continue
            }
            if pendingBreak, !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
            pendingBreak = false
            bytes.append(byte)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let scalars = text.unicodeScalars
        guard scalars.count > 120 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(119))) + "…"
    }

    /// The menus with the entries leading to (or above) the page at `url` marked.
    func menus(forPageAt url: String) throws(DiagnosticError) -> TemplateValue {
        var menus: [(String, TemplateValue)] = []
        for name in config.menus.keys.sorted() {
            var entries: [TemplateValue] = []
            for entry in config.menus[name]! {
                let target: String
                var external = false
                switch entry.target {
                case .page(let contentPath):
                    guard let index = graph.indexByContentPath[contentPath] else {
                        throw DiagnosticError(.error(
                            "menu entry '\(entry.name)' points at page '\(contentPath)', which does not exist in content/",
                            at: entry.location, source: config.path == entry.location.path ? nil : nil))
                    }
                    target = graph.pages[index].url
                case .url(let address):
                    external = URLPath.isExternal(address)
                    target = address
                }
                let current = !external && target == url
                let active = !external && (current || (target != "/" && url.hasPrefix(target)))
                entries.append(.map([
                    ("name", .string(entry.name)), ("url", .string(external ? target : urls.rooted(target))),
                    ("current", .bool(current)), ("active", .bool(active)), ("external", .bool(external)),
                ]))
            }
            menus.append((name, .array(entries)))
        }
        return .map(menus)
    }

    /// The full context of page `index`.
    func context(forPageAt index: Int) throws(DiagnosticError) -> [String: TemplateValue] {
        let page = graph.pages[index]
        let body = bodies[index]
        let matter = page.frontMatter
        let site = TemplateValue.map(sharedSite + [("menus", try menus(forPageAt: page.url))])
        var fields = summaries[index].mapPairs
        let topSection = page.sectionPath.split(separator: "/").first.map(String.init) ?? (page.kind == .section ? page.sectionPath : "")
        let sectionFolder = page.kind == .section ? (graph.sections[page.sectionPath]?.parent ?? "") : page.sectionPath
        let sectionPage = graph.sections[sectionFolder].map { graph.pages[$0.pageIndex] }
        fields += [
            ("content", .string(body.html)), ("kind", .string(page.kind.rawValue)),
            ("isHome", .bool(page.kind == .home)), ("isSection", .bool(page.kind == .section)), ("isPage", .bool(page.kind == .page)),
            ("lastmod", .string(matter.lastmod?.formatted(config.dateFormat) ?? "")),
            ("lastmodISO", .string(matter.lastmod?.isoDate ?? "")), ("hasLastmod", .bool(matter.lastmod != nil)),
            ("language", .string(config.language)),
            ("toc", .array(body.tableOfContents.map(Self.tocValue))), ("hasToc", .bool(Self.tocCount(body.tableOfContents) >= 2)),
            ("section", .string(topSection)), ("sectionTitle", .string(sectionPage?.title ?? "")),
            ("sectionURL", .string(sectionPage.map { urls.rooted($0.url) } ?? "")),
            ("breadcrumbs", .array(breadcrumbs(of: index))),
            ("ogType", .string(page.kind == .home ? "website" : "article")),
            ("ogImage", .string(ogImage(of: matter))),
            ("jsonLD", .string(JSONLD.object(for: page, description: summaries[index]["description"]?.stringValue ?? "", config: config, urls: urls))),
        ]
        if let previous = graph.previous(of: index) { fields.append(("previous", link(to: previous))) }
        if let next = graph.next(of: index) { fields.append(("next", link(to: next))) }
        if let section = graph.sections[page.sectionPath], page.kind != .page {
            fields.append(("pages", .array(section.pageIndices.map { summaries[$0] })))
            fields.append(("hasPages", .bool(!section.pageIndices.isEmpty)))
            fields.append(("subsections", .array(section.subsections.compactMap { folder in
                guard let sub = graph.sections[folder] else { return nil }
                let subPage = graph.pages[sub.pageIndex]
                return .map([
                    ("name", .string(folder.split(separator: "/").last.map(String.init) ?? "")), ("title", .string(subPage.title)),
                    ("url", .string(urls.rooted(subPage.url))), ("pages", .array(sub.pageIndices.map { summaries[$0] })),
                ])
            })))
        }
        return ["site": site, "page": .map(fields), "data": data]
    }

    /// The context of the not-found page.
    func notFoundContext() throws(DiagnosticError) -> [String: TemplateValue] {
        let site = TemplateValue.map(sharedSite + [("menus", try menus(forPageAt: "/404.html"))])
        let page: TemplateValue = .map([
            ("title", .string("404")), ("description", .string(config.description)), ("kind", .string("404")),
            ("url", .string(urls.rooted("/404.html"))), ("permalink", .string(urls.absolute("/404.html"))),
            ("isHome", .bool(false)), ("isSection", .bool(false)), ("isPage", .bool(false)),
            ("breadcrumbs", .array([])), ("language", .string(config.language)), ("ogType", .string("website")),
            ("jsonLD", .string(JSONLD.encode([("@context", .string("https://schema.org")), ("@type", .string("WebPage")), ("name", .string(config.title))]))),
        ])
        return ["site": site, "page": page, "data": data]
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

    private func ogImage(of matter: FrontMatter) -> String {
        guard let image = (matter.params.merging(matter.extra))["image"]?.stringValue ?? config.params["image"]?.stringValue else { return "" }
        return URLPath.isExternal(image) ? image : urls.absolute(image)
    }

    static func tocValue(_ entry: TOCEntry) -> TemplateValue {
        .map([
            ("id", .string(entry.id)), ("title", .string(entry.title)), ("level", .int(entry.level)),
            ("children", .array(entry.children.map(tocValue))),
        ])
    }

    static func tocCount(_ entries: [TOCEntry]) -> Int {
        entries.reduce(0) { $0 + 1 + tocCount($1.children) }
    }
}
