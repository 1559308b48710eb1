import TeigenContent
import TeigenCore

/// What a page's template knows of its translations and of the site's other languages (part of the `page`
/// value): `page.translations`, `page.alternates` (for `<link rel="alternate" hreflang>`),
/// `page.otherLanguages` (for a language switcher) and `page.original`.
struct TranslationValues {
    let graph: ContentGraph
    let urls: SiteURLs

    /// The fields of `target` (on a later page of a list, the alternates and the switcher lead to the same page
    /// of the translations' lists, where they have it).
    func fields(of target: PageTarget) -> [(String, TemplateValue)] {
        let index = target.index
        let language = graph.language(of: index)
        let translations = graph.translations(of: index)
        var fields: [(String, TemplateValue)] = [
            ("languageName", .string(language.name)), ("isDefaultLanguage", .bool(language.isDefault)),
            ("translations", .array(translations.map(link(to:)))), ("hasTranslations", .bool(!translations.isEmpty)),
            ("alternates", .array(translations.isEmpty ? [] : alternates(of: target))),
            ("otherLanguages", .array(otherLanguages(than: language, translations: translations, number: target.number))),
        ]
        if !language.isDefault, let original = translations.first(where: { graph.language(of: $0).isDefault }) {
            fields.append(("original", link(to: original)))
        }
        return fields
    }

    /// `page.translations` entry: a translation with its language.
    func link(to index: Int) -> TemplateValue {
        let page = graph.pages[index]
        let language = graph.language(of: index)
        return .map([
            ("language", .string(language.code)), ("languageName", .string(language.name)), ("title", .string(page.title)),
            ("url", .string(urls.rooted(page.url))), ("permalink", .string(urls.absolute(page.url))),
        ])
    }

    /// Every version of page `index`, itself included, in the order of the site's languages, each with its
    /// `hreflang` and absolute URL, then `x-default` for the default language's version (when there is one).
    /// The same list on every page of a group, so the links are reciprocal.
    func alternates(of target: PageTarget) -> [TemplateValue] {
        let group = graph.translationGroups[graph.pages[target.index].translationGroup].filter { hasPage(target.number, $0) }
        guard group.count > 1 else { return [] }
        var alternates = group.map { member in
            TemplateValue.map([
                ("hreflang", .string(graph.pages[member].language)),
                ("href", .string(urls.absolute(graph.sitePath(of: PageTarget(index: member, number: target.number))))),
            ])
        }
        if let original = group.first(where: { graph.language(of: $0).isDefault }) {
            let path = graph.sitePath(of: PageTarget(index: original, number: target.number))
            alternates.append(.map([("hreflang", .string("x-default")), ("href", .string(urls.absolute(path)))]))
        }
        return alternates
    }

    /// Whether page `index` has a page `number` (a list cut into that many pages, or any page for number 1).
    private func hasPage(_ number: Int, _ index: Int) -> Bool {
        number <= (graph.paginations[index]?.pageCount ?? 1)
    }

    /// `page.otherLanguages`: each of the site's other languages with where its link leads: this page's
    /// translation, or, when there is none, the language's home.
    func otherLanguages(than language: Language, translations: [Int], number: Int = 1) -> [TemplateValue] {
        graph.languages.filter { $0.code != language.code }.map { other in
            let translation = translations.first { graph.pages[$0].language == other.code }
            let target = translation ?? graph.homes[other.code]
            let url = target.map { graph.sitePath(of: PageTarget(index: $0, number: translation != nil && hasPage(number, $0) ? number : 1)) } ?? other.rootPath
            return .map([
                ("code", .string(other.code)), ("name", .string(other.name)), ("url", .string(urls.rooted(url))),
                ("title", .string(translation.map { graph.pages[$0].title } ?? other.title)),
                ("hasTranslation", .bool(translation != nil)),
            ])
        }
    }
}
