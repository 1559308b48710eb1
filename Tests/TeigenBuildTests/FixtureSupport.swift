import Foundation
import TeigenBuild
import TeigenCore

/// Locations of test fixtures and helpers for building them into temporary folders.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func temporaryFolder(_ name: String = "teigen-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file below `folder` with its bytes, by relative path.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try DiskFileSystem().files(under: folder.path) {
            result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return result
    }

    /// Copies a fixture folder to a temporary one (so tests may edit it).
    static func copy(_ folder: URL) throws -> URL {
        let target = temporaryFolder()
        try FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }
}
