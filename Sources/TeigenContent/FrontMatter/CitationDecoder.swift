import TeigenCore

/// Decodes front matter `citation`: `true`, `false`, or a mapping (`partOf`, `key`, `authors`, `publisher`),
/// in any front matter format. Problems inside the mapping are reported at the mapping.
struct CitationDecoder {
    let check: FieldCheck

    static let keys = ["authors", "key", "partOf", "publisher"]

    func settings(_ value: FrontMatterValue) throws(DiagnosticError) -> CitationSettings? {
        if case .bool(let cited) = value.value { return cited ? CitationSettings(location: value.location) : nil }
        guard case .map(let fields) = value.value else {
            throw check.error("'citation' must be true, false or a mapping (\(Self.keys.joined(separator: ", ")))", at: value)
        }
        var settings = CitationSettings(location: value.location)
        for (key, field) in fields {
            switch key {
            case "partOf": settings.partOf = try text(field, key: key, in: value)
            case "key":
                let citationKey = try text(field, key: key, in: value)
                if let problem = Self.problem(withKey: citationKey) { throw check.error(problem, at: value) }
                settings.key = citationKey
            case "authors":
                let items: [TemplateValue]
                if case .array(let list) = field { items = list } else { items = [field] }
                var authors: [String] = []
                for item in items { authors.append(try text(item, key: key, in: value)) }
                settings.authors = authors
            case "publisher": settings.publisher = try text(field, key: key, in: value)
            default:
                throw check.error("unknown key '\(key)' in 'citation' (known keys: \(Self.keys.joined(separator: ", ")))", at: value)
            }
        }
        return settings
    }

    /// A text value of the mapping: any scalar but null.
    private func text(_ field: TemplateValue, key: String, in value: FrontMatterValue) throws(DiagnosticError) -> String {
        switch field {
        case .null, .array, .map: throw check.error("'\(key)' of 'citation' must be a text value", at: value)
        default: return field.stringValue ?? ""
        }
    }

    /// Why a BibTeX key is unusable, or nil: BibTeX reads a key up to a comma, brace, space or quote.
    static func problem(withKey key: String) -> String? {
        let allowed = key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_:.+/".unicodeScalars.contains($0))
        }
        guard key.isEmpty || !allowed else { return nil }
        return "'key' of 'citation' must be ASCII letters, digits and - _ : . + / (a BibTeX key; got '\(Diagnostic.shown(key))')"
    }
}
