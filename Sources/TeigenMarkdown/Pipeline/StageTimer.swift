/// Times the stages of one conversion when asked to; does nothing (not even read the clock) otherwise.
struct StageTimer {
    /// Whether stages are timed.
    let isEnabled: Bool
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    /// The stages timed so far, in order.
    private(set) var stages: [MarkdownStageTime] = []
    /// Time spent in stages measured piece by piece (``add(_:since:)``) since the last lap.
    private var measuredSinceLap: Duration = .zero

    init(enabled: Bool) {
        isEnabled = enabled
        last = clock.now
    }

    /// Ends the stage `name`, which began when the previous one ended (or when the timer was made);
    /// `pass` is false for the stages libcmark alone has too (``MarkdownStageTime/isPass``).
    mutating func lap(_ name: String, pass: Bool = true) {
        guard isEnabled else { return }
        let now = clock.now
        stages.append(MarkdownStageTime(name: name, duration: now - last - measuredSinceLap, isPass: pass))
        measuredSinceLap = .zero
        last = now
    }

    /// The current instant when timing, to pass to ``add(_:since:)``; `nil` otherwise (no clock read).
    var now: ContinuousClock.Instant? { isEnabled ? clock.now : nil }

    /// Lists the stage `name` (at no time yet) when timing, so that a pass measured piece by piece
    /// (``add(_:since:)``) has its line even when it had nothing to do.
    mutating func declare(_ name: String) {
        guard isEnabled, !stages.contains(where: { $0.name == name }) else { return }
        stages.append(MarkdownStageTime(name: name, duration: .zero))
    }

    /// Adds the time since `start` to the stage `name`, a pass run piece by piece inside another stage
    /// (once per block): it gets a line of its own, and the time leaves the stage around it.
    mutating func add(_ name: String, since start: ContinuousClock.Instant?) {
        guard let start else { return }
        let elapsed = clock.now - start
        measuredSinceLap += elapsed
        if let index = stages.firstIndex(where: { $0.name == name }) {
            stages[index].duration += elapsed
        } else {
            stages.append(MarkdownStageTime(name: name, duration: elapsed))
        }
    }
}
