/// Highlights code blocks, all of a build's at once: a tool that starts slowly (a Python process) is
/// started once per build, not once per block. Tests use their own.
///
/// ```swift
/// let results = try await PygmentsHighlighter().highlight([CodeBlock(language: "swift", code: "let x = 1\n")])
/// ```
public protocol CodeHighlighter: Sendable {
    /// Names the highlighter and what decides its output, for cache keys (`pygments/1`).
    var identity: String { get }
    /// The result for each of `blocks`, in order; throws when the tool cannot be run at all.
    func highlight(_ blocks: [CodeBlock]) async throws(ToolUnavailable) -> [HighlightResult]
}

/// What became of one code block.
public enum HighlightResult: Sendable, Hashable, Codable {
    /// The block's HTML, classes on its tokens (`<div class="highlight"><pre tabindex="0"><code …>`).
    case html(String)
    /// The highlighter knows no language by this name: the block stays plain.
    case unknownLanguage
}

/// A tool that could not be run (not installed, failed to start or answered nonsense).
public struct ToolUnavailable: Error, Sendable, Hashable {
    /// What went wrong, for the user.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
