import TeigenCore
import TeigenTheme

/// The theme's templates (`theme/templates/**/*.mustache`) and the shortcode templates (named
/// `shortcodes/NAME`; a site's shortcode replaces the theme's of the same name), compiled together, so
/// that shortcodes can include the theme's partials.
struct ThemeFiles {
    /// The compiled theme, nil when a template could not be read or compiled.
    private(set) var theme: Theme?
    private(set) var errors: [Diagnostic] = []

    /// The name prefix of shortcode templates.
    static let shortcodePrefix = "shortcodes/"

    init(_ files: [SiteFiles.File], shortcodes: [SiteFiles.File] = []) {
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
        do {
            theme = try Theme(templates: templates, paths: paths)
        } catch {
            errors += error.diagnostics
        }
    }
}
