import CCmark

/// Removes soft line breaks between two East Asian wide characters (CSS Text 3 segment break rules),
/// so `あいう⏎えお` renders as `あいうえお` while `word⏎word` keeps its break. Hangul keeps its break.
enum SoftBreakJoiner {
    /// Removes (and frees) the soft breaks of `breaks` that sit between two joining characters.
    static func join(_ breaks: [CmarkNode]) {
        for node in breaks {
            guard let before = lastScalar(of: node.previous), EastAsianWidth.joinsLines(before),
                let after = firstScalar(of: node.next), EastAsianWidth.joinsLines(after)
            else { continue }
            node.free()
        }
    }

    /// The last character rendered by `node` (descending into emphasis and links).
    static func lastScalar(of start: CmarkNode?) -> Unicode.Scalar? {
        var current = start
        while let node = current {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                return node.literalBytes.lastScalar
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
                current = node.lastChild
            default:
                return nil
            }
        }
        return nil
    }

    /// The first character rendered by `node` (descending into emphasis and links).
    static func firstScalar(of start: CmarkNode?) -> Unicode.Scalar? {
        var current = start
        while let node = current {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                return node.literalBytes.firstScalar
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
                current = node.firstChild
            default:
                return nil
            }
        }
        return nil
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
