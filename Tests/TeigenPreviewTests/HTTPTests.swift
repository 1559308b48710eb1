import Foundation
import Hummingbird
import HummingbirdTesting
import TeigenBuild
import Testing

@testable import TeigenPreview

@Suite("Serving the snapshot over HTTP")
struct HTTPTests {
    static let types: [(String, String)] = [
        ("/", "text/html; charset=utf-8"),
        ("/css/style.3f2a9c1b.css", "text/css; charset=utf-8"),
        ("/js/site.js", "text/javascript; charset=utf-8"),
        ("/images/logo.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/feed.atom", "application/atom+xml; charset=utf-8"),
        ("/search.json", "application/json"),
        ("/site.webmanifest", "application/manifest+json"),
        ("/fonts/mincho.woff2", "font/woff2"),
        ("/images/a.png", "image/png"),
        ("/images/b.jpg", "image/jpeg"),
        ("/images/c.jpeg", "image/jpeg"),
        ("/images/d.gif", "image/gif"),
        ("/images/e.webp", "image/webp"),
        ("/favicon.ico", "image/x-icon"),
        ("/docs/report.pdf", "application/pdf"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ]

    @Test("Content-Type by extension", arguments: types)
    func contentType(path: String, type: String) async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == type)
            #expect(response.headers[.cacheControl] == "no-cache")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test("a strong ETag from the content; 304 on If-None-Match")
    func entityTags() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let first = try await client.execute(uri: "/js/site.js", method: .get)
            let tag = try #require(first.headers[.eTag])
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
            #expect(!tag.hasPrefix("W/"))
            #expect(tag == EntityTag(content: Data("console.log('hi')".utf8)).description)

            for header in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
                let cached = try await client.execute(uri: "/js/site.js", method: .get, headers: [.ifNoneMatch: header])
                #expect(cached.status == .notModified, "If-None-Match: \(header)")
                #expect(cached.body.readableBytes == 0)
                #expect(cached.headers[.eTag] == tag)
            }
            let stale = try await client.execute(uri: "/js/site.js", method: .get, headers: [.ifNoneMatch: "\"other\""])
            #expect(stale.status == .ok)
            #expect(String(buffer: stale.body) == "console.log('hi')")
        }
    }

    @Test("a page's ETag changes with every build (the page embeds the build id)")
    func pageTagsFollowBuilds() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        let app = fixture.application
        let before = try await app.test(.router) { try await $0.execute(uri: "/", method: .get).headers[.eTag] }
        await fixture.source.succeed(with: TestSnapshots.site(title: "Changed"))
        await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
        try await app.test(.router) { client in
            let after = try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: before ?? ""])
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != before)
            #expect(String(buffer: after.body).contains("<h1>Changed</h1>"))
        }
    }

    @Test("HEAD: the headers of GET, no body")
    func head() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let get = try await client.execute(uri: "/digits.txt", method: .get)
            let head = try await client.execute(uri: "/digits.txt", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == "10")
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == get.headers[.contentType])
            let page = try await client.execute(uri: "/proposals/1/", method: .head)
            #expect(page.status == .ok)
            #expect(page.body.readableBytes == 0)
            #expect(page.headers[.contentLength] == String(try await client.execute(uri: "/proposals/1/", method: .get).body.readableBytes))
        }
    }

    @Test("Range: 206 for a single range, 416 when unsatisfiable, 200 for several ranges")
    func ranges() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let cases: [(String, String, String)] = [
                ("bytes=0-3", "0123", "bytes 0-3/10"),
                ("bytes=7-", "789", "bytes 7-9/10"),
                ("bytes=-2", "89", "bytes 8-9/10"),
                ("bytes=5-100", "56789", "bytes 5-9/10"),
            ]
            for (range, body, contentRange) in cases {
                let response = try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: range])
                #expect(response.status == .partialContent, "\(range)")
                #expect(String(buffer: response.body) == body)
                #expect(response.headers[.contentRange] == contentRange)
                #expect(response.headers[.contentLength] == String(body.count))
            }
            for range in ["bytes=10-", "bytes=20-30", "bytes=-0"] {
                let response = try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: range])
                #expect(response.status == .rangeNotSatisfiable, "\(range)")
                #expect(response.headers[.contentRange] == "bytes */10")
            }
            for range in ["bytes=0-1,4-5", "items=0-3", "bytes=5-2", "bytes=abc"] {
                let response = try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: range])
                #expect(response.status == .ok, "\(range)")
                #expect(String(buffer: response.body) == "0123456789")
            }
            let tag = try #require(try await client.execute(uri: "/digits.txt", method: .head).headers[.eTag])
            let matching = try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: "bytes=0-0", .ifRange: tag])
            #expect(matching.status == .partialContent)
            let stale = try await client.execute(uri: "/digits.txt", method: .get, headers: [.range: "bytes=0-0", .ifRange: "\"old\""])
            #expect(stale.status == .ok)
        }
    }

    @Test("a folder without trailing slash redirects (301); with it, its index.html; no listings")
    func folders() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let redirect = try await client.execute(uri: "/proposals/1", method: .get)
            #expect(redirect.status == .movedPermanently)
            #expect(redirect.headers[.location] == "/proposals/1/")
            let withQuery = try await client.execute(uri: "/proposals?page=2", method: .get)
            #expect(withQuery.headers[.location] == "/proposals/?page=2")
            let page = try await client.execute(uri: "/proposals/1/", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("<h1>Proposal 1</h1>"))
            let home = try await client.execute(uri: "/", method: .get)
            #expect(String(buffer: home.body).contains("<h1>Home</h1>"))
            // `images/` has files but no index.html: not a listing, the 404 page.
            let folder = try await client.execute(uri: "/images/", method: .get)
            #expect(folder.status == .notFound)
            #expect(String(buffer: folder.body).contains("Not here"))
            #expect(!String(buffer: folder.body).contains("logo.svg"))
        }
    }

    @Test("unknown paths get 404.html with status 404, or plain text without one")
    func notFound() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/no/such/page/", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: response.body).contains("<h1>Not here</h1>"))
            #expect(String(buffer: response.body).contains("__teigen/live-reload.js"))
        }
        var bare = TestSnapshots.site()
        bare.files["404.html"] = nil
        let plain = await PreviewFixture(bare).build()
        try await plain.application.test(.router) { client in
            let response = try await client.execute(uri: "/missing.css", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(String(buffer: response.body) == "404 Not Found\n")
        }
    }

    @Test("an unknown path in a language's folder gets that language's 404 page; others the site's")
    func notFoundInALanguage() async throws {
        var site = TestSnapshots.site(basePath: "/teigen/")
        site.files["en/index.html"] = Data(TestSnapshots.page("Home (en)", stylesheet: "css/style.3f2a9c1b.css", basePath: "/teigen/").utf8)
        site.files["en/404.html"] = Data(TestSnapshots.page("Not found", stylesheet: "css/style.3f2a9c1b.css", basePath: "/teigen/").utf8)
        let fixture = await PreviewFixture(site).build()
        try await fixture.application.test(.router) { client in
            for uri in ["/teigen/en/no/such/page/", "/teigen/en/missing.html", "/teigen/en/proposals/"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("<h1>Not found</h1>"), "\(uri)")
            }
            for uri in ["/teigen/no/such/page/", "/teigen/english/x/", "/teigen/en"] {
                let response = try await client.execute(uri: uri, method: .get)
                if uri == "/teigen/en" {
                    #expect(response.status == .movedPermanently)
                    continue
                }
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("<h1>Not here</h1>"), "\(uri)")
            }
        }
    }

    @Test("a site under /teigen/: / redirects there (302), /teigen to /teigen/ (301), live reload under it")
    func subPath() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site(basePath: "/teigen/")).build()
        try await fixture.application.test(.router) { client in
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .found)
            #expect(root.headers[.location] == "/teigen/")
            let bare = try await client.execute(uri: "/teigen", method: .get)
            #expect(bare.status == .movedPermanently)
            #expect(bare.headers[.location] == "/teigen/")
            let home = try await client.execute(uri: "/teigen/", method: .get)
            #expect(home.status == .ok)
            let html = String(buffer: home.body)
            #expect(html.contains("<h1>Home</h1>"))
            #expect(html.contains("<script src=\"/teigen/__teigen/live-reload.js\" data-base=\"/teigen/\" data-build=\"test-1\"></script></body>"))
            let folder = try await client.execute(uri: "/teigen/proposals/1", method: .get)
            #expect(folder.headers[.location] == "/teigen/proposals/1/")
            #expect(try await client.execute(uri: "/teigen/css/style.3f2a9c1b.css", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/css/style.3f2a9c1b.css", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/proposals/1/", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/teigen/__teigen/live-reload.js", method: .get).status == .ok)
        }
    }

    @Test("only GET and HEAD (405 with Allow)", arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options])
    func methods(method: HTTPRequest.Method) async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/", method: method)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD")
        }
    }

    static let traversals = [
        "/../", "/..", "/../index.html", "/%2e%2e/", "/%2E%2E/index.html", "/%252e%252e/", "/%252e%252e/index.html",
        "/..%2f", "/..%2findex.html", "/proposals/..%2f..%2fetc/passwd", "/\\..\\", "/\\..\\index.html", "/%5c..%5cindex.html",
        "/index.html%00", "/%00", "/index.html%00.css", "/%c0%ae%c0%ae/", "/%c0%af", "/%e0%80%ae%e0%80%ae/", "/./index.html",
        "/proposals/../index.html", "/%", "/%zz", "/a%0a", "//etc/passwd", "/proposals//1/",
    ]

    @Test("paths that try to leave the root never get a file", arguments: traversals)
    func traversal(path: String) async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect([400, 404].contains(response.status.code), "\(path) → \(response.status)")
            #expect(!String(buffer: response.body).contains("<h1>Home</h1>"))
            #expect(response.headers[.location] == nil)
        }
    }

    @Test("the first build failed: pages show the error page, other files 503")
    func firstBuildFailed() async throws {
        let fixture = await PreviewFixture(source: FakeSiteSource(failing: TestSnapshots.frontMatterError)).build()
        try await fixture.application.test(.router) { client in
            for path in ["/", "/teigen/", "/proposals/1/index.html"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("content/_index.md:2:8: error: unclosed flow sequence"))
                #expect(html.contains("title: [oops"))
                #expect(html.contains("<script src=\"/__teigen/live-reload.js\" data-base=\"/\" data-build=\"test-0\"></script>"))
            }
            let page = try await client.execute(uri: "/anything", method: .get, headers: [.accept: "text/html,*/*"])
            #expect(page.status == .internalServerError)
            let asset = try await client.execute(uri: "/css/style.css", method: .get)
            #expect(asset.status == .serviceUnavailable)
            #expect(try await client.execute(uri: "/__teigen/live-reload.js", method: .get).status == .ok)
        }
    }

    @Test("the first build failed on a Japanese site: the error page is in Japanese")
    func firstBuildFailedInJapanese() async throws {
        let fixture = await PreviewFixture(source: FakeSiteSource(failing: TestSnapshots.frontMatterError, language: "ja")).build()
        try await fixture.application.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(html.contains("<html lang=\"ja\" data-teigen=\"error\">"))
            #expect(html.contains("<h1 class=\"title\">サイトをビルドできませんでした</h1>"))
            #expect(html.contains("<p class=\"hint\">エラーを直して保存すると、このページは自動で再読み込みされます。</p>"))
            #expect(html.contains(
                "<div id=\"teigen-message\"><section class=\"diagnostic\"><p class=\"where\">content/_index.md:2:8: error: unclosed flow sequence</p><pre>"))
        }
    }

    @Test("while the first build runs: pages say so (503, Retry-After), other files 503")
    func firstBuildRunning() async throws {
        let fixture = PreviewFixture(TestSnapshots.site())
        try await fixture.application.test(.router) { client in
            let page = try await client.execute(uri: "/proposals/", method: .get)
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers[.retryAfter] == "1")
            let html = String(buffer: page.body)
            #expect(html.contains("<html lang=\"en\" data-teigen=\"building\">"))
            #expect(html.contains("<h1 class=\"title busy\">Building the site…</h1>"))
            #expect(!html.contains("teigen-message"))
            #expect(html.contains("<script src=\"/__teigen/live-reload.js\" data-base=\"/\" data-build=\"test-0\"></script>"))
            let asset = try await client.execute(uri: "/css/style.css", method: .get)
            #expect(asset.status == .serviceUnavailable)
            #expect(asset.headers[.retryAfter] == "1")
            #expect(String(buffer: asset.body) == "503 The site is being built\n")
        }
        await fixture.rebuilder.rebuild(changedPaths: nil)
        try await fixture.application.test(.router) { client in
            let built = try await client.execute(uri: "/proposals/", method: .get)
            #expect(built.status == .ok)
        }
    }

    @Test("a failed rebuild keeps serving the last good site")
    func lastGoodSite() async throws {
        let fixture = await PreviewFixture(TestSnapshots.site()).build()
        await fixture.source.fail(with: TestSnapshots.frontMatterError)
        await fixture.rebuilder.rebuild(changedPaths: ["/site/content/_index.md"])
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("<h1>Home</h1>"))
        }
        let lines = await fixture.console.lines()
        #expect(lines.contains("stderr: " + TestSnapshots.frontMatterError.description))
    }
}
