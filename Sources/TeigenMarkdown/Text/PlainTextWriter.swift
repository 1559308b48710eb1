import CCmark

/// Collects the text of rendered Markdown without markup.
///
/// One line per paragraph, heading, list item, code block or table row; table cells separated by a tab;
/// soft breaks as spaces. Raw HTML, images, footnote references and the footnotes section are left out.
struct PlainTextWriter {
    /// Whether a soft line break between two East Asian wide characters is left out (``SoftBreakJoiner``),
    /// as the HTML leaves it out.
    var joinsLines: Bool
    /// The passes' markup, for table rows written from one text node.
    var markup: PassMarkup
    private var bytes: [UInt8] = []

    init(joinsLines: Bool, markup: PassMarkup = PassMarkup()) {
        self.joinsLines = joinsLines
        self.markup = markup
    }

    /// Appends the text of `node` and its subtree.
    mutating func write(_ node: CmarkNode) {
        CmarkWalk.walk(node) { node, entering in
            switch node.type {
            case CMARK_NODE_TEXT:
                if case .tableTextRow(let row) = node.tag {
                    // A whole table row: its cells, separated by tabs as cell nodes are.
                    let literal = node.literalBytes
                    for (index, cell) in markup.textRow(row).enumerated() {
                        if index > 0 { bytes.append(0x09) }
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: literal[cell.range.clamped(to: 0..<literal.count)]))
                    }
                } else {
                    bytes.append(contentsOf: node.literalBytes)
                }
            case CMARK_NODE_CODE:
                bytes.append(contentsOf: node.literalBytes)
            case CMARK_NODE_SOFTBREAK:
                if SoftBreakJoiner.isKept(node, joiningLines: joinsLines) { bytes.append(0x20) }
            case CMARK_NODE_LINEBREAK:
                bytes.append(0x0A)
            case CMARK_NODE_CODE_BLOCK:
                endBlock()
                let literal = node.literalBytes
                bytes.append(contentsOf: literal.last == 0x0A ? UnsafeBufferPointer(rebasing: literal.dropLast()) : literal)
                endBlock()
            case CMARK_NODE_IMAGE:
                return entering ? .skipChildren : .proceed
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE,
                CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_HTML_BLOCK:
                if !entering || node.type == CMARK_NODE_THEMATIC_BREAK || node.type == CMARK_NODE_HTML_BLOCK { endBlock() }
            case CMARK_NODE_CUSTOM_INLINE:
                switch node.tag {
                case .tableCell:
                    if entering, node.previous != nil { bytes.append(0x09) }
                case .footnoteReference, .footnoteBacklinks:
                    return entering ? .skipChildren : .proceed
                default:
                    break
                }
            case CMARK_NODE_CUSTOM_BLOCK:
                if node.tag == .footnoteSection { return entering ? .skipChildren : .proceed }
                if !entering { endBlock() }
            default:
                break
            }
            return .proceed
        }
    }

    /// Ends the current line, if any.
    mutating func endBlock() {
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    /// The text written, without trailing line breaks and spaces.
    var text: String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 { end -= 1 }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }
}
