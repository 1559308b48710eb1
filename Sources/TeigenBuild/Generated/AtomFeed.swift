import TeigenContent
import TeigenCore

/// The `feed` value of an Atom 1.0 feed (one of ``FeedList``), which the `atom.xml` template writes (the site's,
/// the theme's, or Teigen's own, ``BuiltInTemplates``): `title`, `language` (for `xml:lang`), `url` (the page's
/// absolute URL, also the feed's id), `feedURL` (its own), `jsonFeedURL`, `updated`, `author` (null without one)
/// and `entries`, each with `title`, `url`, `updated`, `published` (null for a year-month date: Atom would need a
/// day), `summary` and `content` (the page's HTML; the template escapes it).
struct AtomFeed {
    let feed: FeedList.Feed
    let urls: SiteURLs

    /// The template's `feed` value.
    func value(graph: ContentGraph, bodies: [PageBody]) -> TemplateValue {
        let language = feed.language
        let owner = graph.pages[feed.pageIndex]
        let updated = feed.entries.compactMap { graph.pages[$0].frontMatter.lastmod ?? graph.pages[$0].frontMatter.date }.max()
        let author = language.author.isEmpty ? language.publisher : language.author
        let entries: [TemplateValue] = feed.entries.map { index in
            let page = graph.pages[index]
            let date = page.frontMatter.lastmod ?? page.frontMatter.date
            // <published> is optional: left out where the date names only a month, rather than claim its first day.
            // <updated> is required, as an RFC 3339 date-time: the first instant of what the date names.
            let published = page.frontMatter.date.flatMap { $0.precision == .month ? nil : $0.rfc3339 }
            return .map([
                ("title", .string(page.title)), ("url", .string(urls.absolute(page.url))),
                ("updated", .string(date?.rfc3339 ?? updated?.rfc3339 ?? Self.epoch)), ("published", published.map { .string($0) } ?? .null),
                ("summary", .string(page.frontMatter.description ?? bodies[index].summaryText)), ("content", .string(bodies[index].html)),
            ])
        }
        return .map([
            ("title", .string(feed.title)), ("language", .string(language.code)), ("url", .string(urls.absolute(owner.url))),
            ("feedURL", .string(urls.absolute(owner.url + FeedList.atomName))), ("jsonFeedURL", .string(urls.absolute(owner.url + FeedList.jsonName))),
            ("updated", .string(updated?.rfc3339 ?? Self.epoch)), ("author", author.isEmpty ? .null : .string(author)),
            ("kind", .string(owner.kind.rawValue)), ("entries", .array(entries)),
        ])
    }

    /// The date of a feed without dates.
    static let epoch = "1970-01-01T00:00:00Z"
}
