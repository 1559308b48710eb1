import Foundation
import TeigenCore
import TeigenMarkdown
import Yams

/// The keys of `config.yaml` about lists of pages: `taxonomies`, `paginate`, `paginatePath`, `related` and the
/// `timeZone` that publication dates are read in (see ``ConfigLoader``).
struct ListSettings {
    let decoder: NodeDecoder

    /// `taxonomies`: Hugo's mapping of singular to plural names (`{tag: tags, topic: topics}`), or a list of
    /// (plural) names (`[tags, topics]`). Each name becomes a front matter key and a URL folder, so it must be
    /// one plain segment; no name may be given twice.
    func taxonomies(_ node: Node) throws(DiagnosticError) -> [Taxonomy] {
        var taxonomies: [Taxonomy] = []
        var seen: Set<String> = []
        func add(singular: Node?, plural: Node) throws(DiagnosticError) {
            let name = try decoder.string(plural, key: "taxonomies")
            let singularName = try singular.map { node throws(DiagnosticError) in try decoder.string(node, key: "taxonomies") } ?? name
            for (text, node) in [(name, plural), (singularName, singular ?? plural)] where !Self.isPlainName(text) {
                throw DiagnosticError(decoder.reader.error(
                    "taxonomy name '\(Diagnostic.shown(text))' must be a plain name of lower-case letters, digits, '-' or '_' (it becomes "
                        + "a front matter key and a URL folder: /\(Slug.make(text))/)", at: node))
            }
            if let problem = Self.reservedProblem(name) { throw DiagnosticError(decoder.reader.error(problem, at: plural)) }
            guard seen.insert(name).inserted else {
                throw DiagnosticError(decoder.reader.error("taxonomy '\(name)' is named twice in 'taxonomies'", at: plural))
            }
            taxonomies.append(Taxonomy(name: name, singular: singularName))
        }
        switch node {
        case .mapping(let mapping):
            for (singular, plural) in mapping { try add(singular: singular, plural: plural) }
        case .sequence(let sequence):
            for plural in sequence { try add(singular: nil, plural: plural) }
        case .scalar where node.null != nil:
            break
        default:
            throw DiagnosticError(decoder.reader.error(
                "'taxonomies' must map singular names to plural ones, as in Hugo ({tag: tags, topic: topics}), or list names ([tags, topics])", at: node))
        }
        return taxonomies
    }

    /// `related`: `{count: 5, taxonomies: [topics]}`.
    func related(_ node: Node, taxonomies: [Taxonomy]) throws(DiagnosticError) -> RelatedSettings {
        guard case .mapping(let mapping) = node else {
            throw DiagnosticError(decoder.reader.error("'related' must be a mapping such as {count: 5, taxonomies: [tags]}", at: node))
        }
        var settings = RelatedSettings()
        for (keyNode, value) in mapping {
            switch keyNode.string ?? "" {
            case "count": settings.count = try decoder.int(value, key: "related.count", in: 0...1000)
            case "taxonomies":
                guard case .sequence(let names) = value else {
                    throw DiagnosticError(decoder.reader.error("'related.taxonomies' must be a list of taxonomy names", at: value))
                }
                var chosen: [String] = []
                for item in names {
                    let name = try decoder.string(item, key: "related.taxonomies")
                    guard taxonomies.contains(where: { $0.name == name }) else {
                        throw DiagnosticError(decoder.reader.error(
                            "'related.taxonomies' names '\(Diagnostic.shown(name))', which is not one of the site's taxonomies (\(Self.names(taxonomies)))", at: item))
                    }
                    chosen.append(name)
                }
                settings.taxonomies = chosen
            default:
                throw DiagnosticError(decoder.reader.error("unknown key '\(keyNode.string ?? "")' in 'related' (known keys: count, taxonomies)", at: keyNode))
            }
        }
        return settings
    }

    /// `paginatePath`: one URL segment.
    func paginatePath(_ node: Node) throws(DiagnosticError) -> String {
        let path = try decoder.string(node, key: "paginatePath")
        guard Self.isPlainName(path) else {
            throw DiagnosticError(decoder.reader.error(
                "'paginatePath' must be one URL segment of lower-case letters, digits, '-' or '_' (got '\(Diagnostic.shown(path))')", at: node))
        }
        return path
    }

    /// `timeZone`: an IANA name (`Asia/Tokyo`, `UTC`).
    func timeZone(_ node: Node) throws(DiagnosticError) -> TimeZone {
        let name = try decoder.string(node, key: "timeZone")
        guard name.contains("/") || name == "UTC" || name == "GMT", let zone = TimeZone(identifier: name) else {
            throw DiagnosticError(decoder.reader.error(
                "unknown time zone '\(Diagnostic.shown(name))': give an IANA name such as Asia/Tokyo, Europe/London or UTC", at: node))
        }
        return zone
    }

    /// The names of `taxonomies`, for messages.
    static func names(_ taxonomies: [Taxonomy]) -> String {
        taxonomies.isEmpty ? "none" : taxonomies.map(\.name).joined(separator: ", ")
    }

    /// Whether `name` is lower-case ASCII letters, digits, `-` and `_`, starting with a letter.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Why a taxonomy may not have this name: front matter keys of its own that Teigen reads.
    static func reservedProblem(_ name: String) -> String? {
        guard FrontMatterDecoder.knownKeys.contains(name) else { return nil }
        return "'\(name)' is a front matter key of its own, so it cannot name a taxonomy"
    }
}
