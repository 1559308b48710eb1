import TeigenCore

/// A failed build as the browser overlay and the terminal show it.
public struct BuildFailure: Sendable, Hashable, Encodable {
    /// One diagnostic, flattened for JSON.
    public struct Entry: Sendable, Hashable, Encodable {
        public var path: String
        public var line: Int
        public var column: Int
        public var message: String
        public var sourceLine: String?
        /// `path:line:column: error: message`, the source line and a caret: what the terminal prints.
        public var text: String
    }

    /// The whole error as the terminal prints it.
    public var message: String
    /// The diagnostics, when the error carried any.
    public var diagnostics: [Entry]

    /// Describes any error a build threw; `DiagnosticError`s keep their locations.
    public init(_ error: any Error) {
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
