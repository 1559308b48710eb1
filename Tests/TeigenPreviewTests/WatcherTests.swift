import Clocks
import Foundation
import Testing

@testable import TeigenPreview

@Suite("Watching the site and theme folders")
struct WatcherTests {
    @Test(arguments: [
        ".index.md.swp", "index.md.swp", ".index.md.swx", "index.md~", ".#index.md", "4913", ".DS_Store", "#index.md#",
        ".goutputstream-XYZ12",
    ])
    func ignoresTemporaryFiles(name: String) {
        #expect(TemporaryFileFilter.isIgnored(name: name))
        #expect(TemporaryFileFilter.isIgnored(path: "/site/content/" + name))
    }

    @Test(arguments: ["index.md", "_index.md", "config.yaml", "style.css", "swp.md", "4913.md", "a~b.md", "提言.md"])
    func keepsSiteFiles(name: String) {
        #expect(!TemporaryFileFilter.isIgnored(name: name))
        #expect(!TemporaryFileFilter.isIgnored(path: "/site/content/" + name))
    }

    @Test func ignoresVersionControl() {
        #expect(TemporaryFileFilter.isIgnored(path: "/site/.git/index"))
    }

    @Test("changes close together make one batch")
    func debounceBurst() async throws {
        // A quiet delay far longer than any pause of a busy test machine (parallel tests can hold the
        // few threads for seconds); finish() emits what is pending at once.
        let debouncer = ChangeDebouncer(delay: .seconds(600), maximumDelay: .seconds(1200))
        for name in ["a.md", "b.md", "a.md", "c.md"] {
            await debouncer.submit(FileChange(path: "/site/content/" + name, kind: .modified))
        }
        await debouncer.finish()
        var batches = debouncer.batches.makeAsyncIterator()
        let batch = try #require(await batches.next())
        #expect(batch.changedPaths == ["/site/content/a.md", "/site/content/b.md", "/site/content/c.md"])
        #expect(await batches.next() == nil)
    }

    // The two tests below drive the debouncer's clock by hand: what they assert (which changes make a
    // batch) depends on the order of changes and deadlines only, never on how fast the machine is. Each
    // advance ends strictly past the deadlines it means to reach, since a test clock wakes a sleep
    // registered exactly at its current instant only on its next advance.

    @Test("a quiet period separates batches; nothing is emitted before it", .timeLimit(.minutes(1)))
    func debounceQuiet() async throws {
        let clock = TestClock()
        let debouncer = ChangeDebouncer(delay: .milliseconds(100), clock: clock)
        var batches = debouncer.batches.makeAsyncIterator()
        // Changes 60 ms apart (at 0, 60 and 120 ms): each one restarts the quiet period.
        for path in ["/a", "/b", "/c"] {
            await debouncer.submit(FileChange(path: path, kind: .created))
            await clock.advance(by: .milliseconds(60))
        }
        await clock.advance(by: .milliseconds(70))  // 250 ms: quiet since 120 ms
        #expect(await batches.next()?.paths == ["/a", "/b", "/c"])
        await debouncer.submit(FileChange(path: "/d", kind: .deleted))
        await clock.advance(by: .milliseconds(150))
        #expect(await batches.next()?.paths == ["/d"])
        await debouncer.finish()
        #expect(await batches.next() == nil)
    }

    @Test("a steady stream of changes still flushes after the maximum delay", .timeLimit(.minutes(1)))
    func debounceMaximum() async throws {
        let clock = TestClock()
        let debouncer = ChangeDebouncer(delay: .milliseconds(100), maximumDelay: .milliseconds(300), clock: clock)
        var batches = debouncer.batches.makeAsyncIterator()
        // A change every 50 ms (at 0, 50, … 250 ms), never quiet for the 100 ms delay.
        for index in 0..<6 {
            await debouncer.submit(FileChange(path: "/f\(index)", kind: .modified))
            await clock.advance(by: .milliseconds(50))
        }
        // 320 ms: the first change has waited longer than the maximum delay, the last one 70 ms.
        await clock.advance(by: .milliseconds(20))
        #expect(await batches.next()?.paths == Set((0..<6).map { "/f\($0)" }))
        await debouncer.submit(FileChange(path: "/f6", kind: .modified))
        await debouncer.finish()
        #expect(await batches.next()?.paths == ["/f6"])
    }

    @Test("an overflow asks for a full rebuild")
    func debounceOverflow() async throws {
        let debouncer = ChangeDebouncer(delay: .seconds(600), maximumDelay: .seconds(1200))
        await debouncer.submit(FileChange(path: "/a", kind: .modified))
        await debouncer.submit(FileChange(path: "/site", kind: .overflow, isDirectory: true))
        await debouncer.finish()
        var batches = debouncer.batches.makeAsyncIterator()
        let batch = try #require(await batches.next())
        #expect(batch.needsFullRebuild)
        #expect(batch.changedPaths == nil)
        #expect(await batches.next() == nil)
    }

    @Test("nested roots are watched once")
    func roots() {
        let watcher = DirectoryWatcher(roots: [URL(fileURLWithPath: "/tmp/x/site/"), URL(fileURLWithPath: "/tmp/x"), URL(fileURLWithPath: "/tmp/y/../z")])
        #expect(watcher.roots == ["/tmp/x", "/tmp/z"])
    }

    #if os(Linux)
    @Test("inotify: create, modify, rename, delete, a new folder and a file in it; temporary files left out")
    func inotify() async throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: root + "/content/existing.md"))

        let changes = try DirectoryWatcher(roots: [folder.url]).changes()
        let inbox = ChangeInbox(changes)

        try Data("hello".utf8).write(to: URL(fileURLWithPath: root + "/content/new.md"))
        try await inbox.expect(root + "/content/new.md", .created)

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/content/existing.md"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(" more".utf8))
        try handle.close()
        try await inbox.expect(root + "/content/existing.md", .modified)

        try FileManager.default.moveItem(atPath: root + "/content/new.md", toPath: root + "/content/renamed.md")
        try await inbox.expect(root + "/content/new.md", .movedAway)
        try await inbox.expect(root + "/content/renamed.md", .movedHere)

        try FileManager.default.removeItem(atPath: root + "/content/renamed.md")
        try await inbox.expect(root + "/content/renamed.md", .deleted)

        try FileManager.default.createDirectory(atPath: root + "/content/posts", withIntermediateDirectories: false)
        try await inbox.expect(root + "/content/posts", .created)
        try Data("post".utf8).write(to: URL(fileURLWithPath: root + "/content/posts/first.md"))
        try await inbox.expect(root + "/content/posts/first.md", .created)

        // A folder created with its contents at once (mkdir -p, git checkout): the contents are reported too.
        try FileManager.default.createDirectory(atPath: root + "/content/a/b", withIntermediateDirectories: true)
        try Data("deep".utf8).write(to: URL(fileURLWithPath: root + "/content/a/b/deep.md"))
        try await inbox.expect(root + "/content/a/b/deep.md", .created)

        // An editor's save: swap file, backup by rename, write the file.
        try Data("swap".utf8).write(to: URL(fileURLWithPath: root + "/content/.existing.md.swp"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/content/4913"))
        try FileManager.default.removeItem(atPath: root + "/content/4913")
        try FileManager.default.moveItem(atPath: root + "/content/existing.md", toPath: root + "/content/existing.md~")
        try Data("saved".utf8).write(to: URL(fileURLWithPath: root + "/content/existing.md"))
        try await inbox.expect(root + "/content/existing.md", .created)

        // A folder renamed: its new path is watched, the old one forgotten.
        let beforeRename = await inbox.seen.count
        try FileManager.default.moveItem(atPath: root + "/content/posts", toPath: root + "/content/articles")
        try await inbox.expect(root + "/content/articles", .movedHere)
        try Data("again".utf8).write(to: URL(fileURLWithPath: root + "/content/articles/first.md"))
        try await inbox.expect(root + "/content/articles/first.md", .modified)

        let seen = await inbox.seen
        #expect(!seen.contains { TemporaryFileFilter.isIgnored(path: $0.path) }, "\(seen)")
        #expect(!seen[beforeRename...].contains { $0.path.hasPrefix(root + "/content/posts/") }, "\(seen[beforeRename...])")
        await inbox.stop()
    }

    @Test("a missing folder cannot be watched")
    func missingRoot() {
        #expect(throws: PreviewError.self) {
            _ = try DirectoryWatcher(roots: [URL(fileURLWithPath: "/nonexistent/teigen-test")]).changes()
        }
    }
    #endif
}

#if os(Linux)
/// Collects a watcher's changes and waits for particular ones.
actor ChangeInbox {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var seen: [FileChange] = []
    private var unread: [FileChange] = []
    private var task: Task<Void, Never>?

    init(_ changes: AsyncStream<FileChange>) {
        Task { await self.start(changes) }
    }

    private func start(_ changes: AsyncStream<FileChange>) {
        task = Task {
            for await change in changes {
                self.record(change)
            }
        }
    }

    private func record(_ change: FileChange) {
        seen.append(change)
        unread.append(change)
    }

    /// Waits (at most the liveness bound) for a change of `path` of `kind`, dropping what came before it.
    func expect(_ path: String, _ kind: FileChange.Kind) async throws {
        let deadline = ContinuousClock.now.advanced(by: Liveness.bound)
        while ContinuousClock.now < deadline {
            if let index = unread.firstIndex(where: { $0.path == path && $0.kind == kind }) {
                unread.removeFirst(index + 1)
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Missing(description: "no \(kind) of \(path) in \(unread)")
    }

    /// Stops watching.
    func stop() {
        task?.cancel()
    }
}
#endif

/// A temporary folder removed when the value goes away.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-preview-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
