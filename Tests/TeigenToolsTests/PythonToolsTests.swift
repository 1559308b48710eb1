import Testing
import TeigenTools

/// The real tools through Teigen's Python driver (Pygments and latex2mathml, installed by
/// `scripts/install-deps.sh`): one process per call, answers in order.
@Suite struct PythonToolsTests {
    @Test func pygmentsHighlightsWithOptionsAndKnowsItsLanguages() async throws {
        let results = try await PygmentsHighlighter().highlight([
            CodeBlock(language: "swift", code: "let x = 1\n// c\n", options: CodeOptions(lineNumbers: .inline, highlightedLines: [2...2])),
            CodeBlock(language: "no-such-language", code: "x\n"),
            CodeBlock(language: "html", code: "<a href=\"x\">&amp;</a>\n"),
        ])
        #expect(results.count == 3)
        guard case .html(let swift) = results[0], case .html(let html) = results[2] else {
            Issue.record("expected HTML, got \(results)")
            return
        }
        #expect(swift.hasPrefix("<div class=\"highlight\"><pre tabindex=\"0\"><code class=\"language-swift\" data-lang=\"swift\"><span class=\"linenos\">1</span><span class=\"kd\">let</span>"))
        #expect(swift.contains("<span class=\"hll\"><span class=\"linenos\">2</span><span class=\"c1\">// c</span>"))
        #expect(swift.hasSuffix("</code></pre></div>\n"))
        #expect(html.contains("&lt;"))
        #expect(!html.contains("<a href"))
        #expect(results[1] == .unknownLanguage)
    }

    @Test func latex2mathmlMakesMathMLAndReportsProblems() async throws {
        let results = try await LaTeXMathConverter().convert([
            MathFormula(tex: "x\\,y", display: false), MathFormula(tex: "\\frac{a}{", display: true),
            MathFormula(tex: "\\nosuchcommand{x}", display: false),
        ])
        #expect(results[0] == .mathML(
            "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><mrow><mi>x</mi><mspace width=\"0.167em\" /><mi>y</mi></mrow></math>"))
        #expect(results[1] == .problem("incomplete formula (NoAvailableTokensError)"))
        #expect(results[2] == .problem("unknown command \\nosuchcommand"))
    }

    @Test func aMissingInterpreterIsUnavailable() async {
        do {
            _ = try await PygmentsHighlighter(python: "no-such-python-3").highlight([CodeBlock(language: "c", code: "x")])
            Issue.record("expected the tool to be unavailable")
        } catch {
            #expect(error.reason == "no-such-python-3 is not installed")
        }
    }
}
