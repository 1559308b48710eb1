/// Passes every link and image destination to the caller's ``LinkRewriter``.
struct LinkRewritePass {
    var rewrite: LinkRewriter

    /// Rewrites `links`; a broken destination is an error at the link's position.
    func run(_ links: [(node: CmarkNode, block: Int?)], in context: ConversionContext) {
        for (node, block) in links {
            switch rewrite(node.url) {
            case .keep:
                break
            case .replace(let url):
                node.url = url
            case .broken(let message):
                var position = (line: 0, column: 0)
                if let block, node.startLine > 0 { position = context.map.originalPosition(of: node, block: block) }
                context.report(.error, line: position.line, column: position.column, message)
            }
        }
    }
}
