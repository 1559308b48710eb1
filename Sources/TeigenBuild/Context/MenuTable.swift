import TeigenContent
import TeigenCore

/// The menus of one language (`menus` in `config.yaml`, or in the language's entry of `languages`) with every
/// entry's target resolved once per build; each page then only marks the entries leading to it (`current`)
/// or above it (`active`). An entry naming a page leads to that page in the menu's language: `page:
/// about.md` in the English menu leads to `about.en.md` (naming `about.en.md` works too).
struct MenuTable: Sendable {
    struct Entry: Sendable {
        var name: String
        /// The site path of a page entry, or the URL of a `url` entry.
        var target: String
        /// The URL written in the output.
        var url: String
        var external: Bool
    }

    /// Menus by name, sorted by name.
    private var menus: [(name: String, entries: [Entry])] = []
    /// The site path of the language's home, which marks no page below it `active`.
    private let home: String

    /// Resolves the entries of `language`'s menus; an entry naming a page that does not exist, or has no
    /// version in the language, is an error.
    init(language: Language, graph: ContentGraph, urls: SiteURLs) throws(DiagnosticError) {
        var errors: [Diagnostic] = []
        home = language.rootPath
        for name in language.menus.keys.sorted() {
            var entries: [Entry] = []
            for entry in language.menus[name]! {
                switch entry.target {
                case .page(let contentPath):
                    guard let named = graph.indexByContentPath[contentPath] else {
                        errors.append(.error(
                            "menu entry '\(entry.name)' points at page '\(contentPath)', which does not exist in content/", at: entry.location))
                        continue
                    }
                    guard let index = graph.translation(of: named, in: language.code) else {
                        errors.append(.error(
                            "menu entry '\(entry.name)' of the \(language.name) (\(language.code)) menus points at page '\(contentPath)', which has no "
                                + "\(language.code) version: translate it, or give the language its own 'menus'", at: entry.location))
                        continue
                    }
                    let target = graph.pages[index].url
                    entries.append(Entry(name: entry.name, target: target, url: urls.rooted(target), external: false))
                case .url(let address):
                    let external = URLPath.isExternal(address)
                    entries.append(Entry(name: entry.name, target: address, url: external ? address : urls.rooted(address), external: external))
                }
            }
            menus.append((name, entries))
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
    }

    /// The menus for the page at site path `url`, with the entries leading to it or above it marked.
    func value(forPageAt url: String) -> TemplateValue {
        .map(menus.map { menu in
            (menu.name, .array(menu.entries.map { entry in
                let current = !entry.external && entry.target == url
                let active = !entry.external && (current || (entry.target != home && url.hasPrefix(entry.target)))
                return .map([
                    ("name", .string(entry.name)), ("url", .string(entry.url)),
                    ("current", .bool(current)), ("active", .bool(active)), ("external", .bool(entry.external)),
                ])
            }))
        })
    }
}
