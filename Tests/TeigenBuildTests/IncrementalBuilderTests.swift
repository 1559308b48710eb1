import Foundation
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
