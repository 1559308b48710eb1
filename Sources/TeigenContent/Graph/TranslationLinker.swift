import TeigenCore

/// Links each page with its translations: the translation edges of the content graph.
///
/// A page of the default language is an original. A page of another language translates the original
/// beside it (`about.en.md` translates `about.md`), or, when it has a `translationKey`, the original with
/// the same `translationKey`. Four mistakes are errors at the file (and the `translationKey` line):
/// a translation whose original does not exist; two files that claim the same translation (`about.en.md`
/// and a page whose `translationKey` also makes it the English `about.md`; or `about.md` and `about.ja.md`);
/// two originals with one `translationKey`; and (found earlier, by ``LanguageSuffix``) a language suffix
/// that is not among the site's languages.
struct TranslationLinker {
    /// One page to link.
    struct Entry {
        var language: String
        /// The content path without the language suffix (`about.md` for `about.en.md`).
        var path: String
        var source: SourcePage
        /// Whether the page was made up for a folder without `_index.md`: it may lack an original.
        var isImplicit: Bool

        var key: String? { source.frontMatter.translationKey }
    }

    /// The site's languages, the default first.
    let languages: [Language]

    /// The groups of translations (each a list of entry indices, in the order of `languages`), and each
    /// entry's group.
    struct Links {
        var groups: [[Int]] = []
        var groupOf: [Int] = []
    }

    /// Links `entries`. `unpublished` are the drafts left out of the build: a translation of a draft is
    /// published on its own rather than reported as having no original.
    func link(_ entries: [Entry], unpublished: [Entry]) throws(DiagnosticError) -> Links {
        var work = Work(entries: entries, defaultLanguage: languages.first?.code ?? "")
        work.linkOriginals()
        work.linkTranslations(unpublished: unpublished.filter { $0.language == work.defaultLanguage })
        guard work.errors.isEmpty else { throw DiagnosticError(work.errors) }
        let order = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1.code, $0) })
        var links = work.links
        links.groups = links.groups.map { group in group.sorted { order[entries[$0].language] ?? 0 < order[entries[$1].language] ?? 0 } }
        return links
    }

    /// The links made so far, and the errors found.
    private struct Work {
        let entries: [Entry]
        let defaultLanguage: String
        var links: Links
        var errors: [Diagnostic] = []
        /// The originals by path without suffix, and by `translationKey`.
        var byPath: [String: Int] = [:]
        var byKey: [String: Int] = [:]

        init(entries: [Entry], defaultLanguage: String) {
            self.entries = entries
            self.defaultLanguage = defaultLanguage
            links = Links(groupOf: Array(repeating: -1, count: entries.count))
        }

        /// Each page of the default language starts a group, found by its path and its `translationKey`.
        mutating func linkOriginals() {
            for (index, entry) in entries.enumerated() where entry.language == defaultLanguage {
                if let key = entry.key {
                    if let other = byKey[key] {
                        errors.append(TranslationLinker.error(
                            "translationKey '\(key)' is also the translationKey of \(entries[other].source.sourcePath): two pages of one "
                                + "language cannot be translations of each other; give each its own translationKey", at: entry, keyLine: true))
                    } else {
                        byKey[key] = index
                    }
                }
                if let other = byPath[entry.path] {
                    errors.append(TranslationLinker.error(
                        "two files are the \(defaultLanguage) page '\(entry.path)': \(entries[other].source.sourcePath) and "
                            + "\(entry.source.sourcePath); keep one", at: entry, keyLine: false))
                } else {
                    byPath[entry.path] = index
                }
                links.groupOf[index] = links.groups.count
                links.groups.append([index])
            }
        }

        /// Each page of another language joins its original's group (by `translationKey`, else beside it).
        mutating func linkTranslations(unpublished: [Entry]) {
            let draftPaths = Set(unpublished.map(\.path))
            let draftKeys = Set(unpublished.compactMap(\.key))
            for (index, entry) in entries.enumerated() where entry.language != defaultLanguage {
                guard let original = entry.key.map({ byKey[$0] }) ?? byPath[entry.path] else {
                    if let key = entry.key, !draftKeys.contains(key) {
                        errors.append(TranslationLinker.error(
                            "translationKey '\(key)' links this \(entry.language) page to no page of the default language (\(defaultLanguage)): "
                                + "give its original the same translationKey", at: entry, keyLine: true))
                    } else if entry.key == nil, !entry.isImplicit, !draftPaths.contains(entry.path) {
                        errors.append(TranslationLinker.error(
                            "\(entry.source.sourcePath) is the \(entry.language) translation of '\(entry.path)', which does not exist: a "
                                + "translation needs its original in the default language (\(defaultLanguage)) beside it, or the original's translationKey",
                            at: entry, keyLine: false))
                    }
                    links.groupOf[index] = links.groups.count
                    links.groups.append([index])
                    continue
                }
                let group = links.groupOf[original]
                if let other = links.groups[group].first(where: { entries[$0].language == entry.language }) {
                    errors.append(TranslationLinker.error(
                        "two files are the \(entry.language) translation of \(entries[original].source.sourcePath): "
                            + "\(entries[other].source.sourcePath) and \(entry.source.sourcePath); keep one", at: entry, keyLine: entry.key != nil))
                    continue
                }
                links.groupOf[index] = group
                links.groups[group].append(index)
            }
        }
    }

    /// An error at `entry`'s file: its `translationKey` line when `keyLine`, else its first line.
    static func error(_ message: String, at entry: Entry, keyLine: Bool) -> Diagnostic {
        let line = keyLine ? entry.source.frontMatter.keyLines["translationKey"] ?? 1 : 1
        return .error(message, at: SourceLocation(path: entry.source.sourcePath, line: line, column: 1), source: entry.source.text.isEmpty ? nil : entry.source.text)
    }
}
