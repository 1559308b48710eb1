import TeigenCore
import TeigenMarkdown

/// The pages of the site's taxonomies, in each language (a part of building the ``ContentGraph``): a page for
/// each taxonomy that has terms (`/tags/`) and one for each term (`/tags/核軍縮/`), made up from the terms that
/// the published pages of the language list, or written as `content/tags/_index.md` and
/// `content/tags/TERM/_index.md` (Hugo's places) to give them a title, a slug, a text or their own `paginate`.
///
/// A term is known by its key, the slug of the term as written (`NPT` and `npt` are one term); its title is the
/// `title` of its `_index.md`, else the one `data/taxonomies/TAXONOMY.*` gives it (``TermNames``), else the term as
/// first written; its URL segment is the `slug` of its `_index.md`, else the data's, else its key (Japanese
/// kept: `/tags/核軍縮/`). Each language has its own terms: a page without a translation adds its terms to its own
/// language's taxonomy only. Term pages of different languages with one key (or a term's `_index.md` and
/// `_index.en.md`) are translations of each other.
struct TaxonomyPages {
    let taxonomies: [Taxonomy]
    let languages: [Language]
    /// Whether file names carry language suffixes (the site has `languages:`).
    let suffixes: Bool
    let names: TermNames
    /// The default title of each taxonomy's page, by language and taxonomy (the theme's words, or the name).
    let titles: [String: [String: String]]

    /// The taxonomy pages made, and the terms of each page.
    struct Result {
        var files: [PageFile] = []
        /// The term pages of each page that has terms, by its content path: by taxonomy, the term pages' content
        /// paths in the order the page lists them.
        var termsOfPage: [String: [String: [String]]] = [:]
        var errors: [Diagnostic] = []
    }

    /// `files` without those in a taxonomy's folder (`content/tags/…`), those files, and an error for each file
    /// there that is not a taxonomy's or a term's `_index.md`.
    func separate(_ files: [PageFile]) -> (pages: [PageFile], own: [PageFile], errors: [Diagnostic]) {
        var pages: [PageFile] = []
        var own: [PageFile] = []
        var errors: [Diagnostic] = []
        for file in files {
            let parts = file.file.path.split(separator: "/").map(String.init)
            guard let first = parts.first, parts.count > 1, let taxonomy = taxonomies.first(where: { $0.name == first }) else {
                pages.append(file)
                continue
            }
            guard parts.last == "_index.md", parts.count <= 3 else {
                errors.append(.error(
                    "the folder '\(first)' holds the pages of the taxonomy '\(taxonomy.name)': only \(first)/_index.md (the taxonomy's page) and "
                        + "\(first)/TERM/_index.md (a term's page) may be there; move this page to another folder",
                    at: SourceLocation(path: file.source.sourcePath, line: 1, column: 1), source: file.source.text))
                continue
            }
            if let line = file.source.frontMatter.terms.keys.sorted().compactMap({ file.source.frontMatter.keyLines[$0] }).first {
                errors.append(.error(
                    "a taxonomy's or a term's own page cannot have terms", at: SourceLocation(path: file.source.sourcePath, line: line, column: 1),
                    source: file.source.text))
                continue
            }
            own.append(file)
        }
        return (pages, own, errors)
    }

    /// The taxonomy and term pages of every language, from the terms of `pages` (the published pages) and the
    /// taxonomies' own files `own`.
    func make(pages: [PageFile], own: [PageFile]) -> Result {
        var result = Result()
        for language in languages {
            for taxonomy in taxonomies {
                make(taxonomy, in: language, pages: pages.filter { $0.file.language == language.code }, own: own.filter { $0.file.language == language.code }, into: &result)
            }
        }
        return result
    }

    /// One term while it is collected.
    private struct Term {
        var key: String
        /// The term as each page wrote it, in content path order.
        var spellings: [String] = []
        var file: PageFile?
    }

    private func make(_ taxonomy: Taxonomy, in language: Language, pages: [PageFile], own: [PageFile], into result: inout Result) {
        var terms: [String: Term] = [:]
        var order: [String] = []
        var listed: [(page: String, keys: [String])] = []
        for page in pages.sorted(by: { $0.source.contentPath < $1.source.contentPath }) where !page.source.frontMatter.hidden {
            guard let written = page.source.frontMatter.terms[taxonomy.name], !written.isEmpty else { continue }
            var keys: [String] = []
            for name in written {
                guard let key = key(of: name, taxonomy: taxonomy, language: language) else {
                    result.errors.append(.error(
                        "the term '\(Diagnostic.shown(name))' of '\(taxonomy.name)' has no letter or digit to make its URL from: give it a slug in "
                            + "data/taxonomies/\(taxonomy.name).yaml",
                        at: SourceLocation(path: page.source.sourcePath, line: page.source.frontMatter.keyLines[taxonomy.name] ?? page.source.frontMatter.keyLines["taxonomies"] ?? 1, column: 1),
                        source: page.source.text))
                    continue
                }
                if terms[key] == nil {
                    terms[key] = Term(key: key)
                    order.append(key)
                }
                terms[key]!.spellings.append(name)
                if !keys.contains(key) { keys.append(key) }
            }
            listed.append((page.source.contentPath, keys))
        }
        var taxonomyFile: PageFile?
        for file in own where file.file.path.split(separator: "/").first.map(String.init) == taxonomy.name {
            let parts = file.file.path.split(separator: "/").map(String.init)
            if parts.count == 2 {
                taxonomyFile = file
                continue
            }
            let key = ContentGraph.slugOrName(parts[1])
            if terms[key] == nil {
                terms[key] = Term(key: key)
                order.append(key)
            }
            terms[key]!.file = file
        }
        guard !terms.isEmpty || taxonomyFile != nil else { return }
        let taxonomyPath = sitePath(of: taxonomyFile?.source.frontMatter, default: "/" + taxonomy.name + "/", in: language)
        result.files.append(taxonomyFile.map { file in
            var file = file
            file.role = TaxonomyRole(kind: .taxonomy, taxonomy: taxonomy.name, sitePath: taxonomyPath)
            return file
        } ?? madeUp(
            path: taxonomy.name + "/_index.md", title: titles[language.code]?[taxonomy.name] ?? taxonomy.name, language: language,
            role: TaxonomyRole(kind: .taxonomy, taxonomy: taxonomy.name, sitePath: taxonomyPath)))
        var termPaths: [String: String] = [:]
        for key in order {
            let term = terms[key]!
            let given = term.spellings.lazy.compactMap { names.names(of: $0, taxonomy: taxonomy.name, language: language.code) }.first
                ?? names.names(of: key, taxonomy: taxonomy.name, language: language.code)
            let slug = term.file?.source.frontMatter.slug ?? given?.slug ?? key
            let path = sitePath(of: term.file?.source.frontMatter, default: taxonomyPath + slug + "/", in: language, under: taxonomyPath)
            let role = TaxonomyRole(kind: .term(key: key, name: term.spellings.first ?? key), taxonomy: taxonomy.name, sitePath: path)
            if var file = term.file {
                file.role = role
                termPaths[key] = file.source.contentPath
                result.files.append(file)
            } else {
                let made = madeUp(
                    path: taxonomy.name + "/" + key + "/_index.md", title: given?.title ?? term.spellings.first ?? key, language: language, role: role)
                termPaths[key] = made.source.contentPath
                result.files.append(made)
            }
        }
        for (page, keys) in listed {
            result.termsOfPage[page, default: [:]][taxonomy.name] = keys.compactMap { termPaths[$0] }
        }
    }

    /// The key of a term as written: its slug, or, when that is empty, the slug the data gives it.
    private func key(of name: String, taxonomy: Taxonomy, language: Language) -> String? {
        let slug = Slug.make(name)
        if !slug.isEmpty { return slug }
        return names.names(of: name, taxonomy: taxonomy.name, language: language.code)?.slug
    }

    /// The site path of a taxonomy's or term's page: its front matter `url`, else `default` (with `slug` taken
    /// in place of the last segment for a taxonomy's page), in `language`.
    private func sitePath(of matter: FrontMatter?, default path: String, in language: Language, under parent: String? = nil) -> String {
        if let url = matter?.url { return language.sitePath(url.hasSuffix("/") ? url : url + "/") }
        if parent == nil, let slug = matter?.slug { return language.sitePath("/" + slug + "/") }
        return parent == nil ? language.sitePath(path) : path
    }

    /// A page made up for a taxonomy or a term without its own `_index.md`.
    private func madeUp(path: String, title: String, language: Language, role: TaxonomyRole) -> PageFile {
        let hasSuffix = suffixes && !language.isDefault
        let contentPath = hasSuffix ? String(path.dropLast(3)) + "." + language.code + ".md" : path
        let source = SourcePage(contentPath: contentPath, sourcePath: contentPath, text: "", frontMatter: FrontMatter(title: title), body: "", bodyFirstLine: 1)
        return PageFile(source: source, file: LanguageSuffix.Reading(language: language.code, path: path, hasSuffix: hasSuffix), isImplicit: true, role: role)
    }
}
