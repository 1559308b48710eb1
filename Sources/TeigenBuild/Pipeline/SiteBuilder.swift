import Foundation
import TeigenCore

/// `teigen build`: runs the pipeline, then the last steps: write → search → commit, which replaces the
/// output folder atomically.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    public let output: URL

    /// Fails (writing nothing) when the build has warnings.
    public let failOnWarnings: Bool

    /// Replaces an existing output folder even when it holds files Teigen did not write (`--force`).
    public let force: Bool

    /// Reads and writes the render cache in `render/` of the options' cache folder (``RenderCache/onDisk(_:)``):
    /// Markdown converted and pages rendered by the last build are reused when their inputs did not change.
    /// False: `--no-cache`, every page converted and rendered, the cache neither read nor written.
    public let usesCache: Bool

    public init(options: BuildOptions, output: URL, failOnWarnings: Bool = false, force: Bool = false, usesCache: Bool = true) {
        self.options = options
        self.output = output
        self.failOnWarnings = failOnWarnings
        self.force = force
        self.usesCache = usesCache
    }

    /// Where the render cache is kept: `render/` in the options' cache folder (`.teigen-cache/` beside the site).
    public var cacheFolder: URL {
        options.cacheFolder.appendingPathComponent("render")
    }

    /// Builds and swaps the new output in. On any error the output folder is left exactly as it was.
    public func build() async throws(DiagnosticError) -> BuildProduct {
        let folder = try checkOutputFolder()
        // Written where the folder really is (through a symbolic link to it, say).
        let staging = try AtomicOutput(destination: URL(fileURLWithPath: folder.resolved))
        var cacheTimer = StageTimer()
        var cache = usesCache ? RenderCache.onDisk(cacheFolder) : RenderCache(enabled: false)
        if usesCache { cacheTimer.mark("cache read") }
        do throws(DiagnosticError) {
            var options = self.options
            options.outputDirectory = URL(fileURLWithPath: folder.resolved)
            var pipeline = BuildPipeline(options: options)
            pipeline.pageWriter = staging
            var product = try await pipeline.run(cache: &cache)
            product.timings = cacheTimer.stages + product.timings
            try checkWarnings(of: product)
            var timer = StageTimer()
            let writer = FileWriter(output: staging, jobs: options.jobs)
            try await writer.write(product.files)
            timer.mark("write")
            var indexFiles: [String] = []
            if product.search {
                let index = try await searchIndex(of: product, in: staging)
                try await writer.write(index)
                product.writtenCount += index.count
                indexFiles = index.map(\.path)
                timer.mark("search")
            }
            let files = writtenFiles(product, searchIndex: indexFiles)
            await staging.removeStale(keeping: files + [OutputManifest.fileName])
            timer.mark("stale files")
            try await OutputManifest.write(into: staging, files: files, newerThan: cache.newestPageStamp)
            try staging.commit()
            timer.mark("commit")
            if usesCache {
                await cache.save(output: URL(fileURLWithPath: folder.resolved))
                timer.mark("cache write")
            }
            product.timings += timer.stages
            // The cache holds the whole build (a million values at 100,000 pages, half a second to free one by one):
            // it is freed on another task, while the caller goes on (`teigen build` prints and exits).
            let finished = consume cache
            Task.detached(priority: .background) { withExtendedLifetime(finished) {} }
            return product
        } catch {
            staging.discard()
            // `bodies.bin` may be being written (its bodies are right whatever the build's end): finished, not cut off.
            await cache.finishWritingBodies()
            throw error
        }
    }

    /// Refuses output folders that are not Teigen's to replace (see `OutputFolder`): `/`, a home folder, one that
    /// is, holds or lies inside the site or theme folder, or one holding files of someone else's (unless `force`).
    func checkOutputFolder() throws(DiagnosticError) -> OutputFolder {
        let fileSystem = DiskFileSystem()
        let folder = OutputFolder(output, fileSystem: fileSystem)
        var problems = folder.placementProblems(inputs: OutputFolder.inputs(of: options, fileSystem: fileSystem))
        if problems.isEmpty, let problem = folder.ownershipProblem(force: force) { problems.append(problem) }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return folder
    }

    /// Every file the build wrote into the staging folder, each once: the pages (with the later pages of paginated
    /// lists), the other outputs, and the search index.
    func writtenFiles(_ product: BuildProduct, searchIndex: [String]) -> [String] {
        Array(Set(product.files.map(\.path) + product.pagePaths + searchIndex))
    }

    /// The search index (``SearchIndex``) of the HTML pages of `product`: those still in it and the pages
    /// already streamed into the staging folder, read back from there.
    func searchIndex(of product: BuildProduct, in staging: AtomicOutput) async throws(DiagnosticError) -> [(path: String, data: Data)] {
        var pages: [String: Data] = [:]
        for file in product.files where file.path.hasSuffix(".html") { pages[file.path] = file.data }
        let written = product.sources.keys.filter { pages[$0] == nil }.sorted()
        let fileSystem = DiskFileSystem()
        let read = try await BuildPipeline.parallelMap(written, jobs: options.jobs) { path in
            Result { () throws(FileSystemError) in try fileSystem.read(staging.staging.appendingPathComponent(path).path) }
        }
        for (path, result) in zip(written, read) {
            switch result {
            case .success(let data): pages[path] = data
            case .failure(let error):
                throw DiagnosticError(.error("cannot read '\(path)' back for the search index: \(error)", at: SourceLocation(path: path)))
            }
        }
        return try await SearchIndex.files(indexing: pages, jobs: options.jobs).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// With `--fail-on-warnings`, the build's warnings as errors.
    func checkWarnings(of product: BuildProduct) throws(DiagnosticError) {
        guard failOnWarnings, !product.warnings.isEmpty else { return }
        throw DiagnosticError(product.warnings.map { Diagnostic(.error, $0.message + " (warnings are errors: --fail-on-warnings)", at: $0.location, excerpt: $0.excerpt) })
    }
}
