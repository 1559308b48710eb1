import TeigenContent
import TeigenCore

/// The feeds of a build, each written twice in its folder: as Atom (`atom.xml`, from the `atom.xml` template of
/// the site, the theme or Teigen) and as JSON Feed 1.1 (`feed.json`, from data). A feed holds the newest regular
/// pages (at most 20): each language's home has one of all its pages (`/atom.xml`, `/en/atom.xml`), each section
/// with `feed: true` one of its pages and, unless it says `feedSubsections: false`, those of its subsections
/// (`/proposals/atom.xml`), and each term one of the pages that have it (`/tags/核軍縮/atom.xml`).
struct FeedList {
    static let atomName = "atom.xml"
    static let jsonName = "feed.json"
    /// Entries in a feed, the newest.
    static let limit = 20

    /// One feed.
    struct Feed {
        /// The page the feed is of: a home, a section or a term.
        var pageIndex: Int
        var title: String
        var language: Language
        /// The entries, newest first.
        var entries: [Int]
        /// What the feed is of, for messages about its files.
        var origin: String
    }

    /// Whether `page` has feeds of its own.
    static func hasFeeds(_ page: Page) -> Bool {
        switch page.kind {
        case .home, .term: return true
        case .section: return page.frontMatter.feed
        case .page, .taxonomy, .notFound: return false
        }
    }

    /// Every feed of `graph`, home feeds first in the order of the languages, then the others by URL.
    static func feeds(of graph: ContentGraph) -> [Feed] {
        let order = NewestOrder(graph)
        var feeds: [Feed] = []
        for language in graph.languages {
            let owners = graph.pages.indices.filter { graph.pages[$0].language == language.code && hasFeeds(graph.pages[$0]) }
                .sorted { (graph.pages[$0].kind == .home ? 0 : 1, graph.pages[$0].url) < (graph.pages[$1].kind == .home ? 0 : 1, graph.pages[$1].url) }
            for index in owners {
                let page = graph.pages[index]
                let pages: [Int]
                switch page.kind {
                case .home: pages = graph.pages.indices.filter { graph.pages[$0].language == language.code }
                case .section: pages = page.frontMatter.feedSubsections ? graph.pages(below: page.sectionKey) : graph.listedPages(of: index)
                default: pages = graph.listedPages(of: index)
                }
                feeds.append(Feed(
                    pageIndex: index, title: page.kind == .home ? language.title : "\(page.title) | \(language.title)", language: language,
                    entries: order.newest(pages, limit: limit),
                    origin: page.kind == .home ? (language.isDefault ? "the site's feed" : "the \(language.code) feed") : "the feed of \(page.source.sourcePath)"))
            }
        }
        return feeds
    }
}
