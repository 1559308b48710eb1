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

    /// Writes `text` to `path` (relative to `folder`), making the folders it needs.
    static func write(_ text: String, to folder: URL, _ path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A project with `invalid/_defaults`' configuration and theme, two pages (`a.md`, `b.md`) and two static files
    /// (`note.txt`, `same.txt`): what the tests of rebuilds into an existing output folder start from.
    static func outputProject() throws -> URL {
        let project = try copy(root.appendingPathComponent("invalid/_defaults"))
        try write("---\ntitle: A\n---\nalpha\n", to: project, "site/content/a.md")
        try write("---\ntitle: B\n---\nbeta\n", to: project, "site/content/b.md")
        try write("note\n", to: project, "site/static/note.txt")
        try write("same\n", to: project, "site/static/same.txt")
        return project
    }

    /// Builds `project`'s `site/` with its `theme/` into `output` (a folder of the project).
    static func build(_ project: URL, into output: String) async throws {
        let options = BuildOptions(sourceDirectory: project.appendingPathComponent("site"), themeDirectory: project.appendingPathComponent("theme"))
        _ = try await SiteBuilder(options: options, output: project.appendingPathComponent(output)).build()
    }

    /// Copies a fixture folder to a temporary one (so tests may edit it).
    static func copy(_ folder: URL) throws -> URL {
        let target = temporaryFolder()
        try FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }
}
