/// Finds the tags of a template's text, with their positions: the walk that ``Theme``'s queries (the
/// partials a template includes, the names it reads, the text of its lambda sections) are answered from.
///
/// It follows swift-mustache's syntax (sigils, triple mustaches, comments, set-delimiter tags, transforms
/// such as `{{uppercased(name)}}`) and is run on templates swift-mustache has compiled, so it does not
/// report syntax errors of its own.
struct TagScanner {
    private let scalars: [Unicode.Scalar]
    private var start: [Unicode.Scalar] = Array("{{".unicodeScalars)
    private var end: [Unicode.Scalar] = Array("}}".unicodeScalars)
    private var index = 0
    private var line = 1
    private var column = 1

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The tags of `text` in the order they are written.
    static func tags(in text: String) -> [TemplateTag] {
        var scanner = TagScanner(text)
        return scanner.scan()
    }

    private mutating func scan() -> [TemplateTag] {
        var tags: [TemplateTag] = []
        /// Open sections: their index in `tags`, where their body starts, and how many tags came before it.
        var open: [(tag: Int, bodyStart: Int, tagCount: Int)] = []
        while index < scalars.count {
            guard matches(start, at: index) else {
                step()
                continue
            }
            let (tagStart, tagLine, tagColumn) = (index, line, column)
            advance(by: start.count)
            guard let tag = readTag(line: tagLine, column: tagColumn) else { continue }
            switch tag.kind {
            case .section, .invertedSection, .block, .parent:
                open.append((tags.count, index, tags.count + 1))
            case .close:
                if let (opening, bodyStart, tagCount) = open.popLast() {
                    tags[opening].body = String(String.UnicodeScalarView(scalars[bodyStart..<tagStart]))
                    tags[opening].bodyHasTags = tags.count > tagCount
                }
            case .variable, .partial:
                break
            }
            tags.append(tag)
        }
        return tags
    }

    /// Reads one tag after its opening delimiter; nil for comments and set-delimiter tags.
    private mutating func readTag(line: Int, column: Int) -> TemplateTag? {
        let sigil = index < scalars.count ? scalars[index] : " "
        let kind: TemplateTag.Kind
        switch sigil {
        case "!":
            skip(past: end)
            return nil
        case "=":
            advance(by: 1)
            let content = read(until: Array("=".unicodeScalars) + end)
            let delimiters = content.split(whereSeparator: \.isWhitespace)
            if delimiters.count == 2 {
                start = Array(delimiters[0].unicodeScalars)
                end = Array(delimiters[1].unicodeScalars)
            }
            return nil
        case "%":
            skip(past: end)
            return nil
        case "#": kind = .section
        case "^": kind = .invertedSection
        case "/": kind = .close
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        default: kind = .variable
        }
        if sigil == "#" || sigil == "^" || sigil == "/" || sigil == ">" || sigil == "<" || sigil == "$" || sigil == "&" || sigil == "{" {
            advance(by: 1)
        }
        let closing = sigil == "{" ? Array("}".unicodeScalars) + end : end
        while index < scalars.count, scalars[index].properties.isWhitespace { step() }
        let (nameLine, nameColumn) = (self.line, self.column)
        var name = read(until: closing)
        while let last = name.unicodeScalars.last, last.properties.isWhitespace { name.unicodeScalars.removeLast() }
        var offset = 0
        if kind != .partial, kind != .parent, let open = name.lastIndex(of: "(") {
            // A transform, `first(reversed(site.menus))`: the name is the innermost argument.
            offset = name.distance(from: name.startIndex, to: open) + 1
            name = String(name[name.index(after: open)...].prefix { $0 != ")" })
        }
        return TemplateTag(kind: kind, name: name, line: line, column: column, nameLine: nameLine, nameColumn: nameColumn + offset)
    }

    /// Reads up to `delimiter` and past it; the text before it.
    private mutating func read(until delimiter: [Unicode.Scalar]) -> String {
        var text = String.UnicodeScalarView()
        while index < scalars.count, !matches(delimiter, at: index) {
            text.append(scalars[index])
            step()
        }
        advance(by: delimiter.count)
        return String(text)
    }

    private mutating func skip(past delimiter: [Unicode.Scalar]) {
        _ = read(until: delimiter)
    }

    private func matches(_ delimiter: [Unicode.Scalar], at position: Int) -> Bool {
        guard position + delimiter.count <= scalars.count else { return false }
        for (offset, scalar) in delimiter.enumerated() where scalars[position + offset] != scalar { return false }
        return true
    }

    private mutating func advance(by count: Int) {
        for _ in 0..<count where index < scalars.count { step() }
    }

    /// Moves one scalar on, keeping the line and column.
    private mutating func step() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }
}
