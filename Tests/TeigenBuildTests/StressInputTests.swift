import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// Large and odd input that must build (or fail with a clear message), never crash or hang.
@Suite struct StressInputTests {
    func site(_ pages: [String: String]) throws -> URL {
        let work = try Fixtures.copy(Fixtures.root.appendingPathComponent("invalid/_defaults"))
        for (path, text) in pages {
            let url = work.appendingPathComponent("site/content/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return work
    }

    func build(_ work: URL) async throws -> [String: Data] {
        let output = work.appendingPathComponent("public")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: work.appendingPathComponent("site")), output: output).build()
        return try Fixtures.tree(output)
    }

    @Test func hugeTablesFootnotesQuotesAndSelfCitingNotes() async throws {
        let rows = (1...10_000).map { "| \($0) | 行\($0) |" }.joined(separator: "\n")
        let notes = (1...1_000).map { "本文[^n\($0)]。" }.joined(separator: "\n\n") + "\n\n"
            + (1...1_000).map { "[^n\($0)]: 注 \($0)" }.joined(separator: "\n")
        let quotes = String(repeating: ">", count: 10_000) + " 深い引用\n"
        let selfCiting = "本文[^a]。\n\n[^a]: この注は自分を引く[^a]。\n"
        let work = try site([
            "table.md": "---\ntitle: 表\n---\n\n| 番号 | 値 |\n|---:|---|\n\(rows)\n",
            "notes.md": "---\ntitle: 注\n---\n\n\(notes)\n",
            "quotes.md": "---\ntitle: 引用\n---\n\n\(quotes)",
            "self.md": "---\ntitle: 自己参照\n---\n\n\(selfCiting)",
        ])
        let tree = try await build(work)
        let table = String(decoding: try #require(tree["table/index.html"]), as: UTF8.self)
        #expect(table.components(separatedBy: "<tr>").count == 10_002)
        let notesPage = String(decoding: try #require(tree["notes/index.html"]), as: UTF8.self)
        #expect(notesPage.contains("id=\"fn-n1000\""))
        #expect(tree["quotes/index.html"] != nil)
        #expect(tree["self/index.html"] != nil)
    }

    @Test func namesWithSpacesAndJapaneseWork() async throws {
        let work = try site([
            "研究 会/_index.md": "---\ntitle: 研究会\n---\n",
            "研究 会/第 1 回.md": "---\ntitle: 第1回\n---\n\n[戻る](../研究%20会/_index.md)\n",
            "研究 会/図 1.txt": "図",
        ])
        let tree = try await build(work)
        #expect(tree["研究-会/index.html"] != nil)
        let page = String(decoding: try #require(tree["研究-会/第-1-回/index.html"]), as: UTF8.self)
        #expect(page.contains("href=\"/%E7%A0%94%E7%A9%B6-%E4%BC%9A/\""))
        #expect(tree["研究-会/図 1.txt"] != nil)
    }

    @Test func oversizedPageIsRejected() async throws {
        let big = "---\ntitle: 大\n---\n\n" + String(repeating: "あいうえおかきくけこ\n", count: 800_000)
        let work = try site(["big.md": big])
        await #expect {
            _ = try await build(work)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.header.hasSuffix(
                "site/content/big.md:1:1: error: page is 24 MB; the largest page Teigen reads is 20 MB (split it into several pages)") ?? false
        }
    }

    @Test func manyDiagnosticsCostTheirNumberAndPrintABoundedReport() async throws {
        // 50,000 notes each citing the next (each a warning: none is cited from the text), and 10,000
        // broken links on one line: every diagnostic is produced, and
        // a hundred of each kind are printed, then how many more there are.
        let chain = (1...50_000).map { "[^\($0)]: 次の注を見よ[^\($0 + 1)]" }.joined(separator: "\n")
        let chained = try site(["chain.md": "---\ntitle: 連鎖\n---\n\n\(chain)\n"])
        let product = try await SiteBuilder(
            options: BuildOptions(sourceDirectory: chained.appendingPathComponent("site")), output: chained.appendingPathComponent("public")
        ).build()
        #expect(product.warnings.count == 50_000)
        let warnings = DiagnosticList(product.warnings).lines
        #expect(warnings.count == DiagnosticList.defaultLimit + 1)
        #expect(warnings.last == "warning: … and 49900 more warnings like \"footnote [^N] is defined but never referenced\" (not shown)")

        let links = (1...10_000).map { "[リンク\($0)](missing-\($0).md)" }.joined(separator: " ")
        let linked = try site(["links.md": "---\ntitle: リンク\n---\n\n\(links)\n"])
        let error = try #require(await #expect(throws: DiagnosticError.self) { _ = try await build(linked) })
        #expect(error.diagnostics.count == 10_000)
        let report = error.description
        let lines = report.split(separator: "\n")
        // A hundred diagnostics of three lines (header, source, caret), then one line for the rest.
        #expect(lines.count == 3 * DiagnosticList.defaultLimit + 1)
        #expect(lines.allSatisfy { $0.count < 300 })
        #expect(report.utf8.count < 100_000)
        #expect(lines.last == "error: … and 9900 more errors like \"link to a page that does not exist: '…'\" (not shown)")
        // The 5,000th link, far along its 200 kB line, is shown in a window around its column.
        let link = try #require(error.diagnostics.first { $0.message == "link to a page that does not exist: 'missing-5000.md'" })
        #expect(link.location.line == 5)
        #expect(link.sourceLine?.hasPrefix("…") == true)
        #expect(link.sourceLine?.contains("[リンク5000](missing-5000.md)") == true)
    }
}
