#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CCmark

/// Collects what the passes need from the blocks a ``BlockScan`` found, in document order,
/// registering the position of each leaf block that has something collected.
///
/// A heading is always collected; a paragraph's or heading's inline content is walked only when one of
/// its lines may hold something wanted (``InlineLineFilter``); table cells and the paragraphs Teigen
/// made around tables are always walked.
struct InlineCollector {
    var wantsFootnoteReferences: Bool
    var wantsLinks: Bool
    /// The passes that change the inline content of a block before it is collected (strikethrough,
    /// CJK-friendly emphasis, extended autolinks); `nil` when none is on.
    var passes: InlinePasses?
    /// The lines of the text that may hold a footnote reference or a link.
    var lines: InlineLineFilter

    /// Collects from the blocks of `scan`, where `tables[k]` holds the blocks that replaced table
    /// candidate `k` (``TableBuilder/build(_:text:topLevelQuotesAreNotes:in:)``). With
    /// `groupingTopLevelBlocks` each top-level block (a footnote body) gets a collection of its own.
    /// Blocks are registered in the context's map.
    func collect(
        _ scan: BlockScan, tables: [[CmarkNode]?], text: Int, groupingTopLevelBlocks: Bool = false, in context: ConversionContext
    ) -> [InlineCollection] {
        var collections = [InlineCollection](repeating: InlineCollection(), count: groupingTopLevelBlocks ? max(scan.groupCount, 1) : 1)
        let wantsInlines = wantsFootnoteReferences || wantsLinks || passes != nil
        for (entry, group) in scan.entries {
            let current = groupingTopLevelBlocks ? group : 0
            switch entry {
            case .leaf(let node, let quoteDepth):
                collectLeaf(node, quoteDepth: quoteDepth, always: false, into: &collections[current], text: text, in: context)
            case .tableCandidate(let index):
                guard let blocks = index < tables.count ? tables[index] : nil else {
                    let candidate = scan.tableCandidates[index]
                    collectLeaf(
                        candidate.node, quoteDepth: candidate.quoteDepth, always: false, into: &collections[current], text: text,
                        in: context)
                    continue
                }
                for block in blocks {
                    if block.type == CMARK_NODE_CUSTOM_BLOCK {
                        if wantsInlines { collectCells(of: block, into: &collections[current], text: text, in: context) }
                    } else {
                        collectLeaf(block, quoteDepth: 0, always: true, into: &collections[current], text: text, in: context)
                    }
                }
            }
        }
        return collections
    }

    /// A paragraph or heading: headings are recorded; the inline content is walked when wanted
    /// (`always` for the blocks Teigen made, which have no lines of their own).
    private func collectLeaf(
        _ node: CmarkNode, quoteDepth: Int, always: Bool, into collection: inout InlineCollection, text: Int,
        in context: ConversionContext
    ) {
        var walker = InlineWalker(collector: self, text: text, leaf: (node, quoteDepth))
        if node.type == CMARK_NODE_HEADING, let block = walker.block(context) { collection.headings.append((node, block)) }
        guard wantsFootnoteReferences || wantsLinks || passes != nil, always || lines.any(from: node.startLine, through: node.endLine)
        else { return }
        if let passes, let block = walker.block(context) { passes.run(node, block: block, lines: always ? nil : lines, in: context) }
        walker.walk(node, into: &collection, in: context)
    }

    /// The cells of a table (table, head and body, rows, cells).
    private func collectCells(of table: CmarkNode, into collection: inout InlineCollection, text: Int, in context: ConversionContext) {
        var part = table.firstChild
        while let section = part {
            var nextRow = section.firstChild
            while let row = nextRow {
                var nextCell = row.firstChild
                while let cell = nextCell {
                    if case .tableCell(let block, _, _) = cell.tag {
                        if let passes, let block { passes.run(cell, block: block, lines: nil, in: context) }
                        var walker = InlineWalker(collector: self, text: text, cell: block)
                        walker.walk(cell, into: &collection, in: context)
                    }
                    nextCell = cell.next
                }
                nextRow = row.next
            }
            part = section.next
        }
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
    mutating func block(_ context: ConversionContext) -> Int? {
        if let currentBlock { return currentBlock }
        guard let (node, depth) = leaf else { return nil }
        let position = context.map.synthesizedBlocks.isEmpty ? nil : context.map.synthesizedBlocks[node]
        let added = context.map.add(
            position
                ?? BlockPosition(
                    text: text, node: node, startLine: node.startLine, startColumn: node.startColumn, quoteDepth: depth))
        currentBlock = added
        return added
    }

    mutating func walk(_ container: CmarkNode, into collection: inout InlineCollection, in context: ConversionContext) {
        var linkDepth = 0
        CmarkWalk.walk(container) { node, entering in
            switch node.type {
            case CMARK_NODE_TEXT:
                if collector.wantsFootnoteReferences, linkDepth == 0, leaf != nil || currentBlock != nil,
                    node.literalContainsFootnoteMarker, let block = block(context)
                {
                    collection.texts.append((node, block))
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    if collector.wantsLinks { collection.links.append((node, block(context))) }
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
