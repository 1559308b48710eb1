/// The passes that rewrite a block's inline content before the footnote and link passes collect it:
/// task list markers (``TaskListPass``), strikethrough and CJK-friendly emphasis (``DelimiterPass``), then extended autolinks
/// (``AutolinkPass``). Each is timed on a line of its own (``StageTimer/add(_:since:)``).
struct InlinePasses {
    var tasks: TaskListPass?
    var delimiters: DelimiterPass?
    var autolinks: AutolinkPass?

    /// The passes `options` turn on, or `nil` when none is.
    init?(options: MarkdownOptions) {
        guard options.extensions else { return nil }
        tasks = TaskListPass()
        delimiters = DelimiterPass(
            rules: DelimiterScope.Rules(
                strikethrough: true, cjkFriendly: options.cjkFriendlyEmphasis, smartPunctuation: options.smartPunctuation))
        autolinks = AutolinkPass()
    }

    /// The names of the stages the passes are timed as (``StageTimer/add(_:since:)``).
    static let stageNames = ["strikethrough and CJK emphasis", "autolinks"]

    /// Runs the passes over `container` (a paragraph, heading or table cell), block `block` of the map:
    /// each pass only where `lines` marked the container's lines for it (all of them without `lines`,
    /// for table cells and the blocks Teigen made).
    func run(_ container: CmarkNode, block: Int, lines: InlineLineFilter?, in context: ConversionContext) {
        func wants(_ kind: InlineLineFilter.Kind) -> Bool {
            guard let lines else { return true }
            return lines.any(kind, from: container.startLine, through: container.endLine)
        }
        if let tasks, wants(.inline) { tasks.run(container, block: block, in: context) }
        if let delimiters, wants(.delimiters) {
            let start = context.timer.now
            delimiters.run(container, block: block, in: context)
            context.timer.add(Self.stageNames[0], since: start)
        }
        if let autolinks, wants(.autolinks) {
            let start = context.timer.now
            autolinks.run(container, in: context)
            context.timer.add(Self.stageNames[1], since: start)
        }
    }
}
