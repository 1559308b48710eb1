// The Markdown fuzz harness: one input through the Markdown passes. Compiled into the libFuzzer target and,
// through a symlink, into ReliabilityTests (Tests/reliability), which replays the kept inputs.
import TeigenCore
import TeigenMarkdown

enum MarkdownHarness {
    /// Options from the first byte: bit 0 smart punctuation, bit 1 raw HTML off, bit 2 hard breaks,
    /// bit 3 heading anchors, bit 4 Japanese labels with characters HTML must escape, bits 5–6 the first
    /// footnote number (1, 2, 500, 99 999), bit 7 a link rewriter (else none). CJK-friendly emphasis is
    /// off for inputs of odd length (``run(_:)``).
    static func options(_ byte: UInt8) -> MarkdownOptions {
        let starts = [1, 2, 500, 99_999]
        var options = MarkdownOptions(
            smartPunctuation: byte & 0x01 != 0, allowRawHTML: byte & 0x02 == 0, hardBreaks: byte & 0x04 != 0,
            extensions: true, headingAnchors: byte & 0x08 != 0)
        if byte & 0x10 != 0 {
            options.headingAnchorLabel = "この節へのリンク \"<&>\""
            options.footnoteBacklinkLabel = "参照へ戻る '<&>'"
        }
        options.footnoteStart = starts[Int((byte >> 5) & 0x03)]
        return options
    }

    /// A rewriter like the build's: `.md` links become URLs (with characters that need escaping),
    /// destinations containing `missing` are broken, others kept.
    static let rewriter: LinkRewriter = { destination in
        if destination.contains("missing") { return .broken("link to a page that does not exist: '\(destination)'") }
        if destination.hasSuffix(".md") { return .replace("/ページ/\(destination.dropLast(3))/?q=\"<&>\"") }
        if destination.hasPrefix("/") { return .replace("/base" + destination) }
        return .keep
    }

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let first = bytes.first ?? 0
        let markdown = String(decoding: bytes.dropFirst(), as: UTF8.self)
        var options = options(first)
        options.cjkFriendlyEmphasis = bytes.count % 2 == 0
        let renderer = MarkdownRenderer(options: options)
        let rendered = renderer.render(markdown, rewriteLink: first & 0x80 != 0 ? rewriter : nil)

        var sink = rendered.html.utf8.count &+ rendered.plainText.utf8.count &+ rendered.summaryHTML.utf8.count
        sink &+= rendered.summaryText.utf8.count &+ rendered.readingMinutes &+ rendered.tableOfContents.count
        // Issues become diagnostics with the offending line and a caret, as the build reports them.
        for issue in rendered.issues {
            let location = SourceLocation(path: "page.md", line: issue.line, column: issue.column)
            sink &+= Diagnostic.warning(issue.message, at: location, source: markdown).description.utf8.count
        }
        sink &+= Slug.make(markdown).utf8.count
        if let line = markdown.split(separator: "\n", maxSplits: 1).first {
            sink &+= Slug.make(String(line)).utf8.count
        }
        blackHole(sink)
    }

    @inline(never)
    static func blackHole(_ value: Int) {
        withExtendedLifetime(value) {}
    }
}
