import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// A rebuild into an existing output folder links the files whose bytes did not change instead of writing
/// them again (`PreviousOutput`): the result is byte for byte a fresh build's, stale files are gone, and no
/// file of the previous output is ever written into.
@Suite struct PreviousOutputTests {
    func inode(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }

    @Test func aRebuildLinksUnchangedFilesWritesChangedOnesAndDropsStaleOnes() async throws {
        let project = try Fixtures.outputProject()
        let public_ = project.appendingPathComponent("public")
        try await Fixtures.build(project, into: "public")
        let before = try Fixtures.tree(public_)
        #expect(before["a/index.html"] != nil && before["b/index.html"] != nil)
        // Links of our own to every file of the first build: their bytes must survive the rebuild untouched.
        let kept = project.appendingPathComponent("kept")
        for path in before.keys {
            let copy = kept.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.linkItem(at: public_.appendingPathComponent(path), to: copy)
        }
        let sameInode = try inode(public_.appendingPathComponent("same.txt"))
        let pageInode = try inode(public_.appendingPathComponent("b/index.html"))
        // A changed page, a removed page, and a file edited by hand in the output (same size, other bytes).
        try Fixtures.write("---\ntitle: B\n---\nbeta, changed\n", to: project, "site/content/b.md")
        try FileManager.default.removeItem(at: project.appendingPathComponent("site/content/a.md"))
        try Data("NOTE\n".utf8).write(to: public_.appendingPathComponent("note.txt"))

        try await Fixtures.build(project, into: "public")
        try await Fixtures.build(project, into: "fresh")

        let after = try Fixtures.tree(public_)
        #expect(after == (try Fixtures.tree(project.appendingPathComponent("fresh"))))
        #expect(after["a/index.html"] == nil)
        #expect(after["note.txt"] == Data("note\n".utf8))
        #expect(String(decoding: try #require(after["b/index.html"]), as: UTF8.self).contains("beta, changed"))
        #expect(try inode(public_.appendingPathComponent("same.txt")) == sameInode)
        #expect(try inode(public_.appendingPathComponent("b/index.html")) != pageInode)
        var keptTree = try Fixtures.tree(kept)
        keptTree["note.txt"] = Data("note\n".utf8) // edited by hand above, through the same file
        #expect(keptTree == before)
    }

    @Test func withoutLinkingTheOutputIsTheSame() async throws {
        let project = try Fixtures.outputProject()
        try await Fixtures.build(project, into: "public")
        try Fixtures.write("---\ntitle: B\n---\nbeta, changed\n", to: project, "site/content/b.md")
        try await Fixtures.build(project, into: "public")
        let linked = try Fixtures.tree(project.appendingPathComponent("public"))

        let options = BuildOptions(sourceDirectory: project.appendingPathComponent("site"), themeDirectory: project.appendingPathComponent("theme"))
        let pipeline = BuildPipeline(options: options)
        var cache = RenderCache(enabled: false)
        let product = try await pipeline.run(cache: &cache)
        let output = try AtomicOutput(destination: project.appendingPathComponent("public"), linkUnchanged: false)
        try await FileWriter(output: output, jobs: 2).write(product.files)
        let written = try Fixtures.tree(output.staging)
        output.discard()
        #expect(!written.isEmpty)
        for (path, data) in written { #expect(linked[path] == data, "\(path)") }
    }
}
