import TeigenCore

/// The order of pages in lists (``ContentGraph/order(_:_:)``), over page indices for sorting long lists: each
/// page's sort keys are read once, instead of two pages being copied out of the list at every comparison (which, at
/// 100,000 pages, made sorting the terms' and sections' lists a large part of building the graph).
struct PageOrder {
    /// What a page is sorted by.
    struct Key {
        var weight: Int
        var date: SiteDate?
        var title: String
        var path: String

        init(_ page: Page) {
            let matter = page.source.frontMatter
            weight = matter.weight ?? Int.max
            date = matter.date
            title = matter.title
            path = page.source.contentPath
        }

        /// Whether this page comes before `other`: weight first (pages without one come last), then newest date,
        /// then title, then path.
        func precedes(_ other: Key) -> Bool {
            if weight != other.weight { return weight < other.weight }
            if date != other.date {
                guard let date else { return false }
                guard let otherDate = other.date else { return true }
                return date > otherDate
            }
            if title != other.title { return title < other.title }
            return path < other.path
        }
    }

    private let keys: [Key]

    init(_ pages: [Page]) {
        keys = pages.map(Key.init)
    }

    /// Whether page `a` comes before page `b`.
    func callAsFunction(_ a: Int, _ b: Int) -> Bool {
        keys.withUnsafeBufferPointer { $0[a].precedes($0[b]) }
    }
}
