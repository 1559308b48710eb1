import CCmark

/// Pairs the shortcode tags found in a tree, moves what stands between a pair into a custom node, and
/// renders every call with the caller's ``ShortcodeRenderer`` (``PlaceholderPass``).
///
/// An opening tag is paired with the next closing tag of its name among its siblings (tags nest); a tag
/// without a closing one is a call on its own. A paired call's HTML is cut at
/// ``ShortcodeCall/innerMarker``: the part before it is written when the renderer enters the custom
/// node, the part after when it leaves it, and the inner Markdown is rendered in between like any other.
struct ShortcodeNesting {
    let render: ShortcodeRenderer
    /// The parsed text's index in the context's map (for positions).
    let text: Int

    /// One tag found: its placeholder node, what the scanner read, and where it starts.
    typealias Found = (node: CmarkNode, span: ShortcodeSpan, position: PlaceholderSpan)

    func apply(_ tags: [Found], in context: ConversionContext) {
        var open: [Int] = []
        var closing: [Int: Int] = [:]  // opening tag → its closing tag
        var handled = Set<Int>()
        for (index, found) in tags.enumerated() {
            guard case .success(let tag) = found.span.tag else {
                report(found, in: context)
                handled.insert(index)
                continue
            }
            if !tag.isClosing {
                if !tag.closesItself { open.append(index) }
                continue
            }
            guard let match = open.lastIndex(where: { tags[$0].span.name == tag.name }) else {
                error("'{{< /\(tag.name) >}}' closes no '{{< \(tag.name) >}}' opened before it", at: found, in: context)
                handled.insert(index)
                continue
            }
            let opening = open[match]
            open.removeSubrange(match...)
            guard tags[opening].node.parent == found.node.parent else {
                error(
                    "'{{< /\(tag.name) >}}' must close '{{< \(tag.name) >}}' in the same block: put both tags on lines of their own, with the content between them",
                    at: found, in: context)
                handled.insert(index)
                continue
            }
            closing[opening] = index
            handled.insert(index)
        }
        for (index, found) in tags.enumerated() where !handled.contains(index) {
            guard case .success(let tag) = found.span.tag else { continue }
            let wrapper = CmarkNode.tagged(block: found.node.type == CMARK_NODE_HTML_BLOCK, .shortcode(context.markup.shortcodeOpenings.count))
            found.node.insertBefore(wrapper)
            let end = closing[index].map { tags[$0].node }
            if let end {
                while let next = found.node.next, next != end { wrapper.append(next) }
            }
            var (opening, closingHTML) = html(of: tag, found: found, paired: end != nil, in: context)
            if found.node.type == CMARK_NODE_HTML_BLOCK {
                // The renderer starts the closing part on a line of its own.
                closingHTML = String(closingHTML.drop { $0 == "\n" })
            } else {
                // Inside a line of text, a template's line breaks would be spaces.
                opening = String(opening.drop(while: \.isNewline))
                if end == nil { opening = String(opening.reversed().drop(while: \.isNewline).reversed()) }
                closingHTML = String(closingHTML.reversed().drop(while: \.isNewline).reversed())
            }
            context.markup.shortcodeOpenings.append { $0.append(contentsOf: opening.utf8) }
            context.markup.shortcodeClosings.append { $0.append(contentsOf: closingHTML.utf8) }
            end?.free()
            found.node.free()
        }
        // Unreadable tags and closing tags that close nothing are left out (the matched ones went with their pair).
        let matched = Set(closing.values)
        for index in handled where !matched.contains(index) { tags[index].node.free() }
    }

    /// The HTML before and after the inner content of one call (or its whole HTML and nothing).
    private func html(of tag: ShortcodeTag, found: Found, paired: Bool, in context: ConversionContext) -> (String, String) {
        let call = ShortcodeCall(name: tag.name, arguments: tag.arguments.map(\.argument), isPaired: paired)
        switch render(call) {
        case .failure(let message, let argument):
            error(message, at: found, argument: argument, in: context)
            return ("", "")
        case .html(let html, let resources, let warnings):
            context.resources += resources
            for warning in warnings { report(.warning, warning, at: found, in: context) }
            let parts = html.split(separator: ShortcodeCall.innerMarker, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 1 {
                if paired {
                    error(
                        "shortcode '\(tag.name)' has inner content, but its template does not write it: add {{{inner}}} to the template, or remove '{{< /\(tag.name) >}}'",
                        at: found, in: context)
                }
                return (html, "")
            }
            if parts.count > 2 {
                error("the template of shortcode '\(tag.name)' writes {{{inner}}} more than once", at: found, in: context)
            }
            return paired ? (parts[0], parts[1...].joined()) : (parts.joined(), "")
        }
    }

    /// Reports an unreadable tag at the place the scanner found wrong.
    private func report(_ found: Found, in context: ConversionContext) {
        guard case .failure(let problem) = found.span.tag else { return }
        let place = found.span.errorPosition ?? (found.position.line, found.position.offset)
        let position = context.map.originalPosition(text: text, line: place.line, offset: place.offset)
        context.report(.error, line: position.line, column: position.column, problem.message)
    }

    private func error(_ message: String, at found: Found, argument: Int? = nil, in context: ConversionContext) {
        report(.error, message, at: found, argument: argument, in: context)
    }

    private func report(
        _ severity: MarkdownIssue.Severity, _ message: String, at found: Found, argument: Int? = nil, in context: ConversionContext
    ) {
        var place = (line: found.position.line, offset: found.position.offset)
        if let argument, argument < found.span.argumentPositions.count { place = found.span.argumentPositions[argument] }
        let position = context.map.originalPosition(text: text, line: place.line, offset: place.offset)
        context.report(severity, line: position.line, column: position.column, message)
    }
}

extension ShortcodeSpan {
    /// The tag's name, when it could be read.
    var name: String? {
        if case .success(let tag) = tag { return tag.name }
        return nil
    }
}
