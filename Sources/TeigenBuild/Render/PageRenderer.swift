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

    /// `target` (a page, or a later page of its list), rendered (with its context, when already made).
    func page(_ target: PageTarget, context: TemplateContext? = nil) -> OutputFile {
        let page = site.graph.pages[target.index]
        let path = site.graph.outputPath(of: target)
        let html = html(templates[target.index], context: context ?? site.context(for: target), outputPath: path)
        return OutputFile(path: path, data: Data(html.utf8), origin: page.source.sourcePath)
    }

    /// The not-found pages, rendered with the theme's `404` template: `404.html` in the default language, and
    /// `en/404.html` (and so on) in each other language.
    func notFoundPages() -> [OutputFile] {
        site.config.languages.map { language in
            let path = String(PageValues.notFoundPath(of: language).dropFirst())
            let html = html("404", context: site.notFoundContext(language), outputPath: path)
            return OutputFile(path: path, data: Data(html.utf8), origin: "theme/templates/404.mustache")
        }
    }

    /// Renders every page (and the later pages of paginated lists), several at once, reusing the pages in `memo`
    /// whose context and templates did not change. With a `writer`, each page is written as soon as it is made and
    /// not kept in memory.
    /// - Returns: every page, and the paths of those rendered anew.
    func renderPages(jobs: Int, writer: AtomicOutput?, memo: inout Memo<Data>) async throws(DiagnosticError) -> (pages: [OutputFile], rendered: [String]) {
        let graph = site.graph
        let targets = graph.targets
        if let writer {
            // Every page's folder up front, parents first: the page writes then only create files.
            do {
                try writer.makeFolders(AtomicOutput.folders(of: targets.map(graph.outputPath(of:))))
            } catch {
                throw WriteFailure.report([error])
            }
        }
        let keys = PageKeys(renderer: self, memo: memo)
        let kept = memo
        let results = try await BuildPipeline.parallelMap(targets, jobs: jobs) { target -> Result<(OutputFile, key: Int, fresh: Bool), WriteFailure> in
            let context = site.context(for: target)
            let key = keys.key(ofPageAt: target.index, context: context)
            let path = graph.outputPath(of: target)
            if let data = kept.value(named: path, key: key) {
                return .success((OutputFile(path: path, data: data, origin: graph.pages[target.index].source.sourcePath), key, false))
            }
            var file = page(target, context: context)
            if let writer, let data = file.data {
                do throws(WriteFailure) {
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
