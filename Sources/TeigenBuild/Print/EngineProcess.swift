import Dispatch
import Foundation

/// Runs a program to its end without blocking Swift's cooperative threads: its input is written and its
/// output read on Dispatch's threads, its exit awaited through a termination handler. Cancelling the
/// awaiting task kills the program (SIGKILL) and throws `CancellationError`.
///
/// Foundation's `Process` is enough here (one program, bytes in and out), so the print edition does not
/// bring in a package for it.
enum EngineProcess {
    struct Result: Sendable {
        var status: Int32
        var output: Data
        var errors: Data
    }

    /// Runs `arguments[0]` with the rest as its arguments, `input` on its standard input, and `environment`
    /// added to this process's environment.
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let exit = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished in
            exit.continuation.yield(finished.terminationStatus)
            exit.continuation.finish()
        }
        try process.run()
        let pid = process.processIdentifier
        return try await withTaskCancellationHandler {
            async let output = read(stdout.fileHandleForReading)
            async let errors = read(stderr.fileHandleForReading)
            await write(input, to: stdin.fileHandleForWriting)
            var status: Int32 = -1
            for await value in exit.stream { status = value }
            let result = Result(status: status, output: await output, errors: await errors)
            try Task.checkCancellation()
            return result
        } onCancel: {
            kill(pid, SIGKILL)
        }
    }

    private static func read(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }

    private static func write(_ data: Data, to handle: FileHandle) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                // A program that exits without reading its input closes the pipe: the write then fails, harmlessly.
                try? handle.write(contentsOf: data)
                try? handle.close()
                continuation.resume()
            }
        }
    }
}
