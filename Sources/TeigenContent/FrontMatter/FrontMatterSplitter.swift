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
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw DiagnosticError(.error(
                "empty page: a page starts with front matter between '---' lines and needs a 'title'",
                at: SourceLocation(path: path, line: 1, column: 1)))
        }
        // Scan the UTF-8 bytes line by line until the closing fence; the body is never split into lines.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.UTF8View.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart {
                let last = bytes[bytes.index(before: trimmedEnd)]
                guard last == 0x20 || last == 0x09 else { break }
                trimmedEnd = bytes.index(before: trimmedEnd)
            }
            let line = bytes[lineStart..<trimmedEnd]
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            if let yamlStart {
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                    let yaml = yamlStart < lineStart ? String(text[yamlStart..<bytes.index(before: lineStart)]) : ""
                    return Parts(yaml: yaml, body: String(text[next...]), bodyFirstLine: lineNumber + 1)
                }
            } else {
                guard line.elementsEqual("---".utf8) else {
                    throw DiagnosticError(.error(
                        "missing front matter: the first line of a page must be '---', followed by YAML with a 'title' and another '---'",
                        at: SourceLocation(path: path, line: 1, column: 1), source: text))
                }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
        }
        throw DiagnosticError(.error(
            "front matter is never closed: add a line '---' after the YAML",
            at: SourceLocation(path: path, line: 1, column: 1), source: text))
    }
}
