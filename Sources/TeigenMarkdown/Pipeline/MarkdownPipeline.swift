import CCmark

/// One conversion: libcmark parses, Teigen's passes change and tag the tree, Teigen's renderer writes it.
///
/// The recipe (extensions on):
/// 1. take footnote definitions out of the text (``FootnoteDefinitionScanner``);
/// 2. parse the document with libcmark; if definitions sit in block quotes or list items, take them
///    out too and parse again (``ContainerFootnoteScanner``); then one walk over the blocks
///    (``BlockScan``) finds what the passes need: tables (``TableBuilder``), then the inline content
///    of the blocks that may hold footnote references or links (``InlineCollector``), footnote
///    references (``FootnoteReferenceScanner``), link rewriting (``LinkRewritePass``);
/// 3. parse every note body in one go (``FootnoteBodyText``), the same for them, then take the
///    references of the notes in number order (a note may cite further notes, numbered as met),
///    link a bare URL starting a note (``BareURL``) and run the other passes on the notes that are cited;
/// 4. heading ids, anchors and table of contents (``HeadingPass``);
/// 5. the footnotes section (``FootnoteSectionBuilder``);
/// 6. render HTML with ``HTMLRenderer`` (libcmark's HTML plus the passes' ``PassMarkup``, Japanese line
///    breaks joined), then (unless only the HTML is wanted) plain text, summary and reading time.
///
/// With extensions off only step 6 runs, on libcmark's own tree, with libcmark's own renderer.
struct MarkdownPipeline {
    var options: MarkdownOptions
    /// The caller's decisions on links, images and shortcodes.
    var hooks = MarkdownHooks()
    /// Whether to derive the plain text, summary and reading time (step 6).
    var includingText = true

    private var parseOptions: Int32 { ConversionContext.parseOptions(options) }

    /// Whether soft breaks between two East Asian wide characters are left out (``SoftBreakJoiner``).
    private var joinsLines: Bool { ConversionContext.joinsLines(options) }

    private var renderOptions: Int32 {
        (options.allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) | (options.hardBreaks ? CMARK_OPT_HARDBREAKS : 0)
    }

    /// Converts `source`; `timer` times the stages when enabled.
    func run(_ source: String, timer: inout StageTimer) -> RenderedMarkdown {
        run(utf8: Array(source.utf8), timer: &timer)
    }

    /// Converts the UTF-8 bytes `bytes` (libcmark replaces invalid sequences with U+FFFD as it reads them).
    func run(utf8 bytes: [UInt8], timer: inout StageTimer) -> RenderedMarkdown {
        guard options.extensions else {
            var tree: CmarkTree? = CmarkTree(parsing: bytes, options: parseOptions)
            timer.lap("parse", pass: false)
            let rendered = finish(tree!, sourceLength: bytes.count, timer: &timer)
            tree = nil
            timer.lap("free trees", pass: false)
            return rendered
        }
        // Every tree of the conversion lives in one arena, released at once when the conversion is done.
        var arena: CmarkArena? = CmarkArena(sourceLength: bytes.count)
        let rendered = arena!.run { runWithExtensions(bytes, timer: &timer) }
        arena = nil
        timer.lap("free trees", pass: false)
        return rendered
    }

    /// The conversion with Teigen's passes, inside the conversion's ``CmarkArena``: its trees stay within.
    private func runWithExtensions(_ bytes: [UInt8], timer: inout StageTimer) -> RenderedMarkdown {
        let original = SourceText(bytes: bytes)
        let scanned = FootnoteDefinitionScanner(source: original).scan()
        timer.lap("footnote definitions")
        var text = scanned.text
        var definitions = scanned.definitions
        var tree = CmarkTree(parsing: text.bytes, options: parseOptions)
        timer.lap("parse", pass: false)
        let contained = ContainerFootnoteScanner(text: text).scan(tree)
        if let contained {
            text = contained.text
            tree = CmarkTree(parsing: text.bytes, options: parseOptions)
            contained.removePlaceholders(from: tree)
            definitions = (definitions + contained.definitions).sorted { $0.line < $1.line }
        }
        timer.lap("container footnotes")
        let placeholders = placeholderScanner.scan(text, tree: tree)
        if let placeholders {
            text = placeholders.text
            tree = CmarkTree(parsing: text.bytes, options: parseOptions)
            contained?.removePlaceholders(from: tree)
        }
        timer.lap("formula and shortcode syntax")
        let context = ConversionContext(
            options: options, hooks: hooks, original: original, definitions: definitions,
            referenceDefinitions: scanned.referenceDefinitions, timer: timer)
        defer { timer = context.timer }
        var headings = process(tree, text: context.map.add(text), placeholders: placeholders, in: context).map { node, block in
            HeadingPass.read(node, block: block, inBody: true, in: context)
        }
        context.lap("heading texts")
        let bodies = processNotes(headings: &headings, in: context)
        context.lap("footnote bodies")
        reportUnusedDefinitions(in: context)
        var usedIDs: Set<ExactString> = []
        usedIDs.reserveCapacity(headings.count)
        let tableOfContents = HeadingPass(options: options).run(headings, usedIDs: &usedIDs, in: context)
        context.lap("headings")
        let footnotes = FootnoteSectionBuilder(
            backlinkLabel: options.footnoteBacklinkLabel, sectionLabel: options.footnotesLabel,
            firstNumber: min(max(options.footnoteStart, 1), 1_000_000_000))
        _ = footnotes.build(bodies: bodies, headingIDs: usedIDs, root: tree.root, in: context)
        context.lap("footnotes section")
        return finish(
            tree, sourceLength: bytes.count, markup: context.markup, tableOfContents: tableOfContents, issues: context.issues,
            fragments: context.fragments, resources: context.resources, timer: &context.timer)
    }

    /// Finds formulas (with ``MarkdownOptions/math``) and shortcode tags (with a shortcode hook).
    private var placeholderScanner: PlaceholderScanner {
        PlaceholderScanner(math: options.math, shortcodes: hooks.shortcode != nil)
    }

    /// The passes run on the document; returns its headings (handled once every text is done).
    private func process(
        _ tree: CmarkTree, text index: Int, placeholders: PlaceholderScan?, in context: ConversionContext
    ) -> [(node: CmarkNode, block: Int)] {
        let collection = collect(tree, text: index, notes: false, in: context)[0]
        if let placeholders { PlaceholderPass(scan: placeholders, text: index).run(tree.root, in: context) }
        context.lap("formulas and shortcodes")
        FootnoteReferenceScanner().scan(collection.texts, in: context)
        context.lap("footnote references")
        finishPasses(collection, in: context)
        context.lap("link rewriting")
        return collection.headings
    }

    /// Every note body, parsed together; then the references in them, note by note in number order
    /// (a body may reference further notes, appended as they are met), and the other passes on the
    /// notes cited. Adds the notes' headings to `headings`; returns the notes' bodies in number order.
    private func processNotes(headings: inout [HeadingInfo], in context: ConversionContext) -> [CmarkNode] {
        guard !context.registry.definitions.isEmpty else { return [] }
        let bodyText = FootnoteBodyText(registry: context.registry, referenceDefinitions: context.referenceDefinitions)
        var text = bodyText.text
        var tree = CmarkTree(parsing: text.bytes, options: parseOptions)
        let placeholders = placeholderScanner.scan(text, tree: tree)
        if let placeholders {
            text = placeholders.text
            tree = CmarkTree(parsing: text.bytes, options: parseOptions)
        }
        let index = context.map.add(text)
        let timer = context.timer
        context.timer = StageTimer(enabled: false)
        let collections = collect(tree, text: index, notes: true, in: context)
        if let placeholders { PlaceholderPass(scan: placeholders, text: index).run(tree.root, in: context) }
        context.timer = timer
        var quotes: [CmarkNode] = []
        var child = tree.root.firstChild
        while let node = child {
            quotes.append(node)
            child = node.next
        }
        let scanner = FootnoteReferenceScanner()
        var bodies: [CmarkNode] = []
        var used: [Int] = []
        while bodies.count < context.registry.notes.count {
            guard let body = bodyText.bodyOfDefinition[context.registry.notes[bodies.count]], body < quotes.count,
                body < collections.count
            else { break }
            bodies.append(quotes[body])
            used.append(body)
            scanner.scan(collections[body].texts, in: context)
        }
        for body in used {
            BareURL.linkAtStart(of: quotes[body])
            finishPasses(collections[body], in: context)
            for (node, block) in collections[body].headings {
                headings.append(HeadingPass.read(node, block: block, inBody: false, in: context))
            }
        }
        return bodies
    }

    /// Warnings for definitions repeating a label and for definitions no text refers to.
    private func reportUnusedDefinitions(in context: ConversionContext) {
        let original = context.map.original
        func report(_ message: String, _ definition: FootnoteDefinition) {
            context.report(
                .warning, line: definition.line,
                column: original.scalarColumn(line: definition.line, offset: definition.offset), message)
        }
        for definition in context.registry.duplicateDefinitions {
            report("footnote [^\(definition.label)] is defined more than once; the first definition is used", definition)
        }
        for definition in context.registry.unusedDefinitions {
            report("footnote [^\(definition.label)] is defined but never referenced", definition)
        }
    }

    /// One walk over the blocks (``BlockScan``), the tables built from what it found, then the inline
    /// content the passes need, in one collection, or one per top-level block for the `notes` tree.
    private func collect(_ tree: CmarkTree, text index: Int, notes: Bool, in context: ConversionContext) -> [InlineCollection] {
        let text = context.map.texts[index]
        let collector = collector(for: text)
        let scan = BlockScan(tree, text: text, lines: collector.lines)
        context.lap("scan blocks")
        let built = TableBuilder().build(scan.tableCandidates, text: index, topLevelQuotesAreNotes: notes, in: context)
        context.lap("tables")
        CodeBlockPass().run(scan.codeBlocks, text: index, in: context)
        if collector.passes != nil { InlinePasses.stageNames.forEach { context.timer.declare($0) } }
        let collections = collector.collect(scan, tables: built, text: index, groupingTopLevelBlocks: notes, in: context)
        context.lap("collect inlines")
        return collections
    }

    /// A collector gathering what the passes need in `text`.
    private func collector(for text: SourceText) -> InlineCollector {
        let passes = InlinePasses(options: options)
        let lines = InlineLineFilter(
            text, footnoteReferences: true, links: wantsLinks, strikethrough: passes != nil,
            cjkEmphasis: passes != nil && options.cjkFriendlyEmphasis, autolinks: passes != nil, taskLists: passes != nil)
        return InlineCollector(
            wantsFootnoteReferences: lines.hasFootnoteMarker, wantsLinks: wantsLinks, passes: passes, lines: lines)
    }

    /// Whether links and images are collected: for link rewriting or the image hook.
    private var wantsLinks: Bool { hooks.rewriteLink != nil || hooks.image != nil }

    /// Link rewriting and images.
    private func finishPasses(_ collection: InlineCollection, in context: ConversionContext) {
        if wantsLinks {
            LinkRewritePass(rewrite: hooks.rewriteLink, image: hooks.image).run(collection.links, in: context)
        }
    }

    /// Renders the tree and, when ``includingText``, derives the plain text, summary and reading time.
    /// With `markup` (extensions on) Teigen's renderer writes the HTML, with the passes' markup and
    /// Japanese line breaks joined; without, libcmark's own renderer does.
    private func finish(
        _ tree: CmarkTree, sourceLength: Int, markup: PassMarkup? = nil, tableOfContents: [TOCEntry] = [],
        issues: [MarkdownIssue] = [], fragments: [MarkdownFragment] = [], resources: [String] = [], timer: inout StageTimer
    ) -> RenderedMarkdown {
        let renderer = markup.map { HTMLRenderer(options: renderOptions, markup: $0, joinsLines: joinsLines) }
        var placements: [FragmentPlacement] = []
        let html =
            renderer?.render(tree.root, sourceLength: sourceLength, placements: &placements) ?? tree.root.renderHTML(options: renderOptions)
        timer.lap("render HTML", pass: false)
        let sortedIssues = issues.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
        var rendered = RenderedMarkdown(html: html, tableOfContents: tableOfContents, issues: sortedIssues)
        rendered.fragments = fragments
        rendered.resources = Array(Set(resources)).sorted()
        rendered.htmlPlacements = placements
        guard includingText else { return rendered }
        var plain = PlainTextWriter(joinsLines: joinsLines, markup: markup ?? PassMarkup())
        plain.write(tree.root)
        let plainText = plain.text

        // The summary stands alone: footnote references would point nowhere.
        var summaryRenderer = renderer
        summaryRenderer?.markup.omitsReferences = true
        let summaryNodes = Summary.nodes(in: tree.root)
        var summaryHTML = ""
        var summary = PlainTextWriter(joinsLines: joinsLines, markup: markup ?? PassMarkup())
        for node in summaryNodes {
            if let summaryRenderer {
                var nodePlacements: [FragmentPlacement] = []
                let part = summaryRenderer.render(node, sourceLength: 0, placements: &nodePlacements)
                let shift = summaryHTML.utf8.count
                rendered.summaryPlacements += nodePlacements.map {
                    FragmentPlacement(fragment: $0.fragment, range: ($0.range.lowerBound + shift)..<($0.range.upperBound + shift))
                }
                summaryHTML += part
            } else {
                summaryHTML += node.renderHTML(options: renderOptions)
            }
            summary.write(node)
            summary.endBlock()
        }
        timer.lap("plain text and summary")
        rendered.plainText = plainText
        rendered.summaryHTML = summaryHTML
        rendered.summaryText = summary.text
        rendered.readingMinutes = ReadingTime.minutes(for: plainText)
        return rendered
    }
}
