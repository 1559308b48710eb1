import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// A disk whose one file cannot be read (as an unreadable file would be for a non-root user).
struct UnreadableFileSystem: FileSystem {
    let disk = DiskFileSystem()
    let unreadable: String

    func read(_ path: String) throws(FileSystemError) -> Data {
        if path == unreadable { throw FileSystemError(path: path, reason: "cannot read file: permission denied") }
        return try disk.read(path)
    }
    func files(under directory: String) throws(FileSystemError) -> [String] { try disk.files(under: directory) }
    func isDirectory(_ path: String) -> Bool { disk.isDirectory(path) }
    func isFile(_ path: String) -> Bool { disk.isFile(path) }
}

@Suite struct SeamAndURLTests {
    @Test func unreadableFileIsAnErrorNamingIt() async throws {
        let site = Fixtures.root.appendingPathComponent("sites/basic/site")
        let page = site.appendingPathComponent("content/posts/first.md").path
        var cache = RenderCache()
        await #expect {
            _ = try await BuildPipeline(options: BuildOptions(sourceDirectory: site), fileSystem: UnreadableFileSystem(unreadable: page)).run(cache: &cache)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.header).first?.hasSuffix("content/posts/first.md: error: cannot read file: permission denied") ?? false
        }
    }

    /// `teigen check --output` reads the configuration through the seam: a site that exists only in memory works.
    @Test func configurationIsReadThroughTheSeam() throws {
        let files = MemoryFileSystem(text: ["/nowhere/site/config.yaml": "title: T\nbaseURL: https://example.org/sub/\n"])
        let options = BuildOptions(sourceDirectory: URL(fileURLWithPath: "/nowhere/site"))
        #expect(try BuildPipeline.configuration(options: options, fileSystem: files).baseURL == "https://example.org/sub/")
        var overridden = options
        overridden.baseURL = "https://other.example/"
        #expect(try BuildPipeline.configuration(options: overridden, fileSystem: files).baseURL == "https://other.example/")
        #expect(throws: DiagnosticError.self) { try BuildPipeline.configuration(options: options, fileSystem: MemoryFileSystem()) }
    }

    @Test func relativeURLsMakeEveryInternalLinkRelative() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let config = copy.appendingPathComponent("site/config.yaml")
        try (try String(contentsOf: config, encoding: .utf8) + "relativeURLs: true\n").write(to: config, atomically: true, encoding: .utf8)
        let output = copy.appendingPathComponent("public")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: copy.appendingPathComponent("site")), output: output).build()
        let page = String(decoding: try Data(contentsOf: output.appendingPathComponent("posts/first/index.html")), as: UTF8.self)
        #expect(page.contains("href=\"../../css/site.2fa105c8.css\""))
        #expect(page.contains("<a href=\"../index.html\">一覧</a>"))
        #expect(page.contains("<a href=\"../../index.html\">ホーム</a>"))
        #expect(page.contains("src=\"../chart-40.")) // the image's file beside the page, and in its srcset
        #expect(page.contains("srcset=\"../chart-40."))
        #expect(!page.contains("href=\"/sub/"))
        // Absolute URLs (canonical) stay absolute.
        #expect(page.contains("https://example.org/sub/posts/first/"))
        // Every relative link resolves inside the output, as a browser opening the files from disk would.
        let report = try LinkChecker(root: output, basePath: "/sub/").check()
        #expect(report.broken == [])
    }

    @Test func changingAStylesheetChangesOnlyItsName() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let output = copy.appendingPathComponent("public")
        let options = BuildOptions(sourceDirectory: copy.appendingPathComponent("site"))
        _ = try await SiteBuilder(options: options, output: output).build()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("css/site.2fa105c8.css").path))
        try Data("body { color: #000; }\n".utf8).write(to: copy.appendingPathComponent("theme/assets/css/site.css"))
        _ = try await SiteBuilder(options: options, output: output).build()
        let css = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("css").path)
        #expect(css.count == 1)
        #expect(css != ["site.2fa105c8.css"])
        let home = String(decoding: try Data(contentsOf: output.appendingPathComponent("index.html")), as: UTF8.self)
        #expect(home.contains("css/\(css[0])"))
    }
}
