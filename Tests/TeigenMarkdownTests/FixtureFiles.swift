import Foundation

/// Locates the Markdown fixtures (`Tests/Fixtures/markdown/`) from this source file's path.
enum FixtureFiles {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TeigenMarkdownTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/markdown", isDirectory: true)

    /// The names (without `.md`) of the golden cases directly in `Fixtures/markdown/`.
    static var goldenCases: [String] {
        caseNames(in: directory)
    }

    /// The names of the CommonMark-only inputs in `Fixtures/markdown/commonmark/`.
    static var commonMarkCases: [String] {
        caseNames(in: directory.appendingPathComponent("commonmark", isDirectory: true))
    }

    static func read(_ name: String, in subdirectory: String? = nil) throws -> String {
        var url = directory
        if let subdirectory { url.appendPathComponent(subdirectory, isDirectory: true) }
        return try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    static func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path)
    }

    private static func caseNames(in directory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }
}
