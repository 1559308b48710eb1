import TeigenContent
import TeigenCore

/// The short form of a page that lists show (`page.pages`, `page.subsections`, `site.sections`), which is
/// also the start of the page's own `page` value.
enum PageSummary {
    static func value(of index: Int, graph: ContentGraph, bodies: [PageBody], urls: SiteURLs) -> TemplateValue {
        let page = graph.pages[index]
        let language = graph.language(of: index)
        let body = bodies[index]
        let matter = page.frontMatter
        return .map([
            ("title", .string(page.title)), ("url", .string(urls.rooted(page.url))),
            ("permalink", .string(urls.absolute(page.url))),
            ("description", .string(description(of: page, body: body))),
            ("summary", .string(body.summaryHTML)), ("summaryText", .string(body.summaryText)),
            ("date", .string(matter.date?.formatted(language.dateFormat) ?? "")), ("dateISO", .string(matter.date?.isoDate ?? "")),
            ("hasDate", .bool(matter.date != nil)),
            ("weight", matter.weight.map { .int($0) } ?? .null), ("readingTime", .int(body.readingMinutes)),
            ("params", params(of: matter)), ("slug", .string(slug(of: page))), ("language", .string(page.language)),
        ])
    }

    /// Front matter `params` with the page's other unknown keys.
    static func params(of matter: FrontMatter) -> TemplateValue {
        matter.params.merging(matter.extra)
    }

    /// The last segment of the page's URL.
    static func slug(of page: Page) -> String {
        page.url.split(separator: "/").last.map(String.init) ?? ""
    }

    /// Front matter `description`, else the summary's text on one line, cut at 120 characters.
    static func description(of page: Page, body: PageBody) -> String {
        if let description = page.frontMatter.description { return description }
        // Lines joined with spaces, cut at 120 characters; done on bytes and scalars, not grapheme clusters (hot path).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.summaryText.utf8.count)
        var pendingBreak = false
        for byte in body.summaryText.utf8 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                pendingBreak = true
                continue
            }
            if pendingBreak, !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
            pendingBreak = false
            bytes.append(byte)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let scalars = text.unicodeScalars
        guard scalars.count > 120 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(119))) + "…"
    }
}
