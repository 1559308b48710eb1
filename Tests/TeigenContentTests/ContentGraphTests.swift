import Testing
import TeigenCore
@testable import TeigenContent

@Suite struct ContentGraphTests {
    func page(_ path: String, _ front: String = "") throws -> SourcePage {
        try SourcePage.parse("---\ntitle: \(path)\n\(front)---\n", contentPath: path, sourcePath: "content/" + path)
    }

    @Test func prettyURLsSectionsAndOrder() throws {
        let graph = try ContentGraph.build([
            try page("_index.md"), try page("proposals/_index.md"),
            try page("proposals/2.md", "weight: 2\n"), try page("proposals/1.md", "weight: 1\n"),
            try page("members/鈴木 達治郎.md"), try page("about.md"), try page("a/b/deep.md"),
            try page("x/draft.md", "draft: true\n"),
        ], includeDrafts: false)
        let urls = Dictionary(uniqueKeysWithValues: graph.pages.map { ($0.contentPath, $0.url) })
        #expect(urls["_index.md"] == "/")
        #expect(urls["proposals/1.md"] == "/proposals/1/")
        #expect(urls["members/鈴木 達治郎.md"] == "/members/鈴木-達治郎/")
        #expect(urls["about.md"] == "/about/")
        #expect(urls["a/b/deep.md"] == "/a/b/deep/")
        #expect(urls["x/draft.md"] == nil)
        // Implicit sections for folders without _index.md.
        #expect(urls["members/_index.md"] == "/members/")
        #expect(urls["a/b/_index.md"] == "/a/b/")
        let proposals = graph.section("proposals")!
        #expect(proposals.pageIndices.map { graph.pages[$0].contentPath } == ["proposals/1.md", "proposals/2.md"])
        let first = graph.indexByContentPath["proposals/1.md"]!
        let second = graph.indexByContentPath["proposals/2.md"]!
        #expect(graph.next(of: first) == second)
        #expect(graph.previous(of: second) == first)
        #expect(graph.previous(of: first) == nil)
        #expect(graph.ancestors(of: graph.indexByContentPath["a/b/deep.md"]!).map { graph.pages[$0].url } == ["/", "/a/", "/a/b/"])
        #expect(graph.section("a")!.subsections.map(\.folder) == ["a/b"])
    }

    @Test func draftsIncludedOnRequest() throws {
        let graph = try ContentGraph.build([try page("_index.md"), try page("d.md", "draft: true\n")], includeDrafts: true)
        #expect(graph.indexByContentPath["d.md"] != nil)
    }

    @Test func slugAndURLOverride() throws {
        let graph = try ContentGraph.build([
            try page("_index.md"), try page("p/a.md", "slug: 提言-1\n"), try page("p/b.md", "url: /special/feed.xml\n"),
        ], includeDrafts: false)
        let urls = Dictionary(uniqueKeysWithValues: graph.pages.map { ($0.contentPath, $0.outputPath) })
        #expect(urls["p/a.md"] == "p/提言-1/index.html")
        #expect(urls["p/b.md"] == "special/feed.xml")
    }

    @Test func twoPagesWithOneURLNameBoth() throws {
        #expect {
            try ContentGraph.build([try page("_index.md"), try page("a.md"), try page("b.md", "url: /a/\n")], includeDrafts: false)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.header == "content/b.md:3:1: error: two pages have the URL '/a/': content/a.md and content/b.md"
        }
    }

    @Test func orderByWeightThenNewestDateThenTitle() throws {
        let graph = try ContentGraph.build([
            try page("_index.md"), try page("s/c.md", "date: 2024-01-01\n"), try page("s/b.md", "date: 2024-02-01\n"),
            try page("s/a.md"), try page("s/z.md", "weight: 5\n"),
        ], includeDrafts: false)
        #expect(graph.section("s")!.pageIndices.map { graph.pages[$0].contentPath } == ["s/z.md", "s/b.md", "s/c.md", "s/a.md"])
    }

    @Test func hiddenPagesAreRenderedButNotListed() throws {
        let graph = try ContentGraph.build([try page("_index.md"), try page("search.md", "hidden: true\n"), try page("a.md")], includeDrafts: false)
        #expect(graph.indexByContentPath["search.md"] != nil)
        #expect(graph.section("")!.pageIndices.map { graph.pages[$0].contentPath } == ["a.md"])
    }
}

extension ContentGraphTests {
    /// Pages in lists: weight first (none last), then newest date (none last), then title, then path; the same through
    /// ``PageOrder`` (page indices, for long lists) and ``ContentGraph/order(_:_:)`` (two pages).
    @Test func pagesAreListedByWeightDateTitleAndPath() throws {
        let fronts = [
            "weight: 2\n", "weight: 1\ndate: 2024-01-01\n", "weight: 1\ndate: 2024-03-01\n", "date: 2023-05-01\n", "",
            "date: 2023-05-01\n", "weight: 1\n", "weight: 1\ndate: 2024-03-01\n", "weight: -3\n", "", "weight: 1\ndate: 2024-01-01\n",
        ]
        var sources = [try page("_index.md"), try page("s/_index.md")]
        for (number, front) in fronts.enumerated() {
            // Three titles shared, so that ties fall through to the title and then the path (p1 and p10 tie on all else).
            sources.append(try SourcePage.parse(
                "---\ntitle: T\(number % 3)\n\(front)---\n", contentPath: "s/p\(number).md", sourcePath: "content/s/p\(number).md"))
        }
        let graph = try ContentGraph.build(sources, includeDrafts: false)
        let expected = ["s/p8.md", "s/p7.md", "s/p2.md", "s/p1.md", "s/p10.md", "s/p6.md", "s/p0.md", "s/p3.md", "s/p5.md", "s/p9.md", "s/p4.md"]
        #expect(graph.section("s")!.pageIndices.map { graph.pages[$0].contentPath } == expected)
        let listed = graph.pages.indices.filter { graph.pages[$0].contentPath.hasPrefix("s/p") }
        let order = PageOrder(graph.pages)
        #expect(listed.reversed().sorted { order($0, $1) }.map { graph.pages[$0].contentPath } == expected)
        #expect(listed.reversed().sorted { ContentGraph.order(graph.pages[$0], graph.pages[$1]) }.map { graph.pages[$0].contentPath } == expected)
    }
}
