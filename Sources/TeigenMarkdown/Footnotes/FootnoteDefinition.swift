/// One `[^label]: text` definition taken out of the Markdown before libcmark sees it.
struct FootnoteDefinition {
    /// The label as written.
    var label: String
    /// The label as matched against references (lower-cased).
    var key: String
    /// 1-based line of the definition in the original Markdown.
    var line: Int
    /// 0-based byte offset of the `[` in that line.
    var offset: Int
    /// The note's Markdown: the text after `]:`, then continuation lines without their four-space indentation.
    var body: SourceText

    /// The lookup key of a label: labels match case-insensitively.
    static func key(_ label: String) -> String {
        var label = label
        let isASCIILowercase = label.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) } }
        return isASCIILowercase ? label : label.lowercased()
    }
}
