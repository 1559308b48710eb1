import Foundation
import TeigenContent
import TeigenCore

/// The build as a list of named, timed steps (`teigen build --verbose` prints their times), each in a
/// folder of its own: load → parse → markdown → templates → contexts → pages → generated files → copied
/// files. Writing, search and commit follow in ``SiteBuilder`` (or the preview server keeps the files in
/// memory). Each step reports all of its diagnostics at once; a cancelled build stops at the end of a step
/// (or between the pages of one) with ``DiagnosticError/cancelled``.
public struct BuildPipeline: Sendable {
    public let options: BuildOptions
    public let fileSystem: any FileSystem
    /// When set, pages are written here as soon as they are rendered (overlapping rendering with disk writes)
    /// and are not kept in the product; the other outputs are returned as usual.
    public var pageWriter: AtomicOutput?

    public init(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Runs every step; `cache` is read and updated so that unchanged work is not done again.
    public func run(cache: inout RenderCache) async throws(DiagnosticError) -> BuildProduct {
        var timer = StageTimer()
        let files = try await SiteFiles.load(options: options, fileSystem: fileSystem)
        try timer.endStep("load")
        let input = try await SiteInput.parse(files, options: options, sources: &cache.sources)
        try timer.endStep("parse")
        let bodies = try await PageBodies.convert(input, jobs: options.jobs, memo: &cache.bodies)
        try timer.endStep("markdown")
        let templates = TemplateChoice(graph: input.graph, theme: input.theme, themeFolder: SiteFiles.display(options.themeDirectory.path))
        guard bodies.errors.isEmpty, templates.errors.isEmpty else { throw DiagnosticError(bodies.errors + templates.errors) }
        try timer.endStep("templates")
        let site = try await SiteContext.make(input, bodies: bodies.bodies, templates: templates.names, jobs: options.jobs)
        try timer.endStep("contexts")
        let renderer = PageRenderer(theme: input.theme, site: site, templates: templates.names)
        let pages = try await renderer.renderPages(jobs: options.jobs, writer: pageWriter, memo: &cache.pages)
        var outputs = OutputSet()
        outputs.add(pages.pages)
        try timer.endStep("pages")
        let generated = GeneratedFiles(site: site, theme: input.theme, staticPaths: Set(input.files.staticFiles.map(\.relativePath)))
        outputs.add(generated.files(notFound: renderer.notFoundPages()))
        try timer.endStep("generated files")
        outputs.add(CopiedFiles.files(of: input))
        try outputs.checkCollisions()
        try timer.endStep("copied files")
        let state = RenderState(input: input, bodies: bodies, site: site, templates: templates.names)
        cache.keep(state)
        return BuildProduct(
            files: outputs.sorted, writtenCount: outputs.count, warnings: state.warnings, timings: timer.stages,
            pageCount: input.graph.pages.count, renderedPaths: pages.rendered.sorted(), basePath: site.urls.basePath,
            baseURL: input.config.baseURL, search: input.config.search,
            sources: Dictionary(uniqueKeysWithValues: input.graph.pages.map { ($0.outputPath, $0.source.sourcePath) }),
            skipped: input.graph.skipped, overrides: input.files.overrides + input.overrides + generated.overrides,
            nextPublicationChange: input.graph.nextPublicationChange)
    }

    /// The site's configuration (`config.yaml`, read through `fileSystem`), for commands that need it
    /// without building, such as `teigen check --output`.
    public static func configuration(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) throws(DiagnosticError) -> SiteConfig {
        let file = try ConfigFile.read(options: options, fileSystem: fileSystem)
        return try ConfigLoader.load(file.text, path: file.path, baseURLOverride: options.baseURL)
    }
}
