/* arena.h - one bump allocator per document.
 *
 * Everything a document's stages allocate lives in its arena and is released
 * at once by qg_arena_reset() or qg_arena_free(); no layer frees anything on
 * its own. Allocation failure aborts through qg_arena's out-of-memory hook
 * rather than returning NULL, so stages need no error path for memory. */
#ifndef QG_ARENA_H
#define QG_ARENA_H

#include <stddef.h>

typedef struct qg_arena qg_arena;

/* Returns a new empty arena, or NULL if malloc fails. Free with qg_arena_free. */
qg_arena *qg_arena_new(void);

/* Frees the arena and every block allocated from it. NULL is allowed. */
void qg_arena_free(qg_arena *a);

/* Releases every allocation but keeps the largest block for reuse, so that a
 * batch of documents settles on one block after the first few. */
void qg_arena_reset(qg_arena *a);

/* Returns SIZE bytes aligned for any type, zero-filled. Never NULL. */
void *qg_arena_alloc(qg_arena *a, size_t size);

/* As qg_arena_alloc without the zero fill, for buffers that are written
 * before they are read (an output buffer, a copy). */
void *qg_arena_alloc_raw(qg_arena *a, size_t size);

/* Copies LEN bytes of S and a terminating NUL into the arena. */
char *qg_arena_strndup(qg_arena *a, const char *s, size_t len);

/* Grows an arena array: returns a block of NEW_CAP * ELEM bytes holding the
 * first OLD_CAP * ELEM bytes of OLD (which may be NULL). The old block is
 * simply abandoned; doubling bounds the waste to the final size. */
void *qg_arena_grow(qg_arena *a, void *old, size_t old_cap, size_t new_cap, size_t elem);

/* Bytes handed out since the last reset (for the benchmark's memory figures). */
size_t qg_arena_used(const qg_arena *a);

/* An arena-backed growable array of T: { T *items; uint32_t count, cap; }. */
#define QG_VEC(T) struct { T *items; uint32_t count, cap; }

/* Appends one zeroed element to vector V (arena A) and returns a pointer to it. */
#define QG_VEC_PUSH(A, V)                                                      \
    ((V).count == (V).cap                                                      \
         ? ((V).items = qg_arena_grow((A), (V).items, (V).cap,                 \
                                      (V).cap ? (V).cap * 2u : 16u,            \
                                      sizeof *(V).items),                      \
            (V).cap = (V).cap ? (V).cap * 2u : 16u, 0)                         \
         : 0,                                                                  \
     &(V).items[(V).count++])

#endif
