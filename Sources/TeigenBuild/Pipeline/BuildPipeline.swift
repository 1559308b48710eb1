import Foundation
import TeigenContent
import TeigenCore
import TeigenMarkdown
import TeigenTheme

/// The build as a recipe of named stages: load → parse → render → (write, by the caller).
/// Each stage collects all its diagnostics before failing.
public struct BuildPipeline: Sendable {
    public let options: BuildOptions
    public let fileSystem: any FileSystem
    /// When set, pages are written here as soon as they are rendered (overlapping rendering with disk writes)
    /// and are not kept in the product; the other outputs are returned as usual.
    public var pageWriter: AtomicOutput?
    public static let generator = "Teigen \(TeigenVersion.current)"
    /// Marks write failures among render errors (removed before they are shown).
    static let writeFailurePrefix = "\u{0}write: "
    /// Pages larger than this are rejected rather than slowly converted (a runaway generated file, say).
    public static let maximumPageSize = 20_000_000

    public init(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Runs every stage; `cache` (when given) is read and updated so that unchanged outputs are not rendered again.
    public func run(cache: inout RenderCache) async throws(DiagnosticError) -> BuildProduct {
        var timer = StageTimer()
        let files = try await SiteFiles.load(options: options, fileSystem: fileSystem)
        timer.mark("load")
        try Self.checkCancellation()
        let parsed = try await parse(files, cache: &cache)
        timer.mark("parse")
        try Self.checkCancellation()
        var renderTimer = StageTimer()
        var product = try await render(parsed, cache: &cache, timer: &renderTimer)
        timer.mark("render")
        product.timings = timer.stages + renderTimer.stages.map { ("  " + $0.stage, $0.duration) }
        return product
    }

    /// The base URL of the site's configuration (for checking an existing output folder).
    public static func baseURL(options: BuildOptions) throws -> String {
        let path = options.sourceDirectory.path + "/config.yaml"
        let text = String(decoding: try DiskFileSystem().read(path), as: UTF8.self)
        return try ConfigLoader.load(text, path: path, baseURLOverride: options.baseURL).baseURL
    }

    // MARK: parse

    struct Parsed: Sendable {
        var config: SiteConfig
        var graph: ContentGraph
        var data: TemplateValue
        var theme: Theme
        var templateTexts: [String: String]
        var assets: AssetCatalog
        var files: SiteFiles
        var resources: [String: String]
    }

    func parse(_ files: SiteFiles, cache: inout RenderCache) async throws(DiagnosticError) -> Parsed {
        var errors: [Diagnostic] = []
        var config: SiteConfig?
        do {
            config = try ConfigLoader.load(files.configText, path: files.configPath, baseURLOverride: options.baseURL)
        } catch {
            errors += error.diagnostics
        }
        // Pages: decode front matter in parallel.
        // Pages: decode front matter in parallel, reusing pages whose bytes did not change.
        let markdownFiles = files.content.filter { $0.relativePath.hasSuffix(".md") }
        let sourceCache = cache.sources
        let caching = cache.isEnabled
        let results = try await Self.parallelMap(markdownFiles, jobs: options.jobs) { file -> (Result<SourcePage, DiagnosticError>, Int) in
            var hasher = Hasher()
            if caching {
                hasher.combine(file.data)
                hasher.combineBytes(of: file.displayPath)
            }
            let key = hasher.finalize()
            if caching, let cached = sourceCache[file.relativePath], cached.key == key { return (.success(cached.page), key) }
            do throws(DiagnosticError) {
                if file.data.count > Self.maximumPageSize {
                    throw DiagnosticError(.error(
                        "page is \(file.data.count / 1_000_000) MB; the largest page Teigen reads is \(Self.maximumPageSize / 1_000_000) MB (split it into several pages)",
                        at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
                }
                let text = try SiteFiles.text(file.data, path: file.displayPath)
                return (.success(try SourcePage.parse(text, contentPath: file.relativePath, sourcePath: file.displayPath)), key)
            } catch {
                return (.failure(error), key)
            }
        }
        var sources: [SourcePage] = []
        var newSourceCache: [String: (key: Int, page: SourcePage)] = [:]
        for (result, key) in results {
            switch result {
            case .success(let page):
                sources.append(page)
                if caching { newSourceCache[page.contentPath] = (key, page) }
            case .failure(let error): errors += error.diagnostics
            }
        }
        cache.sources = newSourceCache
        // Data files.
        var dataPairs: [(String, TemplateValue)] = []
        for file in files.data {
            do {
                let text = try SiteFiles.text(file.data, path: file.displayPath)
                let name = (file.relativePath as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: ".")
                dataPairs.append((name, try DataLoader().decode(text, path: file.displayPath)))
            } catch {
                errors += error.diagnostics
            }
        }
        // Theme.
        var templates: [String: String] = [:]
        var templatePaths: [String: String] = [:]
        for file in files.templates {
            let name = String(file.relativePath.dropLast(".mustache".count))
            templatePaths[name] = file.displayPath
            do {
                templates[name] = try SiteFiles.text(file.data, path: file.displayPath)
            } catch {
                errors += error.diagnostics
                templates[name] = ""  // It exists: templates including it are not told it is missing.
            }
        }
        var theme: Theme?
        do {
            theme = try Theme(templates: templates, paths: templatePaths)
        } catch {
            errors += error.diagnostics
        }
        let assets = AssetCatalog(files: files.assets)
        let dataNames = Set(dataPairs.map(\.0))
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            errors += assets.problems(inTemplate: text, path: templatePaths[name] ?? name)
            errors += Self.missingData(inTemplate: text, path: templatePaths[name] ?? name, available: dataNames)
        }
        var graph: ContentGraph?
        if errors.isEmpty {
            do {
                graph = try ContentGraph.build(sources, includeDrafts: options.includeDrafts)
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty, let config, let graph, let theme else { throw DiagnosticError(errors) }
        var resources: [String: String] = [:]
        for file in files.content where !file.relativePath.hasSuffix(".md") {
            let folder = (file.relativePath as NSString).deletingLastPathComponent
            resources[file.relativePath] = ContentGraph.urlFolder(folder) + (file.relativePath as NSString).lastPathComponent
        }
        return Parsed(
            config: config, graph: graph, data: .map(dataPairs.sorted { $0.0 < $1.0 }), theme: theme,
            templateTexts: templates, assets: assets, files: files, resources: resources)
    }

    // MARK: render

    /// The render stage; `timer` gets its parts (Markdown, contexts, pages, the rest).
    func render(_ parsed: Parsed, cache: inout RenderCache, timer: inout StageTimer) async throws(DiagnosticError) -> BuildProduct {
        let config = parsed.config
        let graph = parsed.graph
        let urls = SiteURLs(baseURL: config.baseURL)
        var warnings: [Diagnostic] = []
        var errors: [Diagnostic] = []

        // Markdown, in parallel, reusing cached conversions whose inputs did not change.
        let bodyRenderer = PageBodyRenderer(graph: graph, urls: urls, settings: config.markdown, resources: parsed.resources, language: config.language)
        let caching = cache.isEnabled
        var linkHasher = Hasher()
        for page in graph.pages where caching { linkHasher.combineBytes(of: page.contentPath); linkHasher.combineBytes(of: page.url) }
        for (key, value) in parsed.resources.sorted(by: { $0.key < $1.key }) { linkHasher.combine(key); linkHasher.combine(value) }
        linkHasher.combine(config.markdown)
        linkHasher.combine(config.baseURL)
        let linkKey = linkHasher.finalize()
        let markdownCache = cache.markdown
        let converted = try await Self.parallelMap(Array(graph.pages.indices), jobs: options.jobs) { index -> (RenderedMarkdown, [Diagnostic], Int) in
            let page = graph.pages[index]
            var hasher = Hasher()
            if caching {
                hasher.combine(linkKey)
                hasher.combineBytes(of: page.source.body)
                hasher.combine(page.source.bodyFirstLine)
                hasher.combine(page.frontMatter.footnoteStart)
                hasher.combineBytes(of: page.source.sourcePath)
            }
            let key = hasher.finalize()
            if caching, let cached = markdownCache[page.contentPath], cached.key == key {
                return (cached.value, bodyRenderer.diagnostics(for: cached.value, page: page), key)
            }
            let (rendered, diagnostics) = bodyRenderer.render(pageAt: index)
            return (rendered, diagnostics, key)
        }
        var bodies: [RenderedMarkdown] = []
        bodies.reserveCapacity(converted.count)
        var newMarkdownCache: [String: (key: Int, value: RenderedMarkdown)] = [:]
        var pageDiagnostics: [[Diagnostic]] = []
        for (index, (body, diagnostics, key)) in converted.enumerated() {
            bodies.append(body)
            if caching { pageDiagnostics.append(diagnostics) }
            if caching { newMarkdownCache[graph.pages[index].contentPath] = (key, body) }
            for diagnostic in diagnostics {
                if diagnostic.severity == .error { errors.append(diagnostic) } else { warnings.append(diagnostic) }
            }
        }
        cache.markdown = newMarkdownCache
        timer.mark("markdown")

        // Templates: choose one per page, then render in parallel.
        let lookup = TemplateLookup()
        var templateOfPage: [String] = []
        for page in graph.pages {
            let sections = page.sectionPath.split(separator: "/").map(String.init)
            let candidates = lookup.candidates(kind: page.kind, layout: page.frontMatter.layout, sections: sections)
            if let name = candidates.first(where: parsed.theme.has) {
                templateOfPage.append(name)
            } else {
                templateOfPage.append("")
                let tried = candidates.map { "theme/templates/\($0).mustache" }.joined(separator: ", ")
                let message = page.frontMatter.layout != nil
                    ? "unknown layout '\(page.frontMatter.layout!)': no template \(tried)"
                    : "no template for this page; looked for \(tried)"
                errors.append(.error(message, at: SourceLocation(path: page.source.sourcePath, line: page.frontMatter.keyLines["layout"] ?? 1, column: 1), source: page.source.text.isEmpty ? nil : page.source.text))
            }
        }
        if !parsed.theme.has("404") {
            errors.append(.error("the theme has no 404 template; looked for theme/templates/404.mustache", at: SourceLocation(path: SiteFiles.display(options.themeDirectory.path) + "/templates")))
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }

        let feedPath = "/atom.xml"
        let finishedBodies = bodies
        let summaries = try await Self.parallelMap(Array(graph.pages.indices), jobs: options.jobs) { index in
            PageContextBuilder.summary(of: index, graph: graph, bodies: finishedBodies, urls: urls, config: config)
        }
        let contexts = PageContextBuilder(
            config: config, urls: urls, graph: graph, bodies: bodies, data: parsed.data, feedPath: feedPath, generator: Self.generator,
            summaries: summaries)
        timer.mark("summaries")
        var themeHasher = Hasher()
        if caching {
            for (name, asset) in parsed.assets.assets.sorted(by: { $0.key < $1.key }) { themeHasher.combine(name); themeHasher.combine(asset.outputPath) }
            themeHasher.combine(TemplateValue.map(contexts.sharedSite))
            themeHasher.combine(config)
        }
        let siteKey = themeHasher.finalize()
        // A page depends on its template and the partials and parents that template includes, not on the others.
        var templateHashes: [String: Int] = [:]
        if caching {
            for name in Set(templateOfPage) where !name.isEmpty {
                var hasher = Hasher()
                for used in parsed.theme.templatesUsed(by: name) {
                    hasher.combine(used)
                    hasher.combineBytes(of: parsed.templateTexts[used] ?? "")
                }
                templateHashes[name] = hasher.finalize()
            }
        }
        let templateKeys = templateHashes
        let lambdas = Self.lambdas(urls: urls, assets: parsed.assets)
        let relative = config.relativeURLs ? RelativeLinks(basePath: urls.basePath) : nil
        let theme = parsed.theme
        let pageCache = cache.pages
        let templateNames = templateOfPage
        let pageWriter = self.pageWriter
        if let pageWriter {
            // Every page's folder up front, parents first: the page writes then only create files.
            try pageWriter.makeFolders(AtomicOutput.folders(of: graph.pages.map(\.outputPath)))
        }
        let rendered = try await Self.parallelMap(Array(graph.pages.indices), jobs: options.jobs) { index -> Result<(String, Data?, Int, Bool), DiagnosticError> in
            let page = graph.pages[index]
            do throws(DiagnosticError) {
                let context = try contexts.context(forPageAt: index)
                var hasher = Hasher()
                if caching {
                    hasher.combine(siteKey)
                    hasher.combine(templateNames[index])
                    hasher.combine(templateKeys[templateNames[index]] ?? 0)
                    hasher.combine(context["page"])
                    hasher.combine(context["site"]?["menus"])
                }
                let key = hasher.finalize()
                if caching, let cached = pageCache[page.outputPath], cached.key == key {
                    return .success((page.outputPath, cached.data, key, false))
                }
                let html = Self.html(
                    templateNames[index], context: context, outputPath: page.outputPath, theme: theme, lambdas: lambdas, relative: relative)
                if let pageWriter {
                    do throws(DiagnosticError) {
                        try pageWriter.write(Data(html.utf8), to: page.outputPath, createFolder: false)
                    } catch {
                        let marked = error.diagnostics.map { Diagnostic(.error, Self.writeFailurePrefix + $0.message, at: $0.location) }
                        return .failure(DiagnosticError(marked))
                    }
                    return .success((page.outputPath, nil, key, true))
                }
                return .success((page.outputPath, Data(html.utf8), key, true))
            } catch {
                return .failure(error)
            }
        }
        timer.mark("pages")
        var outputs = OutputSet()
        var renderedPaths: [String] = []
        var newPageCache: [String: (key: Int, data: Data)] = [:]
        for (index, result) in rendered.enumerated() {
            switch result {
            case .success(let (path, data, key, fresh)):
                outputs.add(path, data, origin: graph.pages[index].source.sourcePath)
                if caching, let data { newPageCache[path] = (key, data) }
                if fresh { renderedPaths.append(path) }
            case .failure(let error):
                errors += error.diagnostics
            }
        }
        cache.pages = newPageCache
        // A full disk fails every write the same way: report the first (by path) once, with a count.
        let writeFailures = errors.filter { $0.message.hasPrefix(Self.writeFailurePrefix) }.sorted { $0.message < $1.message }
        if let first = writeFailures.first {
            var message = String(first.message.dropFirst(Self.writeFailurePrefix.count))
            if writeFailures.count > 1 { message += " (\(writeFailures.count - 1) more files could not be written either)" }
            throw DiagnosticError(Diagnostic(.error, message, at: first.location))
        }
        guard errors.isEmpty else { throw DiagnosticError(Array(Set(errors))) }

        // The not-found page, feeds, sitemap, robots.txt, alias redirects.
        let notFound = Self.html(
            "404", context: try contexts.notFoundContext(), outputPath: "404.html", theme: theme, lambdas: lambdas, relative: relative)
        outputs.add("404.html", Data(notFound.utf8), origin: "theme/templates/404.mustache")
        for feed in Self.feeds(config: config, urls: urls, graph: graph, bodies: bodies, feedPath: feedPath) {
            outputs.add(feed.path, feed.data, origin: feed.origin)
        }
        // GitHub Pages would otherwise run Jekyll, which drops files and folders starting with '_'.
        outputs.add(".nojekyll", Data(), origin: "Teigen (for GitHub Pages)")
        let sitemap = Sitemap(urls: urls)
        outputs.add("sitemap.xml", Data(sitemap.render(pages: graph.pages).utf8), origin: "the sitemap")
        outputs.add("robots.txt", Data(sitemap.robots().utf8), origin: "robots.txt")
        let aliasPage = AliasPage(urls: urls, language: config.language)
        for page in graph.pages {
            for alias in page.frontMatter.aliases {
                outputs.add(AliasPage.outputPath(of: alias), Data(aliasPage.render(title: page.title, target: page.url).utf8), origin: "alias '\(alias)' of \(page.source.sourcePath)")
            }
        }
        // Files copied as they are.
        for asset in parsed.assets.assets.values.sorted(by: { $0.outputPath < $1.outputPath }) {
            outputs.add(asset.outputPath, asset.data, origin: asset.displayPath)
        }
        for file in parsed.files.staticFiles {
            outputs.add(file.relativePath, file.data, origin: file.displayPath)
        }
        for file in parsed.files.content where !file.relativePath.hasSuffix(".md") {
            let sitePath = parsed.resources[file.relativePath] ?? "/" + file.relativePath
            outputs.add(String(sitePath.dropFirst()), file.data, origin: file.displayPath)
        }
        errors += outputs.collisions
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        timer.mark("feeds, sitemap, files")
        if caching {
            cache.state = RenderState(
                parsed: parsed, urls: urls, contexts: contexts, diagnostics: pageDiagnostics, templateOfPage: templateOfPage,
                lambdas: lambdas, relativeLinks: relative, feedPath: feedPath)
        }
        return BuildProduct(
            files: outputs.sorted, writtenCount: outputs.count, warnings: warnings.sorted { $0.location < $1.location }, timings: [],
            pageCount: graph.pages.count, renderedPaths: renderedPaths.sorted(), basePath: urls.basePath, baseURL: config.baseURL, search: config.search,
            sources: Dictionary(uniqueKeysWithValues: graph.pages.map { ($0.outputPath, $0.source.sourcePath) }))
    }

    /// The HTML of one output: `template` rendered with `context`, its links then made relative to
    /// `outputPath` when the site wants relative URLs (`relative` is set).
    static func html(
        _ template: String, context: [String: TemplateValue], outputPath: String, theme: Theme,
        lambdas: [String: @Sendable (String) -> String], relative: RelativeLinks?
    ) -> String {
        let html = theme.render(template, context: context, lambdas: lambdas)
        return relative?.rewrite(html, pageOutputPath: outputPath) ?? html
    }

    /// The site's Atom feed and those of the sections that want one.
    static func feeds(
        config: SiteConfig, urls: SiteURLs, graph: ContentGraph, bodies: [RenderedMarkdown], feedPath: String
    ) -> [(path: String, data: Data, origin: String)] {
        let feed = AtomFeed(config: config, urls: urls)
        let bodyByIndex = Dictionary(uniqueKeysWithValues: bodies.enumerated().map { ($0.offset, $0.element) })
        var feeds = [(
            String(feedPath.dropFirst()),
            Data(feed.render(title: config.title, feedPath: feedPath, pageURL: "/", pages: graph.pages, bodies: bodyByIndex, indices: Array(graph.pages.indices)).utf8),
            "the site's Atom feed"
        )]
        for section in graph.sections.values.sorted(by: { $0.path < $1.path }) where section.parent != nil {
            let page = graph.pages[section.pageIndex]
            guard page.frontMatter.feed else { continue }
            let path = page.url + "atom.xml"
            feeds.append((
                String(path.dropFirst()),
                Data(feed.render(title: "\(page.title) | \(config.title)", feedPath: path, pageURL: page.url, pages: graph.pages, bodies: bodyByIndex, indices: section.pageIndices).utf8),
                "the Atom feed of \(page.source.sourcePath)"
            ))
        }
        return feeds
    }

    /// Every `data.NAME` (or `site.data.NAME`) a template uses for which there is no `site/data/NAME.yaml`, as errors.
    static func missingData(inTemplate text: String, path: String, available: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported = Set<String>()
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var inTag = false
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{", index + 1 < scalars.count, scalars[index + 1] == "{" { inTag = true }
            if scalar == "}" { inTag = false }
            let startsWord = index == 0 || !(isNameScalar(scalars[index - 1]) || scalars[index - 1] == ".") || (index >= 5 && String(String.UnicodeScalarView(scalars[(index - 5)..<index])) == "site.")
            if inTag, startsWord, scalars[index...].starts(with: "data.".unicodeScalars) {
                var end = index + 5
                var name = ""
                while end < scalars.count, isNameScalar(scalars[end]) {
                    name.unicodeScalars.append(scalars[end])
                    end += 1
                }
                if !name.isEmpty, !available.contains(name), reported.insert(name).inserted {
                    diagnostics.append(.error(
                        "template uses 'data.\(name)', but there is no data file site/data/\(name).yaml",
                        at: SourceLocation(path: path, line: line, column: column), source: text))
                }
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return diagnostics
    }

    /// The template lambdas: `relURL`, `absURL`, `asset`, `integrity`.
    static func lambdas(urls: SiteURLs, assets: AssetCatalog) -> [String: @Sendable (String) -> String] {
        [
            "relURL": { text in urls.rooted(text.trimmingCharacters(in: .whitespacesAndNewlines)) },
            "absURL": { text in urls.absolute(text.trimmingCharacters(in: .whitespacesAndNewlines)) },
            "asset": { text in assets.asset(named: text).map { urls.rooted("/" + $0.outputPath) } ?? "" },
            "integrity": { text in assets.asset(named: text)?.integrity ?? "" },
        ]
    }

    /// Maps `items` with `transform` on up to `jobs` tasks at once, keeping the order of `items`.
    /// Throws `DiagnosticError.cancelled` when the task is cancelled, checking before each item.
    static func parallelMap<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Output
    ) async throws(DiagnosticError) -> [Output] {
        guard jobs > 1, items.count > 1 else {
            let outputs = mapUntilCancelled(items[...], transform)
            try checkCancellation()
            return outputs
        }
        let chunkSize = max(1, (items.count + jobs * 4 - 1) / (jobs * 4))
        let outputs = await withTaskGroup(of: (Int, [Output]).self) { group in
            var next = 0
            var running = 0
            var results: [[Output]] = Array(repeating: [], count: (items.count + chunkSize - 1) / chunkSize)
            func startNext() {
                guard next < items.count, !Task.isCancelled else { return }
                let start = next
                let end = min(items.count, start + chunkSize)
                next = end
                running += 1
                group.addTask { (start / chunkSize, mapUntilCancelled(items[start..<end], transform)) }
            }
            for _ in 0..<jobs { startNext() }
            while running > 0, let (chunk, outputs) = await group.next() {
                running -= 1
                results[chunk] = outputs
                startNext()
            }
            return results.flatMap { $0 }
        }
        try checkCancellation()
        return outputs
    }

    /// `items.map(transform)`, stopping early when the task is cancelled.
    private static func mapUntilCancelled<Item, Output>(_ items: ArraySlice<Item>, _ transform: (Item) -> Output) -> [Output] {
        var outputs: [Output] = []
        outputs.reserveCapacity(items.count)
        for item in items {
            if Task.isCancelled { break }
            outputs.append(transform(item))
        }
        return outputs
    }

    /// Throws `DiagnosticError.cancelled` when the build's task was cancelled (the preview server
    /// started a newer build, or is stopping).
    static func checkCancellation() throws(DiagnosticError) {
        if Task.isCancelled { throw .cancelled }
    }
}
