/// What to do with one link or image destination found in Markdown.
public enum LinkRewrite: Sendable, Hashable {
    /// Leave the destination as written.
    case keep
    /// Replace the destination with this URL.
    case replace(String)
    /// The destination is broken (for example a link to a missing `.md` file): an error with this message,
    /// reported at the link's line and column. The link is kept as written.
    case broken(String)
}

/// Decides how link destinations are rewritten; called once per link and image, from any thread.
///
/// ```swift
/// let html = MarkdownRenderer().render("[次へ](../proposals/2.md)") { destination in
///     destination.hasSuffix(".md") ? .replace("/proposals/2/") : .keep
/// }.html
/// ```
public typealias LinkRewriter = @Sendable (_ destination: String) -> LinkRewrite
