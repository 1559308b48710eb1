import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A Swift port of libcmark 0.30.2's HTML renderer (`src/html.c`): for any node and options,
/// ``render(_:)`` returns exactly the String that `cmark_render_html(node, options)` does once it is
/// passed to `String(cString:)`.
///
/// It reads the tree through libcmark's public API only (node layout is private) and writes into an
/// ``HTMLBuffer`` with ``HTMLEscaper``'s escaping. What it follows from `html.c`:
/// - `cr()`: block tags start on a fresh line (a newline unless the output is empty or ends with one);
/// - `CMARK_OPT_UNSAFE`: without it raw HTML (blocks and inlines) becomes `<!-- raw HTML omitted -->`
///   and `javascript:`, `vbscript:`, `file:` and `data:` destinations (but `data:image/png|gif|jpeg|webp`)
///   are left out of `href`/`src`;
/// - `CMARK_OPT_HARDBREAKS` (soft break as `<br />\n`) over `CMARK_OPT_NOBREAKS` (as a space);
/// - paragraphs whose grandparent is a tight list lose their `<p>` tags;
/// - an image's alt text is its descendants' text, code and inline HTML, escaped, with breaks as spaces;
/// - a fenced code block's class is `language-` and its info string up to the first space
///   (libcmark has already resolved entities and backslash escapes in it);
/// - custom blocks write their on-enter/on-exit text on lines of their own, custom inlines in place.
///
/// Nodes Teigen's passes tagged (``NodeTag``) get their markup from ``PassMarkup``: a heading's `id`
/// and self-link, tables, footnotes, `<del>`, and a task list's classes (`<ul class="contains-task-list">`,
/// `<li class="task-list-item">`) and checkbox.
///
/// `CMARK_OPT_SOURCEPOS` is not supported: no `data-sourcepos` attributes are written.
/// `CMARK_OPT_SAFE` is a no-op, as in libcmark 0.30.2.
///
/// Every node goes through ``visit(_:_:entering:into:)``, the one switch over node types; each case
/// calls a small `write…` method per tag, so per-node hooks (an id on a heading's opening tag, a soft
/// break left out) fit in a few lines there.
struct HTMLRenderer {
    /// libcmark render options (CMARK_OPT_UNSAFE, CMARK_OPT_HARDBREAKS, CMARK_OPT_NOBREAKS).
    var options: Int32
    /// The markup of the nodes Teigen's passes tagged (``NodeTag``): headings' ids, tables, footnotes.
    var markup: PassMarkup
    /// Whether soft line breaks between two East Asian wide characters render as nothing (``SoftBreakJoiner``).
    var joinsLines: Bool

    /// A renderer with libcmark render `options`; with the defaults it writes what libcmark writes.
    init(options: Int32, markup: PassMarkup = PassMarkup(), joinsLines: Bool = false) {
        self.options = options
        self.markup = markup
        self.joinsLines = joinsLines
    }

    /// Renders `node` and its subtree exactly as cmark_render_html(node, options) does.
    ///
    /// The walk follows libcmark's iterator: leaf types (see ``CmarkWalk/isLeaf(_:)``) are visited once, on
    /// enter; every other node on enter and on exit, even without children. It follows the
    /// first-child, next and parent links itself rather than calling `cmark_iter_next` (measured
    /// 1–2% faster on a 5 MB document; the walk is bound by the cache misses of reaching each node).
    /// Iterative, so deep nesting cannot overflow the stack.
    func render(_ node: CmarkNode) -> String {
        var placements: [FragmentPlacement] = []
        return render(node, sourceLength: 0, placements: &placements)
    }

    /// ``render(_:)`` for a node parsed from `sourceLength` bytes of Markdown. A large document is
    /// written straight into the String's storage, reserved at 1.5 times that length plus room (pages
    /// reserved but never written cost nothing), which spares a copy of the whole HTML; when that is not
    /// enough, or for small ones, into a block of the buffer's own, made a String afterwards.
    ///
    /// Appends to `placements` where the plain rendering of each fragment (``NodeTag/fragment(_:)``) is.
    func render(_ node: CmarkNode, sourceLength: Int, placements: inout [FragmentPlacement]) -> String {
        let capacity = sourceLength + sourceLength / 2 + 65_536
        guard sourceLength >= 262_144 else {
            var out = HTMLBuffer()
            write(node, into: &out, placements: &placements)
            return out.makeString()
        }
        var spilled: String?
        var found: [FragmentPlacement] = []
        defer { placements += found }
        let html = String(unsafeUninitializedCapacity: capacity) { storage in
            var out = HTMLBuffer(writingInto: storage)
            write(node, into: &out, placements: &found)
            guard out.ownsMemory else { return out.count }
            spilled = out.makeString()
            return 0
        }
        return spilled ?? html
    }

    /// Writes `node` and its subtree into `out`.
    private func write(_ node: CmarkNode, into out: inout HTMLBuffer, placements: inout [FragmentPlacement]) {
        let root = node.raw
        var current = root
        walk: while true {
            let type = cmark_node_get_type(current)
            if CmarkWalk.isLeaf(type) {
                if case .fragment(let index) = NodeTag(bitPattern: cmark_node_get_user_data(current)) {
                    let start = out.count
                    writeFragment(current, type, display: markup.displayFormulas.contains(index), into: &out)
                    placements.append(FragmentPlacement(fragment: index, range: start..<out.count))
                } else {
                    _ = visit(current, type, entering: true, into: &out)
                }
            } else {
                if visit(current, type, entering: true, into: &out) == .proceed,
                    let child = cmark_node_first_child(current)
                {
                    current = child
                    continue walk
                }
                _ = visit(current, type, entering: false, into: &out)
            }
            // Done with `current`: on to its next sibling, or exit its ancestors up to the root.
            while current != root {
                if let next = cmark_node_next(current) {
                    current = next
                    continue walk
                }
                guard let parent = cmark_node_parent(current) else { break walk }
                current = parent
                _ = visit(current, cmark_node_get_type(current), entering: false, into: &out)
            }
            break walk
        }
    }

    // MARK: The switch

    /// Writes what `html.c`'s `S_render_node` writes for one event: `node` (of `type`) entered or exited.
    /// Returns `.skipChildren` when it has written the children itself (an image's alt text); the walk
    /// then goes straight to the node's exit.
    @inline(__always)
    private func visit(_ node: OpaquePointer, _ type: cmark_node_type, entering: Bool, into out: inout HTMLBuffer) -> WalkStep {
        switch type {
        case CMARK_NODE_TEXT:
            if case .tableTextRow(let row) = NodeTag(bitPattern: cmark_node_get_user_data(node)) {
                writeTextRow(node, row, into: &out)
            } else {
                writeEscapedLiteral(of: node, into: &out)
            }
        case CMARK_NODE_SOFTBREAK:
            if SoftBreakJoiner.isKept(CmarkNode(node), joiningLines: joinsLines) { writeSoftBreak(into: &out) }
        case CMARK_NODE_PARAGRAPH:
            if !Self.isInTightList(paragraph: node) {
                if entering { writeParagraphOpen(into: &out) } else { out.append("</p>\n") }
            }
        case CMARK_NODE_EMPH:
            out.append(entering ? "<em>" : "</em>")
        case CMARK_NODE_STRONG:
            out.append(entering ? "<strong>" : "</strong>")
        case CMARK_NODE_CODE:
            out.append("<code>")
            writeEscapedLiteral(of: node, into: &out)
            out.append("</code>")
        case CMARK_NODE_LINK:
            if entering { writeLinkOpen(node, into: &out) } else { out.append("</a>") }
        case CMARK_NODE_LINEBREAK:
            out.append("<br />\n")
        case CMARK_NODE_HTML_INLINE:
            writeRawHTML(of: node, into: &out)
        case CMARK_NODE_IMAGE:
            if case .image(let index) = NodeTag(bitPattern: cmark_node_get_user_data(node)) {
                if entering { markup.images.withEntry(index) { out.append($0) } }
                return .skipChildren
            }
            if entering {
                writeImageOpen(node, into: &out)
                return .skipChildren
            }
            writeImageClose(node, into: &out)
        case CMARK_NODE_HEADING:
            if entering { writeHeadingOpen(node, into: &out) } else { writeHeadingClose(node, into: &out) }
        case CMARK_NODE_ITEM:
            if entering { writeItemOpen(node, into: &out) } else { out.append("</li>\n") }
        case CMARK_NODE_LIST:
            if entering { writeListOpen(node, into: &out) } else { writeListClose(node, into: &out) }
        case CMARK_NODE_CODE_BLOCK:
            writeCodeBlock(node, into: &out)
        case CMARK_NODE_BLOCK_QUOTE:
            out.newlineIfNeeded()
            out.append(entering ? "<blockquote>\n" : "</blockquote>\n")
        case CMARK_NODE_THEMATIC_BREAK:
            out.newlineIfNeeded()
            out.append("<hr />\n")
        case CMARK_NODE_HTML_BLOCK:
            out.newlineIfNeeded()
            writeRawHTML(of: node, into: &out)
            out.newlineIfNeeded()
        case CMARK_NODE_CUSTOM_BLOCK:
            out.newlineIfNeeded()
            writeCustom(node, entering: entering, into: &out)
            out.newlineIfNeeded()
        case CMARK_NODE_CUSTOM_INLINE:
            writeCustom(node, entering: entering, into: &out)
        default:  // the document; html.c asserts on unknown types and writes nothing
            break
        }
        return .proceed
    }

    // MARK: Blocks

    @inline(__always)
    private func writeParagraphOpen(into out: inout HTMLBuffer) {
        out.newlineIfNeeded()
        out.append("<p>")
    }

    /// Whether a paragraph's grandparent is a tight list (its `<p>` tags are left out).
    @inline(__always)
    static func isInTightList(paragraph: OpaquePointer) -> Bool {
        guard let parent = cmark_node_parent(paragraph), let grandparent = cmark_node_parent(parent) else { return false }
        return cmark_node_get_list_tight(grandparent) != 0  // 0 for anything but a list
    }

    /// `<hN>`, with the heading's attributes (its `id`) when a pass tagged it.
    private func writeHeadingOpen(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        out.newlineIfNeeded()
        out.append("<h")
        out.append(Self.headingDigit(node))
        if case .heading(let index) = NodeTag(bitPattern: cmark_node_get_user_data(node)) {
            markup.headingAttributes.withEntry(index) { out.append($0) }
        }
        out.append(0x3E)
    }

    /// `</hN>`, after the heading's self-link when a pass tagged it with one.
    private func writeHeadingClose(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        if case .heading(let index) = NodeTag(bitPattern: cmark_node_get_user_data(node)) {
            markup.headingAnchors.withEntry(index) { out.append($0) }
        }
        out.append("</h")
        out.append(Self.headingDigit(node))
        out.append(">\n")
    }

    /// `'0' + level`, as html.c writes it.
    @inline(__always)
    private static func headingDigit(_ node: OpaquePointer) -> UInt8 {
        UInt8(truncatingIfNeeded: 0x30 &+ cmark_node_get_heading_level(node))
    }

    /// `<li>`, with a class for a task (``TaskListPass``).
    @inline(__always)
    private func writeItemOpen(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        out.newlineIfNeeded()
        if case .taskItem = NodeTag(bitPattern: cmark_node_get_user_data(node)) {
            out.append("<li class=\"task-list-item\">")
        } else {
            out.append("<li>")
        }
    }

    private func writeListOpen(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        out.newlineIfNeeded()
        let isTaskList = NodeTag(bitPattern: cmark_node_get_user_data(node)) == .taskList
        if cmark_node_get_list_type(node) == CMARK_BULLET_LIST {
            out.append(isTaskList ? "<ul class=\"contains-task-list\">\n" : "<ul>\n")
            return
        }
        let start = cmark_node_get_list_start(node)
        out.append(isTaskList ? "<ol class=\"contains-task-list\"" : "<ol")
        if start != 1 {
            out.append(" start=\"")
            out.append(decimal: start)
            out.append("\"")
        }
        out.append(">\n")
    }

    private func writeListClose(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        out.append(cmark_node_get_list_type(node) == CMARK_BULLET_LIST ? "</ul>\n" : "</ol>\n")
    }

    /// A fragment's plain rendering: a code block as libcmark writes it, a formula as code with a class
    /// saying which kind (`math-inline`, `math-display`).
    private func writeFragment(_ node: OpaquePointer, _ type: cmark_node_type, display: Bool, into out: inout HTMLBuffer) {
        guard type == CMARK_NODE_CODE else {
            writeCodeBlock(node, into: &out)
            return
        }
        out.append(display ? "<code class=\"math-display\">" : "<code class=\"math-inline\">")
        writeEscapedLiteral(of: node, into: &out)
        out.append("</code>")
    }

    private func writeCodeBlock(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        out.newlineIfNeeded()
        let info = Self.bytes(cmark_node_get_fence_info(node))
        if info.length == 0 {
            out.append("<pre><code>")
        } else {
            var word = 0  // the info string up to the first cmark_isspace byte
            while word < info.length && !Self.isSpace(info.start[word]) { word += 1 }
            out.append("<pre><code class=\"language-")
            HTMLEscaper.escapeHTML(info.start, length: word, into: &out)
            out.append("\">")
        }
        writeEscapedLiteral(of: node, into: &out)
        out.append("</code></pre>\n")
    }

    /// `cmark_isspace`: tab, line feed, vertical tab, form feed, carriage return and space.
    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    // MARK: Inlines

    @inline(__always)
    private func writeSoftBreak(into out: inout HTMLBuffer) {
        if options & CMARK_OPT_HARDBREAKS != 0 {
            out.append("<br />\n")
        } else if options & CMARK_OPT_NOBREAKS != 0 {
            out.append(0x20)
        } else {
            out.append(0x0A)
        }
    }

    private func writeLinkOpen(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        out.append("<a href=\"")
        writeDestination(of: node, into: &out)
        writeTitleAttribute(of: node, into: &out)
        out.append("\">")
    }

    /// The image's opening up to and including its alt text; the title and `" />` come on exit.
    private func writeImageOpen(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        out.append("<img src=\"")
        writeDestination(of: node, into: &out)
        out.append("\" alt=\"")
        writeAltText(of: node, into: &out)
    }

    private func writeImageClose(_ node: OpaquePointer, into out: inout HTMLBuffer) {
        writeTitleAttribute(of: node, into: &out)
        out.append("\" />")
    }

    /// html.c's "plain" mode: every node below the image (nested images and links too) adds only its
    /// text — text, code and inline HTML escaped, line breaks as a space.
    private func writeAltText(of image: OpaquePointer, into out: inout HTMLBuffer) {
        guard var current = cmark_node_first_child(image) else { return }
        walk: while true {
            let type = cmark_node_get_type(current)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                writeEscapedLiteral(of: current, into: &out)
            case CMARK_NODE_SOFTBREAK:
                if SoftBreakJoiner.isKept(CmarkNode(current), joiningLines: joinsLines) { out.append(0x20) }
            case CMARK_NODE_LINEBREAK:
                out.append(0x20)
            default:
                if !CmarkWalk.isLeaf(type), let child = cmark_node_first_child(current) {
                    current = child
                    continue walk
                }
            }
            while true {
                if let next = cmark_node_next(current) {
                    current = next
                    continue walk
                }
                guard let parent = cmark_node_parent(current), parent != image else { break walk }
                current = parent
            }
        }
    }

    /// A link's or image's destination, `houdini_escape_href`ed; left out in safe mode when dangerous.
    private func writeDestination(of node: OpaquePointer, into out: inout HTMLBuffer) {
        let url = Self.bytes(cmark_node_get_url(node))
        guard url.length > 0 else { return }
        if options & CMARK_OPT_UNSAFE == 0 && HTMLEscaper.isDangerousURL(url.start) { return }
        HTMLEscaper.escapeHref(url.start, length: url.length, into: &out)
    }

    /// ` title="…"` (after the destination's closing quote) when the node has a title, even an empty
    /// one: html.c tests libcmark's title pointer, which is NULL when unset (a source `""` title is set).
    private func writeTitleAttribute(of node: OpaquePointer, into out: inout HTMLBuffer) {
        guard let title = cmark_node_get_title(node), UInt(bitPattern: title) != Self.unsetTitleAddress else { return }
        let bytes = Self.bytes(title)
        out.append("\" title=\"")
        HTMLEscaper.escapeHTML(bytes.start, length: bytes.length, into: &out)
    }

    /// What `cmark_node_get_title` returns for a node without a title: the address of a static `""`
    /// inside libcmark, told apart from a set but empty title by address alone.
    private static let unsetTitleAddress: UInt = {
        guard let link = cmark_node_new(CMARK_NODE_LINK) else { return 0 }
        defer { cmark_node_free(link) }
        return UInt(bitPattern: cmark_node_get_title(link))
    }()

    // MARK: Literals

    @inline(__always)
    private func writeEscapedLiteral(of node: OpaquePointer, into out: inout HTMLBuffer) {
        let literal = Self.bytes(cmark_node_get_literal(node))
        HTMLEscaper.escapeHTML(literal.start, length: literal.length, into: &out)
    }

    /// A table row written from one text node: each cell's opening tag, its part of the literal, its closing tag.
    private func writeTextRow(_ node: OpaquePointer, _ row: Int, into out: inout HTMLBuffer) {
        let literal = Self.bytes(cmark_node_get_literal(node))
        for cell in markup.textRow(row) {
            let opening = cell.alignment.openingTag(header: cell.header)
            out.append(opening.utf8Start, length: opening.utf8CodeUnitCount)
            let range = cell.range.clamped(to: 0..<literal.length)
            HTMLEscaper.escapeHTML(literal.start + range.lowerBound, length: range.count, into: &out)
            let closing = TableAlignment.closingTag(header: cell.header)
            out.append(closing.utf8Start, length: closing.utf8CodeUnitCount)
        }
    }

    /// An HTML block or inline: as it is with `CMARK_OPT_UNSAFE`, else the omission comment.
    private func writeRawHTML(of node: OpaquePointer, into out: inout HTMLBuffer) {
        if options & CMARK_OPT_UNSAFE != 0 {
            out.append(cString: cmark_node_get_literal(node))
        } else {
            out.append("<!-- raw HTML omitted -->")
        }
    }

    /// A custom node's markup: from ``markup`` when a pass tagged it, else its on-enter/on-exit text.
    @inline(__always)
    private func writeCustom(_ node: OpaquePointer, entering: Bool, into out: inout HTMLBuffer) {
        if let tag = NodeTag(bitPattern: cmark_node_get_user_data(node)) {
            markup.markup(tag, entering: entering) { out.append($0) }
        } else {
            out.append(cString: entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
        }
    }

    /// A libcmark string's bytes (an empty run for `nil`).
    @inline(__always)
    private static func bytes(_ string: UnsafePointer<CChar>?) -> (start: UnsafePointer<UInt8>, length: Int) {
        guard let string else { return (("" as StaticString).utf8Start, 0) }
        return (UnsafeRawPointer(string).assumingMemoryBound(to: UInt8.self), strlen(string))
    }
}
