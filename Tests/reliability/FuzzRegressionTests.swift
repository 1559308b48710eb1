import Foundation
import Testing
import TeigenContent
import TeigenCore
import TeigenMarkdown

/// Replays every fuzz input kept in the repository — the seeds (`Fuzz/corpus/<target>/`) and the inputs
/// that once crashed, hung or leaked (`Tests/Fixtures/fuzz-regressions/<target>/`) — through the same
/// calls as the libFuzzer targets in `Fuzz/`, without a sanitizer: none may trap.
///
/// Each target's inputs run in a child process (an exit test), so a crash fails this test and names the
/// input instead of ending the whole test run. `scripts/fuzz.sh` finds new inputs; see `Fuzz/README.md`.
@Suite("Fuzz regression inputs")
struct FuzzRegressionTests {
    @Test("the kept inputs exist")
    func inputsExist() throws {
        for target in FuzzInputs.targets {
            #expect(!FuzzInputs.files(for: target).isEmpty, "no inputs for \(target) under \(FuzzInputs.root.path)")
        }
    }

    @Test("front matter, config and data files: no input traps")
    func frontMatter() async throws {
        let passed = await #expect(processExitsWith: .success) {
            for file in FuzzInputs.files(for: "FuzzFrontMatter") {
                try FuzzInputs.announce(file, target: "FuzzFrontMatter")
                FrontMatterHarness.run(String(decoding: try Data(contentsOf: file), as: UTF8.self))
            }
        }
        FuzzInputs.report(target: "FuzzFrontMatter", passed: passed != nil)
    }

    @Test("Markdown and slugs: no input traps")
    func markdown() async throws {
        let passed = await #expect(processExitsWith: .success) {
            for file in FuzzInputs.files(for: "FuzzMarkdown") {
                try FuzzInputs.announce(file, target: "FuzzMarkdown")
                let bytes = [UInt8](try Data(contentsOf: file))
                bytes.withUnsafeBufferPointer { MarkdownHarness.run($0) }
            }
        }
        FuzzInputs.report(target: "FuzzMarkdown", passed: passed != nil)
    }
}

/// Where the kept fuzz inputs are.
enum FuzzInputs {
    static let targets = ["FuzzFrontMatter", "FuzzMarkdown"]

    /// The repository: `TEIGEN_SOURCE_ROOT`, or the first folder above this file holding `Fuzz/corpus`.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["TEIGEN_SOURCE_ROOT"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Fuzz/corpus").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// Every input of `target`, sorted: regression inputs first, then seeds. Reports (`*.log`) and
    /// READMEs are not inputs.
    static func files(for target: String) -> [URL] {
        let folders = ["Tests/Fixtures/fuzz-regressions/\(target)", "Fuzz/corpus/\(target)"]
        return folders.flatMap { folder -> [URL] in
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
            return walker.compactMap { $0 as? URL }
                .filter { url in
                    (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                        && url.pathExtension != "log" && !url.lastPathComponent.hasPrefix("README")
                }
                .sorted { $0.path < $1.path }
        }
    }

    /// The file in which the child process of an exit test notes the input it is about to run, so the
    /// parent can name the input that crashed it: keyed by the parent's process id and the target.
    static func progressFile(target: String, parent: Int32) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("teigen-fuzz-replay-\(parent)-\(target)")
    }

    /// Notes `file` as the input about to run (called in the exit test's child process).
    static func announce(_ file: URL, target: String) throws {
        try Data(file.path.utf8).write(to: progressFile(target: target, parent: getppid()))
    }

    /// Names the input that was running when the child process crashed, if it did (called in the parent).
    static func report(target: String, passed: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let progress = progressFile(target: target, parent: getpid())
        defer { try? FileManager.default.removeItem(at: progress) }
        guard !passed else { return }
        guard let data = try? Data(contentsOf: progress) else {
            Issue.record("an input of \(target) traps", sourceLocation: sourceLocation)
            return
        }
        let path = String(decoding: data, as: UTF8.self)
        Issue.record("\(path) traps; replay it under AddressSanitizer: Fuzz/.build/debug/\(target) \(path) (see Fuzz/README.md)", sourceLocation: sourceLocation)
    }
}

// The two harnesses below are copies of those in Fuzz/Sources/FuzzFrontMatter/FuzzFrontMatter.swift and
// Fuzz/Sources/FuzzMarkdown/FuzzMarkdown.swift; scripts/fuzz.sh fails when they differ.

enum FrontMatterHarness {
    static func run(_ text: String) {
        let sourcePath = "site/content/fuzz/page.md"
        var sink = 0

        // The whole page, as the build reads it; on success, its body rendered with the page's own
        // footnoteStart, as PageBodyRenderer does.
        do {
            let page = try SourcePage.parse(text, contentPath: "fuzz/page.md", sourcePath: sourcePath)
            sink &+= page.frontMatter.title.utf8.count &+ page.body.utf8.count &+ page.bodyFirstLine
            sink &+= page.frontMatter.keyLines.count &+ page.frontMatter.aliases.count
            var options = MarkdownOptions()
            options.footnoteStart = page.frontMatter.footnoteStart
            let rendered = MarkdownRenderer(options: options).render(page.body) { destination in
                destination.hasSuffix(".md") ? .broken("no page '\(destination)'") : .keep
            }
            sink &+= rendered.html.utf8.count
            for issue in rendered.issues {
                let location = SourceLocation(
                    path: sourcePath, line: issue.line &+ page.bodyFirstLine &- 1, column: issue.column)
                sink &+= Diagnostic.warning(issue.message, at: location, source: page.text).description.utf8.count
            }
        } catch {
            sink &+= error.description.utf8.count
        }

        // The splitter and decoder on their own (the splitter's contract is LF text without a BOM,
        // but nothing should trap on other text).
        do {
            let parts = try FrontMatterSplitter().split(text, path: sourcePath)
            sink &+= parts.yaml.utf8.count &+ parts.body.utf8.count
            do {
                sink &+= try FrontMatterDecoder().decode(parts.yaml, path: sourcePath, fileText: text).title.utf8.count
            } catch {
                sink &+= error.description.utf8.count
            }
        } catch {
            sink &+= error.description.utf8.count
        }
        do {
            sink &+= try FrontMatterDecoder().decode(text, path: sourcePath, fileText: text).title.utf8.count
        } catch {
            sink &+= error.description.utf8.count
        }

        // The same bytes as config.yaml (with and without --base-url) and as a data file.
        do {
            sink &+= try ConfigLoader.load(text, path: "site/config.yaml").baseURL.utf8.count
        } catch {
            sink &+= error.description.utf8.count
        }
        do {
            sink &+= try ConfigLoader.load(text, path: "site/config.yaml", baseURLOverride: "https://example.org/sub/")
                .title.utf8.count
        } catch {
            sink &+= error.description.utf8.count
        }
        do {
            if case .map(let entries) = try DataLoader().decode(text, path: "site/data/fuzz.yaml") { sink &+= entries.count }
        } catch {
            sink &+= error.description.utf8.count
        }
        blackHole(sink)
    }

    @inline(never)
    static func blackHole(_ value: Int) {
        withExtendedLifetime(value) {}
    }
}

enum MarkdownHarness {
    /// Options from the first byte: bit 0 smart punctuation, bit 1 raw HTML off, bit 2 hard breaks,
    /// bit 3 heading anchors, bit 4 Japanese labels with characters HTML must escape, bits 5–6 the first
    /// footnote number (1, 2, 500, 99 999), bit 7 a link rewriter (else none).
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
        let renderer = MarkdownRenderer(options: options(first))
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
