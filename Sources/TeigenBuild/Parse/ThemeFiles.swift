import TeigenCore
import TeigenTheme

/// The theme's templates (`theme/templates/**/*.mustache`), compiled.
struct ThemeFiles {
    /// The compiled theme, nil when a template could not be read or compiled.
    private(set) var theme: Theme?
    private(set) var errors: [Diagnostic] = []

    init(_ files: [SiteFiles.File]) {
        var templates: [String: String] = [:]
        var paths: [String: String] = [:]
        for file in files {
            do {
                let name = String(file.relativePath.dropLast(".mustache".count))
                templates[name] = try SiteFiles.text(file.data, path: file.displayPath)
                paths[name] = file.displayPath
            } catch {
                errors += error.diagnostics
            }
        }
        do {
            theme = try Theme(templates: templates, paths: paths)
        } catch {
            errors += error.diagnostics
        }
    }
}
