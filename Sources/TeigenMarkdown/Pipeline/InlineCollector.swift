#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CCmark

/// Walks one parsed text once and collects what the passes need, registering each leaf block's position.
struct InlineCollector {
    var wantsFootnoteReferences: Bool
    var wantsSoftBreaks: Bool
    var wantsLinks: Bool

    func collect(_ tree: CmarkTree, text: Int, map: inout SourceMap) -> InlineCollection {
        collect(tree, text: text, map: &map, groupingTopLevelBlocks: false).first ?? InlineCollection()
    }

    /// Collects from each top-level block separately (footnote bodies) when `groupingTopLevelBlocks`.
    func collect(_ tree: CmarkTree, text: Int, map: inout SourceMap, groupingTopLevelBlocks: Bool) -> [InlineCollection] {
        var collections = [InlineCollection()]
        var current = 0
        var started = false
        let root = tree.root
        var quoteDepth = 0
        // The leaf block being walked; registered in the map only once something in it needs its position.
        var leaf: (node: CmarkNode, quoteDepth: Int)?
        var currentBlock: Int?
        var linkDepth = 0
        let wantsInlines = wantsFootnoteReferences || wantsSoftBreaks || wantsLinks
        func block(_ map: inout SourceMap) -> Int? {
            if let currentBlock { return currentBlock }
            guard let (node, depth) = leaf else { return nil }
            let position =
                map.synthesizedBlocks.isEmpty ? nil : map.synthesizedBlocks[node]
            let added = map.add(
                position
                    ?? BlockPosition(
                        text: text, node: node, startLine: node.startLine, startColumn: node.startColumn, quoteDepth: depth))
            currentBlock = added
            return added
        }
        tree.walk { node, entering in
            if groupingTopLevelBlocks, entering, node.parent == root {
                if started {
                    collections.append(InlineCollection())
                    current += 1
                }
                started = true
            }
            switch node.type {
            case CMARK_NODE_TEXT:
                if wantsFootnoteReferences, linkDepth == 0, leaf != nil || currentBlock != nil, node.literalContainsFootnoteMarker,
                    let block = block(&map)
                {
                    collections[current].texts.append((node, block))
                }
            case CMARK_NODE_SOFTBREAK:
                if wantsSoftBreaks, SoftBreakJoiner.joins(node) { collections[current].joinedBreaks.append(node) }
            case CMARK_NODE_PARAGRAPH:
                guard entering else {
                    (leaf, currentBlock) = (nil, nil)
                    return .proceed
                }
                guard wantsInlines else { return .skipChildren }
                (leaf, currentBlock) = ((node, quoteDepth), nil)
            case CMARK_NODE_HEADING:
                guard entering else {
                    (leaf, currentBlock) = (nil, nil)
                    return .proceed
                }
                (leaf, currentBlock) = ((node, quoteDepth), nil)
                if let block = block(&map) { collections[current].headings.append((node, block)) }
                guard wantsInlines else { return .skipChildren }
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += entering ? 1 : -1
            case CMARK_NODE_CUSTOM_INLINE:
                if case .tableCell(let cell) = node.tag {
                    (leaf, currentBlock) = (nil, entering && cell >= 0 ? cell : nil)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    if wantsLinks { collections[current].links.append((node, block(&map))) }
                    linkDepth += 1
                } else {
                    linkDepth -= 1
                }
            default:
                break
            }
            return .proceed
        }
        return collections
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
