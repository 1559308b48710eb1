import TeigenCore

/// ``ContentGraph/order(_:_:)`` over page indices, for sorting long lists: each page's sort keys are read once,
/// instead of two pages being copied out of the list at every comparison (which, at 100,000 pages, made sorting
/// the terms' and sections' lists a large part of building the graph).
struct PageOrder {
    private var weights: [Int] = []
    private var dates: [SiteDate?] = []
    private var titles: [String] = []
    private var paths: [String] = []

    init(_ pages: [Page]) {
        weights.reserveCapacity(pages.count)
        dates.reserveCapacity(pages.count)
        titles.reserveCapacity(pages.count)
        paths.reserveCapacity(pages.count)
        for index in pages.indices {
            let matter = pages[index].source.frontMatter
            weights.append(matter.weight ?? Int.max)
            dates.append(matter.date)
            titles.append(matter.title)
            paths.append(pages[index].source.contentPath)
        }
    }

    /// Whether page `a` comes before page `b`: weight first (pages without one come last), then newest date, then
    /// title, then path.
    func callAsFunction(_ a: Int, _ b: Int) -> Bool {
        if weights[a] != weights[b] { return weights[a] < weights[b] }
        if dates[a] != dates[b] {
            guard let da = dates[a] else { return false }
            guard let db = dates[b] else { return true }
            return da > db
        }
        if titles[a] != titles[b] { return titles[a] < titles[b] }
        return paths[a] < paths[b]
    }
}
