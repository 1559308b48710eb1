import CCmark

/// One walk over the blocks of a parsed text, through libcmark's links (never its inline content),
/// finding in document order what the passes need: the paragraphs and setext headings that may hold a
/// table, the headings, and the paragraphs whose lines may hold a footnote reference or a link.
///
/// On a large document reaching the blocks is most of a walk's cost, so tables (``TableBuilder``) and the
/// inline collection (``InlineCollector``) share this one walk instead of walking the tree each. Whether a
/// block may hold a table is read from its own lines (a delimiter row after its first line).
struct BlockScan {
    /// A block found.
    enum Entry {
        /// A heading, or a paragraph whose lines may hold wanted inline content; with the block quotes around it.
        case leaf(CmarkNode, quoteDepth: Int)
        /// A paragraph or setext heading spanning a line that may be a delimiter row: index in ``tableCandidates``.
        case tableCandidate(Int)
    }

    /// A paragraph or setext heading that may hold a table, with its containers.
    struct TableCandidate {
        var node: CmarkNode
        var containers: [TableContainer]
        var quoteDepth: Int
    }

    /// The blocks found, in document order, each with the index of the top-level block it is in.
    private(set) var entries: [(entry: Entry, group: Int)] = []
    private(set) var tableCandidates: [TableCandidate] = []
    /// The code blocks with an info string (fenced, with a language or options), in document order.
    private(set) var codeBlocks: [CmarkNode] = []
    /// The number of top-level blocks.
    private(set) var groupCount = 0

    /// Scans `tree`, parsed from `text`; `lines` marks the lines whose inline content a pass wants.
    init(_ tree: CmarkTree, text: SourceText, lines: InlineLineFilter) {
        var containers: [TableContainer] = []
        var quoteDepth = 0
        // The containers being walked, each with whether it was pushed on `containers`.
        var open: [(node: CmarkNode, isTableContainer: Bool)] = []
        var next = tree.root.firstChild
        while true {
            guard let node = next else {
                guard let (parent, isTableContainer) = open.popLast() else { break }
                if isTableContainer {
                    if case .quote = containers.removeLast() { quoteDepth -= 1 }
                }
                next = parent.next
                continue
            }
            if open.isEmpty { groupCount += 1 }
            switch node.type {
            case CMARK_NODE_BLOCK_QUOTE:
                containers.append(.quote(node))
                quoteDepth += 1
                open.append((node, true))
                next = node.firstChild
                continue
            case CMARK_NODE_ITEM:
                containers.append(.item(node, contentColumn: node.firstChild?.startColumn ?? node.startColumn + 2))
                open.append((node, true))
                next = node.firstChild
                continue
            case CMARK_NODE_LIST, CMARK_NODE_CUSTOM_BLOCK:
                open.append((node, false))
                next = node.firstChild
                continue
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                let start = node.startLine
                let end = node.endLine
                // A table needs a delimiter row after the block's first line (ATX headings are one
                // line; setext headings end on their underline).
                if start < end, TableFinder.mayHoldDelimiterRow(text, lines: start + 1...end) {
                    entries.append((.tableCandidate(tableCandidates.count), groupCount - 1))
                    tableCandidates.append(TableCandidate(node: node, containers: containers, quoteDepth: quoteDepth))
                } else if node.type == CMARK_NODE_HEADING || lines.any(from: start, through: end) {
                    entries.append((.leaf(node, quoteDepth: quoteDepth), groupCount - 1))
                }
            case CMARK_NODE_CODE_BLOCK:
                if let info = cmark_node_get_fence_info(node.raw), info.pointee != 0 {
                    codeBlocks.append(node)
                }
            default:
                break
            }
            next = node.next
        }
    }
}
