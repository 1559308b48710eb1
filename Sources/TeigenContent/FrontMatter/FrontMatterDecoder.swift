import TeigenCore

/// Decodes front matter (YAML, TOML or JSON) into `FrontMatter`: the same keys and checks whatever the format,
/// every problem reported at its position in the page file.
public struct FrontMatterDecoder: Sendable {
    /// The site's taxonomies: their names are front matter keys whose values are terms.
    public let taxonomies: [Taxonomy]

    public init(taxonomies: [Taxonomy] = [.tags]) {
        self.taxonomies = taxonomies
    }

    /// The keys Teigen reads itself (a taxonomy may not take one of these names).
    static let knownKeys: Set<String> = [
        "title", "description", "date", "lastmod", "publishDate", "expiryDate", "draft", "weight", "slug", "url", "layout", "aliases",
        "schemaType", "footnoteStart", "translationKey", "feed", "feedSubsections", "hidden", "params", "paginate", "outputs", "taxonomies",
    ]

    /// Decodes the front matter `text` of the page at `path` whose whole text is `fileText`; the page's first
    /// line tells the format (see `FrontMatterSplitter`).
    public func decode(_ text: String, path: String, fileText: String) throws(DiagnosticError) -> FrontMatter {
        let format = FrontMatterFormat(firstLineOf: fileText) ?? .yaml
        let fields: [FrontMatterField]
        switch format {
        case .yaml: fields = try YAMLReader(path: path, fileText: fileText, firstLine: format.firstLine).frontMatterFields(text)
        case .toml: fields = try TOMLReader(path: path, fileText: fileText, firstLine: format.firstLine).frontMatterFields(text)
        case .json: fields = try JSONReader(path: path, fileText: fileText, firstLine: format.firstLine).frontMatterFields(text)
        }
        return try decode(fields, path: path, fileText: fileText)
    }

    /// Checks and decodes the keys of a page's front matter.
    func decode(_ fields: [FrontMatterField], path: String, fileText: String) throws(DiagnosticError) -> FrontMatter {
        let check = FieldCheck(fileText: fileText)
        var matter = FrontMatter(title: "")
        var sawTitle = false
        var errors: [Diagnostic] = []
        var extra: [(String, TemplateValue)] = []
        for field in fields {
            let key = field.key
            let value = field.value
            matter.keyLines[key] = field.keyLocation.line
            do throws(DiagnosticError) {
                switch key {
                case "title":
                    sawTitle = true
                    matter.title = try check.string(value, key: key)
                    if matter.title.trimmingCharacters(in: .whitespaces).isEmpty {
                        throw check.error("'title' must not be empty", at: value)
                    }
                case "description": matter.description = try check.string(value, key: key)
                case "date": matter.date = try check.date(value, key: key)
                case "lastmod": matter.lastmod = try check.date(value, key: key)
                case "publishDate": matter.publishDate = try check.date(value, key: key)
                case "expiryDate": matter.expiryDate = try check.date(value, key: key)
                case "draft": matter.draft = try check.bool(value, key: key)
                case "weight": matter.weight = try check.int(value, key: key)
                case "slug":
                    let slug = try check.string(value, key: key)
                    if let problem = Self.problem(withSlug: slug) { throw check.error(problem, at: value) }
                    matter.slug = slug
                case "url":
                    let url = try check.string(value, key: key)
                    if let problem = Self.problem(withURL: url, subject: "'url'") { throw check.error(problem, at: value) }
                    matter.url = url
                case "layout":
                    let layout = try check.string(value, key: key)
                    if layout.isEmpty || layout.contains("..") || layout.hasPrefix("/") {
                        throw check.error("'layout' must name a template under theme/templates (got '\(layout)')", at: value)
                    }
                    matter.layout = layout
                case "aliases":
                    let items = value.text != nil ? [value] : value.items
                    matter.aliases = try check.stringList(value, key: key)
                    for (alias, item) in zip(matter.aliases, items) {
                        if let problem = Self.problem(withURL: alias, subject: "each of 'aliases'") { throw check.error(problem, at: item) }
                    }
                case "schemaType": matter.schemaType = try check.string(value, key: key)
                case "footnoteStart":
                    matter.footnoteStart = try check.int(value, key: key)
                    if matter.footnoteStart < 1 || matter.footnoteStart > 1_000_000 {
                        throw check.error("'footnoteStart' must be between 1 and 1000000", at: value)
                    }
                case "translationKey":
                    let translationKey = try check.string(value, key: key)
                    if translationKey.trimmingCharacters(in: .whitespaces).isEmpty {
                        throw check.error("'translationKey' must not be empty", at: value)
                    }
                    matter.translationKey = translationKey
                case "feed": matter.feed = try check.bool(value, key: key)
                case "feedSubsections": matter.feedSubsections = try check.bool(value, key: key)
                case "paginate":
                    let size = try check.int(value, key: key)
                    if size < 0 || size > 100_000 { throw check.error("'paginate' must be between 0 (no pages) and 100000", at: value) }
                    matter.paginate = size
                case "outputs": matter.outputs = try outputs(value, check: check)
                case "taxonomies":
                    guard case .map = value.value else {
                        throw check.error("'taxonomies' must map taxonomy names to terms, such as {tags: [核軍縮, NPT]}", at: value)
                    }
                    for entry in value.mappingEntries {
                        guard taxonomies.contains(where: { $0.name == entry.key }) else {
                            throw DiagnosticError(.error(unknownTaxonomy(entry.key), at: entry.keyLocation, source: fileText))
                        }
                        matter.terms[entry.key, default: []].append(contentsOf: try check.terms(entry.value, key: entry.key))
                    }
                case _ where taxonomies.contains(where: { $0.name == key }):
                    matter.terms[key, default: []].append(contentsOf: try check.terms(value, key: key))
                case _ where Taxonomy.hugoDefaults.contains(key):
                    throw DiagnosticError(.error(unknownTaxonomy(key), at: field.keyLocation, source: fileText))
                case "hidden": matter.hidden = try check.bool(value, key: key)
                case "params": matter.params = try check.map(value, key: key)
                case "citation": matter.citation = try CitationDecoder(check: check).settings(value)
                default:
                    extra.append((key, value.value))
                }
            } catch {
                errors += error.diagnostics
            }
        }
        if !sawTitle {
            errors.append(.error("front matter is missing required key 'title'", at: SourceLocation(path: path, line: 1, column: 1), source: fileText))
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        matter.extra = .map(extra)
        for (taxonomy, terms) in matter.terms {
            var unique: [String] = []
            for term in terms where !unique.contains(term) { unique.append(term) }
            matter.terms[taxonomy] = unique
        }
        return matter
    }

    /// The message for a taxonomy the site does not have.
    func unknownTaxonomy(_ name: String) -> String {
        let known = taxonomies.isEmpty ? "it has none" : "its taxonomies are " + taxonomies.map(\.name).joined(separator: ", ")
        return "unknown taxonomy '\(Diagnostic.shown(name))': the site does not have it (\(known)); add it to 'taxonomies' in config.yaml, "
            + "or move the key under 'params'"
    }

    /// `outputs`: a list of the formats the list page is written in, HTML among them.
    private func outputs(_ value: FrontMatterValue, check: FieldCheck) throws(DiagnosticError) -> [OutputFormat] {
        let names = try check.stringList(value, key: "outputs")
        var formats: [OutputFormat] = []
        for (name, item) in zip(names, value.text != nil ? [value] : value.items) {
            guard let format = OutputFormat(rawValue: name.lowercased()) else {
                let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw check.error("unknown output format '\(Diagnostic.shown(name))' in 'outputs' (known formats: \(known))", at: item)
            }
            if !formats.contains(format) { formats.append(format) }
        }
        if !formats.contains(.html) {
            throw check.error("'outputs' must include html: a list page is always written as HTML, and json adds index.json beside it", at: value)
        }
        return formats
    }

    /// The most bytes a URL segment may have: it becomes a file or folder name, and file systems allow 255.
    static let maximumSegmentBytes = 255

    /// Why a `slug` is unusable, or nil.
    static func problem(withSlug slug: String) -> String? {
        if slug.isEmpty || slug.contains("/") || slug.contains("\\") || slug == "." || slug == ".." {
            return "'slug' must be a single path segment without '/' or '..' (got '\(Diagnostic.shown(slug))')"
        }
        if slug.utf8.count > maximumSegmentBytes {
            return "'slug' is \(slug.utf8.count) bytes long; it becomes a folder name, which may have at most \(maximumSegmentBytes) bytes"
        }
        return problem(withSegment: slug, subject: "'slug'")
    }

    /// Why a `url` or alias is unusable, or nil; `subject` names it in the message (`'url'`).
    static func problem(withURL url: String, subject: String) -> String? {
        let shown = Diagnostic.shown(url)
        if !url.hasPrefix("/") { return "\(subject) must be a path starting with '/' (got '\(shown)')" }
        if url.hasPrefix("//") || url.contains("://") { return "\(subject) must be a path on this site, not an address elsewhere (got '\(shown)')" }
        if url.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) { return "\(subject) must not contain '..' or '.' segments (got '\(shown)')" }
        if url.contains("\\") || url.contains("?") || url.contains("#") {
            return "\(subject) must not contain '\\', '?' or '#' (got '\(shown)')"
        }
        for segment in url.split(separator: "/") {
            if let problem = problem(withSegment: String(segment), subject: subject) { return problem }
        }
        return nil
    }

    /// Why one segment of a URL is unusable as a file or folder name, or nil.
    private static func problem(withSegment segment: String, subject: String) -> String? {
        if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "\(subject) must not contain control characters (got '\(Diagnostic.shown(segment))')"
        }
        if segment.contains("%") {
            return "\(subject) must not contain '%': percent-escapes such as '%2e' are not decoded, so write the characters themselves "
                + "(got '\(Diagnostic.shown(segment))')"
        }
        if segment.utf8.count > maximumSegmentBytes {
            return "\(subject) has a segment of \(segment.utf8.count) bytes ('\(Diagnostic.shown(segment))'); "
                + "each becomes a file or folder name, which may have at most \(maximumSegmentBytes) bytes"
        }
        return nil
    }
}
