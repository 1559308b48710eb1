import TeigenContent
import TeigenCore

/// An Atom 1.0 feed of the newest pages of one language (the default language's at `/atom.xml`, another's at
/// `/en/atom.xml`, a section's at `/SECTION/atom.xml` or `/en/SECTION/atom.xml`), marked with the language (`xml:lang`).
struct AtomFeed {
    let language: Language
    let urls: SiteURLs
    /// At most this many entries, newest first.
    var limit = 20

    func render(title: String, feedPath: String, pageURL: String, pages: [Page], bodies: [PageBody], indices: [Int]) -> String {
        let entries = indices.filter { pages[$0].kind == .page && !pages[$0].frontMatter.hidden }
            .sorted { a, b in
                let da = pages[a].frontMatter.date
                let db = pages[b].frontMatter.date
                if da != db { return (da ?? SiteDate(year: 0, month: 1, day: 1)) > (db ?? SiteDate(year: 0, month: 1, day: 1)) }
                return pages[a].url < pages[b].url
            }
            .prefix(limit)
        let updated = entries.compactMap { pages[$0].frontMatter.lastmod ?? pages[$0].frontMatter.date }.max()
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(language.code))">
              <title>\(XMLText.escape(title))</title>
              <link href="\(XMLText.escape(urls.absolute(pageURL)))"/>
              <link rel="self" href="\(XMLText.escape(urls.absolute(feedPath)))"/>
              <id>\(XMLText.escape(urls.absolute(pageURL)))</id>
              <updated>\(updated?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>

            """
        if !language.author.isEmpty || !language.publisher.isEmpty {
            xml += "  <author><name>\(XMLText.escape(language.author.isEmpty ? language.publisher : language.author))</name></author>\n"
        }
        xml += "  <generator>Teigen</generator>\n"
        for index in entries {
            let page = pages[index]
            let body = bodies[index]
            let date = page.frontMatter.lastmod ?? page.frontMatter.date
            xml += """
                  <entry>
                    <title>\(XMLText.escape(page.title))</title>
                    <link href="\(XMLText.escape(urls.absolute(page.url)))"/>
                    <id>\(XMLText.escape(urls.absolute(page.url)))</id>
                    <updated>\(date?.rfc3339 ?? updated?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>

                """
            // <published> is optional: left out where the date names only a month, rather than claim its first day.
            // <updated> is required, as an RFC 3339 date-time: the first instant of what the date names.
            if let published = page.frontMatter.date, published.precision != .month { xml += "    <published>\(published.rfc3339)</published>\n" }
            let summary = page.frontMatter.description ?? body.summaryText
            xml += "    <summary>\(XMLText.escape(summary))</summary>\n"
            xml += "    <content type=\"html\">\(XMLText.escape(body.html))</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
