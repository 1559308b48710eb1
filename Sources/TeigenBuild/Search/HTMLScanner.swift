import Foundation

/// Reads HTML as a stream of start tags, end tags and text, entities decoded, for ``SearchDocument``.
///
/// Teigen's own code, not a library: no HTML parser is among the packages the project can use (the
/// HTML 4 parser in libxml2 would be a new system dependency for this alone), and the search index reads
/// only pages Teigen itself has just written, which `make test` checks are valid HTML. It follows the HTML
/// tokenizer where such pages need it: comments, doctype, raw text in `script` and `style`, escapable raw
/// text in `title` and `textarea`, quoted and unquoted attribute values, numeric character references and
/// the named ones in ``namedEntities``; anything else is passed over as text.
struct HTMLScanner {
    /// One start tag: its lower-case name and attributes (names lower-cased, values decoded).
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        var selfClosing: Bool

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    enum Event {
        case start(Tag)
        case end(String)
        case text(String)
    }

    /// Elements whose content is text up to their end tag: skipped (`script`, `style`) or read as text.
    private static let rawText: Set<String> = ["script", "style"]
    private static let escapableRawText: Set<String> = ["title", "textarea"]

    /// Calls `handle` with each tag and each run of text of `html`, in order.
    static func scan(_ html: Data, _ handle: (Event) -> Void) {
        html.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            var textStart = 0
            func flushText(upTo end: Int) {
                if end > textStart { handle(.text(decode(bytes, textStart..<end))) }
            }
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                    index += 1
                    continue
                }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    flushText(upTo: index)
                    if starts(bytes, at: index, with: "<!--") {
                        index = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                    } else {
                        index = find(bytes, ">", from: index + 2).map { $0 + 1 } ?? bytes.count
                    }
                    textStart = index
                    continue
                }
                let isEnd = next == UInt8(ascii: "/")
                let nameStart = index + (isEnd ? 2 : 1)
                guard nameStart < bytes.count, isASCIILetter(bytes[nameStart]) else {
                    index += 1  // a '<' that starts no tag is text
                    continue
                }
                flushText(upTo: index)
                var cursor = nameStart
                while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/") {
                    cursor += 1
                }
                let name = lowercased(bytes, nameStart..<cursor)
                if isEnd {
                    index = find(bytes, ">", from: cursor).map { $0 + 1 } ?? bytes.count
                    textStart = index
                    handle(.end(name))
                    continue
                }
                var tag = Tag(name: name, attributes: [], selfClosing: false)
                cursor = readAttributes(bytes, from: cursor, into: &tag)
                index = cursor
                textStart = index
                handle(.start(tag))
                if rawText.contains(name) || escapableRawText.contains(name), !tag.selfClosing {
                    let close = findEndTag(bytes, name: name, from: index) ?? bytes.count
                    if escapableRawText.contains(name) { flushText(upTo: close) }
                    index = find(bytes, ">", from: close).map { $0 + 1 } ?? bytes.count
                    textStart = index
                    handle(.end(name))
                }
            }
            flushText(upTo: bytes.count)
        }
    }

    /// Reads the attributes after a tag's name up to and including its `>`; returns the index after it.
    private static func readAttributes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into tag: inout Tag) -> Int {
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if isSpace(byte) {
                cursor += 1
            } else if byte == UInt8(ascii: ">") {
                return cursor + 1
            } else if byte == UInt8(ascii: "/") {
                if cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: ">") {
                    tag.selfClosing = true
                    return cursor + 2
                }
                cursor += 1
            } else {
                let nameStart = cursor
                while cursor < bytes.count, !isSpace(bytes[cursor]), cursor == nameStart || !endsAttributeName(bytes[cursor]) {
                    cursor += 1
                }
                let name = lowercased(bytes, nameStart..<cursor)
                while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                var value = ""
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                        let quote = bytes[cursor]
                        let valueStart = cursor + 1
                        cursor = valueStart
                        while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
                        value = decode(bytes, valueStart..<cursor)
                        cursor = min(cursor + 1, bytes.count)
                    } else {
                        let valueStart = cursor
                        while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                        value = decode(bytes, valueStart..<cursor)
                    }
                }
                tag.attributes.append((name, value))
            }
        }
        return cursor
    }

    /// The index of `</name` (any case) from `start`, followed by a space, `/` or `>`.
    private static func findEndTag(_ bytes: UnsafeBufferPointer<UInt8>, name: String, from start: Int) -> Int? {
        let nameBytes = Array(name.utf8)
        var cursor = start
        while let open = find(bytes, "</", from: cursor) {
            let after = open + 2 + nameBytes.count
            if after <= bytes.count, lowercased(bytes, (open + 2)..<after) == name,
                after == bytes.count || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/")
            {
                return open
            }
            cursor = open + 2
        }
        return nil
    }

    /// The text of `range`, with character references decoded.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard let firstAmpersand = range.first(where: { bytes[$0] == UInt8(ascii: "&") }) else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var output = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<firstAmpersand]), as: UTF8.self)
        var cursor = firstAmpersand
        var plainStart = cursor
        while cursor < range.upperBound {
            guard bytes[cursor] == UInt8(ascii: "&"), let (scalar, end) = reference(bytes, at: cursor, limit: range.upperBound) else {
                cursor += 1
                continue
            }
            output += String(decoding: UnsafeBufferPointer(rebasing: bytes[plainStart..<cursor]), as: UTF8.self)
            output.unicodeScalars.append(scalar)
            cursor = end
            plainStart = end
        }
        output += String(decoding: UnsafeBufferPointer(rebasing: bytes[plainStart..<range.upperBound]), as: UTF8.self)
        return output
    }

    /// The character reference at `start` (an `&`) and the index after its `;`, if it is one.
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        var cursor = start + 1
        if cursor < limit, bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let hex = cursor < limit && (bytes[cursor] | 0x20) == UInt8(ascii: "x")
            if hex { cursor += 1 }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < limit, cursor - digitsStart < 8 {
                let byte = bytes[cursor]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: digit = 99
                }
                guard digit < 99 else { break }
                value = value * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart, cursor < limit, bytes[cursor] == UInt8(ascii: ";") else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar ?? Unicode.Scalar(0xFFFD)!, cursor + 1)
        }
        let nameStart = cursor
        while cursor < limit, cursor - nameStart < 10, isASCIILetter(bytes[cursor]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
            cursor += 1
        }
        guard cursor < limit, bytes[cursor] == UInt8(ascii: ";"),
            let value = namedEntities[String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor]), as: UTF8.self)]
        else { return nil }
        return (Unicode.Scalar(value)!, cursor + 1)
    }

    /// The named character references decoded (HTML's commonest; any other is left as text).
    static let namedEntities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "shy": 0xAD,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013,
        "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D, "laquo": 0xAB, "raquo": 0xBB,
        "middot": 0xB7, "bull": 0x2022, "times": 0xD7, "divide": 0xF7, "deg": 0xB0, "plusmn": 0xB1,
        "sect": 0xA7, "para": 0xB6, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193,
        "harr": 0x2194, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwj": 0x200D, "zwnj": 0x200C,
        "yen": 0xA5, "euro": 0x20AC, "pound": 0xA3, "cent": 0xA2, "prime": 0x2032, "Prime": 0x2033,
        "minus": 0x2212, "le": 0x2264, "ge": 0x2265, "ne": 0x2260, "asymp": 0x2248, "infin": 0x221E,
        "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE,
        "iexcl": 0xA1, "iquest": 0xBF, "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030,
        "lsaquo": 0x2039, "rsaquo": 0x203A, "sbquo": 0x201A, "bdquo": 0x201E, "hearts": 0x2665,
    ]

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != prefix.utf8Start[offset] { return false }
        return true
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        let first = needle.utf8Start[0]
        var index = start
        while index < bytes.count {
            if bytes[index] == first, starts(bytes, at: index, with: needle) { return index }
            index += 1
        }
        return nil
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { isASCIILetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func endsAttributeName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }
}
