import Foundation
import TeigenCore

/// Runs Pagefind (PyPI `pagefind-bin-extended`, whose indexer segments Japanese) over a built folder,
/// which adds the search index and UI under `pagefind/`. Used when `search: true`.
public struct PagefindIndexer: Sendable {
    /// How to start Pagefind: the executable and its leading arguments.
    let command: [String]
    /// The folder Pagefind writes into the built site, as the start of output paths (`pagefind/`).
    public static let outputFolder = "pagefind/"

    /// Finds Pagefind: `$TEIGEN_PAGEFIND`, `pagefind_extended` or `pagefind` on PATH, or the Python package.
    public static func locate() throws(DiagnosticError) -> PagefindIndexer {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["TEIGEN_PAGEFIND"], !explicit.isEmpty {
            return PagefindIndexer(command: [explicit])
        }
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["pagefind_extended", "pagefind"] {
            for folder in path where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return PagefindIndexer(command: ["\(folder)/\(name)"])
            }
        }
        for folder in path {
            let python = "\(folder)/python3"
            guard FileManager.default.isExecutableFile(atPath: python) else { continue }
            if (try? Self.run([python, "-c", "import pagefind_bin_extended"]))?.status == 0 {
                return PagefindIndexer(command: [python, "-m", "pagefind_bin_extended"])
            }
            break
        }
        throw DiagnosticError(.error(
            "'search: true' needs Pagefind, which was not found; install it with 'python3 -m pip install pagefind-bin-extended' (or run 'make site'), or set TEIGEN_PAGEFIND to its executable",
            at: SourceLocation(path: "config.yaml")))
    }

    /// Indexes the HTML files in `folder`.
    public func index(_ folder: URL) throws(DiagnosticError) {
        let result: (status: Int32, output: String)
        do {
            result = try Self.run(command + ["--site", folder.path, "--quiet"])
        } catch {
            throw DiagnosticError(.error("cannot start Pagefind (\(command.joined(separator: " "))): \(error)", at: SourceLocation(path: "config.yaml")))
        }
        guard result.status == 0 else {
            throw DiagnosticError(.error("Pagefind failed with exit code \(result.status): \(result.output)", at: SourceLocation(path: "config.yaml")))
        }
    }

    /// Runs a command and returns its exit status and output. When the calling task is cancelled (the
    /// preview server stopping a build), the command is killed instead of awaited.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        // The output goes to a file, so that waiting below never blocks on a full pipe.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-pagefind-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        var killed = false
        while process.isRunning {
            if Task.isCancelled && !killed {
                // SIGKILL: the process inherits the signal mask of the thread that started it, and the
                // threads of Swift's concurrency pool block SIGTERM.
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
            usleep(10_000)
        }
        return (process.terminationStatus, String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))
    }
}
