import Foundation
import Testing
import TeigenCore
@testable import TeigenBuild

/// Tests/Fixtures/sites/publish: a print edition, citations (titles that need escaping) and share images,
/// built end to end with WeasyPrint and libvips.
///
/// The text files are compared with the golden tree (`expected/`; TEIGEN_UPDATE_GOLDEN=1 rewrites it), the
/// PDF's size in them written as `⟨size⟩`; the PDF and the share images, whose bytes depend on the engine's
/// and the fonts' versions, are checked for what they are (a PDF of the page count the pages show,
/// 1200×630 PNGs) and for being the same bytes in two builds that each made them (each copy has its own
/// cache beside it).
@Suite(.serialized) struct PublishFixtureTests {
    static let fixture = Fixtures.root.appendingPathComponent("sites/publish")

    /// The fixture copied to a folder of its own (so that its cache, `.teigen-cache/` beside the site,
    /// starts empty) and built with `teigen build`'s builder.
    static func build() async throws -> (tree: [String: Data], copy: URL, product: BuildProduct) {
        let copy = try Fixtures.copy(fixture)
        try? FileManager.default.removeItem(at: copy.appendingPathComponent("expected"))
        let output = copy.appendingPathComponent("public")
        let product = try await SiteBuilder(options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site"), jobs: 2), output: output, failOnWarnings: true).build()
        return (try Fixtures.tree(output), copy, product)
    }

    static func isMadeByEngine(_ path: String) -> Bool {
        path.hasSuffix(".pdf") || (path.hasSuffix(".png") && path.split(separator: "/").last!.hasPrefix("share."))
    }

    /// `data` with the PDF's size as the pages write it (`215 kB`) replaced by `⟨size⟩`.
    static func withoutPDFSize(_ data: Data, pdf: Data) -> Data {
        Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: PublicationValues.size(pdf.count), with: "⟨size⟩").utf8)
    }

    @Test func buildMatchesGoldenAndTheEnginesMakeTheSameBytesTwice() async throws {
        let (tree, _, product) = try await Self.build()
        let pdf = try #require(tree["print/report-ja.pdf"])
        let golden = Self.fixture.appendingPathComponent("expected")
        if ProcessInfo.processInfo.environment["TEIGEN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            for (path, data) in tree {
                let url = golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try (Self.isMadeByEngine(path) ? Data() : path.hasSuffix(".html") ? Self.withoutPDFSize(data, pdf: pdf) : data).write(to: url)
            }
        }
        let expected = try Fixtures.tree(golden)
        #expect(tree.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected where !Self.isMadeByEngine(path) {
            let actual = path.hasSuffix(".html") ? tree[path].map { Self.withoutPDFSize($0, pdf: pdf) } : tree[path]
            #expect(actual == data, "\(path) differs from the golden file in \(golden.path)")
        }
        #expect(product.warnings.isEmpty)

        // The PDF: as many pages as the pages say it has, A4 and tagged by WeasyPrint's PDF/UA-1 variant.
        #expect(pdf.starts(with: Data("%PDF-1.7".utf8)))
        let home = String(decoding: try #require(tree["index.html"]), as: UTF8.self)
        #expect(home.contains("（PDF、\(PublicationValues.size(pdf.count))、3ページ）"))
        // Each generated share image: a 1200×630 PNG.
        for (path, data) in tree where Self.isMadeByEngine(path) && path.hasSuffix(".png") {
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(path)")
            #expect(Array(data[16..<24]) == [0, 0, 0x04, 0xB0, 0, 0, 0x02, 0x76], "\(path) is not 1200×630")
        }

        // Built again from a copy with an empty cache: WeasyPrint and libvips make the same bytes.
        let (again, _, _) = try await Self.build()
        #expect(again.keys.sorted() == tree.keys.sorted())
        for (path, data) in tree where again[path] != data {
            Issue.record("\(path) differs between two builds of the same input")
        }
    }

    @Test func theSecondBuildTakesThePDFFromTheCache() async throws {
        let (tree, copy, _) = try await Self.build()
        let cache = PrintCache(forSite: copy.appendingPathComponent("site"))
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: cache.directory).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == 1)
        #expect(FileManager.default.contents(atPath: cache.directory + "/" + pdfs[0]) == tree["print/report-ja.pdf"])
        // Built again, the PDF comes from the cache: the same output. `--print-html` writes what the engine read.
        let output = copy.appendingPathComponent("public")
        var options = BuildOptions(sourceDirectory: copy.appendingPathComponent("site"))
        options.printHTMLDirectory = copy.appendingPathComponent("print-html")
        _ = try await SiteBuilder(options: options, output: output).build()
        #expect(try Fixtures.tree(output) == tree)
        let html = try Fixtures.tree(copy.appendingPathComponent("print-html"))
        #expect(html.keys.sorted() == ["css/print.1b46d2d1.css", "print-report-ja.html"])
        #expect(String(decoding: html["print-report-ja.html"] ?? Data(), as: UTF8.self).contains(#"<link rel="stylesheet" href="css/print.1b46d2d1.css">"#))
        // A changed page makes a new PDF, and the cache keeps only the document's newest one.
        let page = copy.appendingPathComponent("site/content/proposals/1.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\n追記。\n").write(to: page, atomically: true, encoding: .utf8)
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site")), output: output).build()
        let after = try FileManager.default.contentsOfDirectory(atPath: cache.directory).filter { $0.hasSuffix(".pdf") }
        #expect(after.count == 1 && after != pdfs)
    }

    @Test func withoutTheEngineTheBuildFailsSayingHowToInstallItAndLeavesTheOutput() async throws {
        await #expect(throws: DiagnosticError.self) {
            _ = try await WeasyPrint.locate(environment: ["TEIGEN_WEASYPRINT_PYTHON": "/nonexistent/python3"])
        }
        do {
            _ = try await WeasyPrint.locate(for: SourceLocation(path: "site/config.yaml", line: 7, column: 5), environment: ["PATH": "/nonexistent"]
                .merging(["TEIGEN_WEASYPRINT_PYTHON": "/nonexistent/python3"]) { $1 })
        } catch {
            #expect(error.diagnostics.map(\.header) == [
                "site/config.yaml:7:5: error: the print edition ('pdf' in config.yaml) needs WeasyPrint, which was not found; \(WeasyPrint.installHint)",
            ])
            #expect(WeasyPrint.installHint.contains("pip install weasyprint==70.0"))
        }
    }
}
