import Foundation
import TeigenCore
import TOMLKit

/// Parses TOML (TOMLKit, over toml++) into template values, turning its errors into diagnostics at the right
/// file position.
struct TOMLReader {
    /// The file the TOML came from, for messages.
    var path: String
    /// The whole file's text (for showing offending lines).
    var fileText: String
    /// The line of the file on which the TOML text starts (front matter starts on line 2).
    var firstLine: Int

    /// The document as a template value.
    func value(_ toml: String) throws(DiagnosticError) -> TemplateValue {
        let table = try parse(toml)
        defer { table.clear() }
        return Self.value(of: table)
    }

    /// The document's root table, or an error at the position toml++ reports. TOMLKit frees nothing its C++
    /// layer hands back (upstream issue LebJe/TOMLKit#26), so a caller clears the table once it has read it:
    /// that frees its values, and what stays is the empty table and the copies of keys and strings read.
    private func parse(_ toml: String) throws(DiagnosticError) -> TOMLTable {
        do {
            return try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw DiagnosticError(.error(
                "invalid TOML: \(error.description)", at: location(line: error.source.begin.line, column: error.source.begin.column),
                source: fileText))
        } catch {
            throw DiagnosticError(.error("invalid TOML: \(error)", at: location(line: 1, column: 1), source: fileText))
        }
    }

    /// The top-level keys of TOML front matter, each with its value and position, in the order written.
    func frontMatterFields(_ toml: String) throws(DiagnosticError) -> [FrontMatterField] {
        let table = try parse(toml)
        defer { table.clear() }
        let places = TOMLLocator.places(in: toml)
        return table.map { key, value in
            FrontMatterField(key: key, value: Self.value(of: value), place: places[key]) { location(line: $0.line, column: $0.column) }
        }.sorted { $0.keyLocation < $1.keyLocation }
    }

    /// A position in the TOML text as a file location.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + firstLine - 1, column: column)
    }

    /// Converts a TOML value into a template value. Dates and times become their RFC 3339 text (`2024-03-01`,
    /// `09:30:00`, `2024-03-01T09:30:00+09:00`); tables come with their keys sorted, as toml++ keeps them.
    static func value(of value: any TOMLValueConvertible) -> TemplateValue {
        switch value.type {
        case .table: return .map((value.table.map(Array.init) ?? []).map { ($0.0, Self.value(of: $0.1)) })
        case .array: return .array((value.array.map(Array.init) ?? []).map { Self.value(of: $0) })
        case .string: return .string(value.string ?? "")
        case .int: return .int(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .date: return .string(value.date.map(text(of:)) ?? "")
        case .time: return .string(value.time.map(text(of:)) ?? "")
        case .dateTime:
            guard let dateTime = value.dateTime else { return .null }
            var text = text(of: dateTime.date) + "T" + text(of: dateTime.time)
            if let offset = dateTime.offset?.offset {
                text += offset == 0 ? "Z" : String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 60, abs(offset) % 60)
            }
            return .string(text)
        }
    }

    private static func text(of date: TOMLDate) -> String {
        String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
    }

    private static func text(of time: TOMLTime) -> String {
        var text = String(format: "%02d:%02d:%02d", time.hour, time.minute, time.second)
        if time.nanoSecond > 0 {
            var fraction = String(format: "%09d", time.nanoSecond)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }
}
