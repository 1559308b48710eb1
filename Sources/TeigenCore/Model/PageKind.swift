/// What a page is, which decides its template and its place in the content graph.
public enum PageKind: String, Sendable, Hashable {
    /// `content/_index.md`.
    case home
    /// A folder's `_index.md`: lists its pages.
    case section
    /// Any other Markdown file.
    case page
    /// A taxonomy's own page (`/tags/`), listing its terms (Hugo's kind of the same name).
    case taxonomy
    /// A term's page (`/tags/核軍縮/`), listing the pages that have the term (Hugo's kind of the same name).
    case term
    /// The not-found page (`404.html`), rendered from the theme alone.
    case notFound = "404"
}
