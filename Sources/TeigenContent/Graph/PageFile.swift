import TeigenCore

/// A content file with its language while the graph is built, or a page made up for a folder, a taxonomy or a term.
struct PageFile {
    var source: SourcePage
    var file: LanguageSuffix.Reading
    /// Whether the page was made up (no file of its own).
    var isImplicit = false
    /// The page's place in a taxonomy, for a taxonomy's or a term's page.
    var role: TaxonomyRole?

    /// The page's entry for ``TranslationLinker``: a taxonomy's or term's page, like a made-up one, may stand
    /// without an original (each language has its own terms).
    var entry: TranslationLinker.Entry {
        TranslationLinker.Entry(language: file.language, path: file.path, source: source, isImplicit: isImplicit || role != nil)
    }
}

/// What a taxonomy's or a term's page is, and where it is served.
struct TaxonomyRole {
    enum Kind {
        case taxonomy
        /// A term: its key, and the term as first written.
        case term(key: String, name: String)
    }

    var kind: Kind
    /// The taxonomy's name (`tags`).
    var taxonomy: String
    /// The page's site path in its language (`/tags/`, `/en/tags/npt/`).
    var sitePath: String
}
