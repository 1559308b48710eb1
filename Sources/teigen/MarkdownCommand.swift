import ArgumentParser
import Foundation
import TeigenMarkdown

/// `teigen markdown`: prints the HTML of one Markdown file through exactly the pipeline pages use.
struct MarkdownCommand: ParsableCommand {
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

    @Flag(name: .customLong("no-extensions"), help: "Plain libcmark output: no footnotes, tables, heading ids or Japanese line breaks.")
    var noExtensions = false

    @Flag(name: .customLong("heading-anchors"), help: "Adds a self-link to each heading.")
    var headingAnchors = false

    func run() throws {
        let data: Data
        if let file {
            guard let read = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file): error: cannot read file\n".utf8))
                throw ExitCode(1)
            }
            data = read
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let source = String(decoding: data, as: UTF8.self)
        let options = MarkdownOptions(
            smartPunctuation: smart, allowRawHTML: !safe, hardBreaks: hardBreaks, extensions: !noExtensions,
            headingAnchors: headingAnchors)
        let rendered = MarkdownRenderer(options: options).render(source)
        FileHandle.standardOutput.write(Data(rendered.html.utf8))
        for issue in rendered.issues {
            let kind = issue.severity == .error ? "error" : "warning"
            FileHandle.standardError.write(Data("\(file ?? "<stdin>"):\(issue.line):\(issue.column): \(kind): \(issue.message)\n".utf8))
        }
    }
}
