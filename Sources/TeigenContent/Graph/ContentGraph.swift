import TeigenCore
import TeigenMarkdown

/// The site's pages with their URLs, sections, order and neighbours.
public struct ContentGraph: Sendable {
    /// Every published page: home, sections and regular pages, sorted by content path.
    public var pages: [Page]
    /// Sections by content folder (`` is the home page's).
    public var sections: [String: Section]
    /// Page index by content path (`proposals/1.md`, `proposals/_index.md`).
    public var indexByContentPath: [String: Int]

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
        guard page.kind == .page, let section = sections[page.sectionPath],
            let position = section.positions[index]
        else { return nil }
        let target = position + offset
        return section.pageIndices.indices.contains(target) ? section.pageIndices[target] : nil
    }

    /// The sections from the root down to the one holding `index` (for breadcrumbs), as page indices.
    public func ancestors(of index: Int) -> [Int] {
        let page = pages[index]
        var chain: [Int] = []
        var folder: String? = page.kind == .section ? sections[page.sectionPath]?.parent : page.sectionPath
        while let current = folder, let section = sections[current] {
            chain.append(section.pageIndex)
            folder = section.parent
        }
        return chain.reversed()
    }

    /// Builds the graph from parsed pages. Drafts are left out unless `includeDrafts`.
    public static func build(_ sources: [SourcePage], includeDrafts: Bool) throws(DiagnosticError) -> ContentGraph {
        var pages: [Page] = []
        var errors: [Diagnostic] = []
        let published = sources.filter { includeDrafts || !$0.frontMatter.draft }.sorted { $0.contentPath < $1.contentPath }
        var sectionFolders = Set<String>([""])
        for source in published {
            var folder = Self.folder(of: source.contentPath)
            if Self.fileName(of: source.contentPath) == "index.md" { folder = Self.folder(of: folder) }
            while !folder.isEmpty {
                sectionFolders.insert(folder)
                folder = Self.folder(of: folder)
            }
        }
        let explicitSections = Set(published.filter { Self.fileName(of: $0.contentPath) == "_index.md" }.map { Self.folder(of: $0.contentPath) })
        var all = published
        for folder in sectionFolders.subtracting(explicitSections).sorted() {
            let name = folder.isEmpty ? "" : Self.fileName(of: folder)
            let contentPath = folder.isEmpty ? "_index.md" : folder + "/_index.md"
            all.append(SourcePage(contentPath: contentPath, sourcePath: contentPath, text: "", frontMatter: FrontMatter(title: name), body: "", bodyFirstLine: 1))
        }
        all.sort { $0.contentPath < $1.contentPath }
        for source in all {
            let fileName = Self.fileName(of: source.contentPath)
            let folder = Self.folder(of: source.contentPath)
            let kind: PageKind
            let sectionPath: String
            var sitePath: String
            let urlFolder = Self.urlFolder(folder)
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
                sitePath = url.hasSuffix("/") || Self.hasExtension(url) ? url : url + "/"
            }
            let outputPath = String((sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath).dropFirst())
            pages.append(Page(
                source: source, kind: kind, url: sitePath, outputPath: outputPath, sectionPath: sectionPath,
                isImplicit: source.text.isEmpty && !explicitSections.contains(folder) && fileName == "_index.md"))
        }
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
        var sections: [String: Section] = [:]
        for (index, page) in pages.enumerated() where page.kind == .home || page.kind == .section {
            let folder = page.sectionPath
            sections[folder] = Section(path: folder, pageIndex: index, pageIndices: [], subsections: [], parent: folder.isEmpty ? nil : Self.folder(of: folder))
        }
        for (index, page) in pages.enumerated() where page.kind == .page && !page.frontMatter.hidden {
            sections[page.sectionPath]?.pageIndices.append(index)
        }
        for (folder, section) in sections {
            guard let parent = section.parent else { continue }
            sections[parent]?.subsections.append(folder)
        }
        let pageOfSection = sections.mapValues(\.pageIndex)
        for folder in Array(sections.keys) {
            sections[folder]!.pageIndices.sort { Self.order(pages[$0], pages[$1]) }
            sections[folder]!.subsections.sort { Self.order(pages[pageOfSection[$0]!], pages[pageOfSection[$1]!]) }
            var positions: [Int: Int] = [:]
            for (position, index) in sections[folder]!.pageIndices.enumerated() { positions[index] = position }
            sections[folder]!.positions = positions
        }
        return ContentGraph(pages: pages, sections: sections, indexByContentPath: indexByContentPath)
    }

    /// Weight first (pages without one come last), then newest date, then title, then path.
    public static func order(_ a: Page, _ b: Page) -> Bool {
        let wa = a.frontMatter.weight ?? Int.max
        let wb = b.frontMatter.weight ?? Int.max
        if wa != wb { return wa < wb }
        if a.frontMatter.date != b.frontMatter.date {
            guard let da = a.frontMatter.date else { return false }
            guard let db = b.frontMatter.date else { return true }
            return da > db
        }
        if a.title != b.title { return a.title < b.title }
        return a.contentPath < b.contentPath
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
