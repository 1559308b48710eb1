import TeigenCore

/// Splits a page into its front matter and its Markdown body, keeping line numbers. The first line tells the
/// format (see `FrontMatterFormat`): YAML between `---` lines, TOML between `+++` lines, or a JSON object that
/// starts the file and ends with the `}` that closes it.
public struct FrontMatterSplitter: Sendable {
    /// The parts of a page's text.
    public struct Parts: Sendable, Hashable {
        /// The format of the front matter.
        public var format: FrontMatterFormat
        /// The front matter's text: for YAML and TOML the lines between the fences, for JSON the object itself.
        public var text: String
        /// The Markdown after the front matter.
        public var body: String
        /// The file line on which `body` starts (1-based).
        public var bodyFirstLine: Int

        /// The front matter's text, by its name from when front matter was YAML only: `text`.
        public var yaml: String { text }
    }

    public init() {}

    /// Splits `text` (LF line endings, no BOM) of the file at `path`.
    public func split(_ text: String, path: String) throws(DiagnosticError) -> Parts {
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw DiagnosticError(.error(
                "empty page: a page starts with front matter between '---' lines and needs a 'title'",
                at: SourceLocation(path: path, line: 1, column: 1)))
        }
        guard let format = FrontMatterFormat(firstLineOf: text) else {
            throw DiagnosticError(.error(
                "missing front matter: the first line of a page must be '---' (YAML front matter up to another '---'), "
                    + "'+++' (TOML up to another '+++') or '{' (a JSON object), and the front matter needs a 'title'",
                at: SourceLocation(path: path, line: 1, column: 1), source: text))
        }
        switch format {
        case .yaml: return try fenced(text, path: path, format: format, closings: ["---", "..."])
        case .toml: return try fenced(text, path: path, format: format, closings: ["+++"])
        case .json: return try jsonObject(text, path: path)
        }
    }

    /// Front matter between a fence on the first line and a closing line.
    private func fenced(_ text: String, path: String, format: FrontMatterFormat, closings: [String]) throws(DiagnosticError) -> Parts {
        // Scan the UTF-8 bytes line by line until the closing fence; the body is never split into lines.
        let bytes = text.utf8
        let frontStart = bytes.index(after: bytes.firstIndex(of: 0x0A) ?? bytes.index(before: bytes.endIndex))
        var lineStart = frontStart
        var lineNumber = 2
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
            if closings.contains(where: { line.elementsEqual($0.utf8) }) {
                let front = frontStart < lineStart ? String(text[frontStart..<bytes.index(before: lineStart)]) : ""
                return Parts(format: format, text: front, body: String(text[next...]), bodyFirstLine: lineNumber + 1)
            }
            lineStart = next
            lineNumber += 1
        }
        throw DiagnosticError(.error(
            "front matter is never closed: add a line '\(format.fence ?? "")' after the \(format.rawValue)",
            at: SourceLocation(path: path, line: 1, column: 1), source: text))
    }

    /// A JSON object at the start of the file, up to the `}` that closes it (braces in strings do not count).
    private func jsonObject(_ text: String, path: String) throws(DiagnosticError) -> Parts {
        let bytes = text.utf8
        var depth = 0
        var inString = false
        var escaped = false
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return try jsonParts(text, closingBrace: index, line: line, path: path) }
            }
            index = bytes.index(after: index)
        }
        throw DiagnosticError(.error(
            "JSON front matter is never closed: the '{' that starts the page has no matching '}'",
            at: SourceLocation(path: path, line: 1, column: 1), source: text))
    }

    /// The parts of a page whose JSON front matter ends at `closingBrace`, on line `line`.
    private func jsonParts(_ text: String, closingBrace: String.UTF8View.Index, line: Int, path: String) throws(DiagnosticError) -> Parts {
        let bytes = text.utf8
        let afterBrace = bytes.index(after: closingBrace)
        let lineEnd = bytes[afterBrace...].firstIndex(of: 0x0A) ?? bytes.endIndex
        if let extra = bytes[afterBrace..<lineEnd].firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) {
            let lineStart = bytes[..<closingBrace].lastIndex(of: 0x0A).map { bytes.index(after: $0) } ?? bytes.startIndex
            let column = text.unicodeScalars[lineStart..<extra].count + 1
            throw DiagnosticError(.error(
                "text after the '}' that closes the JSON front matter: start the page's text on the next line",
                at: SourceLocation(path: path, line: line, column: column), source: text))
        }
        let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
        return Parts(format: .json, text: String(text[..<afterBrace]), body: String(text[next...]), bodyFirstLine: line + 1)
    }
}
