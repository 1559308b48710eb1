import Foundation
import TeigenCore

/// `teigen build`: runs the pipeline, then the last steps: write → search → commit, which replaces the
/// output folder atomically.
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
        let staging = try AtomicOutput(destination: output)
        do throws(DiagnosticError) {
            var pipeline = BuildPipeline(options: options)
            pipeline.pageWriter = staging
            var cache = RenderCache(enabled: false)
            var product = try await pipeline.run(cache: &cache)
            try checkWarnings(of: product)
            let indexer = product.search ? try PagefindIndexer.locate() : nil
            var timer = StageTimer()
            try await FileWriter(output: staging, jobs: options.jobs).write(product.files)
            timer.mark("write")
            if let indexer {
                try indexer.index(staging.staging)
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

    /// With `--fail-on-warnings`, the build's warnings as errors.
    func checkWarnings(of product: BuildProduct) throws(DiagnosticError) {
        guard failOnWarnings, !product.warnings.isEmpty else { return }
        throw DiagnosticError(product.warnings.map { Diagnostic(.error, $0.message + " (warnings are errors: --fail-on-warnings)", at: $0.location, sourceLine: $0.sourceLine) })
    }
}
