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
    /// The `images planned` step's result, and the hooks the Markdown conversion was given.
    var catalog: ImageCatalog
    var hooks: PageHooks
    /// The images whose files the build published (site paths).
    var images: Set<String>
    /// The `highlight` step's tools.
    var fragments: BodyFragments

    /// The build's warnings: the `parse` step's (i18n keys missing in a language), the `markdown` step's, then
    /// the `print` step's (WeasyPrint's).
    var warnings: [Diagnostic] {
        warnings(adding: [])
    }

    /// ``warnings`` with those of `rendering` (an image a template writes without alt text) among the
    /// `markdown` step's, by position, then the `print` step's (WeasyPrint's).
    func warnings(adding rendering: [Diagnostic]) -> [Diagnostic] {
        input.warnings + (bodies.warnings + rendering.filter { $0.severity != .error }).sorted { $0.location < $1.location }
            + print.warnings
    }

    /// The `pages` step for these parts.
    var renderer: PageRenderer {
        PageRenderer(theme: input.theme, site: site, templates: templates, images: ImageMarkers(catalog: catalog))
    }
}
