/// What the server serves at one moment.
struct SiteStatus: Sendable {
    /// The last good build, if any build succeeded yet.
    var site: ServedSite?
    /// The error of the last build, if it failed.
    var failure: BuildFailure?
    /// The id of the build whose pages are served (embedded in them for live reload).
    var build: String
    /// The words of the overlay and of the server's own pages, in the site's languages.
    var text = OverlayText(language: "en")
    /// Whether the first build is still running (nothing to serve yet, and no error either).
    var isBuilding: Bool {
        site == nil && failure == nil
    }
}
