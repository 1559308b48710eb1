import TeigenMarkdown

/// A page's Markdown body converted to HTML, with what lists, feeds and the table of contents show of it.
///
/// Made by ``PageBodyRenderer``; the build sees bodies only through this type, so that the Markdown module
/// stays Content's own (the README's architecture).
public struct PageBody: Sendable, Hashable {
    /// The body HTML, footnotes section included.
    public var html: String
    /// The h2 and h3 headings, nested.
    public var tableOfContents: [PageHeading]
    /// HTML of the text before `<!--more-->`, or of the first paragraph; footnote references left out.
    public var summaryHTML: String
    /// Plain text of the summary.
    public var summaryText: String
    /// Minutes to read (Japanese characters at about 500 a minute, other words at about 200), at least 1.
    public var readingMinutes: Int
    /// The conversion's warnings and errors, relative to the body (``PageBodyRenderer/diagnostics(for:page:)``).
    var issues: [MarkdownIssue]

    /// Creates a body; `issues` stay empty (a body made by hand has none).
    public init(html: String, tableOfContents: [PageHeading] = [], summaryHTML: String = "", summaryText: String = "", readingMinutes: Int = 1) {
        self.html = html
        self.tableOfContents = tableOfContents
        self.summaryHTML = summaryHTML
        self.summaryText = summaryText
        self.readingMinutes = readingMinutes
        issues = []
    }

    /// The parts of a conversion a page uses (the plain text of the whole body is not kept).
    init(_ rendered: RenderedMarkdown) {
        self.init(
            html: rendered.html, tableOfContents: rendered.tableOfContents.map(PageHeading.init), summaryHTML: rendered.summaryHTML,
            summaryText: rendered.summaryText, readingMinutes: rendered.readingMinutes)
        issues = rendered.issues
    }
}
