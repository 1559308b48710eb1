import CCmark

/// Decides which soft line breaks render as nothing: those between two East Asian wide characters
/// (CSS Text 3 segment break rules), so `あいう⏎えお` renders as `あいうえお` while `word⏎word` keeps
/// its break. Hangul keeps its break. ``HTMLRenderer``, ``PlainTextWriter`` and heading titles ask it
/// as they meet each break; the tree keeps every break (passes count a paragraph's lines with them).
enum SoftBreakJoiner {
    /// Whether the soft break `node` is written (as a line break or a space): always unless `joiningLines`
    /// (Teigen's extensions on, hard breaks off) and it sits between two joining characters.
    static func isKept(_ node: CmarkNode, joiningLines: Bool) -> Bool {
        !(joiningLines && joins(node))
    }

    /// Whether the soft break `node` sits between two joining characters.
    static func joins(_ node: CmarkNode) -> Bool {
        guard let after = firstScalar(of: node.next), EastAsianWidth.joinsLines(after),
            let before = lastScalar(of: node.previous), EastAsianWidth.joinsLines(before)
        else { return false }
        return true
    }

    /// The last character rendered by `node` (descending into emphasis, strikethrough and links; a
    /// footnote reference mark counts as the character before it, to which it is bound).
    static func lastScalar(of start: CmarkNode?) -> Unicode.Scalar? {
        var current = start
        while let node = current {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                return node.literalBytes.lastScalar
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
                current = node.lastChild
            case CMARK_NODE_CUSTOM_INLINE:
                if case .footnoteReference = node.tag { current = node.previous } else { current = node.lastChild }
            default:
                return nil
            }
        }
        return nil
    }

    /// The first character rendered by `node` (descending into emphasis, strikethrough and links).
    static func firstScalar(of start: CmarkNode?) -> Unicode.Scalar? {
        var current = start
        while let node = current {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                return node.literalFirstScalar
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
                current = node.firstChild
            case CMARK_NODE_CUSTOM_INLINE:
                if case .strikethrough = node.tag { current = node.firstChild } else { return nil }
            default:
                return nil
            }
        }
        return nil
    }
}

extension CmarkNode {
    /// The first Unicode scalar of the node's literal, read without measuring the literal.
    var literalFirstScalar: Unicode.Scalar? {
        guard let literal = cmark_node_get_literal(raw) else { return nil }
        let lead = UInt8(bitPattern: literal[0])
        if lead < 0x80 { return lead == 0 ? nil : Unicode.Scalar(lead) }
        // At most four bytes; the NUL ends a truncated sequence (decoded as an error, like any other).
        var length = 1
        while length < 4, UInt8(bitPattern: literal[length]) & 0xC0 == 0x80 { length += 1 }
        return UnsafeRawPointer(literal).withMemoryRebound(to: UInt8.self, capacity: length) {
            UnsafeBufferPointer(start: $0, count: length).firstScalar
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first Unicode scalar of these UTF-8 bytes.
    var firstScalar: Unicode.Scalar? {
        guard !isEmpty else { return nil }
        var iterator = self.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The last Unicode scalar of these UTF-8 bytes.
    var lastScalar: Unicode.Scalar? {
        guard !isEmpty else { return nil }
        var start = count - 1
        while start > 0, count - start < 4, self[start] & 0xC0 == 0x80 { start -= 1 }
        return UnsafeBufferPointer(rebasing: self[start...]).firstScalar
    }
}
