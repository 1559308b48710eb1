/// Splits a GitHub table row into cells: optional leading and trailing pipes, `\|` for a literal pipe.
enum TableRowSplitter {
    /// The byte ranges of the row's cells, trimmed of spaces and tabs.
    ///
    /// As GitHub splits rows: a leading pipe is skipped, then each run up to an unescaped pipe (or the end)
    /// is a cell, so a trailing pipe ends the last cell and a lone `|` has no cells.
    static func cells(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        cells.reserveCapacity(8)
        forEachCell(bytes, range) { cells.append($0) }
        return cells
    }

    /// The row's cells as sources on line `line` (``cells(_:_:)``): the first `width` of them, padded with
    /// empty cells to `width`; `nil` when the row has no cells.
    static func row(_ bytes: [UInt8], _ range: Range<Int>, line: Int, width: Int) -> [TableCellSource]? {
        var row: [TableCellSource] = []
        row.reserveCapacity(width)
        var any = false
        forEachCell(bytes, range) { cell in
            any = true
            if row.count < width { row.append(TableCellSource(line: line, range: cell)) }
        }
        guard any else { return nil }
        while row.count < width { row.append(.empty) }
        return row
    }

    /// Calls `body` with each cell's byte range, in order (see ``cells(_:_:)``).
    private static func forEachCell(_ bytes: [UInt8], _ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var position = LineSyntax.skipSpaces(bytes, from: range.lowerBound, to: range.upperBound)
        var end = range.upperBound
        while end > position, bytes[end - 1] == LineSyntax.space || bytes[end - 1] == LineSyntax.tab { end -= 1 }
        if position < end, bytes[position] == 0x7C { position += 1 }
        while position < end {
            let cellStart = position
            while position < end, bytes[position] != 0x7C {
                position += bytes[position] == 0x5C ? 2 : 1
            }
            position = min(position, end)
            let pipe = position < end
            if position > cellStart || pipe { body(trimmed(bytes, cellStart..<position)) }
            if pipe { position += 1 }
        }
    }

    /// The alignments of a delimiter row (`| :--- | ---: |`), or `nil` if the line is not one.
    static func delimiterRow(_ bytes: [UInt8], _ range: Range<Int>) -> [TableAlignment]? {
        let cells = cells(bytes, range)
        var alignments: [TableAlignment] = []
        alignments.reserveCapacity(cells.count)
        for cell in cells {
            guard !cell.isEmpty else { return nil }
            var low = cell.lowerBound
            var high = cell.upperBound
            let left = bytes[low] == 0x3A
            if left { low += 1 }
            let right = high > low && bytes[high - 1] == 0x3A
            if right { high -= 1 }
            guard low < high else { return nil }
            for index in low..<high where bytes[index] != 0x2D { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// Whether a line could be a delimiter row (only spaces, tabs, `|`, `:`, `-` and `>` with a `-`):
    /// a cheap filter before looking closer.
    static func mayBeDelimiterRow(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { mayBeDelimiterRow($0, range) }
    }

    /// Whether the line `range` of `bytes` holds only what a delimiter row may hold, with a `-`.
    static func mayBeDelimiterRow(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var dash = false
        for index in range {
            switch bytes[index] {
            case 0x2D: dash = true
            case 0x20, 0x09, 0x7C, 0x3A, 0x3E: break
            default: return false
            }
        }
        return dash
    }

    private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high, bytes[low] == LineSyntax.space || bytes[low] == LineSyntax.tab { low += 1 }
        while high > low, bytes[high - 1] == LineSyntax.space || bytes[high - 1] == LineSyntax.tab { high -= 1 }
        return low..<high
    }
}
