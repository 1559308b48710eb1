import CCmark

/// Depth-first walks over libcmark nodes, iterative (deeply nested input cannot overflow the stack).
///
/// The walk follows libcmark's first-child, next and parent links itself, visiting nodes in the order
/// and with the events of libcmark's iterator, without the iterator's allocation per walk.
enum CmarkWalk {
    /// Visits `root` and its subtree: `visit(node, entering)`. Leaf nodes (``isLeaf(_:)``) are visited
    /// once, with `entering` true; other nodes on enter and on exit, even without children, unless
    /// `visit` returns `.skipChildren` on enter, which skips their children and their exit (as resetting
    /// libcmark's iterator to the node's exit does). `.stop` ends the walk.
    /// `visit` must not free or unlink nodes; collect them and change the tree afterwards.
    @inline(__always)
    static func walk(_ root: CmarkNode, _ visit: (CmarkNode, Bool) -> WalkStep) {
        let top = root.raw
        var current = top
        walk: while true {
            let node = CmarkNode(current)
            if isLeaf(cmark_node_get_type(current)) {
                if visit(node, true) == .stop { return }
            } else {
                switch visit(node, true) {
                case .stop:
                    return
                case .skipChildren:
                    break
                case .proceed:
                    if let child = cmark_node_first_child(current) {
                        current = child
                        continue walk
                    }
                    if visit(node, false) == .stop { return }
                }
            }
            // Done with `current`: on to its next sibling, or exit its ancestors up to the root.
            while current != top {
                if let next = cmark_node_next(current) {
                    current = next
                    continue walk
                }
                guard let parent = cmark_node_parent(current) else { return }
                current = parent
                if visit(CmarkNode(current), false) == .stop { return }
            }
            return
        }
    }

    /// The node types libcmark's iterator enters without exiting (`S_is_leaf` in `iterator.c`).
    @inline(__always)
    static func isLeaf(_ type: cmark_node_type) -> Bool {
        let leaves: UInt32 =
            1 << CMARK_NODE_HTML_BLOCK.rawValue | 1 << CMARK_NODE_THEMATIC_BREAK.rawValue
            | 1 << CMARK_NODE_CODE_BLOCK.rawValue | 1 << CMARK_NODE_TEXT.rawValue
            | 1 << CMARK_NODE_SOFTBREAK.rawValue | 1 << CMARK_NODE_LINEBREAK.rawValue
            | 1 << CMARK_NODE_CODE.rawValue | 1 << CMARK_NODE_HTML_INLINE.rawValue
        return type.rawValue < 32 && leaves >> type.rawValue & 1 != 0
    }
}
