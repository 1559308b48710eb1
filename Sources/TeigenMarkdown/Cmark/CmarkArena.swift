import CCmark
import CCmarkArena

/// The memory of one conversion's libcmark trees: a bump allocator (`CCmarkArena`) whose chunks are
/// released together when the arena goes, instead of libcmark's malloc and free per node, literal
/// and buffer.
///
/// Inside ``run(_:)`` every libcmark allocation on the calling thread goes into the arena: the trees
/// parsed (``CmarkTree``), the nodes made (``CmarkNode/make(_:)``), their literals and libcmark's own
/// buffers. Freeing such a node or tree does nothing, so trees parsed inside are not freed one node at
/// a time but dropped with the arena: they must not outlive ``run(_:)``. Large chunks are transparent
/// huge pages, so a multi-megabyte document's tree costs a few page faults instead of thousands.
///
/// Not `Sendable`: an arena belongs to one conversion on one thread.
final class CmarkArena {
    private let arena: OpaquePointer

    /// An arena for converting about `sourceLength` bytes (libcmark's tree takes several times the source).
    init(sourceLength: Int) {
        guard let arena = teigen_arena_create(sourceLength &* 6, Self.nodeSize) else { fatalError("out of memory for libcmark's arena") }
        self.arena = arena
    }

    deinit {
        teigen_arena_destroy(arena)
    }

    /// Runs `body` with this arena as the calling thread's libcmark allocator; `body` must not suspend
    /// or leave trees or nodes behind that outlive the arena.
    func run<Result>(_ body: () throws -> Result) rethrows -> Result {
        let previous = teigen_arena_enter(arena)
        defer { teigen_arena_leave(previous) }
        return try body()
    }

    /// The bytes handed out to libcmark so far.
    var allocatedBytes: Int { teigen_arena_allocated_bytes(arena) }

    /// The allocator libcmark should use on this thread now: the entered arena's, or libcmark's default.
    static var allocator: UnsafeMutablePointer<cmark_mem> {
        isEntered ? arenaAllocator : cmark_get_default_mem_allocator()
    }

    /// The bytes of one libcmark node: the arena keeps blocks of this size together.
    private static let nodeSize = teigen_arena_cmark_node_size()

    /// Whether the calling thread is inside some arena's ``run(_:)``.
    static var isEntered: Bool { teigen_arena_is_entered() != 0 }

    private static var arenaAllocator: UnsafeMutablePointer<cmark_mem> {
        teigen_arena_cmark_mem().assumingMemoryBound(to: cmark_mem.self)
    }
}
