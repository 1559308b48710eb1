import CCmark

/// A borrowed handle on one libcmark node. It does not own the node: the ``CmarkTree`` holding it does.
///
/// Once a node is freed (``free()``) every handle on it is dangling; passes free nodes only after
/// they are done with them.
struct CmarkNode: Hashable {
    let raw: OpaquePointer

    init(_ raw: OpaquePointer) {
        self.raw = raw
    }

    /// Creates a detached node (in the calling thread's ``CmarkArena`` if it has entered one); insert it
    /// into a tree (or free it) before the tree goes away.
    static func make(_ type: cmark_node_type) -> CmarkNode {
        guard let raw = cmark_node_new_with_mem(type, CmarkArena.allocator) else { fatalError("libcmark could not allocate a node") }
        return CmarkNode(raw)
    }

    /// A detached custom node whose markup the renderer writes from its `tag`.
    static func tagged(block: Bool, _ tag: NodeTag) -> CmarkNode {
        let node = make(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)
        node.tag = tag
        return node
    }

    /// A detached text node.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> CmarkNode {
        let node = make(CMARK_NODE_TEXT)
        node.setLiteral(bytes)
        return node
    }

    var type: cmark_node_type { cmark_node_get_type(raw) }
    var parent: CmarkNode? { cmark_node_parent(raw).map(CmarkNode.init) }
    var firstChild: CmarkNode? { cmark_node_first_child(raw).map(CmarkNode.init) }
    var lastChild: CmarkNode? { cmark_node_last_child(raw).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(raw).map(CmarkNode.init) }
    var previous: CmarkNode? { cmark_node_previous(raw).map(CmarkNode.init) }

    var startLine: Int { Int(cmark_node_get_start_line(raw)) }
    var startColumn: Int { Int(cmark_node_get_start_column(raw)) }
    var endLine: Int { Int(cmark_node_get_end_line(raw)) }
    var endColumn: Int { Int(cmark_node_get_end_column(raw)) }
    var headingLevel: Int {
        get { Int(cmark_node_get_heading_level(raw)) }
        nonmutating set { _ = cmark_node_set_heading_level(raw, Int32(newValue)) }
    }
    /// Whether the node is a soft or hard line break.
    var isLineBreak: Bool {
        let type = type
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    /// The literal's bytes (text, code, HTML), valid until the node's literal changes or the node is freed.
    var literalBytes: UnsafeBufferPointer<UInt8> {
        guard let pointer = cmark_node_get_literal(raw) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: cStringLength(pointer))
    }

    func setLiteral(_ bytes: UnsafeBufferPointer<UInt8>) {
        withCString(bytes) { _ = cmark_node_set_literal(raw, $0) }
    }

    var url: String {
        get { cmark_node_get_url(raw).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = newValue.withCString { cmark_node_set_url(raw, $0) } }
    }

    /// What Teigen made this node for, kept in libcmark's user data slot.
    var tag: NodeTag? {
        get { NodeTag(bitPattern: cmark_node_get_user_data(raw)) }
        nonmutating set { _ = cmark_node_set_user_data(raw, newValue?.pointer) }
    }

    func append(_ child: CmarkNode) {
        let ok = cmark_node_append_child(raw, child.raw)
        assert(ok == 1, "libcmark refused a child")
    }

    func insertBefore(_ sibling: CmarkNode) {
        let ok = cmark_node_insert_before(raw, sibling.raw)
        assert(ok == 1, "libcmark refused a sibling")
    }

    func insertAfter(_ sibling: CmarkNode) {
        let ok = cmark_node_insert_after(raw, sibling.raw)
        assert(ok == 1, "libcmark refused a sibling")
    }

    /// Moves every child of `other` to the end of this node's children.
    func adoptChildren(of other: CmarkNode) {
        while let child = other.firstChild { append(child) }
    }

    /// Unlinks the node and frees it with its subtree.
    func free() {
        cmark_node_free(raw)
    }

    /// Renders this node and its subtree as HTML with libcmark's renderer (for trees parsed outside a
    /// ``CmarkArena``: the rendered bytes are freed with `free`).
    func renderHTML(options: Int32) -> String {
        assert(!CmarkArena.isEntered, "libcmark's renderer would allocate its output in the arena")
        guard let html = cmark_render_html(raw, options) else { return "" }
        defer { releaseCString(html) }
        return String(cString: html)
    }
}

/// Calls `body` with a NUL-terminated copy of `bytes`.
func withCString<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
        if let base = bytes.baseAddress, bytes.count > 0 {
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: base, byteCount: bytes.count)
        }
        buffer[bytes.count] = 0
        return body(UnsafePointer(buffer.baseAddress!))
    }
}
