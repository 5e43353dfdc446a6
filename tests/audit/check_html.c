/* check_html.c - unit tests for audit/html.c: escaping, code point counts,
 * and the span sweep (nesting, overlaps, multi-byte text, many spans). */
#include "../../audit/html.h"

#include "check_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* Markers for the sweep: <KIND> or <KIND+> for a continued piece, </KIND>. */
static void open_tag(void *ctx, FILE *out, const qg_html_span *s, bool continued)
{
    (void)ctx;
    fprintf(out, "<%c%s>", 'A' + s->kind, continued ? "+" : "");
}

static void close_tag(void *ctx, FILE *out, const qg_html_span *s)
{
    (void)ctx;
    fprintf(out, "</%c>", 'A' + s->kind);
}

static char *sweep(const char *text, qg_html_span *spans, size_t n)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(qg_html_spans(f, text, strlen(text), spans, n, open_tag, close_tag, NULL), 0);
    fclose(f);
    return buf;
}

static char *escaped(const char *s)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    qg_html_puts(f, s);
    fclose(f);
    return buf;
}

#define CHECK_SWEEP(text, expect, ...)                                                            \
    do {                                                                                          \
        qg_html_span sp_[] = {__VA_ARGS__};                                                       \
        char *got_ = sweep(text, sp_, sizeof sp_ / sizeof sp_[0]);                                \
        ck_assert_str_eq(got_, expect);                                                           \
        free(got_);                                                                               \
    } while (0)

START_TEST(test_escape)
{
    char *s = escaped("a<b>&\"c\" 'd' \xE2\x80\x9C\xC3\xA9\xE2\x80\x9D");
    ck_assert_str_eq(s, "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39; \xE2\x80\x9C\xC3\xA9\xE2\x80\x9D");
    free(s);
    s = escaped("");
    ck_assert_str_eq(s, "");
    free(s);
    s = escaped(NULL);
    ck_assert_str_eq(s, "");
    free(s);
}
END_TEST

START_TEST(test_cp_count)
{
    ck_assert_int_eq(qg_html_cp_count("abc", 3), 3);
    ck_assert_int_eq(qg_html_cp_count("\xC3\xA9t\xC3\xA9", 5), 3);
    ck_assert_int_eq(qg_html_cp_count("\xE2\x80\x9Cx\xE2\x80\x9D \xF0\x9F\x98\x80", 12), 5);
    ck_assert_int_eq(qg_html_cp_count("", 0), 0);
    ck_assert_int_eq(qg_html_cp_count("a\xFF", 2), -1);          /* not UTF-8 */
    ck_assert_int_eq(qg_html_cp_count("\xE2\x80", 2), -1);       /* cut short */
    ck_assert_int_eq(qg_html_cp_count("\xED\xA0\x80", 3), -1);   /* a surrogate */
}
END_TEST

START_TEST(test_no_spans)
{
    qg_html_span none[1];
    char *s = sweep("a < b", none, 0);
    ck_assert_str_eq(s, "a &lt; b");
    free(s);
}
END_TEST

START_TEST(test_nested)
{
    /* Inside, at the start, at the end, and longer spans outside. */
    CHECK_SWEEP("abcdef", "<A>a<B>bc</B>def</A>", {0, 6, 0, 0}, {1, 3, 1, 0});
    CHECK_SWEEP("abcdef", "<A><B>ab</B>cdef</A>", {0, 6, 0, 0}, {0, 2, 1, 0});
    CHECK_SWEEP("abcdef", "<A>abcd<B>ef</B></A>", {0, 6, 0, 0}, {4, 6, 1, 0});
    CHECK_SWEEP("abcdef", "<B><A>ab</A>cdef</B>", {0, 2, 0, 0}, {0, 6, 1, 0});
    /* The same range: the lower kind is outside, whatever the input order. */
    CHECK_SWEEP("abc", "a<B><C>b</C></B>c", {1, 2, 2, 0}, {1, 2, 1, 0});
    /* Side by side, touching. */
    CHECK_SWEEP("abcd", "<A>ab</A><B>cd</B>", {2, 4, 1, 0}, {0, 2, 0, 0});
}
END_TEST

START_TEST(test_overlap)
{
    /* B starts inside A and ends after it: cut at A's end, reopened after. */
    CHECK_SWEEP("abcdef", "<A>ab<B>cd</B></A><B+>ef</B>", {0, 4, 0, 0}, {2, 6, 1, 0});
    /* Three in a chain, and one inside the middle one. */
    CHECK_SWEEP("abcdefgh", "<A>ab<B>cd</B></A><B+>e<D>f</D></B><C>gh</C>",
                {0, 4, 0, 0}, {2, 6, 1, 0}, {6, 8, 2, 0}, {5, 6, 3, 0});
    /* Everything closing at one offset closes innermost first. */
    CHECK_SWEEP("abcd", "<A>a<B>b<C>cd</C></B></A>", {0, 4, 0, 0}, {1, 4, 1, 0}, {2, 4, 2, 0});
}
END_TEST

START_TEST(test_utf8_offsets)
{
    /* Offsets count code points: “ and é are one each, 3 and 2 bytes. */
    const char *text = "\xE2\x80\x9C\xC3\xA9t\xC3\xA9\xE2\x80\x9D he said \xF0\x9F\x98\x80 ok";
    CHECK_SWEEP(text,
                "\xE2\x80\x9C<A>\xC3\xA9t\xC3\xA9</A>\xE2\x80\x9D <B>he</B> <C>said</C> \xF0\x9F\x98\x80 <D>ok</D>",
                {1, 4, 0, 0}, {6, 8, 1, 0}, {9, 13, 2, 0}, {16, 18, 3, 0});
    /* Escaping still applies inside spans. */
    CHECK_SWEEP("\xC3\xA9<&>", "\xC3\xA9<A>&lt;&amp;</A>&gt;", {1, 3, 0, 0});
}
END_TEST

START_TEST(test_bad_spans_left_out)
{
    /* Empty, reversed and past-the-end spans are dropped; the rest stays. */
    CHECK_SWEEP("abc", "a<B>b</B>c", {1, 1, 0, 0}, {2, 1, 0, 0}, {1, 2, 1, 0}, {2, 9, 2, 0});
}
END_TEST

/* Checks that OUT nests its markers properly and returns the text left. */
static size_t check_nesting(const char *out, size_t *opened)
{
    char stack[4096];
    size_t depth = 0, text = 0;
    *opened = 0;
    for (const char *p = out; *p; p++) {
        if (*p != '<') {
            text++;
            continue;
        }
        if (p[1] == '/') {
            ck_assert_msg(depth > 0 && stack[depth - 1] == p[2], "bad close at %ld", (long)(p - out));
            depth--;
        } else {
            ck_assert_uint_lt(depth, sizeof stack);
            stack[depth++] = p[1];
            ++*opened;
        }
        p = strchr(p, '>');
    }
    ck_assert_uint_eq(depth, 0);
    return text;
}

START_TEST(test_many_overlapping_spans)
{
    /* 100000 spans [i, i+3) each overlapping the next two: the output stays
     * nested and its size linear (each boundary reopens at most 2 pieces). */
    enum { N = 100000 };
    char *text = malloc(N + 3);
    qg_html_span *spans = malloc(N * sizeof *spans);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(spans);
    memset(text, 'x', N + 2);
    text[N + 2] = '\0';
    for (size_t i = 0; i < N; i++)
        spans[i] = (qg_html_span){i, i + 3, (int)(i % 3), i};
    char *out = sweep(text, spans, N);
    size_t opened;
    ck_assert_uint_eq(check_nesting(out, &opened), N + 2);
    ck_assert_uint_le(opened, 3 * (size_t)N);
    free(out);
    free(spans);
    free(text);
}
END_TEST

static Suite *html_suite(void)
{
    Suite *s = suite_create("audit_html");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_escape);
    tcase_add_test(tc, test_cp_count);
    tcase_add_test(tc, test_no_spans);
    tcase_add_test(tc, test_nested);
    tcase_add_test(tc, test_overlap);
    tcase_add_test(tc, test_utf8_offsets);
    tcase_add_test(tc, test_bad_spans_left_out);
    tcase_add_test(tc, test_many_overlapping_spans);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(html_suite)
