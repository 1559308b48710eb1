import Foundation
import TeigenCore

/// Keeps the last build's state so that a change to a few source files re-renders only the outputs
/// that can change (their context, template or Markdown changed). Used by the preview server.
///
/// Every rebuild reads the input again and recomputes every page's context, which is cheap; Markdown is
/// converted again only for pages whose text or link targets changed, and a page is rendered again only
/// when its context or template changed. The result is by construction identical to a full build.
public actor IncrementalBuilder {
    public let options: BuildOptions
    private let fileSystem: any FileSystem
    private var cache = RenderCache()
    private var hasBuilt = false

    public init(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Builds everything (first call) or what `changedPaths` can affect. Throws `DiagnosticError` when
    /// the input is wrong; the previous state is kept then.
    public func build(changedPaths: Set<String>? = nil) async throws(DiagnosticError) -> (SiteSnapshot, RebuildReport) {
        let clock = ContinuousClock()
        let start = clock.now
        var workingCache = cache
        let configChanged = changedPaths?.contains { $0.hasSuffix("/config.yaml") } ?? true
        if configChanged { workingCache = RenderCache() }
        let product = try await BuildPipeline(options: options, fileSystem: fileSystem).run(cache: &workingCache)
        cache = workingCache
        let wasFull = !hasBuilt || configChanged
        hasBuilt = true
        var files: [String: Data] = [:]
        for file in product.files { files[file.path] = file.data }
        if product.search { files.merge(try Self.searchIndex(of: product), uniquingKeysWith: { old, _ in old }) }
        let basePath = product.basePath
        let snapshot = SiteSnapshot(files: files, basePath: basePath, warnings: product.warnings)
        return (snapshot, RebuildReport(rebuiltPaths: product.renderedPaths, wasFullBuild: wasFull, duration: clock.now - start))
    }

    /// Runs Pagefind over the product in a private temporary folder and returns the files it made (`pagefind/**`).
    static func searchIndex(of product: BuildProduct) throws(DiagnosticError) -> [String: Data] {
        let indexer = try PagefindIndexer.locate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in product.files where file.path.hasSuffix(".html") {
            let url = folder.appendingPathComponent(file.path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? file.data.write(to: url)
        }
        try indexer.index(folder)
        var files: [String: Data] = [:]
        let root = folder.appendingPathComponent("pagefind")
        for path in (try? DiskFileSystem().files(under: root.path)) ?? [] {
            files["pagefind/" + path] = try? Data(contentsOf: root.appendingPathComponent(path))
        }
        return files
    }
}
