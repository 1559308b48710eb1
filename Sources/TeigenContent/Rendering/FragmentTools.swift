import TeigenTools

/// The tools that make the HTML of code blocks and formulas, and where their results are kept.
public struct FragmentTools: Sendable {
    public var highlighter: any CodeHighlighter
    public var math: any MathConverter
    /// Results on disk (`.teigen-cache/highlight/`), nil for none.
    public var highlightCache: ToolCache
    /// Results on disk (`.teigen-cache/math/`), nil for none.
    public var mathCache: ToolCache

    public init(highlighter: any CodeHighlighter, math: any MathConverter, highlightCache: ToolCache, mathCache: ToolCache) {
        self.highlighter = highlighter
        self.math = math
        self.highlightCache = highlightCache
        self.mathCache = mathCache
    }

    /// Pygments and latex2mathml through `python`, their results cached in `cache/highlight/` and `cache/math/`.
    public static func standard(python: String = "python3", cache: String) -> FragmentTools {
        FragmentTools(
            highlighter: PygmentsHighlighter(python: python), math: LaTeXMathConverter(python: python),
            highlightCache: ToolCache(directory: cache + "/highlight"), mathCache: ToolCache(directory: cache + "/math"))
    }

    /// The tools' results a process keeps between builds (the preview server's), by tool.
    public struct Memory: Sendable {
        var code: ToolCache.Memory = [:]
        var math: ToolCache.Memory = [:]

        public init() {}
    }
}

/// What the `highlight` step did, for `--verbose`.
public struct FragmentReport: Sendable, Hashable {
    /// Code blocks highlighted, and how many of them the highlighter was run for (the others came from its cache).
    public var codeBlocks = 0
    public var codeBlocksRun = 0
    /// Formulas converted, and how many of them the converter was run for.
    public var formulas = 0
    public var formulasRun = 0

    public init() {}

    /// For `--verbose`: `12 blocks, 3 run; 4 formulas, 0 run` (run: given to the tool, the others were cached).
    public var summary: String {
        "\(codeBlocks) blocks, \(codeBlocksRun) run; \(formulas) formulas, \(formulasRun) run"
    }
}
