/// The decoded front matter of a page. Keys the engine knows are fields; every other key is kept in `extra`.
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var date: SiteDate?
    public var lastmod: SiteDate?
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
    /// Sections only: whether the section gets its own Atom feed.
    public var feed: Bool = false
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
