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
            let name = String(file.relativePath.dropLast(".mustache".count))
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
