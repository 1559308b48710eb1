/// One heading while ids are assigned.
struct HeadingInfo {
    var node: CmarkNode
    var level: Int
    /// Plain text of the heading (no `{#id}`, no footnote numbers).
    var title: String
    /// The id from `{#id}`, if any.
    var explicitID: String?
    /// Position of the heading for messages.
    var line: Int
    var column: Int
    /// Whether the heading is in the page's body (not in a footnote): only those go in the table of contents.
    var inBody: Bool
}
