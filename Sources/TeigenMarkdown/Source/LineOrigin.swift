/// Where one line of a text given to libcmark came from in the author's Markdown.
///
/// Byte `offset` of the line is byte `offset + shift + (insertions at or before offset)` of
/// original line `line`: `shift` accounts for removed indentation or added prefixes, `insertions`
/// for single bytes removed inside the line (the backslashes of `\|` in table cells).
struct LineOrigin {
    /// 1-based line in the original Markdown.
    var line: Int
    /// Bytes to add to an offset in this line to get the offset in the original line.
    var shift: Int
    /// Sorted offsets (in this line) before which one original byte was removed.
    var insertions: [Int] = []

    func originalOffset(_ offset: Int) -> Int {
        var result = offset + shift
        for insertion in insertions where insertion <= offset { result += 1 }
        return result
    }
}
