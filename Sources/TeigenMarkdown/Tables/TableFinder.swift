import CCmark

/// Finds the GitHub tables libcmark parsed as paragraphs (or as setext headings, when a `---` or `===`
/// line follows the rows), following GitHub's rules:
/// - a table starts at the line before a delimiter row (`| --- | :-: |`) that has as many cells;
///   earlier lines stay a paragraph, and a delimiter row that does not match its header row means no
///   table in that paragraph;
/// - a delimiter row indented four columns is paragraph text;
/// - rows end at a lazy continuation line (missing a container's `>` or indentation), a row indented
///   four columns, or a row without cells; the lines left become a paragraph after the table.
struct TableFinder {
    /// The text the tree was parsed from.
    var text: SourceText
    var textIndex: Int
    /// Whether the top-level block quotes are footnote bodies, which must stay whole.
    var keepsTopLevelQuotes: Bool

    /// The table each candidate holds (``BlockScan``), or `nil` where it holds none.
    func plans(for candidates: [BlockScan.TableCandidate]) -> [TablePlan?] {
        candidates.map { plan(for: $0.node, containers: $0.containers) }
    }

    /// Whether any of `lines` (1-based, those after a block's first line) may be a delimiter row.
    static func mayHoldDelimiterRow(_ text: SourceText, lines: ClosedRange<Int>) -> Bool {
        text.bytes.withUnsafeBufferPointer { bytes in
            lines.contains { TableRowSplitter.mayBeDelimiterRow(bytes, text.line($0)) }
        }
    }

    private func plan(for node: CmarkNode, containers: [TableContainer]) -> TablePlan? {
        let isHeading = node.type == CMARK_NODE_HEADING
        let lineCount = SourceMap.contentLineCount(of: node)
        var firstLine = node.startLine
        var useStartColumn = true
        if !isHeading {
            let spanned = node.endLine - node.startLine + 1
            let shift = spanned - lineCount
            guard shift >= 0 else { return nil }
            if shift > 0 {
                // Link reference definitions libcmark took off the start, or an inline spanning lines.
                let range = text.line(node.startLine)
                let first = range.lowerBound + node.startColumn - 1
                guard first < range.upperBound, text.bytes[first] == 0x5B else { return nil }
                firstLine += shift
                useStartColumn = false
            }
        }
        var lines: [(number: Int, range: Range<Int>, lazy: Bool, outside: Int?, indented: Bool)] = []
        for offset in 0..<lineCount {
            let number = firstLine + offset
            let range = text.line(number)
            if offset == 0 && useStartColumn {
                let start = min(range.upperBound, range.lowerBound + node.startColumn - 1)
                lines.append((number, start..<range.upperBound, false, nil, false))
            } else {
                let content = contentStart(text, range, containers: containers)
                lines.append(
                    (number, content.start..<range.upperBound, content.unmatched != nil, content.unmatched, content.indent >= 4))
            }
        }
        var underline: UInt8 = 0
        if isHeading {
            let number = firstLine + lineCount
            let range = text.line(number)
            let start = contentStart(text, range, containers: containers).start
            guard start < range.upperBound, text.bytes[start] == 0x3D || text.bytes[start] == 0x2D else { return nil }
            underline = text.bytes[start]
            if underline == 0x3D { lines.append((number, start..<range.upperBound, false, nil, false)) }
        }
        // A delimiter row indented four columns or more is paragraph text (it could not start a block).
        for index in 1..<max(lines.count, 1) where index < lines.count && !lines[index].lazy && !lines[index].indented {
            guard TableRowSplitter.mayBeDelimiterRow(text.bytes, lines[index].range),
                let delimiter = TableRowSplitter.delimiterRow(text.bytes, lines[index].range)
            else { continue }
            let header = TableRowSplitter.cells(text.bytes, lines[index - 1].range)
            // As in GitHub's parser, a delimiter row that does not match its header row ends the search.
            guard header.count == delimiter.count else { return nil }
            // Rows end at a lazy continuation line or a row without cells (a lone `|`); GitHub reads
            // what follows as a paragraph (a heading when a setext underline ends it).
            // (GitHub also ends it at a row indented four columns, which it reads as indented code.)
            let rowLines = isHeading && underline == 0x3D ? lines.count - 1 : lines.count
            let width = header.count
            var rows: [[TableCellSource]] = []
            var trailingStart: Int?
            for lineIndex in (index + 1)..<max(rowLines, index + 1) {
                let line = lines[lineIndex]
                guard !line.lazy, !line.indented,
                    let row = TableRowSplitter.row(text.bytes, line.range, line: line.number, width: width)
                else {
                    trailingStart = lineIndex
                    break
                }
                rows.append(row)
            }
            if trailingStart == nil, rowLines < lines.count {
                // The `===` underline is one more row.
                let line = lines[rowLines]
                rows.append(
                    TableRowSplitter.row(text.bytes, line.range, line: line.number, width: width)
                        ?? [TableCellSource](repeating: .empty, count: width))
            }
            if let trailingStart, isHeading, lines[trailingStart].lazy || lines[trailingStart].indented { return nil }
            let trailingAfter = trailingStart.flatMap { lines[$0].outside }.flatMap {
                Self.closedContainer(containers[$0], endingWith: node)
            }.flatMap { closed in keepsTopLevelQuotes && closed.parent?.type == CMARK_NODE_DOCUMENT ? nil : closed }
            // Splitting the node's inline content needs every line break to be a direct child.
            if index > 1 || trailingStart != nil, directLineBreaks(of: node) != lineCount - 1 { return nil }
            let quoteDepth = containers.count {
                if case .quote = $0 { return true }
                return false
            }
            let position = BlockPosition(
                text: textIndex, node: nil, startLine: node.startLine, startColumn: node.startColumn, quoteDepth: quoteDepth,
                lineShift: firstLine - node.startLine)
            return TablePlan(
                node: node, position: position, source: isHeading ? .setextHeading(underline: underline) : .paragraph,
                leadingLines: index - 1, trailingStart: trailingStart, trailingAfter: trailingAfter,
                alignments: delimiter,
                header: header.map { TableCellSource(line: lines[index - 1].number, range: $0) }, rows: rows,
                lineStarts: lines.prefix(lineCount).map(\.range.lowerBound),
                rowsAreContentLines: !(isHeading && underline == 0x3D && trailingStart == nil))
        }
        return nil
    }

    private func directLineBreaks(of node: CmarkNode) -> Int {
        var count = 0
        var child = node.firstChild
        while let current = child {
            if current.isLineBreak { count += 1 }
            child = current.next
        }
        return count
    }

    /// The block a lazy line closes, as GitHub reads it: the block quote, or the list of the list item,
    /// if `node` ends it (each block from `node` up is its parent's last child); `nil` otherwise.
    private static func closedContainer(_ container: TableContainer, endingWith node: CmarkNode) -> CmarkNode? {
        let target: CmarkNode?
        switch container {
        case .quote(let quote): target = quote
        case .item(let item, _): target = item.parent
        }
        guard let target else { return nil }
        var current = node
        while current != target {
            guard current.next == nil, let parent = current.parent else { return nil }
            current = parent
        }
        return target
    }

    /// Where a continuation line's content starts, after its containers' markers (`>` of block quotes,
    /// the indentation of list items), the index of the first container whose marker is missing
    /// (the line is then a lazy continuation line)
    /// and the indentation (in columns) of the content.
    private func contentStart(
        _ text: SourceText, _ range: Range<Int>, containers: [TableContainer]
    ) -> (start: Int, unmatched: Int?, indent: Int) {
        let bytes = text.bytes
        var position = range.lowerBound
        var column = 0
        var unmatched: Int?
        func skipWhitespace(upTo limit: Int) {
            while position < range.upperBound, column < limit {
                if bytes[position] == LineSyntax.space {
                    column += 1
                } else if bytes[position] == LineSyntax.tab {
                    column += 4 - column % 4
                } else {
                    break
                }
                position += 1
            }
        }
        for (index, container) in containers.enumerated() {
            switch container {
            case .quote:
                skipWhitespace(upTo: column + 3)
                guard position < range.upperBound, bytes[position] == 0x3E else {
                    unmatched = index
                    break
                }
                position += 1
                column += 1
                if position < range.upperBound, bytes[position] == LineSyntax.space {
                    position += 1
                    column += 1
                }
            case .item(_, let contentColumn):
                skipWhitespace(upTo: contentColumn - 1)
                if column < contentColumn - 1 { unmatched = index }
            }
            if unmatched != nil { break }
        }
        let contentColumn = column
        skipWhitespace(upTo: Int.max)
        return (position, unmatched, column - contentColumn)
    }

}
