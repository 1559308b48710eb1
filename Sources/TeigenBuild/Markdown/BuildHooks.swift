import TeigenContent
import TeigenCore

extension PageHooks {
    /// The build's hooks for the pages' Markdown: images through `catalog` (``ImageCatalog``), shortcodes
    /// through `shortcodes` (``ShortcodeTemplates``).
    static func build(catalog: ImageCatalog, shortcodes: ShortcodeTemplates) -> PageHooks {
        var hasher = StableHasher()
        catalog.fingerprint(into: &hasher)
        for name in shortcodes.theme.paths.keys.sorted() where name.hasPrefix(ThemeFiles.shortcodePrefix) || name.hasPrefix("partials/") {
            hasher.combine(name)
            hasher.combine(shortcodes.theme.text(of: name))
        }
        for (language, words) in shortcodes.words.sorted(by: { $0.key < $1.key }) {
            hasher.combine(language)
            hasher.combine(words)
        }
        return PageHooks(
            image: { page, reference in
                guard ImageCatalog.isLocalImage(reference.destination) else { return .keep }
                guard let sitePath = catalog.sitePath(of: reference.destination, directory: page.directory) else {
                    return .failure(ImageCatalog.missing(reference.destination))
                }
                switch catalog.markup(of: sitePath, alt: reference.alt) {
                case .success(let html): return .html(html, resources: [sitePath])
                case .failure(let error): return .failure(error.description)
                }
            },
            shortcode: { page, call in shortcodes.render(call, page: page) },
            fingerprint: hasher.finalize().hex)
    }
}
