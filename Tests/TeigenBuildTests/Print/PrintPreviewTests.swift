import Foundation
import Testing
import TeigenCore
@testable import TeigenBuild

/// The preview shows the pages first and makes the print edition's PDFs afterwards
/// (``IncrementalBuilder/refreshPrintEdition()``); what it serves then is what `teigen build` writes.
@Suite(.serialized) struct PrintPreviewTests {
    /// The publish fixture in a folder of its own (an empty cache beside it).
    static func site() throws -> URL {
        let copy = try Fixtures.copy(PublishFixtureTests.fixture)
        try? FileManager.default.removeItem(at: copy.appendingPathComponent("expected"))
        return copy
    }

    /// What `teigen build` writes for the site in `copy`, without the manifest (which only a folder has).
    static func written(_ copy: URL) async throws -> [String: Data] {
        let output = copy.appendingPathComponent("public")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site")), output: output, force: true).build()
        return try Fixtures.tree(output).filter { $0.key != OutputManifest.fileName }
    }

    static func home(_ snapshot: SiteSnapshot) -> String {
        String(decoding: snapshot.files["index.html"] ?? Data(), as: UTF8.self)
    }

    @Test func pagesComeFirstThenThePDFAsABuildMakesIt() async throws {
        let copy = try Self.site()
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site")))
        let (first, report) = try await builder.build()
        #expect(report.printEditionIsStale)
        #expect(first.files["print/report-ja.pdf"] == nil)
        #expect(!Self.home(first).contains("report-ja.pdf"), "before the PDF is made, no page links it")

        let refreshed = try #require(try await builder.refreshPrintEdition())
        #expect(Self.home(refreshed).contains("、3ページ）"))
        let built = try await Self.written(copy)
        #expect(refreshed.files == built)
        let changed = Set(refreshed.files.keys).filter { refreshed.files[$0] != first.files[$0] }
        #expect(changed.isSubset(of: refreshed.changedPaths ?? []))
        #expect(changed.contains("print/report-ja.pdf") && changed.contains("index.html"))
        #expect(try await builder.refreshPrintEdition() == nil)

        // An edit of a page in the document: the page at once, the last PDF served until the new one is made.
        let page = copy.appendingPathComponent("site/content/proposals/1.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\n二つ目の段落を足す。\n").write(to: page, atomically: true, encoding: .utf8)
        let (edited, editReport) = try await builder.build(changedPaths: [page.path])
        #expect(editReport.wasBodyEdit && editReport.printEditionIsStale)
        #expect(edited.files["print/report-ja.pdf"] == refreshed.files["print/report-ja.pdf"])
        let again = try #require(try await builder.refreshPrintEdition())
        #expect(again.files["print/report-ja.pdf"] != refreshed.files["print/report-ja.pdf"])
        #expect(again.files == (try await Self.written(copy)))

        // A change that runs the whole pipeline (a title) takes the PDF of an unchanged document from the cache.
        let about = copy.appendingPathComponent("site/content/about.md")
        try (try String(contentsOf: about, encoding: .utf8)).replacingOccurrences(of: "title: 試験研究会について", with: "title: 研究会について")
            .write(to: about, atomically: true, encoding: .utf8)
        let (retitled, retitledReport) = try await builder.build(changedPaths: [about.path])
        #expect(!retitledReport.printEditionIsStale)
        #expect(retitled.files == (try await Self.written(copy)))
    }

    @Test func aCancelledRefreshChangesNothingAndLeavesThePDFForTheNextOne() async throws {
        let copy = try Self.site()
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site")))
        let (first, _) = try await builder.build()
        let cancelled = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await builder.refreshPrintEdition()
        }.result
        #expect(throws: DiagnosticError.self) { try cancelled.get() }
        if case .failure(let error as DiagnosticError) = cancelled { #expect(error.diagnostics.isEmpty) }
        let refreshed = try #require(try await builder.refreshPrintEdition())
        #expect(refreshed.files["print/report-ja.pdf"] != nil && first.files["print/report-ja.pdf"] == nil)
    }
}
