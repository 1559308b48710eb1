import TeigenContent
import TeigenCore

/// What a page's template knows of its translations and of the site's other languages (part of the `page`
/// value): `page.translations`, `page.alternates` (for `<link rel="alternate" hreflang>`),
/// `page.otherLanguages` (for a language switcher) and `page.original`.
struct TranslationValues {
    let graph: ContentGraph
    let urls: SiteURLs

    /// The fields of page `index`.
    func fields(ofPageAt index: Int) -> [(String, TemplateValue)] {
        let language = graph.language(of: index)
        let translations = graph.translations(of: index)
        var fields: [(String, TemplateValue)] = [
            ("languageName", .string(language.name)), ("isDefaultLanguage", .bool(language.isDefault)),
            ("translations", .array(translations.map(link(to:)))), ("hasTranslations", .bool(!translations.isEmpty)),
            ("alternates", .array(translations.isEmpty ? [] : alternates(of: index))),
            ("otherLanguages", .array(otherLanguages(than: language, translations: translations))),
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
    func alternates(of index: Int) -> [TemplateValue] {
        let group = graph.translationGroups[graph.pages[index].translationGroup]
        var alternates = group.map { member in
            TemplateValue.map([("hreflang", .string(graph.pages[member].language)), ("href", .string(urls.absolute(graph.pages[member].url)))])
        }
        if let original = group.first(where: { graph.language(of: $0).isDefault }) {
            alternates.append(.map([("hreflang", .string("x-default")), ("href", .string(urls.absolute(graph.pages[original].url)))]))
        }
        return alternates
    }

    /// `page.otherLanguages`: each of the site's other languages with where its link leads: this page's
    /// translation, or, when there is none, the language's home.
    func otherLanguages(than language: Language, translations: [Int]) -> [TemplateValue] {
        graph.languages.filter { $0.code != language.code }.map { other in
            let translation = translations.first { graph.pages[$0].language == other.code }
            let target = translation ?? graph.homes[other.code]
            let url = target.map { graph.pages[$0].url } ?? other.rootPath
            return .map([
                ("code", .string(other.code)), ("name", .string(other.name)), ("url", .string(urls.rooted(url))),
                ("title", .string(translation.map { graph.pages[$0].title } ?? other.title)),
                ("hasTranslation", .bool(translation != nil)),
            ])
        }
    }
}
