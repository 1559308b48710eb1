import Testing
import TeigenContent
import TeigenCore

@testable import TeigenBuild

/// A feed's entries picked from `NewestOrder` are what sorting the feed's own pages gives: regular, listed pages,
/// newest first, pages of the same date by URL, at most the limit.
@Suite struct NewestOrderTests {
    static func graph() throws -> ContentGraph {
        var pages = [SourcePage(contentPath: "_index.md", sourcePath: "content/_index.md", text: "", frontMatter: FrontMatter(title: "home"), body: "", bodyFirstLine: 1)]
        for number in 0..<60 {
            var matter = FrontMatter(title: "p\(number)")
            // Few dates, so that many pages share one; some undated, some hidden.
            if number % 7 != 0 { matter.date = SiteDate(year: 2024, month: 1 + number % 3, day: 1 + number % 4) }
            matter.hidden = number % 11 == 0
            let path = "notes/\(String(number * 37 % 60, radix: 36)).md"
            pages.append(SourcePage(contentPath: path, sourcePath: "content/" + path, text: "", frontMatter: matter, body: "", bodyFirstLine: 1))
        }
        return try ContentGraph.build(pages, includeDrafts: false)
    }

    /// The entries by sorting, as feeds were made before.
    static func sorted(_ indices: [Int], in graph: ContentGraph, limit: Int) -> [Int] {
        let old = SiteDate(year: 0, month: 1, day: 1)
        return Array(indices.filter { graph.pages[$0].kind == .page && !graph.pages[$0].frontMatter.hidden }
            .sorted { a, b in
                let (da, db) = (graph.pages[a].frontMatter.date ?? old, graph.pages[b].frontMatter.date ?? old)
                return da != db ? da > db : graph.pages[a].url < graph.pages[b].url
            }
            .prefix(limit))
    }

    @Test func picksWhatSortingPicks() throws {
        let graph = try Self.graph()
        let order = NewestOrder(graph)
        let all = Array(graph.pages.indices)
        let subsets = [all, all.reversed(), all.filter { $0 % 2 == 0 }, all.filter { $0 % 3 == 1 }.reversed(), [all[5]], []]
        for indices in subsets {
            for limit in [0, 1, 5, 20, 100] {
                #expect(order.newest(indices, limit: limit) == Self.sorted(indices, in: graph, limit: limit), "\(indices.count) pages, limit \(limit)")
            }
        }
        #expect(order.newest(all, limit: 20).count == 20)
    }
}
