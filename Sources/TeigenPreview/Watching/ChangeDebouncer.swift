/// Collects file changes until the folders have been quiet for `delay`, then emits them as one batch,
/// so that an editor's save (write a temporary file, rename, touch) or a `git checkout` rebuilds once.
///
/// A steady stream of changes still flushes after `maximumDelay`, so the preview never starves.
/// Time is read from `clock` (the continuous clock unless given), so that tests can drive it.
///
/// ```swift
/// let debouncer = ChangeDebouncer(delay: .milliseconds(100))
/// await debouncer.submit(FileChange(path: "/site/content/a.md", kind: .modified))
/// for await batch in debouncer.batches { … }
/// ```
public actor ChangeDebouncer<C: Clock> where C.Duration == Duration {
    /// The debounced batches, in order. Ends after `finish()`.
    public nonisolated let batches: AsyncStream<ChangeBatch>
    private let continuation: AsyncStream<ChangeBatch>.Continuation
    private let clock: C
    private let delay: Duration
    private let maximumDelay: Duration
    private var pending = ChangeBatch()
    private var firstChange: C.Instant?
    private var lastChange: C.Instant?
    private var timer: Task<Void, Never>?

    /// - Parameters:
    ///   - delay: how long the folders must be quiet before a batch is emitted.
    ///   - maximumDelay: the longest a change waits while other changes keep arriving.
    ///   - clock: what measures both delays.
    public init(delay: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(1), clock: C) {
        self.clock = clock
        self.delay = delay
        self.maximumDelay = max(delay, maximumDelay)
        (batches, continuation) = AsyncStream.makeStream(of: ChangeBatch.self)
    }

    /// Records one change; ignored files never get here (the watcher filters them).
    public func submit(_ change: FileChange) {
        var batch = ChangeBatch()
        batch.add(change)
        submit(batch)
    }

    /// Records a group of changes.
    public func submit(_ batch: ChangeBatch) {
        guard !batch.isEmpty else { return }
        pending.merge(batch)
        let now = clock.now
        lastChange = now
        if firstChange == nil { firstChange = now }
        if timer == nil {
            timer = Task { await self.flushWhenQuiet() }
        }
    }

    /// Emits what is pending and ends `batches`.
    public func finish() {
        timer?.cancel()
        timer = nil
        flush()
        continuation.finish()
    }

    private func flushWhenQuiet() async {
        while let lastChange, let firstChange {
            let deadline = min(lastChange.advanced(by: delay), firstChange.advanced(by: maximumDelay))
            if clock.now >= deadline { break }
            do {
                try await clock.sleep(until: deadline, tolerance: nil)
            } catch {
                return  // cancelled by finish(), which flushes itself
            }
        }
        timer = nil
        flush()
    }

    private func flush() {
        firstChange = nil
        lastChange = nil
        guard !pending.isEmpty else { return }
        continuation.yield(pending)
        pending = ChangeBatch()
    }
}

extension ChangeDebouncer where C == ContinuousClock {
    /// A debouncer on the continuous clock (see `init(delay:maximumDelay:clock:)`).
    public init(delay: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(1)) {
        self.init(delay: delay, maximumDelay: maximumDelay, clock: ContinuousClock())
    }
}
