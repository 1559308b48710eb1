import CCmark

/// GitHub's extended autolinks in text (cmark-gfm's `extensions/autolink.c`): `www.example.org`,
/// `http://`, `https://` and `ftp://` URLs, and `user@example.org` addresses become links.
///
/// The rules are GitHub's: `www.` starts a link at the start of a text or after whitespace, `*`, `_`,
/// `~` or `(`; a URL's domain needs valid host characters (a `www.` domain at least one dot, no `_`
/// in its last two labels); the link runs to the next whitespace or `<`, then drops trailing
/// `?!.,:*_~'"`, a trailing `)` while the link has more `)` than `(`, and a trailing entity-like
/// `&name;`. An address is letters, digits and `.+-_` before the `@`, and a domain with a dot after it.
///
/// One rule of Teigen's own: a link ends before the first CJK character (``CharacterClass/isCJK(_:)``,
/// CJK punctuation included), so Japanese text written right after a URL (`https://example.org/です`,
/// `https://example.org/。`) is not swallowed into it; GitHub ends links only at whitespace. A URL
/// with Japanese in it is written percent-encoded, or between `<` and `>`. A footnote reference
/// (`[^`) also ends a link, so `https://example.org/[^1]` keeps its note.
///
/// Text inside links and images is left alone. Each text node is searched on its own: a URL that
/// libcmark split (with emphasis inside it, or an entity) is linked up to the split.
struct AutolinkPass {
    /// Links the URLs and addresses in the text of `container` (not inside its links and images).
    func run(_ container: CmarkNode, in context: ConversionContext) {
        var texts: [CmarkNode] = []
        CmarkWalk.walk(container) { node, entering in
            switch node.type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                return entering ? .skipChildren : .proceed
            case CMARK_NODE_TEXT:
                if node.tag == nil || node.tag.map({ if case .textOrigin = $0 { true } else { false } }) == true {
                    texts.append(node)
                }
            default:
                break
            }
            return .proceed
        }
        for node in texts { link(in: node) }
    }

    /// Splits `node` around each link found in its literal.
    private func link(in node: CmarkNode) {
        let literal = Array(node.literalBytes)
        guard Self.mayHoldLink(literal) else { return }
        var links: [(range: Range<Int>, url: [UInt8])] = []
        var index = 0
        var bracketDepth = 0
        while index < literal.count {
            let byte = literal[index]
            if byte == 0x5B { bracketDepth += 1 } else if byte == 0x5D, bracketDepth > 0 { bracketDepth -= 1 }
            if bracketDepth == 0, let found = Self.match(literal, at: index, after: links.last?.range.upperBound ?? 0) {
                links.append(found)
                index = found.range.upperBound
                continue
            }
            index += 1
        }
        guard !links.isEmpty else { return }
        literal.withUnsafeBufferPointer { buffer in
            var last = node
            var start = 0
            for (position, (range, url)) in links.enumerated() {
                if position == 0 {
                    node.setLiteral(UnsafeBufferPointer(rebasing: buffer[0..<range.lowerBound]))
                } else if start < range.lowerBound {
                    let text = CmarkNode.text(UnsafeBufferPointer(rebasing: buffer[start..<range.lowerBound]))
                    last.insertAfter(text)
                    last = text
                }
                let link = CmarkNode.make(CMARK_NODE_LINK)
                link.url = String(decoding: url, as: UTF8.self)
                link.append(CmarkNode.text(UnsafeBufferPointer(rebasing: buffer[range])))
                last.insertAfter(link)
                last = link
                start = range.upperBound
            }
            if start < buffer.count {
                last.insertAfter(CmarkNode.text(UnsafeBufferPointer(rebasing: buffer[start...])))
            }
            if links[0].range.lowerBound == 0 { node.free() }
        }
    }

    /// Whether the literal holds `:`, `w` or `@` at all.
    private static func mayHoldLink(_ literal: [UInt8]) -> Bool {
        literal.contains { $0 == 0x3A || $0 == 0x77 || $0 == 0x40 }
    }

    /// A link starting or found at `index` (`www.`, a scheme's `:`, an address's `@`), not before `floor`.
    static func match(_ bytes: [UInt8], at index: Int, after floor: Int) -> (range: Range<Int>, url: [UInt8])? {
        switch bytes[index] {
        case 0x77: return www(bytes, at: index)
        case 0x3A: return url(bytes, colon: index, floor: floor)
        case 0x40: return email(bytes, at: index, floor: floor)
        default: return nil
        }
    }

    // MARK: www.

    private static func www(_ bytes: [UInt8], at start: Int) -> (range: Range<Int>, url: [UInt8])? {
        if start > 0 {
            let before = bytes[start - 1]
            guard before == 0x2A || before == 0x5F || before == 0x7E || before == 0x28 || isSpace(before) else { return nil }
        }
        guard bytes.count - start >= 4, bytes[start + 1] == 0x77, bytes[start + 2] == 0x77, bytes[start + 3] == 0x2E,
            checkDomain(bytes, from: start, allowShort: false) != nil
        else { return nil }
        let end = delimit(bytes, start: start, end: linkEnd(bytes, from: start))
        guard end > start else { return nil }
        return (start..<end, Array("http://".utf8) + bytes[start..<end])
    }

    // MARK: scheme://

    private static func url(_ bytes: [UInt8], colon: Int, floor: Int) -> (range: Range<Int>, url: [UInt8])? {
        guard colon + 3 < bytes.count, bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F else { return nil }
        var start = colon
        while start > floor, LineSyntax.isASCIILetter(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" || scheme == "ftp", isHostCharacter(bytes, at: colon + 3) else { return nil }
        guard let domain = checkDomain(bytes, from: colon + 3, allowShort: true), domain > 0 else { return nil }
        let end = delimit(bytes, start: start, end: linkEnd(bytes, from: colon + 3 + domain))
        guard end > colon + 3 else { return nil }
        return (start..<end, Array(bytes[start..<end]))
    }

    // MARK: user@domain

    private static func email(_ bytes: [UInt8], at at: Int, floor: Int) -> (range: Range<Int>, url: [UInt8])? {
        var start = at
        while start > floor {
            let byte = bytes[start - 1]
            guard isAlphanumeric(byte) || byte == 0x2E || byte == 0x2B || byte == 0x2D || byte == 0x5F else {
                if byte == 0x2F { return nil }
                break
            }
            start -= 1
        }
        guard start < at else { return nil }
        var end = at
        var ats = 0
        var dots = 0
        while end < bytes.count {
            let byte = bytes[end]
            if isAlphanumeric(byte) {
            } else if byte == 0x40 {
                ats += 1
            } else if byte == 0x2E, end + 1 < bytes.count, isAlphanumeric(bytes[end + 1]) {
                dots += 1
            } else if byte != 0x2D && byte != 0x5F {
                break
            }
            end += 1
        }
        let length = end - at
        guard length >= 2, ats == 1, dots > 0, LineSyntax.isASCIILetter(bytes[end - 1]) || bytes[end - 1] == 0x2E else { return nil }
        let delimited = delimit(bytes, start: at, end: end)
        guard delimited > at else { return nil }
        return (start..<delimited, Array("mailto:".utf8) + bytes[start..<delimited])
    }

    // MARK: Shared rules

    /// `check_domain`: the length of the domain at `start` (host characters, `-`, `_` and `.`), or
    /// `nil` when `_` is in its last two labels or, unless `allowShort`, it has no dot.
    private static func checkDomain(_ bytes: [UInt8], from start: Int, allowShort: Bool) -> Int? {
        var index = start + 1
        var dots = 0
        var underscoresBefore = 0
        var underscores = 0
        while index < bytes.count - 1 {
            let byte = bytes[index]
            if byte == 0x5F {
                underscores += 1
            } else if byte == 0x2E {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if byte != 0x2D, !isHostCharacter(bytes, at: index) {
                break
            }
            index += max(1, scalarLength(byte))
        }
        guard underscoresBefore == 0, underscores == 0 else { return nil }
        if !allowShort, dots == 0 { return nil }
        return index - start
    }

    /// Where a link starting at `start` ends before trimming: the first whitespace, `<`, CJK
    /// character (Teigen's rule, see the type's documentation) or the end.
    private static func linkEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if isSpace(byte) || byte == 0x3C { break }
            // A footnote reference right after a link is not part of it.
            if byte == 0x5B, end + 1 < bytes.count, bytes[end + 1] == 0x5E { break }
            if byte >= 0x80 {
                let length = scalarLength(byte)
                if let scalar = UnsafeBufferPointer<UInt8>.scalar(in: bytes, at: end, length: length),
                    CharacterClass.isCJK(scalar) || CharacterClass.isSpace(scalar)
                {
                    break
                }
                end += length
                continue
            }
            end += 1
        }
        return min(end, bytes.count)
    }

    /// `autolink_delim`: drops trailing punctuation, unbalanced `)` and an entity-like `&name;`.
    private static func delimit(_ bytes: [UInt8], start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == 0x3B {
                var index = end - 2
                while index > start, LineSyntax.isASCIILetter(bytes[index]) { index -= 1 }
                if index < end - 2, bytes[index] == 0x26 { end = index } else { end -= 1 }
            } else if last == 0x29 {
                var opening = 0
                var closing = 0
                for byte in bytes[start..<end] {
                    if byte == 0x28 { opening += 1 } else if byte == 0x29 { closing += 1 }
                }
                if closing <= opening { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// `is_valid_hostchar`: not whitespace, not punctuation (libcmark's), and not CJK (Teigen's rule).
    private static func isHostCharacter(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return !isSpace(byte) && !CharacterClass.isASCIIPunctuation(UInt32(byte)) }
        guard let scalar = UnsafeBufferPointer<UInt8>.scalar(in: bytes, at: index, length: scalarLength(byte)) else { return false }
        return !CharacterClass.isSpace(scalar) && !CharacterClass.isLibcmarkPunctuation(scalar) && !CharacterClass.isCJK(scalar)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        LineSyntax.isASCIILetter(byte) || LineSyntax.isASCIIDigit(byte)
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The scalar value of the `length` UTF-8 bytes at `index` of `bytes`, or `nil` if they are not one.
    static func scalar(in bytes: [UInt8], at index: Int, length: Int) -> UInt32? {
        guard index + length <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[index..<(index + length)]).firstScalar?.value }
    }
}
