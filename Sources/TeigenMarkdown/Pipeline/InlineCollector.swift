#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CCmark

/// Collects what the passes need from one parsed text, registering the position of each leaf block
/// that has something collected.
///
/// Blocks are reached through libcmark's links (no iterator over inline content); a paragraph's or
/// heading's inline content is walked only when one of its lines may hold something wanted
/// (``InlineLineFilter``). Table cells are always walked.
struct InlineCollector {
    var wantsFootnoteReferences: Bool
    var wantsLinks: Bool
    /// The lines of the text that may hold a footnote reference or a link.
    var lines: InlineLineFilter

    func collect(_ tree: CmarkTree, text: Int, map: inout SourceMap) -> InlineCollection {
        collect(tree, text: text, map: &map, groupingTopLevelBlocks: false).first ?? InlineCollection()
    }

    /// Collects from each top-level block separately (footnote bodies) when `groupingTopLevelBlocks`.
    func collect(_ tree: CmarkTree, text: Int, map: inout SourceMap, groupingTopLevelBlocks: Bool) -> [InlineCollection] {
        var collections = [InlineCollection()]
        var quoteDepth = 0
        var open: [(node: CmarkNode, isQuote: Bool)] = []
        var startedTopLevel = false
        let wantsInlines = wantsFootnoteReferences || wantsLinks
        var next = tree.root.firstChild
        while true {
            guard let node = next else {
                guard let (parent, isQuote) = open.popLast() else { break }
                if isQuote { quoteDepth -= 1 }
                next = parent.next
                continue
            }
            if groupingTopLevelBlocks, open.isEmpty {
                if startedTopLevel { collections.append(InlineCollection()) }
                startedTopLevel = true
            }
            let current = collections.count - 1
            switch node.type {
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += 1
                open.append((node, true))
                next = node.firstChild
                continue
            case CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK:
                open.append((node, false))
                next = node.firstChild
                continue
            case CMARK_NODE_PARAGRAPH:
                if wantsInlines, needsWalk(node, map: map) {
                    var walker = InlineWalker(collector: self, text: text, leaf: (node, quoteDepth))
                    walker.walk(node, into: &collections[current], map: &map)
                }
            case CMARK_NODE_HEADING:
                var walker = InlineWalker(collector: self, text: text, leaf: (node, quoteDepth))
                if let block = walker.block(&map) { collections[current].headings.append((node, block)) }
                if wantsInlines, needsWalk(node, map: map) { walker.walk(node, into: &collections[current], map: &map) }
            case CMARK_NODE_CUSTOM_INLINE:
                // A table cell, child of a row.
                if wantsInlines, case .tableCell(let cell, _, _) = node.tag {
                    var walker = InlineWalker(collector: self, text: text, cell: cell)
                    walker.walk(node, into: &collections[current], map: &map)
                }
            default:
                break
            }
            next = node.next
        }
        return collections
    }

    /// Whether a paragraph's or heading's inline content may hold something wanted.
    private func needsWalk(_ node: CmarkNode, map: SourceMap) -> Bool {
        let start = node.startLine
        // Blocks Teigen made (around tables) have no position of their own.
        guard start > 0, map.synthesizedBlocks.isEmpty || map.synthesizedBlocks[node] == nil else { return true }
        return lines.any(from: start, through: node.endLine)
    }
}

/// Walks the inline content of one leaf block or table cell for ``InlineCollector``.
private struct InlineWalker {
    let collector: InlineCollector
    let text: Int
    /// The leaf block; registered in the map only once something in it needs its position.
    var leaf: (node: CmarkNode, quoteDepth: Int)?
    var currentBlock: Int?

    init(collector: InlineCollector, text: Int, leaf: (node: CmarkNode, quoteDepth: Int)) {
        self.collector = collector
        self.text = text
        self.leaf = leaf
    }

    init(collector: InlineCollector, text: Int, cell: Int?) {
        self.collector = collector
        self.text = text
        self.currentBlock = cell
    }

    /// The block's index in the map, registering it on first use.
    mutating func block(_ map: inout SourceMap) -> Int? {
        if let currentBlock { return currentBlock }
        guard let (node, depth) = leaf else { return nil }
        let position = map.synthesizedBlocks.isEmpty ? nil : map.synthesizedBlocks[node]
        let added = map.add(
            position
                ?? BlockPosition(
                    text: text, node: node, startLine: node.startLine, startColumn: node.startColumn, quoteDepth: depth))
        currentBlock = added
        return added
    }

    mutating func walk(_ container: CmarkNode, into collection: inout InlineCollection, map: inout SourceMap) {
        var linkDepth = 0
        CmarkWalk.walk(container) { node, entering in
            switch node.type {
            case CMARK_NODE_TEXT:
                if collector.wantsFootnoteReferences, linkDepth == 0, leaf != nil || currentBlock != nil,
                    node.literalContainsFootnoteMarker, let block = block(&map)
                {
                    collection.texts.append((node, block))
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    if collector.wantsLinks { collection.links.append((node, block(&map))) }
                    linkDepth += 1
                } else {
                    linkDepth -= 1
                }
            default:
                break
            }
            return .proceed
        }
    }
}

extension CmarkNode {
    /// Whether the node's literal contains `[^` (read up to its NUL, without measuring it first).
    var literalContainsFootnoteMarker: Bool {
        guard var cursor = cmark_node_get_literal(raw) else { return false }
        while let found = strchr(cursor, 0x5B) {
            if found[1] == 0x5E { return true }
            cursor = UnsafePointer(found) + 1
        }
        return false
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes contain `[^`.
    var containsFootnoteMarker: Bool {
        guard count > 1, let base = baseAddress else { return false }
        var start = 0
        while start < count - 1, let found = memchr(base + start, 0x5B, count - 1 - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if self[index + 1] == 0x5E { return true }
            start = index + 1
        }
        return false
    }
}
