import CCmark

/// Passes every link and image destination to the caller's ``LinkRewriter``, and every image to the
/// caller's ``ImageResolver`` first when there is one.
struct LinkRewritePass {
    var rewrite: LinkRewriter?
    var image: ImageResolver?

    /// Rewrites `links`; a broken destination or a missing image is an error at its position, an image
    /// without alt text a warning.
    func run(_ links: [(node: CmarkNode, block: Int?)], in context: ConversionContext) {
        for (node, block) in links {
            if let image, node.type == CMARK_NODE_IMAGE, resolve(node, block: block, with: image, in: context) { continue }
            guard let rewrite else { continue }
            switch rewrite(node.url) {
            case .keep:
                break
            case .replace(let url):
                node.url = url
            case .broken(let message):
                report(.error, message, node: node, block: block, in: context)
            }
        }
    }

    /// Asks `image` about the image `node`; returns whether it decided (HTML written, or an error).
    private func resolve(_ node: CmarkNode, block: Int?, with image: ImageResolver, in context: ConversionContext) -> Bool {
        let title = cmark_node_get_title(node.raw).map { String(cString: $0) }
        let reference = ImageReference(destination: node.url, alt: Self.altText(of: node), title: title?.isEmpty == false ? title : nil)
        switch image(reference) {
        case .keep:
            return false
        case .html(let html, let resources):
            context.resources += resources
            node.tag = .image(context.markup.images.append { $0.append(contentsOf: html.utf8) })
            if reference.alt.allSatisfy(\.isWhitespace) {
                report(
                    .warning,
                    "image '\(reference.destination)' has no alt text: describe it between the brackets (![…](\(reference.destination))) for readers who cannot see it",
                    node: node, block: block, in: context)
            }
        case .failure(let message):
            report(.error, message, node: node, block: block, in: context)
        }
        return true
    }

    private func report(_ severity: MarkdownIssue.Severity, _ message: String, node: CmarkNode, block: Int?, in context: ConversionContext) {
        var position = (line: 0, column: 0)
        if let block, node.startLine > 0 { position = context.map.originalPosition(of: node, block: block) }
        context.report(severity, line: position.line, column: position.column, message)
    }

    /// The plain text of an image's description, as libcmark writes it into `alt`: text, code and inline
    /// HTML, line breaks as spaces.
    static func altText(of image: CmarkNode) -> String {
        var bytes: [UInt8] = []
        CmarkWalk.walk(image) { node, entering in
            guard entering else { return .proceed }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: bytes.append(contentsOf: node.literalBytes)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: bytes.append(0x20)
            default: break
            }
            return .proceed
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
