import TeigenMarkdown

/// One entry of a page's table of contents: an h2, or an h3 under the h2 before it.
public struct PageHeading: Sendable, Hashable {
    /// The heading level, 2 or 3.
    public var level: Int
    /// The heading's `id` (link to it with `#` + id).
    public var id: String
    /// The heading's plain text.
    public var title: String
    /// The h3 entries under an h2.
    public var children: [PageHeading]

    /// Creates an entry.
    public init(level: Int, id: String, title: String, children: [PageHeading] = []) {
        self.level = level
        self.id = id
        self.title = title
        self.children = children
    }

    init(_ entry: TOCEntry) {
        self.init(level: entry.level, id: entry.id, title: entry.title, children: entry.children.map(PageHeading.init))
    }

    /// How many entries `entries` hold, nested ones included.
    public static func count(_ entries: [PageHeading]) -> Int {
        entries.reduce(0) { $0 + 1 + count($1.children) }
    }
}
