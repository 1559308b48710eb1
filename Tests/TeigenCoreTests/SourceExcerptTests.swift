import Testing
@testable import TeigenCore

/// ``SourceExcerpt``: short lines whole, long ones cut to a window around the column, many excerpts of one
/// text in one pass giving what one at a time gives.
@Suite struct SourceExcerptTests {
    @Test func shortLinesAreShownWhole() {
        let excerpt = SourceExcerpt(line: "title: [2", column: 8)
        #expect(excerpt == SourceExcerpt(text: "title: [2", caretColumn: 8))
    }

    @Test func longLinesAreCutAroundTheColumn() {
        let line = String(repeating: "a", count: 5_000) + "X" + String(repeating: "b", count: 5_000)
        let excerpt = SourceExcerpt(line: line[...], column: 5_001)
        #expect(excerpt.text == "…" + String(repeating: "a", count: 40) + "X" + String(repeating: "b", count: 59) + "…")
        #expect(excerpt.caretColumn == 42)
        let diagnostic = Diagnostic(.error, "broken", at: SourceLocation(path: "a.md", line: 1, column: 5_001), sourceLine: line)
        let lines = diagnostic.description.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].count == 102)
        #expect(lines[2] == String(repeating: " ", count: 41) + "^")
    }

    @Test func cutsAtTheStartAndEndOfALongLineKeepOneSide() {
        let line = String(repeating: "提", count: 300)
        let start = SourceExcerpt(line: line[...], column: 1)
        #expect(start.text == String(repeating: "提", count: 100) + "…")
        #expect(start.caretColumn == 1)
        let end = SourceExcerpt(line: line[...], column: 300)
        #expect(end.text == "…" + String(repeating: "提", count: 41))
        #expect(end.caretColumn == 42)
    }

    @Test func manyExcerptsAtOnceMatchOneAtATime() {
        let long = (0..<2_000).map { "[l\($0)](m\($0).md)" }.joined(separator: " ")
        let text = "---\ntitle: x\n---\n\r\n\(long)\nshort line\n"
        let positions = [(5, 1_000), (6, 3), (5, 17), (2, 1), (9, 1), (5, 20_000), (1, 0)]
        let batch = SourceExcerpt.excerpts(of: text, at: positions)
        // Lines split by bytes: "\r\n" is one Character to Swift.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0.last == 0x0D ? $0.dropLast() : $0[...], as: UTF8.self)
        }
        #expect(lines.count == 7)
        for (index, position) in positions.enumerated() {
            let expected = position.0 <= 7 ? SourceExcerpt(line: lines[position.0 - 1][...], column: position.1) : nil
            #expect(batch[index] == expected, "\(position)")
        }
        #expect(batch[4] == nil)
    }

    @Test func excerptingManyDiagnosticsTakesEachOnesLine() {
        let text = "one\ntwo\nthree"
        let diagnostics = [
            Diagnostic(.warning, "b", at: SourceLocation(path: "a.md", line: 3, column: 2)),
            Diagnostic(.error, "a", at: SourceLocation(path: "a.md", line: 1, column: 1)),
        ]
        let excerpted = Diagnostic.excerpting(diagnostics, from: text)
        #expect(excerpted.map(\.sourceLine) == ["three", "one"])
        #expect(excerpted[0].description == "a.md:3:2: warning: b\nthree\n ^")
    }
}

/// ``DiagnosticList``: a hundred of each kind, then a count of the rest.
@Suite struct DiagnosticListTests {
    @Test func kindsLeaveOutQuotedNamesAndNumbers() {
        let a = Diagnostic.error("link to a page that does not exist: 'a.md'", at: SourceLocation(path: "x.md"))
        let b = Diagnostic.error("link to a page that does not exist: 'b/c.md'", at: SourceLocation(path: "y.md"))
        let c = Diagnostic.warning("footnote [^12] is defined but never referenced", at: SourceLocation(path: "x.md"))
        #expect(a.kind == b.kind)
        #expect(a.kind == "error: link to a page that does not exist: '…'")
        #expect(c.kind == "warning: footnote [^N] is defined but never referenced")
        #expect(Diagnostic.error("the theme's 404 template", at: SourceLocation(path: "t")).kind == "error: the theme's N template")
    }

    @Test func showsAtMostTheLimitOfEachKindThenTheCount() {
        let links = (1...250).map { Diagnostic.error("link to a page that does not exist: 'p\($0).md'", at: SourceLocation(path: "a.md", line: $0)) }
        let notes = (1...3).map { Diagnostic.warning("footnote [^\($0)] is not defined", at: SourceLocation(path: "a.md", line: $0)) }
        let list = DiagnosticList(links + notes, limit: 100)
        #expect(list.shown.count == 103)
        #expect(list.omitted.count == 1)
        #expect(list.omitted[0].count == 150)
        #expect(list.lines.last == "error: … and 150 more errors like \"link to a page that does not exist: '…'\" (not shown)")
        #expect(DiagnosticError(links).description.split(separator: "\n").count == DiagnosticList.defaultLimit + 1)
    }

    @Test func controlCharactersInValuesAreShownEscaped() {
        #expect(Diagnostic.shown("a\u{0}b\n\u{1B}[31m") == "a\\0b\\n\\u{1B}[31m")
        #expect(Diagnostic.shown(String(repeating: "x", count: 100)) == String(repeating: "x", count: 80) + "…")
    }
}
