import CCmark

/// Finds the placeholders of a ``PlaceholderScan`` in the parsed tree and gives them their meaning:
/// a formula's code span becomes a math fragment (``NodeTag/fragment(_:)``), and shortcode tags are
/// paired, their inner blocks or inlines moved into a custom node, and rendered through the caller's
/// ``ShortcodeRenderer`` (``NodeTag/shortcode(_:)``). Problems are errors at the tag (or the argument).
///
/// Placeholders are matched in document order: every code span of the tree with the scanner's list of
/// code spans (the author's own included), and every HTML node shaped as a placeholder comment with the
/// scanner's comments, checking the number written in it.
struct PlaceholderPass {
    let scan: PlaceholderScan
    /// The parsed text's index in the context's map.
    let text: Int

    func run(_ root: CmarkNode, in context: ConversionContext) {
        var shortcodes: [(node: CmarkNode, span: ShortcodeSpan, position: PlaceholderSpan)] = []
        for (node, index) in placeholders(in: root) {
            let span = scan.spans[index]
            switch span.kind {
            case .math(let display):
                let position = context.map.originalPosition(text: text, line: span.line, offset: span.offset)
                node.tag = .fragment(context.fragments.count)
                if display { context.markup.displayFormulas.insert(context.fragments.count) }
                context.fragments.append(MarkdownFragment(
                    kind: .math(display: display), text: String(decoding: node.literalBytes, as: UTF8.self),
                    line: position.line, column: position.column))
            case .shortcode(let shortcode):
                shortcodes.append((node, shortcode, span))
            }
        }
        if !shortcodes.isEmpty, let render = context.hooks.shortcode {
            ShortcodeNesting(render: render, text: text).apply(shortcodes, in: context)
        }
    }

    /// The placeholder nodes under `root` and their spans, in document order.
    private func placeholders(in root: CmarkNode) -> [(node: CmarkNode, span: Int)] {
        var found: [(node: CmarkNode, span: Int)] = []
        var nextCode = 0
        var nextComment = 0
        CmarkWalk.walk(root) { node, entering in
            guard entering else { return .proceed }
            switch node.type {
            case CMARK_NODE_CODE:
                guard nextCode < scan.codeSpans.count else { return .proceed }
                let expected = scan.codeSpans[nextCode]
                nextCode += 1
                if let expected, matches(node, span: expected) { found.append((node, expected)) }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                guard nextComment < scan.commentSpans.count, let digits = Self.commentDigits(node) else { return .proceed }
                let expected = scan.commentSpans[nextComment]
                if String(expected).hasSuffix(digits) {
                    found.append((node, expected))
                    nextComment += 1
                }
            default:
                break
            }
            return .proceed
        }
        return found
    }

    /// Whether code span `node` is the placeholder of span `index`: any code span for a formula (its TeX
    /// is its literal), digits that end the span's number for a shortcode.
    private func matches(_ node: CmarkNode, span index: Int) -> Bool {
        guard case .shortcode = scan.spans[index].kind else { return true }
        let literal = node.literalBytes
        let digits = literal.filter { $0 != 0x20 }
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return String(index).hasSuffix(String(decoding: digits, as: UTF8.self))
    }

    /// The digits of an HTML node shaped as a placeholder comment (`<!--12   -->`), or nil for another.
    static func commentDigits(_ node: CmarkNode) -> String? {
        var bytes = Array(node.literalBytes.drop { $0 == 0x20 || $0 == 0x09 })
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 { bytes.removeLast() }
        guard bytes.count >= 7, bytes.starts(with: Array("<!--".utf8)), bytes.suffix(3).elementsEqual("-->".utf8) else { return nil }
        var digits: [UInt8] = []
        for byte in bytes[4..<(bytes.count - 3)] {
            switch byte {
            case 0x30...0x39: digits.append(byte)
            case 0x20, 0x0A, 0x0D: continue
            default: return nil
            }
        }
        return String(decoding: digits, as: UTF8.self)
    }
}
