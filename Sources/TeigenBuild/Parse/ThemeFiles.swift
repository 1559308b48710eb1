import TeigenCore
import TeigenTheme

/// The templates (`theme/templates/**/*.mustache`, with `site/templates/` over them) and the shortcode templates
/// (named `shortcodes/NAME`; a site's shortcode replaces the theme's of the same name), compiled together, so that
/// shortcodes can include the theme's partials, with Teigen's built-in templates (``BuiltInTemplates``) where
/// neither the site nor the theme has one of that name.
struct ThemeFiles {
    /// The compiled theme, nil when a template could not be read or compiled.
    private(set) var theme: Theme?
    private(set) var errors: [Diagnostic] = []
    /// The templates that take the place of a built-in one.
    private(set) var overrides: [Override] = []

    /// The name prefix of shortcode templates.
    static let shortcodePrefix = "shortcodes/"

    init(_ files: [SiteFiles.File], shortcodes: [SiteFiles.File] = [], builtIns: [String: String] = BuiltInTemplates.all) {
        var templates: [String: String] = [:]
        var paths: [String: String] = [:]
        let named = files.map { (String($0.relativePath.dropLast(".mustache".count)), $0) }
            + shortcodes.map { (Self.shortcodePrefix + String($0.relativePath.dropLast(".mustache".count)), $0) }
        for (name, file) in named {
            paths[name] = file.displayPath
            do {
                templates[name] = try SiteFiles.text(file.data, path: file.displayPath)
            } catch {
                errors += error.diagnostics
                templates[name] = ""  // It exists: templates including it are not told it is missing.
            }
        }
        for (name, text) in builtIns.sorted(by: { $0.key < $1.key }) {
            if let path = paths[name] {
                overrides.append(Override(file: path, replaces: "Teigen's built-in \(name) template"))
                continue
            }
            templates[name] = text
            paths[name] = "Teigen's built-in \(name) template"
        }
        do {
            theme = try Theme(templates: templates, paths: paths)
        } catch {
            errors += error.diagnostics
        }
    }
}
