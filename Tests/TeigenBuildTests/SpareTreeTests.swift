import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// The tree a commit replaced is kept as `.public.spare` and becomes the next build's staging folder, updated in
/// place (`SpareTree`): whatever it holds, the rebuild is byte for byte a fresh build, with no stale file or folder,
/// and an unchanged file costs no new link.
@Suite struct SpareTreeTests {
    /// ``Fixtures/outputProject()`` with a file two folders deep.
    func project() throws -> URL {
        let project = try Fixtures.outputProject()
        try Fixtures.write("deep\n", to: project, "site/static/deep/er/file.txt")
        return project
    }

    /// Every file and folder below `folder` (folders end in "/").
    func entries(_ folder: URL) -> Set<String> {
        var result = Set<String>()
        let root = folder.path + "/"
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + path, isDirectory: &isFolder)
            result.insert(isFolder.boolValue ? path + "/" : path)
        }
        return result
    }

    func status(_ url: URL) throws -> stat {
        var status = stat()
        #expect(lstat(url.path, &status) == 0)
        return status
    }

    @Test func theReplacedTreeIsKeptAndTheNextRebuildReusesItsLinks() async throws {
        let project = try project()
        let public_ = project.appendingPathComponent("public")
        let spare = project.appendingPathComponent(".public.spare")
        try await Fixtures.build(project, into: "public")
        #expect(!FileManager.default.fileExists(atPath: spare.path))
        try await Fixtures.build(project, into: "public")
        #expect(FileManager.default.fileExists(atPath: spare.path))
        let before = try status(public_.appendingPathComponent("same.txt"))
        // public/ and the spare tree share every unchanged file.
        #expect(before.st_nlink == 2)
        #expect(try status(spare.appendingPathComponent("same.txt")).st_ino == before.st_ino)

        try Fixtures.write("---\ntitle: B\n---\nbeta, changed\n", to: project, "site/content/b.md")
        try await Fixtures.build(project, into: "public")
        let after = try status(public_.appendingPathComponent("same.txt"))
        #expect(after.st_ino == before.st_ino && after.st_nlink == 2)
        let page = public_.appendingPathComponent("b/index.html")
        #expect(String(decoding: try Data(contentsOf: page), as: UTF8.self).contains("beta, changed"))
        // The spare tree keeps the page as it was, in a file of its own.
        let old = spare.appendingPathComponent("b/index.html")
        #expect(try status(old).st_ino != (try status(page)).st_ino)
        #expect(!String(decoding: try Data(contentsOf: old), as: UTF8.self).contains("beta, changed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".public") } == [".public.spare"])
    }

    @Test func whateverTheSpareTreeHoldsTheRebuildIsAFreshBuild() async throws {
        let project = try project()
        let public_ = project.appendingPathComponent("public")
        let spare = project.appendingPathComponent(".public.spare")
        try await Fixtures.build(project, into: "public")
        try await Fixtures.build(project, into: "public")
        let manager = FileManager.default
        // A stale file and folder, a folder where a file goes, a file where a folder goes, a file of other bytes
        // where an unchanged file goes, a symbolic link where a page goes, and a file the build never made.
        try Fixtures.write("stale\n", to: spare, "stale.txt")
        try Fixtures.write("stale\n", to: spare, "gone/deeper/x.html")
        try manager.removeItem(at: spare.appendingPathComponent("note.txt"))
        try Fixtures.write("inside\n", to: spare, "note.txt/inside.txt")
        try manager.removeItem(at: spare.appendingPathComponent("deep/er"))
        try Fixtures.write("a file\n", to: spare, "deep/er")
        try manager.removeItem(at: spare.appendingPathComponent("same.txt"))
        try Fixtures.write("other\n", to: spare, "same.txt")
        try manager.removeItem(at: spare.appendingPathComponent("a/index.html"))
        try manager.createSymbolicLink(atPath: spare.appendingPathComponent("a/index.html").path, withDestinationPath: "../b/index.html")
        try manager.removeItem(at: project.appendingPathComponent("site/content/b.md"))

        try await Fixtures.build(project, into: "public")
        try await Fixtures.build(project, into: "fresh")
        let fresh = project.appendingPathComponent("fresh")
        #expect(try Fixtures.tree(public_) == (try Fixtures.tree(fresh)))
        #expect(entries(public_) == entries(fresh))
        #expect(!entries(public_).contains("b/"))
        #expect(try status(public_.appendingPathComponent("a/index.html")).st_mode & S_IFMT == S_IFREG)
    }

    @Test func aSpareThatIsALinkIsNotFollowed() async throws {
        let project = try project()
        let elsewhere = project.appendingPathComponent("elsewhere")
        try Fixtures.write("keep\n", to: elsewhere, "same.txt")
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent(".public.spare").path, withDestinationPath: "elsewhere")
        try await Fixtures.build(project, into: "public")
        try await Fixtures.build(project, into: "fresh")
        #expect(try Fixtures.tree(elsewhere) == ["same.txt": Data("keep\n".utf8)])
        #expect(try Fixtures.tree(project.appendingPathComponent("public")) == (try Fixtures.tree(project.appendingPathComponent("fresh"))))
    }

    @Test func aFailedBuildLeavesTheOutputAndNoStagingFolder() async throws {
        let project = try project()
        let public_ = project.appendingPathComponent("public")
        try await Fixtures.build(project, into: "public")
        try await Fixtures.build(project, into: "public")
        let good = try Fixtures.tree(public_)
        try Fixtures.write("---\ntitle: [broken\n---\nx\n", to: project, "site/content/a.md")
        await #expect(throws: DiagnosticError.self) { try await Fixtures.build(project, into: "public") }
        #expect(try Fixtures.tree(public_) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".public.staging") } == [])
    }
}

extension SpareTreeTests {
    /// The later pages of paginated lists are files of the build like any other: listed in the manifest and kept
    /// when the spare tree is updated.
    @Test func theLaterPagesOfPaginatedListsAreListedAndKept() async throws {
        let site = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/model"))
        let options = BuildOptions(sourceDirectory: site.appendingPathComponent("site"))
        let output = site.appendingPathComponent("public")
        for _ in 0..<3 { _ = try await SiteBuilder(options: options, output: output).build() }
        _ = try await SiteBuilder(options: options, output: site.appendingPathComponent("fresh"), usesCache: false).build()
        let tree = try Fixtures.tree(output)
        #expect(tree.keys.contains { $0.contains("/page/2/") })
        #expect(tree == (try Fixtures.tree(site.appendingPathComponent("fresh"))))
        let manifest = String(decoding: try #require(tree[OutputManifest.fileName]), as: UTF8.self)
        let listed = Set(manifest.split(separator: "\n").dropFirst(2).dropLast().map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\",")) })
        #expect(listed == Set(tree.keys).subtracting([OutputManifest.fileName]))
    }
}
