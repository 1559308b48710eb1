import Foundation
import TeigenCore

/// `teigen build`: runs the pipeline and writes the result atomically into the output folder.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    public let output: URL

    /// Fails (writing nothing) when the build has warnings.
    public let failOnWarnings: Bool

    public init(options: BuildOptions, output: URL, failOnWarnings: Bool = false) {
        self.options = options
        self.output = output
        self.failOnWarnings = failOnWarnings
    }

    /// Builds and swaps the new output in. On any error the output folder is left exactly as it was.
    public func build() async throws(DiagnosticError) -> BuildProduct {
        try checkOutputIsSafe()
        var cache = RenderCache(enabled: false)
        let staging = try AtomicOutput(destination: output)
        do throws(DiagnosticError) {
            var pipeline = BuildPipeline(options: options)
            pipeline.pageWriter = staging
            var product = try await pipeline.run(cache: &cache)
            var timer = StageTimer()
            if failOnWarnings, !product.warnings.isEmpty {
                throw DiagnosticError(product.warnings.map { Diagnostic(.error, $0.message + " (warnings are errors: --fail-on-warnings)", at: $0.location, sourceLine: $0.sourceLine) })
            }
            try await write(product.files, into: staging)
            timer.mark("write")
            if product.search {
                let index = try await searchIndex(of: product, in: staging)
                try await write(index, into: staging)
                product.writtenCount += index.count
                timer.mark("search")
            }
            try staging.commit()
            timer.mark("commit")
            product.timings += timer.stages
            return product
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Refuses output folders that would swallow the input (the site folder itself or one of its parents).
    func checkOutputIsSafe() throws(DiagnosticError) {
        let out = output.standardizedFileURL.path
        for input in [options.sourceDirectory, options.themeDirectory] {
            let path = input.standardizedFileURL.path
            if path == out || path.hasPrefix(out.hasSuffix("/") ? out : out + "/") || out == "/" {
                throw DiagnosticError(.error("refusing to write output into '\(out)': it contains the input folder '\(path)'", at: SourceLocation(path: out)))
            }
        }
    }

    /// The search index (``SearchIndex``) of the HTML pages of `product`: those still in it and the pages
    /// already streamed into the staging folder, read back from there.
    func searchIndex(of product: BuildProduct, in staging: AtomicOutput) async throws(DiagnosticError) -> [(path: String, data: Data)] {
        var pages: [String: Data] = [:]
        for file in product.files where file.path.hasSuffix(".html") { pages[file.path] = file.data }
        let written = product.sources.keys.filter { pages[$0] == nil }.sorted()
        let fileSystem = DiskFileSystem()
        let read = await BuildPipeline.parallelMap(written, jobs: options.jobs) { path in
            Result { () throws(FileSystemError) in try fileSystem.read(staging.staging.appendingPathComponent(path).path) }
        }
        for (path, result) in zip(written, read) {
            switch result {
            case .success(let data): pages[path] = data
            case .failure(let error):
                throw DiagnosticError(.error("cannot read '\(path)' back for the search index: \(error)", at: SourceLocation(path: path)))
            }
        }
        return await SearchIndex.files(indexing: pages, jobs: options.jobs).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Writes the files into the staging folder: folders first, then the files from several tasks at once.
    func write(_ files: [(path: String, data: Data)], into staging: AtomicOutput) async throws(DiagnosticError) {
        try staging.makeFolders(AtomicOutput.folders(of: files.map(\.path)))
        let failures = await BuildPipeline.parallelMap(files, jobs: options.jobs) { file -> DiagnosticError? in
            do throws(DiagnosticError) {
                try staging.write(file.data, to: file.path, createFolder: false)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }
}
