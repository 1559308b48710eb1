/// A footnote definition being read line by line: where it starts, the body lines kept so far, and
/// what the next line may be (a lazy continuation of its last paragraph, the inside of a code fence).
///
/// Shared by ``FootnoteDefinitionScanner`` (definitions at the top level) and
/// ``ContainerFootnoteScanner`` (definitions inside block quotes and list items).
struct FootnoteDefinitionDraft {
    /// Byte range of the label in the scanned text.
    var label: Range<Int>
    /// 1-based line of the `[^label]:`.
    var line: Int
    /// Byte offset of the `[` in that line.
    var offset: Int
    /// The body's lines so far: byte range in the scanned text and origin in the author's Markdown.
    private(set) var lines: [(range: Range<Int>, origin: LineOrigin)] = []
    /// Blank lines met since the last body line; they join the body only if an indented line follows.
    var pendingBlankLines: [Int] = []
    /// Whether the last line leaves a paragraph open, so a line that starts no block continues it.
    private(set) var lazyAllowed = false
    /// The code fence open in the body, if any.
    private(set) var fence: (character: UInt8, length: Int)?
    /// The last line of the definition so far.
    private(set) var lastLine: Int

    init(label: Range<Int>, line: Int, offset: Int) {
        self.label = label
        self.line = line
        self.offset = offset
        self.lastLine = line
    }

    /// Whether a line that is not indented four columns may still continue the body (lazily).
    var acceptsLazyLine: Bool { pendingBlankLines.isEmpty && lazyAllowed && fence == nil }

    /// Adds the pending blank lines, then line `number` of `bytes` from byte `start` to `end`
    /// (`lineStart` is where the line begins, for its origin). A `lazy` line continues the last
    /// paragraph whatever it looks like, so it leaves lazy continuation allowed.
    mutating func append(line number: Int, from start: Int, to end: Int, lineStart: Int, in bytes: [UInt8], lazy: Bool = false) {
        for blank in pendingBlankLines {
            lines.append((0..<0, LineOrigin(line: blank, shift: 0)))
        }
        pendingBlankLines = []
        lines.append((start..<end, LineOrigin(line: number, shift: start - lineStart)))
        lastLine = number
        if !lazy { track(bytes, from: start, to: end) }
    }

    /// Notes whether the body's last line leaves its paragraph open (lazy continuation allowed) and fences.
    private mutating func track(_ bytes: [UInt8], from start: Int, to end: Int) {
        let (columns, first) = LineSyntax.indentation(bytes, start..<end)
        if let open = fence {
            if LineSyntax.closesFence(bytes, start..<end, character: open.character, length: open.length) {
                fence = nil
            }
            lazyAllowed = false
            return
        }
        if columns <= 3, let opening = LineSyntax.fenceOpening(bytes, from: first, to: end) {
            fence = opening
            lazyAllowed = false
            return
        }
        lazyAllowed = first < end && columns <= 3 && bytes[first] != 0x23 && bytes[first] != 0x3C
            && !LineSyntax.isThematicBreak(bytes, from: first, to: end)
    }

    /// The finished definition, its body's lines joined by `\n`.
    func finished(in bytes: [UInt8]) -> FootnoteDefinition {
        var body: [UInt8] = []
        var origins: [LineOrigin] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { body.append(0x0A) }
            body.append(contentsOf: bytes[line.range])
            origins.append(line.origin)
        }
        let label = String(decoding: bytes[self.label], as: UTF8.self)
        return FootnoteDefinition(
            label: label, key: FootnoteDefinition.key(label), line: line, offset: offset,
            body: SourceText(bytes: body, origins: origins))
    }
}
