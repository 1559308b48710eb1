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

    /// Where each request comes from: a document and one of its fragments.
    private typealias Origin = (document: Int, fragment: Int)

    /// `bodies` (of `pages`, by index) with their fragments made HTML, each page's warnings, and what was done.
    public func resolve(
        _ bodies: [PageBody], pages: [Page], memory: inout FragmentTools.Memory
    ) async -> (bodies: [PageBody], diagnostics: [[Diagnostic]], report: FragmentReport) {
        let (replacements, issues, report) = await self.replacements(for: bodies.map(\.fragments), memory: &memory)
        var resolved = bodies
        var diagnostics = [[Diagnostic]](repeating: [], count: bodies.count)
        for page in bodies.indices where bodies[page].hasFragments {
            resolved[page] = bodies[page].resolving(replacements[page])
            diagnostics[page] = PageBodyRenderer.diagnostics(issues[page], page: pages[page])
        }
        return (resolved, diagnostics, report)
    }

    /// The HTML of the fragments of each document (by fragment index; a fragment left plain has none),
    /// the warnings of each, and what was done: every tool run once for all documents.
    public func replacements(
        for documents: [[MarkdownFragment]], memory: inout FragmentTools.Memory
    ) async -> (replacements: [[Int: String]], issues: [[MarkdownIssue]], report: FragmentReport) {
        var issues = [[MarkdownIssue]](repeating: [], count: documents.count)
        var blocks: [CodeBlock] = []
        var blockOrigins: [Origin] = []
        var formulas: [MathFormula] = []
        var formulaOrigins: [Origin] = []
        for (document, fragments) in documents.enumerated() {
            for (index, fragment) in fragments.enumerated() {
                switch fragment.kind {
                case .code(let info):
                    guard settings.highlight else { continue }
                    let (language, options, problem) = CodeOptions.parse(info: info)
                    if let problem { issues[document].append(Self.warning(problem + "; the options are ignored", at: fragment)) }
                    blocks.append(CodeBlock(language: language, code: fragment.text, options: problem == nil ? options : CodeOptions()))
                    blockOrigins.append((document, index))
                case .math(let display):
                    formulas.append(MathFormula(tex: fragment.text, display: display))
                    formulaOrigins.append((document, index))
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

        var replacements = [[Int: String]](repeating: [:], count: documents.count)
        for (origin, result) in zip(blockOrigins, codeResults.results) {
            let fragment = documents[origin.document][origin.fragment]
            switch result {
            case .html(let html)?: replacements[origin.document][origin.fragment] = html
            case .unknownLanguage?:
                let language = CodeOptions.parse(info: fragmentInfo(fragment)).language
                issues[origin.document].append(Self.warning(
                    "the highlighter knows no language '\(language)': the block is shown as plain code (`pygmentize -L lexers` lists the names)",
                    at: fragment))
            case nil: break
            }
        }
        for (origin, result) in zip(formulaOrigins, mathResults.results) {
            if case .mathML(let mathML)? = result {
                replacements[origin.document][origin.fragment] = mathML
            } else if case .problem(let problem)? = result {
                issues[origin.document].append(Self.warning(
                    "this formula cannot be made MathML: \(problem); it is shown as TeX", at: documents[origin.document][origin.fragment]))
            }
        }
        if let unavailable = codeResults.unavailable, let first = blockOrigins.first {
            issues[first.document].append(Self.warning(
                "code blocks are not highlighted: \(unavailable.reason); install Pygments (python3 -m pip install Pygments, or Debian's python3-pygments) or set markdown: {highlight: false}",
                at: documents[first.document][first.fragment]))
        }
        if let unavailable = mathResults.unavailable, let first = formulaOrigins.first {
            issues[first.document].append(Self.warning(
                "formulas are shown as TeX: \(unavailable.reason); install latex2mathml (python3 -m pip install latex2mathml)",
                at: documents[first.document][first.fragment]))
        }
        var report = FragmentReport()
        report.codeBlocks = blocks.count
        report.codeBlocksRun = codeResults.ran
        report.formulas = formulas.count
        report.formulasRun = mathResults.ran
        return (replacements, issues, report)
    }

    private func fragmentInfo(_ fragment: MarkdownFragment) -> String {
        if case .code(let info) = fragment.kind { return info }
        return ""
    }

    private static func warning(_ message: String, at fragment: MarkdownFragment) -> MarkdownIssue {
        MarkdownIssue(severity: .warning, line: fragment.line, column: fragment.column, message: message)
    }
}
