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
    /// The text of the offending line, without its line ending, if known.
    public var sourceLine: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// Creates an error diagnostic, taking the offending line from `source` when given.
    public static func error(_ message: String, at location: SourceLocation, source: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, sourceLine: source.flatMap { Self.line(location.line, of: $0) })
    }

    /// Creates a warning diagnostic, taking the offending line from `source` when given.
    public static func warning(_ message: String, at location: SourceLocation, source: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, sourceLine: source.flatMap { Self.line(location.line, of: $0) })
    }

    /// The header line alone: `path:line:column: error: message`.
    public var header: String {
        "\(location.description): \(severity.rawValue): \(message)"
    }

    /// The full rendering: header, then the source line and a caret when known.
    public var description: String {
        guard let sourceLine, location.line > 0 else { return header }
        let shown = sourceLine.replacingTabs()
        var text = header + "\n" + shown
        if location.column > 0 {
            let prefix = sourceLine.unicodeScalars.prefix(location.column - 1)
            let pad = String(String.UnicodeScalarView(prefix)).replacingTabs().map { $0.isWideForCaret ? "  " : " " }.joined()
            text += "\n" + pad + "^"
        }
        return text
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
