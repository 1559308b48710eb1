import Foundation
import Testing
import TeigenCore

/// ``DiskFileSystem``'s reads: the whole file as `Data` or as bytes, and errors that say why.
@Suite struct DiskFileSystemTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-read-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 4095, 4096, 4097, 1_000_003])
    func readsWholeFiles(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disk = DiskFileSystem()
        #expect(try disk.readBytes(path) == bytes)
        #expect(try disk.read(path) == Data(bytes))
    }

    @Test func filesWithoutASizeAreReadToTheEnd() throws {
        // /proc files report size 0 but have content.
        let bytes = try DiskFileSystem().readBytes("/proc/self/status")
        #expect(String(decoding: bytes, as: UTF8.self).contains("Name:"))
    }

    @Test func missingFilesAndFoldersAreErrors() {
        #expect(throws: FileSystemError.self) { try DiskFileSystem().readBytes("/nonexistent/teigen") }
        let error = #expect(throws: FileSystemError.self) { try DiskFileSystem().readBytes("/tmp") }
        #expect(error?.reason == "cannot read file: it is a folder")
    }
}

/// ``DiskFileSystem``'s listing reports symbolic links and follows only those it is told to.
@Suite struct SymbolicLinkListingTests {
    @Test func linksAreReportedAndOnlyPermittedOnesFollowed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-links-\(UUID().uuidString)").path
        let outside = root + "-outside"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside + "/deep", withIntermediateDirectories: true)
        try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/folder/a.txt"))
        try Data("o".utf8).write(to: URL(fileURLWithPath: outside + "/deep/o.txt"))
        try FileManager.default.createSymbolicLink(atPath: root + "/inside", withDestinationPath: "folder")
        try FileManager.default.createSymbolicLink(atPath: root + "/out", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: root + "/passwd", withDestinationPath: "/etc/passwd")
        let disk = DiskFileSystem()
        let realOutside = try #require(disk.resolve(outside))
        let listing = try disk.list(root) { link in !link.resolved.hasPrefix(realOutside) && link.resolved != "/etc/passwd" }
        #expect(listing.files == ["folder/a.txt", "inside/a.txt"])
        #expect(listing.links.map(\.path) == ["inside", "out", "passwd"])
        #expect(listing.links.map(\.destination) == ["folder", outside, "/etc/passwd"])
        #expect(listing.links.map(\.isFolder) == [true, true, false])
        #expect(listing.links[1].resolved == realOutside)
        // Followed, every file is listed (the listing of `files(under:)`).
        #expect(try disk.files(under: root) == ["folder/a.txt", "inside/a.txt", "out/deep/o.txt", "passwd"])
        #expect(disk.symbolicLink(at: root + "/passwd")?.resolved == "/etc/passwd")
        #expect(disk.symbolicLink(at: root + "/folder") == nil)
    }
}
