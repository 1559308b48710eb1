import TeigenCore

/// Times the named stages of a build for `--verbose`.
struct StageTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var stages: [(stage: String, duration: Duration)] = []

    init() {
        last = clock.now
    }

    /// Adds a line that is no step of its own: work done alongside the steps (the images' processing).
    mutating func note(_ stage: String, _ duration: Duration) {
        stages.append((stage, duration))
    }

    mutating func mark(_ stage: String) {
        let now = clock.now
        stages.append((stage, now - last))
        last = now
    }

    /// Ends a step of the pipeline: marks its time, then stops the build when its task was cancelled.
    mutating func endStep(_ stage: String) throws(DiagnosticError) {
        mark(stage)
        try BuildPipeline.checkCancellation()
    }
}
