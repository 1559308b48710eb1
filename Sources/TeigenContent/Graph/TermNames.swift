import TeigenCore

/// What `data/taxonomies/TAXONOMY.*` says about the terms of a taxonomy: each term's display name (`title`) and
/// URL segment (`slug`), when they differ from the term as pages write it. One file per taxonomy, and on a
/// multilingual site one per language (`data/taxonomies/topics.en.yaml`, the rule of data files):
///
/// ```yaml
/// 核軍縮: 核軍縮・不拡散            # the title alone
/// NPT:
///   title: 核兵器不拡散条約 (NPT)
///   slug: npt
/// ```
///
/// A CSV file (or any list) gives rows with a `term` column and `title` and `slug` columns.
public struct TermNames: Sendable, Hashable {
    /// A term's names.
    public struct Names: Sendable, Hashable {
        public var title: String?
        public var slug: String?

        public init(title: String? = nil, slug: String? = nil) {
            self.title = title
            self.slug = slug
        }
    }

    /// By language code, then taxonomy, then term as written.
    private var entries: [String: [String: [String: Names]]] = [:]

    public init() {}

    /// The names given for `term` of `taxonomy` in `language`, if any.
    public func names(of term: String, taxonomy: String, language: String) -> Names? {
        entries[language]?[taxonomy]?[term]
    }

    /// Reads the data value of `data/taxonomies/TAXONOMY.*` for `language`; `path` and `text` are the file's, for
    /// messages (placed at the first line where the offending value is written).
    public mutating func read(_ value: TemplateValue, taxonomy: String, language: String, path: String, text: String) throws(DiagnosticError) {
        var table: [String: Names] = [:]
        func fail(_ message: String, near needle: String) -> DiagnosticError {
            DiagnosticError(.error(message, at: Self.location(of: needle, in: text, path: path), source: text))
        }
        func names(_ term: String, _ value: TemplateValue) throws(DiagnosticError) -> Names {
            if let title = value.scalarText { return Names(title: title) }
            guard case .map(let pairs) = value else {
                throw fail("term '\(Diagnostic.shown(term))' of data/taxonomies/\(taxonomy): give its title as text, or a mapping with 'title' and 'slug'", near: term)
            }
            var names = Names()
            for (key, field) in pairs {
                switch key {
                case "term": continue
                case "title", "slug":
                    guard let text = field.scalarText, !text.isEmpty else {
                        throw fail("'\(key)' of term '\(Diagnostic.shown(term))' must be text", near: term)
                    }
                    if key == "title" { names.title = text } else {
                        if let problem = FrontMatterDecoder.problem(withSlug: text) { throw fail("term '\(Diagnostic.shown(term))': \(problem)", near: text) }
                        names.slug = text
                    }
                default:
                    throw fail("unknown key '\(Diagnostic.shown(key))' for term '\(Diagnostic.shown(term))' (known keys: title, slug)", near: key)
                }
            }
            return names
        }
        switch value {
        case .map(let pairs):
            for (term, field) in pairs { table[term] = try names(term, field) }
        case .array(let rows):
            for row in rows {
                guard let term = row["term"]?.scalarText, !term.isEmpty else {
                    throw fail("each row of data/taxonomies/\(taxonomy) needs a 'term' (the term as pages write it)", near: "term")
                }
                table[term] = try names(term, row)
            }
        case .null:
            break
        default:
            throw fail("data/taxonomies/\(taxonomy) must map terms to their titles (or to {title, slug}), or list rows with 'term', 'title' and 'slug'", near: "")
        }
        entries[language, default: [:]][taxonomy] = table
    }

    /// The line and column of the first place `needle` is written in `text` (the file's start when nowhere).
    static func location(of needle: String, in text: String, path: String) -> SourceLocation {
        guard !needle.isEmpty, let range = text.range(of: needle) else { return SourceLocation(path: path, line: 1, column: 1) }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return SourceLocation(path: path, line: line, column: before[lineStart...].unicodeScalars.count + 1)
    }
}
