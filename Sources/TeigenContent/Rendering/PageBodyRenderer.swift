import TeigenCore
import TeigenMarkdown

/// Converts pages' Markdown bodies to HTML, rewriting links between pages and to files, and turning
/// Markdown issues into diagnostics at the right line of the source file.
public struct PageBodyRenderer: Sendable {
    public var graph: ContentGraph
    public var urls: SiteURLs
    public var settings: MarkdownSettings
    /// Non-Markdown files of `content/`: content-relative path to the site path they are copied to.
    public var resources: [String: String]

    /// Each language's fixed words, by language code: the accessible labels of heading anchors
    /// (`heading.anchor`), footnote back-links (`footnote.backlink`) and the notes section (`footnote.section`,
    /// none unless the theme or the site gives it) come from a page's language's table (Teigen's own words
    /// when the site has none).
    public var strings: [String: I18nTable]
    /// The build's images and shortcodes; without them images stay `<img>` and shortcode syntax text.
    public var hooks: PageHooks?

    public init(graph: ContentGraph, urls: SiteURLs, settings: MarkdownSettings, resources: [String: String], strings: [String: I18nTable] = [:]) {
        self.strings = strings
        self.graph = graph
        self.urls = urls
        self.settings = settings
        self.resources = resources
    }

    /// The rendered body of page `index` and its diagnostics.
    public func render(pageAt index: Int) -> (PageBody, [Diagnostic]) {
        let page = graph.pages[index]
        var options = MarkdownOptions(
            smartPunctuation: settings.smartPunctuation, allowRawHTML: settings.allowRawHTML,
            hardBreaks: settings.hardBreaks, extensions: true, cjkFriendlyEmphasis: settings.cjkFriendly,
            headingAnchors: settings.headingAnchors, math: settings.math)
        options.footnoteStart = page.frontMatter.footnoteStart
        let words = table(for: page.language)
        options.headingAnchorLabel = words["heading.anchor"] ?? options.headingAnchorLabel
        options.footnoteBacklinkLabel = words["footnote.backlink"] ?? options.footnoteBacklinkLabel
        options.footnotesLabel = words["footnote.section"]
        let renderer = MarkdownRenderer(options: options)
        var markdownHooks = MarkdownHooks(rewriteLink: rewriter(for: page))
        if let hooks {
            markdownHooks.image = { hooks.image(page, $0) }
            markdownHooks.shortcode = { hooks.shortcode(page, $0) }
        }
        let body = PageBody(renderer.render(page.source.body, hooks: markdownHooks))
        return (body, diagnostics(for: body, page: page))
    }

    /// The words of `language`: its table, or Teigen's own.
    func table(for language: String) -> I18nTable {
        strings[language] ?? I18nTable.builtIn(language: language)
    }

    /// The link rewriter for one page: `.md` links become page URLs (the linked page's version in the page's own
    /// language when there is one: `[提言](proposals/1.md)` in `about.en.md` leads to `proposals/1.en.md`),
    /// root-relative links get the base path, links to files beside the page get their output URL.
    func rewriter(for page: Page) -> LinkRewriter {
        let graph = self.graph
        let urls = self.urls
        let resources = self.resources
        let directory = page.directory
        return { destination in
            if destination.isEmpty || destination.hasPrefix("#") || URLPath.isExternal(destination) { return .keep }
            let (rawPath, suffix) = URLPath.splitSuffix(destination)
            guard !rawPath.isEmpty else { return .keep }
            let path = URLPath.decode(rawPath) ?? rawPath
            let isRooted = path.hasPrefix("/")
            let target = Self.normalize(isRooted ? String(path.dropFirst()) : (directory.isEmpty ? path : directory + "/" + path))
            if path.hasSuffix(".md") {
                guard let target, let named = graph.indexByContentPath[target] else {
                    return .broken("link to a page that does not exist: '\(destination)'")
                }
                let index = graph.translation(of: named, in: page.language) ?? named
                return .replace(urls.rooted(graph.pages[index].url) + suffix)
            }
            if let target, let sitePath = resources[target] {
                return .replace(urls.rooted(sitePath) + suffix)
            }
            if isRooted {
                return .replace(urls.rooted(path) + suffix)
            }
            return .keep
        }
    }

    /// Resolves `.` and `..` in a content-relative path; nil when it leaves `content/`.
    public static func normalize(_ path: String) -> String? {
        // Split as bytes (`/` is ASCII): every link of every page comes through here.
        var parts: [Substring.UTF8View] = []
        for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.elementsEqual(CollectionOfOne(UInt8(ascii: "."))) { continue }
            if part.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.lazy.map { Substring($0) }.joined(separator: "/")
    }
}

extension PageBodyRenderer {
    /// The diagnostics of an already converted page (when its conversion came from a cache).
    /// Their offending lines are taken in one pass over the page, however many issues it has.
    public func diagnostics(for body: PageBody, page: Page) -> [Diagnostic] {
        Self.diagnostics(body.issues, page: page)
    }

    /// `issues` of page `page`'s body as diagnostics at their place in its file, each with its line.
    static func diagnostics(_ issues: [MarkdownIssue], page: Page) -> [Diagnostic] {
        guard !issues.isEmpty else { return [] }
        let diagnostics = issues.map { issue in
            let location = SourceLocation(path: page.source.sourcePath, line: issue.line + page.source.bodyFirstLine - 1, column: issue.column)
            return Diagnostic(issue.severity == .error ? .error : .warning, issue.message, at: location)
        }
        return Diagnostic.excerpting(diagnostics, from: page.source.text)
    }
}
