/// Highlights code with Pygments (<https://pygments.org>), through Teigen's Python driver: one process
/// for all the blocks of a call. Each token gets Pygments' short CSS class (`k` keyword, `s` string, `c`
/// comment…), which the theme's stylesheet colours in light and dark.
public struct PygmentsHighlighter: CodeHighlighter {
    /// The Python interpreter that has Pygments (`python3` on `PATH` by default).
    public var python: String

    public init(python: String = "python3") {
        self.python = python
    }

    public var identity: String { "pygments/\(PythonDriver.version)" }

    public func highlight(_ blocks: [CodeBlock]) async throws(ToolUnavailable) -> [HighlightResult] {
        guard !blocks.isEmpty else { return [] }
        let answer: Answer = try await PythonDriver(python: python).run("highlight", Request(requests: blocks))
        guard answer.results.count == blocks.count else {
            throw ToolUnavailable(reason: "the driver answered \(answer.results.count) results for \(blocks.count) blocks")
        }
        return answer.results
    }

    private struct Request: Encodable {
        var requests: [CodeBlock]
    }

    private struct Answer: Decodable {
        var results: [HighlightResult]
    }
}
