import CCmark

/// The inline content of one container (a paragraph, heading, table cell, link text or image
/// description) read back into what libcmark's delimiter algorithm started from: text, the inlines
/// it leaves alone (code, raw HTML, links, images, breaks), and every delimiter run of `*`, `_` (and
/// `~`) with the characters around it in the source.
///
/// libcmark has already paired runs into emphasis nodes, cut some runs short, and merged what was
/// left of them into the text around (`cmark_consolidate_text_nodes`). Reading goes through the
/// emphasis nodes (a pair's opening run starts at the node's start, its closing run ends at the
/// node's end) and, in text nodes, along the node's source, where escapes, entities and smart
/// punctuation are told apart from runs. Whatever cannot be matched with the source exactly (a
/// node without a position, a literal that does not follow its source) makes ``read(_:block:in:)``
/// give `nil`, and the container keeps libcmark's own result.
struct DelimiterScope {
    /// One piece of the container's content, in order.
    enum Item {
        /// A node kept as it is.
        case node(CmarkNode)
        /// Part of a text node's literal: the byte range, and where its source is when the node is cut.
        case text(CmarkNode, Range<Int>, origin: TextOrigin?)
        /// A delimiter run: an index into ``runs``.
        case run(Int)
    }

    /// A delimiter run in the source.
    struct Run {
        var character: UInt8
        /// The run's length in the source.
        var length: Int
        /// Where it starts: a line of text `text` of the map, and a byte offset in it.
        var text: Int
        var line: Int
        var offset: Int
        /// Whether it may open or close: as libcmark decided, and as the pass decides.
        var commonMark: Flanking
        var decided: Flanking
    }

    fileprivate(set) var items: [Item] = []
    fileprivate(set) var runs: [Run] = []
    /// Links and images inside: each holds a container of its own.
    fileprivate(set) var nested: [CmarkNode] = []
    /// The literals of the text nodes cut into several items, copied before the tree changes.
    fileprivate(set) var literals: [CmarkNode: [UInt8]] = [:]

    /// The options of the reading: whether `~` makes runs, and whether runs are decided by the CJK-friendly rules.
    struct Rules {
        var strikethrough: Bool
        var cjkFriendly: Bool
        var smartPunctuation: Bool
    }

    /// Reads the children of `container`, whose source is block `block` of the context's map.
    static func read(_ container: CmarkNode, block: Int, rules: Rules, in context: ConversionContext) -> DelimiterScope? {
        var scope = DelimiterScope()
        var reader = Reader(scope: scope, block: block, rules: rules, context: context)
        guard reader.readChildren(of: container) else { return nil }
        scope = reader.scope
        return scope
    }

    /// Whether the runs must be paired again: one is decided differently from libcmark, or `~` may pair.
    var needsPairing: Bool {
        runs.contains { $0.character == 0x7E ? $0.length <= 2 && ($0.decided.canOpen || $0.decided.canClose) : $0.decided != $0.commonMark }
    }
}

/// Reads one container for ``DelimiterScope``.
private struct Reader {
    var scope: DelimiterScope
    let block: Int
    let rules: DelimiterScope.Rules
    let context: ConversionContext

    init(scope: DelimiterScope, block: Int, rules: DelimiterScope.Rules, context: ConversionContext) {
        self.scope = scope
        self.block = block
        self.rules = rules
        self.context = context
    }

    /// Reads the children of `node` (through emphasis, not into links). `false` when the source cannot be followed.
    mutating func readChildren(of node: CmarkNode) -> Bool {
        var child = node.firstChild
        while let current = child {
            child = current.next
            switch current.type {
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
                guard current.startLine > 0, let opening = runStarting(line: current.startLine, column: current.startColumn),
                    let closing = runEnding(line: current.endLine, column: current.endColumn)
                else { return false }
                append(opening)
                guard readChildren(of: current) else { return false }
                append(closing)
            case CMARK_NODE_TEXT:
                guard readText(current) else { return false }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                scope.nested.append(current)
                scope.items.append(.node(current))
            default:
                scope.items.append(.node(current))
            }
        }
        return true
    }

    /// Adds a run unless it is the run just added (a run split between emphasis and leftover text).
    private mutating func append(_ run: DelimiterScope.Run) {
        if case .run(let last) = scope.items.last, scope.runs[last].line == run.line, scope.runs[last].offset == run.offset,
            scope.runs[last].text == run.text
        {
            return
        }
        scope.runs.append(run)
        scope.items.append(.run(scope.runs.count - 1))
    }

    // MARK: Text nodes

    private static func isDelimiter(_ byte: UInt8, strikethrough: Bool) -> Bool {
        byte == 0x2A || byte == 0x5F || (strikethrough && byte == 0x7E)
    }

    /// A text node: one item when its literal holds no delimiter character; else read along its source.
    private mutating func readText(_ node: CmarkNode) -> Bool {
        let literal = node.literalBytes
        guard literal.contains(where: { Self.isDelimiter($0, strikethrough: rules.strikethrough) }) else {
            scope.items.append(.text(node, 0..<literal.count, origin: nil))
            return true
        }
        guard let (text, line, offset, length) = source(of: node) else { return false }
        let lineBytes = context.map.texts[text].line(line)
        let bytes = context.map.texts[text].bytes
        let rawStart = lineBytes.lowerBound + offset
        let rawEnd = min(lineBytes.upperBound, rawStart + length)
        guard rawStart <= rawEnd else { return false }
        let copy = Array(literal)
        var raw = rawStart
        var index = 0
        var pieceStart = 0
        var pieceRaw = rawStart
        func closePiece(_ scope: inout DelimiterScope) {
            if index > pieceStart {
                let origin = TextOrigin(text: text, line: line, offset: pieceRaw - lineBytes.lowerBound, length: raw - pieceRaw)
                scope.items.append(.text(node, pieceStart..<index, origin: origin))
            }
        }
        var cut = false
        while raw < rawEnd {
            let byte = bytes[raw]
            if byte == 0x5C, raw + 1 < rawEnd, CharacterClass.isASCIIPunctuation(UInt32(bytes[raw + 1])) {
                guard index < copy.count, copy[index] == bytes[raw + 1] else { return false }
                raw += 2
                index += 1
                continue
            }
            if Self.isDelimiter(byte, strikethrough: rules.strikethrough) {
                var length = 1
                while raw + length < rawEnd, bytes[raw + length] == byte { length += 1 }
                var kept = 0
                while kept < length, index + kept < copy.count, copy[index + kept] == byte { kept += 1 }
                if byte == 0x7E, kept != length { return false }
                closePiece(&scope)
                cut = true
                guard let run = run(text: text, line: line, offset: raw - lineBytes.lowerBound, character: byte, length: length)
                else { return false }
                append(run)
                raw += length
                index += kept
                pieceStart = index
                pieceRaw = raw
                continue
            }
            if byte == 0x26, let end = LiteralAligner.referenceEnd(bytes, from: raw, to: rawEnd),
                !Self.matches(copy, at: index, bytes[raw..<end])
            {
                guard index < copy.count else { return false }
                raw = end
                index += Self.scalarLength(copy[index])
                continue
            }
            if rules.smartPunctuation, let smart = LiteralAligner.smartPunctuation(raw: bytes[raw], literal: copy, at: index) {
                raw += smart.raw
                index += smart.literal
                continue
            }
            if index == copy.count {
                // Spaces libcmark stripped before a line break.
                guard bytes[raw] == 0x20 || bytes[raw] == 0x09 else { return false }
                raw += 1
                continue
            }
            guard copy[index] == byte else { return false }
            raw += 1
            index += 1
        }
        guard index == copy.count else { return false }
        closePiece(&scope)
        if cut { scope.literals[node] = copy }
        return true
    }

    /// Where a text node's source is: text, line, byte offset in the line and length.
    private mutating func source(of node: CmarkNode) -> (text: Int, line: Int, offset: Int, length: Int)? {
        if let origin = context.map.origin(of: node) { return (origin.text, origin.line, origin.offset, origin.length) }
        guard node.startLine > 0, node.endLine == node.startLine else { return nil }
        let located = context.map.locate(line: node.startLine, column: node.startColumn, block: block)
        return (context.map.blocks[block].text, located.line, located.offset, node.endColumn - node.startColumn + 1)
    }

    // MARK: Runs

    /// The run starting where libcmark put an emphasis node's start (its opening run's first character).
    private mutating func runStarting(line: Int, column: Int) -> DelimiterScope.Run? {
        let located = context.map.locate(line: line, column: column, block: block)
        let text = context.map.blocks[block].text
        let range = context.map.texts[text].line(located.line)
        let bytes = context.map.texts[text].bytes
        let start = range.lowerBound + located.offset
        guard start < range.upperBound, bytes[start] == 0x2A || bytes[start] == 0x5F else { return nil }
        var end = start
        while end < range.upperBound, bytes[end] == bytes[start] { end += 1 }
        return run(text: text, line: located.line, offset: located.offset, character: bytes[start], length: end - start)
    }

    /// The run ending where libcmark put an emphasis node's end (its closing run's last character).
    private mutating func runEnding(line: Int, column: Int) -> DelimiterScope.Run? {
        guard line > 0 else { return nil }
        let located = context.map.locate(line: line, column: column, block: block)
        let text = context.map.blocks[block].text
        let range = context.map.texts[text].line(located.line)
        let bytes = context.map.texts[text].bytes
        let last = range.lowerBound + located.offset
        guard last < range.upperBound, bytes[last] == 0x2A || bytes[last] == 0x5F else { return nil }
        let character = bytes[last]
        let contentStart = range.lowerBound + context.map.contentStart(line: located.line, block: block)
        var start = last
        while start > contentStart, bytes[start - 1] == character, !Self.isEscaped(bytes, start - 1, from: contentStart) { start -= 1 }
        return run(text: text, line: located.line, offset: start - range.lowerBound, character: character, length: last + 1 - start)
    }

    /// Whether the byte at `index` follows an odd number of backslashes.
    private static func isEscaped(_ bytes: [UInt8], _ index: Int, from start: Int) -> Bool {
        var count = 0
        var position = index
        while position > start, bytes[position - 1] == 0x5C {
            count += 1
            position -= 1
        }
        return count % 2 == 1
    }

    /// A run with its flanking, read from the characters around it in the source.
    private mutating func run(text: Int, line: Int, offset: Int, character: UInt8, length: Int) -> DelimiterScope.Run? {
        let source = context.map.texts[text]
        let range = source.line(line)
        let bytes = source.bytes
        let contentStart = range.lowerBound + context.map.contentStart(line: line, block: block)
        let start = range.lowerBound + offset
        let end = start + length
        guard end <= range.upperBound else { return nil }
        let before = Self.scalar(endingAt: start, in: bytes, from: contentStart)
        let after = end < range.upperBound ? Self.scalar(at: end, in: bytes, to: range.upperBound) : 0x0A
        let commonMark = Flanking.commonMark(character, before: before.value, after: after)
        var decided = commonMark
        if rules.cjkFriendly {
            decided = Flanking.cjkFriendly(
                character,
                Flanking.Surroundings(
                    before: before.value,
                    beforeBase: CharacterClass.isTextVariationSelector(before.value)
                        ? Self.scalar(endingAt: before.start, in: bytes, from: contentStart).value : 0x0A,
                    after: after))
        }
        return DelimiterScope.Run(
            character: character, length: length, text: text, line: line, offset: offset, commonMark: commonMark, decided: decided)
    }

    /// The scalar ending just before `end` and where it starts; a line feed at the start of the content.
    private static func scalar(endingAt end: Int, in bytes: [UInt8], from start: Int) -> (value: UInt32, start: Int) {
        guard end > start else { return (0x0A, start) }
        var first = end - 1
        while first > start, end - first < 4, bytes[first] & 0xC0 == 0x80 { first -= 1 }
        return (scalar(at: first, in: bytes, to: end), first)
    }

    /// The scalar starting at `index` (U+FFFD for a broken sequence, as libcmark reads one).
    private static func scalar(at index: Int, in bytes: [UInt8], to end: Int) -> UInt32 {
        let slice = bytes[index..<min(end, index + 4)]
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.value }
        return 0xFFFD
    }

    // MARK: Source and literal

    /// Whether `literal` holds `raw` at `index` (an unknown entity stays as it is).
    private static func matches(_ literal: [UInt8], at index: Int, _ raw: ArraySlice<UInt8>) -> Bool {
        guard index + raw.count <= literal.count else { return false }
        return literal[index..<(index + raw.count)].elementsEqual(raw)
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

}
