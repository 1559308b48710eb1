/// The decoded front matter of a page. Keys the engine knows are fields; every other key is kept in `extra`.
public struct FrontMatter: Sendable, Hashable {
    /// The fields, behind one reference that copies share until one of them changes (copy on write): a page's
    /// front matter travels with it through every step of the build, and a copy then costs one reference count
    /// instead of one for each of its strings, lists and maps.
    private var storage: Storage

    public var title: String {
        get { storage.fields.title }
        set { update { $0.title = newValue } }
    }
    public var description: String? {
        get { storage.fields.description }
        set { update { $0.description = newValue } }
    }
    public var date: SiteDate? {
        get { storage.fields.date }
        set { update { $0.date = newValue } }
    }
    public var lastmod: SiteDate? {
        get { storage.fields.lastmod }
        set { update { $0.lastmod = newValue } }
    }
    /// When the page appears (Hugo's `publishDate`): before then it is left out of the build. Without it, `date`.
    public var publishDate: SiteDate? {
        get { storage.fields.publishDate }
        set { update { $0.publishDate = newValue } }
    }
    /// When the page disappears (Hugo's `expiryDate`): from then on it is left out of the build.
    public var expiryDate: SiteDate? {
        get { storage.fields.expiryDate }
        set { update { $0.expiryDate = newValue } }
    }
    public var draft: Bool {
        get { storage.fields.draft }
        set { update { $0.draft = newValue } }
    }
    public var weight: Int? {
        get { storage.fields.weight }
        set { update { $0.weight = newValue } }
    }
    public var slug: String? {
        get { storage.fields.slug }
        set { update { $0.slug = newValue } }
    }
    public var url: String? {
        get { storage.fields.url }
        set { update { $0.url = newValue } }
    }
    public var layout: String? {
        get { storage.fields.layout }
        set { update { $0.layout = newValue } }
    }
    public var aliases: [String] {
        get { storage.fields.aliases }
        set { update { $0.aliases = newValue } }
    }
    /// JSON-LD type (`Report`, `WebPage`).
    public var schemaType: String? {
        get { storage.fields.schemaType }
        set { update { $0.schemaType = newValue } }
    }
    /// Number of the first footnote (keeps a document's numbering across pages).
    public var footnoteStart: Int {
        get { storage.fields.footnoteStart }
        set { update { $0.footnoteStart = newValue } }
    }
    /// Rendered, but left out of section lists, previous/next, feeds and the sitemap (a search page, say).
    public var hidden: Bool {
        get { storage.fields.hidden }
        set { update { $0.hidden = newValue } }
    }
    /// Links this page with its translations whose paths differ: pages of different languages with the same
    /// `translationKey` are translations of each other (pages beside each other, `about.md` and
    /// `about.en.md`, need none).
    public var translationKey: String? {
        get { storage.fields.translationKey }
        set { update { $0.translationKey = newValue } }
    }
    /// Sections only: whether the section gets its own Atom feed (and JSON Feed).
    public var feed: Bool {
        get { storage.fields.feed }
        set { update { $0.feed = newValue } }
    }
    /// `citation`: the page is a citable publication (a suggested citation, BibTeX and RIS files, meta tags).
    public var citation: CitationSettings? {
        get { storage.fields.citation }
        set { update { $0.citation = newValue } }
    }
    /// Sections only: whether the section's feeds also hold the pages of its subsections (the default).
    public var feedSubsections: Bool {
        get { storage.fields.feedSubsections }
        set { update { $0.feedSubsections = newValue } }
    }
    /// List pages only: how many pages one page of the list shows (`paginate`), over the site's; 0 turns it off.
    public var paginate: Int? {
        get { storage.fields.paginate }
        set { update { $0.paginate = newValue } }
    }
    /// List pages only: the formats the list is written in (`outputs: [html, json]`); empty for HTML alone.
    public var outputs: [OutputFormat] {
        get { storage.fields.outputs }
        set { update { $0.outputs = newValue } }
    }
    /// The page's terms by taxonomy name (`tags: [核軍縮]`, or `taxonomies: {tags: [核軍縮]}`), in the order written.
    public var terms: [String: [String]] {
        get { storage.fields.terms }
        set { update { $0.terms = newValue } }
    }
    /// The `params` map.
    public var params: TemplateValue {
        get { storage.fields.params }
        set { update { $0.params = newValue } }
    }
    /// Every key the engine does not know, in the order written.
    public var extra: TemplateValue {
        get { storage.fields.extra }
        set { update { $0.extra = newValue } }
    }
    /// Line numbers of keys, for errors about their values.
    public var keyLines: [String: Int] {
        get { storage.fields.keyLines }
        set { update { $0.keyLines = newValue } }
    }

    public init(title: String) {
        storage = Storage(Fields(title: title))
    }

    /// Changes the fields in place when no other copy shares them, in a copy of them otherwise.
    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// The fields themselves (see the properties above).
    private struct Fields: Hashable {
        var title: String
        var description: String?
        var date: SiteDate?
        var lastmod: SiteDate?
        var publishDate: SiteDate?
        var expiryDate: SiteDate?
        var draft: Bool = false
        var weight: Int?
        var slug: String?
        var url: String?
        var layout: String?
        var aliases: [String] = []
        var schemaType: String?
        var footnoteStart: Int = 1
        var hidden: Bool = false
        var translationKey: String?
        var feed: Bool = false
        var citation: CitationSettings?
        var feedSubsections: Bool = true
        var paginate: Int?
        var outputs: [OutputFormat] = []
        var terms: [String: [String]] = [:]
        var params: TemplateValue = .map([])
        var extra: TemplateValue = .map([])
        var keyLines: [String: Int] = [:]

        init(title: String) {
            self.title = title
        }
    }

    /// The box the fields live in. Its fields change only through ``update(_:)``, when this box is the only
    /// reference to them, so that sharing it between threads is safe.
    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }
}

/// A format a list page is written in (front matter `outputs`).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// The page itself (`index.html`).
    case html
    /// Its pages as a JSON list (`index.json`), for scripts.
    case json
}
