import Foundation
import Hummingbird
import HummingbirdTesting
import TeigenBuild
import TeigenCore
import Testing

@testable import TeigenPreview

@Suite("Live reload")
struct LiveReloadTests {
    @Test("the script goes into HTML responses only: before </body>, or at the end")
    func injection() async throws {
        let snapshot = TestSnapshots.site()
        let fixture = await PreviewFixture(snapshot).build()
        let tag = "<script src=\"/__teigen/live-reload.js\" data-base=\"/\" data-build=\"test-1\"></script>"
        try await fixture.application.test(.router) { client in
            let home = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(home.hasSuffix(tag + "</body></html>"))
            #expect(home.components(separatedBy: "live-reload.js").count == 2)
            let fragment = String(buffer: try await client.execute(uri: "/no-body.html", method: .get).body)
            #expect(fragment == "<p>fragment" + tag)
            let upper = String(buffer: try await client.execute(uri: "/upper.html", method: .get).body)
            #expect(upper == "<HTML><BODY><p>x</p>" + tag + "</BODY></HTML>")
            for path in ["css/style.3f2a9c1b.css", "js/site.js", "search.json", "sitemap.xml", "images/logo.svg", "robots.txt"] {
                let response = try await client.execute(uri: "/" + path, method: .get)
                #expect(Data(buffer: response.body) == snapshot.files[path], "\(path)")
            }
        }
    }

    @Test("the script is served as JavaScript, small, without inline code needs")
    func script() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/__teigen/live-reload.js", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(response.body.readableBytes < 6000)
            let source = String(buffer: response.body)
            for event in ["\"hello\"", "\"reload\"", "\"css\"", "\"error\""] {
                #expect(source.contains(event))
            }
            #expect(!source.contains("innerHTML"))
            #expect(!source.contains("setAttribute(\"style\""))
            #expect(try await client.execute(uri: "/__teigen/other", method: .get).status == .notFound)
        }
    }

    #if os(Linux)
    @Test("SSE: hello, reload after a new snapshot, css after a stylesheet-only change, error, reload after the fix")
    func events() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.live) { client in
            let port = try #require(client.port)
            let events = try EventStreamClient(port: port, path: "/__teigen/events")
            let hello = try await events.next()
            #expect(hello.name == "hello")
            #expect(hello.json["build"] as? String == "test-1")
            #expect(await events.status == 200)
            #expect(await events.headers["content-type"] == "text/event-stream; charset=utf-8")
            #expect(await events.headers["cache-control"] == "no-cache")

            // A page changes: reload.
            await fixture.source.succeed(with: TestSnapshots.site(title: "New title"))
            await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
            let reload = try await events.next()
            #expect(reload.name == "reload")
            #expect(reload.json["build"] as? String == "test-2")
            let page = try await client.execute(uri: "/", method: .get)
            #expect(String(buffer: page.body).contains("<h1>New title</h1>"))

            // Only the stylesheet changes (new fingerprint, pages link the new name): css.
            await fixture.source.succeed(with: TestSnapshots.site(title: "New title", stylesheet: "css/style.9b8c7d6e.css", css: "body{color:red}"))
            await fixture.rebuilder.rebuild(changedPaths: ["/theme/assets/css/style.css"])
            let css = try await events.next()
            #expect(css.name == "css")
            #expect(css.json["build"] as? String == "test-3")
            #expect(css.json["stylesheets"] as? [String: String] == ["/css/style.3f2a9c1b.css": "/css/style.9b8c7d6e.css"])

            // The build breaks: error, with the diagnostic as the terminal shows it.
            await fixture.source.fail(with: TestSnapshots.frontMatterError)
            await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
            let error = try await events.next()
            #expect(error.name == "error")
            let message = try #require(error.json["message"] as? String)
            #expect(message == "content/_index.md:2:8: error: unclosed flow sequence\ntitle: [oops\n       ^")
            let diagnostics = try #require(error.json["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.first?["path"] as? String == "content/_index.md")
            #expect(diagnostics.first?["line"] as? Int == 2)
            #expect(diagnostics.first?["column"] as? Int == 8)
            #expect(diagnostics.first?["sourceLine"] as? String == "title: [oops")

            // A page opened meanwhile gets the error on connecting.
            let late = try EventStreamClient(port: port, path: "/__teigen/events")
            #expect(try await late.next().name == "hello")
            #expect(try await late.next().name == "error")
            await late.close()

            // The fix: reload, even though the output is the same as before the error.
            await fixture.source.succeed(with: TestSnapshots.site(title: "New title", stylesheet: "css/style.9b8c7d6e.css", css: "body{color:red}"))
            await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
            let fixed = try await events.next()
            #expect(fixed.name == "reload")
            #expect(fixed.json["build"] as? String == "test-4")

            // No output change, no event: the next event is the next change's (a stylesheet's, test-5).
            await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
            await fixture.source.succeed(with: TestSnapshots.site(title: "New title", stylesheet: "css/style.0a1b2c3d.css", css: "body{color:blue}"))
            await fixture.rebuilder.rebuild(changedPaths: ["/theme/assets/css/style.css"])
            let next = try await events.next()
            #expect(next.name == "css")
            #expect(next.json["build"] as? String == "test-5")

            await fixture.hub.close()
            try await events.waitForEnd()
        }
        let lines = await fixture.console.lines()
        #expect(lines.contains { $0.contains("reloading pages") })
        #expect(lines.contains { $0.contains("swapping stylesheets") })
        #expect(lines.contains("stderr: " + TestSnapshots.frontMatterError.description))
    }

    @Test("SSE under a sub-path")
    func eventsUnderSubPath() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site(basePath: "/teigen/")).build()
        try await fixture.application.test(.live) { client in
            let events = try EventStreamClient(port: try #require(client.port), path: "/teigen/__teigen/events")
            #expect(try await events.next().name == "hello")
            await fixture.source.succeed(with: TestSnapshots.site(basePath: "/teigen/", title: "Other"))
            await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
            #expect(try await events.next().name == "reload")
            await fixture.source.succeed(with: TestSnapshots.site(basePath: "/teigen/", title: "Other", css: "p{margin:0}"))
            await fixture.rebuilder.rebuild(changedPaths: ["/theme/assets/css/style.css"])
            let css = try await events.next()
            #expect(css.json["stylesheets"] as? [String: String] == ["/teigen/css/style.3f2a9c1b.css": "/teigen/css/style.3f2a9c1b.css"])
            await fixture.hub.close()
        }
    }
    #endif

    @Test("before the first build is announced, a page gets no hello (it would reload while the site is built)")
    func noHelloBeforeTheFirstBuild() async throws {
        let hub = LiveReloadHub(heartbeatInterval: .seconds(60))
        var iterator = await hub.subscribe().makeAsyncIterator()
        await hub.publish(.reload(build: "b-1"))
        #expect(await iterator.next() == .reload(build: "b-1"))
        await hub.close()
    }

    @Test("the hub greets, broadcasts, forgets closed connections and ends streams on close")
    func hub() async throws {
        let hub = LiveReloadHub(heartbeatInterval: .milliseconds(50))
        await hub.publish(.reload(build: "b-1"))
        var first: AsyncStream<LiveReloadEvent>? = await hub.subscribe()
        let second = await hub.subscribe()
        #expect(await hub.subscriberCount == 2)
        await hub.publish(.reload(build: "b-2"))
        var iterator = second.makeAsyncIterator()
        #expect(await iterator.next() == .hello(build: "b-1"))
        #expect(await iterator.next() == .reload(build: "b-2"))
        #expect(await iterator.next() == .ping)
        first = nil
        #expect(first == nil)
        let deadline = ContinuousClock.now.advanced(by: Liveness.bound)
        while await hub.subscriberCount > 1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await hub.subscriberCount == 1)
        await hub.close()
        while let event = await iterator.next() {
            #expect(event == .ping)
        }
        var closed = await hub.subscribe().makeAsyncIterator()
        #expect(await closed.next() == nil)
    }

    @Test("events in the text/event-stream format, JSON on one line")
    func eventFormat() {
        #expect(LiveReloadEvent.reload(build: "x-1").serverSentEvent == "event: reload\ndata: {\"build\":\"x-1\"}\n\n")
        #expect(LiveReloadEvent.ping.serverSentEvent == ": ping\n\n")
        let error = LiveReloadEvent.error(build: "x-1", failure: BuildFailure(TestSnapshots.frontMatterError), text: OverlayText(language: "ja"))
            .serverSentEvent
        #expect(error.hasPrefix("event: error\ndata: {"))
        #expect(error.hasSuffix("}\n\n"))
        #expect(error.split(separator: "\n").count == 2)
    }
}

@Suite("What a rebuild changed")
struct SiteChangeTests {
    let page = Data("<link rel=\"stylesheet\" href=\"/css/style.3f2a9c1b.css\"><p>Hi</p>".utf8)

    @Test func nothing() {
        #expect(SiteChange.between(old: ["index.html": page], new: ["index.html": page]) == .none)
    }

    @Test func pageContent() {
        let other = Data("<link rel=\"stylesheet\" href=\"/css/style.3f2a9c1b.css\"><p>Bye</p>".utf8)
        #expect(SiteChange.between(old: ["index.html": page], new: ["index.html": other]) == .pages)
        #expect(SiteChange.between(old: ["index.html": page], new: ["index.html": page, "a.html": page]) == .pages)
        #expect(SiteChange.between(old: ["index.html": page, "a.png": page], new: ["index.html": page]) == .pages)
    }

    @Test func searchIndexAloneNeedsNoReload() {
        let old = ["index.html": page, "search-index/ja/meta.json": Data("1".utf8), "search-index/ja/pages/0.json": page]
        let new = ["index.html": page, "search-index/ja/meta.json": Data("2".utf8), "search-index/ja/pages/1.json": page]
        #expect(SiteChange.between(old: old, new: new) == .none)
        #expect(SiteChange.between(old: old, new: new, changed: ["search-index/ja/meta.json", "search-index/ja/pages/0.json"]) == .none)
        // With a page, it is a reload.
        var withPage = new
        withPage["index.html"] = Data("<p>new</p>".utf8)
        #expect(SiteChange.between(old: old, new: withPage) == .pages)
    }

    @Test func onlyTheNamedPathsAreCompared() {
        let other = Data("<p>other</p>".utf8)
        #expect(SiteChange.between(old: ["a.html": page, "b.html": page], new: ["a.html": page, "b.html": other], changed: ["b.html"]) == .pages)
        #expect(SiteChange.between(old: ["a.html": page], new: ["a.html": page, "c.html": page], changed: ["c.html"]) == .pages)
        #expect(SiteChange.between(old: ["a.html": page, "c.html": page], new: ["a.html": page], changed: ["c.html"]) == .pages)
        #expect(SiteChange.between(old: ["a.html": page], new: ["a.html": page], changed: ["a.html", "gone.html"]) == .none)
    }

    @Test func stylesheetWithoutFingerprint() {
        let old = ["index.html": page, "css/print.css": Data("a".utf8)]
        let new = ["index.html": page, "css/print.css": Data("b".utf8)]
        #expect(SiteChange.between(old: old, new: new) == .stylesheets(["css/print.css": "css/print.css"]))
    }

    @Test func fingerprintedStylesheetAndIntegrity() {
        let old: [String: Data] = [
            "index.html": Data("<link rel=\"stylesheet\" href=\"/css/style.3f2a9c1b.css\" integrity=\"sha384-AAAA+/==\"><p>Hi</p>".utf8),
            "css/style.3f2a9c1b.css": Data("a".utf8),
        ]
        let new: [String: Data] = [
            "index.html": Data("<link rel=\"stylesheet\" href=\"/css/style.9b8c7d6e.css\" integrity=\"sha384-BBBB\"><p>Hi</p>".utf8),
            "css/style.9b8c7d6e.css": Data("b".utf8),
        ]
        #expect(SiteChange.between(old: old, new: new) == .stylesheets(["css/style.3f2a9c1b.css": "css/style.9b8c7d6e.css"]))
    }

    @Test func stylesheetAndPageTogether() {
        let old: [String: Data] = ["index.html": page, "css/style.3f2a9c1b.css": Data("a".utf8)]
        let new: [String: Data] = [
            "index.html": Data("<link rel=\"stylesheet\" href=\"/css/style.9b8c7d6e.css\"><p>Changed</p>".utf8),
            "css/style.9b8c7d6e.css": Data("b".utf8),
        ]
        #expect(SiteChange.between(old: old, new: new) == .pages)
    }

    @Test func newStylesheet() {
        let old: [String: Data] = ["index.html": page]
        let new: [String: Data] = ["index.html": page, "css/extra.css": Data("b".utf8)]
        #expect(SiteChange.between(old: old, new: new) == .pages)
    }

    @Test func stems() {
        #expect(SiteChange.stem(of: "css/style.3f2a9c1b.css") == "css/style.css")
        #expect(SiteChange.stem(of: "css/style-3f2a9c1b.css") == "css/style.css")
        #expect(SiteChange.stem(of: "css/print.css") == "css/print.css")
        #expect(SiteChange.stem(of: "css/a.min.css") == "css/a.min.css")
    }
}
