import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// Symbolic links in the site and theme folders: followed inside the site's root, refused when they lead
/// outside it unless `allowSymlinksOutside` names their target.
@Suite struct SymlinkTests {
    /// A project (`site/`, `theme/`) and a folder outside it holding `photo.txt`.
    func project() throws -> (project: URL, outside: URL) {
        let project = try Fixtures.copy(Fixtures.root.appendingPathComponent("invalid/_defaults"))
        let outside = Fixtures.temporaryFolder("teigen-outside")
        try Data("photo".utf8).write(to: outside.appendingPathComponent("photo.txt"))
        return (project, outside)
    }

    func link(_ path: String, in project: URL, to destination: String) throws {
        let url = project.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    func build(_ project: URL) async throws(DiagnosticError) -> [String: Data] {
        let output = project.appendingPathComponent("public")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: project.appendingPathComponent("site")), output: output).build()
        return (try? Fixtures.tree(output)) ?? [:]
    }

    func errors(_ project: URL) async -> [String] {
        do {
            _ = try await build(project)
            return []
        } catch {
            return error.diagnostics.map { $0.header.replacingOccurrences(of: project.path + "/", with: "").replacingOccurrences(of: project.path, with: ".") }
        }
    }

    @Test func linksInsideTheRootWork() async throws {
        let (project, _) = try project()
        try FileManager.default.createDirectory(at: project.appendingPathComponent("shared"), withIntermediateDirectories: true)
        try Data("logo".utf8).write(to: project.appendingPathComponent("shared/logo.svg"))
        try link("site/static/images", in: project, to: "../../shared")
        try link("theme/assets/logo.svg", in: project, to: "../../shared/logo.svg")
        let tree = try await build(project)
        #expect(tree["images/logo.svg"] == Data("logo".utf8))
        #expect(tree["logo.svg"] == Data("logo".utf8))
    }

    @Test func linksOutsideAreRefusedEvenWholeFoldersAndTheConfiguration() async throws {
        let (project, outside) = try project()
        let real = try #require(DiskFileSystem().resolve(outside.path))
        try link("site/data", in: project, to: outside.path)
        try link("theme/assets/p.txt", in: project, to: outside.path + "/photo.txt")
        let advice = "leads outside the site's folder '.', and Teigen reads nothing outside it unless allowed: to allow this target, add "
        #expect(await errors(project) == [
            "site/data: error: symbolic link to '\(real)' \(advice)'allowSymlinksOutside: [\(real)]' to site/config.yaml",
            "theme/assets/p.txt: error: symbolic link to '\(real)/photo.txt' \(advice)'allowSymlinksOutside: [\(real)/photo.txt]' to site/config.yaml",
        ])
        try FileManager.default.removeItem(at: project.appendingPathComponent("site/config.yaml"))
        try link("site/config.yaml", in: project, to: outside.path + "/photo.txt")
        #expect(await errors(project).first?.hasPrefix("site/config.yaml: error: symbolic link to '\(real)/photo.txt' leads outside") == true)
    }

    @Test func allowSymlinksOutsideLetsNamedTargetsIn() async throws {
        let (project, outside) = try project()
        try link("site/static/photos", in: project, to: outside.path)
        try link("site/static/p.txt", in: project, to: outside.path + "/photo.txt")
        let config = project.appendingPathComponent("site/config.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "allowSymlinksOutside:\n  - \(outside.path)\n").write(to: config, atomically: true, encoding: .utf8)
        let tree = try await build(project)
        #expect(tree["photos/photo.txt"] == Data("photo".utf8))
        #expect(tree["p.txt"] == Data("photo".utf8))
        // A target that does not exist is an error at its line.
        try (text + "allowSymlinksOutside: [\(outside.path), ../nowhere]\n").write(to: config, atomically: true, encoding: .utf8)
        #expect(await errors(project) == [
            "site/config.yaml:4:\(26 + outside.path.count): error: allowSymlinksOutside: '../nowhere' does not exist (site/../nowhere)",
        ])
    }
}
