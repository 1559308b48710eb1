import TeigenCore

/// Decodes front matter (YAML, TOML or JSON) into `FrontMatter`: the same keys and checks whatever the format,
/// every problem reported at its position in the page file.
public struct FrontMatterDecoder: Sendable {
    public init() {}

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
                case "hidden": matter.hidden = try check.bool(value, key: key)
                case "params": matter.params = try check.map(value, key: key)
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
        return matter
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
