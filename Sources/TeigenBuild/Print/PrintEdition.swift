import TeigenContent
import TeigenCore
import TeigenMarkdown
import TeigenTheme

/// Makes the HTML of a print document from a finished render: the pages it lists, each rendered with the
/// theme's print template for it, as chapters of one document (`print/document.mustache`).
///
/// ```swift
/// let edition = PrintEdition(state: state)                  // after the render step
/// let html = try edition.html(for: document)
/// let pdf = try await engine.print(html, assets: staging, to: staging.appending(path: document.outputPath))
/// ```
///
/// Each page is rendered with its own template context (the one its web page has: `page`, `site`, `data`)
/// plus `print` (`anchor`, `runningHead`, `language`, `lang.LANG`), by the first of `print/` + the names
/// the site would try for it (`print/members/section`, `print/section`…) that exists, else `print/page`.
/// Its body is made fit for a shared document first: ids prefixed by its chapter anchor, links to pages of
/// the document turned into links inside it, footnotes moved to their references (``PrintLinks``,
/// ``FootnoteInliner``).
struct PrintEdition: Sendable {
    let graph: ContentGraph
    let bodies: [RenderedMarkdown]
    let config: SiteConfig
    let urls: SiteURLs
    let theme: Theme
    let lambdas: [String: @Sendable (String) -> String]
    /// The template context of the page at an index, as its web page has it.
    let context: @Sendable (Int) throws(DiagnosticError) -> [String: TemplateValue]
    /// The generator named in the PDF's metadata (`Teigen 1.2.0`).
    let generator: String

    /// The edition of the site that `state` holds (a full build's render state).
    init(state: RenderState, generator: String = BuildPipeline.generator) {
        let contexts = state.contexts
        self.init(
            graph: state.parsed.graph, bodies: contexts.bodies, config: state.parsed.config, urls: state.urls, theme: state.parsed.theme,
            lambdas: state.lambdas, context: { index throws(DiagnosticError) in try contexts.context(forPageAt: index) }, generator: generator)
    }

    /// - Parameter lambdas: the site's template lambdas; `asset` is changed to give the asset's path relative
    ///   to the output's root, which is where the engine reads the print document's files from.
    init(
        graph: ContentGraph, bodies: [RenderedMarkdown], config: SiteConfig, urls: SiteURLs, theme: Theme,
        lambdas: [String: @Sendable (String) -> String], context: @escaping @Sendable (Int) throws(DiagnosticError) -> [String: TemplateValue],
        generator: String
    ) {
        self.graph = graph
        self.bodies = bodies
        self.config = config
        self.urls = urls
        self.theme = theme
        var lambdas = lambdas
        if let rooted = lambdas["asset"] {
            let links = PrintLinks(urls: urls, anchors: [:])
            lambdas["asset"] = { name in links.source(rooted(name)) }
        }
        self.lambdas = lambdas
        self.context = context
        self.generator = generator
    }

    /// The template that lays out the whole document.
    static let documentTemplate = "print/document"

    /// The HTML of `document`.
    func html(for document: PrintDocument) throws(DiagnosticError) -> String {
        try checkTemplates(for: document)
        let indices = try pageIndices(of: document)
        let links = PrintLinks(
            urls: urls, anchors: Dictionary(uniqueKeysWithValues: indices.map { (graph.pages[$0].url, PrintLinks.anchor(ofPageAt: graph.pages[$0].url)) }))
        var chapters: [TemplateValue] = []
        for index in indices {
            chapters.append(try chapter(at: index, of: document, links: links))
        }
        let context: [String: TemplateValue] = [
            "document": documentValue(document, pages: indices), "chapters": .array(chapters), "site": try self.context(indices[0])["site"] ?? .null,
        ]
        return theme.render(Self.documentTemplate, context: context, lambdas: lambdas)
    }

    /// The page indices of the document's content paths; a path that is not a page is an error.
    private func pageIndices(of document: PrintDocument) throws(DiagnosticError) -> [Int] {
        var indices: [Int] = []
        var errors: [Diagnostic] = []
        for path in document.pages {
            if let index = graph.indexByContentPath[path] {
                indices.append(index)
            } else {
                errors.append(.error("the print document '\(document.outputPath)' lists page '\(path)', which does not exist in content/", at: document.location))
            }
        }
        if indices.isEmpty, errors.isEmpty {
            errors.append(.error("the print document '\(document.outputPath)' lists no pages", at: document.location))
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return indices
    }

    private func checkTemplates(for document: PrintDocument) throws(DiagnosticError) {
        for name in [Self.documentTemplate, "print/page"] where !theme.has(name) {
            throw DiagnosticError(.error(
                "the print document '\(document.outputPath)' needs the theme's template \(name).mustache, which does not exist", at: document.location))
        }
    }

    /// The template a page is printed with: `print/` + the first name the site would try that exists, else `print/page`.
    func template(forPageAt index: Int) -> String {
        let page = graph.pages[index]
        let sections = page.sectionPath.split(separator: "/").map(String.init)
        let candidates = TemplateLookup().candidates(kind: page.kind, layout: page.frontMatter.layout, sections: sections).map { "print/" + $0 }
        return candidates.first(where: theme.has) ?? "print/page"
    }

    /// One page as a chapter: its rendered print template and what the contents list shows of it.
    private func chapter(at index: Int, of document: PrintDocument, links: PrintLinks) throws(DiagnosticError) -> TemplateValue {
        let page = graph.pages[index]
        let anchor = PrintLinks.anchor(ofPageAt: page.url)
        let body = FootnoteInliner().inline(links.rewrite(bodies[index].html, page: page.url, anchor: anchor))
        var context = try self.context(index)
        context["page"] = (context["page"] ?? .map([])).merging(.map([("content", .string(body))]))
        context["print"] = .map([
            ("anchor", .string(anchor)), ("runningHead", .string(Self.runningHead(of: page))),
            ("language", .string(document.language)), ("lang", .map([(document.language, .bool(true))])),
        ])
        let html = theme.render(template(forPageAt: index), context: context, lambdas: lambdas)
        let toc = bodies[index].tableOfContents.filter { $0.level == 2 }.map { entry in
            TemplateValue.map([("id", .string(entry.id)), ("title", .string(entry.title))])
        }
        return .map([
            ("html", .string(html)), ("anchor", .string(anchor)), ("title", .string(page.title)), ("isHome", .bool(page.kind == .home)),
            ("toc", .array(toc)), ("hasToc", .bool(!toc.isEmpty)),
        ])
    }

    /// The running head of a page: its front matter's `runningHead`, else its title up to a colon
    /// (`提言 1：核の不使用継続と…` → `提言 1`).
    static func runningHead(of page: Page) -> String {
        if let head = page.frontMatter.params.merging(page.frontMatter.extra)["runningHead"]?.stringValue { return head }
        let title = page.title
        for separator in ["：", ": "] {
            if let range = title.range(of: separator), range.lowerBound > title.startIndex { return String(title[..<range.lowerBound]) }
        }
        return title
    }

    /// `document` for the template: its metadata and cover; its date is the newest date among its pages.
    private func documentValue(_ document: PrintDocument, pages: [Int]) -> TemplateValue {
        let dates = pages.compactMap { graph.pages[$0].frontMatter.date }
        var pairs: [(String, TemplateValue)] = [
            ("title", .string(document.title)), ("language", .string(document.language)),
            ("lang", .map([(document.language, .bool(true))])), ("author", .string(config.author)),
            ("subject", .string(document.subject ?? config.description)), ("generator", .string(generator)),
            ("dateISO", .string(dates.max()?.isoDate ?? "")),
        ]
        if let cover = document.cover {
            pairs.append(("cover", .map([
                ("title", .string(cover.title ?? document.title)), ("subtitle", cover.subtitle.map { .string($0) } ?? .null),
                ("organisation", .array(cover.organisation.map { .string($0) })), ("group", cover.group.map { .string($0) } ?? .null),
                ("date", cover.date.map { .string($0) } ?? .null),
            ])))
        }
        return .map(pairs)
    }
}
