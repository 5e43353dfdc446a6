/* arena.c - bump allocation in a chain of blocks, freed all at once. */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_MIN_BLOCK (64u * 1024u)
#define ARENA_ALIGN 16u

typedef struct block {
    struct block *next;
    size_t size; /* usable bytes after the header */
    size_t used;
} block;

struct qg_arena {
    block *head; /* the block being filled; older blocks follow */
    size_t total_used;
};

/* Running out of memory for one document's annotations leaves no sensible
 * partial result; the CLI's batch contract is kept by the process supervisor
 * (make, parallel) seeing the failure. */
static void out_of_memory(size_t size)
{
    fprintf(stderr, "quotegraph: out of memory (allocating %zu bytes)\n", size);
    abort();
}

static block *block_new(size_t size)
{
    block *b = malloc(sizeof(block) + size);
    if (!b)
        out_of_memory(size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

qg_arena *qg_arena_new(void)
{
    qg_arena *a = calloc(1, sizeof *a);
    return a;
}

void qg_arena_free(qg_arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void qg_arena_reset(qg_arena *a)
{
    block *keep = NULL;
    for (block *b = a->head; b; b = b->next)
        if (!keep || b->size > keep->size)
            keep = b;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        if (b != keep)
            free(b);
        b = next;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
    a->total_used = 0;
}

void *qg_arena_alloc_raw(qg_arena *a, size_t size)
{
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < size)
        out_of_memory(size);
    block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t bsize = ARENA_MIN_BLOCK;
        if (b && b->size * 2 > bsize)
            bsize = b->size * 2;
        if (bsize < need)
            bsize = need;
        block *nb = block_new(bsize);
        nb->next = b;
        a->head = b = nb;
    }
    /* The header is 24 bytes; round the data start to ARENA_ALIGN. */
    uintptr_t base = (uintptr_t)(b + 1);
    uintptr_t p = (base + b->used + ARENA_ALIGN - 1) & ~(uintptr_t)(ARENA_ALIGN - 1);
    size_t offset = (size_t)(p - base);
    if (offset + need > b->size) {
        block *nb = block_new(need + ARENA_ALIGN);
        nb->next = b;
        a->head = b = nb;
        base = (uintptr_t)(b + 1);
        p = (base + ARENA_ALIGN - 1) & ~(uintptr_t)(ARENA_ALIGN - 1);
        offset = (size_t)(p - base);
    }
    b->used = offset + need;
    a->total_used += need;
    return (void *)p;
}

void *qg_arena_alloc(qg_arena *a, size_t size)
{
    void *p = qg_arena_alloc_raw(a, size);
    memset(p, 0, size);
    return p;
}

char *qg_arena_strndup(qg_arena *a, const char *s, size_t len)
{
    char *d = qg_arena_alloc_raw(a, len + 1);
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

void *qg_arena_grow(qg_arena *a, void *old, size_t old_cap, size_t new_cap, size_t elem)
{
    if (new_cap && elem > SIZE_MAX / new_cap)
        out_of_memory(SIZE_MAX);
    char *p = qg_arena_alloc_raw(a, new_cap * elem);
    size_t kept = old ? old_cap * elem : 0;
    if (kept)
        memcpy(p, old, kept);
    /* Only the new part needs zeroing; the copy overwrites the rest. */
    memset(p + kept, 0, new_cap * elem - kept);
    return p;
}

size_t qg_arena_used(const qg_arena *a)
{
    return a->total_used;
}
