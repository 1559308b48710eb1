/// Converts Markdown to HTML with libcmark and Teigen's passes. Stateless and safe to use from many tasks.
///
/// ```swift
/// let page = MarkdownRenderer().render("## 提言 1\n\n本文[^1]。\n\n[^1]: 注。")
/// page.html             // <h2 id="提言-1">提言 1</h2> …
/// page.tableOfContents  // [TOCEntry(level: 2, id: "提言-1", title: "提言 1")]
/// ```
///
/// With ``MarkdownOptions/extensions`` on (the default) the output is libcmark's, plus:
/// - an `id` on every heading (``Slug``; `{#custom-id}` at the end of a heading sets it);
/// - footnotes (`[^label]` and `[^label]: text`), rendered as
///   `<sup class="footnote-ref"><a href="#fn-label" id="fnref-label" role="doc-noteref">1</a></sup>`
///   and a closing `<section class="footnotes" role="doc-endnotes"><ol><li id="fn-label">…</li></ol></section>`;
/// - GitHub tables;
/// - no space for a soft line break between two Japanese (East Asian wide) characters;
/// - link and image destinations passed through the `rewriteLink` closure.
public struct MarkdownRenderer: Sendable {
    /// The options used by ``render(_:rewriteLink:)``.
    public var options: MarkdownOptions

    /// Creates a renderer with `options`.
    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Converts `source`. `rewriteLink` is consulted for every link and image destination (extensions only).
    public func render(_ source: String, rewriteLink: LinkRewriter? = nil) -> RenderedMarkdown {
        MarkdownPipeline(options: options, rewriteLink: rewriteLink).run(source)
    }
}
