import TeigenContent
import TeigenCore

/// The regular, listed pages of a site, newest first (then by URL), sorted once for all of its feeds: the home's
/// feed holds every page of its language and each term's feed all of the term's pages, and sorting each of those
/// lists again took most of the `generated files` step at 100,000 pages.
struct NewestOrder {
    /// Page indices, newest first.
    private let pages: [Int]
    /// Each page's place in `pages`; `Int.max` for a page that is in no feed (not a regular page, or hidden).
    private let place: [Int]

    init(_ graph: ContentGraph) {
        let old = SiteDate(year: 0, month: 1, day: 1)
        let dates = graph.pages.map { $0.frontMatter.date ?? old }
        pages = graph.pages.indices.filter { graph.pages[$0].kind == .page && !graph.pages[$0].frontMatter.hidden }
            .sorted { a, b in dates[a] != dates[b] ? dates[a] > dates[b] : graph.pages[a].url < graph.pages[b].url }
        var place = Array(repeating: Int.max, count: graph.pages.count)
        for (rank, index) in pages.enumerated() { place[index] = rank }
        self.place = place
    }

    /// The regular, listed pages among `indices`, newest first, at most `limit`: picked in one pass over `indices`.
    func newest(_ indices: [Int], limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        var best: [Int] = []  // places, lowest first
        best.reserveCapacity(limit + 1)
        for index in indices {
            let rank = place[index]
            guard rank != Int.max, best.count < limit || rank < best[best.count - 1] else { continue }
            best.insert(rank, at: best.firstIndex { $0 > rank } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best.map { pages[$0] }
    }
}
