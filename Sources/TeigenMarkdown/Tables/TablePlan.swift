/// A GitHub table found in a paragraph (or setext heading), before the tree is changed.
struct TablePlan {
    /// What the table replaces.
    enum Source {
        case paragraph
        /// A setext heading whose content lines hold the table; the underline follows the table as a
        /// thematic break (`---`) or as one more row (`===`), as GitHub reads it.
        case setextHeading(underline: UInt8)
    }

    /// The paragraph or heading node.
    var node: CmarkNode
    /// Where the node's inline positions are (for the paragraphs kept around the table).
    var position: BlockPosition
    var source: Source
    /// Content lines of the node kept before the table (they stay a paragraph).
    var leadingLines: Int
    /// The content line where a paragraph after the table starts (the first lazy continuation line
    /// after the delimiter row, which GitHub does not take as a row), if any.
    var trailingStart: Int?
    /// Where that paragraph goes: after this node (the block quote or list the lazy line is outside of),
    /// or, when `nil`, right after the table.
    var trailingAfter: CmarkNode?
    /// Column alignments (the delimiter row's cells).
    var alignments: [TableAlignment]
    /// The header row's cells.
    var header: [TableCellSource]
    /// Body rows, each exactly as wide as the header (padded with empty cells or truncated).
    var rows: [[TableCellSource]]
    /// Where each content line of the node starts (absolute byte offset, after container markers).
    var lineStarts: [Int]
    /// Whether every row is one of the node's content lines, so the inline nodes libcmark already made
    /// can be shared out among the cells (a setext `===` underline row is not).
    var rowsAreContentLines: Bool
}
