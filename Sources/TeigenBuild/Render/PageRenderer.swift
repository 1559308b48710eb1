import Foundation
import TeigenCore
import TeigenTheme

/// Renders pages with their templates (the `pages` step, and the not-found page), making their links
/// relative when the site asks for it (`relativeURLs: true`).
struct PageRenderer: Sendable {
    let theme: Theme
    let site: SiteContext
    /// Each page's template, by page index.
    let templates: [String]
    let relativeLinks: RelativeLinks?

    init(theme: Theme, site: SiteContext, templates: [String]) {
        self.theme = theme
        self.site = site
        self.templates = templates
        relativeLinks = site.config.relativeURLs ? RelativeLinks(basePath: site.urls.basePath) : nil
    }

    /// The page at `index`, rendered (with its context, when already made).
    func page(at index: Int, context: TemplateContext? = nil) -> OutputFile {
        let page = site.graph.pages[index]
        let html = html(templates[index], context: context ?? site.context(forPageAt: index), outputPath: page.outputPath)
        return OutputFile(path: page.outputPath, data: Data(html.utf8), origin: page.source.sourcePath)
    }

    /// The not-found page (`404.html`), rendered with the theme's `404` template.
    func notFoundPage() -> OutputFile {
        let html = html("404", context: site.notFoundContext(), outputPath: "404.html")
        return OutputFile(path: "404.html", data: Data(html.utf8), origin: "theme/templates/404.mustache")
    }

    /// Renders every page, several at once, reusing the pages in `memo` whose context and templates did
    /// not change. With a `writer`, each page is written as soon as it is made and not kept in memory.
    /// - Returns: every page, and the paths of those rendered anew.
    func renderPages(jobs: Int, writer: AtomicOutput?, memo: inout Memo<Data>) async throws(DiagnosticError) -> (pages: [OutputFile], rendered: [String]) {
        let pages = site.graph.pages
        if let writer {
            // The folders holding page folders up front, parents first; each page's own folder is made by the
            // task that writes the page, so that those `mkdir`s (one a page) overlap with rendering.
            do {
                try writer.makeFolders(AtomicOutput.folders(of: pages.map { AtomicOutput.folder(of: $0.outputPath) }))
            } catch {
                throw WriteFailure.report([error])
            }
        }
        let keys = PageKeys(renderer: self, memo: memo)
        let kept = memo
        let results = try await BuildPipeline.parallelMap(Array(pages.indices), jobs: jobs) { index -> Result<(OutputFile, key: Int, fresh: Bool), WriteFailure> in
            let context = site.context(forPageAt: index)
            let key = keys.key(ofPageAt: index, context: context)
            if let data = kept.value(named: pages[index].outputPath, key: key) {
                return .success((OutputFile(path: pages[index].outputPath, data: data, origin: pages[index].source.sourcePath), key, false))
            }
            var file = page(at: index, context: context)
            if let writer, let data = file.data {
                do throws(WriteFailure) {
                    try writer.makeFolders([AtomicOutput.folder(of: file.path)])
                    try writer.write(data, to: file.path, createFolder: false)
                } catch {
                    return .failure(error)
                }
                file.data = nil
            }
            return .success((file, key, true))
        }
        let failures = results.compactMap { if case .failure(let failure) = $0 { failure } else { nil } }
        guard failures.isEmpty else { throw WriteFailure.report(failures) }
        let made = results.compactMap { try? $0.get() }
        memo.keep(made.lazy.compactMap { page in page.0.data.map { (name: page.0.path, key: page.key, value: $0) } })
        return (made.map { $0.0 }, made.filter { $0.fresh }.map { $0.0.path })
    }

    /// The HTML of one output: `template` rendered with `context`, its links then made relative to
    /// `outputPath` when the site wants relative URLs.
    func html(_ template: String, context: TemplateContext, outputPath: String) -> String {
        let html = theme.render(template, context: context)
        return relativeLinks?.rewrite(html, pageOutputPath: outputPath) ?? html
    }
}
