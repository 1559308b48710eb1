import Testing
@testable import TeigenCore

@Suite struct DiagnosticTests {
    @Test func rendersHeaderSourceLineAndCaret() {
        let text = "---\ntitle: x\ndraft: maybe\n---\n"
        let diagnostic = Diagnostic.error("'draft' must be true or false", at: SourceLocation(path: "site/content/a.md", line: 3, column: 8), source: text)
        #expect(diagnostic.description == "site/content/a.md:3:8: error: 'draft' must be true or false\ndraft: maybe\n       ^")
    }

    @Test func caretAccountsForWideCharacters() {
        let diagnostic = Diagnostic.error("bad", at: SourceLocation(path: "a.md", line: 1, column: 3), source: "提言x")
        #expect(diagnostic.description == "a.md:1:3: error: bad\n提言x\n    ^")
    }

    @Test func headerLeavesOutUnknownParts() {
        #expect(Diagnostic.warning("w", at: SourceLocation(path: "a.md")).description == "a.md: warning: w")
        #expect(Diagnostic.error("e", at: SourceLocation(path: "a.md", line: 2)).header == "a.md:2: error: e")
    }

    @Test func lineLookup() {
        #expect(Diagnostic.line(2, of: "a\nb\nc") == "b")
        #expect(Diagnostic.line(3, of: "a\nb\nc") == "c")
        #expect(Diagnostic.line(4, of: "a\nb\nc") == nil)
    }

    @Test func errorsAreSortedByLocation() {
        let error = DiagnosticError([
            .error("2", at: SourceLocation(path: "b.md", line: 1)), .error("1", at: SourceLocation(path: "a.md", line: 9)),
        ])
        #expect(error.diagnostics.map(\.message) == ["1", "2"])
    }
}
