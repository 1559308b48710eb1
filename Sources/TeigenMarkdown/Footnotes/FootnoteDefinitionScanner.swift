/// Takes footnote definitions out of Markdown before libcmark parses it.
///
/// libcmark would read `[^x]: https://…` as a link reference definition and `[^x]: text` as a
/// paragraph, so every definition starting a line (not indented, outside fenced code and HTML
/// blocks) is blanked out of the text, line endings kept so line numbers stay right, and its body
/// is kept aside to be parsed on its own. A body is the text after `]:`, then following lines
/// indented four spaces (blank lines between them included) and lazy continuation lines of its
/// last paragraph.
///
/// Such a line is always a top-level definition: it closes any block quote or list item before it.
/// Indented definitions, and those behind `>` markers, may sit inside containers and are left to
/// ``ContainerFootnoteScanner``, which reads libcmark's tree of this scan's output.
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

    func scan() -> Result {
        guard mayContainDefinitions else {
            return Result(text: source, definitions: [], referenceDefinitions: ReferenceDefinitions())
        }
        var blanked = [Bool](repeating: false, count: source.lineCount)
        var definitions: [FootnoteDefinition] = []
        var references = ReferenceDefinitions()
        var currentReference: String?
        var mode = Mode.normal
        var open: FootnoteDefinitionDraft?
        var previousBlank = true
        var inReferenceChunk = false

        for number in 1..<(source.lineCount + 1) {
            let range = source.line(number)
            if open == nil, case .normal = mode, !inReferenceChunk, let first = range.first,
                Self.startsOrdinaryLine(bytes[first])
            {
                // Most lines: not blank, not indented, and starting with nothing a fence, an HTML block or
                // a definition starts with.
                previousBlank = false
                continue
            }
            let blank = LineSyntax.isBlank(bytes, range)
            if var definition = open {
                if blank {
                    definition.pendingBlankLines.append(number)
                    open = definition
                    continue
                }
                let (columns, first) = LineSyntax.indentation(bytes, range)
                if columns >= 4 {
                    for blankNumber in definition.pendingBlankLines { blanked[blankNumber - 1] = true }
                    let start = LineSyntax.removingIndentation(bytes, range, columns: 4)
                    definition.append(line: number, from: start, to: range.upperBound, lineStart: range.lowerBound, in: bytes)
                    blanked[number - 1] = true
                    open = definition
                    continue
                }
                if definition.acceptsLazyLine, columns <= 3,
                    !LineSyntax.startsBlock(bytes, from: first, to: range.upperBound)
                {
                    definition.append(
                        line: number, from: first, to: range.upperBound, lineStart: range.lowerBound, in: bytes, lazy: true)
                    blanked[number - 1] = true
                    open = definition
                    continue
                }
                definitions.append(definition.finished(in: bytes))
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
                    guard columns == 0 else {
                        // Indented: maybe inside a list item, which only libcmark's tree can tell
                        // (``ContainerFootnoteScanner``); never a link reference definition.
                        previousBlank = false
                        inReferenceChunk = false
                        continue
                    }
                    let start = LineSyntax.skipSpaces(bytes, from: found.after, to: range.upperBound)
                    var definition = FootnoteDefinitionDraft(label: found.label, line: number, offset: first - range.lowerBound)
                    definition.append(line: number, from: start, to: range.upperBound, lineStart: range.lowerBound, in: bytes)
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
        if let definition = open { definitions.append(definition.finished(in: bytes)) }
        guard !definitions.isEmpty else {
            return Result(text: source, definitions: [], referenceDefinitions: references)
        }
        return Result(text: blanking(blanked), definitions: definitions, referenceDefinitions: references)
    }

    /// Whether a line starting with `byte` is neither blank nor indented and cannot open a code fence,
    /// an HTML block, a footnote definition or a link reference definition.
    private static func startsOrdinaryLine(_ byte: UInt8) -> Bool {
        switch byte {
        case LineSyntax.space, LineSyntax.tab, 0x60, 0x7E, 0x3C, 0x5B, 0x0A, 0x0D: false  // ` ~ < [
        default: true
        }
    }

    /// A cheap first look: definitions need `]:` (`[^label]:` as well as `[label]:`).
    private var mayContainDefinitions: Bool {
        bytes.withUnsafeBufferPointer { $0.contains(0x5D, followedBy: 0x3A) }
    }

    /// The text with the given lines' content replaced by spaces: libcmark reads them as blank lines,
    /// and every other line keeps its bytes and offsets, so the line table is shared with the source.
    private func blanking(_ blanked: [Bool]) -> SourceText {
        var output = bytes
        output.withUnsafeMutableBufferPointer { buffer in
            for (index, isBlanked) in blanked.enumerated() where isBlanked {
                let range = source.line(index + 1)
                guard !range.isEmpty else { continue }
                UnsafeMutableBufferPointer(rebasing: buffer[range]).update(repeating: LineSyntax.space)
            }
        }
        return SourceText(bytes: output, sharingLinesOf: source)
    }
}
