import Foundation

/// One message for the user about their input, in the `path:line:column: error: message` form
/// used by compilers, with the offending source line and a caret under the column.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The offending line (or, when it is long, the part of it around the column), if known.
    public var excerpt: SourceExcerpt?

    /// The text of the offending line as shown, without its line ending, if known: the whole line, or a
    /// window of a long one around the column (see `SourceExcerpt`).
    public var sourceLine: String? { excerpt?.text }

    /// Creates a diagnostic; `sourceLine` is the whole offending line (a long one is cut around the column).
    public init(_ severity: Severity, _ message: String, at location: SourceLocation, sourceLine: String? = nil) {
        self.init(severity, message, at: location, excerpt: sourceLine.map { SourceExcerpt(line: $0[...], column: location.column) })
    }

    /// Creates a diagnostic with an excerpt already taken.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation, excerpt: SourceExcerpt?) {
        self.severity = severity
        self.message = message
        self.location = location
        self.excerpt = excerpt
    }

    /// Creates an error diagnostic, taking the offending line from `source` when given.
    public static func error(_ message: String, at location: SourceLocation, source: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, excerpt: source.flatMap { excerpt(of: $0, at: location) })
    }

    /// Creates a warning diagnostic, taking the offending line from `source` when given.
    public static func warning(_ message: String, at location: SourceLocation, source: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, excerpt: source.flatMap { excerpt(of: $0, at: location) })
    }

    /// `diagnostics` (all in the file whose text is `source`) with their offending lines, taken in one pass
    /// over the text: many diagnostics in one file cost the file's length once, not once each.
    public static func excerpting(_ diagnostics: [Diagnostic], from source: String) -> [Diagnostic] {
        let excerpts = SourceExcerpt.excerpts(of: source, at: diagnostics.map { ($0.location.line, $0.location.column) })
        return zip(diagnostics, excerpts).map { diagnostic, excerpt in
            var diagnostic = diagnostic
            diagnostic.excerpt = excerpt
            return diagnostic
        }
    }

    private static func excerpt(of source: String, at location: SourceLocation) -> SourceExcerpt? {
        SourceExcerpt.excerpts(of: source, at: [(location.line, location.column)])[0]
    }

    /// The header line alone: `path:line:column: error: message`.
    public var header: String {
        "\(location.description): \(severity.rawValue): \(message)"
    }

    /// The full rendering: header, then the source line and a caret when known.
    public var description: String {
        guard let excerpt, location.line > 0 else { return header }
        var text = header + "\n" + excerpt.text.replacingTabs()
        if excerpt.caretColumn > 0 {
            let prefix = excerpt.text.unicodeScalars.prefix(excerpt.caretColumn - 1)
            let pad = String(String.UnicodeScalarView(prefix)).replacingTabs().map { $0.isWideForCaret ? "  " : " " }.joined()
            text += "\n" + pad + "^"
        }
        return text
    }

    /// `value` as a message quotes it: control characters written as escapes (`\0`, `\n`, `\u{1B}`), so that a
    /// message never carries raw control bytes to a terminal, and a value longer than 80 characters cut with `…`.
    public static func shown(_ value: String) -> String {
        var result = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == 80 {
                result += "…"
                break
            }
            count += 1
            switch scalar {
            case "\0": result += "\\0"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Returns line `number` (1-based) of `text`, without its line ending.
    public static func line(_ number: Int, of text: String) -> String? {
        guard number > 0 else { return nil }
        var current = 1
        var lineStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                if current == number { return String(text[lineStart..<index]) }
                current += 1
                lineStart = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? String(text[lineStart..<text.endIndex]) : nil
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        replacingOccurrences(of: "\t", with: "    ")
    }
}

extension Character {
    /// Whether a terminal shows this character two cells wide (CJK and full-width forms).
    fileprivate var isWideForCaret: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
