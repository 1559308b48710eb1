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
        try await PythonDriver(python: python).results("highlight", for: blocks)
    }
}
