/// One shortcode tag as written: `{{< figure src="map.png" caption="地図" >}}`, `{{< /note >}}`, or the
/// self-closing `{{< figure src="map.png" />}}`, read from its bytes.
///
/// Hugo's syntax: a name (letters, digits, `_`, `-`, `.` and `/` inside), then arguments separated by
/// spaces, each `name="value"`, `name=value` or a positional `"value"`; a quoted value takes `\"` and `\\`.
struct ShortcodeTag {
    /// The shortcode's name (`figure`).
    var name: String
    /// Whether this is a closing tag (`{{< /note >}}`).
    var isClosing: Bool
    /// Whether the tag closes itself (`… />}}`): it takes no inner content even if a closing tag follows.
    var closesItself: Bool
    /// The arguments, each with the byte offset (from the tag's start) where it starts.
    var arguments: [(argument: ShortcodeArgument, offset: Int)]

    /// A tag that cannot be read: what is wrong and where (a byte offset from the tag's start).
    struct SyntaxError: Error {
        var message: String
        var offset: Int
    }

    /// Reads `bytes`, a whole tag from `{{<` to `>}}`.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(SyntaxError) -> ShortcodeTag {
        var reader = Reader(bytes: Array(bytes))
        return try reader.tag()
    }
}

/// Reads one tag for ``ShortcodeTag/parse(_:)``.
private struct Reader {
    let bytes: [UInt8]
    var index = 3  // after `{{<`
    /// Where the tag's closing `>}}` (or `/>}}`) starts.
    let end: Int

    init(bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count - 3
    }

    mutating func tag() throws(ShortcodeTag.SyntaxError) -> ShortcodeTag {
        skipSpaces()
        var isClosing = false
        if index < end, bytes[index] == 0x2F {
            isClosing = true
            index += 1
            skipSpaces()
        }
        let nameStart = index
        while index < end, Self.isNameByte(bytes[index]) || (index > nameStart && (bytes[index] == 0x2F || bytes[index] == 0x2E)) {
            index += 1
        }
        guard index > nameStart else {
            throw .init(message: "a shortcode needs a name after '{{<' (such as {{< figure src=\"map.png\" >}})", offset: nameStart)
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        var arguments: [(argument: ShortcodeArgument, offset: Int)] = []
        var closesItself = false
        while true {
            let before = index
            skipSpaces()
            guard index < end else { break }
            if bytes[index] == 0x2F, index + 1 == end {
                closesItself = true
                index += 1
                break
            }
            guard index > before else {
                throw .init(message: "expected a space before the next argument of shortcode '\(name)'", offset: index)
            }
            if isClosing {
                throw .init(message: "a closing tag takes no arguments: write {{< /\(name) >}}", offset: index)
            }
            let start = index
            arguments.append((try argument(of: name), start))
        }
        return ShortcodeTag(name: name, isClosing: isClosing, closesItself: closesItself, arguments: arguments)
    }

    /// `name="value"`, `name=value` or `"value"`.
    private mutating func argument(of shortcode: String) throws(ShortcodeTag.SyntaxError) -> ShortcodeArgument {
        if bytes[index] == 0x22 { return ShortcodeArgument(name: nil, value: try quoted()) }
        let start = index
        while index < end, Self.isNameByte(bytes[index]) { index += 1 }
        if index < end, bytes[index] == 0x3D, index > start {
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            guard index < end, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x0A else {
                throw .init(message: "argument '\(name)' of shortcode '\(shortcode)' has no value: write \(name)=\"…\"", offset: index)
            }
            if bytes[index] == 0x22 { return ShortcodeArgument(name: name, value: try quoted()) }
            return ShortcodeArgument(name: name, value: unquoted())
        }
        index = start
        guard bytes[index] != 0x27, bytes[index] != 0x60 else {
            throw .init(message: "quote shortcode arguments with double quotes: \"…\"", offset: index)
        }
        return ShortcodeArgument(name: nil, value: unquoted())
    }

    /// A value up to the next space or the tag's end.
    private mutating func unquoted() -> String {
        let start = index
        while index < end, !Self.isSpace(bytes[index]), !(bytes[index] == 0x2F && index + 1 == end) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A double-quoted value, `\"` and `\\` read as `"` and `\`.
    private mutating func quoted() throws(ShortcodeTag.SyntaxError) -> String {
        let open = index
        index += 1
        var value: [UInt8] = []
        while index < end {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                return String(decoding: value, as: UTF8.self)
            }
            if byte == 0x5C, index + 1 < end, bytes[index + 1] == 0x22 || bytes[index + 1] == 0x5C {
                value.append(bytes[index + 1])
                index += 2
                continue
            }
            value.append(byte)
            index += 1
        }
        throw .init(message: "this quote is never closed", offset: open)
    }

    private mutating func skipSpaces() {
        while index < end, Self.isSpace(bytes[index]) { index += 1 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Letters, digits, `_` and `-`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
            || byte == 0x2D
    }
}
