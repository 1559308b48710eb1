import Foundation
import TeigenBuild
import TeigenCore
import Testing

@testable import TeigenPreview

/// Builds that run away or are overtaken: the budget stops them, a newer change or Ctrl-C cancels
/// them, and the last good build is served throughout.
@Suite("Stopping builds", .serialized)
struct RebuildTests {
    /// A fixture whose first build succeeded, with a budget for what follows. The memory the budget
    /// sees is what the fake builds take (the process's own memory moves with the tests running beside).
    static func servedFixture(budget: RebuildBudget, language: String? = nil) async -> PreviewFixture {
        let source = FakeSiteSource(TestSnapshots.site(), language: language)
        var fixture = await PreviewFixture(source: source).build()
        fixture.rebuilder.budget = budget
        fixture.rebuilder.budget.memoryInUse = { await source.takenMemory }
        return fixture
    }

    @Test("a build over its time budget is stopped; the last good build stays; terminal and overlay say why")
    func timeBudget() async throws {
        let fixture = await Self.servedFixture(budget: RebuildBudget(time: .milliseconds(200), memory: 1 << 40))
        let events = await fixture.hub.subscribe()
        await fixture.source.behave(.runForever)
        let outcome = await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
        #expect(outcome == .failed)
        #expect(await fixture.source.cancellations == 1)

        let status = await fixture.store.status
        #expect(status.site?.files["index.html"] == TestSnapshots.site().files["index.html"])
        let message = try #require(status.failure?.message)
        #expect(message.hasPrefix("error: the build was stopped after 0.2 s (the preview's limit, --rebuild-timeout)"))
        #expect(message.contains("the last good build is still served"))
        #expect(message.hasSuffix("; it began after changes to /site/content/_index.md"))
        #expect(await fixture.console.lines().contains("stderr: " + message))
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .hello(build: "test-1"))
        guard case .error(_, let failure, _)? = await iterator.next() else {
            Issue.record("no error event")
            return
        }
        #expect(failure.message == message)
    }

    @Test("a build that takes more memory than its budget is stopped")
    func memoryBudget() async throws {
        let fixture = await Self.servedFixture(budget: RebuildBudget(time: .seconds(3600), memory: 64 << 20))
        await fixture.source.behave(.takeMemory)
        let outcome = await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
        #expect(outcome == .failed)
        #expect(await fixture.source.cancellations == 1)
        let status = await fixture.store.status
        #expect(status.site != nil)
        #expect(status.failure?.message.hasPrefix("error: the build was stopped when it had used 64 MB of memory") == true)
    }

    /// Records the runaway callback.
    actor Calls {
        private(set) var count = 0
        func record() { count += 1 }
    }

    @Test("a build that does not stop when asked is runaway: the terminal says so and the hook runs (teigen serve exits)")
    func runawayByTime() async throws {
        var budget = RebuildBudget(time: .milliseconds(100), memory: 1 << 40)
        budget.stopGrace = .milliseconds(300)
        var fixture = await Self.servedFixture(budget: budget)
        let calls = Calls()
        fixture.rebuilder.onRunaway = { Task { await calls.record() } }
        // It stops only once told it ran away: however late the watch looks, the build is still running.
        await fixture.source.behave(.ignoreCancellation(until: { await calls.count > 0 }))
        #expect(await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"]) == .failed)
        #expect(await calls.count == 1)
        let lines = await fixture.console.lines()
        #expect(lines.contains { $0.hasPrefix("stderr: error: the build was stopped after 0.1 s") })
        #expect(lines.contains { $0.hasPrefix("stderr: error: the build did not stop when asked") })
    }

    @Test("a build that keeps taking memory after it was asked to stop is runaway at twice the budget")
    func runawayByMemory() async throws {
        var fixture = await Self.servedFixture(budget: RebuildBudget(time: .seconds(3600), memory: 32 << 20))
        let calls = Calls()
        fixture.rebuilder.onRunaway = { Task { await calls.record() } }
        // It stops taking memory only once told it ran away (or at 2 GB).
        await fixture.source.behave(.takeMemoryIgnoringCancellation(until: { await calls.count > 0 }))
        #expect(await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"]) == .failed)
        #expect(await calls.count == 1)
        let lines = await fixture.console.lines()
        #expect(lines.contains { $0.hasPrefix("stderr: error: the build was stopped when it had used 32 MB of memory") })
        #expect(lines.contains { $0.hasPrefix("stderr: error: the build did not stop when asked") })
    }

    @Test("a cancelled build changes nothing and shows no error")
    func cancelledBuild() async throws {
        let fixture = await Self.servedFixture(budget: RebuildBudget())
        await fixture.source.behave(.runForever)
        let rebuild = Task { await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"]) }
        while await fixture.source.requests.count < 2 { await Task.yield() }
        rebuild.cancel()
        #expect(await rebuild.value == .cancelled)
        #expect(await fixture.source.cancellations == 1)
        let status = await fixture.store.status
        #expect(status.failure == nil)
        #expect(status.build == "test-1")
        #expect(await fixture.console.lines().filter { $0.hasPrefix("stderr: ") }.isEmpty)
    }

    /// The JSON of the error event that a failed rebuild of `fixture` sends to the open pages.
    static func errorEvent(of fixture: PreviewFixture) async throws -> [String: Any] {
        await fixture.source.fail(with: TestSnapshots.frontMatterError)
        await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
        var iterator = await fixture.hub.subscribe().makeAsyncIterator()
        _ = await iterator.next()
        let event = try #require(await iterator.next())
        return try #require(try JSONSerialization.jsonObject(with: Data(event.json.utf8)) as? [String: Any])
    }

    @Test("the overlay's words follow the site's language: Japanese for ja, English otherwise", arguments: [
        ("ja", "ja", "サイトを再ビルドできませんでした", "閉じる"),
        ("ja-JP", "ja-JP", "サイトを再ビルドできませんでした", "閉じる"),
        ("en", "en", "Teigen could not rebuild the site", "Hide"),
        ("fr", "en", "Teigen could not rebuild the site", "Hide"),
    ])
    func overlayLanguage(site: String, language: String, title: String, hide: String) async throws {
        let json = try await Self.errorEvent(of: await Self.servedFixture(budget: RebuildBudget(), language: site))
        #expect(json["lang"] as? String == language)
        let text = try #require(json["text"] as? [String: String])
        #expect(text["rebuildFailed"] == title)
        #expect(text["hide"] == hide)
        #expect(Set(text.keys) == Set(OverlayText.Key.allCases.map(\.rawValue)))
        #expect((json["message"] as? String)?.contains("content/_index.md:2:8: error: unclosed flow sequence") == true)
    }

    #if os(Linux)
    @Test("the server's resident memory is read from /proc/self/statm")
    func residentMemory() throws {
        let resident = try #require(RebuildBudget.residentMemory())
        #expect(resident > 1 << 20)
        #expect(resident < Int(ProcessInfo.processInfo.physicalMemory))
    }
    #endif

    @Test("Teigen's own words have every string of the overlay, in Japanese and English")
    func overlayTable() {
        for language in ["ja", "en"] {
            let table = I18nTable.builtIn(language: language)
            #expect(OverlayText.Key.allCases.allSatisfy { table[$0.tableKey] != nil }, "\(language)")
        }
    }

    @Test("the overlay has the words of each of the site's languages, the site's own i18n words first")
    func overlayWordsOfEveryLanguage() async throws {
        var japanese = I18nTable.builtIn(language: "ja")
        japanese.add(["preview.hide": "隠す"])
        var english = I18nTable.builtIn(language: "en")
        english.add(["preview.rebuildFailed": "The site could not be rebuilt"])
        let source = FakeSiteSource(TestSnapshots.site(), words: [japanese, english, I18nTable.builtIn(language: "fr")])
        let json = try await Self.errorEvent(of: await PreviewFixture(source: source).build())
        #expect(json["lang"] as? String == "ja")
        #expect((json["text"] as? [String: String])?["hide"] == "隠す")
        let texts = try #require(json["texts"] as? [String: [String: String]])
        #expect(texts["ja"]?["hide"] == "隠す")
        #expect(texts["en"]?["rebuildFailed"] == "The site could not be rebuilt")
        #expect(texts["en"]?["lang"] == "en")
        #expect(texts["fr"]?["lang"] == "en", "a language with Teigen's English words says they are English")
    }
}
