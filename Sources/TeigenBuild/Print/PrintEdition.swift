import Foundation
import TeigenContent
import TeigenCore
import TeigenTheme

/// Makes the HTML of a print document from the build's contexts: the pages it lists, each rendered with
/// the theme's print template for it, as chapters of one document (`print/document.mustache`).
///
/// ```swift
/// let edition = PrintEdition(site: site, theme: theme)       // after the contexts step
/// let job = try edition.job(for: document, resources: resources)
/// let pdf = try await engine.print(job)
/// ```
///
/// Each page is rendered with its own template context (the one its web page has: `page`, `site`, `data`)
/// plus `print` (`anchor`, `runningHead`, `language`, `lang.LANG`), by the first of `print/` + the names
/// the site would try for it (`print/members/section`, `print/section`…) that exists, else `print/page`.
/// Its body is made fit for a shared document first: ids prefixed by its chapter anchor, links to pages of
/// the document turned into links inside it, footnotes moved to their references (``PrintLinks``,
/// ``FootnoteInliner``). The `asset` lambda gives an asset's path in the output (`css/print.3f2a9c1b.css`),
/// where the engine finds it among the job's files.
struct PrintEdition: Sendable {
    let site: SiteContext
    let theme: Theme
    /// The generator named in the PDF's metadata (`Teigen 1.2.0`).
    let generator: String

    init(site: SiteContext, theme: Theme, generator: String = SiteContext.generator) {
        self.site = site
        self.theme = theme
        self.generator = generator
    }

    /// The shared context of the print templates of a document in `language`: that language's, with the
    /// `asset` lambda giving paths relative to the output's root.
    private func shared(_ language: String) -> SharedContext {
        let parts = (site.languages[language] ?? site.languages[site.config.defaultLanguage.code])!.shared
        var lambdas = parts.lambdas
        let assets = site.assets
        lambdas["asset"] = TemplateLambda { name in assets.asset(named: name).map { URLPath.encode($0.outputPath) } ?? "" }
        return SharedContext(values: parts.values, lambdas: lambdas)
    }

    /// The template that lays out the whole document.
    static let documentTemplate = "print/document"

    /// What the engine needs for `document`: its HTML and the files of `resources` the HTML refers to.
    func job(for document: PrintDocument, resources: PrintResources) throws(DiagnosticError) -> PrintJob {
        let html = try html(for: document)
        return PrintJob(document: document, html: html, resources: resources.referenced(by: html))
    }

    /// The HTML of `document`.
    func html(for document: PrintDocument) throws(DiagnosticError) -> String {
        let indices = try Self.pageIndices(of: document, in: site.graph)
        try checkTemplates(for: document)
        let pages = site.graph.pages
        let links = PrintLinks(
            urls: site.urls, anchors: Dictionary(uniqueKeysWithValues: indices.map { (pages[$0].url, PrintLinks.anchor(ofPageAt: pages[$0].url)) }))
        let shared = shared(document.language)
        let chapters = indices.map { chapter(at: $0, of: document, links: links, shared: shared) }
        let context = TemplateContext(shared: shared, own: ["document": documentValue(document, pages: indices), "chapters": .array(chapters)])
        return theme.render(Self.documentTemplate, context: context)
    }

    /// The pages `document` holds, in its order: each content path names a page, and the document holds that
    /// page in its own language (`_index.md` in an English document is `_index.en.md`), as menus name pages.
    /// A path that is not a page, or a page with no version in the document's language, is an error at its line.
    static func pageIndices(of document: PrintDocument, in graph: ContentGraph) throws(DiagnosticError) -> [Int] {
        var indices: [Int] = []
        var errors: [Diagnostic] = []
        for (path, location) in zip(document.pages, document.pageLocations) {
            guard let named = graph.indexByContentPath[path] else {
                errors.append(.error("the print document '\(document.outputPath)' lists page '\(path)', which does not exist in content/", at: location))
                continue
            }
            guard let index = graph.translation(of: named, in: document.language) else {
                errors.append(.error(
                    "the print document '\(document.outputPath)' (\(document.language)) lists page '\(path)', which has no \(document.language) version",
                    at: location))
                continue
            }
            indices.append(index)
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
        let page = site.graph.pages[index]
        let sections = page.sectionPath.split(separator: "/").map(String.init)
        let candidates = TemplateLookup().candidates(kind: page.kind, layout: page.frontMatter.layout, sections: sections).map { "print/" + $0 }
        return candidates.first(where: theme.has) ?? "print/page"
    }

    /// One page as a chapter: its rendered print template and what the contents list shows of it.
    private func chapter(at index: Int, of document: PrintDocument, links: PrintLinks, shared: SharedContext) -> TemplateValue {
        let page = site.graph.pages[index]
        let anchor = PrintLinks.anchor(ofPageAt: page.url)
        let body = FootnoteInliner().inline(links.rewrite(site.bodies[index].html, page: page.url, anchor: anchor))
        var context = site.context(for: PageTarget(index: index))
        context = TemplateContext(shared: shared, own: context.own)
        context.own["page"] = (context.own["page"] ?? .map([])).merging(.map([("content", .string(body))]))
        context.own["print"] = .map([
            ("anchor", .string(anchor)), ("runningHead", .string(Self.runningHead(of: page))),
            ("language", .string(document.language)), ("lang", .map([(document.language, .bool(true))])),
        ])
        let html = theme.render(template(forPageAt: index), context: context)
        let toc = site.bodies[index].tableOfContents.filter { $0.level == 2 }.map { entry in
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
        if let head = PageSummary.params(of: page.frontMatter)["runningHead"]?.stringValue { return head }
        let title = page.title
        for separator in ["：", ": "] {
            if let range = title.range(of: separator), range.lowerBound > title.startIndex { return String(title[..<range.lowerBound]) }
        }
        return title
    }

    /// `document` for the template: its metadata and cover; its date is the newest date among its pages.
    private func documentValue(_ document: PrintDocument, pages: [Int]) -> TemplateValue {
        let language = site.config.language(document.language) ?? site.config.defaultLanguage
        let dates = pages.compactMap { site.graph.pages[$0].frontMatter.date }
        var pairs: [(String, TemplateValue)] = [
            ("title", .string(document.title)), ("runningHead", .string(document.runningHead ?? document.title)),
            ("language", .string(document.language)),
            ("lang", .map([(document.language, .bool(true))])), ("author", .string(language.author)),
            ("subject", .string(document.subject ?? language.description)), ("generator", .string(generator)),
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
