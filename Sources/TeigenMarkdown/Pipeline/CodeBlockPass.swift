import CCmark

/// Makes each fenced code block with an info string a fragment whose HTML a tool makes afterwards
/// (``MarkdownFragment``): code to highlight, or, with ``MarkdownOptions/math``, a `math` block's formula.
/// The block keeps libcmark's rendering until then.
struct CodeBlockPass {
    /// Tags `blocks` (parsed from text `text` of the map) as fragments.
    func run(_ blocks: [CmarkNode], text: Int, in context: ConversionContext) {
        for node in blocks {
            let info = cmark_node_get_fence_info(node.raw).map { String(cString: $0) } ?? ""
            var code = String(decoding: node.literalBytes, as: UTF8.self)
            let language = info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
            let kind: MarkdownFragment.Kind
            if context.options.math, language == "math" {
                if code.hasSuffix("\n") { code.removeLast() }
                kind = .math(display: true)
            } else {
                kind = .code(info: info)
            }
            let position = context.map.originalPosition(text: text, line: node.startLine, offset: max(0, node.startColumn - 1))
            node.tag = .fragment(context.fragments.count)
            context.fragments.append(MarkdownFragment(kind: kind, text: code, line: position.line, column: position.column))
        }
    }
}
