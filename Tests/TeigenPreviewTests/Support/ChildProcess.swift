import Foundation

/// A program run to its end without holding one of Swift's cooperative threads while it runs.
///
/// Its output is read on threads of its own and its end awaited through `terminationHandler`. A
/// blocking read or `waitUntilExit()` in a task takes one of the test process's few cooperative
/// threads (two on a two-core machine) for the program's whole run, starving every other task, the
/// preview server under test included: that is how `ab` once waited in vain for a server that could
/// not answer.
enum ChildProcess {
    /// How the program ended and what it wrote.
    struct Outcome: Sendable {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The program was still running after the liveness bound, and was terminated.
    struct Hung: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `executable` with `arguments` until it exits (terminating it after the liveness bound).
    static func run(_ executable: URL, arguments: [String]) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        let (ends, end) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            end.yield(process.terminationStatus)
            end.finish()
        }
        try process.run()
        let watchdog = Task {
            guard (try? await Task.sleep(for: Liveness.bound)) != nil else { return false }
            process.terminate()
            return true
        }
        async let standardOutput = readToEnd(output.fileHandleForReading)
        async let standardError = readToEnd(errors.fileHandleForReading)
        let outcome = Outcome(
            status: await ends.first { _ in true } ?? -1,
            standardOutput: String(decoding: await standardOutput, as: UTF8.self),
            standardError: String(decoding: await standardError, as: UTF8.self)
        )
        watchdog.cancel()
        if await watchdog.value {
            throw Hung(description: "\(executable.lastPathComponent) still ran after \(Liveness.bound); it wrote: \(outcome)")
        }
        return outcome
    }

    /// Everything `handle` gives until its end, read on a thread of its own.
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: handle.readDataToEndOfFile()) }.start()
        }
    }
}
