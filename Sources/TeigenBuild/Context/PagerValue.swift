import TeigenContent
import TeigenCore

/// `page.pager` on a page of a list cut into pages (Hugo's paginator): where this page is, its neighbours, the
/// first and last pages, and the numbers to show: the first, the last and two either side of this one, with a
/// gap (`gap: true`) where numbers are left out, so that a list of a thousand pages still shows a short pager.
enum PagerValue {
    /// Pages shown either side of the current one in `numbers`.
    static let window = 2

    static func value(of pagination: Pagination, number: Int, urls: SiteURLs) -> TemplateValue {
        let count = pagination.pageCount
        func link(_ page: Int) -> TemplateValue {
            let path = pagination.sitePath(ofPage: page)
            return .map([("number", .int(page)), ("url", .string(urls.rooted(path))), ("permalink", .string(urls.absolute(path)))])
        }
        var numbers: [TemplateValue] = []
        var last = 0
        for page in 1...count where page == 1 || page == count || abs(page - number) <= window {
            if page > last + 1 { numbers.append(.map([("gap", .bool(true))])) }
            numbers.append(link(page).merging(.map([("current", .bool(page == number)), ("gap", .bool(false))])))
            last = page
        }
        return .map([
            ("pageNumber", .int(number)), ("totalPages", .int(count)), ("pagerSize", .int(pagination.size)),
            ("totalItems", .int(pagination.itemCount)), ("hasOtherPages", .bool(count > 1)),
            ("hasPrev", .bool(number > 1)), ("hasNext", .bool(number < count)),
            ("prev", number > 1 ? link(number - 1) : .null), ("next", number < count ? link(number + 1) : .null),
            ("first", link(1)), ("last", link(count)), ("isFirst", .bool(number == 1)), ("isLast", .bool(number == count)),
            ("numbers", .array(numbers)),
        ])
    }
}
