/// A folder of `content/` in one language: its own page (`_index.md`, `_index.en.md`), its pages in order,
/// its subsections. Each language of a site has its own sections, so lists, previous/next and breadcrumbs
/// stay within a page's language.
public struct Section: Sendable, Hashable {
    /// The content folder (`proposals`, `` for the home page).
    public var path: String
    /// The language of the section's pages.
    public var language: String
    /// Index of the section's own page in `ContentGraph.pages`.
    public var pageIndex: Int
    /// Indices of the regular pages listed in this section, in order (weight, then newest date, then title).
    public var pageIndices: [Int]
    /// The direct subsections, in the order of their pages.
    public var subsections: [SectionKey]
    /// The parent section, nil for a language's home.
    public var parent: SectionKey?
    /// Position of each listed page in `pageIndices`.
    public var positions: [Int: Int] = [:]

    /// How the graph files this section.
    public var key: SectionKey {
        SectionKey(language: language, folder: path)
    }
}

/// Names a section: its language and its content folder.
public struct SectionKey: Sendable, Hashable, Comparable {
    public var language: String
    /// The content folder (`proposals`, `` for the home page).
    public var folder: String

    /// The section of content folder `folder` in `language`.
    public init(language: String, folder: String) {
        self.language = language
        self.folder = folder
    }

    public static func < (lhs: SectionKey, rhs: SectionKey) -> Bool {
        (lhs.folder, lhs.language) < (rhs.folder, rhs.language)
    }
}
