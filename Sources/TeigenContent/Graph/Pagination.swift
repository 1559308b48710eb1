/// How a list page (the home, a section, a taxonomy, a term) is cut into pages of `size` entries (`paginate`):
/// page 1 at the list's own URL (`/proposals/`), the others below it (`/proposals/page/2/`, Hugo's paths).
public struct Pagination: Sendable, Hashable {
    /// Entries a page shows (at least 1).
    public var size: Int
    /// Entries in the whole list.
    public var itemCount: Int
    /// The list page's own site path, ending in `/`: page 1.
    public var firstPath: String
    /// The URL segment before a page number (`paginatePath`, `page`).
    public var segment: String

    public init(size: Int, itemCount: Int, firstPath: String, segment: String) {
        self.size = max(1, size)
        self.itemCount = itemCount
        self.firstPath = firstPath
        self.segment = segment
    }

    /// How many pages the list takes (1 for an empty list).
    public var pageCount: Int {
        max(1, (itemCount + size - 1) / size)
    }

    /// The site path of page `number` (1-based).
    public func sitePath(ofPage number: Int) -> String {
        number == 1 ? firstPath : firstPath + segment + "/" + String(number) + "/"
    }

    /// The output file of page `number`.
    public func outputPath(ofPage number: Int) -> String {
        String(sitePath(ofPage: number).dropFirst()) + "index.html"
    }

    /// The positions in the list of the entries page `number` shows.
    public func items(onPage number: Int) -> Range<Int> {
        let start = min(itemCount, (number - 1) * size)
        return start..<min(itemCount, start + size)
    }
}
