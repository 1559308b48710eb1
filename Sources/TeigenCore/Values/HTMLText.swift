/// Text escaped for HTML (element content and quoted attribute values), XML and Pango markup: `&`, `<`, `>`, `"`
/// and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`. Byte by byte, so a quote or bracket is escaped
/// even when a combining mark follows it (`"` + U+0301 is one `Character`, and a loop over characters that
/// compares them with `"` lets it through, ending an attribute).
public enum HTMLText {
    /// `text` with the five characters escaped (the same string when it has none of them).
    public static func escape(_ text: String) -> String {
        var output = ""
        escape(text, into: &output)
        return output
    }

    /// Appends `text` to `output`, escaped as ``escape(_:)`` does, without a string of its own between.
    public static func escape(_ text: String, into output: inout String) {
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            var start = 0
            var escaped = false
            for (index, byte) in bytes.enumerated() {
                guard let entity = entity(for: byte) else { continue }
                if start < index { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                output += entity.description
                start = index + 1
                escaped = true
            }
            guard escaped else { return true }
            if start < bytes.count { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) }
            return false
        }
        if plain { output += text }
    }

    /// Appends `text`'s UTF-8 to `output`, escaped as ``escape(_:)`` does: for output built as bytes, where
    /// appending to a String cost about 300 instructions a piece.
    public static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                guard let entity = entity(for: bytes[index]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
