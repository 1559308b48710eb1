import Mustache

/// How `{{name}}` escapes a value in every template: `<`, `>`, `&`, `"` and `'` become `&lt;`, `&gt;`, `&amp;`,
/// `&quot;` and `&#39;`, byte by byte. ``Theme`` makes it each template's content type (swift-mustache's
/// `CONTENT_TYPE` pragma, under ``name``) in place of swift-mustache's own HTML escaping, which writes the same
/// entities but looks each `Character` up in a dictionary: slower (about a sixth of the own theme's rendering time),
/// and blind to a quote or bracket that a combining mark follows (`"` + U+0301 is one `Character`, not `"`), which it
/// left as it was, so that such a value could end an attribute (`content="…"́ onfocus=…`).
struct HTMLEscaping: MustacheContentType {
    /// The name the templates' pragma gives.
    static let name = "TEIGEN_HTML"
    /// What ``Theme`` puts before each template's text: the pragma, alone on a line (a standalone tag, so the line
    /// writes nothing).
    static let pragmaLine = "{{% CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `text` with the five characters escaped (itself when it has none of them).
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: needsEscaping) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
