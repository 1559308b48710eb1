import Foundation
import TeigenCore

/// Typed reads of front matter values that fail with a diagnostic at the value, whatever the format it came in.
struct FieldCheck {
    /// The page's whole text, for showing offending lines.
    var fileText: String

    func error(_ message: String, at value: FrontMatterValue) -> DiagnosticError {
        DiagnosticError(.error(message, at: value.location, source: fileText))
    }

    /// Text: any scalar but null (`title: 2024` is the text "2024", as YAML users expect).
    func string(_ value: FrontMatterValue, key: String) throws(DiagnosticError) -> String {
        guard let text = value.text else { throw error("'\(key)' must be a text value", at: value) }
        return text
    }

    func bool(_ value: FrontMatterValue, key: String) throws(DiagnosticError) -> Bool {
        guard case .bool(let bool) = value.value else {
            throw error("'\(key)' must be true or false (got '\(value.text ?? "")')", at: value)
        }
        return bool
    }

    func int(_ value: FrontMatterValue, key: String) throws(DiagnosticError) -> Int {
        guard case .int(let int) = value.value else {
            throw error("'\(key)' must be a whole number (got '\(value.text ?? "")')", at: value)
        }
        return int
    }

    func date(_ value: FrontMatterValue, key: String) throws(DiagnosticError) -> SiteDate {
        guard let text = value.text, let date = SiteDate(parsing: text) else {
            throw error("'\(key)' must be a date such as 2024-03-01, 2024-03-01T09:00:00+09:00 or, for a month, 2024-03 (got '\(value.text ?? "")')", at: value)
        }
        return date
    }

    /// A list of text values; one text value is a list of one.
    func stringList(_ value: FrontMatterValue, key: String) throws(DiagnosticError) -> [String] {
        if value.text != nil { return [try string(value, key: key)] }
        guard case .array = value.value else { throw error("'\(key)' must be a list of text values", at: value) }
        var result: [String] = []
        for item in value.items { result.append(try string(item, key: key)) }
        return result
    }

    /// A page's terms of one taxonomy: a list of text values (or one), each trimmed, none empty, each once.
    func terms(_ value: FrontMatterValue, key: String) throws(DiagnosticError) -> [String] {
        let items: [FrontMatterValue]
        if value.text != nil {
            items = [value]
        } else if case .array = value.value {
            items = value.items
        } else {
            throw error("'\(key)' must be a list of terms such as [核軍縮, NPT]", at: value)
        }
        var terms: [String] = []
        for item in items {
            guard let text = item.text else { throw error("each of '\(key)' must be a term written as text", at: item) }
            let term = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if term.isEmpty { throw error("a term of '\(key)' must not be empty", at: item) }
            if term.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw error("a term of '\(key)' must not contain control characters (got '\(Diagnostic.shown(term))')", at: item)
            }
            if !terms.contains(term) { terms.append(term) }
        }
        return terms
    }

    func map(_ value: FrontMatterValue, key: String) throws(DiagnosticError) -> TemplateValue {
        guard case .map = value.value else { throw error("'\(key)' must be a mapping", at: value) }
        return value.value
    }
}
