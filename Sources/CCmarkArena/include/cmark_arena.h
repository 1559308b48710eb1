#ifndef TEIGEN_CMARK_ARENA_H
#define TEIGEN_CMARK_ARENA_H

#include <stddef.h>

/// A bump allocator for libcmark: one conversion's trees, iterators and buffers go into a few large
/// chunks that are released together, instead of one malloc and one free per node, literal and buffer.
///
/// libcmark's allocator functions (cmark_mem) take no context, so they allocate from the arena the
/// calling thread has entered (teigen_arena_enter). Freeing a block does nothing; destroying the
/// arena releases every chunk. Chunks of 4 MiB and more are asked for as transparent huge pages,
/// which the kernel faults in 2 MiB at a time instead of 4 KiB.
///
/// Built with AddressSanitizer, every block is followed by a poisoned red zone, a freed block is
/// poisoned, and realloc always moves: out-of-bounds and use-after-free inside the arena are reported.
typedef struct teigen_arena teigen_arena;

/// A new arena whose first chunks hold about `first_chunk_bytes` (later chunks double). Blocks of exactly
/// `node_size` bytes (libcmark's nodes: teigen_arena_cmark_node_size) are cut from chunks of their own,
/// so that a walk over a tree reads them from consecutive memory. NULL if out of memory.
teigen_arena *teigen_arena_create(size_t first_chunk_bytes, size_t node_size);

/// Releases every chunk of `arena`; every block allocated from it is gone.
void teigen_arena_destroy(teigen_arena *arena);

/// Makes `arena` the calling thread's arena; returns the one entered before (NULL if none),
/// to be handed back to teigen_arena_leave.
teigen_arena *teigen_arena_enter(teigen_arena *arena);

/// Restores the calling thread's arena from before the matching teigen_arena_enter.
void teigen_arena_leave(teigen_arena *previous);

/// Whether the calling thread has entered an arena.
int teigen_arena_is_entered(void);

/// The bytes handed out by `arena` so far, red zones and headers included.
size_t teigen_arena_allocated_bytes(const teigen_arena *arena);


/// The bytes libcmark asks for a node (sizeof(cmark_node), which its public header hides), found by
/// making one node with an allocator that notes the size.
size_t teigen_arena_cmark_node_size(void);

/// Whether this library was built with AddressSanitizer (red zones and poisoning on).
int teigen_arena_is_sanitized(void);

/// Under AddressSanitizer, whether the byte at `address` is poisoned (freed or a red zone); 0 otherwise.
int teigen_arena_is_poisoned(const void *address);

/// libcmark's allocator (a `cmark_mem *`) allocating from the calling thread's arena.
/// Calling it on a thread with no arena entered aborts with a message.
void *teigen_arena_cmark_mem(void);

#endif
