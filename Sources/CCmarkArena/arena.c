#define _GNU_SOURCE
#include "cmark_arena.h"

#include <cmark.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#endif

#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define REDZONE 16
#else
#define REDZONE 0
#define ASAN_POISON_MEMORY_REGION(address, size) ((void)(address), (void)(size))
#define ASAN_UNPOISON_MEMORY_REGION(address, size) ((void)(address), (void)(size))
#endif

/// Blocks are 8-byte aligned (libcmark stores nothing wider than a pointer) and preceded by an 8-byte
/// header holding their size.
#define ALIGNMENT 8
#define HEADER 8
#define MIN_CHUNK ((size_t)64 << 10)
#define HUGE_PAGE ((size_t)2 << 20)
#define HUGE_CHUNK ((size_t)4 << 20)
#define MAX_CHUNK ((size_t)256 << 20)

typedef struct chunk {
    struct chunk *previous;
    size_t size;   /* usable bytes after this header */
    size_t mapped; /* bytes mmap'ed for the chunk, 0 if malloc'ed */
} chunk;

/// A run of chunks that blocks are cut from in order.
typedef struct lane {
    chunk *current;
    unsigned char *next; /* first free byte of the current chunk */
    unsigned char *end;  /* end of the current chunk */
    size_t next_chunk;   /* size of the next chunk to ask for */
} lane;

struct teigen_arena {
    lane general;       /* literals, buffers, iterators, the parser's own state */
    lane nodes;         /* blocks of exactly node_size bytes: libcmark's nodes, side by side */
    size_t node_size;
    unsigned char *last; /* the most recent general block, which realloc may grow in place */
    size_t allocated;
};

static _Thread_local teigen_arena *entered = NULL;

static size_t round_up(size_t value, size_t unit) { return (value + unit - 1) / unit * unit; }

/// A chunk of at least `size` usable bytes: huge pages from mmap when large, malloc otherwise. Its bytes are
/// not cleared: most of a chunk is never used, so `arena_calloc` clears only the blocks it hands out.
static chunk *chunk_new(size_t size) {
    size_t total = round_up(sizeof(chunk), ALIGNMENT) + size;
    chunk *made = NULL;
#ifndef ARENA_ASAN
    if (total >= HUGE_CHUNK) {
        total = round_up(total, HUGE_PAGE);
        /* Over-allocate by one huge page to align the chunk on a huge page boundary. */
        size_t span = total + HUGE_PAGE;
        unsigned char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED) return NULL;
        unsigned char *aligned = (unsigned char *)round_up((uintptr_t)raw, HUGE_PAGE);
        if (aligned > raw) munmap(raw, (size_t)(aligned - raw));
        size_t tail = (size_t)(raw + span - (aligned + total));
        if (tail > 0) munmap(aligned + total, tail);
        madvise(aligned, total, MADV_HUGEPAGE);
        made = (chunk *)aligned;
        made->mapped = total;
    }
#endif
    if (made == NULL) {
        made = malloc(total);
        if (made == NULL) return NULL;
        made->mapped = 0;
    }
    made->size = total - round_up(sizeof(chunk), ALIGNMENT);
    made->previous = NULL;
    return made;
}

static void chunk_release(chunk *released) {
    if (released->mapped) {
        munmap(released, released->mapped);
    } else {
        ASAN_UNPOISON_MEMORY_REGION(released, released->size + round_up(sizeof(chunk), ALIGNMENT));
        free(released);
    }
}

static int lane_add_chunk(lane *into, size_t needed) {
    size_t size = into->next_chunk > needed ? into->next_chunk : needed;
    chunk *added = chunk_new(size);
    if (added == NULL) return 0;
    added->previous = into->current;
    into->current = added;
    into->next = (unsigned char *)added + round_up(sizeof(chunk), ALIGNMENT);
    into->end = into->next + added->size;
    ASAN_POISON_MEMORY_REGION(into->next, added->size);
    if (into->next_chunk < MAX_CHUNK) into->next_chunk *= 2;
    return 1;
}

static void lane_release(lane *released) {
    chunk *current = released->current;
    while (current != NULL) {
        chunk *previous = current->previous;
        chunk_release(current);
        current = previous;
    }
}

teigen_arena *teigen_arena_create(size_t first_chunk_bytes, size_t node_size) {
    teigen_arena *arena = calloc(1, sizeof(teigen_arena));
    if (arena == NULL) return NULL;
    size_t first = first_chunk_bytes < MIN_CHUNK ? MIN_CHUNK : round_up(first_chunk_bytes, ALIGNMENT);
    /* About a third of a tree's bytes are its nodes. */
    arena->general.next_chunk = first;
    arena->nodes.next_chunk = first / 3 < MIN_CHUNK ? MIN_CHUNK : round_up(first / 3, ALIGNMENT);
    arena->node_size = node_size;
    return arena;
}

void teigen_arena_destroy(teigen_arena *arena) {
    if (arena == NULL) return;
    lane_release(&arena->general);
    lane_release(&arena->nodes);
    free(arena);
}

teigen_arena *teigen_arena_enter(teigen_arena *arena) {
    teigen_arena *previous = entered;
    entered = arena;
    return previous;
}

void teigen_arena_leave(teigen_arena *previous) { entered = previous; }

int teigen_arena_is_entered(void) { return entered != NULL; }

size_t teigen_arena_allocated_bytes(const teigen_arena *arena) { return arena->allocated; }


static teigen_arena *current_arena(void) {
    teigen_arena *arena = entered;
    if (arena == NULL) {
        fputs("teigen: libcmark allocated from an arena on a thread that has not entered one\n", stderr);
        abort();
    }
    return arena;
}

static void out_of_memory(void) {
    fputs("teigen: out of memory in libcmark's arena\n", stderr);
    abort();
}

static size_t block_size(const void *block) { return *(const size_t *)((const unsigned char *)block - HEADER); }

/// A block of `size` bytes from `from`, not cleared.
static void *lane_alloc(teigen_arena *arena, lane *from, size_t size) {
    size_t rounded = round_up(size == 0 ? 1 : size, ALIGNMENT);
    size_t needed = HEADER + rounded + REDZONE;
    if (needed < rounded || (size_t)(from->end - from->next) < needed) {
        if (needed < rounded || !lane_add_chunk(from, needed)) out_of_memory();
    }
    unsigned char *block = from->next + HEADER;
    ASAN_UNPOISON_MEMORY_REGION(block - HEADER, HEADER + rounded);
    *(size_t *)(block - HEADER) = rounded;
    ASAN_POISON_MEMORY_REGION(block - HEADER, HEADER);
    from->next += needed;
    arena->allocated += needed;
    return block;
}

static void *arena_alloc(teigen_arena *arena, size_t size) {
    if (size == arena->node_size) return lane_alloc(arena, &arena->nodes, size);
    void *block = lane_alloc(arena, &arena->general, size);
    arena->last = block;
    return block;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    void *block = arena_alloc(current_arena(), count * size);
    memset(block, 0, count * size);
    return block;
}

static void *arena_realloc(void *pointer, size_t size) {
    teigen_arena *arena = current_arena();
    if (pointer == NULL) return arena_alloc(arena, size);
    ASAN_UNPOISON_MEMORY_REGION((unsigned char *)pointer - HEADER, HEADER);
    size_t old = block_size(pointer);
    ASAN_POISON_MEMORY_REGION((unsigned char *)pointer - HEADER, HEADER);
#ifndef ARENA_ASAN
    if (size <= old) return pointer;
    /* The newest block grows in place while its chunk has room. */
    size_t rounded = round_up(size, ALIGNMENT);
    lane *general = &arena->general;
    if (pointer == arena->last && rounded >= size && (size_t)(general->end - (unsigned char *)pointer) >= rounded) {
        *(size_t *)((unsigned char *)pointer - HEADER) = rounded;
        general->next = (unsigned char *)pointer + rounded;
        arena->allocated += rounded - old;
        return pointer;
    }
#endif
    void *moved = lane_alloc(arena, &arena->general, size);
    arena->last = moved;
    memcpy(moved, pointer, old < size ? old : size);
    ASAN_POISON_MEMORY_REGION(pointer, old);
    return moved;
}

static void arena_free(void *pointer) {
#ifdef ARENA_ASAN
    if (pointer != NULL) {
        ASAN_UNPOISON_MEMORY_REGION((unsigned char *)pointer - HEADER, HEADER);
        size_t size = block_size(pointer);
        ASAN_POISON_MEMORY_REGION((unsigned char *)pointer - HEADER, HEADER + size);
    }
#else
    (void)pointer;
#endif
}

#ifdef ARENA_ASAN
int teigen_arena_is_sanitized(void) { return 1; }
int teigen_arena_is_poisoned(const void *address) { return __asan_address_is_poisoned(address); }
#else
int teigen_arena_is_sanitized(void) { return 0; }
int teigen_arena_is_poisoned(const void *address) { (void)address; return 0; }
#endif

static cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

void *teigen_arena_cmark_mem(void) { return &arena_mem; }

/* The probe's blocks carry their size in front, where teigen_arena_cmark_node_size reads it back. */
static void *probe_calloc(size_t count, size_t size) {
    size_t *block = calloc(1, sizeof(size_t) + count * size);
    if (block == NULL) return NULL;
    block[0] = count * size;
    return block + 1;
}

static void *probe_realloc(void *pointer, size_t size) {
    (void)pointer;
    (void)size;
    abort(); /* making a node reallocates nothing */
}

static void probe_free(void *pointer) {
    if (pointer != NULL) free((size_t *)pointer - 1);
}

size_t teigen_arena_cmark_node_size(void) {
    cmark_mem probe = {probe_calloc, probe_realloc, probe_free};
    cmark_node *node = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, &probe);
    if (node == NULL) return 0;
    size_t size = ((size_t *)(void *)node)[-1];
    cmark_node_free(node);
    return size;
}
