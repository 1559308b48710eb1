import TeigenCore

/// Names a taxonomy in one language.
public struct TaxonomyKey: Sendable, Hashable, Comparable {
    public var language: String
    /// The taxonomy's name (`tags`).
    public var name: String

    public init(language: String, name: String) {
        self.language = language
        self.name = name
    }

    public static func < (lhs: TaxonomyKey, rhs: TaxonomyKey) -> Bool {
        (lhs.name, lhs.language) < (rhs.name, rhs.language)
    }
}

/// A taxonomy in one language: its page and its terms' pages.
public struct TaxonomyIndex: Sendable, Hashable {
    public var taxonomy: Taxonomy
    public var language: String
    /// The index of the taxonomy's page (`/tags/`).
    public var pageIndex: Int
    /// The indices of its terms' pages, by title.
    public var termPages: [Int] = []
}

/// A term in one language: the pages that list it.
public struct TermIndex: Sendable, Hashable {
    /// The taxonomy's name (`tags`).
    public var taxonomy: String
    /// The index of the term's page (`/tags/核軍縮/`).
    public var pageIndex: Int
    /// The indices of the pages that have the term, in list order (weight, then newest date, then title).
    public var pages: [Int] = []
}
