import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// The output folder is Teigen's alone: never `/`, a home folder, a folder of someone else's files, or one that
/// is, holds or lies inside what the build reads (after resolving symbolic links and `..`); and it carries the
/// manifest that marks it as Teigen's.
@Suite struct OutputFolderTests {
    /// A copy of the small default site (`site/`, `theme/`) in a temporary folder.
    func project() throws -> URL {
        try Fixtures.copy(Fixtures.root.appendingPathComponent("invalid/_defaults"))
    }

    func build(_ project: URL, source: String = "site", theme: String? = nil, output: String, force: Bool = false) async throws(DiagnosticError) -> BuildProduct {
        let options = BuildOptions(
            sourceDirectory: project.appendingPathComponent(source), themeDirectory: theme.map { project.appendingPathComponent($0) })
        let outputURL = output.hasPrefix("/") ? URL(fileURLWithPath: output) : project.appendingPathComponent(output)
        return try await SiteBuilder(options: options, output: outputURL, force: force).build()
    }

    /// The error headers of a build that must fail, with the project's path left out.
    func refusal(_ project: URL, source: String = "site", theme: String? = nil, output: String) async -> [String] {
        do {
            _ = try await build(project, source: source, theme: theme, output: output)
            return []
        } catch {
            let real = DiskFileSystem().resolve(project.path) ?? project.path
            return error.diagnostics.map {
                $0.header.replacingOccurrences(of: project.path + "/", with: "").replacingOccurrences(of: real + "/", with: "")
            }
        }
    }

    @Test func aFolderOfSomeoneElsesFilesIsRefusedThenReplacedWithForce() async throws {
        let project = try project()
        let docs = project.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("Documents"), withIntermediateDirectories: true)
        try Data("my thesis".utf8).write(to: docs.appendingPathComponent("Documents/thesis.txt"))
        #expect(await refusal(project, output: "docs") == [
            "docs: error: refusing to replace this folder: it holds files that Teigen did not write (such as 'Documents') and no "
                + ".teigen-manifest.json from an earlier build; build into an empty or new folder, or pass --force to replace it (deleting those files)",
        ])
        #expect(try Fixtures.tree(docs) == ["Documents/thesis.txt": Data("my thesis".utf8)])
        _ = try await build(project, output: "docs", force: true)
        let tree = try Fixtures.tree(docs)
        #expect(tree["Documents/thesis.txt"] == nil)
        #expect(tree["index.html"] != nil)
        // Now marked as Teigen's, it is replaced without --force.
        _ = try await build(project, output: "docs")
    }

    @Test func anEmptyFolderOrANewOneIsTaken() async throws {
        let project = try project()
        try FileManager.default.createDirectory(at: project.appendingPathComponent("empty"), withIntermediateDirectories: true)
        _ = try await build(project, output: "empty")
        _ = try await build(project, output: "new/deeper")
        #expect(try Fixtures.tree(project.appendingPathComponent("new/deeper"))["index.html"] != nil)
    }

    @Test func theManifestMarksTheFolderListsEveryFileAndIsTheSameForTheSameInput() async throws {
        let project = try project()
        _ = try await build(project, output: "public")
        let first = try Fixtures.tree(project.appendingPathComponent("public"))
        let manifest = String(decoding: try #require(first[OutputManifest.fileName]), as: UTF8.self)
        let lines = manifest.split(separator: "\n").map(String.init)
        #expect(lines.first == "{\"teigen-output\": 1, \"generator\": \"Teigen\",")
        #expect(lines[1] == "\"files\": [")
        #expect(lines.last == "]}")
        let listed = lines.dropFirst(2).dropLast().map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
        #expect(listed == first.keys.filter { $0 != OutputManifest.fileName }.sorted().map { "\"\($0)\"" })
        _ = try await build(project, output: "public")
        #expect(try Fixtures.tree(project.appendingPathComponent("public")) == first)
    }

    @Test func aSiteFileCannotTakeTheManifestsName() async throws {
        let project = try project()
        try FileManager.default.createDirectory(at: project.appendingPathComponent("site/static"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: project.appendingPathComponent("site/static/.teigen-manifest.json"))
        #expect(await refusal(project, output: "public") == [
            "public: error: the site has a file that would be published as /.teigen-manifest.json, a name Teigen keeps for the manifest of its output; rename it",
        ])
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("public").path))
    }

    @Test func anOutputHoldingTheSourceIsRefusedThroughASymbolicLink() async throws {
        // The case: `--source plink/site --theme plink/theme --output p/proj`, plink → p/proj.
        let top = Fixtures.temporaryFolder()
        let project = top.appendingPathComponent("p/proj")
        try FileManager.default.createDirectory(at: project.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try self.project(), to: project)
        try FileManager.default.createSymbolicLink(at: top.appendingPathComponent("plink"), withDestinationURL: project)
        let before = try Fixtures.tree(project)
        #expect(await refusal(top, source: "plink/site", theme: "plink/theme", output: "p/proj") == [
            "p/proj: error: refusing to build into this folder: it holds the site folder 'plink/site', which the build reads and which "
                + "replacing the output folder would delete; use a folder of its own, such as 'public'",
            "p/proj: error: refusing to build into this folder: it holds the theme folder 'plink/theme', which the build reads and which "
                + "replacing the output folder would delete; use a folder of its own, such as 'public'",
        ])
        #expect(try Fixtures.tree(project) == before)
        // `..` after a link is resolved where the link leads: plink/site/.. is p/proj.
        #expect(await refusal(top, source: "plink/site", theme: "plink/theme", output: "plink").count == 2)
    }

    @Test(arguments: [
        ("site/static/out", "the site folder 'site'"), ("site/content/public", "the site folder 'site'"),
        ("theme/assets/out", "the theme folder 'theme'"),
    ])
    func anOutputInsideTheInputIsRefused(output: String, input: String) async throws {
        let project = try project()
        let message = "refusing to build into this folder: it lies inside \(input), which the build reads, so each build would read the last "
            + "one's output back as input; use a folder of its own, such as 'public'"
        #expect(await refusal(project, output: output) == ["\(output): error: " + message])
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent(output).path))
    }

    @Test func aContentLinkToTheOutputIsRefused() async throws {
        let project = try project()
        _ = try await build(project, output: "public")
        try FileManager.default.createSymbolicLink(
            atPath: project.appendingPathComponent("site/content/old").path, withDestinationPath: "../../public")
        #expect(await refusal(project, output: "public") == [
            "public: error: refusing to build into this folder: it is the target of the symbolic link 'site/content/old', which the build reads; "
                + "remove the link, or build into another folder",
        ])
    }

    @Test func theRootAndTheHomeFolderAreRefusedBeforeAnythingIsWritten() throws {
        let project = try project()
        let options = BuildOptions(sourceDirectory: project.appendingPathComponent("site"))
        for output in ["/", NSHomeDirectory()] {
            // Only the check: a build is never started into these folders, even by a test.
            #expect(throws: DiagnosticError.self) { try SiteBuilder(options: options, output: URL(fileURLWithPath: output)).checkOutputFolder() }
        }
    }

    @Test func homeGivenAsTheOutputKeepsItsFiles() throws {
        // The case, with the real command and a home folder of its own: HOME=$h teigen build --output ~
        let project = try project()
        let home = project.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Documents"), withIntermediateDirectories: true)
        try Data("thesis".utf8).write(to: home.appendingPathComponent("Documents/thesis.txt"))
        for output in [home.path, home.path + "/..", home.appendingPathComponent("Documents").path] {
            let run = try Command.run(["build", "--output", output], in: project, environment: ["HOME": home.path])
            #expect(run.status == 1, "\(output)")
            #expect(run.standardError.contains("error: refusing to "), "\(output): \(run.standardError)")
        }
        #expect(try Fixtures.tree(home) == ["Documents/thesis.txt": Data("thesis".utf8)])
    }

    @Test func outputFilesNeverTakeTheSourcesMode() async throws {
        let project = try project()
        let files = project.appendingPathComponent("site/static")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        for (name, mode) in [("script.sh", 0o4755), ("private.txt", 0o600), ("odd.txt", 0o777)] {
            try Data(name.utf8).write(to: files.appendingPathComponent(name))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: files.appendingPathComponent(name).path)
        }
        _ = try await build(project, output: "public")
        let expected = 0o644 & ~Command.umask
        for name in ["script.sh", "private.txt", "odd.txt", "index.html", OutputManifest.fileName] {
            let attributes = try FileManager.default.attributesOfItem(atPath: project.appendingPathComponent("public/" + name).path)
            #expect((attributes[.posixPermissions] as? Int) == expected, "\(name)")
        }
    }
}

/// Runs the `teigen` command built beside the tests (or `TEIGEN_BINARY`).
enum Command {
    struct Run {
        var status: Int32
        var standardError: String
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TEIGEN_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("teigen")
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardError: String(decoding: data, as: UTF8.self))
    }

    /// The process's umask, read without changing it (`umask(2)` can only be read by setting it).
    static var umask: Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") } ?? "Umask: 0022"
        return Int(line.split(separator: "\t").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "0022", radix: 8) ?? 0o022
    }
}
