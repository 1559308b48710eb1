import CCmark

/// Finds a page's summary: the top-level blocks before `<!--more-->` (an HTML comment on its own
/// line), or else the first paragraph. A paragraph inside a shortcode (`{{< note >}}…{{< /note >}}`) counts
/// where the shortcode stands: the paragraph of a summary box at the top of a page is its summary.
enum Summary {
    /// The summary's nodes, in order.
    static func nodes(in root: CmarkNode) -> [CmarkNode] {
        var before: [CmarkNode] = []
        var firstParagraph: CmarkNode?
        var child = root.firstChild
        while let node = child {
            if isMoreMarker(node) { return before }
            if firstParagraph == nil {
                if node.type == CMARK_NODE_PARAGRAPH {
                    firstParagraph = node
                } else if case .shortcode = node.tag {
                    firstParagraph = firstNestedParagraph(in: node)
                }
            }
            if node.tag == .footnoteSection { break }
            before.append(node)
            child = node.next
        }
        if let firstParagraph { return [firstParagraph] }
        return firstNestedParagraph(in: root).map { [$0] } ?? []
    }

    /// The first paragraph below `root` in quotes, lists and shortcodes.
    private static func firstNestedParagraph(in root: CmarkNode) -> CmarkNode? {
        var nested: CmarkNode?
        CmarkWalk.walk(root) { node, entering in
            switch node.type {
            case CMARK_NODE_PARAGRAPH:
                nested = node
                return .stop
            case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                return .proceed
            case CMARK_NODE_CUSTOM_BLOCK:
                if case .shortcode = node.tag { return .proceed }
                return entering ? .skipChildren : .proceed
            default:
                // Paragraphs are only found in containers; tables, headings and the notes are skipped.
                return entering ? .skipChildren : .proceed
            }
        }
        return nested
    }

    /// `<!--more-->` (spaces inside allowed) as a block of its own.
    static func isMoreMarker(_ node: CmarkNode) -> Bool {
        guard node.type == CMARK_NODE_HTML_BLOCK else { return false }
        let literal = node.literalBytes
        var index = 0
        func skipSpaces() {
            while index < literal.count, literal[index] == 0x20 || literal[index] == 0x09 || literal[index] == 0x0A
                || literal[index] == 0x0D
            {
                index += 1
            }
        }
        func expect(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= literal.count else { return false }
            for offset in 0..<count where literal[index + offset] | 0x20 != word.utf8Start[offset] | 0x20 {
                return false
            }
            index += count
            return true
        }
        skipSpaces()
        guard expect("<!--") else { return false }
        skipSpaces()
        guard expect("more") else { return false }
        skipSpaces()
        guard expect("-->") else { return false }
        skipSpaces()
        return index == literal.count
    }
}
