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
    ///
    /// With `includingText` false only the HTML, table of contents and issues are made:
    /// ``RenderedMarkdown/plainText``, ``RenderedMarkdown/summaryHTML`` and ``RenderedMarkdown/summaryText``
    /// stay empty and ``RenderedMarkdown/readingMinutes`` is 1. For callers that want the body alone
    /// (`teigen markdown`), it spares a walk over the whole document and a second rendering.
    ///
    /// ```swift
    /// let html = MarkdownRenderer().render(markdown, includingText: false).html
    /// ```
    public func render(_ source: String, rewriteLink: LinkRewriter? = nil, includingText: Bool = true) -> RenderedMarkdown {
        render(source, hooks: MarkdownHooks(rewriteLink: rewriteLink), includingText: includingText)
    }

    /// Converts `source`, with the caller deciding links, images and shortcodes through `hooks`
    /// (extensions only); otherwise as ``render(_:rewriteLink:includingText:)``.
    public func render(_ source: String, hooks: MarkdownHooks, includingText: Bool = true) -> RenderedMarkdown {
        var timer = StageTimer(enabled: false)
        return MarkdownPipeline(options: options, hooks: hooks, includingText: includingText).run(source, timer: &timer)
    }

    /// Converts Markdown given as UTF-8 bytes, as ``render(_:rewriteLink:includingText:)`` does, without
    /// making a String of it first (invalid UTF-8 is replaced with U+FFFD by libcmark as it reads it).
    public func render(utf8 bytes: [UInt8], rewriteLink: LinkRewriter? = nil, includingText: Bool = true) -> RenderedMarkdown {
        var timer = StageTimer(enabled: false)
        return MarkdownPipeline(options: options, hooks: MarkdownHooks(rewriteLink: rewriteLink), includingText: includingText)
            .run(utf8: bytes, timer: &timer)
    }

    /// Converts Markdown given as UTF-8 bytes as ``render(utf8:rewriteLink:includingText:)`` does and
    /// reports how long each stage took (parse, each pass, rendering, freeing libcmark's trees), for
    /// `teigen markdown --timings`.
    public func renderTimed(utf8 bytes: [UInt8], includingText: Bool = true) -> (RenderedMarkdown, [MarkdownStageTime]) {
        var timer = StageTimer(enabled: true)
        let rendered = MarkdownPipeline(options: options, includingText: includingText).run(utf8: bytes, timer: &timer)
        return (rendered, timer.stages)
    }
}
