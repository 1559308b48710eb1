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
        /// Part of a text node's literal, with where its Markdown is.
        case text([UInt8], TextOrigin)
        /// A code span whose `\|` become `|` (GitHub unescapes pipes before parsing a cell).
        case code(CmarkNode, [UInt8])
    }

    var plan: TablePlan
    var text: SourceText
    var textIndex: Int
    var smartPunctuation: Bool

    /// The pieces of each cell, by row (0 is the header) and column; `nil` when the cells must be parsed anew.
    func split() -> [[[Piece]]]? {
        guard plan.rowsAreContentLines else { return nil }
        let node = plan.node
        let lineCount = plan.lineStarts.count
        var lineNodes = [[CmarkNode]](repeating: [], count: lineCount)
        var line = 0
        var child = node.firstChild
        while let current = child {
            child = current.next
            if current.isLineBreak {
                // A backslash hard break would leave its `\` in the row's last cell: parse anew.
                if current.type == CMARK_NODE_LINEBREAK, endsWithBackslash(line) { return nil }
                line += 1
            } else {
                guard line < lineCount else { return nil }
                lineNodes[line].append(current)
            }
        }
        guard line == lineCount - 1 else { return nil }

        var result: [[[Piece]]] = []
        result.reserveCapacity(plan.rows.count + 1)
        for row in 0...plan.rows.count {
            let contentLine = row == 0 ? plan.leadingLines : plan.leadingLines + 1 + row
            let sources = row == 0 ? plan.header : plan.rows[row - 1]
            guard let cells = pieces(of: lineNodes[contentLine], line: contentLine, cells: sources) else { return nil }
            result.append(cells)
        }
        return result
    }

    private func pieces(of nodes: [CmarkNode], line: Int, cells: [TableCellSource]) -> [[Piece]]? {
        var result = [[Piece]](repeating: [], count: cells.count)
        let contentStart = plan.lineStarts[line]
        let startColumn = plan.position.startColumn
        let expectedLine = plan.node.startLine + line
        for node in nodes {
            guard node.startLine == expectedLine, node.endLine == expectedLine else { return nil }
            let start = contentStart + node.startColumn - startColumn
            let end = contentStart + node.endColumn - startColumn + 1
            guard start <= end else { return nil }
            if node.type == CMARK_NODE_TEXT {
                let literal = Array(node.literalBytes)
                let identical = !smartPunctuation && end - start == literal.count
                var aligner = LiteralAligner(raw: text.bytes[start..<min(end, text.bytes.count)], literal: literal)
                for (column, cell) in cells.enumerated() where !cell.range.isEmpty {
                    let low = max(start, cell.range.lowerBound)
                    let high = min(end, cell.range.upperBound)
                    guard low < high else { continue }
                    if low == start, high == end {
                        result[column].append(.node(node))
                        continue
                    }
                    let from = identical ? low - start : aligner.literalOffset(forRaw: low - start)
                    let to = identical ? high - start : aligner.literalOffset(forRaw: high - start)
                    guard from < to else { continue }
                    let lineStart = text.line(cell.line).lowerBound
                    result[column].append(
                        .text(
                            Array(literal[from..<to]),
                            TextOrigin(text: textIndex, line: cell.line, offset: low - lineStart, length: high - low)))
                }
                continue
            }
            guard let column = cells.firstIndex(where: { $0.range.lowerBound <= start && end <= $0.range.upperBound && !$0.range.isEmpty })
            else {
                // Past the header's width (dropped, as GitHub does), or across a boundary (parse anew).
                if cells.contains(where: { !$0.range.isEmpty && $0.range.overlaps(start..<end) }) { return nil }
                continue
            }
            switch node.type {
            case CMARK_NODE_CODE:
                let literal = Array(node.literalBytes)
                if let unescaped = Self.unescapingPipes(literal) {
                    result[column].append(.code(node, unescaped))
                } else {
                    result[column].append(.node(node))
                }
            case CMARK_NODE_HTML_INLINE:
                if Self.unescapingPipes(Array(node.literalBytes)) != nil { return nil }
                result[column].append(.node(node))
            default:
                result[column].append(.node(node))
            }
        }
        return result
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

    /// `literal` with `\|` turned into `|`, or `nil` when it has none.
    static func unescapingPipes(_ literal: [UInt8]) -> [UInt8]? {
        var result: [UInt8]?
        var index = 0
        while index < literal.count {
            if literal[index] == 0x5C, index + 1 < literal.count, literal[index + 1] == 0x7C {
                if result == nil { result = Array(literal[0..<index]) }
                result?.append(0x7C)
                index += 2
            } else {
                result?.append(literal[index])
                index += 1
            }
        }
        return result
    }
}
