import TeigenCore
import Yams

/// A theme's or a site's `i18n/LANG.yaml`: the fixed words of one language by key.
///
/// ```yaml
/// skipLink: 本文へ移動
/// search:
///   submit: 検索          # the key is search.submit
/// readingTime: 読了目安 約{{page.readingTime}}分
/// ```
///
/// Nested mappings give dotted keys. Values are text (numbers and booleans are read as the text they are
/// written as); the text may hold Mustache tags, which are rendered with the page's values where the words
/// are used. Anything else (a list, an empty value) is an error at its line.
public struct I18nFile: Sendable, Hashable {
    /// The file's language: its name without the extension (`en` for `i18n/en.yaml`).
    public var language: String
    /// Where it was read from, for messages.
    public var path: String
    /// The words by key.
    public var strings: [String: String]
    /// The line of each key, for messages about it.
    public var lines: [String: Int]
    /// The file's text, to show the line of a message.
    public var text: String

    /// Decodes the text of the file at `path` (its language is the file's name).
    public static func decode(_ text: String, path: String, language: String) throws(DiagnosticError) -> I18nFile {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var file = I18nFile(language: language, path: path, strings: [:], lines: [:], text: text)
        let reader = YAMLReader(path: path, fileText: text, firstLine: 1)
        guard let root = try reader.compose(text) else { return file }
        guard case .mapping = root else {
            throw DiagnosticError(reader.error("an i18n file must be a mapping of keys to words (such as 'skipLink: Skip to content')", at: root))
        }
        var errors: [Diagnostic] = []
        file.read(root, prefix: "", reader: reader, errors: &errors)
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return file
    }

    /// Reads the pairs of `node` under `prefix` (`search.` inside `search:`).
    private mutating func read(_ node: Node, prefix: String, reader: YAMLReader, errors: inout [Diagnostic]) {
        guard case .mapping(let mapping) = node else { return }
        for (keyNode, value) in mapping {
            let key = prefix + (keyNode.string ?? "")
            switch value {
            case .mapping:
                read(value, prefix: key + ".", reader: reader, errors: &errors)
            case .scalar(let scalar) where !(scalar.style == .plain && value.null != nil):
                strings[key] = scalar.string
                lines[key] = reader.location(of: keyNode).line
            default:
                errors.append(reader.error("i18n key '\(key)' must have text as its value (or a mapping of keys under it)", at: value))
            }
        }
    }
}
