/// Finds a YAML alias used as a mapping key (`*a : x`, `? *a`, `[*a]: x`) before Yams composes the text.
///
/// Yams checks every mapping for duplicate keys by hashing them, and hashing an alias expands it: a key such
/// as `? *bomb` would take minutes before `AliasBudget` could look at the document. Teigen's keys are plain
/// text, so an alias key is refused outright. This is a scan of YAML's surface syntax (indicators, quotes,
/// block scalars, comments), enough to tell where a node starts; the text is parsed properly by Yams
/// afterwards, so text this scan misreads is at worst reported by Yams itself.
struct AliasKeyScanner {
    /// The 1-based line and column (in Unicode scalars) of an alias used as a key, with its name.
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var name: String
    }

    /// The first alias used as a key in `yaml`, or nil. Costs nothing for text without both `&` and `*`.
    static func firstAliasKey(in yaml: String) -> Finding? {
        guard yaml.utf8.contains(UInt8(ascii: "&")), yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var scanner = AliasKeyScanner()
        var lineNumber = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if let finding = scanner.scan(Array(line.unicodeScalars), line: lineNumber) { return finding }
        }
        return nil
    }

    private enum Quote { case single, double }

    /// An open quoted scalar (quotes may span lines).
    private var quote: Quote?
    /// The indentation of the line that opened a block scalar (`|`, `>`) whose content lines are being skipped.
    private var blockScalarParent: Int?
    /// Nesting of flow collections, and whether the outermost one being read holds an alias.
    private var flowDepth = 0
    private var flowHasAlias: Finding?
    /// The indentation of an explicit key (`? `) whose content is being read; aliases in it are keys.
    private var explicitKeyIndent: Int?

    private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }

    private mutating func scan(_ line: [Unicode.Scalar], line number: Int) -> Finding? {
        var index = 0
        while index < line.count, line[index] == " " { index += 1 }
        let indent = index
        let blank = index == line.count || line[index] == "#"
        if let parent = blockScalarParent {
            if blank || indent > parent { return nil }
            blockScalarParent = nil
        }
        if let keyIndent = explicitKeyIndent, !blank, indent <= keyIndent, quote == nil, flowDepth == 0 {
            explicitKeyIndent = nil
        }
        var atNodeStart = quote == nil
        while index < line.count {
            let scalar = line[index]
            if let open = quote {
                if open == .double, scalar == "\\" {
                    index += 2
                    continue
                }
                if (open == .double && scalar == "\"") || (open == .single && scalar == "'") {
                    if open == .single, index + 1 < line.count, line[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    quote = nil
                    atNodeStart = false
                }
                index += 1
                continue
            }
            let next: Unicode.Scalar? = index + 1 < line.count ? line[index + 1] : nil
            let nextIsBreak = next == nil || next == " " || (flowDepth > 0 && (next == "," || next == "]" || next == "}"))
            switch scalar {
            case " ":
                break
            case "#" where index == 0 || line[index - 1] == " ":
                return nil
            case "-" where atNodeStart && nextIsBreak:
                break
            case "?" where atNodeStart && nextIsBreak:
                if flowDepth == 0 { explicitKeyIndent = explicitKeyIndent ?? index }
            case ":" where nextIsBreak || flowDepth > 0 && next == nil:
                if flowDepth == 0 { explicitKeyIndent = nil }
                atNodeStart = true
            case "[", "{":
                flowDepth += 1
                atNodeStart = true
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
                atNodeStart = false
                if flowDepth == 0, let alias = flowHasAlias {
                    // `[*a]: x`: the collection just closed is a key when a ':' follows it.
                    var after = index + 1
                    while after < line.count, line[after] == " " { after += 1 }
                    if after < line.count, line[after] == ":" { return alias }
                    flowHasAlias = nil
                }
            case "," where flowDepth > 0:
                atNodeStart = true
            case "\"" where atNodeStart:
                quote = .double
            case "'" where atNodeStart:
                quote = .single
            case "|", ">":
                if atNodeStart, flowDepth == 0 {
                    blockScalarParent = indent
                    return nil
                }
                atNodeStart = false
            case "&", "!":
                // A node's anchor or tag: the node itself starts after it.
                if atNodeStart {
                    while index + 1 < line.count, line[index + 1] != " " { index += 1 }
                } else {
                    atNodeStart = false
                }
            case "*" where atNodeStart:
                let start = index
                var name = ""
                while index + 1 < line.count, Self.isAnchorCharacter(line[index + 1]) {
                    index += 1
                    name.unicodeScalars.append(line[index])
                }
                let finding = Finding(line: number, column: start + 1, name: name)
                if explicitKeyIndent != nil { return finding }
                var after = index + 1
                while after < line.count, line[after] == " " { after += 1 }
                if after < line.count, line[after] == ":",
                    after + 1 == line.count || [" ", ",", "]", "}"].contains(line[after + 1]) {
                    return finding
                }
                if flowDepth > 0, flowHasAlias == nil { flowHasAlias = finding }
                atNodeStart = false
            default:
                // Plain text: a node starts again only after an indicator.
                atNodeStart = false
            }
            index += 1
        }
        return nil
    }
}
