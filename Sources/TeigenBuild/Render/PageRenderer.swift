import Foundation
import TeigenCore
import TeigenTheme

/// Renders pages with their templates (the `pages` step, and the not-found page), writing the images of
/// `{{#image}}` sections (``ImageMarkers``) and making links relative when the site asks for it
/// (`relativeURLs: true`).
struct PageRenderer: Sendable {
    let theme: Theme
    let site: SiteContext
    /// Each page's template, by page index.
    let templates: [String]
    let images: ImageMarkers
    let relativeLinks: RelativeLinks?

    init(theme: Theme, site: SiteContext, templates: [String], images: ImageMarkers) {
        self.theme = theme
        self.site = site
        self.templates = templates
        self.images = images
        relativeLinks = site.config.relativeURLs ? RelativeLinks(basePath: site.urls.basePath) : nil
    }

    /// One rendered output, the images its templates wrote (site paths) and the problems with them.
    struct Rendered: Sendable {
        var file: OutputFile
        var resources: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    /// What the page cache keeps of a rendered page: its bytes (in memory, for the preview server), or the stamp of
    /// its file in the output folder (`teigen build`, whose cache is on disk: the file is linked again while it
    /// still has that stamp); and the images its templates wrote, and the problems with them.
    struct Kept: Sendable {
        var data: Data?
        var stamp: FileStamp?
        var resources: [String]
        var diagnostics: [Diagnostic]
    }

    /// A page rendered (or reused) by the `pages` step: its key, the stamp of its file when written, and whether it was rendered anew.
    private struct Made: Sendable {
        var rendered: Rendered
        var key: CacheKey
        var stamp: FileStamp?
        var fresh: Bool
    }

    /// `target` (a page, or a later page of its list), rendered (with its context, when already made).
    func page(_ target: PageTarget, context: TemplateContext? = nil) -> OutputFile {
        rendered(target, context: context).file
    }

    /// `target` (a page, or a later page of its list), rendered, with the images its templates wrote.
    func rendered(_ target: PageTarget, context: TemplateContext? = nil) -> Rendered {
        let page = site.graph.pages[target.index]
        let path = site.graph.outputPath(of: target)
        let (html, resources, diagnostics) = html(
            templates[target.index], context: context ?? site.context(for: target), outputPath: path, directory: page.directory,
            source: page.source.sourcePath)
        return Rendered(file: OutputFile(path: path, data: Data(html.utf8), origin: page.source.sourcePath), resources: resources, diagnostics: diagnostics)
    }

    /// The not-found pages, rendered with the theme's `404` template: `404.html` in the default language, and
    /// `en/404.html` (and so on) in each other language.
    func notFoundPages() -> [OutputFile] {
        renderedNotFoundPages().map(\.file)
    }

    /// The not-found pages, with the images their templates wrote and the problems with them.
    func renderedNotFoundPages() -> [Rendered] {
        site.config.languages.map { language in
            let path = String(PageValues.notFoundPath(of: language).dropFirst())
            let (html, resources, diagnostics) = html("404", context: site.notFoundContext(language), outputPath: path, directory: nil, source: path)
            return Rendered(
                file: OutputFile(path: path, data: Data(html.utf8), origin: "theme/templates/404.mustache"), resources: resources,
                diagnostics: diagnostics)
        }
    }

    /// Renders every page (and the later pages of paginated lists), several at once, reusing the pages in `memo`
    /// whose context and templates did not change. With a `writer`, each page is written as soon as it is made and
    /// not kept in memory.
    /// - Returns: every page, and the paths of those rendered anew.
    func renderPages(
        jobs: Int, writer: AtomicOutput?, memo: inout Memo<Kept>
    ) async throws(DiagnosticError) -> (pages: [OutputFile], rendered: [String], resources: Set<String>, diagnostics: [Diagnostic]) {
        let graph = site.graph
        let targets = graph.targets
        if let writer {
            // The folders holding page folders up front, parents first; each page's own folder is made by the
            // task that writes the page, so that those `mkdir`s (one a page) overlap with rendering.
            do {
                try writer.makeFolders(AtomicOutput.folders(of: targets.map { AtomicOutput.folder(of: graph.outputPath(of: $0)) }))
            } catch {
                throw WriteFailure.report([error])
            }
        }
        let keys = try await PageKeys.make(renderer: self, memo: memo, jobs: jobs)
        let kept = memo
        let results = try await BuildPipeline.parallelMap(targets, jobs: jobs) { target -> Result<Made, WriteFailure> in
            let context = site.context(for: target)
            let key = keys.key(ofPageAt: target.index, context: context)
            let path = graph.outputPath(of: target)
            let origin = graph.pages[target.index].source.sourcePath
            if let page = kept.value(named: path, key: key), let file = Self.reuse(page, path: path, origin: origin, writer: writer) {
                return .success(Made(rendered: Rendered(file: file, resources: page.resources, diagnostics: page.diagnostics), key: key, stamp: page.stamp, fresh: false))
            }
            var made = rendered(target, context: context)
            var stamp: FileStamp?
            if let writer, let data = made.file.data {
                do throws(WriteFailure) {
                    try writer.makeFolders([AtomicOutput.folder(of: made.file.path)])
                    stamp = try writer.write(data, to: made.file.path, createFolder: false)
                } catch {
                    return .failure(error)
                }
                made.file.data = nil
            }
            return .success(Made(rendered: made, key: key, stamp: stamp, fresh: true))
        }
        let failures = results.compactMap { if case .failure(let failure) = $0 { failure } else { nil } }
        guard failures.isEmpty else { throw WriteFailure.report(failures) }
        let made = results.compactMap { try? $0.get() }
        memo.keep(made.lazy.compactMap { page in
            let file = page.rendered.file
            guard file.data != nil || page.stamp != nil else { return nil }
            return (name: file.path, key: page.key, value: Kept(data: file.data, stamp: page.stamp, resources: page.rendered.resources, diagnostics: page.rendered.diagnostics))
        })
        return (
            made.map(\.rendered.file), made.filter(\.fresh).map(\.rendered.file.path), Set(made.flatMap(\.rendered.resources)),
            made.flatMap(\.rendered.diagnostics)
        )
    }

    /// A kept page as this build's output, when it still is one: its bytes (in memory), or its file in the output
    /// folder, linked into the staging folder while it still has the stamp it had when the cache was written. Nil
    /// when neither is there (the page is rendered again).
    private static func reuse(_ page: Kept, path: String, origin: String, writer: AtomicOutput?) -> OutputFile? {
        if let data = page.data { return OutputFile(path: path, data: data, origin: origin) }
        guard let stamp = page.stamp, let writer else { return nil }
        guard (try? writer.makeFolders([AtomicOutput.folder(of: path)])) != nil, writer.link(path, ifStamped: stamp) else { return nil }
        return OutputFile(path: path, data: nil, origin: origin)
    }

    /// The HTML of one output: `template` rendered with `context`, its `{{#image}}` sections written for
    /// a page in content folder `directory`, its links then made relative to `outputPath` when the site
    /// wants relative URLs. Returns the images written and the problems with them (at their template).
    func html(
        _ template: String, context: TemplateContext, outputPath: String, directory: String?, source: String
    ) -> (String, [String], [Diagnostic]) {
        let resolved = images.resolve(theme.render(template, context: context), directory: directory)
        let sections = resolved.errors.isEmpty && resolved.warnings.isEmpty ? [] : theme.sections(named: "image")
        func place(_ problem: (message: String, section: Int), _ severity: Diagnostic.Severity) -> Diagnostic {
            let location = problem.section >= 0 && problem.section < sections.count ? sections[problem.section].location : SourceLocation(path: source)
            let text = sections.indices.contains(problem.section) ? theme.text(of: sections[problem.section].template) : nil
            let message = problem.message + " (rendering \(source))"
            return severity == .error ? .error(message, at: location, source: text) : .warning(message, at: location, source: text)
        }
        let diagnostics = resolved.errors.map { place($0, .error) } + resolved.warnings.map { place($0, .warning) }
        let html = relativeLinks?.rewrite(resolved.html, pageOutputPath: outputPath) ?? resolved.html
        return (html, resolved.resources, diagnostics)
    }
}
