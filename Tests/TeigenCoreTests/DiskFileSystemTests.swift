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
