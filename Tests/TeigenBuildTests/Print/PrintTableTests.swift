import Foundation
import Testing
@testable import TeigenBuild

/// The print edition's tables, as a reader sees them in the PDF: a table longer than a page keeps each row
/// whole and repeats its header row at the top of every page it continues on.
///
/// The real site and theme (its print stylesheet) are copied to a temporary folder, the activities page gets a
/// table of 90 rows, and the Japanese PDF is read back with `pdftotext -layout` (poppler-utils, installed by
/// `make test`), one page at a time.
@Suite struct PrintTableTests {
    static let rows = 90

    /// The text of each page of `pdf`, laid out as printed.
    static func pages(of pdf: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-layout", pdf.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pdftotext failed on \(pdf.path)")
        // pdftotext ends each page with a form feed.
        return String(decoding: data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func aLongTableRepeatsItsHeaderOnEachPageAndKeepsItsRowsWhole() async throws {
        let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        let copy = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        for folder in ["site", "theme"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        let page = copy.appendingPathComponent("site/content/activities.md")
        let table = (1...Self.rows).map { "| 第\($0)行 | 項目\($0)の説明<br>続き\($0)の二行目 |" }.joined(separator: "\n")
        let text = try String(contentsOf: page, encoding: .utf8) + "\n\n| 番号 | 内容の一覧 |\n| --- | --- |\n" + table + "\n"
        try text.write(to: page, atomically: true, encoding: .utf8)

        let output = copy.appendingPathComponent("public")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site"), jobs: 2), output: output).build()
        let pages = try Self.pages(of: output.appendingPathComponent("print/emergency-proposal-2024-ja.pdf"))

        var pagesOfRow: [Int: [Int]] = [:]
        var pagesWithRows: [Int] = []
        var secondLines: [Int: [Int]] = [:]
        for (index, text) in pages.enumerated() {
            let lines = text.split(separator: "\n")
            // A whole row: its number and its description on one line of the page.
            let rows = lines.compactMap { line -> Int? in
                guard let match = line.firstMatch(of: /第(\d+)行\s+項目(\d+)の説明/), match.1 == match.2 else { return nil }
                return Int(match.1)
            }
            for row in rows { pagesOfRow[row, default: []].append(index + 1) }
            // A row's second line (the cell's `<br>`) on the same page as its first.
            for line in lines {
                if let match = line.firstMatch(of: /続き(\d+)の二行目/), let row = Int(match.1) { secondLines[row, default: []].append(index + 1) }
            }
            guard !rows.isEmpty else { continue }
            pagesWithRows.append(index + 1)
            let header = lines.firstIndex { $0.contains(/番号\s+内容の一覧/) }
            let first = lines.firstIndex { $0.contains(/第\d+行\s+項目/) }
            #expect(header != nil && header! < first!, "page \(index + 1) has rows of the table but not its header row above them")
        }
        #expect(pagesWithRows.count >= 2, "the table of \(Self.rows) rows should run over more than one page: \(pagesWithRows)")
        for row in 1...Self.rows {
            #expect(pagesOfRow[row]?.count == 1, "row \(row) is not printed once: \(pagesOfRow[row] ?? [])")
            #expect(secondLines[row] == pagesOfRow[row], "row \(row) is split: its lines are on pages \(pagesOfRow[row] ?? []) and \(secondLines[row] ?? [])")
        }
        let order = (1...Self.rows).compactMap { pagesOfRow[$0]?.first }
        #expect(order == order.sorted(), "the rows are not in order across the pages")
    }
}
