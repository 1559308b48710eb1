import TeigenCore

/// A file or folder that could not be written into the staging folder (the `write` step's failure, and
/// that of pages written as they are rendered).
public struct WriteFailure: Error, Sendable {
    /// The output path (relative to the output folder).
    public var path: String
    /// What went wrong, at the output folder.
    public var diagnostic: Diagnostic

    /// Creates a failure to write `path`, described by `diagnostic`.
    public init(path: String, diagnostic: Diagnostic) {
        self.path = path
        self.diagnostic = diagnostic
    }

    /// The failures of one build as one error: a full disk fails every write the same way, so the first
    /// (by path) is reported once, with a count of the others.
    static func report(_ failures: [WriteFailure]) -> DiagnosticError {
        let sorted = failures.sorted { ($0.path, $0.diagnostic.message) < ($1.path, $1.diagnostic.message) }
        guard var diagnostic = sorted.first?.diagnostic else { return DiagnosticError([]) }
        if sorted.count > 1 { diagnostic.message += " (\(sorted.count - 1) more files could not be written either)" }
        return DiagnosticError(diagnostic)
    }
}
