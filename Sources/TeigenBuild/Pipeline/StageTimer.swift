/// Times the named stages of a build for `--verbose`.
struct StageTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var stages: [(stage: String, duration: Duration)] = []

    init() {
        last = clock.now
    }

    mutating func mark(_ stage: String) {
        let now = clock.now
        stages.append((stage, now - last))
        last = now
    }
}
