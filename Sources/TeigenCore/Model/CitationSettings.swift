/// Front matter `citation`: the page is a citable publication, and gets a suggested citation, BibTeX and
/// RIS files and Google Scholar's `citation_*` meta tags.
///
/// ```yaml
/// citation: true                # a report: authors, title, publisher, year and month, URL
/// citation:                     # a part of a larger work (a chapter of a report)
///   partOf: _index.md
/// ```
public struct CitationSettings: Sendable, Hashable {
    /// What kind of work the page is.
    public enum Kind: String, Sendable, Hashable {
        /// A work of its own: BibTeX `@techreport`, RIS `RPRT`.
        case report
        /// A part of the work `partOf` names: BibTeX `@incollection`, RIS `CHAP`.
        case chapter
    }

    /// The page of the work this page is part of (a content path such as `_index.md`); makes the page a chapter.
    public var partOf: String?
    /// The BibTeX key; made from the site's host, the page's path and the year when not given.
    public var key: String?
    /// The authors; the site's `author` when not given.
    public var authors: [String]?
    /// The publisher; the site's `publisher` when not given.
    public var publisher: String?
    /// Where `citation` is written, for messages about it.
    public var location: SourceLocation

    public init(partOf: String? = nil, key: String? = nil, authors: [String]? = nil, publisher: String? = nil, location: SourceLocation) {
        self.partOf = partOf
        self.key = key
        self.authors = authors
        self.publisher = publisher
        self.location = location
    }

    /// A chapter when it is part of another page's work, a report otherwise.
    public var kind: Kind {
        partOf == nil ? .report : .chapter
    }
}
