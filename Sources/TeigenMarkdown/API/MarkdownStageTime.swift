/// How long one stage of a conversion took (``MarkdownRenderer/renderTimed(_:includingText:)``).
public struct MarkdownStageTime: Sendable, Hashable {
    /// The stage, as `teigen markdown --timings` prints it ("parse", "tables", …).
    public var name: String
    /// Its wall-clock time.
    public var duration: Duration
    /// Whether the stage is one of Teigen's passes; false for the work libcmark alone does too
    /// (parsing the document, rendering HTML, freeing the trees).
    public var isPass: Bool

    /// Creates a stage time.
    public init(name: String, duration: Duration, isPass: Bool = true) {
        self.name = name
        self.duration = duration
        self.isPass = isPass
    }
}
