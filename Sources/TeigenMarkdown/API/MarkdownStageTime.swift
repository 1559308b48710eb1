/// How long one stage of a conversion took (``MarkdownRenderer/renderTimed(_:includingText:)``).
public struct MarkdownStageTime: Sendable, Hashable {
    /// The stage, as `teigen markdown --timings` prints it ("parse", "tables", …).
    public var name: String
    /// Its wall-clock time.
    public var duration: Duration

    /// Creates a stage time.
    public init(name: String, duration: Duration) {
        self.name = name
        self.duration = duration
    }
}
