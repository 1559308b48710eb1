import TeigenCore

/// A page of the site with its place in the content graph.
public struct Page: Sendable {
    public var source: SourcePage
    public var kind: PageKind
    /// The site path (`/proposals/1/`, `/en/proposals/1/`), without the base path.
    public var url: String
    /// The output file relative to the output root (`proposals/1/index.html`).
    public var outputPath: String
    /// The content folder of the section this page is listed in (`proposals`; `` for the root).
    /// For a section page, the section it lists (its own folder).
    public var sectionPath: String
    /// Whether the page was made up for a folder without `_index.md`.
    public var isImplicit: Bool
    /// The code of the page's language (`ja`, `en`).
    public var language: String
    /// The page's group of translations (``ContentGraph/translationGroups``).
    public var translationGroup = 0

    public var frontMatter: FrontMatter { source.frontMatter }
    public var title: String { source.frontMatter.title }
    public var contentPath: String { source.contentPath }

    /// The section this page is listed in (for a section page, the section it lists).
    public var sectionKey: SectionKey {
        SectionKey(language: language, folder: sectionPath)
    }

    /// The content folder holding the source file.
    public var directory: String {
        guard let slash = source.contentPath.lastIndex(of: "/") else { return "" }
        return String(source.contentPath[..<slash])
    }
}
