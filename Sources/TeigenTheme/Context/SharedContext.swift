import TeigenCore

/// The part of a template context that every page of a build shares (`site`, `data`, the lambdas):
/// made once per build and stacked under each page's own values (``TemplateContext``), so that a page's
/// context holds only what differs between pages.
public struct SharedContext: Sendable {
    /// The values every page sees, by top-level name (`site`, `data`).
    public let values: [String: TemplateValue]
    /// The lambdas, by name.
    public let lambdas: [String: TemplateLambda]

    /// Creates the shared part of every page's context.
    public init(values: [String: TemplateValue], lambdas: [String: TemplateLambda] = [:]) {
        self.values = values
        self.lambdas = lambdas
    }
}
