import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// `teigen build`'s render cache on disk (`.teigen-cache/render/`, ``RenderCacheFiles``): a build after an edit
/// renders exactly what the edit can change and reuses the rest, and its output is byte for byte that of a build
/// without the cache (`--no-cache`), after every kind of edit. Each test compares with such a build, so that a key
/// that left out what it checks would fail it with a stale page.
@Suite struct RenderCacheFilesTests {
    /// A small site: a home page, a section listing its pages' summaries, two pages with tags (so term pages list
    /// them), a page reading a data file, templates sharing a partial that names a fingerprinted stylesheet.
    func project() throws -> URL {
        let project = Fixtures.temporaryFolder("teigen-render-cache")
        let files: [String: String] = [
            "site/config.yaml": "title: Cache\nbaseURL: https://example.org/\nlanguage: en\n",
            "site/content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "site/content/posts/_index.md": "---\ntitle: Posts\n---\n",
            "site/content/posts/a.md": "---\ntitle: Alpha\ntags: [x]\n---\nAlpha summary.\n\nAlpha rest.\n",
            "site/content/posts/b.md": "---\ntitle: Beta\ntags: [y]\n---\nBeta summary.\n",
            "site/content/about.md": "---\ntitle: About\nlayout: about\n---\nAbout us.\n",
            "site/data/info.yaml": "motto: hello\n",
            "theme/templates/partials/head.mustache":
                "<link rel=\"stylesheet\" href=\"{{#asset}}css/style.css{{/asset}}\" integrity=\"{{#integrity}}css/style.css{{/integrity}}\">\n",
            "theme/templates/home.mustache": "{{> partials/head}}<h1>{{page.title}}</h1>{{{page.content}}}\n",
            "theme/templates/section.mustache":
                "{{> partials/head}}<h1>{{page.title}}</h1><ul>{{#page.pages}}<li>{{title}}: {{{summary}}}</li>{{/page.pages}}</ul>\n",
            "theme/templates/page.mustache": "{{> partials/head}}<h1>{{page.title}}</h1>{{{page.content}}}\n",
            "theme/templates/about.mustache": "{{> partials/head}}<h1>{{page.title}}</h1><p>{{data.info.motto}}</p>{{{page.content}}}\n",
            "theme/templates/404.mustache": "<h1>404</h1>\n",
            "theme/assets/css/style.css": "body { color: black; }\n",
        ]
        for (path, text) in files { try Fixtures.write(text, to: project, path) }
        return project
    }

    func options(_ project: URL) -> BuildOptions {
        BuildOptions(sourceDirectory: project.appendingPathComponent("site"), themeDirectory: project.appendingPathComponent("theme"), jobs: 2)
    }

    /// Builds `project` into `public/` with the cache, then into `fresh/` without it, and expects the same files.
    /// - Returns: the cached build's product.
    @discardableResult
    func buildAndCompare(_ project: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> BuildProduct {
        let product = try await SiteBuilder(options: options(project), output: project.appendingPathComponent("public")).build()
        let fresh = project.appendingPathComponent("fresh")
        _ = try await SiteBuilder(options: options(project), output: fresh, usesCache: false).build()
        let cached = try Fixtures.tree(project.appendingPathComponent("public"))
        let expected = try Fixtures.tree(fresh)
        #expect(cached.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in expected where cached[path] != data {
            Issue.record("\(path) differs from a build without the cache", sourceLocation: sourceLocation)
        }
        return product
    }

    /// The HTML pages: every output path the `pages` step makes.
    static let pages: Set<String> = [
        "index.html", "posts/index.html", "posts/a/index.html", "posts/b/index.html", "about/index.html", "tags/index.html",
        "tags/x/index.html", "tags/y/index.html",
    ]

    @Test func aSecondBuildReusesEveryPageAndWritesTheSameBytes() async throws {
        let project = try project()
        let first = try await buildAndCompare(project)
        #expect(first.pageFiles == Self.pages.count)
        #expect(first.reusedPageFiles == 0)
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(".teigen-cache/render/bodies.bin").path))
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(".teigen-cache/render/pages.bin").path))
        let inode = try Self.inode(project.appendingPathComponent("public/posts/a/index.html"))

        let second = try await buildAndCompare(project)
        #expect(second.renderedPaths.isEmpty)
        #expect(second.reusedPageFiles == Self.pages.count)
        #expect(second.timings.contains { $0.stage == "markdown" })
        // Linked from the last output, not written again.
        #expect(try Self.inode(project.appendingPathComponent("public/posts/a/index.html")) == inode)
    }

    @Test func editingABodyAfterItsSummaryRendersThatPageAlone() async throws {
        let project = try project()
        try await buildAndCompare(project)
        try Fixtures.write("---\ntitle: Alpha\ntags: [x]\n---\nAlpha summary.\n\nAlpha rest, edited.\n", to: project, "site/content/posts/a.md")
        let product = try await buildAndCompare(project)
        #expect(product.renderedPaths == ["posts/a/index.html"])
    }

    @Test func editingASummaryRendersThePageAndTheListsShowingIt() async throws {
        let project = try project()
        try await buildAndCompare(project)
        try Fixtures.write("---\ntitle: Alpha\ntags: [x]\n---\nAlpha summary, edited.\n\nAlpha rest.\n", to: project, "site/content/posts/a.md")
        // The page, its section's list, its term's list, and the home page (whose `page.subsections` hold it).
        #expect(Set(try await buildAndCompare(project).renderedPaths) == ["posts/a/index.html", "posts/index.html", "tags/x/index.html", "index.html"])
    }

    @Test func aTemplateReadingSiteSectionsIsRenderedWhenASummaryChanges() async throws {
        let project = try project()
        try Fixtures.write(
            "{{> partials/head}}<h1>{{page.title}}</h1><ul>{{#site.sections}}{{#pages}}<li>{{{summary}}}</li>{{/pages}}{{/site.sections}}</ul>\n",
            to: project, "theme/templates/about.mustache")
        try await buildAndCompare(project)
        try Fixtures.write("---\ntitle: Beta\ntags: [y]\n---\nBeta summary, edited.\n", to: project, "site/content/posts/b.md")
        let rendered = Set(try await buildAndCompare(project).renderedPaths)
        #expect(rendered == ["posts/b/index.html", "posts/index.html", "tags/y/index.html", "index.html", "about/index.html"])
    }

    @Test func changingATemplateRendersThePagesUsingIt() async throws {
        let project = try project()
        try await buildAndCompare(project)
        try Fixtures.write("{{> partials/head}}<h1 class=\"about\">{{page.title}}</h1><p>{{data.info.motto}}</p>{{{page.content}}}\n", to: project, "theme/templates/about.mustache")
        #expect(try await buildAndCompare(project).renderedPaths == ["about/index.html"])
        try Fixtures.write("{{> partials/head}}<h2>{{page.title}}</h2>{{{page.content}}}\n", to: project, "theme/templates/page.mustache")
        #expect(try await buildAndCompare(project).renderedPaths == ["posts/a/index.html", "posts/b/index.html"])
    }

    @Test func changingAPartialRendersEveryPageIncludingIt() async throws {
        let project = try project()
        try await buildAndCompare(project)
        try Fixtures.write("<link rel=\"stylesheet\" href=\"{{#asset}}css/style.css{{/asset}}\">\n", to: project, "theme/templates/partials/head.mustache")
        #expect(Set(try await buildAndCompare(project).renderedPaths) == Self.pages)
    }

    @Test func changingTheConfigurationRendersEveryPage() async throws {
        let project = try project()
        try await buildAndCompare(project)
        // The title is in no template: what changes is the configuration itself (and so `site.title`).
        try Fixtures.write("title: Cache, renamed\nbaseURL: https://example.org/\nlanguage: en\n", to: project, "site/config.yaml")
        #expect(Set(try await buildAndCompare(project).renderedPaths) == Self.pages)
        try Fixtures.write("title: Cache, renamed\nbaseURL: https://example.org/sub/\nlanguage: en\n", to: project, "site/config.yaml")
        #expect(Set(try await buildAndCompare(project).renderedPaths) == Self.pages)
        // A setting that no page's context shows, only how pages are written.
        try Fixtures.write("title: Cache, renamed\nbaseURL: https://example.org/sub/\nlanguage: en\nrelativeURLs: true\n", to: project, "site/config.yaml")
        #expect(Set(try await buildAndCompare(project).renderedPaths) == Self.pages)
    }

    @Test func changingAnAssetRendersThePagesNamingItsFingerprint() async throws {
        let project = try project()
        try await buildAndCompare(project)
        try Fixtures.write("body { color: navy; }\n", to: project, "theme/assets/css/style.css")
        #expect(Set(try await buildAndCompare(project).renderedPaths) == Self.pages)
    }

    @Test func changingADataFileRendersThePagesOfItsLanguage() async throws {
        let project = try project()
        try await buildAndCompare(project)
        try Fixtures.write("motto: goodbye\n", to: project, "site/data/info.yaml")
        let product = try await buildAndCompare(project)
        #expect(product.renderedPaths.contains("about/index.html"))
        let about = try String(contentsOf: project.appendingPathComponent("public/about/index.html"), encoding: .utf8)
        #expect(about.contains("goodbye"))
    }

    @Test func movingAPageToAnotherTermRendersBothTerms() async throws {
        let project = try project()
        try await buildAndCompare(project)
        try Fixtures.write("---\ntitle: Beta\ntags: [x]\n---\nBeta summary.\n", to: project, "site/content/posts/b.md")
        let rendered = Set(try await buildAndCompare(project).renderedPaths)
        #expect(rendered.isSuperset(of: ["posts/b/index.html", "tags/x/index.html"]))
        // The term `y` has no page any more: its page is gone (compared above), nothing stale is left.
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("public/tags/y/index.html").path))
    }

    @Test func aDamagedCacheIsPassedOverAndTheBuildIsFull() async throws {
        let project = try project()
        try await buildAndCompare(project)
        let folder = project.appendingPathComponent(".teigen-cache/render")
        let bodies = folder.appendingPathComponent("bodies.bin")
        let pages = folder.appendingPathComponent("pages.bin")
        // One byte changed in the middle of each file.
        for file in [bodies, pages] {
            var data = try Data(contentsOf: file)
            data[data.count / 2] ^= 0x01
            try data.write(to: file)
        }
        #expect(try await buildAndCompare(project).reusedPageFiles == 0)
        // Truncated.
        for file in [bodies, pages] {
            let data = try Data(contentsOf: file)
            try data.prefix(data.count - 7).write(to: file)
        }
        #expect(try await buildAndCompare(project).reusedPageFiles == 0)
        // Not a cache at all, then gone.
        try Data("garbage".utf8).write(to: bodies)
        try Data().write(to: pages)
        #expect(try await buildAndCompare(project).reusedPageFiles == 0)
        try FileManager.default.removeItem(at: folder)
        #expect(try await buildAndCompare(project).reusedPageFiles == 0)
        // And the cache written after each of those builds is good again.
        #expect(try await buildAndCompare(project).reusedPageFiles == Self.pages.count)
    }

    @Test func anOutputFileChangedByHandIsRenderedAgain() async throws {
        let project = try project()
        try await buildAndCompare(project)
        let a = project.appendingPathComponent("public/posts/a/index.html")
        let b = project.appendingPathComponent("public/posts/b/index.html")
        // Same size, other bytes, written into the same file (same inode)...
        var data = try Data(contentsOf: a)
        data[data.count - 2] = UInt8(ascii: "X")
        let handle = try FileHandle(forWritingTo: a)
        try handle.write(contentsOf: data)
        try handle.close()
        // ...and a file deleted.
        try FileManager.default.removeItem(at: b)
        let product = try await buildAndCompare(project)
        #expect(Set(product.renderedPaths) == ["posts/a/index.html", "posts/b/index.html"])
    }

    @Test func withoutTheCacheNothingIsReadOrWritten() async throws {
        let project = try project()
        let output = project.appendingPathComponent("public")
        _ = try await SiteBuilder(options: options(project), output: output, usesCache: false).build()
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent(".teigen-cache/render").path))
        _ = try await SiteBuilder(options: options(project), output: output).build()
        let product = try await SiteBuilder(options: options(project), output: output, usesCache: false).build()
        #expect(product.reusedPageFiles == 0)
        #expect(Set(product.renderedPaths) == Self.pages)
    }

    static func inode(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }
}
