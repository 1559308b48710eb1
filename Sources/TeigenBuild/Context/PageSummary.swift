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
        var fields: [(String, TemplateValue)] = [
            ("title", .string(page.title)), ("url", .string(urls.rooted(page.url))),
            ("permalink", .string(urls.absolute(page.url))),
            ("description", .string(description(of: page, body: body))),
            ("summary", .string(body.summaryHTML)), ("summaryText", .string(body.summaryText)),
            ("date", .string(matter.date?.formatted(language.dateFormat) ?? "")), ("dateISO", .string(matter.date?.isoDate ?? "")),
            ("hasDate", .bool(matter.date != nil)),
            ("weight", matter.weight.map { .int($0) } ?? .null), ("readingTime", .int(body.readingMinutes)),
            ("params", params(of: matter)), ("slug", .string(slug(of: page))), ("language", .string(page.language)),
        ]
        // A term's entry in its taxonomy's list says how many pages have it.
        if let term = graph.terms[index] { fields.append(("count", .int(term.pages.count))) }
        return .map(fields)
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
        page.frontMatter.description ?? oneLine(body.summaryText)
    }

    /// `summary`'s lines joined with spaces, cut at 120 characters (119 and `…`); done on bytes and scalars, not
    /// grapheme clusters (hot path).
    static func oneLine(_ summary: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(summary.utf8.count)
        var pendingBreak = false
        for byte in summary.utf8 {
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
        // More than 120 scalars: the first 119 and an ellipsis (one copy of the bytes up to the cut).
        guard let last = scalars.index(scalars.startIndex, offsetBy: 120, limitedBy: scalars.endIndex), last != scalars.endIndex else {
            return text
        }
        return String(scalars[..<scalars.index(before: last)]) + "…"
    }
}
