import TeigenCore
import Yams

/// Decodes front matter YAML into `FrontMatter`, checking types and reporting every problem with its position.
public struct FrontMatterDecoder: Sendable {
    public init() {}

    /// Decodes `yaml`, which starts on line 2 of the file at `path` whose whole text is `fileText`.
    public func decode(_ yaml: String, path: String, fileText: String) throws(DiagnosticError) -> FrontMatter {
        let reader = YAMLReader(path: path, fileText: fileText, firstLine: 2)
        let decoder = NodeDecoder(reader: reader)
        let root = try reader.compose(yaml)
        guard let root else {
            throw DiagnosticError(.error("front matter is empty: a page needs at least a 'title'", at: SourceLocation(path: path, line: 1, column: 1), source: fileText))
        }
        guard case .mapping(let mapping) = root else {
            throw DiagnosticError(reader.error("front matter must be a YAML mapping of keys to values (such as 'title: …')", at: root))
        }
        var matter = FrontMatter(title: "")
        var sawTitle = false
        var errors: [Diagnostic] = []
        var extra: [(String, TemplateValue)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            matter.keyLines[key] = reader.location(of: keyNode).line
            do throws(DiagnosticError) {
                switch key {
                case "title":
                    sawTitle = true
                    matter.title = try decoder.string(value, key: key)
                    if matter.title.trimmingCharacters(in: .whitespaces).isEmpty {
                        throw DiagnosticError(reader.error("'title' must not be empty", at: value))
                    }
                case "description": matter.description = try decoder.string(value, key: key)
                case "date": matter.date = try decoder.date(value, key: key)
                case "lastmod": matter.lastmod = try decoder.date(value, key: key)
                case "draft": matter.draft = try decoder.bool(value, key: key)
                case "weight": matter.weight = try decoder.int(value, key: key)
                case "slug":
                    let slug = try decoder.string(value, key: key)
                    if let problem = Self.problem(withSlug: slug) { throw DiagnosticError(reader.error(problem, at: value)) }
                    matter.slug = slug
                case "url":
                    let url = try decoder.string(value, key: key)
                    if let problem = Self.problem(withURL: url, subject: "'url'") { throw DiagnosticError(reader.error(problem, at: value)) }
                    matter.url = url
                case "layout":
                    let layout = try decoder.string(value, key: key)
                    if layout.isEmpty || layout.contains("..") || layout.hasPrefix("/") {
                        throw DiagnosticError(reader.error("'layout' must name a template under theme/templates (got '\(layout)')", at: value))
                    }
                    matter.layout = layout
                case "aliases":
                    let items: [Node]
                    if case .sequence(let sequence) = value { items = Array(sequence) } else { items = [value] }
                    matter.aliases = try decoder.stringList(value, key: key)
                    for (alias, item) in zip(matter.aliases, items) {
                        if let problem = Self.problem(withURL: alias, subject: "each of 'aliases'") { throw DiagnosticError(reader.error(problem, at: item)) }
                    }
                case "schemaType": matter.schemaType = try decoder.string(value, key: key)
                case "footnoteStart":
                    matter.footnoteStart = try decoder.int(value, key: key)
                    if matter.footnoteStart < 1 || matter.footnoteStart > 1_000_000 {
                        throw DiagnosticError(reader.error("'footnoteStart' must be between 1 and 1000000", at: value))
                    }
                case "translationKey":
                    matter.translationKey = try decoder.string(value, key: key)
                    if matter.translationKey?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                        throw DiagnosticError(reader.error("'translationKey' must not be empty", at: value))
                    }
                case "feed": matter.feed = try decoder.bool(value, key: key)
                case "hidden": matter.hidden = try decoder.bool(value, key: key)
                case "params": matter.params = try decoder.map(value, key: key)
                default:
                    extra.append((key, YAMLReader.value(of: value)))
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
