/// Line-level CommonMark recognisers used before libcmark runs (footnote definitions, tables).
///
/// They work on a byte range of one line (without its line ending) and mirror the CommonMark rules
/// closely enough to tell where fenced code, HTML blocks and other block starts are.
enum LineSyntax {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09

    static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for index in range where bytes[index] != space && bytes[index] != tab { return false }
        return true
    }

    /// Indentation in columns (tabs to the next multiple of 4) and the offset of the first other byte.
    static func indentation(_ bytes: [UInt8], _ range: Range<Int>) -> (columns: Int, firstNonSpace: Int) {
        let skipped = skipIndentation(bytes, range, upTo: .max)
        return (skipped.columns, skipped.end)
    }

    /// The offset after removing `columns` columns of indentation (tab stops of 4 fall on the boundary).
    static func removingIndentation(_ bytes: [UInt8], _ range: Range<Int>, columns wanted: Int) -> Int {
        skipIndentation(bytes, range, upTo: wanted).end
    }

    /// Skips spaces and tabs (tab stops of 4) from the start of `range` until `wanted` columns are
    /// reached or something else comes; returns the columns skipped and where it stopped.
    private static func skipIndentation(_ bytes: [UInt8], _ range: Range<Int>, upTo wanted: Int) -> (columns: Int, end: Int) {
        var columns = 0
        var index = range.lowerBound
        while index < range.upperBound, columns < wanted {
            if bytes[index] == space {
                columns += 1
            } else if bytes[index] == tab {
                columns += 4 - columns % 4
            } else {
                break
            }
            index += 1
        }
        return (columns, index)
    }

    static func skipSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == space || bytes[index] == tab { index += 1 }
        return index
    }

    /// An opening code fence at `start` (indentation already skipped): its character and length.
    static func fenceOpening(_ bytes: [UInt8], from start: Int, to end: Int) -> (character: UInt8, length: Int)? {
        guard start < end, bytes[start] == 0x60 || bytes[start] == 0x7E else { return nil }
        let character = bytes[start]
        var index = start
        while index < end, bytes[index] == character { index += 1 }
        let length = index - start
        guard length >= 3 else { return nil }
        if character == 0x60 {
            for position in index..<end where bytes[position] == 0x60 { return nil }
        }
        return (character, length)
    }

    /// Whether the line closes a fence of `character` at least `length` long.
    static func closesFence(_ bytes: [UInt8], _ range: Range<Int>, character: UInt8, length: Int) -> Bool {
        let (columns, first) = indentation(bytes, range)
        guard columns <= 3 else { return false }
        var index = first
        while index < range.upperBound, bytes[index] == character { index += 1 }
        guard index - first >= length else { return false }
        return skipSpaces(bytes, from: index, to: range.upperBound) == range.upperBound
    }

    /// The CommonMark HTML block kind (1–6) starting at `start`, if any. Kind 7 is not recognised.
    static func htmlBlockStart(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard start < end, bytes[start] == 0x3C else { return nil }
        if hasPrefix(bytes, start, end, "<!--") { return 2 }
        if hasPrefix(bytes, start, end, "<?") { return 3 }
        if hasPrefix(bytes, start, end, "<![CDATA[") { return 5 }
        if start + 2 < end, bytes[start + 1] == 0x21, isASCIILetter(bytes[start + 2]) { return 4 }
        var index = start + 1
        let closing = index < end && bytes[index] == 0x2F
        if closing { index += 1 }
        let nameStart = index
        while index < end, isASCIILetter(bytes[index]) || isASCIIDigit(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = bytes[nameStart..<index]
        let boundary = index == end || bytes[index] == space || bytes[index] == tab || bytes[index] == 0x3E
        if !closing, boundary, rawTextTags.contains(where: { equalsIgnoringCase(name, $0) }) { return 1 }
        let selfClosing = index + 1 < end && bytes[index] == 0x2F && bytes[index + 1] == 0x3E
        if boundary || selfClosing, blockTags.contains(where: { equalsIgnoringCase(name, $0) }) { return 6 }
        return nil
    }

    /// Whether the line from `start` is a complete open or closing tag alone (spaces and tabs may follow):
    /// an HTML block of CommonMark's kind 7, which starts a block but cannot interrupt a paragraph.
    static func isHTMLBlockKind7(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard start + 2 < end, bytes[start] == 0x3C else { return false }
        var index = start + 1
        let closing = bytes[index] == 0x2F
        if closing { index += 1 }
        // Tag name: an ASCII letter, then letters, digits and `-`.
        let nameStart = index
        guard index < end, isASCIILetter(bytes[index]) else { return false }
        while index < end, isASCIILetter(bytes[index]) || isASCIIDigit(bytes[index]) || bytes[index] == 0x2D { index += 1 }
        if rawTextTags.contains(where: { equalsIgnoringCase(bytes[nameStart..<index], $0) }) { return false }
        func skipWhitespace() -> Bool {
            let before = index
            while index < end, bytes[index] == space || bytes[index] == tab { index += 1 }
            return index > before
        }
        if !closing {
            // Attributes: whitespace, a name, and optionally `=` and a value.
            while true {
                let mark = index
                guard skipWhitespace(), index < end else {
                    index = mark
                    break
                }
                let first = bytes[index]
                guard isASCIILetter(first) || first == 0x5F || first == 0x3A else {
                    index = mark
                    break
                }
                index += 1
                while index < end, isASCIILetter(bytes[index]) || isASCIIDigit(bytes[index])
                    || bytes[index] == 0x5F || bytes[index] == 0x2E || bytes[index] == 0x3A || bytes[index] == 0x2D
                {
                    index += 1
                }
                let afterName = index
                _ = skipWhitespace()
                guard index < end, bytes[index] == 0x3D else {
                    index = afterName
                    continue
                }
                index += 1
                _ = skipWhitespace()
                guard index < end else { return false }
                let quote = bytes[index]
                if quote == 0x22 || quote == 0x27 {
                    index += 1
                    while index < end, bytes[index] != quote { index += 1 }
                    guard index < end else { return false }
                    index += 1
                } else {
                    let valueStart = index
                    while index < end {
                        let byte = bytes[index]
                        if byte == space || byte == tab || byte == 0x22 || byte == 0x27 || byte == 0x3D || byte == 0x3C
                            || byte == 0x3E || byte == 0x60
                        {
                            break
                        }
                        index += 1
                    }
                    guard index > valueStart else { return false }
                }
            }
        }
        _ = skipWhitespace()
        if !closing, index < end, bytes[index] == 0x2F { index += 1 }
        guard index < end, bytes[index] == 0x3E else { return false }
        index += 1
        _ = skipWhitespace()
        return index == end
    }

    /// Whether a line whose content starts at `start` (indented at most three columns) starts a block
    /// where no paragraph is open: what ``interruptsParagraph(_:from:to:)`` accepts, and also any list
    /// item (an ordered one from any number, an empty one) and an HTML block of kind 7. A line after a
    /// footnote definition's paragraph is a lazy continuation of it only when it starts no block here,
    /// as in GitHub's parser (the definition is a container that line does not continue).
    static func startsBlock(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        if interruptsParagraph(bytes, from: start, to: end) { return true }
        let first = bytes[start]
        if first == 0x2D || first == 0x2A || first == 0x2B {
            // `-`, `*` or `+` alone: an empty list item.
            return start + 1 == end
        }
        if isASCIIDigit(first) {
            var index = start
            while index < end, index - start < 10, isASCIIDigit(bytes[index]) { index += 1 }
            guard index - start <= 9, index < end, bytes[index] == 0x2E || bytes[index] == 0x29 else { return false }
            index += 1
            return index == end || bytes[index] == space || bytes[index] == tab
        }
        return first == 0x3C && isHTMLBlockKind7(bytes, from: start, to: end)
    }

    /// Whether ASCII `bytes` equal the lower-case `word`, ignoring case.
    private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        var offset = 0
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if lower != word.utf8Start[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Whether the line ends an HTML block of kind 1–5.
    static func endsHTMLBlock(_ bytes: [UInt8], _ range: Range<Int>, kind: Int) -> Bool {
        switch kind {
        case 1:
            return contains(bytes, range, "</script>", ignoringCase: true) || contains(bytes, range, "</pre>", ignoringCase: true)
                || contains(bytes, range, "</style>", ignoringCase: true)
                || contains(bytes, range, "</textarea>", ignoringCase: true)
        case 2: return contains(bytes, range, "-->")
        case 3: return contains(bytes, range, "?>")
        case 4: return contains(bytes, range, ">")
        case 5: return contains(bytes, range, "]]>")
        default: return false
        }
    }

    /// `[^label]:` at `start`: the label's byte range and the offset after the colon.
    static func footnoteDefinition(_ bytes: [UInt8], from start: Int, to end: Int) -> (label: Range<Int>, after: Int)? {
        guard let label = footnoteLabel(bytes, from: start, to: end) else { return nil }
        let close = label.upperBound
        guard close + 1 < end, bytes[close + 1] == 0x3A else { return nil }
        return (label, close + 2)
    }

    /// `[^label]` at `start`: the label's byte range (the `]` is at its upper bound).
    static func footnoteLabel(_ bytes: [UInt8], from start: Int, to end: Int) -> Range<Int>? {
        guard start + 1 < end, bytes[start] == 0x5B, bytes[start + 1] == 0x5E else { return nil }
        var index = start + 2
        while index < end, index - start - 2 < 1000 {
            let byte = bytes[index]
            if byte == 0x5D { return index > start + 2 ? (start + 2)..<index : nil }
            if isLabelStop(byte) { return nil }
            index += 1
        }
        return nil
    }

    /// Bytes that cannot appear in a footnote label: whitespace, brackets, backslash, controls.
    @inline(__always)
    static func isLabelStop(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x5B || byte == 0x5D || byte == 0x5C || byte == 0x7F
    }

    /// The label's byte range when the line looks like the start of a link reference definition: `[label]:`.
    static func referenceDefinitionLabel(_ bytes: [UInt8], from start: Int, to end: Int) -> Range<Int>? {
        guard start < end, bytes[start] == 0x5B else { return nil }
        var index = start + 1
        while index < end {
            if bytes[index] == 0x5C {
                index += 2
                continue
            }
            if bytes[index] == 0x5D {
                guard index > start + 1, index + 1 < end, bytes[index + 1] == 0x3A else { return nil }
                return (start + 1)..<index
            }
            if bytes[index] == 0x5B { return nil }
            index += 1
        }
        return nil
    }

    /// Whether the line (indentation at most 3, first byte at `start`) starts a block that would end
    /// a paragraph: heading, fence, quote, list item, thematic break, HTML block, footnote definition.
    static func interruptsParagraph(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        let first = bytes[start]
        switch first {
        case 0x3E: return true  // >
        case 0x23:  // #
            var index = start
            while index < end, bytes[index] == 0x23 { index += 1 }
            return index - start <= 6 && (index == end || bytes[index] == space || bytes[index] == tab)
        case 0x60, 0x7E: return fenceOpening(bytes, from: start, to: end) != nil
        case 0x3C: return htmlBlockStart(bytes, from: start, to: end) != nil
        case 0x5B: return footnoteDefinition(bytes, from: start, to: end) != nil
        case 0x2A, 0x2D, 0x5F, 0x2B:  // * - _ +
            if first != 0x2B, isThematicBreak(bytes, from: start, to: end) { return true }
            if first == 0x5F { return false }
            return start + 1 < end && (bytes[start + 1] == space || bytes[start + 1] == tab)
        case 0x31:  // an ordered list can interrupt a paragraph only when it starts at 1
            return start + 2 < end && (bytes[start + 1] == 0x2E || bytes[start + 1] == 0x29)
                && (bytes[start + 2] == space || bytes[start + 2] == tab)
        default: return false
        }
    }

    static func isThematicBreak(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        let character = bytes[start]
        guard character == 0x2A || character == 0x2D || character == 0x5F else { return false }
        var count = 0
        for index in start..<end {
            if bytes[index] == character {
                count += 1
            } else if bytes[index] != space && bytes[index] != tab {
                return false
            }
        }
        return count >= 3
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func hasPrefix(_ bytes: [UInt8], _ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard end - start >= count else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<count {
            let byte = bytes[start + offset]
            let wanted = pointer[offset]
            if byte != wanted, !(isASCIILetter(byte) && byte | 0x20 == wanted | 0x20) { return false }
        }
        return true
    }

    static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: StaticString, ignoringCase: Bool = false) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard range.count >= count else { return false }
        let pointer = needle.utf8Start
        var index = range.lowerBound
        outer: while index + count <= range.upperBound {
            for offset in 0..<count {
                var byte = bytes[index + offset]
                if ignoringCase, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                if byte != pointer[offset] {
                    index += 1
                    continue outer
                }
            }
            return true
        }
        return false
    }

    private static let rawTextTags: [StaticString] = ["script", "pre", "style", "textarea"]

    private static let blockTags: [StaticString] = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ]
}
