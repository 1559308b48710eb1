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
                    if slug.isEmpty || slug.contains("/") || slug.contains("\\") || slug == "." || slug == ".." {
                        throw DiagnosticError(reader.error("'slug' must be a single path segment without '/' or '..' (got '\(slug)')", at: value))
                    }
                    matter.slug = slug
                case "url":
                    let url = try decoder.string(value, key: key)
                    if let problem = Self.problem(withURL: url) { throw DiagnosticError(reader.error(problem, at: value)) }
                    matter.url = url
                case "layout":
                    let layout = try decoder.string(value, key: key)
                    if layout.isEmpty || layout.contains("..") || layout.hasPrefix("/") {
                        throw DiagnosticError(reader.error("'layout' must name a template under theme/templates (got '\(layout)')", at: value))
                    }
                    matter.layout = layout
                case "aliases":
                    matter.aliases = try decoder.stringList(value, key: key)
                    for alias in matter.aliases {
                        if let problem = Self.problem(withURL: alias) { throw DiagnosticError(reader.error("alias: \(problem)", at: value)) }
                    }
                case "schemaType": matter.schemaType = try decoder.string(value, key: key)
                case "footnoteStart":
                    matter.footnoteStart = try decoder.int(value, key: key)
                    if matter.footnoteStart < 1 || matter.footnoteStart > 1_000_000 {
                        throw DiagnosticError(reader.error("'footnoteStart' must be between 1 and 1000000", at: value))
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

    /// Why a `url` or alias is unusable, or nil.
    static func problem(withURL url: String) -> String? {
        if !url.hasPrefix("/") { return "'url' must start with '/' (got '\(url)')" }
        if url.hasPrefix("//") || url.contains("://") { return "'url' must be a path on this site, not an address elsewhere (got '\(url)')" }
        if url.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) { return "'url' must not contain '..' or '.' segments (got '\(url)')" }
        if url.contains("\\") || url.contains("?") || url.contains("#") || url.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return "'url' must not contain '\\', '?', '#' or control characters (got '\(url)')"
        }
        return nil
    }
}
