import Foundation

/// One language of a site: an entry of `languages:` in `config.yaml`, or, for a site without that list, the
/// language the site's own keys (`language`, `title`, `menus`…) describe.
///
/// The first language of a site is its default: its pages are served from the root (`/about/`), the others'
/// under their code (`/en/about/`). Every field but `code` and `name` defaults to the site's key of the same name.
///
/// ```swift
/// let english = Language(code: "en", title: "Urgent Proposals", isDefault: false)
/// english.sitePath("/about/")   // "/en/about/"
/// ```
public struct Language: Sendable, Hashable {
    /// The BCP 47 tag (`ja`, `en`, `pt-BR`): `<html lang>`, `hreflang`, and the URL segment of a language
    /// other than the default.
    public var code: String
    /// The name readers know the language by, in the language itself (`日本語`, `English`): the switcher shows it.
    public var name: String
    public var title: String
    public var description: String
    public var author: String
    public var publisher: String
    /// How dates are written for readers of this language (with its month and weekday names).
    public var dateFormat: DateFormat
    /// Menus by name (`main`), in the order written.
    public var menus: [String: [MenuEntry]]
    /// Free-form values handed to templates as `site.params` (the site's `params` with this language's on top).
    public var params: TemplateValue
    /// Whether this is the site's default (first) language, served from the root.
    public var isDefault: Bool

    public init(
        code: String, name: String? = nil, title: String = "", description: String = "", author: String = "",
        publisher: String = "", dateFormat: DateFormat? = nil, menus: [String: [MenuEntry]] = [:],
        params: TemplateValue = .map([]), isDefault: Bool = true
    ) {
        self.code = code
        self.name = name ?? Self.nativeName(of: code)
        self.title = title
        self.description = description
        self.author = author
        self.publisher = publisher
        self.dateFormat = dateFormat ?? DateFormat(language: code)
        self.menus = menus
        self.params = params
        self.isDefault = isDefault
    }

    /// The site path of the language's home: `/` for the default language, `/en/` for English otherwise.
    public var rootPath: String {
        isDefault ? "/" : "/" + code + "/"
    }

    /// A site path of the default language (`/about/`) as this language's (`/en/about/`).
    public func sitePath(_ path: String) -> String {
        guard !isDefault else { return path }
        return "/" + code + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// The language's name in itself (`ja` → `日本語`, `en` → `English`), from the system's locale data; the code
    /// when there is none.
    public static func nativeName(of code: String) -> String {
        let locale = Locale(identifier: code)
        guard let name = locale.localizedString(forIdentifier: code), !name.isEmpty else { return code }
        return name.prefix(1).uppercased(with: locale) + name.dropFirst()
    }

    /// Whether `text` has the shape of a BCP 47 language tag: a primary subtag of two or three letters, then
    /// subtags of two to eight letters or digits (`ja`, `en-GB`, `zh-Hant`, `pt-BR`).
    public static func isTagShaped(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
