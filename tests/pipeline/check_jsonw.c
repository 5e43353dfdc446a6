/* check_jsonw.c - tests of the streaming JSON writer (pipeline/jsonw.c):
 * string escaping (every control character, quotes, backslashes), UTF-8
 * passthrough, nesting and commas, integers and reals as jansson prints them,
 * growth on the heap, from a caller's buffer and in an arena, reuse without
 * reallocation, flushing, failure, and a pseudo-random nested document whose
 * output must be byte-identical to jansson's json_dumps of the same tree and
 * parse back with json_loads. */
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check_util.h"
#include "jsonw.h"

/* The flags the graph records were dumped with. */
#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3))

/* W's buffer as a NUL-terminated string (static copy). */
static const char *out_str(const qg_jsonw *w)
{
    static char buf[1 << 16];
    ck_assert_uint_lt(w->len, sizeof buf);
    memcpy(buf, w->buf, w->len);
    buf[w->len] = '\0';
    return buf;
}

/* jansson's rendering of V (a reference is taken), freed by the caller. */
static char *jansson_dump(json_t *v, size_t flags)
{
    ck_assert_ptr_nonnull(v);
    char *s = json_dumps(v, flags | JSON_ENCODE_ANY);
    json_decref(v);
    ck_assert_ptr_nonnull(s);
    return s;
}

static void assert_string_as_jansson(const char *s, size_t n)
{
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    qg_jsonw_stringn(&w, s, n);
    ck_assert(!w.failed);
    char *want = jansson_dump(json_stringn(s, n), JSON_COMPACT);
    ck_assert_str_eq(out_str(&w), want);
    free(want);
    qg_jsonw_free(&w);
}

static const char *one_string(const char *s, size_t n)
{
    static char keep[256];
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    qg_jsonw_stringn(&w, s, n);
    snprintf(keep, sizeof keep, "%s", out_str(&w));
    qg_jsonw_free(&w);
    return keep;
}

START_TEST(escapes_every_control_character)
{
    static const char *const want[32] = {
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b",     "\\t",     "\\n",     "\\u000B", "\\f",     "\\r",     "\\u000E", "\\u000F",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001A", "\\u001B", "\\u001C", "\\u001D", "\\u001E", "\\u001F",
    };
    for (int c = 0; c < 32; c++) {
        char in[3] = {'a', (char)c, 'b'};
        char expect[16];
        snprintf(expect, sizeof expect, "\"a%sb\"", want[c]);
        ck_assert_msg(strcmp(one_string(in, 3), expect) == 0, "control %#x: got %s want %s", c,
                      one_string(in, 3), expect);
        assert_string_as_jansson(in, 3);
        /* alone, at the start and at the end */
        assert_string_as_jansson(in + 1, 1);
        assert_string_as_jansson(in, 2);
        assert_string_as_jansson(in + 1, 2);
    }
    /* every control character in one string */
    char all[64];
    for (int c = 0; c < 32; c++) {
        all[2 * c] = (char)c;
        all[2 * c + 1] = 'x';
    }
    assert_string_as_jansson(all, sizeof all);
}
END_TEST

START_TEST(quotes_and_backslashes)
{
    ck_assert_str_eq(one_string("\"", 1), "\"\\\"\"");
    ck_assert_str_eq(one_string("\\", 1), "\"\\\\\"");
    ck_assert_str_eq(one_string("a \"b\" \\c\\", 9), "\"a \\\"b\\\" \\\\c\\\\\"");
    /* no escaped slash, DEL passes */
    ck_assert_str_eq(one_string("a/b\x7f", 4), "\"a/b\x7f\"");
    ck_assert_str_eq(one_string("", 0), "\"\"");
    const char *mix = "\\\"\t\\u0001\"\"\\\\";
    assert_string_as_jansson(mix, strlen(mix));
    /* NUL-terminated form */
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    qg_jsonw_string(&w, "say \"hi\"");
    ck_assert_str_eq(out_str(&w), "\"say \\\"hi\\\"\"");
    qg_jsonw_free(&w);
}
END_TEST

START_TEST(utf8_passes_through)
{
    const char *s = "caf\xc3\xa9 \xf0\x9f\x98\x80 \xe5\x8c\x97\xe4\xba\xac \xe2\x80\xa8 \xe2\x80\x99 "
                    "\xc2\xa0 \xf4\x8f\xbf\xbf end";
    size_t n = strlen(s);
    const char *got = one_string(s, n);
    ck_assert_uint_eq(strlen(got), n + 2);
    ck_assert(memcmp(got + 1, s, n) == 0);
    assert_string_as_jansson(s, n);
    /* multibyte characters next to escapes */
    const char *t = "\xc3\xa9\t\xf0\x9f\x98\x80\"\xe2\x80\x9c\\";
    assert_string_as_jansson(t, strlen(t));
}
END_TEST

START_TEST(uint_pairs)
{
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    qg_jsonw_begin_array(&w);
    qg_jsonw_uint_pair(&w, 0, 7);
    qg_jsonw_uint_pair(&w, 1234567, 4294967295ul);
    qg_jsonw_begin_object(&w);
    qg_jsonw_key(&w, "span");
    qg_jsonw_uint_pair(&w, 10, 0);
    qg_jsonw_end_object(&w);
    qg_jsonw_end_array(&w);
    ck_assert_str_eq(out_str(&w), "[[0,7],[1234567,4294967295],{\"span\":[10,0]}]");
    qg_jsonw_free(&w);
}
END_TEST

START_TEST(nesting_and_commas)
{
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    qg_jsonw_begin_object(&w);
    qg_jsonw_key(&w, "a");
    qg_jsonw_begin_array(&w);
    qg_jsonw_int(&w, 1);
    qg_jsonw_int(&w, 2);
    qg_jsonw_begin_object(&w);
    qg_jsonw_key(&w, "b");
    qg_jsonw_begin_array(&w);
    qg_jsonw_end_array(&w);
    qg_jsonw_end_object(&w);
    qg_jsonw_begin_array(&w);
    qg_jsonw_end_array(&w);
    qg_jsonw_begin_array(&w);
    qg_jsonw_begin_array(&w);
    qg_jsonw_null(&w);
    qg_jsonw_end_array(&w);
    qg_jsonw_end_array(&w);
    qg_jsonw_end_array(&w);
    qg_jsonw_key(&w, "c");
    qg_jsonw_begin_object(&w);
    qg_jsonw_end_object(&w);
    qg_jsonw_key(&w, "d");
    qg_jsonw_null(&w);
    qg_jsonw_key(&w, "e");
    qg_jsonw_bool(&w, true);
    qg_jsonw_key(&w, "f");
    qg_jsonw_bool(&w, false);
    qg_jsonw_keyn(&w, "g\"\n", 3);
    qg_jsonw_string(&w, "x");
    qg_jsonw_key(&w, "h");
    qg_jsonw_real(&w, 0.5, 3);
    qg_jsonw_end_object(&w);
    ck_assert(!w.failed);
    ck_assert_str_eq(out_str(&w), "{\"a\":[1,2,{\"b\":[]},[],[[null]]],\"c\":{},\"d\":null,\"e\":true,"
                                  "\"f\":false,\"g\\\"\\n\":\"x\",\"h\":0.5}");
    /* top-level values in sequence get commas too (a JSON text per call is
     * the caller's business); raw bytes get none */
    qg_jsonw_reset(&w);
    qg_jsonw_begin_array(&w);
    qg_jsonw_end_array(&w);
    qg_jsonw_raw(&w, "\n", 1);
    ck_assert_str_eq(out_str(&w), "[]\n");
    qg_jsonw_free(&w);
}
END_TEST

static void assert_int(long long v)
{
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    qg_jsonw_int(&w, v);
    char *want = jansson_dump(json_integer((json_int_t)v), JSON_COMPACT);
    ck_assert_str_eq(out_str(&w), want);
    free(want);
    qg_jsonw_free(&w);
}

START_TEST(integers)
{
    const long long v[] = {0, 1, -1, 9, 10, 99, 100, 12345, -98765, 4294967295LL, 4294967296LL,
                           LLONG_MAX, LLONG_MIN, LLONG_MIN + 1};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        assert_int(v[i]);
    long long x = 1;
    for (int i = 0; i < 62; i++, x *= 2) {
        assert_int(x);
        assert_int(-x);
        assert_int(x - 1);
    }
}
END_TEST

static const char *real_str(double v, int precision)
{
    static char keep[64];
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    qg_jsonw_real(&w, v, precision);
    snprintf(keep, sizeof keep, "%s", out_str(&w));
    qg_jsonw_free(&w);
    return keep;
}

static void assert_real_as_jansson(double v, int precision)
{
    json_t *r = json_real(v);
    char *want = json_dumps(r, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(precision));
    json_decref(r);
    if (!want) {
        /* jansson formats reals into 24 bytes and fails the whole dump for
         * longer ones (-2.5000000000000001e-300); the writer has room. */
        ck_assert_uint_ge(strlen(real_str(v, precision)), 24);
        return;
    }
    ck_assert_msg(strcmp(real_str(v, precision), want) == 0, "%.17g at %d: got %s want %s", v,
                  precision, real_str(v, precision), want);
    free(want);
}

START_TEST(reals_as_jansson)
{
    /* the confidences in graph records */
    ck_assert_str_eq(real_str(0.95, 3), "0.95");
    ck_assert_str_eq(real_str(0.9, 3), "0.9");
    ck_assert_str_eq(real_str(1.0, 3), "1.0");
    ck_assert_str_eq(real_str(0.5, 3), "0.5");
    ck_assert_str_eq(real_str(0.85, 3), "0.85");
    ck_assert_str_eq(real_str(0.8, 3), "0.8");
    ck_assert_str_eq(real_str(0.6, 3), "0.6");
    ck_assert_str_eq(real_str(0.0, 3), "0.0");
    ck_assert_str_eq(real_str(1e10, 3), "1e10");
    ck_assert_str_eq(real_str(1.5e-7, 3), "1.5e-7");
    ck_assert_str_eq(real_str(123456.0, 3), "1.23e5");
    ck_assert_str_eq(real_str(100.0, 3), "100.0");
    for (int per_mille = 0; per_mille <= 1000; per_mille++)
        assert_real_as_jansson(per_mille / 1000.0, 3);
    /* the hundredths shortcut agrees with %g wherever it applies */
    for (int precision = 1; precision <= 17; precision++)
        for (int k = 0; k <= 100; k++) {
            assert_real_as_jansson(k / 100.0, precision);
            assert_real_as_jansson(0.6 * (k / 100.0), precision);
        }
    const double v[] = {-0.0, 1.0 / 3, -2.0 / 3, 1e-300, -2.5e-300, 1e300, 1.7976931348623157e308,
                        5e-324, 123456789.0, 0.001, 0.0001, 1e15, 1e16, 1e17, 1e21, 12.5, 99.95,
                        999.5, 1e-5, 3.14159265358979};
    const int precisions[] = {1, 2, 3, 5, 10, 16, 17, 0};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        for (size_t p = 0; p < sizeof precisions / sizeof *precisions; p++)
            assert_real_as_jansson(v[i], precisions[p]);
    /* JSON has no NaN or infinity */
    ck_assert_str_eq(real_str(NAN, 3), "null");
    ck_assert_str_eq(real_str(INFINITY, 3), "null");
    ck_assert_str_eq(real_str(-INFINITY, 3), "null");
    char buf[64];
    ck_assert_int_eq(qg_jsonw_format_real(buf, sizeof buf, NAN, 3), -1);
    ck_assert_int_eq(qg_jsonw_format_real(buf, sizeof buf, 0.25, 3), 4);
    ck_assert_str_eq(buf, "0.25");
    ck_assert_int_eq(qg_jsonw_format_real(buf, 3, 0.25, 3), -1); /* too small */
}
END_TEST

START_TEST(growth_on_the_heap)
{
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    ck_assert_uint_eq(w.cap, 0);
    qg_jsonw_begin_array(&w);
    size_t prev_cap = 0;
    int grew = 0;
    for (int i = 0; i < 20000; i++) {
        qg_jsonw_stringn(&w, "ab\tc\"", 5);
        qg_jsonw_int(&w, i);
        if (w.cap != prev_cap) {
            ck_assert(prev_cap == 0 || w.cap == 2 * prev_cap);
            prev_cap = w.cap;
            grew++;
        }
        ck_assert_uint_le(w.len, w.cap);
    }
    qg_jsonw_end_array(&w);
    ck_assert(!w.failed);
    ck_assert_int_gt(grew, 8);
    json_error_t err;
    json_t *v = json_loadb(w.buf, w.len, 0, &err);
    ck_assert_msg(v != NULL, "%s", err.text);
    ck_assert_uint_eq(json_array_size(v), 40000);
    ck_assert_str_eq(json_string_value(json_array_get(v, 39998)), "ab\tc\"");
    ck_assert_int_eq(json_integer_value(json_array_get(v, 39999)), 19999);
    json_decref(v);
    qg_jsonw_free(&w);
    ck_assert_ptr_null(w.buf);
}
END_TEST

START_TEST(caller_buffer_then_heap)
{
    char stack[16];
    memset(stack, '#', sizeof stack);
    qg_jsonw w;
    qg_jsonw_init(&w, stack, sizeof stack, NULL, NULL);
    qg_jsonw_string(&w, "0123456789");
    ck_assert_ptr_eq(w.buf, stack);
    ck_assert(!w.owned);
    qg_jsonw_string(&w, "abcdefghij"); /* past 16 bytes: copied to the heap */
    ck_assert_ptr_ne(w.buf, stack);
    ck_assert(w.owned);
    ck_assert_str_eq(out_str(&w), "\"0123456789\",\"abcdefghij\"");
    qg_jsonw_free(&w);
    /* a string needing escapes that crosses the end of the caller's buffer */
    qg_jsonw_init(&w, stack, sizeof stack, NULL, NULL);
    qg_jsonw_stringn(&w, "\x01\x02\x03\x04", 4);
    ck_assert_str_eq(out_str(&w), "\"\\u0001\\u0002\\u0003\\u0004\"");
    qg_jsonw_free(&w);
    /* the same for a key, whose colon follows the escapes */
    qg_jsonw_init(&w, stack, 8, NULL, NULL);
    qg_jsonw_begin_object(&w);
    qg_jsonw_keyn(&w, "\x01\x02", 2);
    qg_jsonw_int(&w, 1);
    qg_jsonw_end_object(&w);
    ck_assert_str_eq(out_str(&w), "{\"\\u0001\\u0002\":1}");
    qg_jsonw_free(&w);
}
END_TEST

static void *arena_grow(void *ctx, void *old, size_t len, size_t new_cap)
{
    return qg_arena_grow(ctx, old, len, new_cap, 1);
}

static int grow_calls;
static void *counting_grow(void *ctx, void *old, size_t len, size_t new_cap)
{
    grow_calls++;
    return arena_grow(ctx, old, len, new_cap);
}

static void *failing_grow(void *ctx, void *old, size_t len, size_t new_cap)
{
    (void)ctx;
    (void)old;
    (void)len;
    (void)new_cap;
    return NULL;
}

START_TEST(growth_in_an_arena)
{
    qg_arena *a = qg_arena_new();
    qg_jsonw w;
    grow_calls = 0;
    qg_jsonw_init(&w, qg_arena_alloc(a, 8), 8, counting_grow, a);
    qg_jsonw_begin_array(&w);
    for (int i = 0; i < 1000; i++)
        qg_jsonw_string(&w, "caf\xc3\xa9\n");
    qg_jsonw_end_array(&w);
    ck_assert(!w.failed);
    ck_assert_int_gt(grow_calls, 5);
    ck_assert_int_lt(grow_calls, 20); /* doubling */
    json_error_t err;
    json_t *v = json_loadb(w.buf, w.len, 0, &err);
    ck_assert_msg(v != NULL, "%s", err.text);
    ck_assert_uint_eq(json_array_size(v), 1000);
    ck_assert_str_eq(json_string_value(json_array_get(v, 999)), "caf\xc3\xa9\n");
    json_decref(v);
    qg_jsonw_free(&w); /* not the writer's memory: a no-op but for the fields */
    qg_arena_free(a);
}
END_TEST

static void write_sample(qg_jsonw *w, int n)
{
    qg_jsonw_begin_object(w);
    qg_jsonw_key(w, "items");
    qg_jsonw_begin_array(w);
    for (int i = 0; i < n; i++) {
        qg_jsonw_begin_object(w);
        qg_jsonw_key(w, "i");
        qg_jsonw_int(w, i);
        qg_jsonw_key(w, "text");
        qg_jsonw_string(w, "some \"quoted\" text\t");
        qg_jsonw_end_object(w);
    }
    qg_jsonw_end_array(w);
    qg_jsonw_end_object(w);
}

START_TEST(reuse_keeps_capacity)
{
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    write_sample(&w, 500);
    char *first = malloc(w.len + 1);
    memcpy(first, w.buf, w.len);
    size_t first_len = w.len;
    char *buf = w.buf;
    size_t cap = w.cap;
    for (int round = 0; round < 20; round++) {
        qg_jsonw_reset(&w);
        ck_assert_uint_eq(w.len, 0);
        write_sample(&w, round % 2 ? 10 : 500);
        ck_assert_ptr_eq(w.buf, buf); /* no reallocation */
        ck_assert_uint_eq(w.cap, cap);
        if (round % 2 == 0) {
            ck_assert_uint_eq(w.len, first_len);
            ck_assert(memcmp(w.buf, first, first_len) == 0); /* no comma left over */
        }
    }
    free(first);
    qg_jsonw_free(&w);
}
END_TEST

START_TEST(flush_writes_and_empties)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    char *buf = NULL;
    for (int doc = 0; doc < 3; doc++) {
        qg_jsonw_begin_object(&w);
        qg_jsonw_key(&w, "doc");
        qg_jsonw_int(&w, doc);
        qg_jsonw_end_object(&w);
        qg_jsonw_raw(&w, "\n", 1);
        ck_assert_int_eq(qg_jsonw_flush(&w, f), 0);
        ck_assert_uint_eq(w.len, 0);
        if (buf)
            ck_assert_ptr_eq(w.buf, buf);
        buf = w.buf;
    }
    ck_assert_int_eq(qg_jsonw_flush(&w, f), 0); /* nothing to write */
    rewind(f);
    char line[64], all[256] = "";
    while (fgets(line, sizeof line, f))
        strcat(all, line);
    ck_assert_str_eq(all, "{\"doc\":0}\n{\"doc\":1}\n{\"doc\":2}\n");
    fclose(f);
    /* a stream that cannot be written */
    f = fopen("/dev/null", "r");
    ck_assert_ptr_nonnull(f);
    qg_jsonw_string(&w, "x");
    ck_assert_int_eq(qg_jsonw_flush(&w, f), -1);
    fclose(f);
    qg_jsonw_free(&w);
}
END_TEST

START_TEST(failed_growth)
{
    char small[8];
    qg_jsonw w;
    qg_jsonw_init(&w, small, sizeof small, failing_grow, NULL);
    qg_jsonw_begin_array(&w);
    qg_jsonw_int(&w, 1);
    ck_assert(!w.failed);
    qg_jsonw_string(&w, "much too long for eight bytes");
    ck_assert(w.failed);
    ck_assert_uint_le(w.len, sizeof small);
    qg_jsonw_int(&w, 2); /* dropped */
    qg_jsonw_end_array(&w);
    ck_assert_uint_le(w.len, sizeof small);
    FILE *f = tmpfile();
    ck_assert_int_eq(qg_jsonw_flush(&w, f), -1);
    ck_assert_int_eq(ftell(f), 0); /* nothing half-written */
    ck_assert(!w.failed);          /* ready for the next document */
    qg_jsonw_int(&w, 7);
    ck_assert_int_eq(qg_jsonw_flush(&w, f), 0);
    ck_assert_int_eq(ftell(f), 1);
    fclose(f);
    /* an escape that needs room the callback cannot give */
    qg_jsonw_init(&w, small, sizeof small, failing_grow, NULL);
    qg_jsonw_stringn(&w, "\x01\x01", 2);
    ck_assert(w.failed);
    ck_assert_int_eq(qg_jsonw_reserve(&w, 1), -1);
}
END_TEST

/* ---- a pseudo-random document, written twice: through the writer and as
 * a jansson tree ---- */

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33) % n;
}

/* A random valid UTF-8 string: ASCII, controls, quotes, backslashes and
 * two-, three- and four-byte characters. */
static size_t random_string(char *out, size_t cap)
{
    static const char *const pieces[] = {"a", "Z", " ", "\"", "\\", "/", "\t", "\n", "\r", "\b", "\f",
                                         "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x80\x99",
                                         "\xe2\x80\xa8", "\xe5\x8c\x97", "\xf0\x9f\x98\x80", "0", "{",
                                         "]", ",", ":"};
    size_t n = 0, len = rnd(12);
    for (size_t i = 0; i < len; i++) {
        const char *p = pieces[rnd(sizeof pieces / sizeof *pieces)];
        size_t pl = strlen(p);
        if (n + pl + 1 > cap)
            break;
        memcpy(out + n, p, pl);
        n += pl;
    }
    out[n] = '\0';
    return n;
}

/* Writes a random value to W and returns the same value as a tree. */
static json_t *random_value(qg_jsonw *w, int depth)
{
    uint32_t kind = depth >= 5 ? rnd(6) : rnd(8);
    char s[128];
    switch (kind) {
    case 0: {
        size_t n = random_string(s, sizeof s);
        qg_jsonw_stringn(w, s, n);
        return json_stringn(s, n);
    }
    case 1: {
        long long v = (long long)rnd(2000000) - 1000000;
        if (rnd(8) == 0)
            v = rnd(2) ? LLONG_MAX : LLONG_MIN;
        qg_jsonw_int(w, v);
        return json_integer((json_int_t)v);
    }
    case 2: {
        /* the nearest double to a 3-digit decimal survives the round trip */
        char num[32];
        snprintf(num, sizeof num, "%de%d", (int)rnd(1999) - 999, (int)rnd(21) - 10);
        double v = strtod(num, NULL);
        qg_jsonw_real(w, v, 3);
        return json_real(v);
    }
    case 3:
        qg_jsonw_bool(w, true);
        return json_true();
    case 4:
        qg_jsonw_bool(w, false);
        return json_false();
    case 5:
        qg_jsonw_null(w);
        return json_null();
    case 6: {
        json_t *a = json_array();
        qg_jsonw_begin_array(w);
        for (uint32_t n = rnd(6), i = 0; i < n; i++)
            json_array_append_new(a, random_value(w, depth + 1));
        qg_jsonw_end_array(w);
        return a;
    }
    default: {
        json_t *o = json_object();
        qg_jsonw_begin_object(w);
        for (uint32_t n = rnd(6), i = 0; i < n; i++) {
            /* keys unique within the object: an index, then random text */
            char key[160];
            int kl = snprintf(key, sizeof key, "%u", i);
            size_t rl = random_string(key + kl, sizeof key - (size_t)kl);
            qg_jsonw_keyn(w, key, (size_t)kl + rl);
            json_object_setn_new(o, key, (size_t)kl + rl, random_value(w, depth + 1));
        }
        qg_jsonw_end_object(w);
        return o;
    }
    }
}

START_TEST(random_documents_match_jansson_and_parse)
{
    rng_state = 0x5eed + (uint64_t)_i;
    qg_jsonw w;
    qg_jsonw_init(&w, NULL, 0, NULL, NULL);
    for (int doc = 0; doc < 200; doc++) {
        qg_jsonw_reset(&w);
        json_t *tree = json_object();
        qg_jsonw_begin_object(&w);
        for (int i = 0; i < 4; i++) {
            char key[16];
            snprintf(key, sizeof key, "k%d", i);
            qg_jsonw_key(&w, key);
            json_object_set_new(tree, key, random_value(&w, 0));
        }
        qg_jsonw_end_object(&w);
        ck_assert(!w.failed);
        /* byte-identical to what jansson dumps */
        char *want = json_dumps(tree, DUMP_FLAGS);
        ck_assert_ptr_nonnull(want);
        ck_assert_uint_eq(w.len, strlen(want));
        ck_assert_msg(memcmp(w.buf, want, w.len) == 0, "doc %d differs:\n%.*s\n%s", doc, (int)w.len,
                      w.buf, want);
        free(want);
        /* valid JSON, and the same value */
        json_error_t err;
        json_t *back = json_loadb(w.buf, w.len, 0, &err);
        ck_assert_msg(back != NULL, "doc %d: %s at %d: %.*s", doc, err.text, err.position, (int)w.len,
                      w.buf);
        ck_assert_msg(json_equal(back, tree), "doc %d does not read back equal", doc);
        json_decref(back);
        json_decref(tree);
    }
    qg_jsonw_free(&w);
}
END_TEST

static Suite *jsonw_suite(void)
{
    Suite *s = suite_create("jsonw");
    TCase *tc = tcase_create("jsonw");
    tcase_add_test(tc, escapes_every_control_character);
    tcase_add_test(tc, uint_pairs);
    tcase_add_test(tc, quotes_and_backslashes);
    tcase_add_test(tc, utf8_passes_through);
    tcase_add_test(tc, nesting_and_commas);
    tcase_add_test(tc, integers);
    tcase_add_test(tc, reals_as_jansson);
    tcase_add_test(tc, growth_on_the_heap);
    tcase_add_test(tc, caller_buffer_then_heap);
    tcase_add_test(tc, growth_in_an_arena);
    tcase_add_test(tc, reuse_keeps_capacity);
    tcase_add_test(tc, flush_writes_and_empties);
    tcase_add_test(tc, failed_growth);
    tcase_add_loop_test(tc, random_documents_match_jansson_and_parse, 0, 5);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(jsonw_suite)
