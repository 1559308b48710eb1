/// The result of converting one Markdown document.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body HTML, footnotes section included.
    public var html: String
    /// h2–h3 headings, nested.
    public var tableOfContents: [TOCEntry]
    /// The text without markup or footnote numbers (for descriptions, search and reading time).
    ///
    /// One line per paragraph, heading, code block or table row; table cells are separated by a tab.
    /// Footnotes, raw HTML and images are left out.
    public var plainText: String
    /// HTML of the text before `<!--more-->`, or of the first paragraph; footnote references are left out.
    public var summaryHTML: String
    /// Plain text of the summary.
    public var summaryText: String
    /// Minutes to read: Japanese characters at about 500 a minute plus other words at about 200 a minute, at least 1.
    public var readingMinutes: Int
    /// Warnings and errors, in source order.
    public var issues: [MarkdownIssue]

    /// Creates a result.
    public init(
        html: String, tableOfContents: [TOCEntry] = [], plainText: String = "", summaryHTML: String = "",
        summaryText: String = "", readingMinutes: Int = 1, issues: [MarkdownIssue] = []
    ) {
        self.html = html
        self.tableOfContents = tableOfContents
        self.plainText = plainText
        self.summaryHTML = summaryHTML
        self.summaryText = summaryText
        self.readingMinutes = readingMinutes
        self.issues = issues
    }
}
