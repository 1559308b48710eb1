/// An error carrying every diagnostic of a failed stage, so the user sees all of their mistakes at once.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// Every diagnostic in full, except that at most `DiagnosticList.defaultLimit` of each kind are shown.
    public var description: String {
        DiagnosticList(diagnostics).description
    }
}
