/// A position in a source file: the path as shown to the user, a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars (characters as the user sees them in most editors), not bytes.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The file's path as it should appear in messages (relative to the working directory where possible).
    public var path: String
    /// 1-based line number; 0 when unknown.
    public var line: Int
    /// 1-based column number; 0 when unknown.
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// `path:line:column`, leaving out the parts that are unknown.
    public var description: String {
        var text = path
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }
}
