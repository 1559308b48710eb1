/// The part of a source line a diagnostic shows under its header: the whole line, or, when the line is long,
/// a window of it around the column with `…` where it was cut. (A minified file or a 200 kB paragraph would
/// otherwise be printed whole for every diagnostic on it.)
///
/// ```swift
/// let excerpt = SourceExcerpt(line: "title: [2", column: 8)   // text "title: [2", caretColumn 8
/// ```
public struct SourceExcerpt: Sendable, Hashable {
    /// The text shown, without its line ending.
    public var text: String
    /// The 1-based column (in Unicode scalars) of `text` under which the caret goes; 0 for no caret.
    public var caretColumn: Int

    /// Lines of up to this many Unicode scalars are shown whole; longer ones are cut to this width.
    public static let width = 100
    /// How many scalars a cut line keeps before the column.
    static let before = 40

    public init(text: String, caretColumn: Int) {
        self.text = text
        self.caretColumn = caretColumn
    }

    /// The excerpt of `line` (without its line ending) for a diagnostic at `column` (1-based; 0 when unknown).
    public init(line: Substring, column: Int) {
        let scalars = String(line).unicodeScalars
        var cursor = LineCursor(scalars: scalars, start: scalars.startIndex, end: scalars.endIndex)
        self = cursor.excerpt(column: column)
    }

    /// The excerpts of many positions (1-based lines and columns) in `text`, in one pass over it: the cost is
    /// the length of the text plus the number of positions, however many fall on one line. Positions past the
    /// end of the text get nil.
    public static func excerpts(of text: String, at positions: [(line: Int, column: Int)]) -> [SourceExcerpt?] {
        var result = [SourceExcerpt?](repeating: nil, count: positions.count)
        let order = positions.indices.filter { positions[$0].line > 0 }.sorted {
            (positions[$0].line, positions[$0].column) < (positions[$1].line, positions[$1].column)
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var cursor: LineCursor?
        for index in order {
            let position = positions[index]
            while lineNumber < position.line {
                guard let newline = utf8[lineStart...].firstIndex(of: 0x0A) else { return result }
                lineStart = utf8.index(after: newline)
                lineNumber += 1
                cursor = nil
            }
            if cursor == nil {
                var lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
                if lineEnd > lineStart, utf8[utf8.index(before: lineEnd)] == 0x0D { lineEnd = utf8.index(before: lineEnd) }
                cursor = LineCursor(scalars: text.unicodeScalars, start: lineStart, end: lineEnd)
            }
            result[index] = cursor!.excerpt(column: position.column)
        }
        return result
    }
}

/// Walks one line's scalars forward, so that excerpts at increasing columns of one line cost the line's length once.
private struct LineCursor {
    let scalars: String.UnicodeScalarView
    let start: String.Index
    let end: String.Index
    /// Where column `column` starts (or the line's end).
    var position: String.Index
    var column = 1
    /// The line's length in scalars, counted when first needed.
    var length: Int?

    init(scalars: String.UnicodeScalarView, start: String.Index, end: String.Index) {
        self.scalars = scalars
        self.start = start
        self.end = end
        self.position = start
    }

    /// The excerpt for `target` (1-based; 0 when unknown). Targets must not decrease between calls.
    mutating func excerpt(column target: Int) -> SourceExcerpt {
        let lineLength = length ?? scalars[start..<end].count
        length = lineLength
        if lineLength <= SourceExcerpt.width {
            return SourceExcerpt(text: String(scalars[start..<end]), caretColumn: max(target, 0))
        }
        let wanted = max(target, 1)
        while column < wanted, position < end {
            scalars.formIndex(after: &position)
            column += 1
        }
        // A caret past the line's end (a missing closing mark, say) stays that far past it.
        let beyond = wanted - column
        var windowStart = position
        var kept = 0
        while kept < SourceExcerpt.before, windowStart > start {
            scalars.formIndex(before: &windowStart)
            kept += 1
        }
        var windowEnd = windowStart
        var width = 0
        while width < SourceExcerpt.width, windowEnd < end {
            scalars.formIndex(after: &windowEnd)
            width += 1
        }
        let cutBefore = windowStart > start
        let cutAfter = windowEnd < end
        let text = (cutBefore ? "…" : "") + String(scalars[windowStart..<windowEnd]) + (cutAfter ? "…" : "")
        let caret = target > 0 ? kept + beyond + 1 + (cutBefore ? 1 : 0) : 0
        return SourceExcerpt(text: text, caretColumn: caret)
    }
}
