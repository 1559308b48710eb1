import TeigenCore
import TeigenMarkdown

/// The parts of a successful build that a later one in the same process needs to render a few pages
/// again without the rest (``BodyEdit``): the parsed input, every page's context parts and template.
struct RenderState: Sendable {
    var parsed: BuildPipeline.Parsed
    var urls: SiteURLs
    var contexts: PageContextBuilder
    /// The Markdown diagnostics (warnings) of each page, by page index.
    var diagnostics: [[Diagnostic]]
    /// The template of each page, by page index.
    var templateOfPage: [String]
    var lambdas: [String: @Sendable (String) -> String]
    var relativeLinks: RelativeLinks?
    var feedPath: String

    /// The HTML of the output at `outputPath` (see ``BuildPipeline/html(_:context:outputPath:theme:lambdas:relative:)``).
    func html(_ template: String, context: [String: TemplateValue], outputPath: String) -> String {
        BuildPipeline.html(template, context: context, outputPath: outputPath, theme: parsed.theme, lambdas: lambdas, relative: relativeLinks)
    }

    /// The warnings of the build, in the order a full build reports them.
    var warnings: [Diagnostic] {
        diagnostics.joined().filter { $0.severity != .error }.sorted { $0.location < $1.location }
    }
}
