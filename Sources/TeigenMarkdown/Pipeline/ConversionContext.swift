import CCmark

/// What the passes of one conversion share: the options, the texts parsed and the blocks found in them
/// (``SourceMap``), the markup the passes add (``PassMarkup``), the footnotes met so far
/// (``FootnoteRegistry``), the issues found and the stage timer.
///
/// One context is made per conversion (``MarkdownPipeline``) and handed to each pass, which reads
/// what it needs and adds what it finds, instead of each taking the map, the markup, the registry,
/// the issues and the timer as parameters of their own.
///
/// Not `Sendable`: like the trees it describes, a context belongs to one conversion on one thread.
final class ConversionContext {
    /// The conversion's options.
    let options: MarkdownOptions
    /// What the caller decides: link destinations, images, shortcodes.
    let hooks: MarkdownHooks
    /// Rewrites link and image destinations, when the caller gave a rewriter.
    var rewriteLink: LinkRewriter? { hooks.rewriteLink }
    /// The document's link reference definitions, for the fragments parsed on their own.
    let referenceDefinitions: ReferenceDefinitions
    /// Every text parsed and the blocks whose positions are needed.
    var map: SourceMap
    /// The markup of the nodes the passes tagged.
    var markup = PassMarkup()
    /// The footnote definitions, numbers and references.
    var registry: FootnoteRegistry
    /// Warnings and errors, in the order found (sorted when the conversion ends).
    var issues: [MarkdownIssue] = []
    /// Code blocks and formulas whose HTML a tool makes after the conversion.
    var fragments: [MarkdownFragment] = []
    /// The files the hooks' HTML refers to (``RenderedMarkdown/resources``).
    var resources: [String] = []
    /// Times the stages when enabled.
    var timer: StageTimer

    init(
        options: MarkdownOptions, hooks: MarkdownHooks, original: SourceText, definitions: [FootnoteDefinition],
        referenceDefinitions: ReferenceDefinitions, timer: StageTimer
    ) {
        self.options = options
        self.hooks = hooks
        self.referenceDefinitions = referenceDefinitions
        map = SourceMap(original: original)
        registry = FootnoteRegistry(definitions: definitions)
        self.timer = timer
    }

    /// libcmark's parse options for every text of the conversion.
    var parseOptions: Int32 { Self.parseOptions(options) }

    /// Whether soft breaks between two East Asian wide characters are left out (``SoftBreakJoiner``).
    var joinsLines: Bool { Self.joinsLines(options) }

    /// Whether smart punctuation is on (literals then differ from the raw text more often).
    var smartPunctuation: Bool { options.smartPunctuation }

    /// Ends the stage `name` (``StageTimer/lap(_:pass:)``).
    func lap(_ name: String, pass: Bool = true) {
        timer.lap(name, pass: pass)
    }

    /// Records a problem at `line`:`column` of the author's Markdown.
    func report(_ severity: MarkdownIssue.Severity, line: Int, column: Int, _ message: String) {
        issues.append(MarkdownIssue(severity: severity, line: line, column: column, message: message))
    }

    /// libcmark's parse options for `options`.
    static func parseOptions(_ options: MarkdownOptions) -> Int32 {
        options.smartPunctuation ? CMARK_OPT_SMART : CMARK_OPT_DEFAULT
    }

    /// Whether soft breaks between two East Asian wide characters are left out with `options`.
    static func joinsLines(_ options: MarkdownOptions) -> Bool {
        options.extensions && !options.hardBreaks
    }
}
