/// Where the inline content of one leaf block (paragraph, heading, table cell) sits in its text.
///
/// libcmark gives exact positions for inline nodes on a block's first line only: on later lines it
/// counts columns from the stripped line content as if it started at the block's start column, and
/// it counts lines from the block's first line even when link reference definitions were taken off
/// the paragraph's start. ``SourceMap`` corrects both with this information.
struct BlockPosition {
    /// Index of the block's text in ``SourceMap/texts``.
    var text: Int
    /// The block's node, to count its lines when needed (unset for table cells).
    var node: CmarkNode?
    /// libcmark's start line and column of the block.
    var startLine: Int
    var startColumn: Int
    /// Block quotes around the block (their `>` markers precede continuation lines).
    var quoteDepth: Int
    /// Lines of link reference definitions libcmark removed from the start of the paragraph, once known.
    var lineShift: Int?
}
