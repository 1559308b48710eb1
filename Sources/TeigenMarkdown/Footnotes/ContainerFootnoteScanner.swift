import CCmark

/// Takes footnote definitions out of block quotes and list items (and indented ones out of the top
/// level), as GitHub and Pandoc read them:
///
/// ```markdown
/// > Quoted text with a note.[^q]
/// >
/// > [^q]: The note, written inside the quote.
///
/// - item with a note[^l]
///
///   [^l]: The note, inside the list item.
/// ```
///
/// How: ``FootnoteDefinitionScanner`` has already taken the unindented definitions out, and libcmark
/// has parsed the rest. Its tree tells which block quotes and list items each line belongs to and
/// which lines are code or HTML; ``ContainerPrefix`` then reads each line's `>` markers and
/// indentation against those containers. A definition is a `[^label]:` indented at most three
/// columns inside the deepest container its line continues (not in code); its body goes on, as at
/// the top level, with lines indented four columns past that container's content (blank lines between
/// them included) and lazy continuation lines of its last paragraph.
///
/// Each line of a definition is then replaced, after the container markers, by an empty HTML
/// comment (`<!---->`), and the text parsed again; the comments, blocks of their own, are removed
/// from the new tree (``removePlaceholders(from:)``). A block in place of the definition, rather
/// than a blank line, keeps the container's rendering what it would be with the definition there
/// (as GitHub has it): the paragraph before it ends, a tight list stays tight, the line after it
/// starts a new block. Lines are only replaced, never removed, so line numbers stay right.
///
/// This is simpler than taking the definitions out of the tree itself: libcmark may have read a
/// definition as a link reference definition (`[^q]: https://…`), or as the end of the paragraph
/// before it, and its body's later paragraphs as indented code.
struct ContainerFootnoteScanner {
    /// What the scan found, when it found any definition.
    struct Result {
        /// The Markdown to parse instead, definitions replaced by placeholders.
        var text: SourceText
        /// The definitions, in source order.
        var definitions: [FootnoteDefinition]
        /// The lines holding placeholders.
        var placeholderLines: Set<Int>

        /// Removes the placeholder blocks from `tree`, parsed from ``text``.
        func removePlaceholders(from tree: CmarkTree) {
            var found: [CmarkNode] = []
            tree.walk { node, entering in
                guard entering else { return .proceed }
                switch node.type {
                case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                    return .proceed
                case CMARK_NODE_HTML_BLOCK:
                    if placeholderLines.contains(node.startLine) { found.append(node) }
                    return .skipChildren
                default:
                    return .skipChildren
                }
            }
            for node in found { node.free() }
        }
    }

    /// Deeper containers are not searched (cmark-gfm's limit for footnote definitions too).
    static let maximumDepth = 100
    /// The placeholder: a one-line HTML block.
    private static let placeholder: [UInt8] = Array("<!---->".utf8)

    /// The text libcmark parsed (top-level definitions already blanked).
    let text: SourceText
    private let bytes: [UInt8]

    init(text: SourceText) {
        self.text = text
        self.bytes = text.bytes
    }

    /// A container of the tree and its lines.
    private struct Container {
        var lines: ClosedRange<Int>
        var isQuote: Bool
    }

    /// The definitions in containers of `tree` (parsed from ``text``), or `nil` when there are none.
    func scan(_ tree: CmarkTree) -> Result? {
        let candidates = candidateLines()
        guard !candidates.isEmpty else { return nil }
        var containers: [Container] = []
        var code: [ClosedRange<Int>] = []
        tree.walk { node, entering in
            guard entering else { return .proceed }
            switch node.type {
            case CMARK_NODE_DOCUMENT, CMARK_NODE_LIST:
                return .proceed
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_ITEM:
                let end = max(node.startLine, node.endLine)
                containers.append(Container(lines: node.startLine...end, isQuote: node.type == CMARK_NODE_BLOCK_QUOTE))
                return .proceed
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                code.append(node.startLine...max(node.startLine, node.endLine))
                return .skipChildren
            default:
                return .skipChildren
            }
        }

        var definitions: [FootnoteDefinition] = []
        var replaced: [(lines: ClosedRange<Int>, prefixEnd: Int)] = []
        var codeIndex = 0
        var scannedUpTo = 0
        for number in candidates where number > scannedUpTo {
            while codeIndex < code.count, code[codeIndex].upperBound < number { codeIndex += 1 }
            if codeIndex < code.count, code[codeIndex].contains(number) { continue }
            let range = text.line(number)
            let levels = self.levels(of: number, in: containers)
            let match = ContainerPrefix.match(levels, line: number, in: bytes, range: range)
            let (first, column) = ContainerPrefix.skipIndentation(
                bytes, from: match.position, column: match.column, end: range.upperBound)
            guard column - match.contentColumn <= 3,
                let found = LineSyntax.footnoteDefinition(bytes, from: first, to: range.upperBound)
            else { continue }
            let start = LineSyntax.skipSpaces(bytes, from: found.after, to: range.upperBound)
            var definition = FootnoteDefinitionDraft(label: found.label, line: number, offset: first - range.lowerBound)
            definition.append(line: number, from: start, to: range.upperBound, lineStart: range.lowerBound, in: bytes)
            readBody(of: &definition, inside: levels.prefix(match.levels))
            definitions.append(definition.finished(in: bytes))
            replaced.append((number...definition.lastLine, first))
            scannedUpTo = definition.lastLine
        }
        guard !definitions.isEmpty else { return nil }
        return Result(
            text: replacing(replaced), definitions: definitions,
            placeholderLines: Set(replaced.flatMap { Array($0.lines) }))
    }

    /// Lines where `[^…]:` follows nothing but spaces, `>` and list markers.
    private func candidateLines() -> [Int] {
        var lines: [Int] = []
        // Only lines holding `[^` can hold a definition: look at those, each line once.
        bytes.withUnsafeBufferPointer { buffer in
            var line = 1
            buffer.forEachOffset(of: 0x5B) { index in
                guard index + 1 < buffer.count, buffer[index + 1] == 0x5E else { return true }
                line = text.lineNumber(of: index, from: line)
                if lines.last == line { return true }
                // Before the `[`: only indentation and container markers (`>`, list markers).
                let range = text.line(line)
                var position = range.lowerBound
                while position < index {
                    let byte = buffer[position]
                    guard byte == LineSyntax.space || byte == LineSyntax.tab || byte == 0x3E || byte == 0x2D
                        || byte == 0x2B || byte == 0x2A || byte == 0x2E || byte == 0x29 || LineSyntax.isASCIIDigit(byte)
                    else { break }
                    position += 1
                }
                if position == index, LineSyntax.footnoteDefinition(bytes, from: index, to: range.upperBound) != nil {
                    lines.append(line)
                }
                return true
            }
        }
        return lines
    }

    /// The containers around line `number`, outermost first, with the widths of list items.
    private func levels(of number: Int, in containers: [Container]) -> [ContainerPrefix.Level] {
        var levels: [ContainerPrefix.Level] = []
        for container in containers where container.lines.contains(number) {
            guard levels.count < Self.maximumDepth else { break }
            if container.isQuote {
                levels.append(.quote)
                continue
            }
            let start = container.lines.lowerBound
            let range = text.line(start)
            let parents = ContainerPrefix.match(levels, line: start, in: bytes, range: range)
            guard parents.levels == levels.count,
                let width = ContainerPrefix.itemWidth(after: parents, in: bytes, range: range)
            else { break }
            levels.append(.item(startLine: start, width: width))
        }
        return levels
    }

    /// Adds the lines after the definition's first one that belong to its body.
    private func readBody(of definition: inout FootnoteDefinitionDraft, inside levels: ArraySlice<ContainerPrefix.Level>) {
        var number = definition.line + 1
        while number <= text.lineCount {
            defer { number += 1 }
            let range = text.line(number)
            let match = ContainerPrefix.match(levels, line: number, in: bytes, range: range)
            let (first, column) = ContainerPrefix.skipIndentation(
                bytes, from: match.position, column: match.column, end: range.upperBound)
            let indentation = column - match.contentColumn
            if match.levels == levels.count {
                if first == range.upperBound {
                    definition.pendingBlankLines.append(number)
                    continue
                }
                if indentation >= 4 {
                    let start = ContainerPrefix.advance(
                        bytes, from: match.position, column: match.column, to: match.contentColumn + 4, end: range.upperBound)
                    // A tab reaching past the four columns is kept whole.
                    let position = start.column < match.contentColumn + 4 ? start.position + 1 : start.position
                    definition.append(line: number, from: position, to: range.upperBound, lineStart: range.lowerBound, in: bytes)
                    continue
                }
            } else if first == range.upperBound {
                return
            }
            // A line starting no block continues the last paragraph, even without all the markers.
            // Any list marker starts a block here (`11.` too, ``LineSyntax/startsBlock(_:from:to:)``):
            // the paragraph is inside the definition, which this line does not continue.
            guard definition.acceptsLazyLine,
                indentation >= 4 || !LineSyntax.startsBlock(bytes, from: first, to: range.upperBound)
            else { return }
            definition.append(line: number, from: first, to: range.upperBound, lineStart: range.lowerBound, in: bytes, lazy: true)
        }
    }

    /// The text with each definition's lines replaced by placeholders behind the container markers:
    /// the first line keeps its own bytes before the `[`, the others the same with list markers as spaces.
    private func replacing(_ definitions: [(lines: ClosedRange<Int>, prefixEnd: Int)]) -> SourceText {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8 * definitions.count)
        var copiedUpTo = 0
        for definition in definitions {
            let firstLine = text.line(definition.lines.lowerBound)
            let prefix = bytes[firstLine.lowerBound..<definition.prefixEnd]
            let markers = prefix.map { $0 == 0x3E || $0 == LineSyntax.tab ? $0 : LineSyntax.space }
            for number in definition.lines {
                let range = text.line(number)
                output.append(contentsOf: bytes[copiedUpTo..<range.lowerBound])
                if number == definition.lines.lowerBound {
                    output.append(contentsOf: prefix)
                } else {
                    output.append(contentsOf: markers)
                }
                output.append(contentsOf: Self.placeholder)
                copiedUpTo = range.upperBound
            }
        }
        output.append(contentsOf: bytes[copiedUpTo...])
        return SourceText(bytes: output)
    }
}
