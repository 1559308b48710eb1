import TeigenCore

/// What one template renders with: the build's ``SharedContext`` under the page's own values.
///
/// A name is looked up in the page's values first, then in the shared ones; when both hold a map under the
/// same name, the two maps are read as one, the page's entries first: a page's `site` holding only `menus`
/// (which mark the current page) completes the shared `site` rather than hiding it.
/// Lambdas win over values of the same name.
public struct TemplateContext: Sendable {
    /// What every page of the build shares.
    public let shared: SharedContext
    /// The page's own values, by top-level name.
    public var own: [String: TemplateValue]

    /// Creates a page's context: its own values over the shared ones.
    public init(shared: SharedContext, own: [String: TemplateValue]) {
        self.shared = shared
        self.own = own
    }
}
