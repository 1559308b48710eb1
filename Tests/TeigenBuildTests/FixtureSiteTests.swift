import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// End-to-end builds of the fixture sites under Tests/Fixtures/sites, compared with their golden output.
/// To update a golden tree after an intended change, run with TEIGEN_UPDATE_GOLDEN=1 and review the diff.
@Suite struct FixtureSiteTests {
    @Test(arguments: ["basic", "formats", "multilingual"])
    func buildMatchesGolden(_ name: String) async throws {
        let fixture = Fixtures.root.appendingPathComponent("sites/\(name)")
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        let options = BuildOptions(sourceDirectory: fixture.appendingPathComponent("site"), jobs: 2)
        let product = try await SiteBuilder(options: options, output: output).build()
        let golden = fixture.appendingPathComponent("expected")
        let actual = try Fixtures.tree(output)
        if ProcessInfo.processInfo.environment["TEIGEN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: output, to: golden)
        }
        let expected = try Fixtures.tree(golden)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected {
            #expect(actual[path] == data, "\(path) differs from the golden file; diff \(golden.path)/\(path) \(output.path)/\(path)")
        }
        #expect(product.warnings.isEmpty)
    }

    @Test func twoBuildsAreByteIdenticalAcrossParallelism() async throws {
        let site = Fixtures.root.appendingPathComponent("sites/basic/site")
        let base = Fixtures.temporaryFolder()
        let one = base.appendingPathComponent("one")
        let many = base.appendingPathComponent("many")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: site, jobs: 1), output: one).build()
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: site, jobs: 8), output: many).build()
        let first = try Fixtures.tree(one)
        #expect(first == (try Fixtures.tree(many)))
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: site, jobs: 8), output: many).build()
        #expect(first == (try Fixtures.tree(many)))
    }

    @Test func failedBuildLeavesOutputUntouchedAndNoStaging() async throws {
        let site = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let base = Fixtures.temporaryFolder()
        let output = base.appendingPathComponent("public")
        let options = BuildOptions(sourceDirectory: site.appendingPathComponent("site"))
        _ = try await SiteBuilder(options: options, output: output).build()
        let before = try Fixtures.tree(output)
        try Data("---\ntitle: broken\ndraft: maybe\n---\n".utf8).write(to: site.appendingPathComponent("site/content/posts/first.md"))
        await #expect(throws: DiagnosticError.self) {
            _ = try await SiteBuilder(options: options, output: output).build()
        }
        #expect(try Fixtures.tree(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["public"])
    }

    @Test func deletedPagesDoNotSurvive() async throws {
        let site = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        let options = BuildOptions(sourceDirectory: site.appendingPathComponent("site"))
        let third = site.appendingPathComponent("site/content/posts/third.md")
        try Data("---\ntitle: 三番目\n---\n".utf8).write(to: third)
        _ = try await SiteBuilder(options: options, output: output).build()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/third/index.html").path))
        try FileManager.default.removeItem(at: third)
        _ = try await SiteBuilder(options: options, output: output).build()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/third/index.html").path))
    }

    @Test func leftoverStagingFoldersAreRemoved() async throws {
        let base = Fixtures.temporaryFolder()
        let leftover = base.appendingPathComponent(".public.staging-999999-dead")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        let site = Fixtures.root.appendingPathComponent("sites/basic/site")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: site), output: base.appendingPathComponent("public")).build()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test func draftsOnlyWithFlag() async throws {
        let site = Fixtures.root.appendingPathComponent("sites/basic/site")
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: site, includeDrafts: true), output: output).build()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/draft/index.html").path))
    }

    @Test func baseURLOverrideAndRelativeLinks() async throws {
        let site = Fixtures.root.appendingPathComponent("sites/basic/site")
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: site, baseURL: "https://h.example/deep/er/"), output: output).build()
        let page = String(decoding: try Data(contentsOf: output.appendingPathComponent("posts/first/index.html")), as: UTF8.self)
        #expect(page.contains("href=\"/deep/er/posts/\""))
        #expect(page.contains("https://h.example/deep/er/posts/first/"))
        #expect(!page.contains("href=\"/sub/"))
    }

    @Test func checkerFindsNoBrokenLinksInFixture() async throws {
        let site = Fixtures.root.appendingPathComponent("sites/basic/site")
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        let product = try await SiteBuilder(options: BuildOptions(sourceDirectory: site), output: output).build()
        let report = try LinkChecker(root: output, basePath: product.basePath, baseURL: product.baseURL).check()
        #expect(report.broken == [])
        #expect(report.external == ["https://example.com/"])
    }

    @Test func checkerFindsEveryPageOfEveryLanguageAndTheirNotFoundPagesNeedNoLink() async throws {
        let site = Fixtures.root.appendingPathComponent("sites/multilingual/site")
        let output = Fixtures.temporaryFolder().appendingPathComponent("public")
        let product = try await SiteBuilder(options: BuildOptions(sourceDirectory: site), output: output).build()
        let report = try LinkChecker(root: output, basePath: product.basePath, baseURL: product.baseURL).check()
        #expect(report.broken == [])
        #expect(report.orphans == [])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("en/404.html").path))
    }

    @Test func checkerReportsBrokenLinkAndFragment() throws {
        let output = Fixtures.temporaryFolder()
        try Data("<a href=\"/a/\">a</a><a href=\"/missing/\">m</a><a href=\"/a/#nope\">f</a><a href=\"#top\">t</a><p id=\"top\"></p>".utf8)
            .write(to: output.appendingPathComponent("index.html"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("<h1 id=\"x\">a</h1>".utf8).write(to: output.appendingPathComponent("a/index.html"))
        try Data("<p>alone</p>".utf8).write(to: output.appendingPathComponent("orphan.html"))
        let report = try LinkChecker(root: output, basePath: "/").check()
        #expect(report.broken.map(\.url) == ["/a/#nope", "/missing/"])
        #expect(report.orphans == ["orphan.html"])
    }
}

@Suite struct WarningTests {
    @Test func warningsAreReportedWithPositionAndCanFailTheBuild() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/basic"))
        let site = copy.appendingPathComponent("site")
        try Data("---\ntitle: 注\n---\n\n本文[^missing]。\n".utf8).write(to: site.appendingPathComponent("content/posts/note.md"))
        let output = copy.appendingPathComponent("public")
        let product = try await SiteBuilder(options: BuildOptions(sourceDirectory: site), output: output).build()
        let headers = product.warnings.map { $0.header.replacingOccurrences(of: site.path + "/", with: "") }
        #expect(headers.count == 1)
        #expect(headers.first?.hasPrefix("content/posts/note.md:5:3: warning:") ?? false)
        let before = try Fixtures.tree(output)
        await #expect(throws: DiagnosticError.self) {
            _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: site), output: output, failOnWarnings: true).build()
        }
        #expect(try Fixtures.tree(output) == before)
    }
}
