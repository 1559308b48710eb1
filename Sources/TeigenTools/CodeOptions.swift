import Foundation

/// How a code block is shown, written after its language in Hugo's syntax:
/// ```` ```swift {linenos=true hl_lines=[2,"4-5"] linenostart=10} ````.
///
/// - `linenos`: `true` or `table` (numbers in a column of their own, not copied with the code), `inline`
///   (numbers before each line), `false`;
/// - `hl_lines`: lines to highlight, counted from the block's first line: `[2,"4-5"]`, or `"2 4-5"`;
/// - `linenostart`: the number of the first line (default 1);
/// - `anchorlinenos` and `lineanchors=PREFIX`: each line gets the id `PREFIX-N`, and with `anchorlinenos`
///   its number links to it.
/// Options are separated by spaces or commas; `style`, `noclasses`, `guessSyntax` and `hl_inline` are
/// Hugo's and accepted but have no effect (the theme's CSS styles the classes).
public struct CodeOptions: Sendable, Hashable, Codable {
    public enum LineNumbers: String, Sendable, Hashable, Codable {
        case none, table, inline
    }

    public var lineNumbers: LineNumbers
    /// Lines to highlight, 1-based from the block's first line.
    public var highlightedLines: [ClosedRange<Int>]
    public var firstLineNumber: Int
    /// The prefix of each line's id (`lineanchors`), if any.
    public var lineAnchors: String?
    /// Whether line numbers link to their line (`anchorlinenos`).
    public var anchorLineNumbers: Bool

    public init(
        lineNumbers: LineNumbers = .none, highlightedLines: [ClosedRange<Int>] = [], firstLineNumber: Int = 1,
        lineAnchors: String? = nil, anchorLineNumbers: Bool = false
    ) {
        self.lineNumbers = lineNumbers
        self.highlightedLines = highlightedLines
        self.firstLineNumber = firstLineNumber
        self.lineAnchors = lineAnchors
        self.anchorLineNumbers = anchorLineNumbers
    }

    /// A fenced code block's info string read: its language (empty when it has none) and options.
    /// A problem with the options is reported, and the options read so far kept.
    public static func parse(info: String) -> (language: String, options: CodeOptions, problem: String?) {
        let trimmed = info.drop { $0 == " " || $0 == "\t" }
        let language = String(trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "{" })
        let rest = trimmed.dropFirst(language.count).drop { $0 == " " || $0 == "\t" }
        guard !rest.isEmpty else { return (language, CodeOptions(), nil) }
        guard rest.first == "{", rest.last == "}" else {
            return (language, CodeOptions(), "code block options go in braces after the language: ```\(language.isEmpty ? "swift" : language) {linenos=true}")
        }
        var reader = OptionReader(text: Array(rest.dropFirst().dropLast()))
        var options = CodeOptions()
        let problem = reader.read(into: &options)
        return (language, options, problem)
    }
}

/// Reads `key=value` pairs for ``CodeOptions/parse(info:)``.
private struct OptionReader {
    let text: [Character]
    var index = 0

    /// Fills `options`; returns the first problem met, if any.
    mutating func read(into options: inout CodeOptions) -> String? {
        while true {
            skipSeparators()
            guard index < text.count else { return nil }
            let key = String(take { $0.isLetter || $0.isNumber || $0 == "_" })
            guard !key.isEmpty else { return "unexpected '\(text[index])' in code block options" }
            skipSpaces()
            guard index < text.count, text[index] == "=" else { return "code block option '\(key)' needs a value: \(key)=…" }
            index += 1
            skipSpaces()
            let value = readValue()
            if let problem = apply(key, value, to: &options) { return problem }
        }
    }

    /// A value: a list `[…]`, a quoted string, or a bare word.
    private mutating func readValue() -> [String] {
        guard index < text.count else { return [] }
        if text[index] == "[" {
            index += 1
            var items: [String] = []
            while index < text.count, text[index] != "]" {
                skipSeparators()
                guard index < text.count, text[index] != "]" else { break }
                items.append(readScalar())
            }
            if index < text.count { index += 1 }
            return items
        }
        return [readScalar()]
    }

    private mutating func readScalar() -> String {
        if text[index] == "\"" || text[index] == "'" {
            let quote = text[index]
            index += 1
            let value = String(take { $0 != quote })
            if index < text.count { index += 1 }
            return value
        }
        return String(take { $0 != " " && $0 != "," && $0 != "]" && $0 != "\t" })
    }

    private func apply(_ key: String, _ value: [String], to options: inout CodeOptions) -> String? {
        let single = value.first ?? ""
        switch key.lowercased() {
        case "linenos":
            switch single.lowercased() {
            case "true", "table": options.lineNumbers = .table
            case "inline": options.lineNumbers = .inline
            case "false": options.lineNumbers = .none
            default: return "linenos is true, table, inline or false (got '\(single)')"
            }
        case "hl_lines":
            var ranges: [ClosedRange<Int>] = []
            for item in value.flatMap({ $0.split(separator: " ") }) {
                let bounds = item.split(separator: "-", maxSplits: 1).map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard let low = bounds.first ?? nil, low >= 1, bounds.count == 1 || (bounds[1] ?? 0) >= low else {
                    return "hl_lines takes line numbers and ranges such as [2,\"4-5\"] (got '\(item)')"
                }
                ranges.append(low...(bounds.count == 2 ? bounds[1]! : low))
            }
            options.highlightedLines = ranges
        case "linenostart":
            guard let start = Int(single), start >= 0 else { return "linenostart is a line number (got '\(single)')" }
            options.firstLineNumber = start
        case "lineanchors":
            guard !single.isEmpty, single.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                return "lineanchors is a prefix of letters, digits, - and _ (got '\(single)')"
            }
            options.lineAnchors = single
        case "anchorlinenos":
            guard let flag = Bool(single.lowercased()) else { return "anchorlinenos is true or false (got '\(single)')" }
            options.anchorLineNumbers = flag
        case "style", "noclasses", "guesssyntax", "hl_inline", "tabwidth", "linenumbersintable", "codefences":
            break
        default:
            return "unknown code block option '\(key)' (known: linenos, hl_lines, linenostart, lineanchors, anchorlinenos)"
        }
        return nil
    }

    private mutating func take(while accept: (Character) -> Bool) -> ArraySlice<Character> {
        let start = index
        while index < text.count, accept(text[index]) { index += 1 }
        return text[start..<index]
    }

    private mutating func skipSpaces() {
        while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
    }

    private mutating func skipSeparators() {
        while index < text.count, text[index] == " " || text[index] == "\t" || text[index] == "," { index += 1 }
    }
}
