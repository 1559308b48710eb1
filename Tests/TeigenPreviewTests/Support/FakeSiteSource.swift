import Foundation
import TeigenBuild
import TeigenCore
@testable import TeigenPreview

/// A `SiteSource` that returns what the test tells it to, and remembers what it was asked.
actor FakeSiteSource: SiteSource {
    /// What the next builds do.
    enum Behaviour: Sendable {
        case succeed(SiteSnapshot)
        case fail(DiagnosticError)
        /// Runs until cancelled, like a build stuck on runaway input that checks for cancellation.
        case runForever
        /// Takes memory, 16 MB at a time, until cancelled.
        case takeMemory
        /// Ignores cancellation until `until` says to stop (or the liveness bound passed), then throws
        /// `CancellationError` (work that cannot be interrupted).
        case ignoreCancellation(until: @Sendable () async -> Bool)
        /// Takes memory, 8 MB at a time, whether cancelled or not, until `until` says to stop (or 2 GB), then throws.
        case takeMemoryIgnoringCancellation(until: @Sendable () async -> Bool)
    }

    private var next: Behaviour
    /// The `changedPaths` of every build, in order.
    private(set) var requests: [Set<String>?] = []
    /// How many builds ended because they were cancelled.
    private(set) var cancellations = 0
    /// How many `runForever` builds are running now.
    private(set) var runningForever = 0
    /// The memory the `takeMemory` builds hold now, in bytes (for `RebuildBudget.memoryInUse`).
    private(set) var takenMemory = 0
    /// The words of the site's languages, as `words()` tells them.
    private var siteWords: [I18nTable]?

    /// A source whose site is in `language` (Teigen's own words), or in the languages of `words`.
    init(_ snapshot: SiteSnapshot, language: String? = nil, words: [I18nTable]? = nil) {
        next = .succeed(snapshot)
        siteWords = words ?? language.map { [I18nTable.builtIn(language: $0)] }
    }

    init(failing error: DiagnosticError, language: String? = nil) {
        next = .fail(error)
        siteWords = language.map { [I18nTable.builtIn(language: $0)] }
    }

    /// Makes the next builds return `snapshot`.
    func succeed(with snapshot: SiteSnapshot) {
        next = .succeed(snapshot)
    }

    /// Makes the next builds throw `error`.
    func fail(with error: DiagnosticError) {
        next = .fail(error)
    }

    /// Makes the next builds behave so.
    func behave(_ behaviour: Behaviour) {
        next = behaviour
    }

    func words() -> [I18nTable]? {
        siteWords
    }

    func build(changedPaths: Set<String>?) async throws -> (SiteSnapshot, RebuildReport) {
        requests.append(changedPaths)
        switch next {
        case .succeed(let snapshot):
            return (snapshot, RebuildReport(rebuiltPaths: snapshot.files.keys.sorted(), wasFullBuild: changedPaths == nil, duration: .milliseconds(1)))
        case .fail(let error):
            throw error
        case .runForever:
            runningForever += 1
            defer { runningForever -= 1 }
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                cancellations += 1
                throw error
            }
            throw CancellationError()
        case .takeMemory:
            var taken: [[UInt8]] = []
            defer { takenMemory = 0 }
            while !Task.isCancelled {
                taken.append([UInt8](repeating: 1, count: 16 << 20))
                takenMemory = taken.count * (16 << 20)
                await Task.yield()
            }
            cancellations += 1
            throw CancellationError()
        case .ignoreCancellation(let until):
            let deadline = ContinuousClock.now.advanced(by: Liveness.bound)
            while !(await until()), ContinuousClock.now < deadline {
                await Self.sleepIgnoringCancellation(.milliseconds(10))
            }
            throw CancellationError()
        case .takeMemoryIgnoringCancellation(let until):
            var taken: [[UInt8]] = []
            defer { takenMemory = 0 }
            while taken.count < 256, !(await until()) {
                taken.append([UInt8](repeating: 1, count: 8 << 20))
                takenMemory = taken.count * (8 << 20)
                await Self.sleepIgnoringCancellation(.milliseconds(10))
            }
            throw CancellationError()
        }
    }

    /// Waits for `duration` whether cancelled or not (a continuation does not end on cancellation, unlike `Task.sleep`).
    private static func sleepIgnoringCancellation(_ duration: Duration) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(duration / .milliseconds(1)))) { continuation.resume() }
        }
    }
}
