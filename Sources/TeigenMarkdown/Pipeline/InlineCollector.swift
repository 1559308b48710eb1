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
        var currentBlock: Int?
        var linkDepth = 0
        let wantsInlines = wantsFootnoteReferences || wantsSoftBreaks || wantsLinks
        tree.walk { node, entering in
            if groupingTopLevelBlocks, entering, node.parent == root {
                if started {
                    collections.append(InlineCollection())
                    current += 1
                }
                started = true
            }
            switch node.type {
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += entering ? 1 : -1
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                guard entering else {
                    currentBlock = nil
                    return .proceed
                }
                let isHeading = node.type == CMARK_NODE_HEADING
                guard wantsInlines || isHeading else { return .skipChildren }
                let position =
                    map.synthesizedBlocks.isEmpty
                    ? nil : map.synthesizedBlocks[node]
                let block = map.add(
                    position
                        ?? BlockPosition(
                            text: text, node: node, startLine: node.startLine, startColumn: node.startColumn,
                            quoteDepth: quoteDepth))
                currentBlock = block
                if isHeading { collections[current].headings.append((node, block)) }
            case CMARK_NODE_CUSTOM_INLINE:
                if case .tableCell(let block) = node.tag { currentBlock = entering && block >= 0 ? block : nil }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    if wantsLinks { collections[current].links.append((node, currentBlock)) }
                    linkDepth += 1
                } else {
                    linkDepth -= 1
                }
            case CMARK_NODE_TEXT:
                if wantsFootnoteReferences, linkDepth == 0, let block = currentBlock,
                    node.literalBytes.containsFootnoteMarker
                {
                    collections[current].texts.append((node, block))
                }
            case CMARK_NODE_SOFTBREAK:
                if wantsSoftBreaks { collections[current].softBreaks.append(node) }
            default:
                break
            }
            return .proceed
        }
        return collections
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
