import Foundation
import Hummingbird
import Logging
import TeigenBuild
import TeigenCore
@testable import TeigenPreview

/// The parts of a preview server around a fake builder, without watching: tests drive rebuilds.
struct PreviewFixture {
    let hub = LiveReloadHub(heartbeatInterval: .seconds(60))
    let store: SiteStore
    let source: FakeSiteSource
    let console = ConsoleRecorder()
    var rebuilder: SiteRebuilder

    init(_ snapshot: SiteSnapshot) {
        self.init(source: FakeSiteSource(snapshot))
    }

    init(source: FakeSiteSource) {
        self.source = source
        store = SiteStore(hub: hub, session: "test")
        rebuilder = SiteRebuilder(source: source, store: store, console: console.console, verbose: false)
    }

    /// The application serving the store, with the connection limits of `teigen serve`.
    var application: Application<PreviewResponder> {
        var logger = Logger(label: "teigen.preview.tests")
        logger.logLevel = .critical
        return PreviewServer.application(responder: PreviewResponder(store: store, hub: hub), configuration: .init(), logger: logger)
    }

    /// Runs the first build.
    func build() async -> Self {
        await rebuilder.rebuild(changedPaths: nil)
        return self
    }
}

/// Records what the preview prints.
struct ConsoleRecorder: Sendable {
    private let stream: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: String.self)
    }

    var console: PreviewConsole {
        PreviewConsole(info: { [continuation] in continuation.yield($0) }, error: { [continuation] in continuation.yield("stderr: " + $0) })
    }

    /// Everything printed so far (ends the recording).
    func lines() async -> [String] {
        continuation.finish()
        var lines: [String] = []
        for await line in stream { lines.append(line) }
        return lines
    }
}

/// Snapshots for tests.
enum TestSnapshots {
    static func page(_ title: String, stylesheet: String = "css/style.3f2a9c1b.css", basePath: String = "/") -> String {
        "<!doctype html><html><head><title>\(title)</title><link rel=\"stylesheet\" href=\"\(basePath)\(stylesheet)\"></head><body><h1>\(title)</h1></body></html>"
    }

    /// A small site: home page, a section with a page, a stylesheet, assets of many types, a 404 page.
    static func site(basePath: String = "/", title: String = "Home", stylesheet: String = "css/style.3f2a9c1b.css", css: String = "body{color:black}") -> SiteSnapshot {
        var files: [String: Data] = [
            "index.html": Data(page(title, stylesheet: stylesheet, basePath: basePath).utf8),
            "proposals/index.html": Data(page("Proposals", stylesheet: stylesheet, basePath: basePath).utf8),
            "proposals/1/index.html": Data(page("Proposal 1", stylesheet: stylesheet, basePath: basePath).utf8),
            "404.html": Data(page("Not here", stylesheet: stylesheet, basePath: basePath).utf8),
            stylesheet: Data(css.utf8),
            "js/site.js": Data("console.log('hi')".utf8),
            "images/logo.svg": Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8),
            "sitemap.xml": Data("<?xml version=\"1.0\"?><urlset/>".utf8),
            "feed.atom": Data("<feed/>".utf8),
            "search.json": Data("[]".utf8),
            "site.webmanifest": Data("{}".utf8),
            "fonts/mincho.woff2": Data([0x77, 0x4F, 0x46, 0x32]),
            "images/a.png": Data([0x89, 0x50, 0x4E, 0x47]),
            "images/b.jpg": Data([0xFF, 0xD8, 0xFF]),
            "images/c.jpeg": Data([0xFF, 0xD8, 0xFF]),
            "images/d.gif": Data("GIF89a".utf8),
            "images/e.webp": Data("RIFF".utf8),
            "favicon.ico": Data([0, 0, 1, 0]),
            "docs/report.pdf": Data("%PDF-1.7".utf8),
            "robots.txt": Data("User-agent: *\n".utf8),
            "digits.txt": Data("0123456789".utf8),
            "no-body.html": Data("<p>fragment".utf8),
            "upper.html": Data("<HTML><BODY><p>x</p></BODY></HTML>".utf8),
        ]
        files.removeValue(forKey: "")
        return SiteSnapshot(files: files, basePath: basePath)
    }

    /// A diagnostic error like the builder's, in `content/_index.md` at line 2, column 8.
    static let frontMatterError = DiagnosticError(
        Diagnostic.error("unclosed flow sequence", at: SourceLocation(path: "content/_index.md", line: 2, column: 8), source: "---\ntitle: [oops\n---\n"))
}
