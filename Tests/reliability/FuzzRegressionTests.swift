import Foundation
import Testing
import TeigenContent
import TeigenCore
import TeigenMarkdown

/// Replays every fuzz input kept in the repository — the seeds (`Fuzz/corpus/<target>/`) and the inputs
/// that once crashed, hung or leaked (`Tests/Fixtures/fuzz-regressions/<target>/`) — through the same
/// calls as the libFuzzer targets in `Fuzz/`, without a sanitizer: none may trap.
///
/// Each target's inputs run in a child process (an exit test), so a crash fails this test and names the
/// input instead of ending the whole test run. `scripts/fuzz.sh` finds new inputs; see `Fuzz/README.md`.
@Suite("Fuzz regression inputs")
struct FuzzRegressionTests {
    @Test("the kept inputs exist")
    func inputsExist() throws {
        for target in FuzzInputs.targets {
            #expect(!FuzzInputs.files(for: target).isEmpty, "no inputs for \(target) under \(FuzzInputs.root.path)")
        }
    }

    @Test("front matter, config and data files: no input traps")
    func frontMatter() async throws {
        let passed = await #expect(processExitsWith: .success) {
            for file in FuzzInputs.files(for: "FuzzFrontMatter") {
                try FuzzInputs.announce(file, target: "FuzzFrontMatter")
                FrontMatterHarness.run(String(decoding: try Data(contentsOf: file), as: UTF8.self))
            }
        }
        FuzzInputs.report(target: "FuzzFrontMatter", passed: passed != nil)
    }

    @Test("Markdown and slugs: no input traps")
    func markdown() async throws {
        let passed = await #expect(processExitsWith: .success) {
            for file in FuzzInputs.files(for: "FuzzMarkdown") {
                try FuzzInputs.announce(file, target: "FuzzMarkdown")
                let bytes = [UInt8](try Data(contentsOf: file))
                bytes.withUnsafeBufferPointer { MarkdownHarness.run($0) }
            }
        }
        FuzzInputs.report(target: "FuzzMarkdown", passed: passed != nil)
    }
}

/// Where the kept fuzz inputs are.
enum FuzzInputs {
    static let targets = ["FuzzFrontMatter", "FuzzMarkdown"]

    /// The repository: `TEIGEN_SOURCE_ROOT`, or the first folder above this file holding `Fuzz/corpus`.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["TEIGEN_SOURCE_ROOT"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Fuzz/corpus").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// Every input of `target`, sorted: regression inputs first, then seeds. Reports (`*.log`) and
    /// READMEs are not inputs.
    static func files(for target: String) -> [URL] {
        let folders = ["Tests/Fixtures/fuzz-regressions/\(target)", "Fuzz/corpus/\(target)"]
        return folders.flatMap { folder -> [URL] in
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
            return walker.compactMap { $0 as? URL }
                .filter { url in
                    (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                        && url.pathExtension != "log" && !url.lastPathComponent.hasPrefix("README")
                }
                .sorted { $0.path < $1.path }
        }
    }

    /// The file in which the child process of an exit test notes the input it is about to run, so the
    /// parent can name the input that crashed it: keyed by the parent's process id and the target.
    static func progressFile(target: String, parent: Int32) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("teigen-fuzz-replay-\(parent)-\(target)")
    }

    /// Notes `file` as the input about to run (called in the exit test's child process).
    static func announce(_ file: URL, target: String) throws {
        try Data(file.path.utf8).write(to: progressFile(target: target, parent: getppid()))
    }

    /// Names the input that was running when the child process crashed, if it did (called in the parent).
    static func report(target: String, passed: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let progress = progressFile(target: target, parent: getpid())
        defer { try? FileManager.default.removeItem(at: progress) }
        guard !passed else { return }
        guard let data = try? Data(contentsOf: progress) else {
            Issue.record("an input of \(target) traps", sourceLocation: sourceLocation)
            return
        }
        let path = String(decoding: data, as: UTF8.self)
        Issue.record("\(path) traps; replay it under AddressSanitizer: Fuzz/.build/debug/\(target) \(path) (see Fuzz/README.md)", sourceLocation: sourceLocation)
    }
}
