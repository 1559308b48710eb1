import CCmark

/// Gives every heading an id, renders it with the id (and an optional self-link), and builds the
/// table of contents.
///
/// Ids come from ``Slug`` (`## 提言 1：首脳外交` → `提言-1首脳外交`); a repeated id gets `-1`, `-2`…;
/// an empty one becomes `section-N` (N counts headings from 1). `{#custom-id}` at the end of a heading
/// sets the id and is removed. Automatic ids never start with `fn-` or `fnref-`, which footnotes use:
/// such a slug gets an `h-` prefix.
///
/// The heading node stays; it is tagged (``NodeTag/heading(_:)``) so ``HTMLRenderer`` writes it as
/// libcmark would, plus the `id` and the self-link (``PassMarkup/headings``).
struct HeadingPass {
    var options: MarkdownOptions

    /// Assigns ids to `headings` (document order, body first), reserving them in `usedIDs`, and tags
    /// the heading nodes with their markup. Returns the table of contents of the body headings.
    func run(_ headings: [HeadingInfo], usedIDs: inout Set<ExactString>, in context: ConversionContext) -> [TOCEntry] {
        var explicitSeen: Set<ExactString> = []
        for heading in headings {
            guard let id = heading.explicitID else { continue }
            if !explicitSeen.insert(ExactString(id)).inserted {
                context.report(.warning, line: heading.line, column: heading.column, "heading id \"\(id)\" is used by an earlier heading")
            } else if ExactString(id).hasPrefix("fn-") || ExactString(id).hasPrefix("fnref-") {
                context.report(
                    .warning, line: heading.line, column: heading.column,
                    "heading id \"\(id)\" may clash with footnote ids (fn-…, fnref-…)")
            }
        }
        usedIDs.formUnion(explicitSeen)
        var nextSuffix: [ExactString: Int] = [:]
        var entries: [TOCEntry] = []
        context.markup.headingAttributes.reserve(entries: headings.count, bytesEach: 40)
        context.markup.headingAnchors.reserve(entries: options.headingAnchors ? headings.count : 0, bytesEach: 160)
        for (index, heading) in headings.enumerated() {
            let id: String
            if let explicit = heading.explicitID {
                id = explicit
            } else {
                var base = Slug.make(heading.title)
                if base.isEmpty { base = "section-\(index + 1)" }
                if ExactString(base).hasPrefix("fn-") || ExactString(base).hasPrefix("fnref-") { base = "h-" + base }
                if usedIDs.insert(ExactString(base)).inserted {
                    id = base
                } else {
                    var suffix = nextSuffix[ExactString(base)] ?? 1
                    var candidate = "\(base)-\(suffix)"
                    while !usedIDs.insert(ExactString(candidate)).inserted {
                        suffix += 1
                        candidate = "\(base)-\(suffix)"
                    }
                    id = candidate
                    nextSuffix[ExactString(base)] = suffix + 1
                }
            }
            render(heading, id: id, in: context)
            if heading.inBody, heading.level == 2 || heading.level == 3 {
                // h2 and h3 entries, each h3 under the h2 before it (or on its own before the first h2).
                let entry = TOCEntry(level: heading.level, id: id, title: heading.title)
                if heading.level == 3, let last = entries.indices.last, entries[last].level == 2 {
                    entries[last].children.append(entry)
                } else {
                    entries.append(entry)
                }
            }
        }
        return entries
    }

    /// Tags the heading with its markup: the `id` attribute and the optional self-link.
    private func render(_ heading: HeadingInfo, id: String, in context: ConversionContext) {
        let index = context.markup.headingAttributes.append { attributes in
            attributes.append(" id=\"")
            attributes.append(escaping: id)
            attributes.append("\"")
        }
        context.markup.headingAnchors.append { anchor in
            guard options.headingAnchors else { return }
            anchor.append(" <a class=\"heading-anchor\" href=\"#")
            anchor.append(escaping: id)
            anchor.append("\" aria-label=\"")
            anchor.append(escaping: options.headingAnchorLabel)
            anchor.append(": ")
            anchor.append(escaping: heading.title)
            anchor.append("\" data-search-ignore>#</a>")
        }
        heading.node.tag = .heading(index)
    }

    // MARK: Reading headings

    /// Reads a heading: removes a trailing `{#id}` (not backslash-escaped) and returns its id and title.
    static func read(_ node: CmarkNode, block: Int, inBody: Bool, in context: ConversionContext) -> HeadingInfo {
        let explicitID = explicitID(of: node, block: block, in: context)
        let position = context.map.originalPosition(
            text: context.map.blocks[block].text, line: node.startLine, offset: node.startColumn - 1)
        return HeadingInfo(
            node: node, level: node.headingLevel, title: title(of: node, joinsLines: context.joinsLines), explicitID: explicitID,
            line: position.line, column: position.column, inBody: inBody)
    }

    private static func explicitID(
        of heading: CmarkNode, block: Int, in context: ConversionContext
    ) -> String? {
        guard let last = heading.lastChild, last.type == CMARK_NODE_TEXT, last.literalBytes.last == 0x7D else { return nil }
        let literal = Array(last.literalBytes)
        var open = literal.count - 2
        while open > 0, !(literal[open - 1] == 0x7B && literal[open] == 0x23) { open -= 1 }
        guard open > 0 else { return nil }
        let brace = open - 1
        // `{#id}` must stand apart from the title: `## Title {#id}`.
        guard brace == 0 || literal[brace - 1] == 0x20 || literal[brace - 1] == 0x09 else { return nil }
        let idBytes = literal[(open + 1)..<(literal.count - 1)]
        guard !idBytes.isEmpty else { return nil }
        let id = String(decoding: idBytes, as: UTF8.self)
        guard id.unicodeScalars.allSatisfy(isIDCharacter) else { return nil }
        if last.startLine > 0 {
            let located = context.map.locate(line: last.startLine, column: last.startColumn, block: block)
            let raw = context.map.span(
                text: context.map.blocks[block].text, line: located.line, offset: located.offset,
                length: last.endColumn - last.startColumn + 1)
            if context.smartPunctuation || raw.count != literal.count {
                var aligner = LiteralAligner(raw: raw, literal: literal)
                if aligner.locate(brace).escaped { return nil }
            }
        }
        var end = brace
        while end > 0, literal[end - 1] == 0x20 || literal[end - 1] == 0x09 { end -= 1 }
        if end == 0 {
            last.free()
        } else {
            literal.withUnsafeBufferPointer { last.setLiteral(UnsafeBufferPointer(rebasing: $0[0..<end])) }
        }
        return id
    }

    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "_", ".", ":": return true
        default:
            if scalar.isASCII {
                return LineSyntax.isASCIILetter(UInt8(scalar.value)) || LineSyntax.isASCIIDigit(UInt8(scalar.value))
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    /// The heading's text: text and code (struck through too), breaks as spaces (none for the soft breaks
    /// the HTML leaves out when `joinsLines`); images, raw HTML and footnote references left out.
    static func title(of heading: CmarkNode, joinsLines: Bool) -> String {
        // Most headings hold one text node.
        if let only = heading.firstChild, only.next == nil, only.type == CMARK_NODE_TEXT {
            let literal = only.literalBytes
            if let first = literal.first, let last = literal.last, !isTrimmed(first), !isTrimmed(last) {
                return String(decoding: literal, as: UTF8.self)
            }
        }
        var bytes: [UInt8] = []
        CmarkWalk.walk(heading) { node, entering in
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                bytes.append(contentsOf: node.literalBytes)
            case CMARK_NODE_SOFTBREAK:
                if SoftBreakJoiner.isKept(node, joiningLines: joinsLines) { bytes.append(0x20) }
            case CMARK_NODE_LINEBREAK:
                bytes.append(0x20)
            case CMARK_NODE_IMAGE:
                return entering ? .skipChildren : .proceed
            case CMARK_NODE_CUSTOM_INLINE:
                // Struck-through text is part of the title; footnote references are not.
                if node.tag == .strikethrough { return .proceed }
                return entering ? .skipChildren : .proceed
            default:
                break
            }
            return .proceed
        }
        return String(decoding: bytes, as: UTF8.self).trimmingASCIISpaces()
    }

    /// The bytes ``String/trimmingASCIISpaces()`` removes: spaces, tabs and line breaks.
    static func isTrimmed(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingASCIISpaces() -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0.isASCII && HeadingPass.isTrimmed(UInt8($0.value)) }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
