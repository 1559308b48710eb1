import TeigenCore
import Yams

/// Decodes front matter `citation`: `true`, `false`, or a mapping (`partOf`, `key`, `authors`, `publisher`).
struct CitationDecoder {
    let decoder: NodeDecoder

    static let keys = ["authors", "key", "partOf", "publisher"]

    func settings(_ node: Node) throws(DiagnosticError) -> CitationSettings? {
        let location = decoder.reader.location(of: node)
        if case .scalar = node {
            return try decoder.bool(node, key: "citation") ? CitationSettings(location: location) : nil
        }
        guard case .mapping(let fields) = node else {
            throw DiagnosticError(decoder.reader.error("'citation' must be true, false or a mapping (\(Self.keys.joined(separator: ", ")))", at: node))
        }
        var settings = CitationSettings(location: location)
        for (keyNode, value) in fields {
            let key = keyNode.string ?? ""
            switch key {
            case "partOf":
                settings.partOf = try decoder.string(value, key: key)
                settings.location = decoder.reader.location(of: value)
            case "key":
                let citationKey = try decoder.string(value, key: key)
                if let problem = Self.problem(withKey: citationKey) { throw DiagnosticError(decoder.reader.error(problem, at: value)) }
                settings.key = citationKey
            case "authors": settings.authors = try decoder.stringList(value, key: key)
            case "publisher": settings.publisher = try decoder.string(value, key: key)
            default:
                throw DiagnosticError(decoder.reader.error(
                    "unknown key '\(key)' in 'citation' (known keys: \(Self.keys.joined(separator: ", ")))", at: keyNode))
            }
        }
        return settings
    }

    /// Why a BibTeX key is unusable, or nil: BibTeX reads a key up to a comma, brace, space or quote.
    static func problem(withKey key: String) -> String? {
        let allowed = key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_:.+/".unicodeScalars.contains($0)) }
        guard key.isEmpty || !allowed else { return nil }
        return "'key' must be ASCII letters, digits and - _ : . + / (a BibTeX key; got '\(Diagnostic.shown(key))')"
    }
}
