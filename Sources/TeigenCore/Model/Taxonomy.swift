/// A way of classifying pages by terms (`taxonomies:` in `config.yaml`; Hugo's and Zola's name): front matter
/// lists a page's terms (`tags: [核軍縮, NPT]`), each term gets a page listing its pages, and the taxonomy a page
/// listing its terms.
///
/// ```swift
/// let topics = Taxonomy(name: "topics", singular: "topic")
/// ```
public struct Taxonomy: Sendable, Hashable {
    /// The plural name: the front matter key, the URL folder (`/topics/`) and the content folder of the
    /// taxonomy's own pages (`content/topics/_index.md`).
    public var name: String
    /// The singular name (`topic`), for templates.
    public var singular: String

    public init(name: String, singular: String) {
        self.name = name
        self.singular = singular
    }

    /// The taxonomy a site has when `config.yaml` names none.
    public static let tags = Taxonomy(name: "tags", singular: "tag")

    /// The names Hugo gives its default taxonomies (`tags`, `categories`): front matter keys that a page
    /// moved from Hugo means as terms, even on a site that does not list them.
    public static let hugoDefaults = ["tags", "categories"]
}

/// How `page.related` is made (`related:` in `config.yaml`): the pages sharing the most terms with a page.
public struct RelatedSettings: Sendable, Hashable {
    /// At most this many related pages.
    public var count: Int
    /// The taxonomies whose terms count; nil for all of them.
    public var taxonomies: [String]?

    public init(count: Int = 5, taxonomies: [String]? = nil) {
        self.count = count
        self.taxonomies = taxonomies
    }
}
