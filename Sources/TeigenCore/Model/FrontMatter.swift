/// The decoded front matter of a page. Keys the engine knows are fields; every other key is kept in `extra`.
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var date: SiteDate?
    public var lastmod: SiteDate?
    /// When the page appears (Hugo's `publishDate`): before then it is left out of the build. Without it, `date`.
    public var publishDate: SiteDate?
    /// When the page disappears (Hugo's `expiryDate`): from then on it is left out of the build.
    public var expiryDate: SiteDate?
    public var draft: Bool = false
    public var weight: Int?
    public var slug: String?
    public var url: String?
    public var layout: String?
    public var aliases: [String] = []
    /// JSON-LD type (`Report`, `WebPage`).
    public var schemaType: String?
    /// Number of the first footnote (keeps a document's numbering across pages).
    public var footnoteStart: Int = 1
    /// Rendered, but left out of section lists, previous/next, feeds and the sitemap (a search page, say).
    public var hidden: Bool = false
    /// Links this page with its translations whose paths differ: pages of different languages with the same
    /// `translationKey` are translations of each other (pages beside each other, `about.md` and
    /// `about.en.md`, need none).
    public var translationKey: String?
    /// Sections only: whether the section gets its own Atom feed (and JSON Feed).
    public var feed: Bool = false
    /// `citation`: the page is a citable publication (a suggested citation, BibTeX and RIS files, meta tags).
    public var citation: CitationSettings?
    /// Sections only: whether the section's feeds also hold the pages of its subsections (the default).
    public var feedSubsections: Bool = true
    /// List pages only: how many pages one page of the list shows (`paginate`), over the site's; 0 turns it off.
    public var paginate: Int?
    /// List pages only: the formats the list is written in (`outputs: [html, json]`); empty for HTML alone.
    public var outputs: [OutputFormat] = []
    /// The page's terms by taxonomy name (`tags: [核軍縮]`, or `taxonomies: {tags: [核軍縮]}`), in the order written.
    public var terms: [String: [String]] = [:]
    /// The `params` map.
    public var params: TemplateValue = .map([])
    /// Every key the engine does not know, in the order written.
    public var extra: TemplateValue = .map([])
    /// Line numbers of keys, for errors about their values.
    public var keyLines: [String: Int] = [:]

    public init(title: String) {
        self.title = title
    }
}

/// A format a list page is written in (front matter `outputs`).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// The page itself (`index.html`).
    case html
    /// Its pages as a JSON list (`index.json`), for scripts.
    case json
}
