/// What a page is, which decides its template and its place in the content graph.
public enum PageKind: String, Sendable, Hashable {
    /// `content/_index.md`.
    case home
    /// A folder's `_index.md`: lists its pages.
    case section
    /// Any other Markdown file.
    case page
    /// The not-found page (`404.html`), rendered from the theme alone.
    case notFound = "404"
}
