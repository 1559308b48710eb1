import Foundation

/// What the search index knows of one page: read from the page's HTML as a reader sees it.
///
/// - The text is that of the elements marked `data-search-body` (all of them, in order); on a site where
///   no page marks one, that of `<body>`. Inside, elements marked `data-search-ignore`, `hidden` or
///   `aria-hidden="true"`, footnote marks and back-links (`role="doc-noteref"`, `role="doc-backlink"`),
///   and `script`, `style`, `template` and `svg`, are left out.
/// - The title is the text of the first `<h1>` of that text (which is then not part of the body), or the
///   page's `<title>`.
/// - Headings (`h1`–`h6`) with an `id` are kept with where they start, so that a result can link to the
///   passage; a heading without one still ends the passage before it.
/// - The language is `<html lang>`.
struct SearchDocument: Equatable, Sendable {
    /// The page's path from the site root, `/proposals/1/` (folders end with `/`).
    var url: String
    var language: String
    var title: String
    /// The body: runs of white space collapsed to one space, blocks (paragraphs, headings, list items,
    /// table cells…) on lines of their own.
    var text: String
    /// Where each heading starts in `text` (in Unicode scalars), and its `id` ("" when it has none).
    var headings: [Heading]
    /// Whether a `data-search-body` element marked the text (else it is the whole `<body>`).
    var isMarked: Bool

    struct Heading: Equatable, Sendable {
        var offset: Int
        var id: String
    }

    /// Elements that start and end a block of text.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    ]
    /// Elements whose content is never text a reader reads in the page.
    static let skipped: Set<String> = ["script", "style", "template", "svg", "noscript", "head", "iframe", "object", "select", "textarea"]
    /// Footnote reference marks and back-links: navigation, not text (`核の傘国¹が` reads `核の傘国が`).
    static let skippedRoles: Set<String> = ["doc-noteref", "doc-backlink"]
    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// Reads the page at `outputPath` (`proposals/1/index.html`); nil for a page that redirects
    /// (`<meta http-equiv="refresh">`, as alias pages do).
    init?(html: Data, outputPath: String) {
        var reader = Reader()
        HTMLScanner.scan(html) { reader.read($0) }
        guard !reader.redirects else { return nil }
        url = Self.url(ofOutputPath: outputPath)
        language = reader.language
        isMarked = reader.sawMarker
        var part = isMarked ? reader.marked : reader.body
        part.text.trim()
        title = part.title.isEmpty ? reader.documentTitle.finished : part.title
        text = part.text.finished
        headings = part.headings
    }

    init(url: String, language: String, title: String, text: String, headings: [Heading] = [], isMarked: Bool = true) {
        self.url = url
        self.language = language
        self.title = title
        self.text = text
        self.headings = headings
        self.isMarked = isMarked
    }

    /// `proposals/1/index.html` → `/proposals/1/`, `404.html` → `/404.html`.
    static func url(ofOutputPath path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }

    /// The document as one ``SearchText``: the title, a line break, then the body (positions in the
    /// index count from the start of the title).
    func searchText(fold: ScalarFold) -> SearchText {
        SearchText(title + "\n" + text, fold: fold)
    }

    /// Collapses white space and keeps blocks apart while the text is read.
    struct TextBuilder {
        private(set) var scalars = String.UnicodeScalarView()
        private(set) var count = 0
        private var pendingSpace = false

        var finished: String { String(scalars) }

        mutating func append(_ text: String) {
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80, HTMLScanner.isSpace(UInt8(scalar.value)) {
                    pendingSpace = true
                    continue
                }
                if Self.isInvisible(scalar) { continue }
                if pendingSpace, count > 0, scalars.last != "\n" {
                    scalars.append(" ")
                    count += 1
                }
                pendingSpace = false
                scalars.append(scalar)
                count += 1
            }
        }

        /// Whether `scalar` is an invisible format character that is not part of what a reader sees
        /// or types: the word joiner that binds a footnote mark to the character before it, zero-width
        /// spaces, soft hyphens, byte order marks (Unicode category Cf). The zero-width (non-)joiners stay:
        /// they shape emoji sequences and scripts that need them.
        static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0xAD && scalar.value != 0x200C && scalar.value != 0x200D
                && scalar.properties.generalCategory == .format
        }

        /// Ends the current block: what follows starts a new line.
        mutating func breakBlock() {
            pendingSpace = false
            if count > 0, scalars.last != "\n" {
                scalars.append("\n")
                count += 1
            }
        }

        /// Drops a line break at the end.
        mutating func trim() {
            if scalars.last == "\n" {
                scalars.removeLast()
                count -= 1
            }
        }
    }

    /// The text of one part of the page (the marked elements, or the body) as it is read.
    struct Part {
        var text = TextBuilder()
        var title = ""
        var headings: [Heading] = []
    }

    /// The state of reading one page.
    private struct Reader {
        var language = ""
        var redirects = false
        var sawMarker = false
        var documentTitle = TextBuilder()
        var marked = Part()
        var body = Part()
        /// The open elements, each with whether it began a marked part, an ignored part, a heading.
        var stack: [(name: String, marks: Bool, ignores: Bool, heading: Bool)] = []
        var markedDepth = 0
        var ignoredDepth = 0
        var inBody = false
        var inDocumentTitle = false
        /// The heading being read: its text, its id, and whether it is the title (the first h1).
        var heading: (text: TextBuilder, id: String, isTitle: Bool)?

        mutating func read(_ event: HTMLScanner.Event) {
            switch event {
            case .start(let tag): start(tag)
            case .end(let name): end(name)
            case .text(let text): self.text(text)
            }
        }

        mutating func start(_ tag: HTMLScanner.Tag) {
            switch tag.name {
            case "html": language = tag.attribute("lang") ?? ""
            case "body": inBody = true
            case "title": inDocumentTitle = true
            case "meta" where tag.attribute("http-equiv")?.lowercased() == "refresh": redirects = true
            default: break
            }
            if tag.name == "a", heading != nil, heading!.id.isEmpty, let id = tag.attribute("id") { heading!.id = id }
            guard !SearchDocument.void.contains(tag.name), !tag.selfClosing || tag.name == "br" else {
                if tag.name == "br" || tag.name == "hr" { breakBlock() }
                return
            }
            let marks = tag.attribute("data-search-body") != nil
            let ignores = tag.attribute("data-search-ignore") != nil || tag.attribute("hidden") != nil
                || tag.attribute("aria-hidden") == "true" || SearchDocument.skipped.contains(tag.name)
                || SearchDocument.skippedRoles.contains(tag.attribute("role") ?? "")
            if marks { sawMarker = true }
            if SearchDocument.blocks.contains(tag.name) { breakBlock() }
            let isHeading = ignoredDepth == 0 && !ignores && tag.name.count == 2 && tag.name.first == "h"
                && ("1"..."6").contains(tag.name.last!) && heading == nil
            if isHeading { heading = (TextBuilder(), tag.attribute("id") ?? "", tag.name == "h1") }
            stack.append((tag.name, marks, ignores, isHeading))
            if marks { markedDepth += 1 }
            if ignores { ignoredDepth += 1 }
        }

        mutating func end(_ name: String) {
            if name == "title" { inDocumentTitle = false }
            if name == "body" { inBody = false }
            guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
            while stack.count > index {
                let element = stack.removeLast()
                if element.heading { finishHeading() }
                if element.marks { markedDepth -= 1 }
                if element.ignores { ignoredDepth -= 1 }
                if SearchDocument.blocks.contains(element.name) { breakBlock() }
            }
        }

        mutating func text(_ text: String) {
            if inDocumentTitle {
                documentTitle.append(text)
                return
            }
            guard inBody, ignoredDepth == 0 else { return }
            if heading != nil {
                heading!.text.append(text)
                return
            }
            body.text.append(text)
            if markedDepth > 0 { marked.text.append(text) }
        }

        mutating func breakBlock() {
            body.text.breakBlock()
            if markedDepth > 0 { marked.text.breakBlock() }
        }

        /// Adds the heading just read: as the title, or as a block of the body that starts a passage.
        mutating func finishHeading() {
            guard let (read, id, isTitle) = heading else { return }
            heading = nil
            var headingText = read
            headingText.trim()
            let words = headingText.finished
            guard !words.isEmpty else { return }
            for inMarked in [false, true] where !inMarked || markedDepth > 0 {
                update(marked: inMarked) { part in
                    if isTitle && part.title.isEmpty {
                        part.title = words
                        return
                    }
                    part.text.breakBlock()
                    part.headings.append(Heading(offset: part.text.count, id: id))
                    part.text.append(words)
                    part.text.breakBlock()
                }
            }
        }

        mutating func update(marked: Bool, _ change: (inout Part) -> Void) {
            if marked { change(&self.marked) } else { change(&body) }
        }
    }
}
