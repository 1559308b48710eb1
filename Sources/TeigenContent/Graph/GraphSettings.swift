import Foundation
import TeigenCore

/// What shapes the content graph besides the pages (``ContentGraph/build(_:settings:)``): the languages, which
/// pages are published, the taxonomies and their terms' names, and pagination.
public struct GraphSettings: Sendable {
    /// The site's languages, the default first.
    public var languages: [Language]
    /// Whether a file's language suffix names its language (`languages:` in config.yaml).
    public var languageSuffixes: Bool
    /// Which pages are published.
    public var publication = Publication(now: Date())
    /// The site's taxonomies.
    public var taxonomies: [Taxonomy] = [.tags]
    /// Terms' titles and slugs from `data/taxonomies/`.
    public var termNames = TermNames()
    /// The title of a taxonomy's page without its own `_index.md`, by language code and taxonomy name
    /// (the taxonomy's name when none is given).
    public var taxonomyTitles: [String: [String: String]] = [:]
    /// How many entries one page of a list shows (`paginate`); 0 lists them all on one page.
    public var paginate = 0
    /// The URL segment before a page number (`paginatePath`).
    public var paginatePath = "page"

    public init(languages: [Language] = [Language(code: "en")], languageSuffixes: Bool = false) {
        self.languages = languages
        self.languageSuffixes = languageSuffixes
    }
}
