import Foundation
import TeigenCore
import TeigenTheme

/// The template lambdas of one language's pages: `relURL` and `absURL` (a site path made into the URL written
/// in the output), `relLangURL` and `absLangURL` (the same for a path within the language: `/` is the
/// language's home), `asset` (a theme asset's fingerprinted URL), `integrity` (its SRI hash), `t` (the
/// language's words for a key) and `image` (an image's responsive markup, ``ImageMarkers``).
///
/// The results of every section a template writes literally (`{{#asset}}css/style.css{{/asset}}`,
/// `{{#t}}skipLink{{/t}}`, `{{#relLangURL}}/{{/relLangURL}}`) are made once per build and written as they are
/// on every page (see `TemplateLambda`).
enum TemplateLambdas {
    /// The lambdas of each of `input`'s languages, by language code; a word a language lacks is the default
    /// language's.
    static func byLanguage(_ input: SiteInput) -> [String: [String: TemplateLambda]] {
        let config = input.config
        let urls = SiteURLs(baseURL: config.baseURL)
        let fallback = input.strings[config.defaultLanguage.code] ?? I18nTable.builtIn(language: config.defaultLanguage.code)
        var lambdas: [String: [String: TemplateLambda]] = [:]
        for language in config.languages {
            let strings = input.strings[language.code] ?? I18nTable.builtIn(language: language.code)
            lambdas[language.code] = make(
                urls: urls, assets: input.assets, theme: input.theme, language: language, strings: strings, fallback: fallback)
        }
        return lambdas
    }

    static func make(
        urls: SiteURLs, assets: AssetCatalog, theme: Theme, language: Language, strings: I18nTable, fallback: I18nTable
    ) -> [String: TemplateLambda] {
        let url: @Sendable (String) -> String = { name in assets.asset(named: name).map { urls.rooted("/" + $0.outputPath) } ?? "" }
        let integrity: @Sendable (String) -> String = { name in assets.asset(named: name)?.integrity ?? "" }
        let words: @Sendable (String) -> String = { text in
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return escapingText(strings[key] ?? fallback[key] ?? key)
        }
        let trimmed: @Sendable (String) -> String = { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        /// A lambda whose results for the theme's literal sections of it are made here, once.
        func precomputed(_ name: String, _ function: @escaping @Sendable (String) -> String) -> TemplateLambda {
            TemplateLambda(known: table(of: theme.literalSections(named: name), function), function)
        }
        return [
            "relURL": precomputed("relURL") { text in urls.rooted(trimmed(text)) },
            "absURL": precomputed("absURL") { text in urls.absolute(trimmed(text)) },
            "relLangURL": precomputed("relLangURL") { text in urls.rooted(language.sitePath(trimmed(text))) },
            "absLangURL": precomputed("absLangURL") { text in urls.absolute(language.sitePath(trimmed(text))) },
            "asset": precomputed("asset", url),
            "integrity": precomputed("integrity", integrity),
            "image": ImageMarkers.lambda(sections: theme.sections(named: "image")),
            "t": precomputed("t", words),
        ]
    }

    /// `lambda`'s result for the text of each section.
    private static func table(of sections: [LiteralSection], _ lambda: (String) -> String) -> [String: String] {
        var table: [String: String] = [:]
        for section in sections { table[section.text] = lambda(section.text) }
        return table
    }

    /// `words` with `&`, `<`, `>`, `"` and `'` escaped for HTML text and attribute values, except inside
    /// Mustache tags (`{{page.readingTime}}`), which are rendered with the page's values afterwards.
    static func escapingText(_ words: String) -> String {
        var output = ""
        var rest = words[...]
        while let open = rest.range(of: "{{") {
            output += HTMLText.escape(String(rest[..<open.lowerBound]))
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let end = rest[close.upperBound...].hasPrefix("}") ? rest.index(after: close.upperBound) : close.upperBound
            output += rest[open.lowerBound..<end]
            rest = rest[end...]
        }
        return output + HTMLText.escape(String(rest))
    }
}
