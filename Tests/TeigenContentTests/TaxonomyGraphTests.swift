import Foundation
import Testing
import TeigenCore
@testable import TeigenContent

/// Taxonomies, pagination, publication dates and related pages in the content graph.
@Suite struct TaxonomyGraphTests {
    static let taxonomies = [Taxonomy.tags, Taxonomy(name: "topics", singular: "topic")]

    func page(_ path: String, _ front: String = "") throws -> SourcePage {
        try SourcePage.parse(
            "---\ntitle: \(path)\n\(front)---\n", contentPath: path, sourcePath: "content/" + path, taxonomies: Self.taxonomies)
    }

    func graph(_ pages: [SourcePage], paginate: Int = 0, now: Date = Date(timeIntervalSince1970: 1_712_588_400)) throws -> ContentGraph {
        var settings = GraphSettings()
        settings.taxonomies = Self.taxonomies
        settings.paginate = paginate
        settings.publication = Publication(now: now, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        return try ContentGraph.build(pages, settings: settings)
    }

    func url(_ graph: ContentGraph, _ indices: [Int]) -> [String] {
        indices.map { graph.pages[$0].url }
    }

    @Test func termsGetPagesAndCountOnce() throws {
        let graph = try graph([
            try page("_index.md"), try page("a.md", "tags: [核軍縮, NPT]\ndate: 2024-03-02\n"), try page("b.md", "tags: [npt]\ndate: 2024-03-01\n"),
            try page("c.md", "taxonomies: {topics: [核リスク]}\n"),
        ])
        let tags = try #require(graph.taxonomies[TaxonomyKey(language: "en", name: "tags")])
        #expect(url(graph, tags.termPages) == ["/tags/npt/", "/tags/核軍縮/"])
        let npt = try #require(graph.terms[tags.termPages[0]])
        #expect(url(graph, npt.pages) == ["/a/", "/b/"])
        #expect(graph.pages[tags.termPages[0]].title == "NPT")
        #expect(graph.pages[tags.pageIndex].kind == .taxonomy)
        #expect(graph.taxonomies[TaxonomyKey(language: "en", name: "topics")].map { url(graph, $0.termPages) } == ["/topics/核リスク/"])
    }

    @Test func termNamesFromDataGiveTitleAndSlug() throws {
        var names = TermNames()
        try names.read(
            .map([("核リスク", .map([("title", .string("核使用リスクの削減")), ("slug", .string("risk"))]))]), taxonomy: "topics", language: "en",
            path: "data/taxonomies/topics.yaml", text: "核リスク:\n  title: 核使用リスクの削減\n  slug: risk\n")
        var settings = GraphSettings()
        settings.taxonomies = Self.taxonomies
        settings.termNames = names
        let graph = try ContentGraph.build([try page("_index.md"), try page("a.md", "topics: [核リスク]\n")], settings: settings)
        let term = try #require(graph.taxonomies[TaxonomyKey(language: "en", name: "topics")]?.termPages.first)
        #expect(graph.pages[term].url == "/topics/risk/")
        #expect(graph.pages[term].title == "核使用リスクの削減")
    }

    @Test func unknownTaxonomyIsAnErrorAtItsLine() throws {
        #expect(throws: DiagnosticError.self) { try page("a.md", "categories: [x]\n") }
        // A key that is no taxonomy of Hugo's is a param.
        #expect(try page("a.md", "regions: [x]\n").frontMatter.terms.isEmpty)
    }

    @Test func publicationLeavesOutFutureAndExpiredPages() throws {
        let graph = try graph([
            try page("_index.md"), try page("now.md", "date: 2024-04-01\ntags: [a]\n"), try page("later.md", "publishDate: 2024-04-10\ntags: [a]\n"),
            try page("gone.md", "expiryDate: 2024-04-09\n"), try page("draft.md", "draft: true\n"),
        ])
        #expect(graph.pages.map(\.url).sorted() == ["/", "/now/", "/tags/", "/tags/a/"])
        #expect(graph.skipped.map(\.reason) == [.draft, .expired, .future])
        // 2024-04-10 at midnight in Tokyo.
        #expect(graph.nextPublicationChange == Date(timeIntervalSince1970: 1_712_674_800))
    }

    @Test func paginationCutsListsAndAFrontMatterWins() throws {
        let graph = try graph([
            try page("_index.md", "paginate: 0\n"), try page("s/_index.md"), try page("s/a.md"), try page("s/b.md"), try page("s/c.md"),
            try page("t/_index.md", "paginate: 3\n"), try page("t/a.md"), try page("t/b.md"),
        ], paginate: 2)
        let section = try #require(graph.indexByContentPath["s/_index.md"])
        let pagination = try #require(graph.paginations[section])
        #expect(pagination.pageCount == 2)
        #expect(pagination.sitePath(ofPage: 2) == "/s/page/2/")
        #expect(pagination.items(onPage: 2) == 2..<3)
        #expect(graph.paginations[graph.indexByContentPath["t/_index.md"]!]?.pageCount == 1)
        #expect(graph.paginations[graph.indexByContentPath["_index.md"]!] == nil)
    }

    @Test func relatedPagesShareTheMostTermsInAStableOrder() throws {
        let graph = try graph([
            try page("_index.md"), try page("a.md", "tags: [x, y]\n"), try page("b.md", "tags: [x, y]\ndate: 2024-01-01\n"),
            try page("c.md", "tags: [x]\ndate: 2024-02-01\n"), try page("d.md", "tags: [x]\ndate: 2024-02-01\n"), try page("e.md", "tags: [z]\n"),
        ])
        let related = RelatedPages(graph: graph, settings: RelatedSettings(count: 3))
        var scratch = related.scratch()
        let a = try #require(graph.indexByContentPath["a.md"])
        #expect(url(graph, related.pages(relatedTo: a, scratch: &scratch)) == ["/b/", "/c/", "/d/"])
        #expect(url(graph, related.pages(relatedTo: graph.indexByContentPath["e.md"]!, scratch: &scratch)) == [])
    }
}
