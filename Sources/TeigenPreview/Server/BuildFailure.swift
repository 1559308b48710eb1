import TeigenCore

/// A failed build as the browser overlay and the terminal show it.
struct BuildFailure: Sendable, Hashable, Encodable {
    /// One diagnostic, flattened for JSON.
    struct Entry: Sendable, Hashable, Encodable {
        var path: String
        var line: Int
        var column: Int
        var message: String
        var sourceLine: String?
        /// `path:line:column: error: message`, the source line and a caret: what the terminal prints.
        var text: String
    }

    /// The whole error as the terminal prints it.
    var message: String
    /// The diagnostics, when the error carried any.
    var diagnostics: [Entry]

    /// A failure without a location: `error: ` and the message.
    init(message: String) {
        self.message = "error: " + message
        diagnostics = []
    }

    /// Describes any error a build threw; `DiagnosticError`s keep their locations.
    init(_ error: any Error) {
        let diagnosticError = (error as? DiagnosticError) ?? (error as? Diagnostic).map { DiagnosticError($0) }
        guard let diagnosticError else {
            message = "error: \(error)"
            diagnostics = []
            return
        }
        message = diagnosticError.description
        diagnostics = diagnosticError.diagnostics.map { diagnostic in
            Entry(
                path: diagnostic.location.path, line: diagnostic.location.line, column: diagnostic.location.column,
                message: diagnostic.message, sourceLine: diagnostic.sourceLine, text: diagnostic.description)
        }
    }
}
