import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// The catalogue of bad input under Tests/Fixtures/invalid: each case overlays `_defaults` with its own files
/// (and removes those listed in `remove.txt`), and `expected.txt` holds the exact error lines the build must report.
@Suite struct InvalidInputTests {
    static let folder = Fixtures.root.appendingPathComponent("invalid")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted()
    }

    @Test func catalogueIsLarge() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func reportsExactError(_ name: String) async throws {
        let work = try Fixtures.copy(Self.folder.appendingPathComponent("_defaults"))
        let caseFolder = Self.folder.appendingPathComponent(name)
        let entries = (FileManager.default.enumerator(atPath: caseFolder.path)?.allObjects as? [String]) ?? []
        for path in entries.sorted() where path != "expected.txt" && path != "remove.txt" {
            let source = caseFolder.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: source.path)
            if attributes[.type] as? FileAttributeType == .typeDirectory { continue }
            let target = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: source, to: target)
        }
        if let removals = try? String(contentsOf: caseFolder.appendingPathComponent("remove.txt"), encoding: .utf8) {
            for path in removals.split(separator: "\n") { try FileManager.default.removeItem(at: work.appendingPathComponent(String(path))) }
        }
        let output = work.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("previous build\n".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data(Self.manifest.utf8).write(to: output.appendingPathComponent(OutputManifest.fileName))
        var headers: [String] = []
        do {
            _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: work.appendingPathComponent("site")), output: output).build()
        } catch {
            headers = error.diagnostics.filter { $0.severity == .error }.map {
                $0.header.replacingOccurrences(of: work.path + "/", with: "").replacingOccurrences(of: work.path, with: ".")
            }
        }
        let expectedFile = caseFolder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["TEIGEN_UPDATE_GOLDEN"] == "1" {
            try Data((headers.joined(separator: "\n") + "\n").utf8).write(to: expectedFile)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(headers == expected)
        #expect(!headers.isEmpty, "the build of '\(name)' must fail")
        // The previous output is untouched.
        #expect(try Fixtures.tree(output) == ["index.html": Data("previous build\n".utf8), OutputManifest.fileName: Data(Self.manifest.utf8)])
    }

    /// The manifest of the previous build (which the build may therefore replace).
    static let manifest = "{\"teigen-output\": 1, \"generator\": \"Teigen\",\n\"files\": [\n{\"path\": \"index.html\", \"size\": 15}\n]}\n"
}
