import Foundation
import Testing
import TeigenTools

/// The tools' cache: each distinct request goes to the tool once, in one call for all of them, and is
/// kept in memory and on disk; a tool that cannot run leaves the results empty with its reason.
@Suite struct ToolCacheTests {
    /// A highlighter that counts its calls and the blocks it was given.
    actor Counter {
        var calls = 0
        var blocks = 0
        func add(_ count: Int) {
            calls += 1
            blocks += count
        }
    }

    struct Fake: CodeHighlighter {
        let counter: Counter
        var identity: String { "fake/1" }
        func highlight(_ blocks: [CodeBlock]) async throws(ToolUnavailable) -> [HighlightResult] {
            await counter.add(blocks.count)
            return blocks.map { $0.language == "none" ? .unknownLanguage : .html("<b>\($0.code)</b>") }
        }
    }

    struct Missing: CodeHighlighter {
        var identity: String { "missing/1" }
        func highlight(_ blocks: [CodeBlock]) async throws(ToolUnavailable) -> [HighlightResult] {
            throw ToolUnavailable(reason: "not installed")
        }
    }

    let blocks = [
        CodeBlock(language: "swift", code: "a"), CodeBlock(language: "swift", code: "b"), CodeBlock(language: "swift", code: "a"),
        CodeBlock(language: "none", code: "c"),
    ]

    @Test func oneCallForEveryNewBlockThenTheCache() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-tools-\(UUID().uuidString)").path
        let cache = ToolCache(directory: folder)
        let counter = Counter()
        var memory = ToolCache.Memory()
        let first = await cache.results(for: blocks, identity: "fake/1", memory: &memory, run: Fake(counter: counter).highlight)
        #expect(first.results == [.html("<b>a</b>"), .html("<b>b</b>"), .html("<b>a</b>"), .unknownLanguage])
        #expect(first.ran == 3)
        #expect(await counter.calls == 1)
        #expect(await counter.blocks == 3)
        // In memory: no call.
        let again = await cache.results(for: blocks, identity: "fake/1", memory: &memory, run: Fake(counter: counter).highlight)
        #expect(again.results == first.results)
        #expect(await counter.calls == 1)
        // On disk, for another process: no call either; another identity is another tool.
        var fresh = ToolCache.Memory()
        let fromDisk = await cache.results(for: blocks, identity: "fake/1", memory: &fresh, run: Fake(counter: counter).highlight)
        #expect(fromDisk.results == first.results)
        #expect(fromDisk.ran == 0)
        #expect(await counter.calls == 1)
        _ = await cache.results(for: blocks, identity: "fake/2", memory: &fresh, run: Fake(counter: counter).highlight)
        #expect(await counter.calls == 2)
        try FileManager.default.removeItem(atPath: folder)
    }

    @Test func aMissingToolLeavesResultsEmpty() async {
        var memory = ToolCache.Memory()
        let outcome = await ToolCache(directory: nil).results(for: blocks, identity: "missing/1", memory: &memory, run: Missing().highlight)
        #expect(outcome.results == [nil, nil, nil, nil])
        #expect(outcome.unavailable == ToolUnavailable(reason: "not installed"))
        #expect(memory.isEmpty)
    }
}
