import Foundation
import TeigenCore
import TeigenTheme

/// What the templates ask for that the site does not have, found before any page is rendered: a
/// `{{#asset}}` or `{{#integrity}}` naming a file not in `theme/assets/`, and a `data.NAME` (or
/// `site.data.NAME`) without a data file `site/data/NAME.*` (errors); a `{{#t}}key{{/t}}` whose key a
/// language's words lack (a warning for each such language).
struct TemplateChecks {
    let theme: Theme

    /// The problems, as errors at the tags that name what is missing.
    func problems(assets: AssetCatalog, dataNames: Set<String>) -> [Diagnostic] {
        missingAssets(assets) + missingData(dataNames)
    }

    func missingAssets(_ assets: AssetCatalog) -> [Diagnostic] {
        ["asset", "integrity"].flatMap { lambda in
            theme.literalSections(named: lambda).filter { assets.asset(named: $0.text) == nil }.map { section in
                Diagnostic.error(
                    "template refers to asset '\(section.text)', which is not in theme/assets/", at: section.location,
                    source: theme.text(of: section.template))
            }
        }
    }

    /// A warning for each `{{#t}}key{{/t}}` (its text a literal key) and each of the site's languages whose
    /// table lacks the key.
    func missingWords(_ tables: [String: I18nTable], languages: [Language]) -> [Diagnostic] {
        theme.literalSections(named: "t").flatMap { section in
            let key = section.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return languages.filter { tables[$0.code]?[key] == nil }.map { language in
                Diagnostic.warning(
                    "template uses i18n key '\(key)', which has no \(language.name) (\(language.code)) words: add it to i18n/\(language.code).yaml of the theme or the site",
                    at: section.location, source: theme.text(of: section.template))
            }
        }
    }

    /// Each missing data name once per template, at its first use.
    func missingData(_ available: Set<String>) -> [Diagnostic] {
        var reported = Set<[String]>()
        var diagnostics: [Diagnostic] = []
        for variable in theme.variables {
            let part = variable.path.first == "site" ? 1 : 0
            guard variable.path.count > part + 1, variable.path[part] == "data" else { continue }
            let name = variable.path[part + 1]
            guard !available.contains(name), reported.insert([variable.template, name]).inserted else { continue }
            diagnostics.append(.error(
                "template uses 'data.\(name)', but there is no data file site/data/\(name).yaml (or .yml, .json, .toml, .csv)",
                at: variable.location(ofPart: part), source: theme.text(of: variable.template)))
        }
        return diagnostics
    }
}
