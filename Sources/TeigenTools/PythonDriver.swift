import Foundation

/// Runs Teigen's small Python driver for Pygments and latex2mathml: one process per call, every request
/// of the call in one JSON document on its standard input, the answers in one on its standard output.
///
/// The driver is kept here, in the binary, so that `teigen` needs no files beside it; it is run with
/// `python3 -c` (the interpreter found on `PATH`, or `TEIGEN_PYTHON`).
struct PythonDriver: Sendable {
    /// The interpreter: a name looked up on `PATH`, or a path.
    var python: String

    /// Bumped when the driver's output changes: part of every cache key.
    static let version = 1

    /// The driver's result for each of `requests` in `mode` (`highlight`, `math`), in order.
    func results<Request: Encodable, Result: Decodable>(_ mode: String, for requests: [Request]) async throws(ToolUnavailable) -> [Result] {
        guard !requests.isEmpty else { return [] }
        let answer: Answer<Result> = try await run(mode, Requests(requests: requests))
        guard answer.results.count == requests.count else {
            throw ToolUnavailable(reason: "the driver answered \(answer.results.count) results for \(requests.count) requests")
        }
        return answer.results
    }

    private struct Requests<Request: Encodable>: Encodable {
        var requests: [Request]
    }

    private struct Answer<Result: Decodable>: Decodable {
        var results: [Result]
    }

    /// Sends `request` to the driver in `mode`; returns the decoded answer.
    private func run<Request: Encodable, Reply: Decodable>(_ mode: String, _ request: Request) async throws(ToolUnavailable) -> Reply {
        let input: Data
        do { input = try JSONEncoder().encode(request) } catch { throw ToolUnavailable(reason: "cannot encode the request: \(error)") }
        let (status, output, errors) = try await execute(mode: mode, input: input)
        if let unavailable = try? JSONDecoder().decode(Unavailable.self, from: output) {
            throw ToolUnavailable(reason: unavailable.unavailable)
        }
        guard status == 0 else {
            let message = String(decoding: errors, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit status \(status)"
            throw ToolUnavailable(reason: status == 127 ? "\(python) is not installed" : message)
        }
        do {
            return try JSONDecoder().decode(Reply.self, from: output)
        } catch {
            throw ToolUnavailable(reason: "the driver's answer cannot be read: \(error)")
        }
    }

    private struct Unavailable: Decodable {
        var unavailable: String
    }

    /// Runs the process on a thread of its own (the build's cooperative threads stay free), its input read
    /// from a temporary file, its output read to the end; stops it when the task is cancelled.
    ///
    /// The input goes through a file rather than a pipe: a driver that exits before reading (no Python) would
    /// otherwise make the write raise SIGPIPE, which ends the whole process on Linux.
    private func execute(mode: String, input: Data) async throws(ToolUnavailable) -> (Int32, Data, Data) {
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-\(mode)-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", Self.source, mode]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try input.write(to: inputFile)
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
            try process.run()
        } catch {
            throw ToolUnavailable(reason: "cannot start \(python): \(error.localizedDescription)")
        }
        // The driver writes little to standard error (a traceback at most), so reading its standard output to
        // the end first cannot leave it blocked on a full error pipe.
        let result: (Int32, Data, Data) = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    let output = stdout.fileHandleForReading.readDataToEndOfFile()
                    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, output, errors))
                }
            }
        } onCancel: {
            process.terminate()
        }
        return result
    }

    /// The driver. Reads `{"requests": [...]}`; answers `{"version": …, "results": [...]}`, or
    /// `{"unavailable": reason}` when its library cannot be imported.
    static let source = #"""
from html import escape
from json import dump, load
from re import search
from sys import argv, stdin, stdout


def highlight(requests):
    try:
        from pygments import __version__, highlight as pygmentize
        from pygments.formatters.html import HtmlFormatter
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound
    except ImportError as error:
        return {"unavailable": "Pygments is not installed (%s)" % error}
    results = []
    for request in requests:
        language = request["language"]
        options = request["options"]
        try:
            lexer = get_lexer_by_name(language or "text", stripnl=False, ensurenl=True)
        except ClassNotFound:
            results.append({"unknownLanguage": {}})
            continue
        lines = []
        for bounds in options.get("highlightedLines", []):
            lines.extend(range(bounds[0], bounds[1] + 1))
        numbers = options.get("lineNumbers", "none")
        formatter = HtmlFormatter(
            linenos=False if numbers == "none" else numbers,
            linenostart=options.get("firstLineNumber", 1),
            hl_lines=lines,
            lineanchors=options.get("lineAnchors") or "",
            anchorlinenos=options.get("anchorLineNumbers", False),
            wrapcode=True,
        )
        out = pygmentize(request["code"], lexer, formatter).rstrip("\n") + "\n"
        name = escape(language or "text", quote=True)
        out = out.replace(
            "<pre><span></span><code>",
            '<pre tabindex="0"><code class="language-%s" data-lang="%s">' % (name, name),
            1,
        )
        results.append({"html": {"_0": out}})
    return {"version": __version__, "results": results}


def math(requests):
    try:
        from latex2mathml.converter import convert
    except ImportError as error:
        return {"unavailable": "latex2mathml is not installed (%s)" % error}
    results = []
    for request in requests:
        try:
            out = convert(request["tex"], display="block" if request["display"] else "inline")
        except Exception as error:  # the converter raises many kinds for bad input
            message = str(error) or "incomplete formula"
            results.append({"problem": {"_0": "%s (%s)" % (message, type(error).__name__)}})
            continue
        unknown = search(r">(\\[A-Za-z]+)<", out)
        if unknown:
            results.append({"problem": {"_0": "unknown command %s" % unknown.group(1)}})
            continue
        results.append({"mathML": {"_0": out}})
    return {"version": "latex2mathml", "results": results}


def main():
    mode = argv[1]
    requests = load(stdin)["requests"]
    answer = highlight(requests) if mode == "highlight" else math(requests)
    dump(answer, stdout, ensure_ascii=False)


main()
"""#
}
