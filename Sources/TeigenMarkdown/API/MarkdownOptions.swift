/// Options of the Markdown conversion, read from `site/config.yaml` (`markdown:`) and `teigen markdown` flags.
///
/// ```swift
/// let options = MarkdownOptions(headingAnchors: true)
/// let page = MarkdownRenderer(options: options).render("## 提言 1")
/// ```
public struct MarkdownOptions: Sendable, Hashable {
    /// Smart punctuation (cmark's `--smart`); off by default, as in cmark.
    public var smartPunctuation: Bool
    /// Raw HTML passes through (cmark's `--unsafe`); on by default. Off strips it as cmark's safe mode does.
    public var allowRawHTML: Bool
    /// Soft line breaks render as `<br />` (cmark's `--hardbreaks`); off by default.
    ///
    /// When on, soft breaks between Japanese characters are kept too (they become `<br />`).
    public var hardBreaks: Bool
    /// Our passes (heading ids, footnotes, tables, strikethrough, task lists, extended autolinks, CJK-friendly
    /// emphasis, Japanese line breaks, link rewriting); off gives plain libcmark.
    public var extensions: Bool
    /// `*`, `_`, `**`, `__` (and `~`) follow the CommonMark CJK-friendly amendments (with ``extensions``):
    /// `**「提言」**を` is bold. On by default; off gives CommonMark's flanking rules.
    public var cjkFriendlyEmphasis: Bool
    /// Whether headings get a self-link anchor.
    ///
    /// The anchor is the heading's last child, after a space:
    /// `<h2 id="id">Title <a class="heading-anchor" href="#id" aria-label="Link to this section: Title" data-search-ignore>#</a></h2>`
    /// (`data-search-ignore` keeps the `#` out of the search index).
    /// The `aria-label` names the target, so the link makes sense when read out of context
    /// (for example in a screen reader's list of links); its first part is ``headingAnchorLabel``.
    public var headingAnchors: Bool
    /// The words before the heading's title in a heading anchor's `aria-label` (`"Link to this section"`).
    public var headingAnchorLabel: String
    /// The words before the reference number in a footnote back-link's `aria-label` (`"Back to reference"`):
    /// `Back to reference 1`, then `Back to reference 1-2` for the note's second reference.
    public var footnoteBacklinkLabel: String
    /// The accessible name of the notes section (`<section class="footnotes" role="doc-endnotes" aria-label="Notes">`);
    /// none by default.
    public var footnotesLabel: String?
    /// The number of the page's first footnote (front matter `footnoteStart`), so a document split
    /// over several pages keeps one numbering. Only the numbers shown change (`<ol start="5">`); ids
    /// come from the labels.
    public var footnoteStart: Int
    /// `$…$`, `$$…$$` and fenced `math` blocks are formulas (``MarkdownFragment/Kind/math(display:)``), made
    /// MathML afterwards by a math converter; off by default, so that a `$` is a dollar sign. Outside a
    /// formula a `$` always stays one: an opening `$` is followed by a non-space, a closing one preceded by a
    /// non-space and not followed by a digit (`$5 and $10` is text), and `\$` is a dollar sign.
    public var math: Bool

    /// Creates options; every argument defaults to cmark's own behaviour plus Teigen's extensions.
    public init(
        smartPunctuation: Bool = false, allowRawHTML: Bool = true, hardBreaks: Bool = false,
        extensions: Bool = true, cjkFriendlyEmphasis: Bool = true, headingAnchors: Bool = false,
        headingAnchorLabel: String = "Link to this section", footnoteBacklinkLabel: String = "Back to reference",
        footnoteStart: Int = 1, math: Bool = false
    ) {
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
        self.hardBreaks = hardBreaks
        self.extensions = extensions
        self.cjkFriendlyEmphasis = cjkFriendlyEmphasis
        self.headingAnchors = headingAnchors
        self.headingAnchorLabel = headingAnchorLabel
        self.footnoteBacklinkLabel = footnoteBacklinkLabel
        footnotesLabel = nil
        self.footnoteStart = footnoteStart
        self.math = math
    }
}
