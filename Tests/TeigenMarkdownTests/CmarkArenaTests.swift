import CCmark
import CCmarkArena
import Foundation
import Testing
@testable import TeigenMarkdown

/// ``CmarkArena``: libcmark's allocations during a conversion go into one arena, handed out zeroed,
/// grown and moved as realloc must, nodes side by side, and only on the thread that entered it.
@Suite struct CmarkArenaTests {
    @Test func entersAndLeavesPerRun() {
        #expect(!CmarkArena.isEntered)
        let outer = CmarkArena(sourceLength: 100)
        let inner = CmarkArena(sourceLength: 100)
        outer.run {
            #expect(CmarkArena.isEntered)
            inner.run { #expect(CmarkArena.isEntered) }
            #expect(CmarkArena.isEntered)
        }
        #expect(!CmarkArena.isEntered)
        #expect(CmarkArena.allocator == cmark_get_default_mem_allocator())
    }

    @Test func callocIsZeroedAndReallocKeepsTheBytes() throws {
        let arena = CmarkArena(sourceLength: 0)
        try arena.run {
            let allocator = CmarkArena.allocator.pointee
            let first = try #require(allocator.calloc(1, 40)).assumingMemoryBound(to: UInt8.self)
            #expect((0..<40).allSatisfy { first[$0] == 0 })
            for index in 0..<40 { first[index] = UInt8(index) }
            // The newest block grows in place; an older one moves, keeping its bytes.
            let grown = try #require(allocator.realloc(first, 400)).assumingMemoryBound(to: UInt8.self)
            #expect((0..<40).allSatisfy { grown[$0] == UInt8($0) })
            let other = try #require(allocator.calloc(3, 8))
            let moved = try #require(allocator.realloc(grown, 100_000)).assumingMemoryBound(to: UInt8.self)
            #expect(UnsafeMutableRawPointer(moved) != other)
            #expect((0..<40).allSatisfy { moved[$0] == UInt8($0) })
            allocator.free(moved)
            // Blocks larger than a chunk get a chunk of their own.
            let large = try #require(allocator.calloc(1, 10_000_000)).assumingMemoryBound(to: UInt8.self)
            #expect(large[0] == 0 && large[9_999_999] == 0)
        }
        #expect(arena.allocatedBytes > 10_100_000)
    }

    /// Chunks come from malloc uncleared, so memory that held other bytes before must still reach
    /// libcmark's calloc as zeros, and a realloc'd block keeps exactly the bytes it had.
    @Test func callocClearsReusedMemory() throws {
        for _ in 0..<8 {
            // A freed, dirty block of a chunk's size, which the next chunk is likely to reuse.
            let dirty = try #require(malloc(100_000))
            memset(dirty, 0xA5, 100_000)
            free(dirty)
            let arena = CmarkArena(sourceLength: 0)
            try arena.run {
                let allocator = CmarkArena.allocator.pointee
                for size in [1, 24, 136, 4_000, 30_000] {
                    let block = try #require(allocator.calloc(1, size)).assumingMemoryBound(to: UInt8.self)
                    #expect((0..<size).allSatisfy { block[$0] == 0 })
                    memset(block, 0x5A, size)
                }
            }
        }
    }

    /// `make asan` (TEIGEN_EXPECT_ASAN=1) must build the arena with AddressSanitizer, so that a block
    /// used after it is freed, or past its end, is reported there.
    @Test func sanitizerBuildsPoisonFreedBlocksAndRedZones() throws {
        let expected = ProcessInfo.processInfo.environment["TEIGEN_EXPECT_ASAN"] == "1"
        #expect((teigen_arena_is_sanitized() != 0) == expected)
        guard teigen_arena_is_sanitized() != 0 else { return }
        let arena = CmarkArena(sourceLength: 0)
        try arena.run {
            let allocator = CmarkArena.allocator.pointee
            let block = try #require(allocator.calloc(1, 24))
            #expect(teigen_arena_is_poisoned(block) == 0)
            #expect(teigen_arena_is_poisoned(block + 24) != 0)
            let moved = try #require(allocator.realloc(block, 32))
            #expect(moved != block && teigen_arena_is_poisoned(block) != 0)
            allocator.free(moved)
            #expect(teigen_arena_is_poisoned(moved) != 0)
        }
    }

    @Test func nodesSitSideBySide() {
        let arena = CmarkArena(sourceLength: 1000)
        arena.run {
            // Each paragraph's text and content buffer are allocated between its node and the next one;
            // the nodes still follow each other at one stride.
            let long = String(repeating: "long line ", count: 40)
            let tree = CmarkTree(
                parsing: Array("alpha\n\n\(long)*b*\n\(long)\n\ngamma\n\n\(long)\n".utf8), options: CMARK_OPT_DEFAULT)
            var addresses: [Int] = []
            var child = tree.root.firstChild
            while let node = child {
                addresses.append(Int(bitPattern: UnsafeRawPointer(node.raw)))
                child = node.next
            }
            #expect(addresses.count == 4)
            let strides = zip(addresses.dropFirst(), addresses).map { $0 - $1 }
            #expect(Set(strides).count == 1)
            #expect(strides[0] > 0 && strides[0] < 256)
        }
    }

    @Test func treesOutsideAnArenaUseLibcmarksAllocator() {
        let tree = CmarkTree(parsing: Array("text\n".utf8), options: CMARK_OPT_DEFAULT)
        #expect(tree.root.renderHTML(options: CMARK_OPT_DEFAULT) == "<p>text</p>\n")
    }

    @Test func concurrentConversionsKeepTheirOwnArenas() async {
        let documents = (0..<8).map { index in
            (0..<200).map { line in
                "## 見出し \(index)-\(line)\n\n本文\(line)[^n\(line)]の\n続き *強調* | a |\n\n| a | b |\n|---|---|\n| \(index) | \(line) |\n\n[^n\(line)]: 注 \(line)\n"
            }.joined(separator: "\n")
        }
        let renderer = MarkdownRenderer(options: MarkdownOptions())
        let serial = documents.map { renderer.render($0).html }
        let concurrent = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, renderer.render(document).html) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        #expect(concurrent == serial)
        #expect(serial.allSatisfy { $0.contains("<section class=\"footnotes\"") && $0.contains("<table>") })
    }
}
