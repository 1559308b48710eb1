import CCmark

/// Owns one libcmark document tree and frees it (with every node still attached) when released;
/// a tree parsed inside a ``CmarkArena``'s `run` lives in the arena and goes with it instead.
///
/// Not `Sendable`: a tree lives inside one call of ``MarkdownPipeline/run(_:)``.
final class CmarkTree {
    /// The document node.
    let root: CmarkNode
    /// Whether the nodes came from libcmark's own allocator (not an arena) and are freed here.
    private let freesNodes: Bool

    /// Parses `bytes` (UTF-8, NULs allowed: libcmark takes the length) with libcmark's parse `options`,
    /// into the calling thread's arena if it has entered one.
    init(parsing bytes: [UInt8], options: Int32) {
        freesNodes = !CmarkArena.isEntered
        guard let parser = cmark_parser_new_with_mem(options, CmarkArena.allocator) else {
            fatalError("libcmark could not allocate a parser")
        }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        let raw = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let raw else { fatalError("libcmark could not parse the document") }
        root = CmarkNode(raw)
    }

    deinit {
        if freesNodes { root.free() }
    }

    /// Walks the tree depth first with libcmark's iterator, calling `visit` on every enter and exit.
    /// `visit` must not free or move nodes; it may return `.skipChildren` on enter to jump to the node's exit.
    @inline(__always)
    func walk(from start: CmarkNode? = nil, _ visit: (CmarkNode, Bool) -> WalkStep) {
        CmarkWalk.walk(start ?? root, visit)
    }
}
