import ArgumentParser

/// `teigen markdown`: prints the HTML of one Markdown file through exactly the pipeline pages use.
struct MarkdownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Prints the HTML of a Markdown file (or standard input), as a page body would contain it.")

    @Argument(help: "The Markdown file; standard input when left out.")
    var file: String?

    @Flag(name: .long, help: "Smart punctuation (as cmark --smart).")
    var smart = false

    @Flag(name: .customLong("safe"), help: "Strips raw HTML (as cmark without --unsafe).")
    var safe = false

    @Flag(name: .customLong("hardbreaks"), help: "Renders soft line breaks as <br />.")
    var hardBreaks = false

    @Flag(name: .customLong("no-extensions"), help: "Plain libcmark output: no footnotes, tables, strikethrough, task lists, autolinks, CJK-friendly emphasis, heading ids or Japanese line breaks.")
    var noExtensions = false

    @Flag(name: .customLong("no-cjk-friendly"), help: "CommonMark's emphasis rules, without the CJK-friendly amendments.")
    var noCJKFriendly = false

    @Flag(name: .customLong("heading-anchors"), help: "Adds a self-link to each heading.")
    var headingAnchors = false

    @Flag(name: .long, help: "$…$, $$…$$ and math blocks become MathML (latex2mathml), as with markdown: {math: true}.")
    var math = false

    @Flag(name: .customLong("no-highlight"), help: "Leaves code blocks plain, as with markdown: {highlight: false}.")
    var noHighlight = false

    @Option(name: .customLong("lang"), help: "The language of the page (a BCP 47 tag such as ja or en): the words of the accessible labels of footnote back-links and heading anchors, as Teigen writes them for a page in that language (Japanese for ja, English otherwise).")
    var language = "en"

    @Flag(name: .customLong("timings"), help: .hidden)
    var timings = false

    /// The file and the flags as one plain value.
    var invocation: MarkdownInvocation {
        MarkdownInvocation(
            file: file, smart: smart, safe: safe, hardBreaks: hardBreaks, noExtensions: noExtensions,
            noCJKFriendly: noCJKFriendly, headingAnchors: headingAnchors, math: math, noHighlight: noHighlight,
            language: language, timings: timings)
    }

    func run() async throws {
        try await invocation.run()
    }
}
