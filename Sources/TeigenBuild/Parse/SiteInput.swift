import Foundation
import TeigenContent
import TeigenCore
import TeigenTheme

/// The parsed input of a build (the `parse` step): the configuration, the content graph, the data
/// files, the fixed words of each language, the compiled theme and its assets. Every diagnostic of the step
/// is reported together.
struct SiteInput: Sendable {
    var config: SiteConfig
    var graph: ContentGraph
    /// `data` of each language, by language code: each data file's value under its name (`data/members.yaml`
    /// is `members`; `data/members.en.yaml` is English's `members`).
    var data: [String: TemplateValue]
    /// The fixed words of each language (`theme/i18n/LANG.yaml`, `site/i18n/LANG.yaml`), by language code.
    var strings: [String: I18nTable]
    /// The step's warnings (i18n keys missing in a language).
    var warnings: [Diagnostic]
    var theme: Theme
    var assets: AssetCatalog
    /// The files read by the `load` step.
    var files: SiteFiles
    /// The files of `content/` that are not pages (images, PDFs): content path to the site path they are copied to.
    var resources: [String: String]

    /// Decodes `files`, reusing decoded pages from `sources` whose files did not change.
    static func parse(_ files: SiteFiles, options: BuildOptions, sources: inout Memo<SourcePage>) async throws(DiagnosticError) -> SiteInput {
        var errors: [Diagnostic] = []
        var config: SiteConfig?
        do {
            config = try ConfigLoader.load(files.configText, path: files.configPath, baseURLOverride: options.baseURL)
        } catch {
            errors += error.diagnostics
        }
        let pages = try await PageSources.parse(files.content.filter { PageSources.isPage($0.relativePath) }, jobs: options.jobs, memo: &sources)
        errors += pages.errors
        let languages = config?.languages ?? [Language(code: "en")]
        let suffixes = LanguageSuffix(languages: languages, isOn: config?.hasLanguageList ?? false)
        let data = DataFiles(files.data, languages: suffixes)
        errors += data.errors
        let strings = I18nFiles(theme: files.themeStrings, site: files.siteStrings, languages: languages)
        errors += strings.errors
        var warnings = strings.warnings
        let theme = ThemeFiles(files.templates, shortcodes: files.shortcodes)
        errors += theme.errors
        let assets = AssetCatalog(files: files.assets)
        if let compiled = theme.theme {
            let checks = TemplateChecks(theme: compiled)
            errors += checks.problems(assets: assets, dataNames: data.names)
            warnings += checks.missingWords(strings.tables, languages: languages)
        }
        var graph: ContentGraph?
        if errors.isEmpty, let config {
            do {
                graph = try ContentGraph.build(
                    pages.pages, languages: config.languages, languageSuffixes: config.hasLanguageList, includeDrafts: options.includeDrafts)
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty, let config, let graph, let compiled = theme.theme else { throw DiagnosticError(errors) }
        return SiteInput(
            config: config, graph: graph, data: data.values, strings: strings.tables, warnings: warnings, theme: compiled, assets: assets,
            files: files, resources: resources(of: files))
    }

    /// Where each file of `content/` that is not a page is copied: beside its page, in its folder's URL.
    static func resources(of files: SiteFiles) -> [String: String] {
        var resources: [String: String] = [:]
        for file in files.content where !PageSources.isPage(file.relativePath) {
            let folder = (file.relativePath as NSString).deletingLastPathComponent
            resources[file.relativePath] = ContentGraph.urlFolder(folder) + (file.relativePath as NSString).lastPathComponent
        }
        return resources
    }
}
