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
    /// The theme's templates that take the place of Teigen's built-in ones.
    var overrides: [Override] = []
    /// The key of what the configuration was made from (``configKey(_:options:)``): part of every cache key.
    var configKey = CacheKey.none

    /// Decodes `files`, reusing decoded pages from `sources` whose files did not change.
    static func parse(_ files: SiteFiles, options: BuildOptions, sources: inout Memo<SourcePage>) async throws(DiagnosticError) -> SiteInput {
        var errors: [Diagnostic] = []
        var config: SiteConfig?
        do {
            config = try ConfigLoader.load(files.configText, path: files.configPath, baseURLOverride: options.baseURL)
        } catch {
            errors += error.diagnostics
        }
        let pages = try await PageSources.parse(
            files.content.filter { PageSources.isPage($0.relativePath) }, taxonomies: config?.taxonomies ?? [.tags], jobs: options.jobs, memo: &sources)
        errors += pages.errors
        let languages = config?.languages ?? [Language(code: "en")]
        let suffixes = LanguageSuffix(languages: languages, isOn: config?.hasLanguageList ?? false)
        let data = DataFiles(files.data, languages: suffixes)
        errors += data.errors
        let strings = I18nFiles(theme: files.themeStrings, site: files.siteStrings, languages: languages)
        errors += strings.errors
        var warnings = strings.warnings
        let theme = ThemeFiles(files.templates, shortcodes: files.shortcodes, builtIns: BuiltInTemplates.all)
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
                graph = try ContentGraph.build(pages.pages, settings: try graphSettings(config, options: options, data: data, strings: strings.tables))
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty, let config, let graph, let compiled = theme.theme else { throw DiagnosticError(errors) }
        // A build that keeps no decoded pages for the next one (`teigen build`) has no more use for the pages' bytes once
        // they are decoded: they are dropped rather than held to the end beside the decoded text.
        let kept = sources.isEnabled ? files : files.withoutPageBytes()
        return SiteInput(
            config: config, graph: graph, data: data.values, strings: strings.tables, warnings: warnings, theme: compiled, assets: assets,
            files: kept, resources: resources(of: files), overrides: theme.overrides, configKey: configKey(files, options: options))
    }

    /// The key of the configuration: a function of `config.yaml`'s path and text and the `--base-url` override
    /// alone (``ConfigLoader``), so their key stands for every setting without hashing each.
    static func configKey(_ files: SiteFiles, options: BuildOptions) -> CacheKey {
        var hasher = StableHasher()
        hasher.combine(files.configPath)
        hasher.combine(files.configText)
        hasher.combine(options.baseURL)
        return hasher.finalize()
    }

    /// How the content graph is made: which pages are published (`--drafts`, `--future`, `--expired`, the build's
    /// "now"), the taxonomies with their terms' names (`data/taxonomies/TAXONOMY.*`) and their pages' default titles
    /// (the i18n key `taxonomy.NAME`), and pagination.
    static func graphSettings(_ config: SiteConfig, options: BuildOptions, data: DataFiles, strings: [String: I18nTable]) throws(DiagnosticError) -> GraphSettings {
        var settings = GraphSettings(languages: config.languages, languageSuffixes: config.hasLanguageList)
        settings.publication = Publication(
            now: options.now ?? Date(), timeZone: config.timeZone, includeDrafts: options.includeDrafts, includeFuture: options.includeFuture,
            includeExpired: options.includeExpired)
        settings.taxonomies = config.taxonomies
        settings.paginate = config.paginate
        settings.paginatePath = config.paginatePath
        settings.termNames = try termNames(data, config: config)
        for language in config.languages {
            let table = strings[language.code]
            settings.taxonomyTitles[language.code] = Dictionary(uniqueKeysWithValues: config.taxonomies.compactMap { taxonomy in
                table?["taxonomy." + taxonomy.name].map { (taxonomy.name, $0) }
            })
        }
        return settings
    }

    /// The terms' names of `data/taxonomies/TAXONOMY.*`: a file with a language suffix for its language, one
    /// without for every language that has none of its own.
    static func termNames(_ data: DataFiles, config: SiteConfig) throws(DiagnosticError) -> TermNames {
        var names = TermNames()
        var errors: [Diagnostic] = []
        let prefix = "taxonomies."
        let files = data.files.filter { $0.name.hasPrefix(prefix) }
        for file in files {
            let taxonomy = String(file.name.dropFirst(prefix.count))
            guard config.taxonomies.contains(where: { $0.name == taxonomy }) else {
                errors.append(.error(
                    "data/taxonomies/ names the terms of the site's taxonomies, and '\(taxonomy)' is not one of them (\(config.taxonomies.map(\.name).joined(separator: ", ")))",
                    at: SourceLocation(path: file.path, line: 1, column: 1)))
                continue
            }
            let languages: [String] = file.language.map { [$0] }
                ?? config.languages.map(\.code).filter { code in !files.contains { $0.name == file.name && $0.language == code } }
            for language in languages {
                do throws(DiagnosticError) {
                    try names.read(file.value, taxonomy: taxonomy, language: language, path: file.path, text: file.text)
                } catch {
                    errors += error.diagnostics
                    break
                }
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return names
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
