import TeigenCore
import TeigenMarkdown
import TeigenTools

/// The `highlight` step: every code block and formula of the site's converted pages made HTML by its tool,
/// each tool run once for all of them (and not at all for what its cache holds), then written into the
/// pages' HTML in place of their plain rendering.
///
/// Nothing here fails a build: a language the highlighter does not know, a formula the converter cannot
/// read, options it cannot use, or a tool that is not installed leave the code or TeX plain, escaped, with
/// a warning at its line (one warning for a missing tool).
public struct BodyFragments: Sendable {
    public var tools: FragmentTools
    public var settings: MarkdownSettings

    public init(tools: FragmentTools, settings: MarkdownSettings) {
        self.tools = tools
        self.settings = settings
    }

    /// Where each request comes from: a page and a fragment of its body.
    private typealias Origin = (page: Int, fragment: Int)

    /// `bodies` (of `pages`, by index) with their fragments made HTML, each page's warnings, and what was done.
    public func resolve(
        _ bodies: [PageBody], pages: [Page], memory: inout FragmentTools.Memory
    ) async -> (bodies: [PageBody], diagnostics: [[Diagnostic]], report: FragmentReport) {
        var issues = [[MarkdownIssue]](repeating: [], count: bodies.count)
        var blocks: [CodeBlock] = []
        var blockOrigins: [Origin] = []
        var formulas: [MathFormula] = []
        var formulaOrigins: [Origin] = []
        for (page, body) in bodies.enumerated() where body.hasFragments {
            for (index, fragment) in body.fragments.enumerated() {
                switch fragment.kind {
                case .code(let info):
                    guard settings.highlight else { continue }
                    let (language, options, problem) = CodeOptions.parse(info: info)
                    if let problem { issues[page].append(Self.warning(problem + "; the options are ignored", at: fragment)) }
                    blocks.append(CodeBlock(language: language, code: fragment.text, options: problem == nil ? options : CodeOptions()))
                    blockOrigins.append((page, index))
                case .math(let display):
                    formulas.append(MathFormula(tex: fragment.text, display: display))
                    formulaOrigins.append((page, index))
                }
            }
        }
        var codeMemory = memory.code
        var mathMemory = memory.math
        async let code = tools.highlightCache.results(
            for: blocks, identity: tools.highlighter.identity, memory: &codeMemory, run: tools.highlighter.highlight)
        async let math = tools.mathCache.results(
            for: formulas, identity: tools.math.identity, memory: &mathMemory, run: tools.math.convert)
        let (codeResults, mathResults) = await (code, math)
        memory.code = codeMemory
        memory.math = mathMemory

        var replacements = [[Int: String]](repeating: [:], count: bodies.count)
        for (origin, result) in zip(blockOrigins, codeResults.results) {
            let fragment = bodies[origin.page].fragments[origin.fragment]
            switch result {
            case .html(let html)?: replacements[origin.page][origin.fragment] = html
            case .unknownLanguage?:
                let language = CodeOptions.parse(info: fragmentInfo(fragment)).language
                issues[origin.page].append(Self.warning(
                    "the highlighter knows no language '\(language)': the block is shown as plain code (`pygmentize -L lexers` lists the names)",
                    at: fragment))
            case nil: break
            }
        }
        for (origin, result) in zip(formulaOrigins, mathResults.results) {
            if case .mathML(let mathML)? = result {
                replacements[origin.page][origin.fragment] = mathML
            } else if case .problem(let problem)? = result {
                issues[origin.page].append(Self.warning(
                    "this formula cannot be made MathML: \(problem); it is shown as TeX", at: bodies[origin.page].fragments[origin.fragment]))
            }
        }
        if let unavailable = codeResults.unavailable, let first = blockOrigins.first {
            issues[first.page].append(Self.warning(
                "code blocks are not highlighted: \(unavailable.reason); install Pygments (python3 -m pip install Pygments, or Debian's python3-pygments) or set markdown: {highlight: false}",
                at: bodies[first.page].fragments[first.fragment]))
        }
        if let unavailable = mathResults.unavailable, let first = formulaOrigins.first {
            issues[first.page].append(Self.warning(
                "formulas are shown as TeX: \(unavailable.reason); install latex2mathml (python3 -m pip install latex2mathml)",
                at: bodies[first.page].fragments[first.fragment]))
        }
        var resolved = bodies
        var diagnostics = [[Diagnostic]](repeating: [], count: bodies.count)
        for page in bodies.indices where bodies[page].hasFragments {
            resolved[page] = bodies[page].resolving(replacements[page])
            diagnostics[page] = PageBodyRenderer.diagnostics(issues[page], page: pages[page])
        }
        var report = FragmentReport()
        report.codeBlocks = blocks.count
        report.codeBlocksRun = codeResults.ran
        report.formulas = formulas.count
        report.formulasRun = mathResults.ran
        return (resolved, diagnostics, report)
    }

    private func fragmentInfo(_ fragment: MarkdownFragment) -> String {
        if case .code(let info) = fragment.kind { return info }
        return ""
    }

    private static func warning(_ message: String, at fragment: MarkdownFragment) -> MarkdownIssue {
        MarkdownIssue(severity: .warning, line: fragment.line, column: fragment.column, message: message)
    }
}
