/// One entry of a page's table of contents (h2 and h3, nested: an h3 sits under the h2 before it).
public struct TOCEntry: Sendable, Hashable {
    /// The heading level, 2 or 3.
    public var level: Int
    /// The heading's `id` (link to it with `#` + id).
    public var id: String
    /// The heading's plain text.
    public var title: String
    /// The h3 entries under an h2.
    public var children: [TOCEntry]

    /// Creates an entry.
    public init(level: Int, id: String, title: String, children: [TOCEntry] = []) {
        self.level = level
        self.id = id
        self.title = title
        self.children = children
    }
}
