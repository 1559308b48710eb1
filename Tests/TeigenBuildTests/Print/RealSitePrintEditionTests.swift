import Foundation
import Testing
import TeigenCore
@testable import TeigenBuild

/// The print edition of the real site (`site/`), typeset by WeasyPrint: what the `pdf:` entry of
/// config.yaml will say, until the build makes it (then this moves to a fixture site and
/// Tests/site/check_print.py reads the PDF from the built site).
///
/// With `TEIGEN_PRINT_OUTPUT=DIR` the PDF is kept in DIR (`make test` then checks it with
/// Tests/site/check_print.py: every sentence of the seed, footnotes on their pages, fonts, kinsoku).
@Suite(.serialized) struct RealSitePrintEditionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let document = PrintDocument(
        outputPath: "print/emergency-proposal-2024-ja.pdf",
        title: "核の不使用継続と核秩序維持に向けた緊急提言",
        pages: [
            "_index.md", "proposals/1.md", "proposals/2.md", "background.md", "about.md", "members/_index.md", "references.md",
            "activities.md",
        ],
        language: "ja",
        cover: PrintCover(
            subtitle: "～2024 日米首脳会談を前に～", organisation: ["公益財団法人笹川平和財団", "安全保障研究グループ"],
            group: "新たな核の軍備管理・軍縮構想研究会", date: "2024年3月"))

    /// The page count the real site's document must keep to: a cover, the preface and contents, then
    /// eight chapters of one to two pages each.
    static let pageRange = 10...16

    /// The site built in memory, its files written to `folder`, and the print edition of its render.
    static func build(into folder: URL) async throws -> PrintEdition {
        var cache = RenderCache()
        let product = try await BuildPipeline(options: BuildOptions(sourceDirectory: repository.appendingPathComponent("site"))).run(cache: &cache)
        for file in product.files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        let state = try #require(cache.state)
        return PrintEdition(state: state)
    }

    @Test func theRealSitePrintsToATaggedA4PDFTheSameBytesEachTime() async throws {
        let folder = ProcessInfo.processInfo.environment["TEIGEN_PRINT_OUTPUT"].map { URL(fileURLWithPath: $0) } ?? Fixtures.temporaryFolder("teigen-print")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let edition = try await Self.build(into: folder)
        let html = try edition.html(for: Self.document)
        let engine = try await WeasyPrint.locate()
        let output = folder.appendingPathComponent(Self.document.outputPath)
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["TEIGEN_PRINT_OUTPUT"] != nil {
            // Kept beside the PDF: open it in a browser's print preview, or time other engines on it (BENCHMARKS.md).
            try Data(html.utf8).write(to: folder.appendingPathComponent("print.html"))
        }
        let pdf = try await engine.print(html, assets: folder, to: output)
        #expect(pdf.warnings == [])
        #expect(Self.pageRange.contains(pdf.pageCount), "\(pdf.pageCount) pages")
        let first = try Data(contentsOf: output)
        #expect(pdf.byteCount == first.count)
        #expect(first.starts(with: Data("%PDF-1.7".utf8)))
        let again = folder.appendingPathComponent("again.pdf")
        _ = try await engine.print(try Self.build(into: Fixtures.temporaryFolder("teigen-print")).html(for: Self.document), assets: folder, to: again)
        #expect(try Data(contentsOf: again) == first, "two builds of the same input give different PDF bytes")
        try? FileManager.default.removeItem(at: again)
    }

    @Test func theDocumentOpensWithTheHomeTextAndListsEveryOtherPageInTheContents() async throws {
        let edition = try await Self.build(into: Fixtures.temporaryFolder("teigen-print"))
        let html = try edition.html(for: Self.document)
        #expect(html.contains(##"<html lang="ja">"##))
        #expect(html.contains(##"<meta name="dcterms.created" content="2024-03-01">"##))
        for anchor in ["proposals-1", "proposals-2", "background", "about", "members", "references", "activities"] {
            #expect(html.contains(##"<a href="#\##(anchor)">"##), "no contents entry for \(anchor)")
            #expect(html.contains(##"id="\##(anchor)""##), "no chapter \(anchor)")
        }
        #expect(html.contains(##"<span class="footnote" id="proposals-2--fn-5" data-note="5">"##))
        #expect(!html.contains("footnote-backref"))
        #expect(html.contains("<td class=\"members__role\">座長</td>"))
    }

    @Test func aPageTheSiteDoesNotHaveIsAnErrorAtTheDocument() async throws {
        let edition = try await Self.build(into: Fixtures.temporaryFolder("teigen-print"))
        var document = Self.document
        document.pages.append("proposals/3.md")
        #expect(throws: DiagnosticError.self) { try edition.html(for: document) }
        do {
            _ = try edition.html(for: document)
        } catch {
            #expect(error.diagnostics.map(\.message) == [
                "the print document 'print/emergency-proposal-2024-ja.pdf' lists page 'proposals/3.md', which does not exist in content/",
            ])
        }
    }
}
