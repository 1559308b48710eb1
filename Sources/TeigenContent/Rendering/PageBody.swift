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
    /// Code blocks and formulas still shown plain, whose HTML the highlighter and the math converter make
    /// (``BodyFragments``), and where they are in ``html`` and ``summaryHTML``.
    var fragments: [MarkdownFragment] = []
    var htmlPlacements: [FragmentPlacement] = []
    var summaryPlacements: [FragmentPlacement] = []

    /// The files the body's images and shortcodes use (site paths of images), which the build publishes.
    public var resources: [String] = []

    /// Whether the body holds code or formulas that tools have not made HTML of yet.
    public var hasFragments: Bool { !fragments.isEmpty }

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
        fragments = rendered.fragments
        resources = rendered.resources
        htmlPlacements = rendered.htmlPlacements
        summaryPlacements = rendered.summaryPlacements
    }

    /// The body with fragments `replacements` (by index) written as the tools made them; the others stay plain.
    func resolving(_ replacements: [Int: String]) -> PageBody {
        var copy = self
        copy.html = FragmentPlacement.splice(html, placements: htmlPlacements, replacements: replacements)
        copy.summaryHTML = FragmentPlacement.splice(summaryHTML, placements: summaryPlacements, replacements: replacements)
        copy.fragments = []
        copy.htmlPlacements = []
        copy.summaryPlacements = []
        return copy
    }
}
