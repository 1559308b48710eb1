import Foundation
import TeigenContent
import TeigenCore

/// The fixed words of each of the site's languages (part of the `parse` step): Teigen's own words, under the
/// theme's `i18n/LANG.yaml`, under the site's `i18n/LANG.yaml`. For a language such as `en-GB`, the file of
/// its primary language (`en.yaml`) lies under its own (`en-GB.yaml`).
///
/// A key that the files give in one of the site's languages but not in another is a warning naming the key
/// and the language that lacks it (Teigen's own keys never are: its words fill in).
struct I18nFiles {
    /// Each language's table, by language code.
    private(set) var tables: [String: I18nTable] = [:]
    private(set) var errors: [Diagnostic] = []
    private(set) var warnings: [Diagnostic] = []

    init(theme: [SiteFiles.File], site: [SiteFiles.File], languages: [Language]) {
        let themeFiles = decode(theme)
        let siteFiles = decode(site)
        var given: [String: [I18nFile]] = [:]
        for language in languages {
            let primary = String(language.code.split(separator: "-").first ?? "")
            let names = primary.lowercased() == language.code.lowercased() ? [language.code] : [primary, language.code]
            let layers = names.compactMap { themeFiles[$0.lowercased()] } + names.compactMap { siteFiles[$0.lowercased()] }
            var table = I18nTable.builtIn(language: language.code)
            for layer in layers { table.add(layer.strings) }
            tables[language.code] = table
            given[language.code] = layers
        }
        warnings = Self.missingKeys(given, languages: languages)
    }

    /// The files by language (their names, lower-cased), decoded.
    private mutating func decode(_ files: [SiteFiles.File]) -> [String: I18nFile] {
        var decoded: [String: I18nFile] = [:]
        for file in files {
            let language = (file.relativePath as NSString).deletingPathExtension
            do {
                let text = try SiteFiles.text(file.data, path: file.displayPath)
                decoded[language.lowercased()] = try I18nFile.decode(text, path: file.displayPath, language: language)
            } catch {
                errors += error.diagnostics
            }
        }
        return decoded
    }

    /// A warning for each key that the files of one language give and another language's lack, at the first
    /// place a file gives it.
    static func missingKeys(_ given: [String: [I18nFile]], languages: [Language]) -> [Diagnostic] {
        var firstPlace: [String: (location: SourceLocation, text: String)] = [:]
        var keys: [String: Set<String>] = [:]
        for language in languages {
            for file in given[language.code] ?? [] {
                for (key, line) in file.lines where firstPlace[key] == nil {
                    firstPlace[key] = (SourceLocation(path: file.path, line: line, column: 1), file.text)
                }
                keys[language.code, default: []].formUnion(file.strings.keys)
            }
        }
        var warnings: [Diagnostic] = []
        for key in firstPlace.keys.sorted() where I18nTable.builtInKeys[key] == nil {
            for language in languages where !(keys[language.code]?.contains(key) ?? false) {
                warnings.append(.warning(
                    "i18n key '\(key)' has no \(language.name) (\(language.code)) words: add it to i18n/\(language.code).yaml of the theme or the site",
                    at: firstPlace[key]!.location, source: firstPlace[key]!.text))
            }
        }
        return warnings
    }
}
