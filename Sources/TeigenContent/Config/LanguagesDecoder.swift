import TeigenCore
import Yams

/// Decodes `languages:` of `config.yaml`: an ordered list of languages, the default first.
///
/// ```yaml
/// languages:
///   - code: ja
///     name: 日本語
///   - code: en
///     name: English
///     title: Urgent Proposals
///     dateFormat: "MMMM d, yyyy"
///     menus:
///       main:
///         - name: Proposals
///           page: proposals/_index.md
/// ```
///
/// Each field but `code` defaults to the site's key of the same name (`params` are the site's with the
/// language's on top; `menus`, when given, replace the site's; a language's own `dateFormat` without its own
/// `dateFormatMonth` writes months in the language's own way); `name` defaults to the language's own name for
/// itself. Dates are written with the month and weekday names of the language.
struct LanguagesDecoder {
    static let knownKeys = [
        "author", "calendar", "code", "dateFormat", "dateFormatMonth", "description", "menus", "name", "params", "publisher", "title",
    ]

    let decoder: NodeDecoder
    /// The configuration read so far: what each language's fields default to.
    let site: SiteConfig
    /// The site's date settings, which each language's start from.
    let dates: DateSettings

    /// Sets `config.languages` from the list at `node`. `siteLanguage` is the value of the site's `language`
    /// key, if given: it must then be the first language's code.
    func decode(_ node: Node, siteLanguage: Node?, into config: inout SiteConfig) throws(DiagnosticError) {
        guard case .sequence(let entries) = node, !entries.isEmpty else {
            throw DiagnosticError(decoder.reader.error(
                "'languages' must be a list of languages such as '- code: ja', the default language first", at: node))
        }
        var languages: [Language] = []
        var errors: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            do throws(DiagnosticError) {
                let language = try self.language(entry, isDefault: position == 0)
                if let line = seen[language.code.lowercased()] {
                    throw DiagnosticError(decoder.reader.error(
                        "language '\(language.code)' is listed twice in 'languages' (first on line \(line))", at: entry))
                }
                seen[language.code.lowercased()] = decoder.reader.location(of: entry).line
                languages.append(language)
            } catch {
                errors += error.diagnostics
            }
        }
        if let siteLanguage, let first = languages.first, siteLanguage.string != first.code {
            errors.append(decoder.reader.error(
                "'language' is '\(siteLanguage.string ?? "")' but the first of 'languages' is '\(first.code)': the first language "
                    + "is the default, so remove 'language' (or make it '\(first.code)')", at: siteLanguage))
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        config.languages = languages
        config.language = languages[0].code
        config.dateFormat = languages[0].dateFormat
        config.hasLanguageList = true
    }

    /// One entry of the list.
    private func language(_ node: Node, isDefault: Bool) throws(DiagnosticError) -> Language {
        guard case .mapping(let mapping) = node else {
            throw DiagnosticError(decoder.reader.error("each of 'languages' must be a mapping with at least 'code' (such as 'code: en')", at: node))
        }
        var code: String?
        var name: String?
        var language = site.soleLanguage
        language.isDefault = isDefault
        var dates = self.dates
        var givenDates = Set<String>()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "code":
                let text = try decoder.string(value, key: key)
                guard Language.isTagShaped(text) else {
                    throw DiagnosticError(decoder.reader.error(
                        "'code' must be a language tag such as 'ja', 'en' or 'pt-BR' (got '\(Diagnostic.shown(text))')", at: value))
                }
                code = text
            case "name": name = try decoder.string(value, key: key)
            case "title": language.title = try decoder.string(value, key: key)
            case "description": language.description = try decoder.string(value, key: key)
            case "author": language.author = try decoder.string(value, key: key)
            case "publisher": language.publisher = try decoder.string(value, key: key)
            case "dateFormat", "dateFormatMonth", "calendar":
                try dates.read(key, value, decoder: decoder)
                givenDates.insert(key)
            case "params": language.params = site.params.merging(try decoder.map(value, key: key))
            case "menus": language.menus = try ConfigLoader.menus(value, decoder: decoder)
            default:
                throw DiagnosticError(decoder.reader.error(
                    "unknown key '\(key)' in a language (known keys: \(Self.knownKeys.joined(separator: ", ")))", at: keyNode))
            }
        }
        guard let code else {
            throw DiagnosticError(decoder.reader.error("a language needs its 'code' (such as 'code: en')", at: node))
        }
        language.code = code
        language.name = name ?? Language.nativeName(of: code)
        if givenDates.contains("dateFormat") && !givenDates.contains("dateFormatMonth") { dates.monthPattern = nil }
        language.dateFormat = dates.format(language: code)
        return language
    }
}
