import CCmark

/// The texts handed to libcmark during one conversion (the document, footnote bodies, table cells)
/// and the blocks found in them, turning libcmark positions into the author's line and column.
struct SourceMap {
    /// The Markdown as given.
    let original: SourceText
    /// Every text parsed; index 0 is the document with footnote definitions blanked.
    private(set) var texts: [SourceText] = []
    /// Every leaf block whose inline positions may be needed.
    private(set) var blocks: [BlockPosition] = []
    /// Blocks Teigen made from part of a parsed block (the text around a table), which have no
    /// libcmark position of their own: their inline nodes keep the positions of the original block.
    var synthesizedBlocks: [CmarkNode: BlockPosition] = [:]
    /// Where the raw Markdown is of text nodes Teigen made from part of a parsed text node (table
    /// cells), which have no libcmark position of their own; such a node is tagged with its index here.
    private var textOrigins: [TextOrigin] = []
    /// The last position `originalPosition` counted a column for: positions are asked mostly in document order,
    /// so many on one long line (thousands of broken links) cost the line's length once, not once each.
    private var columnCursor: (line: Int, offset: Int, column: Int)?

    init(original: SourceText) {
        self.original = original
    }

    mutating func add(_ text: SourceText) -> Int {
        texts.append(text)
        return texts.count - 1
    }

    /// Records where `node`'s raw Markdown is (a text node Teigen made), tagging the node.
    mutating func setOrigin(_ origin: TextOrigin, of node: CmarkNode) {
        node.tag = .textOrigin(textOrigins.count)
        textOrigins.append(origin)
    }

    /// Where the raw Markdown of `node` is, if Teigen made it (``setOrigin(_:of:)``).
    func origin(of node: CmarkNode) -> TextOrigin? {
        guard !textOrigins.isEmpty, case .textOrigin(let index) = node.tag else { return nil }
        return textOrigins[index]
    }

    mutating func add(_ block: BlockPosition) -> Int {
        blocks.append(block)
        return blocks.count - 1
    }

    /// The line and byte offset, in text `blocks[block].text`, of an inline node libcmark placed at
    /// `line`:`column` (its own 1-based numbers).
    mutating func locate(line: Int, column: Int, block index: Int) -> (line: Int, offset: Int) {
        guard line > 0 else { return (0, 0) }
        let shift = lineShift(of: index)
        let block = blocks[index]
        let actualLine = line + shift
        if shift == 0, line == block.startLine { return (actualLine, max(0, column - 1)) }
        return (actualLine, max(0, contentStart(line: actualLine, block: index) + column - block.startColumn))
    }

    /// Where the inline content of line `line` (a line of the text, as ``locate(line:column:block:)``
    /// returns it) of block `index` starts: the byte offset in the line after the block's start column
    /// on its first line, after the block quotes' markers and the indentation on the others.
    mutating func contentStart(line: Int, block index: Int) -> Int {
        let shift = lineShift(of: index)
        let block = blocks[index]
        if shift == 0, line == block.startLine { return max(0, block.startColumn - 1) }
        let text = texts[block.text]
        let range = text.line(line)
        var position = range.lowerBound
        for _ in 0..<block.quoteDepth {
            position = LineSyntax.skipSpaces(text.bytes, from: position, to: range.upperBound)
            guard position < range.upperBound, text.bytes[position] == 0x3E else { break }
            position += 1
        }
        return LineSyntax.skipSpaces(text.bytes, from: position, to: range.upperBound) - range.lowerBound
    }

    /// The bytes of text `index` from byte `offset` of `line`, at most `length` of them, within the line.
    func span(text index: Int, line: Int, offset: Int, length: Int) -> ArraySlice<UInt8> {
        let text = texts[index]
        let range = text.line(line)
        let start = min(range.upperBound, range.lowerBound + offset)
        return text.bytes[start..<min(range.upperBound, start + max(0, length))]
    }

    /// The author's 1-based line and column (in Unicode scalars) of an inline node.
    mutating func originalPosition(of node: CmarkNode, block index: Int) -> (line: Int, column: Int) {
        let located = locate(line: node.startLine, column: node.startColumn, block: index)
        return originalPosition(text: blocks[index].text, line: located.line, offset: located.offset)
    }

    /// The author's 1-based line and column of byte `offset` of `line` in text `index`.
    mutating func originalPosition(text index: Int, line: Int, offset: Int) -> (line: Int, column: Int) {
        let mapped = texts[index].original(line: line, offset: offset)
        var start = (offset: 0, column: 1)
        if let cursor = columnCursor, cursor.line == mapped.line, cursor.offset <= mapped.offset { start = (cursor.offset, cursor.column) }
        let column = original.scalarColumn(line: mapped.line, offset: mapped.offset, from: start)
        columnCursor = (mapped.line, mapped.offset, column)
        return (mapped.line, column)
    }

    /// Lines libcmark took off the start of a paragraph as link reference definitions.
    private mutating func lineShift(of index: Int) -> Int {
        if let shift = blocks[index].lineShift { return shift }
        var shift = 0
        let block = blocks[index]
        if let node = block.node, node.type == CMARK_NODE_PARAGRAPH {
            let text = texts[block.text]
            let range = text.line(block.startLine)
            let first = range.lowerBound + block.startColumn - 1
            if first < range.upperBound, text.bytes[first] == 0x5B {
                let spanned = node.endLine - node.startLine + 1
                shift = max(0, spanned - SourceMap.contentLineCount(of: node))
            }
        }
        blocks[index].lineShift = shift
        return shift
    }

    /// The number of source lines an inline container's content covers: its line breaks plus one.
    static func contentLineCount(of node: CmarkNode) -> Int {
        var lines = 1
        CmarkWalk.walk(node) { child, entering in
            guard entering else { return .proceed }
            let type = child.type
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                lines += 1
            } else if type == CMARK_NODE_HTML_INLINE {
                for byte in child.literalBytes where byte == 0x0A { lines += 1 }
            }
            return .proceed
        }
        return lines
    }
}
