import TeigenCore
import TeigenTheme

/// The templates (`theme/templates/**/*.mustache`, with `site/templates/` over them), compiled, with Teigen's
/// built-in templates (``BuiltInTemplates``) where neither has one of that name.
struct ThemeFiles {
    /// The compiled theme, nil when a template could not be read or compiled.
    private(set) var theme: Theme?
    private(set) var errors: [Diagnostic] = []
    /// The templates that take the place of a built-in one.
    private(set) var overrides: [Override] = []

    init(_ files: [SiteFiles.File], builtIns: [String: String] = BuiltInTemplates.all) {
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
