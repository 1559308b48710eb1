import CCmark

/// Turns paragraphs that hold GitHub tables into table nodes.
///
/// libcmark reads a table as a paragraph of pipe rows; ``TableFinder`` finds them. The inline nodes
/// libcmark made for the rows are shared out among the cells (``TableCellSplitter``) when no inline
/// crosses a cell boundary; otherwise the cells are parsed anew (all cells of a text in one libcmark
/// parse, each as a paragraph of its own, behind an ideographic space that no block syntax can start
/// with and that counts as whitespace for emphasis). Either way the cells hold ordinary inline nodes,
/// so links, footnote references and the rest are handled like any other inline content.
///
/// The table renders as `<table>`, `<thead>` and `<tbody>` (left out when there are no body rows),
/// rows and cells on lines of their own, alignment as `style="text-align: …"`.
struct TableBuilder {
    /// The prefix put before each cell's Markdown: U+3000 IDEOGRAPHIC SPACE.
    private static let cellPrefix: [UInt8] = [0xE3, 0x80, 0x80]

    /// Builds the tables of `candidates` (``BlockScan``), found in text `textIndex` of the context's map. With
    /// `topLevelQuotesAreNotes`, the top-level block quotes are footnote bodies (``FootnoteBodyText``),
    /// which a table never closes. Returns, for each candidate that held a table, the blocks now in its
    /// place in document order (a paragraph before the table, the table, a heading or paragraph after it;
    /// a thematic break is left out), and `nil` for the others, which are left as they were.
    func build(
        _ candidates: [BlockScan.TableCandidate], text textIndex: Int, topLevelQuotesAreNotes: Bool = false,
        in context: ConversionContext
    ) -> [[CmarkNode]?] {
        guard !candidates.isEmpty else { return [] }
        let finder = TableFinder(text: context.map.texts[textIndex], textIndex: textIndex, keepsTopLevelQuotes: topLevelQuotesAreNotes)
        let plans = finder.plans(for: candidates)
        return apply(plans, text: textIndex, in: context)
    }

    /// The blocks replacing each plan's node (``build(_:text:topLevelQuotesAreNotes:in:)``).
    private func apply(_ plans: [TablePlan?], text textIndex: Int, in context: ConversionContext) -> [[CmarkNode]?] {
        var replacements = [[CmarkNode]?](repeating: nil, count: plans.count)
        var reparsed: [(index: Int, plan: TablePlan)] = []
        for (index, plan) in plans.enumerated() {
            guard let plan else { continue }
            let text = context.map.texts[textIndex]
            let splitter = TableCellSplitter(
                plan: plan, text: text, textIndex: textIndex, smartPunctuation: context.smartPunctuation)
            // Rows of plain text are written from their text node, without cell nodes.
            let rows = splitter.textRows()
            let textRow = { (row: Int) -> CmarkNode? in
                guard let (node, ranges) = rows?[row] else { return nil }
                node.tag = .tableTextRow(
                    context.markup.addTextRow(
                        ranges.enumerated().lazy.map { (range: $1, header: row == 0, alignment: plan.alignments[$0]) }))
                return node
            }
            if let rows, !rows.contains(where: { $0 == nil }) {
                replacements[index] = replace(plan, with: makeTable(plan, textRow: textRow) { _, _, _ in }, in: context)
                continue
            }
            guard let cells = splitter.split() else {
                reparsed.append((index, plan))
                continue
            }
            let block = context.map.add(plan.position)
            let width = plan.header.count
            let table = makeTable(plan, textRow: textRow) { row, column, cell in
                cell.tag = .tableCell(block: block, header: row == 0, alignment: plan.alignments[column])
                for piece in cells.pieces(ofCell: row * width + column) {
                    switch piece {
                    case .node(let node):
                        cell.append(node)
                        if !CmarkWalk.isLeaf(node.type) { Self.unescapePipes(inCodeBelow: node) }
                    case .slice(let source, let range, let origin):
                        let node = CmarkNode.text(UnsafeBufferPointer(rebasing: source.literalBytes[range]))
                        cell.append(node)
                        context.map.setOrigin(origin, of: node)
                    case .unescapedCode(let node):
                        TableCellSplitter.unescapingPipes(node.literalBytes).withUnsafeBufferPointer { node.setLiteral($0) }
                        cell.append(node)
                    }
                }
            }
            replacements[index] = replace(plan, with: table, in: context)
        }
        if !reparsed.isEmpty { parseCells(of: reparsed, text: textIndex, replacements: &replacements, in: context) }
        return replacements
    }

    /// GitHub unescapes `\|` in a cell before parsing it: a code span inside emphasis or a link in a
    /// cell (moved with its container) shows `|` too.
    private static func unescapePipes(inCodeBelow node: CmarkNode) {
        var codes: [CmarkNode] = []
        CmarkWalk.walk(node) { child, _ in
            if child.type == CMARK_NODE_CODE, TableCellSplitter.hasEscapedPipe(child.literalBytes) { codes.append(child) }
            return .proceed
        }
        for code in codes {
            TableCellSplitter.unescapingPipes(code.literalBytes).withUnsafeBufferPointer { code.setLiteral($0) }
        }
    }

    /// Builds the table skeleton; `fill(row, column, cell)` is called for every cell with Markdown
    /// (row 0 is the header row). The nodes are tagged (``NodeTag``): the renderer writes their markup.
    /// A row for which `textRow(row)` gives a text node holds that node instead of cells.
    private func makeTable(
        _ plan: TablePlan, textRow: (Int) -> CmarkNode? = { _ in nil }, fill: (Int, Int, CmarkNode) -> Void
    ) -> CmarkNode {
        let table = CmarkNode.tagged(block: true, .table)
        let head = CmarkNode.tagged(block: true, .tableHead)
        table.append(head)
        var body: CmarkNode?
        for rowIndex in 0...plan.rows.count {
            let row = rowIndex == 0 ? plan.header : plan.rows[rowIndex - 1]
            let rowNode = CmarkNode.tagged(block: true, .tableRow)
            if rowIndex == 0 {
                head.append(rowNode)
            } else {
                if body == nil {
                    let newBody = CmarkNode.tagged(block: true, .tableBody)
                    table.append(newBody)
                    body = newBody
                }
                body?.append(rowNode)
            }
            if let node = textRow(rowIndex) {
                rowNode.append(node)
                continue
            }
            for (column, source) in row.enumerated() {
                let cell = CmarkNode.tagged(
                    block: false, .tableCell(block: nil, header: rowIndex == 0, alignment: plan.alignments[column]))
                rowNode.append(cell)
                if !source.range.isEmpty { fill(rowIndex, column, cell) }
            }
        }
        return table
    }

    /// Parses the cells of `plans` anew (one libcmark parse for all), when libcmark's parse of the
    /// paragraph cannot be shared out: an inline spanning a cell boundary, `\|` inside raw HTML…
    private func parseCells(
        of plans: [(index: Int, plan: TablePlan)], text textIndex: Int, replacements: inout [[CmarkNode]?],
        in context: ConversionContext
    ) {
        let text = context.map.texts[textIndex]
        // One text for every non-empty cell: line 2k+1 holds cell k behind the prefix.
        var cellText: [UInt8] = []
        var origins: [LineOrigin] = []
        var cellLines: [Int] = []
        for (_, plan) in plans {
            for cell in [plan.header] + plan.rows {
                for source in cell where !source.range.isEmpty {
                    cellLines.append(origins.count + 1)
                    origins.append(append(source, of: text, to: &cellText))
                    origins.append(LineOrigin(line: 0, shift: 0))
                    cellText.append(contentsOf: [0x0A, 0x0A])
                }
            }
        }
        cellText.append(contentsOf: context.referenceDefinitions.text(for: cellText))
        let cellsIndex = context.map.add(SourceText(bytes: cellText, origins: origins))
        let cellTree = CmarkTree(parsing: cellText, options: context.parseOptions)
        // Cell k's paragraph starts on line 2k+1.
        var paragraphs = [CmarkNode?](repeating: nil, count: cellLines.count)
        var child = cellTree.root.firstChild
        while let node = child {
            let ordinal = (node.startLine - 1) / 2
            if node.type == CMARK_NODE_PARAGRAPH, ordinal < paragraphs.count, node.startLine == cellLines[ordinal] {
                paragraphs[ordinal] = node
            }
            child = node.next
        }
        var cellOrdinal = 0
        for (index, plan) in plans {
            let table = makeTable(plan) { row, column, cell in
                let line = cellLines[cellOrdinal]
                let paragraph = paragraphs[cellOrdinal]
                cellOrdinal += 1
                let block = context.map.add(
                    BlockPosition(text: cellsIndex, node: nil, startLine: line, startColumn: 1, quoteDepth: 0, lineShift: 0))
                cell.tag = .tableCell(block: block, header: row == 0, alignment: plan.alignments[column])
                if let paragraph {
                    cell.adoptChildren(of: paragraph)
                    removePrefix(from: cell, line: line, text: cellsIndex, in: context)
                }
            }
            replacements[index] = replace(plan, with: table, in: context)
        }
    }

    /// Appends one cell (prefix, Markdown with `\|` unescaped) to `cellText`; returns the line's origin.
    private func append(_ source: TableCellSource, of text: SourceText, to cellText: inout [UInt8]) -> LineOrigin {
        let lineStart = text.line(source.line).lowerBound
        let mapped = text.original(line: source.line, offset: source.range.lowerBound - lineStart)
        var origin = LineOrigin(line: mapped.line, shift: mapped.offset - Self.cellPrefix.count)
        let lineStartInCells = cellText.count
        cellText.append(contentsOf: Self.cellPrefix)
        var index = source.range.lowerBound
        while index < source.range.upperBound {
            let byte = text.bytes[index]
            if byte == 0x5C, index + 1 < source.range.upperBound, text.bytes[index + 1] == 0x7C {
                origin.insertions.append(cellText.count - lineStartInCells)
                cellText.append(0x7C)
                index += 2
            } else {
                cellText.append(byte)
                index += 1
            }
        }
        return origin
    }

    /// Removes the ideographic space put before the cell's Markdown from its first text node, noting
    /// where the rest of that node's Markdown is.
    private func removePrefix(from cell: CmarkNode, line: Int, text: Int, in context: ConversionContext) {
        guard let first = cell.firstChild, first.type == CMARK_NODE_TEXT else { return }
        let literal = first.literalBytes
        guard literal.count >= 3, literal[0] == 0xE3, literal[1] == 0x80, literal[2] == 0x80 else { return }
        if literal.count == 3 {
            first.free()
        } else {
            // The literal is copied before libcmark replaces it.
            let length = first.endColumn - first.startColumn + 1 - Self.cellPrefix.count
            first.setLiteral(UnsafeBufferPointer(rebasing: literal[3...]))
            context.map.setOrigin(TextOrigin(text: text, line: line, offset: Self.cellPrefix.count, length: length), of: first)
        }
    }

    /// Puts `table` where the plan's node was: the node's lines before the table stay a paragraph, lines
    /// after it (lazy continuation lines) become one, the rows' inline nodes are dropped. Returns the
    /// blocks with inline content now in the node's place, in document order.
    private func replace(_ plan: TablePlan, with table: CmarkNode, in context: ConversionContext) -> [CmarkNode] {
        var blocks: [CmarkNode] = []
        let node = plan.node
        var leading: [CmarkNode] = []
        var trailing: [CmarkNode] = []
        var line = 0
        var child = node.firstChild
        while let current = child {
            if line >= plan.leadingLines && plan.trailingStart == nil { break }
            child = current.next
            if current.isLineBreak {
                let ending = line
                line += 1
                if ending + 1 < plan.leadingLines {
                    leading.append(current)
                } else if let start = plan.trailingStart, ending >= start {
                    trailing.append(current)
                }
            } else if line < plan.leadingLines {
                leading.append(current)
            } else if let start = plan.trailingStart, line >= start {
                trailing.append(current)
            }
        }
        if !leading.isEmpty {
            let paragraph = CmarkNode.make(CMARK_NODE_PARAGRAPH)
            node.insertBefore(paragraph)
            for inline in leading { paragraph.append(inline) }
            context.map.synthesizedBlocks[paragraph] = plan.position
            blocks.append(paragraph)
        }
        node.insertBefore(table)
        blocks.append(table)
        var last = table
        if case .setextHeading(let underline) = plan.source {
            if plan.trailingStart != nil {
                // The lines after the table keep the underline: they are the heading.
                let heading = CmarkNode.make(CMARK_NODE_HEADING)
                heading.headingLevel = underline == 0x3D ? 1 : 2
                last.insertAfter(heading)
                for inline in trailing { heading.append(inline) }
                context.map.synthesizedBlocks[heading] = plan.position
                blocks.append(heading)
                trailing = []
            } else if underline == 0x2D {
                let rule = CmarkNode.make(CMARK_NODE_THEMATIC_BREAK)
                last.insertAfter(rule)
                last = rule
            }
        }
        if !trailing.isEmpty {
            let paragraph = CmarkNode.make(CMARK_NODE_PARAGRAPH)
            (plan.trailingAfter ?? last).insertAfter(paragraph)
            for inline in trailing { paragraph.append(inline) }
            context.map.synthesizedBlocks[paragraph] = plan.position
            blocks.append(paragraph)
        }
        // The rows' inline nodes go with the node.
        node.free()
        return blocks
    }

}
