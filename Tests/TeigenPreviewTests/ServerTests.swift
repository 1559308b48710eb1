import Foundation
import Hummingbird
import HummingbirdTesting
import TeigenBuild
import Testing

#if os(Linux)
import Glibc
#endif

@testable import TeigenPreview

@Suite("The preview server")
struct ServerTests {
    @Test func printedURL() {
        #expect(PreviewServer.url(host: "127.0.0.1", port: 8000, basePath: "/teigen/") == "http://127.0.0.1:8000/teigen/")
        #expect(PreviewServer.url(host: "::1", port: 8000, basePath: "/") == "http://[::1]:8000/")
    }

    #if os(Linux)
    @Test("a port in use is a clear error, before anything is built")
    func portInUse() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(listener, raw, length) == 0, listen(listener, 1) == 0, getsockname(listener, raw, &length) == 0 else {
                    throw RawHTTPConnection.Failure(description: "cannot listen")
                }
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let source = FakeSiteSource(TestSnapshots.site())
        let server = PreviewServer(configuration: .init(host: "127.0.0.1", port: port), source: source, console: .silent)
        await #expect(throws: PreviewError.addressInUse(host: "127.0.0.1", port: port)) {
            try await server.run()
        }
        // Reported before any build work.
        #expect(await source.requests.isEmpty)
        #expect(PreviewError.addressInUse(host: "127.0.0.1", port: port).description.contains("already in use"))
    }

    @Test("watch → debounce → rebuild → reload, in one process; temporary files do not rebuild")
    func wholeServer() async throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let theme = folder.url.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("templates"), withIntermediateDirectories: true)
        let source = FakeSiteSource(TestSnapshots.site())
        let output = ConsoleRecorder()
        let (lines, linesContinuation) = AsyncStream.makeStream(of: String.self)
        let console = PreviewConsole(
            info: { line in
                linesContinuation.yield(line)
                output.console.info(line)
            }, error: output.console.error)
        let server = PreviewServer(
            configuration: .init(host: "127.0.0.1", port: 0, watchedFolders: [site, theme], debounceDelay: .milliseconds(50)),
            source: source, console: console)
        let running = Task { try await server.run() }
        defer { running.cancel() }

        let url = try await Self.servingURL(in: lines)
        let port = try #require(url.port)
        #expect(url.host == "127.0.0.1")

        let events = try EventStreamClient(host: "127.0.0.1", port: port, path: "/__teigen/events")
        #expect(try await events.next().name == "hello")
        #expect(await source.requests == [nil])

        // An editor's temporary file, then the page: rebuilds for the page alone. Had the temporary file
        // counted, it would have had a rebuild of its own (before the page's) or been among the page's paths.
        await source.succeed(with: TestSnapshots.site(title: "Edited"))
        try Data("x".utf8).write(to: site.appendingPathComponent("content/.index.md.swp"))
        let page = site.appendingPathComponent("content/_index.md")
        try Data("---\ntitle: Edited\n---\n".utf8).write(to: page)
        #expect(try await events.next("reload").json["build"] != nil)
        let rebuilds = await source.requests.dropFirst()
        #expect(!rebuilds.isEmpty && rebuilds.allSatisfy { $0 == Set([page.path]) }, "\(rebuilds)")
        let response = try await TestHTTP.get("/", host: "127.0.0.1", port: port)
        #expect(response.status == 200)
        #expect(response.text.contains("<h1>Edited</h1>"))

        await source.fail(with: TestSnapshots.frontMatterError)
        try Data("---\ntitle: [oops\n---\n".utf8).write(to: page)
        let error = try await events.next("error")
        #expect((error.json["message"] as? String)?.contains("content/_index.md:2:8") == true)

        // Cancelling stops the server, which ends the event streams.
        running.cancel()
        _ = await running.result
        try await events.waitForEnd()
        #expect(await output.lines().contains("stderr: " + TestSnapshots.frontMatterError.description))
    }

    @Test("a newer change cancels the build still running, and so does stopping the server", .timeLimit(Liveness.testLimit))
    func newerChangeCancels() async throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        let source = FakeSiteSource(TestSnapshots.site())
        let (lines, linesContinuation) = AsyncStream.makeStream(of: String.self)
        let console = PreviewConsole(info: { linesContinuation.yield($0) }, error: { linesContinuation.yield($0) })
        let server = PreviewServer(
            configuration: .init(host: "127.0.0.1", port: 0, watchedFolders: [site], debounceDelay: .milliseconds(50)),
            source: source, console: console)
        let running = Task { try await server.run() }
        defer { running.cancel() }
        let port = try #require(try await Self.servingURL(in: lines).port)
        let events = try EventStreamClient(host: "127.0.0.1", port: port, path: "/__teigen/events")
        #expect(try await events.next().name == "hello")

        // A build that would run for an hour, overtaken by a newer change.
        await source.behave(.runForever)
        try Data("a".utf8).write(to: site.appendingPathComponent("content/a.md"))
        try await Self.waitUntil("a build hanging after a.md") { await source.runningForever == 1 }
        await source.succeed(with: TestSnapshots.site(title: "Newer"))
        let second = site.appendingPathComponent("content/b.md")
        try Data("b".utf8).write(to: second)
        try await Self.waitUntil("a build with b.md, and none left hanging") {
            let requests = await source.requests
            let hanging = await source.runningForever
            return requests.contains { $0?.contains(second.path) == true } && hanging == 0
        }
        #expect(await source.cancellations >= 1)
        try await Self.waitUntil("the newer build served") {
            (try? await TestHTTP.get("/", host: "127.0.0.1", port: port))?.text.contains("<h1>Newer</h1>") == true
        }

        // Stopping the server while a build runs ends the build.
        await source.behave(.runForever)
        try Data("c".utf8).write(to: site.appendingPathComponent("content/c.md"))
        try await Self.waitUntil("a build hanging after c.md") { await source.runningForever == 1 }
        let cancelledBefore = await source.cancellations
        running.cancel()
        _ = await running.result
        #expect(await source.cancellations == cancelledBefore + 1)
        #expect(await source.runningForever == 0)
    }

    /// The URL of the first `Serving at …` line the server prints.
    static func servingURL(in lines: AsyncStream<String>) async throws -> URL {
        for await line in lines where line.hasPrefix("Serving at ") {
            if let url = URL(string: String(line.dropFirst("Serving at ".count))) { return url }
        }
        throw RawHTTPConnection.Failure(description: "the server never said where it serves")
    }

    /// Polls `condition` every 20 ms until it holds; throws after the liveness bound.
    static func waitUntil(_ what: String, _ condition: @Sendable () async -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: Liveness.bound)
        while !(await condition()) {
            guard ContinuousClock.now < deadline else { throw RawHTTPConnection.Failure(description: "never happened: \(what)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test("malformed and hostile requests get an error and do not stop the server")
    func hostileRequests() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.live) { client in
            let port = try #require(client.port)
            let requests = [
                "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET \\..\\..\\etc\\passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /a\u{0}b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /%c0%ae%c0%ae/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET http://x/../index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "NONSENSE\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "GET / HTTP/9.9\r\n\r\n",
            ]
            for request in requests {
                let response = try await TestHTTP.send(request, port: port)
                #expect(response.status != 200, "\(request.debugDescription) → \(response.status)")
                #expect(!response.text.contains("<h1>Home</h1>"))
                #expect(!response.text.contains("root:"))
            }
            // A client that never finishes its request does not block the others.
            let stalled = try RawHTTPConnection(host: "localhost", port: port)
            try stalled.send("GET / HTTP/1.1\r\nHost: x\r\n")
            let normal = try await TestHTTP.get("/", port: port)
            #expect(normal.status == 200)
            #expect(normal.text.contains("<h1>Home</h1>"))
            stalled.close()
        }
    }
    #endif
}
