/// Where the top-level keys of a TOML document, their values and the items of top-level arrays were written.
///
/// TOMLKit gives values but not their positions, which messages about a front matter value need (`'draft' must be
/// true or false`, at the value). This reads only the surface of a document toml++ has already accepted: comments,
/// the four kinds of strings, brackets, table headers and the keys before `=`.
struct TOMLLocator {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var position = KeyPlace.Position(line: 1, column: 1)

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The places of the root table's keys: `key = value` lines before the first table header, the first segment
    /// of a dotted key (`params.x = 1` is `params`), and the first segment of each table header (`[params]`).
    static func places(in toml: String) -> [String: KeyPlace] {
        var locator = TOMLLocator(toml)
        return locator.readDocument()
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        guard let scalar = current else { return }
        if scalar == "\n" {
            position = KeyPlace.Position(line: position.line + 1, column: 1)
        } else {
            position.column += 1
        }
        index += 1
    }

    private mutating func skipBlanks(newlines: Bool) {
        while let scalar = current {
            if scalar == " " || scalar == "\t" || scalar == "\r" || (newlines && scalar == "\n") {
                advance()
            } else if newlines, scalar == "#" {
                skipToEndOfLine()
            } else {
                return
            }
        }
    }

    private mutating func skipToEndOfLine() {
        while let scalar = current, scalar != "\n" { advance() }
    }

    private mutating func readDocument() -> [String: KeyPlace] {
        var places: [String: KeyPlace] = [:]
        var inRootTable = true
        while current != nil {
            let startIndex = index
            skipBlanks(newlines: true)
            guard let start = current else { break }
            if start == "[" {
                while current == "[" { advance() }
                skipBlanks(newlines: false)
                let at = position
                if let name = readKey(), places[name] == nil { places[name] = KeyPlace(key: at, value: at) }
                inRootTable = false
                skipToEndOfLine()
                continue
            }
            let at = position
            let name = readKey()
            skipBlanks(newlines: false)
            if current == "=" { advance() }
            skipBlanks(newlines: false)
            let valueAt = position
            var items: [KeyPlace.Position] = []
            skipValue(items: &items)
            if inRootTable, let name, places[name] == nil {
                places[name] = KeyPlace(key: at, value: valueAt, items: items)
            }
            skipBlanks(newlines: false)
            if current == "#" { skipToEndOfLine() }
            if index == startIndex { advance() }  // Never stall on text this reader does not expect.
        }
        return places
    }

    /// Reads a (dotted) key up to `=` or `]` and returns its first segment.
    private mutating func readKey() -> String? {
        var first: String?
        while let scalar = current, scalar != "=", scalar != "]", scalar != "\n" {
            if scalar == "\"" || scalar == "'" {
                let segment = readString()
                if first == nil { first = segment }
            } else if scalar == "." || scalar == " " || scalar == "\t" {
                advance()
            } else {
                var segment = ""
                while let scalar = current, scalar != "=", scalar != "]", scalar != ".", scalar != " ", scalar != "\t", scalar != "\n" {
                    segment.unicodeScalars.append(scalar)
                    advance()
                }
                if first == nil { first = segment }
            }
        }
        return first
    }

    /// Skips a value (strings, arrays and inline tables over any number of lines), noting where each item of a
    /// top-level array starts.
    private mutating func skipValue(items: inout [KeyPlace.Position]) {
        var containers: [Unicode.Scalar] = []
        var expectItem = false
        repeat {
            skipBlanks(newlines: !containers.isEmpty)
            guard let scalar = current else { return }
            if expectItem, containers == ["["], scalar != "]", scalar != "," { items.append(position) }
            expectItem = false
            switch scalar {
            case "\"", "'":
                _ = readString()
            case "[", "{":
                containers.append(scalar)
                expectItem = scalar == "[" && containers.count == 1
                advance()
            case "]", "}":
                _ = containers.popLast()
                advance()
            case ",":
                expectItem = containers.count == 1
                advance()
            case "\n", "#":
                if containers.isEmpty { return }
                advance()
            default:
                advance()
            }
        } while !containers.isEmpty
    }

    /// Reads a basic, literal or multi-line string and returns its raw content (escapes left as written).
    private mutating func readString() -> String {
        guard let quote = current else { return "" }
        let multiLine = peek(1) == quote && peek(2) == quote
        for _ in 0..<(multiLine ? 3 : 1) { advance() }
        var content = ""
        while let scalar = current {
            if scalar == "\\", quote == "\"" {
                content.unicodeScalars.append(scalar)
                advance()
                if let escaped = current { content.unicodeScalars.append(escaped) }
                advance()
                continue
            }
            if scalar == quote {
                if !multiLine {
                    advance()
                    return content
                }
                if peek(1) == quote, peek(2) == quote {
                    // Up to two quotes may end the content right before the closing three.
                    var run = 0
                    while current == quote, run < 5 {
                        advance()
                        run += 1
                    }
                    content += String(repeating: Character(quote), count: run - 3)
                    return content
                }
            }
            if !multiLine, scalar == "\n" { return content }
            content.unicodeScalars.append(scalar)
            advance()
        }
        return content
    }
}
