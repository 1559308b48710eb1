import TeigenCore

/// Splits a page into its YAML front matter (between `---` lines) and its Markdown body, keeping line numbers.
public struct FrontMatterSplitter: Sendable {
    /// The parts of a page's text.
    public struct Parts: Sendable, Hashable {
        /// The YAML between the fences (without them).
        public var yaml: String
        /// The Markdown after the closing fence.
        public var body: String
        /// The file line on which `body` starts (1-based).
        public var bodyFirstLine: Int
    }

    public init() {}

    /// Splits `text` (LF line endings, no BOM) of the file at `path`.
    public func split(_ text: String, path: String) throws(DiagnosticError) -> Parts {
        if text.allSatisfy({ $0.isWhitespace }) {
            throw DiagnosticError(.error(
                "empty page: a page starts with front matter between '---' lines and needs a 'title'",
                at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" && text.hasSuffix("\n") { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            throw DiagnosticError(.error(
                "missing front matter: the first line of a page must be '---', followed by YAML with a 'title' and another '---'",
                at: SourceLocation(path: path, line: 1, column: 1), source: text))
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" || lines[$0].trimmingTrailingSpaces == "..." }) else {
            throw DiagnosticError(.error(
                "front matter is never closed: add a line '---' after the YAML",
                at: SourceLocation(path: path, line: 1, column: 1), source: text))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = closing + 1 < lines.count ? lines[(closing + 1)...].joined(separator: "\n") + (text.hasSuffix("\n") ? "\n" : "") : ""
        return Parts(yaml: yaml, body: body, bodyFirstLine: closing + 2)
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
