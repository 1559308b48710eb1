import CCmark

/// Links a bare `http://` or `https://` URL that begins a footnote, as GitHub does for
/// `[^1]: https://example.org/path` (a citation).
///
/// Only a URL at the very start of the note's first paragraph is linked; text after it stays text
/// (`[^1]: https://example.org/ p. 3` links the URL alone). Elsewhere bare URLs stay text, as in CommonMark.
/// The URL runs to the first whitespace or `<`; trailing `?!.,:;*_~'"` are left out, and a trailing `)`
/// while the URL has more `)` than `(` (GitHub's rules for its autolinks). It renders as libcmark renders
/// `<https://example.org/path>`.
enum BareURL {
    /// Turns the URL starting the first paragraph of `note` (a footnote body) into a link.
    static func linkAtStart(of note: CmarkNode) {
        guard let paragraph = note.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH else { return }
        // libcmark splits text at `_`, `&`, `*` and the like: the URL may span several text nodes.
        var texts: [CmarkNode] = []
        var bytes: [UInt8] = []
        var child = paragraph.firstChild
        while let node = child, node.type == CMARK_NODE_TEXT {
            texts.append(node)
            bytes.append(contentsOf: node.literalBytes)
            child = node.next
        }
        guard let end = urlEnd(in: bytes) else { return }
        let link = CmarkNode.make(CMARK_NODE_LINK)
        bytes.withUnsafeBufferPointer { buffer in
            let url = UnsafeBufferPointer(rebasing: buffer[0..<end])
            link.url = String(decoding: url, as: UTF8.self)
            link.append(CmarkNode.text(url))
        }
        texts[0].insertBefore(link)
        var start = 0
        for node in texts {
            let length = node.literalBytes.count
            defer { start += length }
            if start + length <= end {
                node.free()
            } else if start < end {
                let tail = Array(node.literalBytes[(end - start)...])
                tail.withUnsafeBufferPointer { node.setLiteral($0) }
            }
        }
    }

    /// Where the URL at the start of `bytes` ends, or `nil` when they do not start with one.
    static func urlEnd(in bytes: [UInt8]) -> Int? {
        let schemeLength: Int
        if bytes.starts(with: Array("https://".utf8)) {
            schemeLength = 8
        } else if bytes.starts(with: Array("http://".utf8)) {
            schemeLength = 7
        } else {
            return nil
        }
        var end = schemeLength
        while end < bytes.count, bytes[end] > 0x20, bytes[end] != 0x3C, bytes[end] != 0x7F { end += 1 }
        var opening = 0
        var closing = 0
        for byte in bytes[schemeLength..<end] {
            if byte == 0x28 { opening += 1 } else if byte == 0x29 { closing += 1 }
        }
        while end > schemeLength {
            let last = bytes[end - 1]
            if "?!.,:;*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == 0x29, closing > opening {
                closing -= 1
                end -= 1
            } else {
                break
            }
        }
        return end > schemeLength ? end : nil
    }
}
