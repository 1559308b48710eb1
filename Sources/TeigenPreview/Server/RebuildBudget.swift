import Foundation

/// How long a build of the preview server may run, and how much memory it may take, before it is
/// stopped. The last good build stays served; the terminal and the open pages say what happened.
///
/// A build only runs away on input it should refuse (a YAML alias bomb, a template that recurses
/// without end): a limit turns a machine that swaps and dies into a message.
///
/// ```swift
/// var configuration = PreviewServer.Configuration()
/// configuration.budget = RebuildBudget(time: .seconds(120), memory: 8 << 30)
/// ```
public struct RebuildBudget: Sendable {
    /// The longest a build may take.
    public var time: Duration
    /// The most the server's resident memory may grow during a build, in bytes.
    public var memory: Int

    /// - Parameters:
    ///   - time: a minute: a full build of a large site takes seconds.
    ///   - memory: a quarter of the machine's memory, at least 1 GiB.
    public init(time: Duration = .seconds(60), memory: Int = RebuildBudget.defaultMemory) {
        self.time = time
        self.memory = memory
    }

    /// A quarter of the machine's physical memory, at least 1 GiB.
    public static var defaultMemory: Int {
        max(1 << 30, Int(ProcessInfo.processInfo.physicalMemory / 4))
    }

    /// A build stopped for going over the budget.
    public enum Exceeded: Error, Sendable, Equatable, CustomStringConvertible {
        /// It ran for longer than the time budget.
        case time(Duration)
        /// It grew the server's memory by more than the memory budget (bytes).
        case memory(Int)

        public var description: String {
            switch self {
            case .time(let limit):
                return "the build was stopped after \(RebuildBudget.seconds(limit)) (the preview's limit, --rebuild-timeout): "
                    + "the last good build is still served. Input that makes a build run away, such as a YAML alias bomb "
                    + "or a template including itself, is the usual cause; a very large site may need a higher limit"
            case .memory(let limit):
                return "the build was stopped when it had used \(RebuildBudget.megabytes(limit)) of memory "
                    + "(the preview's limit, --rebuild-memory): the last good build is still served. Input that makes a build "
                    + "run away, such as a YAML alias bomb, is the usual cause; a very large site may need a higher limit"
            }
        }
    }

    /// How often the watch looks at the clock and the memory.
    static let checkInterval: Duration = .milliseconds(50)
    /// How long past its time limit a build may take to stop before it counts as runaway.
    var stopGrace: Duration = .seconds(10)
    /// The memory the server uses now, in bytes: its resident memory (tests measure their own).
    var memoryInUse: @Sendable () async -> Int? = { RebuildBudget.residentMemory() }

    /// Runs `build`, cancelling it when it goes over the budget: `whenExceeded` is told at once, the
    /// build's end awaited, and `Exceeded` thrown.
    ///
    /// A build stops at its next cancellation check. One still running `stopGrace` after its time
    /// limit, or still taking memory up to twice the limit, is stuck in work that cannot be
    /// interrupted: `whenRunaway` is told (`teigen serve` then exits rather than let it take the
    /// machine's memory). Both limits count whether the build was cancelled by the budget, by a newer
    /// change or by Ctrl-C.
    func enforce<Output: Sendable>(
        _ build: @escaping @Sendable () async throws -> Output,
        whenExceeded: @escaping @Sendable (Exceeded) async -> Void,
        whenRunaway: @escaping @Sendable (String) async -> Void
    ) async throws -> Output {
        // Unstructured, so that the watch outlives a cancellation of this task (Ctrl-C) and keeps an
        // eye on a build that does not stop; both are awaited before returning.
        let running = Task { try await build() }
        let watchdog = Task { await watch(running, whenExceeded: whenExceeded, whenRunaway: whenRunaway) }
        let result = await withTaskCancellationHandler {
            await running.result
        } onCancel: {
            running.cancel()
        }
        watchdog.cancel()
        if let exceeded = await watchdog.value { throw exceeded }
        return try result.get()
    }

    /// Watches `running` until cancelled (it ended): cancels it when it goes over the budget, and
    /// tells `whenRunaway` when it is still running far beyond. Returns how it went over, if it did.
    private func watch(
        _ running: Task<some Sendable, any Error>, whenExceeded: @Sendable (Exceeded) async -> Void,
        whenRunaway: @Sendable (String) async -> Void
    ) async -> Exceeded? {
        let start = ContinuousClock.now
        let baseline = await memoryInUse()
        var exceeded: Exceeded?
        var toldRunaway = false
        while (try? await Task.sleep(for: Self.checkInterval)) != nil {
            let elapsed = ContinuousClock.now - start
            let now = await memoryInUse()
            let growth = baseline.flatMap { baseline in now.map { $0 - baseline } } ?? 0
            if exceeded == nil {
                if elapsed > time {
                    exceeded = .time(time)
                } else if growth > memory {
                    exceeded = .memory(memory)
                }
                if let exceeded {
                    running.cancel()
                    await whenExceeded(exceeded)
                }
            }
            if !toldRunaway, elapsed > time + stopGrace || growth > 2 * memory {
                toldRunaway = true
                await whenRunaway(
                    "error: the build did not stop when asked and has taken \(Self.megabytes(max(0, growth))) of memory "
                        + "in \(Self.seconds(elapsed)): it is stuck in work that cannot be interrupted (one huge or runaway input). "
                        + "teigen serve stops rather than let it take the machine's memory; fix the input and start it again")
            }
        }
        return exceeded
    }

    /// The process's resident memory in bytes (Linux: `/proc/self/statm`), nil where unknown.
    static func residentMemory() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// `60 s`, `1.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : String(format: "%.1f s", Double(milliseconds) / 1000)
    }

    /// `512 MB`, `6144 MB`.
    static func megabytes(_ bytes: Int) -> String {
        "\(bytes / (1 << 20)) MB"
    }
}
