/// Diagnostics as a person reads them: at most `limit` of each kind (the same message but for the names and
/// numbers in it), in order, then one line for each kind saying how many more there are. Ten thousand broken
/// links print a hundred messages and a count, not ten thousand.
///
/// ```swift
/// print(DiagnosticList(error.diagnostics).description)
/// ```
public struct DiagnosticList: Sendable, CustomStringConvertible {
    /// How many diagnostics of one kind are shown by default.
    public static let defaultLimit = 100

    /// The diagnostics shown, in their original order.
    public private(set) var shown: [Diagnostic] = []
    /// For each kind with diagnostics left out (in order of first appearance): the first left out and how many were.
    public private(set) var omitted: [(first: Diagnostic, count: Int)] = []

    public init(_ diagnostics: [Diagnostic], limit: Int = DiagnosticList.defaultLimit) {
        var countByKind: [String: Int] = [:]
        var omittedIndex: [String: Int] = [:]
        for diagnostic in diagnostics {
            let kind = diagnostic.kind
            let count = countByKind[kind, default: 0]
            countByKind[kind] = count + 1
            if count < limit {
                shown.append(diagnostic)
            } else if let index = omittedIndex[kind] {
                omitted[index].count += 1
            } else {
                omittedIndex[kind] = omitted.count
                omitted.append((diagnostic, 1))
            }
        }
    }

    /// One line for a kind of which `count` more were left out, e.g.
    /// `error: … and 9900 more errors like "link to a page that does not exist: '…'"`.
    public static func omissionLine(first: Diagnostic, count: Int) -> String {
        let noun = first.severity == .error ? (count == 1 ? "error" : "errors") : (count == 1 ? "warning" : "warnings")
        return "\(first.severity.rawValue): … and \(count) more \(noun) like \"\(first.kind.dropFirst(first.severity.rawValue.count + 2))\" (not shown)"
    }

    /// The lines a terminal prints: each shown diagnostic in full, then the omission lines.
    public var lines: [String] {
        shown.map(\.description) + omitted.map { Self.omissionLine(first: $0.first, count: $0.count) }
    }

    public var description: String {
        lines.joined(separator: "\n")
    }
}

extension Diagnostic {
    /// What kind of problem this is: the severity and the message with quoted names and numbers left out
    /// (`error: link to a page that does not exist: '…'`), so that one mistake repeated counts as one kind.
    public var kind: String {
        var result = severity.rawValue + ": "
        var quote: Character?
        var previous: Character = " "
        var inNumber = false
        for character in message {
            if let open = quote {
                if character == open { quote = nil; result.append(character) }
                previous = character
                continue
            }
            if (character == "'" || character == "\""), !previous.isLetter {
                quote = character
                result += "\(character)…"
                previous = character
                continue
            }
            if character.isNumber {
                if !inNumber { result.append("N") }
                inNumber = true
            } else {
                inNumber = false
                result.append(character)
            }
            previous = character
        }
        return result
    }
}
