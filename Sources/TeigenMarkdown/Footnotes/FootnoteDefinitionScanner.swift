#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes footnote definitions out of Markdown before libcmark parses it.
///
/// libcmark would read `[^x]: https://…` as a link reference definition and `[^x]: text` as a
/// paragraph, so every top-level definition (indented at most three spaces, outside fenced code and
/// HTML blocks) is blanked out of the text, line endings kept so line numbers stay right, and its
/// body is kept aside to be parsed on its own. A body is the text after `]:`, then following lines
/// indented four spaces (blank lines between them included) and lazy continuation lines of its
/// last paragraph.
///
/// The scan also collects the lines of link reference definitions, so footnote bodies and table
/// cells (parsed separately) can resolve `[text][ref]` against the document's definitions.
struct FootnoteDefinitionScanner {
    /// The scanned text.
    struct Result {
        /// The Markdown for libcmark, definitions blanked.
        var text: SourceText
        /// The definitions, in source order (duplicates included).
        var definitions: [FootnoteDefinition]
        /// Link reference definitions of the document, for separately parsed fragments.
        var referenceDefinitions: ReferenceDefinitions
    }

    private let source: SourceText
    private let bytes: [UInt8]

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
    }

    private enum Mode {
        case normal
        case fence(character: UInt8, length: Int)
        case html(kind: Int)
    }

    private struct OpenDefinition {
        var label: Range<Int>
        var line: Int
        var offset: Int
        var lines: [(range: Range<Int>, origin: LineOrigin)] = []
        var pendingBlankLines: [Int] = []
        var lazyAllowed: Bool
        var fence: (character: UInt8, length: Int)?
    }

    func scan() -> Result {
        guard mayContainDefinitions else {
            return Result(text: source, definitions: [], referenceDefinitions: ReferenceDefinitions())
        }
        var blanked = [Bool](repeating: false, count: source.lineCount)
        var definitions: [FootnoteDefinition] = []
        var references = ReferenceDefinitions()
        var currentReference: String?
        var mode = Mode.normal
        var open: OpenDefinition?
        var previousBlank = true
        var inReferenceChunk = false

        for number in 1...max(source.lineCount, 1) {
            let range = source.line(number)
            let blank = LineSyntax.isBlank(bytes, range)
            if var definition = open {
                if blank {
                    definition.pendingBlankLines.append(number)
                    open = definition
                    continue
                }
                let (columns, first) = LineSyntax.indentation(bytes, range)
                if columns >= 4 {
                    for blankNumber in definition.pendingBlankLines {
                        blanked[blankNumber - 1] = true
                        definition.lines.append((0..<0, LineOrigin(line: blankNumber, shift: 0)))
                    }
                    definition.pendingBlankLines = []
                    let start = LineSyntax.removingIndentation(bytes, range, columns: 4)
                    definition.lines.append((start..<range.upperBound, LineOrigin(line: number, shift: start - range.lowerBound)))
                    blanked[number - 1] = true
                    track(&definition, lineFrom: start, to: range.upperBound)
                    open = definition
                    continue
                }
                if definition.pendingBlankLines.isEmpty, definition.lazyAllowed, definition.fence == nil,
                    columns <= 3, !LineSyntax.interruptsParagraph(bytes, from: first, to: range.upperBound)
                {
                    definition.lines.append((first..<range.upperBound, LineOrigin(line: number, shift: first - range.lowerBound)))
                    blanked[number - 1] = true
                    open = definition
                    continue
                }
                definitions.append(finish(definition))
                open = nil
                previousBlank = !definition.pendingBlankLines.isEmpty
                inReferenceChunk = false
            }

            switch mode {
            case .fence(let character, let length):
                if LineSyntax.closesFence(bytes, range, character: character, length: length) { mode = .normal }
                continue
            case .html(let kind):
                if kind == 6 {
                    if blank {
                        mode = .normal
                        previousBlank = true
                    }
                } else if LineSyntax.endsHTMLBlock(bytes, range, kind: kind) {
                    mode = .normal
                }
                continue
            case .normal:
                break
            }

            if blank {
                previousBlank = true
                inReferenceChunk = false
                continue
            }
            let (columns, first) = LineSyntax.indentation(bytes, range)
            if columns <= 3 {
                if let fence = LineSyntax.fenceOpening(bytes, from: first, to: range.upperBound) {
                    mode = .fence(character: fence.character, length: fence.length)
                } else if let kind = LineSyntax.htmlBlockStart(bytes, from: first, to: range.upperBound) {
                    if kind == 6 || !LineSyntax.endsHTMLBlock(bytes, first..<range.upperBound, kind: kind) {
                        mode = .html(kind: kind)
                    }
                } else if let found = LineSyntax.footnoteDefinition(bytes, from: first, to: range.upperBound) {
                    let start = LineSyntax.skipSpaces(bytes, from: found.after, to: range.upperBound)
                    var definition = OpenDefinition(
                        label: found.label, line: number, offset: first - range.lowerBound, lazyAllowed: false)
                    definition.lines.append((start..<range.upperBound, LineOrigin(line: number, shift: start - range.lowerBound)))
                    track(&definition, lineFrom: start, to: range.upperBound)
                    blanked[number - 1] = true
                    open = definition
                    continue
                } else if let label = LineSyntax.referenceDefinitionLabel(bytes, from: first, to: range.upperBound),
                    previousBlank || inReferenceChunk
                {
                    currentReference = references.add(label: bytes[label], text: bytes[range])
                    inReferenceChunk = true
                    previousBlank = false
                    continue
                }
            }
            if inReferenceChunk, let key = currentReference { references.extend(key, with: bytes[range]) }
            previousBlank = false
        }
        if let definition = open { definitions.append(finish(definition)) }
        guard !definitions.isEmpty else {
            return Result(text: source, definitions: [], referenceDefinitions: references)
        }
        return Result(text: blanking(blanked), definitions: definitions, referenceDefinitions: references)
    }

    /// A cheap first look: definitions need `]:` (`[^label]:` as well as `[label]:`).
    private var mayContainDefinitions: Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count > 1, let base = buffer.baseAddress else { return false }
            var start = 0
            while start < buffer.count - 1, let found = memchr(base + start, 0x5D, buffer.count - 1 - start) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] == 0x3A { return true }
                start = index + 1
            }
            return false
        }
    }

    /// Notes whether the body's last line leaves its paragraph open (lazy continuation allowed) and fences.
    private func track(_ definition: inout OpenDefinition, lineFrom start: Int, to end: Int) {
        let (columns, first) = LineSyntax.indentation(bytes, start..<end)
        if let fence = definition.fence {
            if LineSyntax.closesFence(bytes, start..<end, character: fence.character, length: fence.length) {
                definition.fence = nil
            }
            definition.lazyAllowed = false
            return
        }
        if columns <= 3, let fence = LineSyntax.fenceOpening(bytes, from: first, to: end) {
            definition.fence = fence
            definition.lazyAllowed = false
            return
        }
        let isText = first < end && columns <= 3 && bytes[first] != 0x23 && bytes[first] != 0x3C
            && !LineSyntax.isThematicBreak(bytes, from: first, to: end)
        definition.lazyAllowed = isText
    }

    private func finish(_ definition: OpenDefinition) -> FootnoteDefinition {
        var body: [UInt8] = []
        var origins: [LineOrigin] = []
        for (index, line) in definition.lines.enumerated() {
            if index > 0 { body.append(0x0A) }
            body.append(contentsOf: bytes[line.range])
            origins.append(line.origin)
        }
        let label = String(decoding: bytes[definition.label], as: UTF8.self)
        return FootnoteDefinition(
            label: label, key: FootnoteDefinition.key(label), line: definition.line, offset: definition.offset,
            body: SourceText(bytes: body, origins: origins))
    }

    /// The text with the given lines' content removed (line endings kept).
    private func blanking(_ blanked: [Bool]) -> SourceText {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(blanked.count)
        ends.reserveCapacity(blanked.count)
        var copiedUpTo = 0
        var removed = 0
        for (index, isBlanked) in blanked.enumerated() {
            let range = source.line(index + 1)
            if isBlanked {
                output.append(contentsOf: bytes[copiedUpTo..<range.lowerBound])
                copiedUpTo = range.upperBound
                starts.append(range.lowerBound - removed)
                removed += range.count
                ends.append(range.upperBound - removed)
            } else {
                starts.append(range.lowerBound - removed)
                ends.append(range.upperBound - removed)
            }
        }
        output.append(contentsOf: bytes[copiedUpTo...])
        return SourceText(bytes: output, lineStarts: starts, lineEnds: ends)
    }
}
