/// A block of code to highlight: its language, its text and how to show it.
public struct CodeBlock: Sendable, Hashable, Codable {
    /// The language as written after the fence (`swift`, `python`); matched against the highlighter's names.
    public var language: String
    /// The code, as in the block (ending with a line break).
    public var code: String
    public var options: CodeOptions

    public init(language: String, code: String, options: CodeOptions = CodeOptions()) {
        self.language = language
        self.code = code
        self.options = options
    }
}
