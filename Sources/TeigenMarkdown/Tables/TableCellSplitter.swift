import CCmark

/// Shares out the inline nodes libcmark made for a table's paragraph among its cells.
///
/// libcmark parsed the rows as one paragraph; as long as no inline node other than text crosses a
/// cell boundary (a code span, link or emphasis holding a separating `|`), its nodes are what each
/// cell would give parsed alone: nodes inside one cell move there, text nodes are cut at the cell
/// boundaries, and the pipes and padding between cells are dropped. Otherwise ``split()`` gives
/// `nil` and the cells are parsed anew.
struct TableCellSplitter {
    /// One piece of a cell's content.
    enum Piece {
        /// An inline node, moved as it is.
        case node(CmarkNode)
        /// Part of a text node's literal (byte range), with where its Markdown is.
        case slice(CmarkNode, Range<Int>, TextOrigin)
        /// A code span whose `\|` become `|` (GitHub unescapes pipes before parsing a cell).
        case unescapedCode(CmarkNode)
    }

    /// The pieces of every cell, row after row (the header first), and where each cell's pieces start.
    struct Cells {
        var pieces: [Piece] = []
        /// `pieces[starts[k]..<starts[k + 1]]` belong to cell k (cells numbered row by row, padding included).
        var starts: [Int] = []

        func pieces(ofCell index: Int) -> ArraySlice<Piece> {
            pieces[starts[index]..<(index + 1 < starts.count ? starts[index + 1] : pieces.count)]
        }

    }

    var plan: TablePlan
    var text: SourceText
    var textIndex: Int
    var smartPunctuation: Bool

    /// The common case, without pieces: a row that is one text node alone on its line, whose literal is
    /// its Markdown byte for byte (no escape, entity or smart punctuation) and holds no `[^`. For each row
    /// (header first), its node with its cells' byte ranges in the literal (empty for an empty cell), or
    /// `nil` when the row is not like that; `nil` altogether when no row can be (smart punctuation, rows
    /// that are not all content lines, a hard break in the node).
    func textRows() -> [(node: CmarkNode, ranges: [Range<Int>])?]? {
        guard plan.rowsAreContentLines, !smartPunctuation else { return nil }
        let startColumn = plan.position.startColumn
        var rows: [(node: CmarkNode, ranges: [Range<Int>])?] = []
        rows.reserveCapacity(plan.rows.count + 1)
        var line = 0
        var current = plan.node.firstChild
        while rows.count <= plan.rows.count {
            guard let first = current else { return nil }
            if line == plan.leadingLines || line > plan.leadingLines + 1 {
                let sources = line == plan.leadingLines ? plan.header : plan.rows[line - plan.leadingLines - 2]
                rows.append(textRow(first, line: line, startColumn: startColumn, cells: sources))
            }
            // On to the first node of the next line; a hard break sends the table down the general path.
            var cursor: CmarkNode? = first
            while let node = cursor {
                let type = node.type
                if type == CMARK_NODE_LINEBREAK { return nil }
                if type == CMARK_NODE_SOFTBREAK { break }
                cursor = node.next
            }
            current = cursor?.next
            line += 1
        }
        return rows
    }

    /// Content line `line` as one text row starting with `node`, or `nil`.
    private func textRow(
        _ node: CmarkNode, line: Int, startColumn: Int, cells: [TableCellSource]
    ) -> (node: CmarkNode, ranges: [Range<Int>])? {
        let expectedLine = plan.node.startLine + line
        guard node.type == CMARK_NODE_TEXT, node.next.map({ $0.type == CMARK_NODE_SOFTBREAK }) ?? true,
            node.startLine == expectedLine, node.endLine == expectedLine
        else { return nil }
        let contentStart = plan.lineStarts[line]
        let start = contentStart + node.startColumn - startColumn
        let end = contentStart + node.endColumn - startColumn + 1
        let literal = node.literalBytes
        guard end - start == literal.count, !literal.containsFootnoteMarker, !Self.mayChangeInline(literal) else { return nil }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(cells.count)
        for cell in cells {
            if cell.range.isEmpty {
                ranges.append(0..<0)
                continue
            }
            guard cell.range.lowerBound >= start, cell.range.upperBound <= end else { return nil }
            ranges.append((cell.range.lowerBound - start)..<(cell.range.upperBound - start))
        }
        return (node, ranges)
    }

    /// The pieces of each cell; `nil` when the cells must be parsed anew.
    func split() -> Cells? {
        guard plan.rowsAreContentLines else { return nil }
        let node = plan.node
        let lineCount = plan.lineStarts.count
        // Where each content line's nodes start among the direct children.
        var lineFirstNodes: [CmarkNode?] = [node.firstChild]
        var child = node.firstChild
        while let current = child {
            child = current.next
            if current.isLineBreak {
                // A backslash hard break would leave its `\` in the row's last cell: parse anew.
                if current.type == CMARK_NODE_LINEBREAK, endsWithBackslash(lineFirstNodes.count - 1) { return nil }
                lineFirstNodes.append(current.next)
            }
        }
        guard lineFirstNodes.count == lineCount else { return nil }

        var cells = Cells()
        let width = plan.header.count
        cells.starts.reserveCapacity((plan.rows.count + 1) * width)
        for row in 0...plan.rows.count {
            let contentLine = row == 0 ? plan.leadingLines : plan.leadingLines + 1 + row
            let sources = row == 0 ? plan.header : plan.rows[row - 1]
            guard add(from: lineFirstNodes[contentLine], line: contentLine, cells: sources, to: &cells) else { return nil }
        }
        return cells
    }

    /// Adds the pieces of one row's cells; `false` when an inline node crosses a cell boundary.
    private func add(from first: CmarkNode?, line: Int, cells: [TableCellSource], to result: inout Cells) -> Bool {
        // Each cell's pieces are gathered in order: nodes come in source order, so cell by cell.
        let base = result.starts.count
        for _ in cells { result.starts.append(-1) }
        var current = first
        let contentStart = plan.lineStarts[line]
        let startColumn = plan.position.startColumn
        let expectedLine = plan.node.startLine + line
        var column = 0
        func open(_ cell: Int) {
            while column <= cell {
                result.starts[base + column] = result.pieces.count
                column += 1
            }
        }
        while let node = current, !node.isLineBreak {
            current = node.next
            guard node.startLine == expectedLine, node.endLine == expectedLine else { return false }
            let start = contentStart + node.startColumn - startColumn
            let end = contentStart + node.endColumn - startColumn + 1
            guard start <= end else { return false }
            if node.type == CMARK_NODE_TEXT {
                let literal = node.literalBytes
                let identical = !smartPunctuation && end - start == literal.count
                var aligner: LiteralAligner?
                for (index, cell) in cells.enumerated() where !cell.range.isEmpty {
                    let low = max(start, cell.range.lowerBound)
                    let high = min(end, cell.range.upperBound)
                    guard low < high else { continue }
                    open(index)
                    if low == start, high == end {
                        result.pieces.append(.node(node))
                        continue
                    }
                    if !identical, aligner == nil {
                        aligner = LiteralAligner(raw: text.bytes[start..<min(end, text.bytes.count)], literal: Array(literal))
                    }
                    let from = identical ? low - start : aligner!.literalOffset(forRaw: low - start)
                    let to = identical ? high - start : aligner!.literalOffset(forRaw: high - start)
                    guard from < to else { continue }
                    let lineStart = text.line(cell.line).lowerBound
                    result.pieces.append(
                        .slice(node, from..<to, TextOrigin(text: textIndex, line: cell.line, offset: low - lineStart, length: high - low)))
                }
                continue
            }
            guard let index = cells.firstIndex(where: { !$0.range.isEmpty && $0.range.lowerBound <= start && end <= $0.range.upperBound })
            else {
                // Past the header's width (dropped, as GitHub does), or across a boundary (parse anew).
                if cells.contains(where: { !$0.range.isEmpty && $0.range.overlaps(start..<end) }) { return false }
                continue
            }
            open(index)
            switch node.type {
            case CMARK_NODE_CODE:
                result.pieces.append(Self.hasEscapedPipe(node.literalBytes) ? .unescapedCode(node) : .node(node))
            case CMARK_NODE_HTML_INLINE:
                if Self.hasEscapedPipe(node.literalBytes) { return false }
                result.pieces.append(.node(node))
            default:
                result.pieces.append(.node(node))
            }
        }
        open(cells.count - 1)
        return true
    }

    /// Whether content line `line` ends with a backslash (ignoring trailing spaces).
    private func endsWithBackslash(_ line: Int) -> Bool {
        guard line < plan.lineStarts.count else { return false }
        let number = plan.node.startLine + (plan.position.lineShift ?? 0) + line
        let range = text.line(number)
        var end = range.upperBound
        while end > range.lowerBound, text.bytes[end - 1] == LineSyntax.space || text.bytes[end - 1] == LineSyntax.tab { end -= 1 }
        return end > range.lowerBound && text.bytes[end - 1] == 0x5C
    }

    /// Whether the inline passes may change a text (``InlinePasses``): it holds `~`, `@`, `://`, `www.`
    /// or a `*` or `_` run the CJK-friendly rules decide differently (libcmark left the row's runs
    /// unpaired, or it would not be one text node). Such a row gets cell nodes, which the passes work on.
    static func mayChangeInline(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        for (index, byte) in literal.enumerated() {
            switch byte {
            case 0x7E, 0x40: return true
            case 0x2A where InlineLineFilter.mayBeDecidedAnew(literal, run: index): return true
            case 0x5F where InlineLineFilter.mayBeDecidedAnew(literal, run: index): return true
            case 0x3A where index + 2 < literal.count && literal[index + 1] == 0x2F && literal[index + 2] == 0x2F: return true
            case 0x77 where index + 3 < literal.count && literal[index + 1] == 0x77 && literal[index + 2] == 0x77
                && literal[index + 3] == 0x2E: return true
            default: continue
            }
        }
        return false
    }

    static func hasEscapedPipe(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        guard literal.count > 1 else { return false }
        for index in 0..<(literal.count - 1) where literal[index] == 0x5C && literal[index + 1] == 0x7C { return true }
        return false
    }

    /// `literal` with `\|` turned into `|`.
    static func unescapingPipes(_ literal: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(literal.count)
        var index = 0
        while index < literal.count {
            if literal[index] == 0x5C, index + 1 < literal.count, literal[index + 1] == 0x7C {
                result.append(0x7C)
                index += 2
            } else {
                result.append(literal[index])
                index += 1
            }
        }
        return result
    }
}
