/// The container markers at the start of a line — the `>` of block quotes, the marker or indentation
/// of list items — matched the way CommonMark matches them, counting columns (tabs to multiples of 4).
///
/// Which containers a line belongs to comes from libcmark's tree; this only reads the line's bytes,
/// to tell how many of those containers the line continues and where their content starts.
///
/// ```swift
/// let levels: [ContainerPrefix.Level] = [.quote, .item(startLine: 1, width: 2)]
/// let match = ContainerPrefix.match(levels, line: 2, in: bytes, range: text.line(2))
/// // match.levels == 2 when line 2 is `>   text`; match.position is at `text`.
/// ```
enum ContainerPrefix {
    /// One container around a line.
    enum Level: Equatable {
        case quote
        /// A list item whose marker is on line `startLine` and whose content starts `width` columns
        /// after its parent's content.
        case item(startLine: Int, width: Int)
    }

    /// Where matching the containers of a line stopped.
    struct Match {
        /// How many containers (outermost first) the line continues.
        var levels = 0
        /// The byte offset after the last matched container's marker or indentation.
        var position: Int
        /// The column of `position` (0-based).
        var column = 0
        /// The column where the last matched container's content starts; greater than `column`
        /// when a tab at `position` is partly taken by the container.
        var contentColumn = 0
    }

    /// Matches `levels` (outermost first) at the start of line `number`, whose bytes are `range`.
    static func match(_ levels: some Collection<Level>, line number: Int, in bytes: [UInt8], range: Range<Int>) -> Match {
        var match = Match(position: range.lowerBound)
        for level in levels {
            switch level {
            case .quote:
                guard matchQuote(&match, bytes, end: range.upperBound) else { return match }
            case .item(let startLine, let width):
                if number == startLine {
                    guard matchItemStart(&match, bytes, end: range.upperBound) != nil else { return match }
                } else {
                    guard matchItemContinuation(&match, width: width, bytes, end: range.upperBound) else { return match }
                }
            }
            match.levels += 1
        }
        return match
    }

    /// The width of the list item whose marker follows what `match` already matched on its first line.
    static func itemWidth(after match: Match, in bytes: [UInt8], range: Range<Int>) -> Int? {
        var match = match
        return matchItemStart(&match, bytes, end: range.upperBound)
    }

    /// The first byte that is not a space or tab from `position` (at `column`), and its column.
    static func skipIndentation(_ bytes: [UInt8], from position: Int, column: Int, end: Int) -> (position: Int, column: Int) {
        var position = position
        var column = column
        while position < end, bytes[position] == LineSyntax.space || bytes[position] == LineSyntax.tab {
            column = bytes[position] == LineSyntax.tab ? column + 4 - column % 4 : column + 1
            position += 1
        }
        return (position, column)
    }

    /// Moves over spaces and tabs as long as they end at or before column `target`.
    static func advance(_ bytes: [UInt8], from position: Int, column: Int, to target: Int, end: Int) -> (position: Int, column: Int) {
        var position = position
        var column = column
        while position < end, bytes[position] == LineSyntax.space || bytes[position] == LineSyntax.tab {
            let next = bytes[position] == LineSyntax.tab ? column + 4 - column % 4 : column + 1
            if next > target { break }
            position += 1
            column = next
        }
        return (position, column)
    }

    /// `>` after at most three columns of indentation, then one optional space (or one column of a tab).
    private static func matchQuote(_ match: inout Match, _ bytes: [UInt8], end: Int) -> Bool {
        let (first, column) = skipIndentation(bytes, from: match.position, column: match.column, end: end)
        guard first < end, bytes[first] == 0x3E, column - match.contentColumn <= 3 else { return false }
        match.position = first + 1
        match.column = column + 1
        match.contentColumn = match.column
        if match.position < end {
            if bytes[match.position] == LineSyntax.space {
                match.position += 1
                match.column += 1
                match.contentColumn = match.column
            } else if bytes[match.position] == LineSyntax.tab {
                match.contentColumn += 1
            }
        }
        return true
    }

    /// A blank line, or one indented at least `width` columns past the parent's content.
    private static func matchItemContinuation(_ match: inout Match, width: Int, _ bytes: [UInt8], end: Int) -> Bool {
        let (first, column) = skipIndentation(bytes, from: match.position, column: match.column, end: end)
        if first == end {
            match.position = end
            match.column = column
            return true
        }
        guard column - match.contentColumn >= width else { return false }
        let target = match.contentColumn + width
        (match.position, match.column) = advance(bytes, from: match.position, column: match.column, to: target, end: end)
        match.contentColumn = target
        return true
    }

    /// A list marker (`-`, `+`, `*`, or up to nine digits and `.` or `)`) and the spaces after it;
    /// returns the item's width (CommonMark: one to four spaces after the marker belong to it, else one).
    private static func matchItemStart(_ match: inout Match, _ bytes: [UInt8], end: Int) -> Int? {
        let (first, column) = skipIndentation(bytes, from: match.position, column: match.column, end: end)
        guard first < end, column - match.contentColumn <= 3 else { return nil }
        var markerEnd = first
        if bytes[first] == 0x2D || bytes[first] == 0x2B || bytes[first] == 0x2A {
            markerEnd += 1
        } else {
            while markerEnd < end, markerEnd - first < 9, LineSyntax.isASCIIDigit(bytes[markerEnd]) { markerEnd += 1 }
            guard markerEnd > first, markerEnd < end, bytes[markerEnd] == 0x2E || bytes[markerEnd] == 0x29 else { return nil }
            markerEnd += 1
        }
        let markerColumn = column + markerEnd - first
        let (text, textColumn) = skipIndentation(bytes, from: markerEnd, column: markerColumn, end: end)
        let spaces = textColumn - markerColumn
        guard spaces > 0 || text == end else { return nil }
        let content = text == end || spaces >= 5 ? markerColumn + 1 : textColumn
        let width = content - match.contentColumn
        (match.position, match.column) = advance(bytes, from: markerEnd, column: markerColumn, to: content, end: end)
        match.contentColumn = content
        return width
    }
}
