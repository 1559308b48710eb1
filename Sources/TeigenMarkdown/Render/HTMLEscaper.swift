/// libcmark 0.30.2's escaping for its HTML renderer, writing into an ``HTMLBuffer``:
/// `houdini_escape_html0` with `secure` 0 (text, code, titles, info strings), `houdini_escape_href`
/// (link and image destinations) and `_scan_dangerous_url` (which destinations safe mode drops).
///
/// Runs of bytes that need no escaping are copied with one `memcpy`; the search for the next byte
/// to escape looks at 8 bytes at a time (a byte-at-a-time table loop took 1.8 times as long over a
/// 5 MB document's text; 16-byte `SIMD16` compares were faster on Japanese text but slower on
/// English, and no faster in a whole render).
enum HTMLEscaper {
    // MARK: Text

    /// `houdini_escape_html0(…, secure: 0)`: `"` `&` `<` `>` become `&quot;` `&amp;` `&lt;` `&gt;`;
    /// every other byte (`'` and `/` too, since secure is off) is copied.
    static func escapeHTML(_ source: UnsafePointer<UInt8>, length: Int, into out: inout HTMLBuffer) {
        escapeHTML(source, length: length, copying: { out.append($0, length: $1) }, entity: { out.append($0) })
    }

    /// ``escapeHTML(_:length:into:)`` for any output: `copy(start, length)` for each run of bytes copied as
    /// they are, `entity(e)` for each byte written as an entity, in order.
    @inline(__always)
    static func escapeHTML(
        _ source: UnsafePointer<UInt8>, length: Int, copying copy: (UnsafePointer<UInt8>, Int) -> Void,
        entity: (StaticString) -> Void
    ) {
        let end = source + length
        var run = source  // start of the bytes not yet written
        var cursor = source
        while true {
            cursor = nextHTMLSpecial(from: cursor, end: end)
            if cursor == end { break }
            copy(run, cursor - run)
            entity(Self.entity(for: cursor.pointee)!)  // nextHTMLSpecial stops only at bytes that have one
            cursor += 1
            run = cursor
        }
        copy(run, end - run)
    }

    /// The entity ``escapeHTML(_:length:into:)`` writes for `byte`, or `nil` for a byte copied as it is.
    @inline(__always)
    static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x22: "&quot;"
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        default: nil
        }
    }

    /// `"` `&` `<` `>` as a 256-entry bit table: bit `b` of the first word is set for the bytes below 64
    /// that need escaping; no byte from 64 up does.
    private static let htmlSpecialBelow64: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    @inline(__always)
    static func isHTMLSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && htmlSpecialBelow64 >> UInt64(byte) & 1 != 0
    }

    /// The first byte in `start..<end` that escapeHTML rewrites, or `end`.
    @inline(__always)
    private static func nextHTMLSpecial(from start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var cursor = start
        while end - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
            let found = zeroBytes(word ^ repeated(0x22)) | zeroBytes(word ^ repeated(0x26))
                | zeroBytes(word ^ repeated(0x3C)) | zeroBytes(word ^ repeated(0x3E))
            // The lowest flagged byte is always a real match (only bytes above a match can be flagged
            // wrongly), so it is the first special byte of the word.
            if found != 0 { return cursor + found.trailingZeroBitCount >> 3 }
            cursor += 8
        }
        while cursor < end && !isHTMLSpecial(cursor.pointee) { cursor += 1 }
        return cursor
    }

    /// `byte` in each of a word's 8 bytes.
    @inline(__always)
    private static func repeated(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }

    /// The high bit set in each byte of `word` that is zero (and possibly in bytes above one that is).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    // MARK: Destinations

    /// `houdini_escape_href`'s `HREF_SAFE` table as 256 bits (4 words): the bytes copied as they are,
    /// ``-_.+!*(),%#@?=;:/,+$~`` and ASCII letters and digits (`~` is safe since 0.30.2).
    /// `&` becomes `&amp;`, `'` becomes `&#x27;` and every other byte `%XX` (upper-case hex).
    private static let hrefSafe: (UInt64, UInt64, UInt64, UInt64) = {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let safe = Array("-_.+!*(),%#@?=;:/$~".utf8)
            + Array(0x30...0x39) + Array(0x41...0x5A) + Array(0x61...0x7A)
        for byte in safe {
            let bit: UInt64 = 1 << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }
        return words
    }()

    /// `houdini_escape_href` (see ``hrefSafe``).
    static func escapeHref(_ source: UnsafePointer<UInt8>, length: Int, into out: inout HTMLBuffer) {
        let safe = hrefSafe
        let end = source + length
        var run = source
        var cursor = source
        while cursor < end {
            let byte = cursor.pointee
            let word: UInt64
            switch byte >> 6 {
            case 0: word = safe.0
            case 1: word = safe.1
            case 2: word = safe.2
            default: word = safe.3
            }
            if word >> UInt64(byte & 63) & 1 != 0 {
                cursor += 1
                continue
            }
            out.append(run, length: cursor - run)
            switch byte {
            case 0x26: out.append("&amp;")
            case 0x27: out.append("&#x27;")
            default:
                out.reserve(3)
                out.append(0x25)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xF))
            }
            cursor += 1
            run = cursor
        }
        out.append(run, length: end - run)
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x41 - 10 + nibble
    }

    /// `_scan_dangerous_url`: whether a NUL-terminated destination starts, ignoring ASCII case, with
    /// `javascript:`, `vbscript:`, `file:` or `data:`, except `data:image/png`, `…/gif`, `…/jpeg` and
    /// `…/webp` (prefixes too: `data:image/pngx` is allowed, `data:image/pn` is not).
    static func isDangerousURL(_ url: UnsafePointer<UInt8>) -> Bool {
        switch url.pointee | 0x20 {
        case UInt8(ascii: "j"): return hasPrefix(url, "javascript:")
        case UInt8(ascii: "v"): return hasPrefix(url, "vbscript:")
        case UInt8(ascii: "f"): return hasPrefix(url, "file:")
        case UInt8(ascii: "d"):
            guard hasPrefix(url, "data:") else { return false }
            guard hasPrefix(url, "data:image/") else { return true }
            let type = url + 11
            return !(hasPrefix(type, "png") || hasPrefix(type, "gif") || hasPrefix(type, "jpeg") || hasPrefix(type, "webp"))
        default: return false
        }
    }

    /// Whether `string` (NUL-terminated) starts with `prefix` (lower-case ASCII letters and punctuation),
    /// comparing letters without case as re2c's `'…'` strings do.
    private static func hasPrefix(_ string: UnsafePointer<UInt8>, _ prefix: StaticString) -> Bool {
        let expected = prefix.utf8Start
        for index in 0..<prefix.utf8CodeUnitCount {
            let want = expected[index]
            var byte = string[index]  // a NUL ends the string and matches nothing here, so reading stops
            if want >= UInt8(ascii: "a") && want <= UInt8(ascii: "z") { byte |= 0x20 }
            if byte != want { return false }
        }
        return true
    }
}
