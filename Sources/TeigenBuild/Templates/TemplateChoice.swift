import TeigenContent
import TeigenCore
import TeigenTheme

/// The template of every page (the `templates` step): front matter `layout`, else the section's own
/// template, else the kind's (see `TemplateLookup`); and the theme's 404 template.
struct TemplateChoice: Sendable {
    /// Each page's template name, by page index (empty where none was found).
    private(set) var names: [String] = []
    /// Pages without a template, and a theme without a 404 template.
    private(set) var errors: [Diagnostic] = []

    /// - Parameter themeFolder: the theme folder as shown in messages.
    init(graph: ContentGraph, theme: Theme, themeFolder: String) {
        let lookup = TemplateLookup()
        for page in graph.pages {
            let sections = page.sectionPath.split(separator: "/").map(String.init)
            let candidates = lookup.candidates(kind: page.kind, layout: page.frontMatter.layout, sections: sections)
            if let name = candidates.first(where: theme.has) {
                names.append(name)
                continue
            }
            names.append("")
            let tried = candidates.map { "theme/templates/\($0).mustache" }.joined(separator: ", ")
            let message = page.frontMatter.layout.map { "unknown layout '\($0)': no template \(tried)" } ?? "no template for this page; looked for \(tried)"
            errors.append(.error(
                message, at: SourceLocation(path: page.source.sourcePath, line: page.frontMatter.keyLines["layout"] ?? 1, column: 1),
                source: page.source.text.isEmpty ? nil : page.source.text))
        }
        if !theme.has("404") {
            errors.append(.error(
                "the theme has no 404 template; looked for theme/templates/404.mustache", at: SourceLocation(path: themeFolder + "/templates")))
        }
    }
}
