import ArgumentParser
import Foundation
import TeigenContent
import TeigenCore
import TeigenMarkdown
import TeigenTools

/// What `teigen markdown` was asked to do: the file (standard input when nil) and the command's flags, as
/// `MarkdownCommand` declares them.
struct MarkdownInvocation: Equatable {
    var file: String?
    var smart = false
    var safe = false
    var hardBreaks = false
    var noExtensions = false
    var noCJKFriendly = false
    var headingAnchors = false
    var math = false
    var noHighlight = false
    var language = "en"
    var timings = false

    /// Prints the file's HTML, then its issues on standard error; exits with 1 when the file cannot be read.
    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let source: [UInt8]
        if let file {
            // Bytes, not a String: libcmark checks the UTF-8 as it reads.
            do {
                source = try DiskFileSystem().readBytes(file)
            } catch {
                FileHandle.standardError.write(Data("\(file): error: \(error.reason)\n".utf8))
                throw ExitCode(1)
            }
        } else {
            source = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        let read = clock.now - start
        let words = I18nTable.builtIn(language: language)
        var options = MarkdownOptions(
            smartPunctuation: smart, allowRawHTML: !safe, hardBreaks: hardBreaks, extensions: !noExtensions,
            cjkFriendlyEmphasis: !noCJKFriendly, headingAnchors: headingAnchors, math: math)
        options.headingAnchorLabel = words["heading.anchor"] ?? options.headingAnchorLabel
        options.footnoteBacklinkLabel = words["footnote.backlink"] ?? options.footnoteBacklinkLabel
        let renderer = MarkdownRenderer(options: options)
        var rendered = renderer.render(utf8: source, includingText: false)
        var toolTime = Duration.zero
        if timings {
            // libcmark alone (parse, render and free, no passes), then the whole conversion: each run four
            // times in a row, the best of the last three kept (the first of each series also pays for the
            // blocks the other one freed).
            // The stages of the best whole conversion are listed.
            var plainOptions = options
            plainOptions.extensions = false
            let plain = MarkdownRenderer(options: plainOptions)
            func bestOfSeries(_ renderer: MarkdownRenderer) -> (time: Duration, stages: [MarkdownStageTime]) {
                var best = (time: Duration.seconds(3600), stages: [MarkdownStageTime]())
                for run in 0..<4 {
                    let stages: [MarkdownStageTime]
                    (rendered, stages) = renderer.renderTimed(utf8: source, includingText: false)
                    let time = stages.reduce(Duration.zero) { $0 + $1.duration }
                    if run > 0, time < best.time { best = (time, stages) }
                }
                return best
            }
            let (libcmarkTime, plainStages) = bestOfSeries(plain)
            let (wholeTime, stages) = bestOfSeries(renderer)  // last: `rendered` is a whole conversion again
            let toolStart = clock.now
            rendered = await highlighted(rendered)
            toolTime = clock.now - toolStart
            let best = (libcmark: libcmarkTime, whole: wholeTime)
            // Teigen's own passes: its stages other than those libcmark alone has too (parse, render, free).
            let passes = stages.filter { $0.isPass }.reduce(Duration.zero) { $0 + $1.duration }
            let list = { (stages: [MarkdownStageTime]) in
                stages.map { "  \($0.name): \(Self.milliseconds($0.duration))" }.joined(separator: "\n")
            }
            FileHandle.standardError.write(Data("""
                read: \(Self.milliseconds(read))
                libcmark parse + render: \(Self.milliseconds(best.libcmark))
                \(list(plainStages))
                whole conversion: \(Self.milliseconds(best.whole))
                \(list(stages))
                our passes: \(Self.milliseconds(passes)) (the stages other than parse, render HTML and free trees; \(String(format: "%.2f", passes / best.libcmark))x libcmark alone)
                whole conversion less libcmark alone: \(Self.milliseconds(best.whole - best.libcmark))
                highlight code and math (one run of each tool, no cache): \(Self.milliseconds(toolTime))

                """.utf8))
        }
        if !timings { rendered = await highlighted(rendered) }
        var html = rendered.html
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            FileHandle.standardOutput.write(
                Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
        for issue in rendered.issues {
            let kind = issue.severity == .error ? "error" : "warning"
            FileHandle.standardError.write(Data("\(file ?? "<stdin>"):\(issue.line):\(issue.column): \(kind): \(issue.message)\n".utf8))
        }
        // A one-shot process: leave without releasing the HTML and the source, which costs time and
        // changes nothing (with glibc's malloc, in debug builds, releasing a large block first sorted out
        // every small block freed before it, 20 ms on a 5 MB document; cmark exits right after freeing).
        withExtendedLifetime((source, html, rendered)) { exit(0) }
    }

    /// `rendered` with its code highlighted and its formulas made MathML (each tool run once, nothing cached),
    /// the tools' warnings added to its issues.
    private func highlighted(_ rendered: RenderedMarkdown) async -> RenderedMarkdown {
        guard !rendered.fragments.isEmpty else { return rendered }
        let python = ProcessInfo.processInfo.environment["TEIGEN_PYTHON"] ?? "python3"
        let tools = FragmentTools(
            highlighter: PygmentsHighlighter(python: python), math: LaTeXMathConverter(python: python),
            highlightCache: ToolCache(directory: nil), mathCache: ToolCache(directory: nil))
        var settings = MarkdownSettings()
        settings.highlight = !noHighlight
        let fragments = BodyFragments(tools: tools, settings: settings)
        var memory = FragmentTools.Memory()
        let outcome = await fragments.replacements(for: [rendered.fragments], memory: &memory)
        var result = rendered.replacingFragments(outcome.replacements[0])
        result.issues = (result.issues + outcome.issues[0]).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return result
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}

extension MarkdownInvocation {
    /// The arguments after `markdown`, read directly when each is one of the command's flags (once), `--lang`
    /// with its value (`--lang ja` or `--lang=ja`, once) or the file (once, not starting with `-`); nil for
    /// anything else (`--help`, `--`, an unknown or repeated flag, a second file), which `Teigen.main` then
    /// leaves to swift-argument-parser for its errors and help. `MarkdownInvocationTests` holds this to
    /// what swift-argument-parser reads from the same arguments. Why there are two readers: README
    /// "Architecture".
    init?(arguments: some Collection<String>) {
        self.init()
        let flags: [String: WritableKeyPath<MarkdownInvocation, Bool>] = [
            "--smart": \.smart, "--safe": \.safe, "--hardbreaks": \.hardBreaks, "--no-extensions": \.noExtensions,
            "--no-cjk-friendly": \.noCJKFriendly, "--heading-anchors": \.headingAnchors, "--math": \.math,
            "--no-highlight": \.noHighlight, "--timings": \.timings,
        ]
        var seen = Set<String>()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            let (name, inlineValue) = Self.split(argument)
            guard seen.insert(argument.hasPrefix("-") ? name : "file").inserted else { return nil }
            if let flag = flags[name], inlineValue == nil {
                self[keyPath: flag] = true
            } else if name == "--lang", let value = inlineValue ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") {
                language = value
            } else if !argument.isEmpty, !argument.hasPrefix("-") {
                file = argument
            } else {
                return nil
            }
        }
    }

    /// `--name=value` as the name and the value; any other argument as itself and nil.
    private static func split(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
