import Foundation
import TeigenCore

/// Parses JSON (Foundation's `JSONSerialization`) into template values, turning its errors into diagnostics at
/// the right file position; equal keys in one object are an error, as in YAML.
struct JSONReader {
    /// The file the JSON came from, for messages.
    var path: String
    /// The whole file's text (for showing offending lines).
    var fileText: String
    /// The line of the file on which the JSON text starts.
    var firstLine: Int

    /// The document as a template value: objects with their keys sorted, numbers as whole numbers when written
    /// without a fraction or exponent.
    func value(_ json: String) throws(DiagnosticError) -> TemplateValue {
        Self.value(of: try parse(json).document)
    }

    /// The top-level keys of JSON front matter, each with its value and position, in the order written.
    func frontMatterFields(_ json: String) throws(DiagnosticError) -> [FrontMatterField] {
        let (document, locator) = try parse(json)
        guard let object = document as? [String: Any] else {
            throw DiagnosticError(.error("JSON front matter must be an object of keys and values", at: location(line: 1, column: 1), source: fileText))
        }
        return object.map { key, value in
            FrontMatterField(key: key, value: Self.value(of: value), place: locator.places[key]) { location(line: $0.line, column: $0.column) }
        }.sorted { $0.keyLocation < $1.keyLocation }
    }

    /// Parses `json`; errors are placed where Foundation says it found them.
    private func parse(_ json: String) throws(DiagnosticError) -> (document: Any, locator: JSONLocator) {
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        } catch {
            throw DiagnosticError(diagnostic(for: error as NSError, in: json))
        }
        let locator = JSONLocator(json)
        guard locator.duplicates.isEmpty else {
            throw DiagnosticError(locator.duplicates.map { duplicate in
                .error("duplicate key '\(Diagnostic.shown(duplicate.key))' in JSON object", at: location(line: duplicate.position.line, column: duplicate.position.column), source: fileText)
            })
        }
        return (document, locator)
    }

    /// Foundation's message ("Invalid value around character 26.") at the position it names: a UTF-8 offset, or a
    /// line and column; the end of the text for "Unexpected end of file".
    private func diagnostic(for error: NSError, in json: String) -> Diagnostic {
        var message = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
        var at = location(line: 1, column: 1)
        if let match = message.firstMatch(of: #/ around line (\d+), column (\d+)\.?/#) {
            at = location(line: Int(match.1) ?? 1, column: Int(match.2) ?? 1)
            message.removeSubrange(match.range)
        } else if let match = message.firstMatch(of: #/ around character (\d+)\.?/#) {
            at = SourceLocation(path: path, utf8Offset: Int(match.1) ?? 0, in: json, firstLine: firstLine)
            message.removeSubrange(match.range)
        } else if message.hasPrefix("Unexpected end of file") {
            at = SourceLocation(path: path, utf8Offset: json.utf8.count, in: json, firstLine: firstLine)
        }
        if message.hasSuffix(".") { message.removeLast() }
        if let first = message.first { message = first.lowercased() + message.dropFirst() }
        return .error("invalid JSON: \(message)", at: at, source: fileText)
    }

    /// A position in the JSON text as a file location.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + firstLine - 1, column: column)
    }

    /// Converts what `JSONSerialization` made into a template value.
    static func value(of value: Any) -> TemplateValue {
        switch value {
        case let string as String: return .string(string)
        case let number as NSNumber:
            // JSONSerialization makes Foundation's Boolean for true and false, a double for a number with a
            // fraction or an exponent, and a whole number otherwise.
            switch String(cString: number.objCType) {
            case "c", "B": return .bool(number.boolValue)
            case "d", "f": return .double(number.doubleValue)
            case "Q": return number.uint64Value <= UInt64(Int.max) ? .int(Int(number.uint64Value)) : .double(number.doubleValue)
            default: return .int(number.intValue)
            }
        case let array as [Any]: return .array(array.map { Self.value(of: $0) })
        case let object as [String: Any]: return .map(object.sorted { $0.key < $1.key }.map { ($0.key, Self.value(of: $0.value)) })
        default: return .null
        }
    }

    /// The value of a JSON string's content (between its quotes), escapes decoded.
    static func decodeString(_ content: String) -> String {
        let literal = Data(("\"" + content + "\"").utf8)
        return (try? JSONSerialization.jsonObject(with: literal, options: [.fragmentsAllowed])) as? String ?? content
    }
}
