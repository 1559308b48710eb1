import CCmark

/// Finds a page's summary: the top-level blocks before `<!--more-->` (an HTML comment on its own
/// line), or else the first paragraph.
enum Summary {
    /// The summary's nodes, in order.
    static func nodes(in root: CmarkNode) -> [CmarkNode] {
        var before: [CmarkNode] = []
        var firstParagraph: CmarkNode?
        var child = root.firstChild
        while let node = child {
            if isMoreMarker(node) { return before }
            if firstParagraph == nil, node.type == CMARK_NODE_PARAGRAPH { firstParagraph = node }
            if node.tag == .footnoteSection { break }
            before.append(node)
            child = node.next
        }
        if let firstParagraph { return [firstParagraph] }
        var nested: CmarkNode?
        CmarkWalk.walk(root) { node, _ in
            if node.tag == .footnoteSection { return .stop }
            if node.type == CMARK_NODE_PARAGRAPH {
                nested = node
                return .stop
            }
            return .proceed
        }
        return nested.map { [$0] } ?? []
    }

    /// `<!--more-->` (spaces inside allowed) as a block of its own.
    static func isMoreMarker(_ node: CmarkNode) -> Bool {
        guard node.type == CMARK_NODE_HTML_BLOCK else { return false }
        let compact = node.literal.unicodeScalars.filter { !$0.properties.isWhitespace }
        return String(String.UnicodeScalarView(compact)).lowercased() == "<!--more-->"
    }
}
