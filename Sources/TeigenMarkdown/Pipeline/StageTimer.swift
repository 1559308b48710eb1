/// Times the stages of one conversion when asked to; does nothing (not even read the clock) otherwise.
struct StageTimer {
    /// Whether stages are timed.
    let isEnabled: Bool
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    /// The stages timed so far, in order.
    private(set) var stages: [MarkdownStageTime] = []

    init(enabled: Bool) {
        isEnabled = enabled
        last = clock.now
    }

    /// Ends the stage `name`, which began when the previous one ended (or when the timer was made);
    /// `pass` is false for the stages libcmark alone has too (``MarkdownStageTime/isPass``).
    mutating func lap(_ name: String, pass: Bool = true) {
        guard isEnabled else { return }
        let now = clock.now
        stages.append(MarkdownStageTime(name: name, duration: now - last, isPass: pass))
        last = now
    }
}
