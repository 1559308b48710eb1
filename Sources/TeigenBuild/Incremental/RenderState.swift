import TeigenContent
import TeigenCore

/// The steps' results of a successful build that a later one in the same process needs to render a few
/// pages again without the rest (``BodyEdit``).
struct RenderState: Sendable {
    /// The `parse` step's result.
    var input: SiteInput
    /// The `markdown` step's result.
    var bodies: PageBodies
    /// The `contexts` step's result.
    var site: SiteContext
    /// The `templates` step's result: each page's template, by page index.
    var templates: [String]
    /// The `print` step's result: the documents' jobs and the PDFs made or found.
    var print = PrintEditions()

    /// The build's warnings: the `parse` step's (i18n keys missing in a language), the `markdown` step's, then
    /// the `print` step's (WeasyPrint's).
    var warnings: [Diagnostic] {
        input.warnings + bodies.warnings + print.warnings
    }

    /// The `pages` step for these parts.
    var renderer: PageRenderer {
        PageRenderer(theme: input.theme, site: site, templates: templates)
    }
}
