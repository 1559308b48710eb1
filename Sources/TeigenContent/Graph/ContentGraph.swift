import Foundation
import TeigenCore
import TeigenMarkdown

/// The site's pages with their URLs, sections, order and neighbours, in each of the site's languages; the
/// translation edges between them; the taxonomies with their terms (``TaxonomyPages``); how each list is cut
/// into pages (``Pagination``); and the pages the build left out (``Publication``). One truth for templates,
/// feeds, the sitemap and the preview.
public struct ContentGraph: Sendable {
    /// Every published page: homes, sections and regular pages of every language, sorted by content path.
    public var pages: [Page]
    /// Sections by language and content folder (a language's home page is the section of folder ``).
    public var sections: [SectionKey: Section]
    /// Page index by content path (`proposals/1.md`, `proposals/1.en.md`, `proposals/_index.md`).
    public var indexByContentPath: [String: Int]
    /// The groups of pages that translate each other (page indices, in the order of ``languages``); a page
    /// without translations is alone in its group.
    public var translationGroups: [[Int]] = []
    /// The site's languages, the default first.
    public var languages: [Language] = []
    /// Each language's home page, by language code.
    public var homes: [String: Int] = [:]
    /// The site's taxonomies in each language that has terms of them (or their own `_index.md`).
    public var taxonomies: [TaxonomyKey: TaxonomyIndex] = [:]
    /// Each term page's term, by page index.
    public var terms: [Int: TermIndex] = [:]
    /// How each paginated list page is cut into pages, by page index (`paginate`).
    public var paginations: [Int: Pagination] = [:]
    /// The pages left out of the build (drafts, future and expired pages), in content path order.
    public var skipped: [SkippedPage] = []
    /// The next instant at which a page appears or expires (a build then gives another result), if any.
    public var nextPublicationChange: Date?

    /// The section of content folder `folder` in `language` (by default, the default language's).
    public func section(_ folder: String, in language: String? = nil) -> Section? {
        sections[SectionKey(language: language ?? languages.first?.code ?? "", folder: folder)]
    }

    /// The page before `index` in its section's order, if any.
    public func previous(of index: Int) -> Int? {
        neighbour(of: index, offset: -1)
    }

    /// The page after `index` in its section's order, if any.
    public func next(of index: Int) -> Int? {
        neighbour(of: index, offset: 1)
    }

    private func neighbour(of index: Int, offset: Int) -> Int? {
        let page = pages[index]
        guard page.kind == .page, let section = sections[page.sectionKey],
            let position = section.positions[index]
        else { return nil }
        let target = position + offset
        return section.pageIndices.indices.contains(target) ? section.pageIndices[target] : nil
    }

    /// The sections from the language's home down to the one holding `index` (for breadcrumbs), as page indices.
    public func ancestors(of index: Int) -> [Int] {
        let page = pages[index]
        if page.kind == .taxonomy || page.kind == .term {
            let taxonomy = page.kind == .term ? taxonomies[TaxonomyKey(language: page.language, name: page.taxonomy ?? "")]?.pageIndex : nil
            return [homes[page.language]].compactMap { $0 } + [taxonomy].compactMap { $0 }
        }
        var chain: [Int] = []
        var key: SectionKey? = page.kind == .section ? sections[page.sectionKey]?.parent : page.sectionKey
        while let current = key, let section = sections[current] {
            chain.append(section.pageIndex)
            key = section.parent
        }
        return chain.reversed()
    }

    /// The pages that translate page `index` (itself left out), in the order of the site's languages.
    public func translations(of index: Int) -> [Int] {
        translationGroups[pages[index].translationGroup].filter { $0 != index }
    }

    /// Page `index` in `language`: itself, its translation, or nil when it has none in that language.
    public func translation(of index: Int, in language: String) -> Int? {
        translationGroups[pages[index].translationGroup].first { pages[$0].language == language }
    }

    /// The language of page `index`.
    public func language(of index: Int) -> Language {
        languages.first { $0.code == pages[index].language } ?? languages[0]
    }

    /// The entries list page `index` shows, in order: a section's (or the home's) pages, a term's pages, a
    /// taxonomy's term pages; none for other pages.
    public func listedPages(of index: Int) -> [Int] {
        let page = pages[index]
        switch page.kind {
        case .home, .section: return sections[page.sectionKey]?.pageIndices ?? []
        case .taxonomy: return taxonomies[TaxonomyKey(language: page.language, name: page.taxonomy ?? "")]?.termPages ?? []
        case .term: return terms[index]?.pages ?? []
        case .page, .notFound: return []
        }
    }

    /// The pages of section `key` and, recursively, of its subsections (for a section's feed).
    public func pages(below key: SectionKey) -> [Int] {
        guard let section = sections[key] else { return [] }
        return section.pageIndices + section.subsections.flatMap { pages(below: $0) }
    }

    /// Builds the graph from parsed pages. Drafts are left out unless `includeDrafts` (and no page is left out
    /// for its dates). `languages` are the site's (the default first); with `languageSuffixes` (`languages:` in
    /// config.yaml) a file's language suffix names its language (``LanguageSuffix``), and translations are linked
    /// (``TranslationLinker``).
    public static func build(
        _ sources: [SourcePage], languages: [Language] = [Language(code: "en")], languageSuffixes: Bool = false, includeDrafts: Bool
    ) throws(DiagnosticError) -> ContentGraph {
        var settings = GraphSettings(languages: languages, languageSuffixes: languageSuffixes)
        settings.publication = Publication(now: .distantPast, includeDrafts: includeDrafts, includeFuture: true, includeExpired: true)
        return try build(sources, settings: settings)
    }

    /// Builds the graph from parsed pages, as `settings` say: which pages are published, the languages, the
    /// taxonomies and pagination.
    public static func build(_ sources: [SourcePage], settings: GraphSettings) throws(DiagnosticError) -> ContentGraph {
        let languages = settings.languages
        let files = try read(sources, rule: LanguageSuffix(languages: languages, isOn: settings.languageSuffixes))
        let (published, unpublished, skipped) = publish(files, publication: settings.publication)
        let taxonomyPages = TaxonomyPages(
            taxonomies: settings.taxonomies, languages: languages, suffixes: settings.languageSuffixes, names: settings.termNames,
            titles: settings.taxonomyTitles)
        let (content, own, misplaced) = taxonomyPages.separate(published)
        let taxonomies = taxonomyPages.make(pages: content, own: own)
        guard misplaced.isEmpty, taxonomies.errors.isEmpty else { throw DiagnosticError(misplaced + taxonomies.errors) }
        let all = (content + implicitSections(of: content.map(\.file), languages: languages, suffixes: settings.languageSuffixes) + taxonomies.files)
            .sorted { $0.source.contentPath < $1.source.contentPath }
        let links = try TranslationLinker(languages: languages).link(all.map(\.entry), unpublished: unpublished.map(\.entry))
        let byCode = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, $0) })
        var pages = all.map { page in Self.page(page, language: byCode[page.file.language] ?? languages[0]) }
        for index in pages.indices { pages[index].translationGroup = links.groupOf[index] }
        var graph = ContentGraph(pages: pages, sections: sections(of: pages), indexByContentPath: try index(pages))
        graph.translationGroups = links.groups
        graph.languages = languages
        for (index, page) in pages.enumerated() where page.kind == .home { graph.homes[page.language] = index }
        graph.linkTerms(taxonomies.termsOfPage, taxonomies: settings.taxonomies)
        try graph.paginate(size: settings.paginate, segment: settings.paginatePath)
        graph.skipped = skipped
        graph.nextPublicationChange = files.compactMap { settings.publication.nextChange(of: $0.source.frontMatter) }.min()
        return graph
    }

    /// The files the build publishes, those it does not (for ``TranslationLinker``), and why each of those is left out.
    private static func publish(_ files: [PageFile], publication: Publication) -> (published: [PageFile], unpublished: [PageFile], skipped: [SkippedPage]) {
        var published: [PageFile] = []
        var unpublished: [PageFile] = []
        var skipped: [SkippedPage] = []
        for file in files.sorted(by: { $0.source.contentPath < $1.source.contentPath }) {
            let reason: SkippedPage.Reason
            var instant: Date?
            switch publication.status(of: file.source.frontMatter) {
            case .published:
                published.append(file)
                continue
            case .draft: reason = .draft
            case .future(let date): (reason, instant) = (.future, date)
            case .expired(let date): (reason, instant) = (.expired, date)
            }
            unpublished.append(file)
            skipped.append(SkippedPage(sourcePath: file.source.sourcePath, reason: reason, instant: instant))
        }
        return (published, unpublished, skipped)
    }

    /// Fills ``taxonomies``, ``terms`` and each page's ``Page/termPages`` from the taxonomy pages and `termsOfPage`
    /// (by content path: by taxonomy, the content paths of a page's term pages).
    private mutating func linkTerms(_ termsOfPage: [String: [String: [String]]], taxonomies: [Taxonomy]) {
        for (index, page) in pages.enumerated() {
            guard let taxonomy = page.taxonomy else { continue }
            if page.kind == .taxonomy {
                self.taxonomies[TaxonomyKey(language: page.language, name: taxonomy)] = TaxonomyIndex(
                    taxonomy: taxonomies.first { $0.name == taxonomy } ?? Taxonomy(name: taxonomy, singular: taxonomy), language: page.language,
                    pageIndex: index)
            } else {
                terms[index] = TermIndex(taxonomy: taxonomy, pageIndex: index)
            }
        }
        for (path, byTaxonomy) in termsOfPage {
            guard let index = indexByContentPath[path] else { continue }
            for (taxonomy, paths) in byTaxonomy {
                let termPages = paths.compactMap { indexByContentPath[$0] }
                pages[index].termPages[taxonomy] = termPages
                for term in termPages { terms[term]?.pages.append(index) }
            }
        }
        let order = PageOrder(pages)
        for (index, term) in terms {
            terms[index]!.pages = term.pages.sorted { order($0, $1) }
            let key = TaxonomyKey(language: pages[index].language, name: term.taxonomy)
            self.taxonomies[key]?.termPages.append(index)
        }
        for key in Array(self.taxonomies.keys) {
            self.taxonomies[key]!.termPages.sort { (pages[$0].title, pages[$0].contentPath) < (pages[$1].title, pages[$1].contentPath) }
        }
    }

    /// Cuts every list page into pages of its `paginate` (front matter) or `size` entries (``paginations``).
    /// A list page with a file URL (`url: /list.html`) cannot be cut, and `outputs` is for list pages only.
    private mutating func paginate(size: Int, segment: String) throws(DiagnosticError) {
        var errors: [Diagnostic] = []
        for (index, page) in pages.enumerated() {
            let matter = page.frontMatter
            let isList = page.kind != .page
            if !isList, !matter.outputs.isEmpty {
                errors.append(.error(
                    "'outputs' is for list pages (a section's, a taxonomy's or a term's _index.md): this page lists no pages",
                    at: SourceLocation(path: page.source.sourcePath, line: matter.keyLines["outputs"] ?? 1, column: 1), source: page.source.text))
            }
            let pageSize = matter.paginate ?? size
            guard isList, pageSize > 0 else { continue }
            guard page.url.hasSuffix("/") else {
                errors.append(.error(
                    "a list served at a file URL ('\(page.url)') cannot be cut into pages: give it a folder URL, or 'paginate: 0'",
                    at: SourceLocation(path: page.source.sourcePath, line: matter.keyLines["url"] ?? 1, column: 1), source: page.source.text.isEmpty ? nil : page.source.text))
                continue
            }
            paginations[index] = Pagination(size: pageSize, itemCount: listedPages(of: index).count, firstPath: page.url, segment: segment)
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
    }

    /// Each source with its language (``LanguageSuffix``); an error for each name whose suffix is not a language of
    /// the site, and for a front matter `language` that is not the one the name gives (on a site with `languages:`).
    private static func read(_ sources: [SourcePage], rule: LanguageSuffix) throws(DiagnosticError) -> [PageFile] {
        var errors: [Diagnostic] = []
        var files: [PageFile] = []
        for source in sources {
            let file: LanguageSuffix.Reading
            do throws(LanguageSuffix.UnknownLanguage) {
                file = try rule.read(source.contentPath)
            } catch {
                errors.append(.error(error.message(for: source.contentPath), at: SourceLocation(path: source.sourcePath, line: 1, column: 1), source: source.text))
                continue
            }
            if rule.isOn, let stated = source.frontMatter.extra["language"]?.stringValue, stated != file.language {
                errors.append(.error(
                    "'language: \(Diagnostic.shown(stated))' is not the language of \(source.contentPath), which its name gives (\(file.language)): "
                        + "a page's language comes from its file name (\(Self.fileName(of: file.path).dropLast(3)).LANG.md), so rename the file or remove 'language'",
                    at: SourceLocation(path: source.sourcePath, line: source.frontMatter.keyLines["language"] ?? 1, column: 1), source: source.text))
            }
            files.append(PageFile(source: source, file: file))
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return files
    }

    /// Each page's index by content path; an error for each two pages with one URL.
    private static func index(_ pages: [Page]) throws(DiagnosticError) -> [String: Int] {
        var errors: [Diagnostic] = []
        var indexByContentPath: [String: Int] = [:]
        var byOutput: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            indexByContentPath[page.contentPath] = index
            if let other = byOutput[page.outputPath] {
                let first = pages[other]
                errors.append(.error(
                    "two pages have the URL '\(page.url)': \(first.source.sourcePath) and \(page.source.sourcePath)",
                    at: SourceLocation(path: page.source.sourcePath, line: page.frontMatter.keyLines["url"] ?? page.frontMatter.keyLines["slug"] ?? 1, column: 1),
                    source: page.source.text))
            } else {
                byOutput[page.outputPath] = index
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return indexByContentPath
    }

    /// A page of `language` with its kind, section and URL, from its file (`file.path` is its content path
    /// without a language suffix), or from its place in a taxonomy.
    private static func page(_ pageFile: PageFile, language: Language) -> Page {
        let (source, file, isImplicit) = (pageFile.source, pageFile.file, pageFile.isImplicit)
        if let role = pageFile.role {
            let kind: PageKind
            var term: String?
            switch role.kind {
            case .taxonomy: kind = .taxonomy
            case .term(_, let name): (kind, term) = (.term, name)
            }
            var page = Page(
                source: source, kind: kind, url: role.sitePath, outputPath: String(role.sitePath.dropFirst()) + "index.html", sectionPath: role.taxonomy,
                isImplicit: isImplicit, language: language.code)
            page.taxonomy = role.taxonomy
            page.term = term
            return page
        }
        let fileName = Self.fileName(of: file.path)
        let folder = Self.folder(of: file.path)
        let kind: PageKind
        let sectionPath: String
        var sitePath: String
        let urlFolder = language.sitePath(Self.urlFolder(folder))
        if fileName == "_index.md" {
            kind = folder.isEmpty ? .home : .section
            sectionPath = folder
            sitePath = urlFolder
        } else if fileName == "index.md" && !folder.isEmpty {
            kind = .page
            sectionPath = Self.folder(of: folder)
            sitePath = urlFolder
        } else {
            kind = .page
            sectionPath = folder
            let stem = String(fileName.dropLast(3))
            sitePath = urlFolder + (source.frontMatter.slug ?? Self.slugOrName(stem)) + "/"
        }
        if kind != .home, let url = source.frontMatter.url {
            sitePath = language.sitePath(url.hasSuffix("/") || Self.hasExtension(url) ? url : url + "/")
        }
        let outputPath = String((sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath).dropFirst())
        return Page(
            source: source, kind: kind, url: sitePath, outputPath: outputPath, sectionPath: sectionPath, isImplicit: isImplicit,
            language: language.code)
    }

    /// The pages made up for the folders of each language that have pages but no `_index.md`, and for a
    /// language's home when it has no `_index.md` (every language has a home, where its switcher links lead).
    private static func implicitSections(of files: [LanguageSuffix.Reading], languages: [Language], suffixes: Bool) -> [PageFile] {
        var folders = Set(languages.map { SectionKey(language: $0.code, folder: "") })
        for file in files {
            var folder = Self.folder(of: file.path)
            if Self.fileName(of: file.path) == "index.md" { folder = Self.folder(of: folder) }
            while !folder.isEmpty {
                folders.insert(SectionKey(language: file.language, folder: folder))
                folder = Self.folder(of: folder)
            }
        }
        let explicit = Set(files.filter { Self.fileName(of: $0.path) == "_index.md" }.map { SectionKey(language: $0.language, folder: Self.folder(of: $0.path)) })
        let defaultLanguage = languages.first?.code
        return folders.subtracting(explicit).sorted().map { key in
            let path = key.folder.isEmpty ? "_index.md" : key.folder + "/_index.md"
            let hasSuffix = suffixes && key.language != defaultLanguage
            let contentPath = hasSuffix ? String(path.dropLast(3)) + "." + key.language + ".md" : path
            let source = SourcePage(
                contentPath: contentPath, sourcePath: contentPath, text: "", frontMatter: FrontMatter(title: Self.fileName(of: key.folder)), body: "",
                bodyFirstLine: 1)
            return PageFile(source: source, file: LanguageSuffix.Reading(language: key.language, path: path, hasSuffix: hasSuffix), isImplicit: true)
        }
    }

    /// The sections of every language, with their pages in order.
    private static func sections(of pages: [Page]) -> [SectionKey: Section] {
        var sections: [SectionKey: Section] = [:]
        for (index, page) in pages.enumerated() where page.kind == .home || page.kind == .section {
            let folder = page.sectionPath
            sections[page.sectionKey] = Section(
                path: folder, language: page.language, pageIndex: index, pageIndices: [], subsections: [],
                parent: folder.isEmpty ? nil : SectionKey(language: page.language, folder: Self.folder(of: folder)))
        }
        for (index, page) in pages.enumerated() where page.kind == .page && !page.frontMatter.hidden {
            sections[page.sectionKey]?.pageIndices.append(index)
        }
        for (key, section) in sections {
            guard let parent = section.parent else { continue }
            sections[parent]?.subsections.append(key)
        }
        let pageOfSection = sections.mapValues(\.pageIndex)
        let order = PageOrder(pages)
        for key in Array(sections.keys) {
            sections[key]!.pageIndices.sort { order($0, $1) }
            sections[key]!.subsections.sort { order(pageOfSection[$0]!, pageOfSection[$1]!) }
            var positions: [Int: Int] = [:]
            for (position, index) in sections[key]!.pageIndices.enumerated() { positions[index] = position }
            sections[key]!.positions = positions
        }
        return sections
    }

    /// Weight first (pages without one come last), then newest date, then title, then path (``PageOrder`` sorts
    /// long lists of page indices in the same order).
    public static func order(_ a: Page, _ b: Page) -> Bool {
        PageOrder.Key(a).precedes(PageOrder.Key(b))
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func hasExtension(_ url: String) -> Bool {
        let last = fileName(of: url)
        return last.contains(".")
    }

    /// The URL folder of a content folder: `/` + each component slugified + `/`.
    public static func urlFolder(_ folder: String) -> String {
        guard !folder.isEmpty else { return "/" }
        return "/" + folder.split(separator: "/").map { slugOrName(String($0)) }.joined(separator: "/") + "/"
    }

    static func slugOrName(_ name: String) -> String {
        let slug = Slug.make(name)
        return slug.isEmpty ? name : slug
    }
}
