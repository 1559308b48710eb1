/// A file that takes the place of another one the build would use: a file of `site/templates/` or
/// `site/assets/` over the theme's file of the same path (partials included), a theme's template over
/// Teigen's built-in one (`robots.txt`, `sitemap.xml`, `atom.xml`), or a file of `static/` over a file Teigen
/// writes itself (`robots.txt`). `teigen build --verbose` lists them.
public struct Override: Sendable, Hashable {
    /// The file used, as shown in messages (`site/templates/page.mustache`).
    public var file: String
    /// What it replaces (`theme/templates/page.mustache`, `Teigen's built-in robots.txt template`).
    public var replaces: String

    /// The files of `site` over those of `theme` with the same relative path: every file of both (or, with
    /// `replacingOnly`, of the theme's paths alone), the site's winning, in path order, and what each of the site's replaced.
    static func overlay(
        _ site: [SiteFiles.File], over theme: [SiteFiles.File], replacingOnly: Bool = false
    ) -> (files: [SiteFiles.File], overrides: [Override]) {
        var byPath = Dictionary(theme.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        var overrides: [Override] = []
        for file in site {
            if let replaced = byPath[file.relativePath] {
                overrides.append(Override(file: file.displayPath, replaces: replaced.displayPath))
            } else if replacingOnly {
                continue
            }
            byPath[file.relativePath] = file
        }
        return (byPath.values.sorted { $0.relativePath < $1.relativePath }, overrides)
    }
}
