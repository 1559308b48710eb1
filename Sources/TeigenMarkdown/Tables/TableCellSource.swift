/// One cell's Markdown: a byte range of one line of the text the table was found in.
struct TableCellSource {
    /// 1-based line in the text.
    var line: Int
    /// Absolute byte range in the text's bytes (empty for padding cells).
    var range: Range<Int>

    static let empty = TableCellSource(line: 0, range: 0..<0)
}
