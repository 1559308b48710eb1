import Foundation
import SwiftCSV
import TeigenCore

/// Reads CSV (SwiftCSV, comma-separated, RFC 4180 quoting) into a list of maps keyed by the header row:
///
/// ```
/// name,role            →  [{name: 鈴木, role: 座長}, {name: 佐藤, role: 委員}]
/// 鈴木,座長
/// 佐藤,委員
/// ```
///
/// Every value is text. Blank lines are skipped (before the header too); a row with more or fewer fields than the header is an error, as
/// are a header without a name or with one name twice, and a quote left open.
struct CSVReader {
    /// The file the CSV came from, for messages.
    var path: String
    /// The file's text.
    var fileText: String

    /// The rows as maps from the header's names to their fields, in the order written.
    func value() throws(DiagnosticError) -> TemplateValue {
        // SwiftCSV drops an empty last field at the end of the text; a final line ending keeps it.
        let text = fileText.hasSuffix("\n") || fileText.hasSuffix("\r") ? fileText : fileText + "\n"
        let rows = try parse(text).filter { $0.fields != [""] }  // Blank lines.
        guard let header = rows.first?.fields else { return .array([]) }
        try check(header: header)
        var records: [TemplateValue] = []
        var errors: [Diagnostic] = []
        for row in rows.dropFirst() {
            guard row.fields.count == header.count else {
                errors.append(.error(
                    "this row has \(row.fields.count) fields, but the header row has \(header.count)"
                        + (row.fields.count > header.count ? " (a value with a comma in it is written in quotes: \"a, b\")" : ""),
                    at: location(line: row.line, column: 1), source: fileText))
                continue
            }
            records.append(.map(zip(header, row.fields).map { ($0, .string($1)) }))
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return .array(records)
    }

    /// A row's fields and the line it starts on.
    private struct Row {
        var fields: [String]
        var line: Int
    }

    /// The rows of `text`, parsed by SwiftCSV, each with the line it starts on.
    private func parse(_ text: String) throws(DiagnosticError) -> [Row] {
        var rows: [Row] = []
        do {
            let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            var line = 1
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                rows.append(Row(fields: fields, line: line))
                // A row ends at a line break; line breaks inside its quoted fields are part of it.
                line += 1 + fields.reduce(0) { count, field in count + field.reduce(0) { $1.isNewline ? $0 + 1 : $0 } }
            }
        } catch {
            throw DiagnosticError(.error(
                "invalid CSV: a quote may only start a field and close it; a field with quotes in it is written in quotes, each quote inside doubled (\"a \"\"b\"\" c\")",
                at: firstFailure(in: text), source: fileText))
        }
        if let open = openQuote(in: text) {
            throw DiagnosticError(.error("invalid CSV: this quote is never closed", at: open, source: fileText))
        }
        return rows
    }

    /// Where SwiftCSV, which does not say, found a problem: the first character whose inclusion makes a prefix of
    /// the text fail to parse (a prefix fails exactly when it reaches the character it stopped at).
    private func firstFailure(in text: String) -> SourceLocation {
        let characters = Array(text.indices)
        var good = 0
        var bad = characters.count
        while bad - good > 1 {
            let middle = (good + bad) / 2
            if (try? EnumeratedCSV(string: String(text[..<characters[middle]]), delimiter: .comma, loadColumns: false)) == nil {
                bad = middle
            } else {
                good = middle
            }
        }
        return location(ofOffset: text.utf8.distance(from: text.startIndex, to: characters[max(0, bad - 1)]), in: text)
    }

    /// The quote that opens a field never closed, if the text ends inside one (SwiftCSV reads it to the end).
    private func openQuote(in text: String) -> SourceLocation? {
        var opening: String.Index?
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\"") {
            opening = opening == nil ? index : nil
        }
        return opening.map { location(ofOffset: text.utf8.distance(from: text.startIndex, to: $0), in: text) }
    }

    /// Checks the header row: every column named, no name twice.
    private func check(header: [String]) throws(DiagnosticError) {
        var seen: Set<String> = []
        for (index, name) in header.enumerated() {
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DiagnosticError(.error("column \(index + 1) of the header row has no name", at: location(line: 1, column: 1), source: fileText))
            }
            if !seen.insert(name).inserted {
                throw DiagnosticError(.error("the header row names column '\(Diagnostic.shown(name))' twice", at: location(line: 1, column: 1), source: fileText))
            }
        }
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    private func location(ofOffset offset: Int, in text: String) -> SourceLocation {
        SourceLocation(path: path, utf8Offset: offset, in: text)
    }
}
