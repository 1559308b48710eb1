/// What the server serves at one moment.
struct SiteStatus: Sendable {
    /// The last good build, if any build succeeded yet.
    var site: ServedSite?
    /// The error of the last build, if it failed.
    var failure: BuildFailure?
    /// The id of the build whose pages are served (embedded in them for live reload).
    var build: String
}
