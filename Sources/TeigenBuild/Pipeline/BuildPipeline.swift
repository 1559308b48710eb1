import Foundation
import TeigenContent
import TeigenCore
import TeigenImages
import TeigenTheme

/// The build as a list of named, timed steps (`teigen build --verbose` prints their times), each in a
/// folder of its own: load → parse → images planned → markdown → highlight → templates → contexts → share
/// images → print → pages → generated files → copied files → images. The images' files are made in the
/// background from the `markdown` step on, while the pages are rendered, and awaited last. Writing, search and
/// commit follow in ``SiteBuilder`` (or the preview server keeps the files in memory). Each step reports all of
/// its diagnostics at once; a cancelled build stops at the end of a step (or between the pages of one)
/// with ``DiagnosticError/cancelled``.
public struct BuildPipeline: Sendable {
    public let options: BuildOptions
    public let fileSystem: any FileSystem
    /// When set, pages are written here as soon as they are rendered (overlapping rendering with disk writes)
    /// and are not kept in the product; the other outputs are returned as usual.
    public var pageWriter: AtomicOutput?
    /// How the print step gets the PDFs: made (`teigen build`), or only from the cache (the preview, which
    /// makes them after serving the pages).
    var printing = PrintEditions.Policy.make(nil)

    public init(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Runs every step; `cache` is read and updated so that unchanged work is not done again.
    public func run(cache: inout RenderCache) async throws(DiagnosticError) -> BuildProduct {
        var timer = StageTimer()
        let files = try await SiteFiles.load(options: options, fileSystem: fileSystem)
        try timer.endStep("load")
        let input = try await SiteInput.parse(consume files, options: options, sources: &cache.sources)
        try timer.endStep("parse")
        let catalog = try await ImageCatalog.plan(input, processor: imageProcessor(for: input.config), jobs: options.jobs)
        let lambdas = TemplateLambdas.byLanguage(input)
        let hooks = PageHooks.build(catalog: catalog, shortcodes: shortcodes(input, catalog: catalog, lambdas: lambdas))
        try timer.endStep("images planned")
        var bodies = try await PageBodies.convert(input, hooks: hooks, jobs: options.jobs, memo: &cache.bodies)
        cache.startWritingBodies()
        try timer.endStep("markdown")
        // The images Markdown uses are made while the rest of the build goes on.
        let markdownImages = bodies.resources
        async let images = ImageWork.process(Array(markdownImages), catalog: catalog)
        let fragments = await bodies.highlight(with: bodyFragments(input), pages: input.graph.pages, memory: &cache.fragments)
        try timer.endStep("highlight (\(fragments.summary))")
        let templates = TemplateChoice(graph: input.graph, theme: input.theme, themeFolder: SiteFiles.display(options.themeDirectory.path))
        guard bodies.errors.isEmpty, templates.errors.isEmpty else { throw DiagnosticError(bodies.errors + templates.errors) }
        try timer.endStep("templates")
        var site = try await SiteContext.make(input, bodies: bodies.bodies, lambdas: lambdas, templates: templates.names, jobs: options.jobs)
        try timer.endStep("contexts")
        let shareImages = try await ShareImages.make(
            site: site, siteDirectory: options.sourceDirectory, configText: input.files.configText, jobs: options.jobs)
        site = site.with(shareImages: shareImages)
        try timer.endStep("share images")
        let copied = CopiedFiles.files(of: input)
        let printEditions = try await PrintEditions.make(
            site: site, theme: input.theme, resources: PrintResources(copied), policy: printing, cache: PrintCache(forSite: options.sourceDirectory),
            htmlFolder: options.printHTMLDirectory)
        site = site.with(printFacts: printEditions.facts)
        try timer.endStep("print")
        let renderer = PageRenderer(theme: input.theme, site: site, templates: templates.names, images: ImageMarkers(catalog: catalog))
        let pages = try await renderer.renderPages(jobs: options.jobs, writer: pageWriter, memo: &cache.pages)
        var outputs = OutputSet()
        outputs.add(pages.pages)
        try timer.endStep("pages")
        let notFound = renderer.renderedNotFoundPages()
        let generated = GeneratedFiles(site: site, theme: input.theme, staticPaths: Set(input.files.staticFiles.map(\.relativePath)))
        outputs.add(generated.files(notFound: notFound.map(\.file)))
        try timer.endStep("generated files")
        outputs.add(copied + shareImages.files + printEditions.files)
        try timer.endStep("copied files")
        let templateDiagnostics = pages.diagnostics + notFound.flatMap(\.diagnostics)
        let templateErrors = templateDiagnostics.filter { $0.severity == .error }
        guard templateErrors.isEmpty else { throw DiagnosticError(templateErrors) }
        // The images only templates use are made now; then every image's files are waited for.
        let templateImages = pages.resources.union(notFound.flatMap(\.resources)).subtracting(markdownImages)
        var made = await images
        let late = await ImageWork.process(Array(templateImages), catalog: catalog)
        made.files += late.files
        made.errors += late.errors
        guard made.errors.isEmpty else { throw DiagnosticError(made.errors) }
        outputs.add(made.files)
        try outputs.checkCollisions()
        try timer.endStep("images")
        timer.note("images alongside (\(made.made + late.made) made, \(made.cached + late.cached) cached)", made.duration + late.duration)
        let state = RenderState(
            input: input, bodies: bodies, site: site, templates: templates.names, print: printEditions, catalog: catalog, hooks: hooks,
            images: markdownImages.union(templateImages), fragments: bodyFragments(input))
        cache.keep(state)
        return BuildProduct(
            files: outputs.sorted, writtenCount: outputs.count, warnings: state.warnings(adding: templateDiagnostics), timings: timer.stages,
            pageCount: input.graph.pages.count, renderedPaths: pages.rendered.sorted(), basePath: site.urls.basePath,
            baseURL: input.config.baseURL, search: input.config.search, stalePrintEditions: printEditions.staleJobs.map(\.document.outputPath),
            sources: Dictionary(uniqueKeysWithValues: input.graph.pages.map { ($0.outputPath, $0.source.sourcePath) }),
            skipped: input.graph.skipped, overrides: input.files.overrides + input.overrides + generated.overrides,
            nextPublicationChange: input.graph.nextPublicationChange, pageFiles: pages.pages.count,
            pagePaths: pages.pages.map(\.path))
    }

    /// The site's configuration (`config.yaml`, read through `fileSystem`), for commands that need it
    /// without building, such as `teigen check --output`.
    public static func configuration(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) throws(DiagnosticError) -> SiteConfig {
        let file = try ConfigFile.read(options: options, fileSystem: fileSystem)
        return try ConfigLoader.load(file.text, path: file.path, baseURLOverride: options.baseURL)
    }

    /// The image processor for `config`'s `images:` settings, caching in `.teigen-cache/images/` beside the site.
    func imageProcessor(for config: SiteConfig) -> ImageProcessor {
        var imageOptions = ImageOptions.default
        let settings = config.images
        if let widths = settings.widths { imageOptions.widths = widths }
        if let quality = settings.jpegQuality { imageOptions.jpegQuality = quality }
        if let quality = settings.webpQuality { imageOptions.webpQuality = quality }
        if let effort = settings.webpEffort { imageOptions.webpEffort = effort }
        if let level = settings.pngCompression { imageOptions.pngCompression = level }
        let cache = ImageCache(directory: options.cacheFolder.appendingPathComponent("images").path)
        return ImageProcessor(cache: cache, options: imageOptions, concurrency: options.jobs)
    }

    /// The `highlight` step's tools: the options' own, or Pygments and latex2mathml caching beside the site.
    func bodyFragments(_ input: SiteInput) -> BodyFragments {
        BodyFragments(
            tools: options.tools ?? .standard(python: options.python, cache: options.cacheFolder.path), settings: input.config.markdown)
    }

    /// The shortcode templates of `input`'s theme and site.
    func shortcodes(_ input: SiteInput, catalog: ImageCatalog, lambdas: [String: [String: TemplateLambda]]) -> ShortcodeTemplates {
        ShortcodeTemplates(
            theme: input.theme, images: ImageMarkers(catalog: catalog), lambdas: lambdas, urls: SiteURLs(baseURL: input.config.baseURL),
            words: input.strings)
    }
}
