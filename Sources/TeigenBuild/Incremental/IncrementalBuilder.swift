import Foundation
import TeigenCore

/// Keeps the last build's state so that a change to a few source files does only the work it needs.
/// Used by the preview server.
///
/// Two ways through a rebuild:
/// - edits to the Markdown bodies of existing pages (front matter unchanged) go through ``BodyEdit``:
///   only the edited files are read, and only the outputs that show those bodies are rendered;
/// - anything else runs the whole pipeline with a ``RenderCache``: every file is read and every page's
///   context is made again, but Markdown is converted again only for pages whose text or link targets
///   changed, and a page is rendered again only when its context or template changed.
/// Either way the result is the same as a full build's (the tests compare them).
public actor IncrementalBuilder {
    public private(set) var options: BuildOptions
    private let fileSystem: any FileSystem
    private var cache = RenderCache()
    private var hasBuilt = false
    /// The outputs of the last successful build.
    private var outputs: [String: Data] = [:]
    private var basePath = "/"
    /// Paths changed since the last successful build: a failed build leaves them to the next one.
    private var pendingPaths: Set<String> = []
    /// Whether everything must be considered changed (the first build, or a caller that lost track).
    private var pendingAll = true
    /// Whether the pages changed since the search index was made (see ``refreshSearchIndex()``).
    private var searchIndexIsStale = false
    /// Whether a PDF of the print edition may be out of date (see ``refreshPrintEdition()``).
    private var printEditionIsStale = false
    /// The print engine, once ``refreshPrintEdition()`` has found it.
    private var printEngine: WeasyPrint?
    /// Counts the builds that changed ``outputs``.
    private var generation = 0
    /// The next instant a page appears or expires (from the last full pipeline run): from then on the quick way
    /// would keep a stale list, so the pipeline runs again.
    public private(set) var nextPublicationChange: Date?

    public init(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Builds everything (first call, or `changedPaths == nil`) or what the changed absolute paths can
    /// affect. Throws `DiagnosticError` when the input is wrong; the previous state is kept then.
    public func build(changedPaths: Set<String>? = nil) async throws(DiagnosticError) -> (SiteSnapshot, RebuildReport) {
        let start = ContinuousClock.now
        if let changedPaths { pendingPaths.formUnion(changedPaths) } else { pendingAll = true }
        if let rebuilt = try await editBodies(since: start) { return rebuilt }
        return try await runPipeline(since: start)
    }

    /// Sets the instant builds take as now (nil: the system clock at each build), as `BuildOptions.now`; the next
    /// build then publishes and expires pages by it.
    public func setNow(_ now: Date?) {
        options.now = now
    }

    /// The quick way (``BodyEdit``), when the pending changes are edits of page bodies alone; nil otherwise.
    private func editBodies(since start: ContinuousClock.Instant) async throws(DiagnosticError) -> (SiteSnapshot, RebuildReport)? {
        if let next = nextPublicationChange, (options.now ?? Date()) >= next { return nil }
        guard !pendingAll, hasBuilt, let state = cache.state, let files = bodyEditFiles(pendingPaths, state: state) else { return nil }
        var memory = cache.fragments
        guard let outcome = try await BodyEdit(files: files).apply(to: state, previousOutputs: outputs, memory: &memory) else { return nil }
        cache.fragments = memory
        outputs.merge(outcome.changedOutputs, uniquingKeysWith: { _, new in new })
        generation += 1
        let changedPaths = Set(outcome.changedOutputs.keys)
        // The search index is made again later (``refreshSearchIndex()``): the edited page comes first.
        if state.input.config.search, !changedPaths.isEmpty { searchIndexIsStale = true }
        // The PDFs that hold an edited page are made again later too (``refreshPrintEdition()``).
        let holders = state.site.publication.holders
        if files.keys.contains(where: { state.input.graph.indexByContentPath[$0].map { holders[$0] != nil } ?? false }) { printEditionIsStale = true }
        cache.keep(outcome.state)
        pendingPaths = []
        let snapshot = SiteSnapshot(files: outputs, basePath: basePath, warnings: outcome.state.warnings, changedPaths: changedPaths)
        let report = RebuildReport(
            rebuiltPaths: outcome.renderedPaths, wasFullBuild: false, wasBodyEdit: true, searchIndexIsStale: searchIndexIsStale,
            printEditionIsStale: printEditionIsStale, duration: ContinuousClock.now - start)
        return (snapshot, report)
    }

    /// The whole pipeline, with the cache (emptied first when the configuration changed).
    private func runPipeline(since start: ContinuousClock.Instant) async throws(DiagnosticError) -> (SiteSnapshot, RebuildReport) {
        var workingCache = cache
        let configChanged = pendingAll || pendingPaths.contains { $0.hasSuffix("/config.yaml") }
        if configChanged { workingCache = RenderCache() }
        var pipeline = BuildPipeline(options: options, fileSystem: fileSystem)
        // The PDFs in the cache are served at once; the others are made after the pages (``refreshPrintEdition()``).
        pipeline.printing = .fromCache(printEngine, facts: cache.state?.site.publication.printFacts ?? [:])
        let product = try await pipeline.run(cache: &workingCache)
        cache = workingCache
        nextPublicationChange = product.nextPublicationChange
        let wasFull = !hasBuilt || configChanged
        hasBuilt = true
        var files: [String: Data] = [:]
        files.reserveCapacity(product.files.count)
        for file in product.files { files[file.path] = file.data }
        if product.search {
            if wasFull {
                files.merge(try await searchIndex(of: files), uniquingKeysWith: { old, _ in old })
                searchIndexIsStale = false
            } else {
                // The last index stays until ``refreshSearchIndex()`` makes the new one.
                for (path, data) in outputs where path.hasPrefix(SearchIndex.outputFolder) && files[path] == nil { files[path] = data }
                searchIndexIsStale = true
            }
        } else {
            searchIndexIsStale = false
        }
        // A PDF not made yet: the last one stays served until ``refreshPrintEdition()`` makes the new one.
        for path in product.stalePrintEditions where files[path] == nil { files[path] = outputs[path] }
        printEditionIsStale = !product.stalePrintEditions.isEmpty
        outputs = files
        generation += 1
        basePath = product.basePath
        pendingPaths = []
        pendingAll = false
        let snapshot = SiteSnapshot(files: files, basePath: basePath, warnings: product.warnings)
        let report = RebuildReport(
            rebuiltPaths: product.renderedPaths, wasFullBuild: wasFull, searchIndexIsStale: searchIndexIsStale,
            printEditionIsStale: printEditionIsStale, duration: ContinuousClock.now - start)
        return (snapshot, report)
    }

    /// Makes the search index again when a rebuild left it stale (the site has `search: true`), so that a
    /// rebuild can show the edited pages first and the index follows a moment later.
    /// - Returns: the snapshot with the new index, or nil when the index was up to date.
    public func refreshSearchIndex() async throws(DiagnosticError) -> SiteSnapshot? {
        guard searchIndexIsStale, let state = cache.state else { return nil }
        let pages = outputs.filter { !$0.key.hasPrefix(SearchIndex.outputFolder) }
        let generation = self.generation
        let index = try await searchIndex(of: pages)
        // A build that ran meanwhile (the actor is free while the index is made) left the index stale again.
        guard generation == self.generation else { return nil }
        var changed = Set(index.keys.filter { outputs[$0] != index[$0] })
        for path in outputs.keys where path.hasPrefix(SearchIndex.outputFolder) {
            if index[path] == nil { changed.insert(path) }
        }
        outputs = pages.merging(index, uniquingKeysWith: { _, new in new })
        searchIndexIsStale = false
        return SiteSnapshot(files: outputs, basePath: basePath, warnings: state.warnings, changedPaths: changed)
    }

    /// Makes the print edition's PDFs again when a rebuild left them stale, so that a rebuild can show the
    /// edited pages first and the PDFs follow (several seconds a document); the pages that show a PDF's
    /// size and page count are rendered again with the new ones. Cancelling the task stops the engine.
    /// - Returns: the snapshot with the new PDFs, or nil when they were up to date (or a build ran meanwhile).
    public func refreshPrintEdition() async throws(DiagnosticError) -> SiteSnapshot? {
        guard printEditionIsStale, var state = cache.state, let first = state.input.config.pdf.first else { return nil }
        let generation = self.generation
        if printEngine == nil { printEngine = try await WeasyPrint.locate(for: first.location) }
        let editions = try await PrintEditions.make(
            site: state.site, theme: state.input.theme, resources: PrintResources(CopiedFiles.files(of: state.input)),
            policy: .make(printEngine), cache: PrintCache(forSite: options.sourceDirectory))
        // A build that ran meanwhile (the actor is free while the engine works) has its own print edition.
        guard generation == self.generation else { return nil }
        state.site = state.site.with(printFacts: editions.facts)
        state.print = editions
        let renderer = state.renderer
        // The pages that link a PDF (each page of a paginated list among them) show its size and page count.
        let pages = state.site.graph.targets.filter { state.site.publication.holders[$0.index] != nil }
        var changed: [String: Data] = [:]
        for file in editions.files + pages.map({ renderer.page($0) }) where outputs[file.path] != file.data {
            changed[file.path] = file.data
        }
        outputs.merge(changed, uniquingKeysWith: { _, new in new })
        if !changed.isEmpty { self.generation += 1 }
        cache.keep(state)
        printEditionIsStale = false
        return SiteSnapshot(files: outputs, basePath: basePath, warnings: state.warnings, changedPaths: Set(changed.keys))
    }

    /// The fixed words of each of the site's languages (the default first): the last good build's, or, before any
    /// build succeeded, read from the configuration and the i18n files; nil when they cannot be read. For the
    /// preview server's own words (its error overlay).
    public func words() async -> [I18nTable]? {
        if let state = cache.state { return state.input.config.languages.map { state.input.strings[$0.code] ?? I18nTable.builtIn(language: $0.code) } }
        return try? await SiteFiles.words(options: options, fileSystem: fileSystem)
    }

    /// The new bytes of the changed files by content path, when every changed path is an existing
    /// Markdown file in `content/` (else nil: the whole pipeline runs). A path in `content/` that is gone
    /// and was not an input of the last build is passed over: an editor's or a tool's temporary file
    /// (`sed -i` writes `sedXXXXXX` beside the file, other editors save through a temporary name).
    private func bodyEditFiles(_ paths: Set<String>, state: RenderState) -> [String: Data]? {
        let contentFolder = options.sourceDirectory.standardizedFileURL.path + "/content/"
        var files: [String: Data] = [:]
        var known: Set<String>?
        for path in paths {
            guard path.hasPrefix(contentFolder) else { return nil }
            let contentPath = String(path.dropFirst(contentFolder.count))
            if !fileSystem.isFile(path) {
                if known == nil { known = Set(state.input.files.content.map(\.relativePath)) }
                let folder = contentPath + "/"
                let wasInput = known!.contains(contentPath) || known!.contains { $0.hasPrefix(folder) } // a file, or a folder moved away
                if !wasInput && !fileSystem.isDirectory(path) { continue }
                return nil
            }
            guard path.hasSuffix(".md") else { return nil }
            guard !contentPath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return nil }
            // A page that is (now) a symbolic link: the full pipeline decides whether it may be followed.
            guard fileSystem.symbolicLink(at: path) == nil else { return nil }
            do {
                files[contentPath] = try fileSystem.read(path)
            } catch {
                return nil // gone again, or unreadable: the full pipeline says what is wrong
            }
        }
        return files
    }

    /// The search index of the pages among `files` (``SearchIndex``).
    func searchIndex(of files: [String: Data]) async throws(DiagnosticError) -> [String: Data] {
        try await SearchIndex.files(indexing: files, jobs: options.jobs)
    }
}
