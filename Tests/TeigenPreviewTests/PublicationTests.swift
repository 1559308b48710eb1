import Foundation
import Testing
import TeigenBuild
import TeigenCore
@testable import TeigenPreview

/// The preview rebuilds by itself when a page's expiry (or publication) date passes, with no file changed.
@Suite struct PublicationTests {
    @Test func aPageExpiresWhileTheServerWatches() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-publication-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        // The page expired a minute ago; the first build takes an hour earlier as now, so it still has the page.
        let expiry = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-60))
        for (path, text) in [
            "site/config.yaml": "title: t\nbaseURL: https://example.org/\nlanguage: ja\n",
            "site/content/_index.md": "---\ntitle: ホーム\n---\n",
            "site/content/soon.md": "---\ntitle: 期限付き\nexpiryDate: \(expiry)\n---\n\n本文。\n",
            "theme/templates/home.mustache": "{{#page.pages}}{{title}}\n{{/page.pages}}",
            "theme/templates/page.mustache": "{{page.title}}",
            "theme/templates/404.mustache": "404",
        ] {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        var options = BuildOptions(sourceDirectory: site, jobs: 2)
        options.now = Date().addingTimeInterval(-3600)
        let builder = IncrementalBuilder(options: options)
        let hub = LiveReloadHub(heartbeatInterval: .seconds(60))
        let store = SiteStore(hub: hub, session: "test")
        let rebuilder = SiteRebuilder(source: builder, store: store, console: ConsoleRecorder().console, verbose: false)
        #expect(await rebuilder.rebuild(changedPaths: nil) == .built)
        #expect(await store.status.site?.files["soon/index.html"] != nil)
        // From now on builds read the clock, and the date the last build saw ahead has passed.
        await builder.setNow(nil)

        // No file changes: only the passing date may rebuild the site.
        let (changes, continuation) = AsyncStream.makeStream(of: FileChange.self)
        let service = RebuildService(
            listening: nil, changes: changes, rebuilder: rebuilder, hub: hub, debounceDelay: .milliseconds(10),
            contentFolder: site.appendingPathComponent("content").path)
        let running = Task { await service.watch(changes) }
        // Waits for the event itself; the bound only keeps a broken build from hanging the suite.
        let deadline = Date().addingTimeInterval(120)
        while await store.status.site?.files["soon/index.html"] != nil, Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        continuation.finish()
        await running.value
        #expect(await store.status.site?.files["soon/index.html"] == nil)
        #expect(String(decoding: await store.status.site?.files["index.html"] ?? Data(), as: UTF8.self) == "")
        try? FileManager.default.removeItem(at: root)
    }
}
