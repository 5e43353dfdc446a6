/* check_arena.c - tests of the bump allocator (pipeline/arena.c): alignment,
 * zeroing, growth across blocks, large allocations, reset, array growth and
 * QG_VEC_PUSH. Run under `make asan` these also catch overlapping blocks. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "check_util.h"

static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

START_TEST(alignment)
{
    qg_arena *a = qg_arena_new();
    ck_assert_ptr_nonnull(a);
    const size_t sizes[] = {1, 3, 7, 8, 15, 16, 17, 24, 100, 4095, 1, 33};
    for (int round = 0; round < 50; round++)
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
            void *p = qg_arena_alloc(a, sizes[k]);
            ck_assert_ptr_nonnull(p);
            ck_assert_msg((uintptr_t)p % alignof(max_align_t) == 0, "%p not aligned", p);
            ck_assert_uint_eq((uintptr_t)p % 16, 0);
        }
    qg_arena_free(a);
}
END_TEST

START_TEST(zeroed_and_distinct)
{
    qg_arena *a = qg_arena_new();
    unsigned char *prev = NULL;
    size_t prev_size = 0;
    for (size_t n = 1; n < 3000; n += 37) {
        unsigned char *p = qg_arena_alloc(a, n);
        ck_assert(all_zero(p, n));
        memset(p, 0xAB, n);
        /* No overlap with the previous allocation. */
        if (prev)
            ck_assert(p >= prev + prev_size || p + n <= prev);
        prev = p;
        prev_size = n;
    }
    void *z = qg_arena_alloc(a, 0);
    ck_assert_ptr_nonnull(z);
    qg_arena_free(a);
    qg_arena_free(NULL);
}
END_TEST

START_TEST(growth_across_blocks)
{
    qg_arena *a = qg_arena_new();
    enum { N = 2000, SIZE = 1000 }; /* ~2 MB: many blocks */
    unsigned char **ptrs = malloc(N * sizeof *ptrs);
    ck_assert_ptr_nonnull(ptrs);
    for (int i = 0; i < N; i++) {
        ptrs[i] = qg_arena_alloc(a, SIZE);
        memset(ptrs[i], i & 0xFF, SIZE);
    }
    for (int i = 0; i < N; i++)
        for (int k = 0; k < SIZE; k += 97)
            ck_assert_msg(ptrs[i][k] == (unsigned char)(i & 0xFF), "allocation %d overwritten", i);
    ck_assert_uint_ge(qg_arena_used(a), (size_t)N * SIZE);
    ck_assert_uint_le(qg_arena_used(a), (size_t)N * (SIZE + 16));
    free(ptrs);
    qg_arena_free(a);
}
END_TEST

START_TEST(large_allocations)
{
    qg_arena *a = qg_arena_new();
    unsigned char *small = qg_arena_alloc(a, 10);
    memset(small, 1, 10);
    size_t big = 10u * 1024u * 1024u;
    unsigned char *p = qg_arena_alloc(a, big);
    ck_assert(all_zero(p, big));
    memset(p, 2, big);
    /* After a huge block, small allocations still work and do not overlap. */
    unsigned char *q = qg_arena_alloc(a, 100);
    ck_assert(all_zero(q, 100));
    ck_assert(q >= p + big || q + 100 <= p);
    unsigned char *r = qg_arena_alloc(a, 3u * 1024u * 1024u + 1);
    memset(r, 3, 3u * 1024u * 1024u + 1);
    ck_assert_uint_eq(small[9], 1);
    ck_assert_uint_eq(p[big - 1], 2);
    ck_assert_uint_eq(p[0], 2);
    qg_arena_free(a);
}
END_TEST

START_TEST(reset_reuses)
{
    qg_arena *a = qg_arena_new();
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 300; i++) {
            unsigned char *p = qg_arena_alloc(a, 1000);
            ck_assert_msg(all_zero(p, 1000), "round %d: reused memory not zeroed", round);
            memset(p, 0xFF, 1000);
        }
        ck_assert_uint_ge(qg_arena_used(a), 300000);
        qg_arena_reset(a);
        ck_assert_uint_eq(qg_arena_used(a), 0);
    }
    /* Reset of an empty arena, twice. */
    qg_arena *e = qg_arena_new();
    qg_arena_reset(e);
    qg_arena_reset(e);
    ck_assert_ptr_nonnull(qg_arena_alloc(e, 5));
    qg_arena_free(e);
    qg_arena_free(a);
}
END_TEST

START_TEST(used_counts_rounded_bytes)
{
    qg_arena *a = qg_arena_new();
    ck_assert_uint_eq(qg_arena_used(a), 0);
    qg_arena_alloc(a, 1);
    ck_assert_uint_eq(qg_arena_used(a), 16);
    qg_arena_alloc(a, 16);
    ck_assert_uint_eq(qg_arena_used(a), 32);
    qg_arena_alloc(a, 17);
    ck_assert_uint_eq(qg_arena_used(a), 64);
    qg_arena_free(a);
}
END_TEST

START_TEST(strndup_and_grow)
{
    qg_arena *a = qg_arena_new();
    char *s = qg_arena_strndup(a, "hello world", 5);
    ck_assert_str_eq(s, "hello");
    char *e = qg_arena_strndup(a, "", 0);
    ck_assert_str_eq(e, "");
    int *v = qg_arena_grow(a, NULL, 0, 4, sizeof *v);
    for (int i = 0; i < 4; i++)
        v[i] = i * 11;
    int *w = qg_arena_grow(a, v, 4, 100, sizeof *w);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(w[i], i * 11);
    for (int i = 4; i < 100; i++)
        ck_assert_int_eq(w[i], 0);
    qg_arena_free(a);
}
END_TEST

typedef struct {
    uint64_t a;
    uint32_t b;
    char c[5];
} item;

START_TEST(vec_push)
{
    qg_arena *a = qg_arena_new();
    QG_VEC(item) v = {NULL, 0, 0};
    for (uint32_t i = 0; i < 5000; i++) {
        item *it = QG_VEC_PUSH(a, v);
        ck_assert(it->a == 0 && it->b == 0 && it->c[4] == 0);
        it->a = i * 3ull;
        it->b = i;
        it->c[0] = (char)(i % 100);
        ck_assert_uint_eq(v.count, i + 1);
        ck_assert_uint_ge(v.cap, v.count);
    }
    ck_assert_uint_eq(v.cap, 8192); /* 16 doubled */
    for (uint32_t i = 0; i < 5000; i++)
        ck_assert(v.items[i].a == i * 3ull && v.items[i].b == i && v.items[i].c[0] == (char)(i % 100));
    QG_VEC(uint8_t) bytes = {NULL, 0, 0};
    *QG_VEC_PUSH(a, bytes) = 7;
    ck_assert_uint_eq(bytes.cap, 16);
    ck_assert_uint_eq(bytes.items[0], 7);
    qg_arena_free(a);
}
END_TEST

static Suite *arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    tcase_add_test(tc, alignment);
    tcase_add_test(tc, zeroed_and_distinct);
    tcase_add_test(tc, growth_across_blocks);
    tcase_add_test(tc, large_allocations);
    tcase_add_test(tc, reset_reuses);
    tcase_add_test(tc, used_counts_rounded_bytes);
    tcase_add_test(tc, strndup_and_grow);
    tcase_add_test(tc, vec_push);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(arena_suite)
