/// Syntax found by the ``PlaceholderScanner`` in a text's paragraphs and headings: a formula or a
/// shortcode tag, with where it starts in the text (a line and a byte offset in it).
struct PlaceholderSpan {
    enum Kind {
        /// `$…$` (inline) or `$$…$$` (display).
        case math(display: Bool)
        /// `{{< … >}}`: written as an HTML comment on a line of its own (`block`), else as a code span.
        case shortcode(ShortcodeSpan)
    }

    var kind: Kind
    /// The line of the text where the span starts, and the byte offset in it.
    var line: Int
    var offset: Int
}

/// A shortcode tag as the scanner read it.
struct ShortcodeSpan {
    /// The tag, or why it cannot be read and where (a line and byte offset of the text).
    var tag: Result<ShortcodeTag, ShortcodeTag.SyntaxError>
    /// Where each argument starts: a line and byte offset of the text.
    var argumentPositions: [(line: Int, offset: Int)]
    /// Where a syntax error is: a line and byte offset of the text.
    var errorPosition: (line: Int, offset: Int)?
    /// Whether the tag stands on lines of its own (a block) rather than inside a paragraph's text.
    var isBlock: Bool
}

/// What the scanner found in a text, and the text with placeholders in place of it.
struct PlaceholderScan {
    /// The text with every span replaced, at the same length and with the same lines.
    var text: SourceText
    var spans: [PlaceholderSpan]
    /// For every code span libcmark will find, in document order: `nil` for one the author wrote, or the
    /// span it stands for (a formula or a shortcode inside a paragraph).
    var codeSpans: [Int?]
    /// The spans written as HTML comments (block shortcodes), in document order.
    var commentSpans: [Int]
}
