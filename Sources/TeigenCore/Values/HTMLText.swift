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
        let rest = text.withUTF8 { bytes in
            let rest = escapeRuns(bytes, plain: { output += String(decoding: $0, as: UTF8.self) }, entity: { output += $0.description })
            if rest > 0, rest < bytes.count { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[rest...]), as: UTF8.self) }
            return rest
        }
        // Nothing to escape: the string itself, not a copy decoded from its bytes.
        if rest == 0 { output += text }
    }

    /// Appends `text`'s UTF-8 to `output`, escaped as ``escape(_:)`` does: for output built as bytes, where
    /// appending to a String cost about 300 instructions a piece.
    public static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let rest = escapeRuns(bytes, plain: { output.append(contentsOf: $0) }, entity: { $0.withUTF8Buffer { output.append(contentsOf: $0) } })
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
        }
    }

    /// Hands `plain` each run of `bytes` before a byte to escape (when not empty) and `entity` that byte's entity, in
    /// order; returns where the rest, which needs no escape, begins: 0 when nothing was escaped.
    private static func escapeRuns(
        _ bytes: UnsafeBufferPointer<UInt8>, plain: (UnsafeBufferPointer<UInt8>) -> Void, entity: (StaticString) -> Void
    ) -> Int {
        var start = 0
        for index in bytes.indices {
            guard let escaped = Self.entity(for: bytes[index]) else { continue }
            if start < index { plain(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            entity(escaped)
            start = index + 1
        }
        return start
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
