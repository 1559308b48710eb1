import Foundation
import TeigenContent
import TeigenCore

/// The decoded data files of `site/data/` (YAML, JSON, TOML or CSV): `data.members` in templates is
/// `data/members.yaml`; two files with one name in different formats are an error naming both. On a site with
/// `languages:`, a file with a language suffix (`data/members.en.yaml`) is that language's `data.members`, in
/// place of `data/members.yaml` (the same rule as for pages, ``LanguageSuffix``).
struct DataFiles {
    /// Each language's `data`: every file's value under its name, sorted by name, by language code.
    private(set) var values: [String: TemplateValue] = [:]
    /// The names there are files for, in any language.
    private(set) var names: Set<String> = []
    private(set) var errors: [Diagnostic] = []

    init(_ files: [SiteFiles.File], languages: LanguageSuffix) {
        var shared: [String: TemplateValue] = [:]
        var own: [String: [String: TemplateValue]] = [:]
        errors = DataLoader.nameConflicts(among: files.map { ($0.relativePath, $0.displayPath) })
        for file in files {
            do throws(DiagnosticError) {
                let reading: LanguageSuffix.Reading
                do throws(LanguageSuffix.UnknownLanguage) {
                    reading = try languages.read(file.relativePath)
                } catch {
                    throw DiagnosticError(.error(error.message(for: "data/" + file.relativePath), at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
                }
                let text = try SiteFiles.text(file.data, path: file.displayPath)
                let value = try DataLoader().decode(text, path: file.displayPath)
                let name = Self.name(of: reading.path)
                if reading.hasSuffix { own[reading.language, default: [:]][name] = value } else { shared[name] = value }
                names.insert(name)
            } catch {
                errors += error.diagnostics
            }
        }
        for language in languages.languages {
            values[language.code] = .sortedMap(shared.merging(own[language.code] ?? [:]) { _, languageOwn in languageOwn })
        }
    }

    /// The `data` of pages in `language`.
    func value(for language: String) -> TemplateValue {
        values[language] ?? .map([])
    }

    /// The name of a data file under `data`: its path without the extension, folders joined with dots.
    static func name(of relativePath: String) -> String {
        (relativePath as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: ".")
    }
}
