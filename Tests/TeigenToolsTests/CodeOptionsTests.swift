import Testing
import TeigenTools

/// Hugo's code block options, read from the info string.
@Suite struct CodeOptionsTests {
    @Test func hugosSyntax() {
        let (language, options, problem) = CodeOptions.parse(info: "swift {linenos=true hl_lines=[2,\"4-5\"] linenostart=10}")
        #expect(language == "swift")
        #expect(problem == nil)
        #expect(options == CodeOptions(lineNumbers: .table, highlightedLines: [2...2, 4...5], firstLineNumber: 10))
    }

    @Test(arguments: [
        ("go {linenos=inline, hl_lines=\"1 3-4\"}", CodeOptions(lineNumbers: .inline, highlightedLines: [1...1, 3...4])),
        ("go {linenos=table lineanchors=ex anchorlinenos=true}", CodeOptions(lineNumbers: .table, lineAnchors: "ex", anchorLineNumbers: true)),
        ("go {linenos=false style=monokai noclasses=false}", CodeOptions()),
        ("go", CodeOptions()),
    ])
    func variants(_ info: String, _ expected: CodeOptions) {
        let (language, options, problem) = CodeOptions.parse(info: info)
        #expect(language == "go")
        #expect(problem == nil)
        #expect(options == expected)
    }

    @Test func languageless() {
        let (language, options, _) = CodeOptions.parse(info: "{linenos=true}")
        #expect(language == "")
        #expect(options.lineNumbers == .table)
    }

    @Test(arguments: [
        ("c {linenos=yes}", "linenos is true, table, inline or false (got 'yes')"),
        ("c {hl_lines=[0]}", "hl_lines takes line numbers and ranges such as [2,\"4-5\"] (got '0')"),
        ("c {hl_lines=[\"5-2\"]}", "hl_lines takes line numbers and ranges such as [2,\"4-5\"] (got '5-2')"),
        ("c {colour=red}", "unknown code block option 'colour' (known: linenos, hl_lines, linenostart, lineanchors, anchorlinenos)"),
        ("c {linenos}", "code block option 'linenos' needs a value: linenos=…"),
        ("c linenos=true", "code block options go in braces after the language: ```c {linenos=true}"),
    ])
    func problems(_ info: String, _ message: String) {
        #expect(CodeOptions.parse(info: info).problem == message)
    }
}
