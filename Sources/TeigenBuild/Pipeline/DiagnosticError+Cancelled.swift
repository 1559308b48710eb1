import TeigenCore

extension DiagnosticError {
    /// What a build throws when its task was cancelled (the preview server started a newer build, or is
    /// stopping): nothing is wrong with the input, so it holds no diagnostics. Only the preview server
    /// cancels builds, and it checks `Task.isCancelled` to tell this from an input error.
    static var cancelled: DiagnosticError { DiagnosticError([Diagnostic]()) }
}
