import CCmark

/// Finds, in the paragraphs and headings of a parsed text, the syntax libcmark does not know and must not
/// read as Markdown: formulas (`$…$`, `$$…$$`, with ``MarkdownOptions/math``) and shortcode tags
/// (`{{< … >}}`). It skips what libcmark reads first: backslash escapes, code spans, HTML tags and
/// autolinks; code blocks and HTML blocks are never read, so code keeps the syntax as written.
///
/// Each span is rewritten at the same length, so that every line and column stays where it was, into
/// a placeholder libcmark keeps whole and does not look into:
/// - a formula becomes a code span (`$x\,y$` → `` `x\,y` ``, `$$…$$` → ` ``…`` `): its TeX reaches the
///   ``PlaceholderPass`` untouched by escapes and emphasis;
/// - a shortcode tag on lines of its own becomes an HTML comment (`<!--0    -->`), an HTML block that
///   interrupts a paragraph, so the tags of a paired shortcode stand between blocks;
/// - a shortcode tag inside text becomes a code span of digits.
/// The digits are the span's number (as many of its last digits as fit), checked when the placeholders
/// are matched with the parsed nodes.
struct PlaceholderScanner {
    var math: Bool
    var shortcodes: Bool

    /// The spans of `text` (parsed as `tree`) and the rewritten text, or nil when there is none.
    func scan(_ text: SourceText, tree: CmarkTree) -> PlaceholderScan? {
        guard math || shortcodes else { return nil }
        let hasTrigger = text.bytes.withUnsafeBufferPointer { buffer in
            (math && buffer.contains(0x24)) || (shortcodes && Self.contains(buffer, "{{<"))
        }
        guard hasTrigger else { return nil }
        var output = text.bytes
        var scan = PlaceholderScan(text: text, spans: [], codeSpans: [], commentSpans: [])
        CmarkWalk.walk(tree.root) { node, entering in
            let type = node.type
            guard entering, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING else { return .proceed }
            var block = BlockStream(text: text, node: node)
            block.scan(math: math, shortcodes: shortcodes, into: &scan, output: &output)
            return .skipChildren
        }
        guard !scan.spans.isEmpty else { return nil }
        scan.text = SourceText(bytes: output, sharingLinesOf: text)
        return scan
    }

    static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard buffer.count >= count else { return false }
        var index = 0
        while index <= buffer.count - count {
            if buffer[index] == needle.utf8Start[0] {
                var match = true
                for k in 1..<count where buffer[index + k] != needle.utf8Start[k] { match = false; break }
                if match { return true }
            }
            index += 1
        }
        return false
    }
}

/// The lines of one paragraph or heading as one run of bytes (lines joined by `\n`), read once.
private struct BlockStream {
    /// The block's bytes: its first line from the block's start, the others whole.
    var bytes: [UInt8] = []
    /// Where each line's part starts in ``bytes``, with its line number, the offset of that part in the
    /// line, and its start in the text's bytes.
    var segments: [(start: Int, line: Int, lineOffset: Int, textStart: Int)] = []

    init(text: SourceText, node: CmarkNode) {
        let first = max(node.startLine, 1)
        let last = max(node.endLine, first)
        for line in first...last {
            let range = text.line(line)
            let skip = line == first ? min(max(node.startColumn - 1, 0), range.count) : 0
            if !bytes.isEmpty { bytes.append(0x0A) }
            segments.append((bytes.count, line, skip, range.lowerBound + skip))
            bytes.append(contentsOf: text.bytes[(range.lowerBound + skip)..<range.upperBound])
        }
    }

    /// The line and byte offset in it of stream offset `index`.
    func position(_ index: Int) -> (line: Int, offset: Int) {
        var found = segments[0]
        for segment in segments where segment.start <= index { found = segment }
        return (found.line, found.lineOffset + index - found.start)
    }

    /// The text's byte index of stream offset `index` (nil for a `\n` joining two lines).
    func textIndex(_ index: Int) -> Int? {
        var found = segments[0]
        for segment in segments where segment.start <= index { found = segment }
        let offset = index - found.start
        let end = segments.first { $0.start > found.start }.map { $0.start - 1 } ?? bytes.count
        return found.start + offset < end ? found.textStart + offset : nil
    }

    // MARK: Scanning

    mutating func scan(math: Bool, shortcodes: Bool, into scan: inout PlaceholderScan, output: inout [UInt8]) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x5C:  // a backslash escape
                index += index + 1 < count && CharacterClass.isASCIIPunctuation(UInt32(bytes[index + 1])) ? 2 : 1
            case 0x60:  // a code span, or literal backticks
                var run = 1
                while index + run < count, bytes[index + run] == 0x60 { run += 1 }
                if let close = closingBackticks(from: index + run, length: run) {
                    scan.codeSpans.append(nil)
                    index = close + run
                } else {
                    index += run
                }
            case 0x7B where shortcodes && index + 2 < count && bytes[index + 1] == 0x7B && bytes[index + 2] == 0x3C:
                guard let end = shortcodeEnd(from: index + 3) else {
                    index += 3
                    continue
                }
                addShortcode(index..<end, into: &scan, output: &output)
                index = end
            case 0x3C:  // an HTML tag or autolink: skipped whole
                index = tagEnd(from: index) ?? index + 1
            case 0x24 where math:
                if let end = addFormula(at: index, into: &scan, output: &output) {
                    index = end
                } else {
                    index += index + 1 < count && bytes[index + 1] == 0x24 ? 2 : 1
                }
            default:
                index += 1
            }
        }
    }

    /// Where the backtick run of exactly `length` closing a code span starts, searching from `start`.
    private func closingBackticks(from start: Int, length: Int) -> Int? {
        var index = start
        while index < bytes.count {
            guard bytes[index] == 0x60 else {
                index += 1
                continue
            }
            var run = 1
            while index + run < bytes.count, bytes[index + run] == 0x60 { run += 1 }
            if run == length { return index }
            index += run
        }
        return nil
    }

    /// The end (after `>}}`) of a shortcode tag whose name starts at `start`; quoted values may hold `>}}`.
    /// A quote left open ends at the first `>}}` (and the tag's reading reports the quote).
    private func shortcodeEnd(from start: Int) -> Int? {
        quotedShortcodeEnd(from: start) ?? closing(from: start)
    }

    /// The first `>}}` from `start` within the block, quotes or not.
    private func closing(from start: Int) -> Int? {
        var index = start
        while index + 2 < bytes.count {
            if bytes[index] == 0x3E, bytes[index + 1] == 0x7D, bytes[index + 2] == 0x7D { return index + 3 }
            index += 1
        }
        return nil
    }

    private func quotedShortcodeEnd(from start: Int) -> Int? {
        var index = start
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 0x5C { index += 2; continue }
                if byte == 0x22 { quoted = false }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == 0x3E, index + 2 < bytes.count, bytes[index + 1] == 0x7D, bytes[index + 2] == 0x7D {
                return index + 3
            } else if byte == 0x0A, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// The end of an HTML tag, comment or autolink starting at `start` (`<` then a letter, `/`, `!` or `?`,
    /// up to the next `>` on the same line), or nil when `<` starts none.
    private func tagEnd(from start: Int) -> Int? {
        guard start + 1 < bytes.count else { return nil }
        let next = bytes[start + 1]
        let isLetter = (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A)
        guard isLetter || next == 0x2F || next == 0x21 || next == 0x3F else { return nil }
        var index = start + 1
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x3C {
            if bytes[index] == 0x3E { return index + 1 }
            index += 1
        }
        return nil
    }

    // MARK: Spans

    /// A formula starting at `start` (`$` or `$$`): recorded and rewritten; returns where it ends, or nil
    /// when the `$` is a dollar sign.
    private func addFormula(at start: Int, into scan: inout PlaceholderScan, output: inout [UInt8]) -> Int? {
        let count = bytes.count
        let display = start + 1 < count && bytes[start + 1] == 0x24
        let width = display ? 2 : 1
        let contentStart = start + width
        guard contentStart < count else { return nil }
        if !display, Self.isSpace(bytes[contentStart]) { return nil }
        // Next to a backtick, the placeholder's backticks would join it.
        if start > 0, bytes[start - 1] == 0x60 { return nil }
        var index = contentStart
        while index < count {
            let byte = bytes[index]
            if byte == 0x5C {
                index += 2
                continue
            }
            if byte == 0x60 { return nil }  // a formula holding a backtick cannot be a code span
            if byte == 0x24 {
                if display {
                    guard index + 1 < count, bytes[index + 1] == 0x24 else { return nil }
                } else if Self.isSpace(bytes[index - 1]) || (index + 1 < count && Self.isDigit(bytes[index + 1])) {
                    return nil
                }
                guard index > contentStart, bytes[contentStart..<index].contains(where: { !Self.isSpace($0) }),
                    index + width >= count || bytes[index + width] != 0x60
                else { return nil }
                for offset in [start, index] {
                    for k in 0..<width { if let target = textIndex(offset + k) { output[target] = 0x60 } }
                }
                let position = position(start)
                scan.codeSpans.append(scan.spans.count)
                scan.spans.append(PlaceholderSpan(kind: .math(display: display), line: position.line, offset: position.offset))
                return index + width
            }
            index += 1
        }
        return nil
    }

    /// The shortcode tag at `range`: recorded, and rewritten as an HTML comment when it stands on lines
    /// of its own, else as a code span.
    private func addShortcode(_ range: Range<Int>, into scan: inout PlaceholderScan, output: inout [UInt8]) {
        let parsed: Result<ShortcodeTag, ShortcodeTag.SyntaxError>
        do throws(ShortcodeTag.SyntaxError) { parsed = .success(try ShortcodeTag.parse(bytes[range])) } catch { parsed = .failure(error) }
        let isBlock = standsAlone(range)
        let number = scan.spans.count
        var span = ShortcodeSpan(tag: parsed, argumentPositions: [], errorPosition: nil, isBlock: isBlock)
        switch parsed {
        case .success(let tag): span.argumentPositions = tag.arguments.map { position(range.lowerBound + $0.offset) }
        case .failure(let error): span.errorPosition = position(range.lowerBound + error.offset)
        }
        let start = position(range.lowerBound)
        scan.spans.append(PlaceholderSpan(kind: .shortcode(span), line: start.line, offset: start.offset))
        if isBlock {
            scan.commentSpans.append(number)
            write(Array("<!--".utf8), closing: Array("-->".utf8), number: number, over: range, output: &output)
        } else {
            scan.codeSpans.append(number)
            write([0x60], closing: [0x60], number: number, over: range, output: &output)
        }
    }

    /// Writes `opening`, the span's number in digits padded with spaces (line breaks kept), and `closing`
    /// over the stream bytes `range`.
    private func write(_ opening: [UInt8], closing: [UInt8], number: Int, over range: Range<Int>, output: inout [UInt8]) {
        let inner = (range.lowerBound + opening.count)..<(range.upperBound - closing.count)
        let room = inner.filter { bytes[$0] != 0x0A }.count
        var digits = Array(String(number).utf8)
        if digits.count > room { digits = Array(digits.suffix(room)) }
        var filler = digits.makeIterator()
        for index in range {
            guard let target = textIndex(index) else { continue }
            if index < inner.lowerBound {
                output[target] = opening[index - range.lowerBound]
            } else if index >= inner.upperBound {
                output[target] = closing[index - inner.upperBound]
            } else if bytes[index] != 0x0A, bytes[index] != 0x0D {
                output[target] = filler.next() ?? 0x20
            }
        }
    }

    /// Whether only spaces, tabs and `>` stand before `range` on its first line, and only spaces after it on its last.
    private func standsAlone(_ range: Range<Int>) -> Bool {
        var before = range.lowerBound
        while before > 0, bytes[before - 1] != 0x0A {
            guard bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09 || bytes[before - 1] == 0x3E else { return false }
            before -= 1
        }
        var after = range.upperBound
        while after < bytes.count, bytes[after] != 0x0A {
            guard bytes[after] == 0x20 || bytes[after] == 0x09 else { return false }
            after += 1
        }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }
}
