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
    /// The files the HTML of images and shortcodes refers to, as the hooks named them, sorted, each once:
    /// what the caller must publish for this page (the images' resized files).
    public var resources: [String] = []
    /// Code blocks and formulas whose HTML a tool makes afterwards (``replacingFragments(_:)``).
    public var fragments: [MarkdownFragment] = []
    /// Where each fragment's plain rendering is in ``html``…
    public var htmlPlacements: [FragmentPlacement] = []
    /// … and in ``summaryHTML``.
    public var summaryPlacements: [FragmentPlacement] = []

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

    /// The result with the HTML of fragments `replacements` (by index into ``fragments``) in place of their
    /// plain rendering, in the body and the summary.
    public func replacingFragments(_ replacements: [Int: String]) -> RenderedMarkdown {
        var copy = self
        copy.html = FragmentPlacement.splice(html, placements: htmlPlacements, replacements: replacements)
        copy.summaryHTML = FragmentPlacement.splice(summaryHTML, placements: summaryPlacements, replacements: replacements)
        copy.htmlPlacements = []
        copy.summaryPlacements = []
        return copy
    }
}
