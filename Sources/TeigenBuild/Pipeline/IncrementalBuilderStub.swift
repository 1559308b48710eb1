import Foundation
import TeigenCore

/// Keeps the last build's state so that a change to a few source files re-renders only the outputs
/// that can change. Used by the preview server.
public actor IncrementalBuilder {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds everything (first call) or what `changedPaths` (absolute paths under the site or theme
    /// folder) can affect. Throws `DiagnosticError` when the input is wrong; the previous state is kept then.
    public func build(changedPaths: Set<String>? = nil) async throws -> (SiteSnapshot, RebuildReport) {
        throw DiagnosticError(Diagnostic.error("not implemented yet", at: SourceLocation(path: options.sourceDirectory.path)))
    }
}
