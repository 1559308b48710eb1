import CCmark

/// Owns one libcmark document tree and frees it (with every node still attached) when released.
///
/// Not `Sendable`: a tree lives inside one call of ``MarkdownPipeline/run(_:)``.
final class CmarkTree {
    /// The document node.
    let root: CmarkNode

    /// Parses `bytes` (UTF-8, NULs allowed: libcmark takes the length) with libcmark's parse `options`.
    init(parsing bytes: [UInt8], options: Int32) {
        let raw = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return cmark_parse_document("", 0, options) }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, options)
            }
        }
        guard let raw else { fatalError("libcmark could not parse the document") }
        root = CmarkNode(raw)
    }

    deinit {
        root.free()
    }

    /// Walks the tree depth first with libcmark's iterator, calling `visit` on every enter and exit.
    /// `visit` must not free or move nodes; it may return `.skipChildren` on enter to jump to the node's exit.
    @inline(__always)
    func walk(from start: CmarkNode? = nil, _ visit: (CmarkNode, Bool) -> WalkStep) {
        CmarkWalk.walk(start ?? root, visit)
    }
}
