import Foundation
import Synchronization
import Testing
@testable import TeigenBuild
import TeigenCore

@Suite struct IncrementalBuilderTests {
    @Test func rebuildAfterEditsEqualsFullBuildAndRendersLess() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let site = copy.appendingPathComponent("site")
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        let (first, firstReport) = try await builder.build()
        #expect(firstReport.wasFullBuild)
        #expect(first.basePath == "/sub/")
        // Edit the body of one page below its summary: only that page is rendered again.
        let firstPage = site.appendingPathComponent("content/posts/first.md")
        try (try String(contentsOf: firstPage, encoding: .utf8) + "\n追記。\n").write(to: firstPage, atomically: true, encoding: .utf8)
        let (afterEdit, report) = try await builder.build(changedPaths: [firstPage.path])
        #expect(report.rebuiltPaths == ["posts/first/index.html"])
        #expect(afterEdit.files["posts/first/index.html"] != first.files["posts/first/index.html"])
        #expect(afterEdit.files["posts/second/index.html"] == first.files["posts/second/index.html"])
        // A title change reaches the lists and neighbours too.
        let second = site.appendingPathComponent("content/posts/second.md")
        var text = try String(contentsOf: second, encoding: .utf8)
        text = text.replacingOccurrences(of: "title: 二番目", with: "title: 第二")
        try text.write(to: second, atomically: true, encoding: .utf8)
        let (afterTitle, titleReport) = try await builder.build(changedPaths: [second.path])
        #expect(titleReport.rebuiltPaths.contains("posts/first/index.html"))
        #expect(titleReport.rebuiltPaths.contains("posts/index.html"))
        // The result equals a fresh full build.
        let (fresh, _) = try await IncrementalBuilder(options: BuildOptions(sourceDirectory: site)).build()
        #expect(afterTitle.files == fresh.files)
    }

    @Test func failedRebuildKeepsState() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let site = copy.appendingPathComponent("site")
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        _ = try await builder.build()
        let page = site.appendingPathComponent("content/posts/first.md")
        try "---\ntitle: [broken\n---\n".write(to: page, atomically: true, encoding: .utf8)
        await #expect(throws: DiagnosticError.self) { _ = try await builder.build(changedPaths: [page.path]) }
    }

    @Test("a cancelled build throws without diagnostics, changes nothing, and leaves its changes to the next build")
    func cancelledBuildKeepsState() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let site = copy.appendingPathComponent("site")
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        let (first, _) = try await builder.build()
        let second = site.appendingPathComponent("content/posts/second.md")
        let text = try String(contentsOf: second, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 二番目", with: "title: 第二").write(to: second, atomically: true, encoding: .utf8)

        let cancelled = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await builder.build(changedPaths: [second.path])
        }.result
        #expect(throws: DiagnosticError.self) { try cancelled.get() }
        if case .failure(let error as DiagnosticError) = cancelled {
            #expect(error.diagnostics.isEmpty)
        }

        // The next build, told of no change, still makes the edit: the same as a fresh full build.
        let (after, _) = try await builder.build(changedPaths: [])
        let (fresh, _) = try await IncrementalBuilder(options: BuildOptions(sourceDirectory: site)).build()
        #expect(after.files == fresh.files)
        #expect(after.files["posts/second/index.html"] != first.files["posts/second/index.html"])
    }

    @Test("parallelMap stops when its task is cancelled, on one job and on many")
    func parallelMapStopsWhenCancelled() async throws {
        for jobs in [1, 4] {
            let calls = Counter()
            let result = await Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await BuildPipeline.parallelMap(Array(0..<1000), jobs: jobs) { item in
                    calls.increment()
                    return item
                }
            }.result
            #expect(throws: DiagnosticError.self) { try result.get() }
            #expect(calls.value == 0, "jobs \(jobs)")
            let all = try await BuildPipeline.parallelMap(Array(0..<1000), jobs: jobs) { $0 * 2 }
            #expect(all == (0..<1000).map { $0 * 2 })
        }
    }

    @Test func templateChangeRerendersOnlyThePagesUsingIt() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let site = copy.appendingPathComponent("site")
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        _ = try await builder.build()
        let template = copy.appendingPathComponent("theme/templates/section.mustache")
        try (try String(contentsOf: template, encoding: .utf8) + "<!-- changed -->\n").write(to: template, atomically: true, encoding: .utf8)
        let (snapshot, report) = try await builder.build(changedPaths: [template.path])
        #expect(report.rebuiltPaths == ["posts/index.html"])
        let (fresh, _) = try await IncrementalBuilder(options: BuildOptions(sourceDirectory: site)).build()
        #expect(snapshot.files == fresh.files)
        // A partial used by every page re-renders them all.
        let partial = copy.appendingPathComponent("theme/templates/partials/nav.mustache")
        try (try String(contentsOf: partial, encoding: .utf8) + " ").write(to: partial, atomically: true, encoding: .utf8)
        let (_, partialReport) = try await builder.build(changedPaths: [partial.path])
        #expect(partialReport.rebuiltPaths == ["index.html", "posts/first/index.html", "posts/index.html", "posts/second/index.html"])
    }
}

/// Edits of every kind in a row, each rebuild compared with a fresh full build of the same files: the
/// quick path for body edits (``BodyEdit``) must give exactly what the whole pipeline gives.
@Suite struct IncrementalEquivalenceTests {
    /// A copy of the basic fixture whose lists also show summaries and reading times, so that a changed
    /// summary has to reach the section page and every page listing `site.sections`.
    static func site() throws -> (copy: URL, site: URL) {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let section = copy.appendingPathComponent("theme/templates/section.mustache")
        let text = try String(contentsOf: section, encoding: .utf8)
            .replacingOccurrences(of: "{{params.role}}", with: "{{params.role}} {{{summary}}} {{readingTime}} {{description}}")
        try text.write(to: section, atomically: true, encoding: .utf8)
        let home = copy.appendingPathComponent("theme/templates/home.mustache")
        try (try String(contentsOf: home, encoding: .utf8)).replacingOccurrences(of: "{{title}}; ", with: "{{title}} {{summaryText}}; ")
            .write(to: home, atomically: true, encoding: .utf8)
        return (copy, copy.appendingPathComponent("site"))
    }

    /// Rebuilds after `change`, checks the result against a fresh full build and returns the report.
    static func step(
        _ builder: IncrementalBuilder, _ site: URL, options: BuildOptions? = nil, previous: inout SiteSnapshot, changed: [URL],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> RebuildReport {
        let (snapshot, report) = try await builder.build(changedPaths: Set(changed.map(\.path)))
        let (fresh, _) = try await IncrementalBuilder(options: options ?? BuildOptions(sourceDirectory: site)).build()
        #expect(snapshot.files.keys.sorted() == fresh.files.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in fresh.files where snapshot.files[path] != data {
            Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
        }
        #expect(snapshot.warnings == fresh.warnings, sourceLocation: sourceLocation)
        // The paths said to have changed cover every real change.
        if let changedPaths = snapshot.changedPaths {
            let real = Set(snapshot.files.keys).union(previous.files.keys).filter { snapshot.files[$0] != previous.files[$0] }
            #expect(real.isSubset(of: changedPaths), "unannounced changes: \(real.subtracting(changedPaths).sorted())", sourceLocation: sourceLocation)
        }
        previous = snapshot
        return report
    }

    static func append(_ text: String, to file: URL) throws {
        try (try String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
    }

    static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func everyKindOfEditEqualsAFullBuild() async throws {
        let (_, site) = try Self.site()
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        var previous = try await builder.build().0
        let first = site.appendingPathComponent("content/posts/first.md")
        let second = site.appendingPathComponent("content/posts/second.md")

        // Below the summary: the page alone (the feeds carry its content too).
        try Self.append("\n後半の段落。\n", to: first)
        var report = try await Self.step(builder, site, previous: &previous, changed: [first])
        #expect(report.wasBodyEdit)
        #expect(report.rebuiltPaths == ["posts/first/index.html"])
        #expect(previous.changedPaths?.contains("atom.xml") == true)

        // The summary itself: the section page and the home page (which lists site.sections) follow.
        try Self.replace("本文です。", with: "書き換えた本文です。", in: first)
        report = try await Self.step(builder, site, previous: &previous, changed: [first])
        #expect(report.wasBodyEdit)
        #expect(report.rebuiltPaths == ["index.html", "posts/first/index.html", "posts/index.html"])
        #expect(String(decoding: previous.files["posts/index.html"] ?? Data(), as: UTF8.self).contains("書き換えた本文です。"))

        // Saved without a change: nothing is rendered, nothing changes.
        try Self.append("", to: first)
        report = try await Self.step(builder, site, previous: &previous, changed: [first])
        #expect(report.wasBodyEdit)
        #expect(report.rebuiltPaths.isEmpty)
        #expect(previous.changedPaths == [])

        // Two pages at once, one of them gaining a warning (an unused footnote).
        try Self.append("\n[^unused]: 使われない脚注。\n", to: first)
        try Self.append("\n追加の行。\n", to: second)
        report = try await Self.step(builder, site, previous: &previous, changed: [first, second])
        #expect(report.wasBodyEdit)
        #expect(previous.warnings.contains { $0.message.contains("[^unused]") })

        // A broken link fails the build; a later edit elsewhere still fails until it is fixed, then both land.
        try Self.append("\n[壊れた](missing.md)\n", to: first)
        await #expect(throws: DiagnosticError.self) { _ = try await builder.build(changedPaths: [first.path]) }
        try Self.append("\nもう一行。\n", to: second)
        await #expect(throws: DiagnosticError.self) { _ = try await builder.build(changedPaths: [second.path]) }
        try Self.replace("[壊れた](missing.md)", with: "[直した](second.md)", in: first)
        report = try await Self.step(builder, site, previous: &previous, changed: [first])
        #expect(report.wasBodyEdit)
        #expect(report.rebuiltPaths.contains("posts/second/index.html"))

        // Front matter: the whole pipeline (titles reach lists and neighbours).
        try Self.replace("title: 最初の投稿", with: "title: 最初の記事", in: first)
        report = try await Self.step(builder, site, previous: &previous, changed: [first])
        #expect(!report.wasBodyEdit)

        // A new page and a deleted one: the whole pipeline.
        let third = site.appendingPathComponent("content/posts/third.md")
        try "---\ntitle: 三番目\ndate: 2024-05-01\n---\n\n三つ目。\n".write(to: third, atomically: true, encoding: .utf8)
        report = try await Self.step(builder, site, previous: &previous, changed: [third])
        #expect(!report.wasBodyEdit)
        try FileManager.default.removeItem(at: third)
        report = try await Self.step(builder, site, previous: &previous, changed: [third])
        #expect(!report.wasBodyEdit)

        // A tool's temporary file that is gone by the time of the rebuild does not stop the quick way
        // (`sed -i` writes `sedXXXXXX` beside the file and renames it); a folder moved away does.
        try Self.append("\n一時ファイル経由の保存。\n", to: second)
        report = try await Self.step(builder, site, previous: &previous, changed: [second, site.appendingPathComponent("content/posts/sedAb12Cd")])
        #expect(report.wasBodyEdit)
        let extra = site.appendingPathComponent("content/extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try "---\ntitle: 別の節\n---\n\n本文。\n".write(to: extra.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        report = try await Self.step(builder, site, previous: &previous, changed: [extra])
        #expect(previous.files["extra/page/index.html"] != nil)
        try FileManager.default.moveItem(at: extra, to: site.deletingLastPathComponent().appendingPathComponent("moved-away"))
        report = try await Self.step(builder, site, previous: &previous, changed: [extra])
        #expect(!report.wasBodyEdit)
        #expect(previous.files["extra/page/index.html"] == nil)

        // A body edit again after those: the state kept by the whole pipeline is right too.
        try Self.append("\n最後の段落。\n", to: second)
        report = try await Self.step(builder, site, previous: &previous, changed: [second])
        #expect(report.wasBodyEdit)
        #expect(report.rebuiltPaths == ["posts/second/index.html"])
    }

    @Test func draftsAndFilesOutsideContentTakeTheWholePipeline() async throws {
        let (copy, site) = try Self.site()
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        var previous = try await builder.build().0
        // A draft is not a page of the build: editing it must not go the quick way.
        let draft = site.appendingPathComponent("content/posts/draft.md")
        try Self.append("\n下書きの追記。\n", to: draft)
        var report = try await Self.step(builder, site, previous: &previous, changed: [draft])
        #expect(!report.wasBodyEdit)
        // A template and a body in one batch: the whole pipeline.
        let first = site.appendingPathComponent("content/posts/first.md")
        try Self.append("\n追記。\n", to: first)
        let page = copy.appendingPathComponent("theme/templates/page.mustache")
        try Self.append("<!-- page -->\n", to: page)
        report = try await Self.step(builder, site, previous: &previous, changed: [first, page])
        #expect(!report.wasBodyEdit)
    }
}

/// With `search: true` a rebuild shows the edited pages first and leaves the old index; the index made
/// afterwards equals a full build's.
@Suite struct DeferredSearchIndexTests {
    @Test func bodyEditLeavesTheIndexForLaterAndTheLaterIndexEqualsAFullBuild() async throws {
        let (copy, site) = try IncrementalEquivalenceTests.site()
        _ = copy
        let config = site.appendingPathComponent("config.yaml")
        try IncrementalEquivalenceTests.append("search: true\n", to: config)
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        let (first, firstReport) = try await builder.build()
        #expect(!firstReport.searchIndexIsStale)
        let firstIndex = first.files.filter { $0.key.hasPrefix("search-index/") }
        #expect(firstIndex["search-index/ja/meta.json"] != nil)
        #expect(try await builder.refreshSearchIndex() == nil)

        let page = site.appendingPathComponent("content/posts/second.md")
        try IncrementalEquivalenceTests.append("\n検索語ブルーベリー。\n", to: page)
        let (edited, report) = try await builder.build(changedPaths: [page.path])
        #expect(report.wasBodyEdit && report.searchIndexIsStale)
        #expect(edited.files.filter { $0.key.hasPrefix("search-index/") } == firstIndex)

        let refreshed = try #require(try await builder.refreshSearchIndex())
        let (fresh, _) = try await IncrementalBuilder(options: BuildOptions(sourceDirectory: site)).build()
        #expect(refreshed.files == fresh.files)
        #expect(refreshed.files.filter { $0.key.hasPrefix("search-index/") } != firstIndex)
        let real = Set(refreshed.files.keys).union(edited.files.keys).filter { refreshed.files[$0] != edited.files[$0] }
        #expect(real.isSubset(of: refreshed.changedPaths ?? []))
        #expect(try await builder.refreshSearchIndex() == nil)
    }
}

/// Counts calls from many tasks.
final class Counter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func increment() {
        count.withLock { $0 += 1 }
    }
}
