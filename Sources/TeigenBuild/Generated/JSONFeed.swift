import Foundation
import TeigenContent
import TeigenCore

/// A JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), `feed.json` beside each Atom feed (``FeedList``), made from
/// data with Foundation's `JSONEncoder`, so every value is escaped as JSON requires.
struct JSONFeed: Encodable {
    var version = "https://jsonfeed.org/version/1.1"
    var title: String
    var homePageURL: String
    var feedURL: String
    var description: String?
    var language: String
    var authors: [Author]?
    var items: [Item]

    struct Author: Encodable {
        var name: String
    }

    struct Item: Encodable {
        var id: String
        var url: String
        var title: String
        var contentHTML: String
        var summary: String
        /// RFC 3339; absent for a year-month date (as in Atom).
        var datePublished: String?
        var dateModified: String?
        var language: String
        /// The titles of the page's terms, of every taxonomy.
        var tags: [String]?

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, language, tags
            case contentHTML = "content_html"
            case datePublished = "date_published"
            case dateModified = "date_modified"
        }
    }

    enum CodingKeys: String, CodingKey {
        case version, title, description, language, authors, items
        case homePageURL = "home_page_url"
        case feedURL = "feed_url"
    }

    /// The JSON Feed of `feed`.
    init(_ feed: FeedList.Feed, graph: ContentGraph, bodies: [PageBody], urls: SiteURLs) {
        let language = feed.language
        let owner = graph.pages[feed.pageIndex]
        title = feed.title
        homePageURL = urls.absolute(owner.url)
        feedURL = urls.absolute(owner.url + FeedList.jsonName)
        description = owner.kind == .home && !language.description.isEmpty ? language.description : owner.frontMatter.description
        self.language = language.code
        let author = language.author.isEmpty ? language.publisher : language.author
        authors = author.isEmpty ? nil : [Author(name: author)]
        items = feed.entries.map { index in
            let page = graph.pages[index]
            let terms = page.termPages.keys.sorted().flatMap { page.termPages[$0]!.map { graph.pages[$0].title } }
            return Item(
                id: urls.absolute(page.url), url: urls.absolute(page.url), title: page.title, contentHTML: bodies[index].html,
                summary: page.frontMatter.description ?? bodies[index].summaryText,
                datePublished: page.frontMatter.date.flatMap { $0.precision == .month ? nil : $0.rfc3339 },
                dateModified: (page.frontMatter.lastmod ?? page.frontMatter.date)?.rfc3339, language: page.language, tags: terms.isEmpty ? nil : terms)
        }
    }

    /// The feed's bytes: UTF-8 JSON, keys sorted, indented.
    func data() -> Data {
        JSONOutput.data(of: self)
    }
}

/// How Teigen writes JSON made from data (JSON Feed, `outputs: [json]`): Foundation's `JSONEncoder`, keys sorted
/// (the same input gives the same bytes), indented, `/` left as it is.
enum JSONOutput {
    /// `value` as JSON, with a line break at the end. Numbers JSON cannot hold (NaN, infinity, from a YAML
    /// `.nan` in params) are written as text, so encoding cannot fail.
    static func data(of value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        guard var data = try? encoder.encode(value) else { preconditionFailure("JSON encoding of plain values does not fail") }
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
