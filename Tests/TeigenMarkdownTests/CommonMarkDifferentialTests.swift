import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TeigenMarkdown

/// For Markdown that uses no extension, Teigen's HTML is libcmark's, byte for byte: compared with the
/// `cmark` program itself over `Fixtures/markdown/commonmark/*.md` (every CommonMark construct, and text
/// that only looks like an extension: pipes in paragraphs, `[^` in prose, `{#` in headings).
///
/// Heading ids are always added, so `<hN id="…">` is normalised to `<hN>` before comparing; nothing
/// else is changed. Skipped, with a message, when `/usr/bin/cmark` is not installed.
@Suite struct CommonMarkDifferentialTests {
    static let cmark = "/usr/bin/cmark"
    static var hasCmark: Bool { FileManager.default.isExecutableFile(atPath: cmark) }

    /// (our options, cmark's flags) pairs compared.
    static let variants: [(String, MarkdownOptions, [String])] = [
        ("default", MarkdownOptions(), ["--unsafe"]),
        ("smart", MarkdownOptions(smartPunctuation: true), ["--unsafe", "--smart"]),
        ("safe", MarkdownOptions(allowRawHTML: false), []),
        ("hardbreaks", MarkdownOptions(hardBreaks: true), ["--unsafe", "--hardbreaks"]),
        ("no extensions", MarkdownOptions(extensions: false), ["--unsafe"]),
    ]

    @Test func corpusIsBroad() {
        #expect(FixtureFiles.commonMarkCases.count >= 20)
    }

    @Test(.enabled(if: hasCmark, "/usr/bin/cmark is not installed: install Debian's `cmark` package"),
        arguments: FixtureFiles.commonMarkCases)
    func matchesLibcmark(_ name: String) throws {
        let markdown = try FixtureFiles.read("\(name).md", in: "commonmark")
        for (label, options, flags) in Self.variants {
            let expected = try Self.runCmark(flags, input: markdown)
            let ours = MarkdownRenderer(options: options).render(markdown).html
            let normalised = options.extensions ? Self.removingHeadingIDs(ours) : ours
            #expect(normalised == expected, "\(name).md with \(label) options")
        }
    }

    /// Large documents are written straight into the String's reserved storage; HTML longer than that
    /// (here `&` escaped five times over) moves to a buffer of its own midway. Both must be libcmark's.
    @Test(.enabled(if: hasCmark, "/usr/bin/cmark is not installed: install Debian's `cmark` package"),
        arguments: [
            String(repeating: "Plain text with *emphasis* and `code`, 日本語の文。\n\n", count: 8_000),
            String(repeating: "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&\n\n", count: 5_000),
        ])
    func largeDocumentsMatchLibcmark(_ markdown: String) throws {
        #expect(markdown.utf8.count > 262_144)
        let expected = try Self.runCmark(["--unsafe"], input: markdown)
        #expect(MarkdownRenderer().render(markdown).html == expected)
        #expect(MarkdownRenderer().render(utf8: Array(markdown.utf8)).html == expected)
    }

    @Test func noExtensionsMeansNoIDs() {
        #expect(MarkdownRenderer(options: MarkdownOptions(extensions: false)).render("## A").html == "<h2>A</h2>\n")
    }

    /// `<h2 id="x">` → `<h2>`.
    static func removingHeadingIDs(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
    }

    /// Runs `cmark` on `input` (through a temporary file and `popen`, which leaves nothing behind for
    /// the leak sanitizer, unlike Foundation's `Process`).
    static func runCmark(_ flags: [String], input: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-cmark-\(UUID().uuidString).md")
        try Data(input.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let command = ([cmark] + flags + [file.path]).map { "'\($0)'" }.joined(separator: " ")
        guard let pipe = popen(command, "r") else { throw CocoaError(.fileReadUnknown) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, pipe) }
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        pclose(pipe)
        return String(decoding: output, as: UTF8.self)
    }
}
