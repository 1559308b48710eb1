#if os(Linux)
import Foundation
import Testing

/// Runs the real `teigen serve` on a temporary site.
/// (and build the `teigen` product first; `TEIGEN_BINARY` overrides where it is looked for).
@Suite("teigen serve, end to end")
struct EndToEndTests {
    @Test("edit a page, break its front matter, fix it: reload, error, reload")
    func editBreakFix() async throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let page = site.appendingPathComponent("content/_index.md")
        try Self.writeSite(in: folder.url)

        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--source", site.path]
        process.currentDirectoryURL = folder.url
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let output = OutputCollector(standardOutput.fileHandleForReading)
        let errors = OutputCollector(standardError.fileHandleForReading)

        let serving = try await output.line(startingWith: "Serving at ")
        let url = try #require(URL(string: String(serving.dropFirst("Serving at ".count))))
        let port = try #require(url.port)
        let basePath = url.path.hasSuffix("/") ? url.path : url.path + "/"
        #expect(url.host == "127.0.0.1")

        let events = try EventStreamClient(host: "127.0.0.1", port: port, path: basePath + "__teigen/events")
        #expect(try await events.next("hello").json["build"] != nil)
        let first = try await TestHTTP.get(basePath, host: "127.0.0.1", port: port)
        #expect(first.status == 200)
        #expect(first.text.contains("Hello from the first build."))
        #expect(first.text.contains("__teigen/live-reload.js"))

        try Self.home(title: "Home", body: "Hello after an edit.").write(to: page, atomically: false, encoding: .utf8)
        _ = try await events.next("reload")
        let edited = try await TestHTTP.get(basePath, host: "127.0.0.1", port: port)
        #expect(edited.text.contains("Hello after an edit."))

        try "---\ntitle: [unclosed\n---\nBroken.\n".write(to: page, atomically: false, encoding: .utf8)
        let error = try await events.next("error")
        let message = try #require(error.json["message"] as? String)
        #expect(message.contains("_index.md:"))
        #expect(message.contains("error:"))
        _ = try await errors.line(containing: "_index.md:")
        let stillGood = try await TestHTTP.get(basePath, host: "127.0.0.1", port: port)
        #expect(stillGood.status == 200)
        #expect(stillGood.text.contains("Hello after an edit."))

        try Self.home(title: "Home", body: "Fixed.").write(to: page, atomically: false, encoding: .utf8)
        _ = try await events.next("reload")
        let fixed = try await TestHTTP.get(basePath, host: "127.0.0.1", port: port)
        #expect(fixed.text.contains("Fixed."))

        process.interrupt()
        let deadline = ContinuousClock.now.advanced(by: Liveness.bound)
        while process.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!process.isRunning)
        if !process.isRunning {
            #expect(process.terminationStatus == 0)
        }
        try await events.waitForEnd()
    }

    /// The `teigen` binary built beside this test bundle, or `TEIGEN_BINARY`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TEIGEN_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("teigen")
    }

    static func home(title: String, body: String) -> String {
        "---\ntitle: \(title)\n---\n\(body)\n"
    }

    static func writeSite(in root: URL) throws {
        let files: [String: String] = [
            "site/config.yaml": "title: End to end\nbaseURL: http://localhost/\n",
            "site/content/_index.md": home(title: "Home", body: "Hello from the first build."),
            "theme/templates/home.mustache": template,
            "theme/templates/page.mustache": template,
            "theme/templates/section.mustache": template,
            "theme/templates/404.mustache": template,
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static let template = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>{{page.title}}</title></head>
        <body><h1>{{page.title}}</h1>{{{page.content}}}</body></html>

        """
}

/// Collects the lines a process writes to a pipe (read on a dedicated thread).
actor OutputCollector {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var lines: [String] = []

    init(_ handle: FileHandle) {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let thread = Thread {
            var pending = Data()
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                pending.append(data)
                while let newline = pending.firstIndex(of: 10) {
                    continuation.yield(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending = Data(pending[(newline + 1)...])
                }
            }
            if !pending.isEmpty { continuation.yield(String(decoding: pending, as: UTF8.self)) }
            continuation.finish()
        }
        thread.start()
        Task { await self.collect(stream) }
    }

    private func collect(_ stream: AsyncStream<String>) async {
        for await line in stream {
            lines.append(line)
        }
    }

    func line(startingWith prefix: String) async throws -> String {
        try await line(described: "starting with \(prefix)") { $0.hasPrefix(prefix) }
    }

    func line(containing text: String) async throws -> String {
        try await line(described: "containing \(text)") { $0.contains(text) }
    }

    /// The first line that `matches`, waiting for it at most the liveness bound.
    private func line(described: String, _ matches: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now.advanced(by: Liveness.bound)
        while ContinuousClock.now < deadline {
            if let line = lines.first(where: matches) { return line }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Timeout(description: "no line \(described) within \(Liveness.bound); got \(lines)")
    }
}
#endif
