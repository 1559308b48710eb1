/// Splits a GitHub table row into cells: optional leading and trailing pipes, `\|` for a literal pipe.
enum TableRowSplitter {
    /// The byte ranges of the row's cells, trimmed of spaces and tabs, and whether the row had a pipe.
    static func cells(_ bytes: [UInt8], _ range: Range<Int>) -> (cells: [Range<Int>], hasPipe: Bool) {
        var start = LineSyntax.skipSpaces(bytes, from: range.lowerBound, to: range.upperBound)
        var end = range.upperBound
        while end > start, bytes[end - 1] == LineSyntax.space || bytes[end - 1] == LineSyntax.tab { end -= 1 }
        var hasPipe = false
        if start < end, bytes[start] == 0x7C {
            start += 1
            hasPipe = true
        }
        var cells: [Range<Int>] = []
        var cellStart = start
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x5C {
                index += 2
                continue
            }
            if byte == 0x7C {
                cells.append(trimmed(bytes, cellStart..<index))
                hasPipe = true
                cellStart = index + 1
            }
            index += 1
        }
        if cellStart < end || cells.isEmpty {
            cells.append(trimmed(bytes, cellStart..<end))
        }
        return (cells, hasPipe)
    }

    /// The alignments of a delimiter row (`| :--- | ---: |`), or `nil` if the line is not one.
    static func delimiterRow(_ bytes: [UInt8], _ range: Range<Int>) -> (alignments: [TableAlignment], hasPipe: Bool)? {
        let (cells, hasPipe) = cells(bytes, range)
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
        return alignments.isEmpty ? nil : (alignments, hasPipe)
    }

    /// Whether a line could be a delimiter row (only spaces, tabs, `|`, `:`, `-` and `>` with a `-`):
    /// a cheap filter before looking closer.
    static func mayBeDelimiterRow(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
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
