/// A problem found while converting, relative to the Markdown text given.
///
/// `line` and `column` are 1-based; the column counts Unicode scalars, not bytes,
/// like `TeigenCore.SourceLocation`.
public struct MarkdownIssue: Sendable, Hashable {
    /// How serious an issue is: warnings leave the output usable, errors mean it is wrong.
    public enum Severity: Sendable, Hashable { case warning, error }
    /// How serious the issue is.
    public var severity: Severity
    /// 1-based line in the Markdown given.
    public var line: Int
    /// 1-based column (in Unicode scalars) in the Markdown given.
    public var column: Int
    /// What is wrong, for the user.
    public var message: String

    /// Creates an issue.
    public init(severity: Severity, line: Int, column: Int, message: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
    }
}
