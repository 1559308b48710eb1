import TeigenCore

/// The fixed words of the preview's own pages and of the error overlay, in each of the site's languages.
///
/// They are the `preview.<key>` words of the site's i18n tables (``I18nTable``): Teigen's own (Japanese for
/// `ja`, `ja-JP`, …, English otherwise), under the theme's `i18n/LANG.yaml`, under the site's. The overlay
/// speaks the language of the page it covers (`<html lang>`), the server's own pages the site's default
/// language. Diagnostics themselves stay in English, as the terminal prints them.
struct OverlayText: Sendable, Hashable {
    /// What each string is for.
    enum Key: String, CaseIterable, Sendable, Hashable, Encodable {
        /// The overlay's title: a rebuild failed while a good build is served.
        case rebuildFailed
        /// Under it: what to do, and what the page shows meanwhile.
        case rebuildFailedHint
        /// The title of the page served while no build has succeeded.
        case buildFailed
        /// Under it: what to do.
        case buildFailedHint
        /// The title of the page served while the first build runs.
        case building
        /// Under it: what happens next.
        case buildingHint
        /// The button that hides the overlay.
        case hide

        /// The key in an i18n table.
        var tableKey: String { "preview." + rawValue }
    }

    /// One language's words.
    struct Words: Sendable, Hashable {
        /// The site's language whose pages they are for.
        var pageLanguage: String
        /// The language the words are in: the page language, or `en` for a language whose table has only
        /// Teigen's English words.
        var language: String
        var strings: [Key: String]
    }

    /// The site's default language's words first, then the other languages'.
    let languages: [Words]

    /// The words of each table (the site's languages, the default first).
    init(tables: [I18nTable]) {
        let english = I18nTable.builtIn(language: "en")
        languages = tables.map { table in
            let builtIn = I18nTable.builtIn(language: table.language)
            var strings: [Key: String] = [:]
            for key in Key.allCases { strings[key] = table[key.tableKey] ?? builtIn[key.tableKey] ?? english[key.tableKey] ?? "" }
            let inEnglish = Key.allCases.allSatisfy { strings[$0] == english[$0.tableKey] }
            return Words(pageLanguage: table.language, language: inEnglish ? "en" : table.language, strings: strings)
        }
    }

    /// Teigen's own words for a site in `language` (`ja`, `ja-JP`, `en-GB`, …).
    init(language: String) {
        self.init(tables: [I18nTable.builtIn(language: language)])
    }

    /// The language of the default words (`en`, `ja`), for `lang` attributes.
    var language: String {
        languages.first?.language ?? "en"
    }

    /// The default language's string for `key`.
    subscript(key: Key) -> String {
        languages.first?.strings[key] ?? ""
    }

    /// The default language's strings by key name, for the overlay's JSON.
    var strings: [String: String] {
        Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, self[$0]) })
    }

    /// For the overlay's JSON, by the language of the pages they are for: each language's strings by key name,
    /// and the language they are in (`lang`).
    var byPageLanguage: [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for words in languages {
            var strings = Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, words.strings[$0] ?? "") })
            strings["lang"] = words.language
            result[words.pageLanguage] = strings
        }
        return result
    }
}
