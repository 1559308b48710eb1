import Foundation
import Testing
@testable import TeigenBuild

/// What `teigen build` keeps of the files it read once it has decoded the pages.
@Suite struct SiteFilesTests {
    @Test func withoutPageBytesEmptiesOnlyThePages() {
        let files = SiteFiles(
            configPath: "site/config.yaml", configText: "title: t\n",
            content: [
                .init(relativePath: "proposals/1.md", displayPath: "site/content/proposals/1.md", data: Data("# 提言\n".utf8)),
                .init(relativePath: "proposals/map.png", displayPath: "site/content/proposals/map.png", data: Data([0x89, 0x50])),
            ],
            data: [.init(relativePath: "members.yaml", displayPath: "site/data/members.yaml", data: Data("- a\n".utf8))],
            staticFiles: [], templates: [], assets: [])
        let kept = files.withoutPageBytes()
        #expect(kept.content.map(\.relativePath) == ["proposals/1.md", "proposals/map.png"])
        #expect(kept.content.map(\.data) == [Data(), Data([0x89, 0x50])])
        #expect(kept.data.map(\.data) == files.data.map(\.data))
    }

    @Test func aBuildOfAFixtureSiteIsTheSameWhetherItKeepsTheBytesOrNot() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/model"))
        defer { try? FileManager.default.removeItem(at: copy) }
        let options = BuildOptions(sourceDirectory: copy.appendingPathComponent("site"), jobs: 2)
        var once = RenderCache(enabled: false)
        var kept = RenderCache()
        let a = try await BuildPipeline(options: options).run(cache: &once)
        let b = try await BuildPipeline(options: options).run(cache: &kept)
        #expect(a.files.map(\.path) == b.files.map(\.path))
        #expect(a.files.map(\.data) == b.files.map(\.data))
    }
}
