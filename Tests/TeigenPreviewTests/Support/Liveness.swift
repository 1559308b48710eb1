import Testing

/// How long a test waits for something that must happen (an event, a response, a closed connection,
/// a program's end) before it calls the behaviour broken.
///
/// A liveness bound, not a timing: it only fires when the awaited thing never comes, and no test
/// measures how long it took. On a loaded two-core machine, with the other suites running in the same
/// process, anything a test waits for may come seconds late and must still pass. How fast things
/// are is `make bench`'s business.
enum Liveness {
    /// Two minutes: far beyond any wait on a loaded machine.
    static let bound: Duration = .seconds(120)

    /// A bound for a whole test that awaits several things, some with no deadline of their own (the
    /// next element of an `AsyncStream`), as a trait: `@Test(.timeLimit(Liveness.testLimit))`.
    static let testLimit: TimeLimitTrait.Duration = .minutes(5)
}
