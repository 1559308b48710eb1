/// Passes every link and image destination to the caller's ``LinkRewriter``.
struct LinkRewritePass {
    var rewrite: LinkRewriter

    func run(_ links: [(node: CmarkNode, block: Int?)], map: inout SourceMap, issues: inout [MarkdownIssue]) {
        for (node, block) in links {
            switch rewrite(node.url) {
            case .keep:
                break
            case .replace(let url):
                node.url = url
            case .broken(let message):
                var position = (line: 0, column: 0)
                if let block, node.startLine > 0 { position = map.originalPosition(of: node, block: block) }
                issues.append(MarkdownIssue(severity: .error, line: position.line, column: position.column, message: message))
            }
        }
    }
}
