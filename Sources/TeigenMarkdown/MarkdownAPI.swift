// CONTRACT between the Markdown module and its callers (Content, Build, the command line).
// The Markdown helper owns this module and may move these types into files of their own,
// but must keep these public names and signatures (adding members is fine).

/// Options of the Markdown conversion, read from `site/config.yaml` (`markdown:`) and `teigen markdown` flags.
public struct MarkdownOptions: Sendable, Hashable {
    /// Smart punctuation (cmark's `--smart`); off by default, as in cmark.
    public var smartPunctuation: Bool
    /// Raw HTML passes through (cmark's `--unsafe`); on by default. Off strips it as cmark's safe mode does.
    public var allowRawHTML: Bool
    /// Soft line breaks render as `<br />` (cmark's `--hardbreaks`); off by default.
    public var hardBreaks: Bool
    /// Our passes (heading ids, footnotes, tables, Japanese line breaks, link rewriting); off gives plain libcmark.
    public var extensions: Bool
    /// Whether headings get a self-link anchor (`<a class="heading-anchor" href="#id">#</a>`).
    public var headingAnchors: Bool

    public init(
        smartPunctuation: Bool = false, allowRawHTML: Bool = true, hardBreaks: Bool = false,
        extensions: Bool = true, headingAnchors: Bool = false
    ) {
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
        self.hardBreaks = hardBreaks
        self.extensions = extensions
        self.headingAnchors = headingAnchors
    }
}

/// What to do with one link or image destination found in Markdown.
public enum LinkRewrite: Sendable, Hashable {
    /// Leave the destination as written.
    case keep
    /// Replace the destination with this URL.
    case replace(String)
    /// The destination is broken (for example a link to a missing `.md` file): an error with this message.
    case broken(String)
}

/// Decides how link destinations are rewritten; called once per link and image, from any thread.
public typealias LinkRewriter = @Sendable (_ destination: String) -> LinkRewrite

/// A problem found while converting, relative to the Markdown text given (1-based line and column).
public struct MarkdownIssue: Sendable, Hashable {
    public enum Severity: Sendable, Hashable { case warning, error }
    public var severity: Severity
    public var line: Int
    public var column: Int
    public var message: String

    public init(severity: Severity, line: Int, column: Int, message: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
    }
}

/// One entry of a page's table of contents (h2 and h3, nested).
public struct TOCEntry: Sendable, Hashable {
    public var level: Int
    public var id: String
    /// The heading's plain text.
    public var title: String
    public var children: [TOCEntry]

    public init(level: Int, id: String, title: String, children: [TOCEntry] = []) {
        self.level = level
        self.id = id
        self.title = title
        self.children = children
    }
}

/// The result of converting one Markdown document.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body HTML, footnotes section included.
    public var html: String
    /// h2–h3 headings, nested.
    public var tableOfContents: [TOCEntry]
    /// The text without markup or footnote numbers (for descriptions, search and reading time).
    public var plainText: String
    /// HTML of the text before `<!--more-->`, or of the first paragraph.
    public var summaryHTML: String
    /// Plain text of the summary.
    public var summaryText: String
    /// Minutes to read: Japanese characters at about 500 a minute plus other words at about 200 a minute, at least 1.
    public var readingMinutes: Int
    /// Warnings and errors, in source order.
    public var issues: [MarkdownIssue]

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

/// Converts Markdown to HTML with libcmark and Teigen's passes. Stateless and safe to use from many tasks.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Converts `source`. `rewriteLink` is consulted for every link and image destination (extensions only).
    public func render(_ source: String, rewriteLink: LinkRewriter? = nil) -> RenderedMarkdown {
        MarkdownPipeline(options: options, rewriteLink: rewriteLink).run(source)
    }
}

/// Slugs for heading ids and page URLs that keep Japanese and other Unicode letters and digits.
public enum Slug {
    /// `提言 1：首脳外交` → `提言-1首脳外交`; ASCII lower-cased, punctuation dropped, words joined by `-`.
    /// May return an empty string; callers supply their own fallback.
    public static func make(_ text: String) -> String {
        SlugMaker.slug(text)
    }
}
