import CCmark

/// Depth-first walks over libcmark nodes, iterative (deeply nested input cannot overflow the stack).
enum CmarkWalk {
    /// Visits `root` and its subtree: `visit(node, entering)`. Leaf nodes are visited once, with `entering` true.
    /// `visit` must not free or unlink nodes; collect them and change the tree afterwards.
    @inline(__always)
    static func walk(_ root: CmarkNode, _ visit: (CmarkNode, Bool) -> WalkStep) {
        guard let iterator = cmark_iter_new(root.raw) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { return }
            guard let raw = cmark_iter_get_node(iterator) else { return }
            let node = CmarkNode(raw)
            switch visit(node, event == CMARK_EVENT_ENTER) {
            case .proceed: break
            case .stop: return
            case .skipChildren:
                if event == CMARK_EVENT_ENTER { cmark_iter_reset(iterator, raw, CMARK_EVENT_EXIT) }
            }
        }
    }
}
