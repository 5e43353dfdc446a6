/* check_quotes.c - tests of the quotes stage: pairing of curly, straight,
 * mixed and '' marks, nesting, apostrophes that are not quotes, unclosed and
 * multi-paragraph quotations, stray closing marks, content token ranges. */
#include "check_util.h"

#define LQ "\xE2\x80\x9C" /* “ */
#define RQ "\xE2\x80\x9D" /* ” */
#define LS "\xE2\x80\x98" /* ‘ */
#define RS "\xE2\x80\x99" /* ’ */

/* One expected quotation: its content text, flags, and parent index. */
typedef struct {
    const char *content;
    uint32_t flags;
    uint32_t parent;
    bool closed;
} want;

static void expect_quotes(const char *text, const want *w, size_t n)
{
    qg_doc *doc = run_stages(text, NULL, "quotes");
    ck_assert_msg(doc->quotes.count == n, "%u quotes, want %zu, in: %s", doc->quotes.count, n, text);
    for (size_t k = 0; k < n; k++) {
        const qg_quote *q = &doc->quotes.items[k];
        ck_assert_msg(doc->tokens.items[q->open].kind == QG_TOK_QUOTE, "quote %zu opens on a non-quote", k);
        ck_assert_msg(q->first == q->open + 1, "quote %zu: content starts at %u, open at %u", k, q->first, q->open);
        ck_assert_msg(span_is(doc, q->first, q->last, w[k].content), "quote %zu is '%s', want '%s'", k,
                      span_text(doc, q->first, q->last), w[k].content);
        ck_assert_msg(q->flags == w[k].flags, "quote %zu '%s' has flags %u, want %u", k, w[k].content, q->flags,
                      w[k].flags);
        ck_assert_msg(q->parent == w[k].parent, "quote %zu has parent %u, want %u", k, q->parent, w[k].parent);
        if (w[k].closed) {
            ck_assert_msg(q->close == q->last, "quote %zu: close %u, last %u", k, q->close, q->last);
            ck_assert_uint_eq(doc->tokens.items[q->close].kind, QG_TOK_QUOTE);
        } else {
            ck_assert_msg(q->close == QG_NONE, "quote %zu should be unclosed", k);
        }
        if (k > 0)
            ck_assert_uint_lt(doc->quotes.items[k - 1].open, q->open);
    }
    qg_doc_free(doc);
}

#define EXPECT(text, ...)                                                                          \
    expect_quotes((text), (const want[]){__VA_ARGS__}, sizeof((const want[]){__VA_ARGS__}) / sizeof(want))
#define EXPECT_NONE(text) expect_quotes((text), NULL, 0)
#define TOP QG_NONE

START_TEST(curly_pairs)
{
    EXPECT(LQ "We will never negotiate," RQ " he said.", {"We will never negotiate,", 0, TOP, true});
    EXPECT(LQ "One," RQ " he said, " LQ "and two." RQ, {"One,", 0, TOP, true}, {"and two.", 0, TOP, true});
    EXPECT("\xC2\xAB" "Non," "\xC2\xBB" " dit-il.", {"Non,", 0, TOP, true});
}
END_TEST

START_TEST(straight_pairs)
{
    EXPECT("\"We will never negotiate,\" he said.", {"We will never negotiate,", 0, TOP, true});
    EXPECT("He called it \"a lie\" and \"a trick\".", {"a lie", 0, TOP, true}, {"a trick", 0, TOP, true});
}
END_TEST

START_TEST(mismatched_marks)
{
    /* A straight opening mark closed by a curly one. */
    EXPECT("He said \"go now" RQ " and left.", {"go now", 0, TOP, true});
    EXPECT("He said " LQ "go now\" and left.", {"go now", 0, TOP, true});
}
END_TEST

START_TEST(nested_single_in_double)
{
    const char *text = LQ "He called it " LS "a lie" RS " today," RQ " she said.";
    EXPECT(text, {"He called it " LS "a lie" RS " today,", 0, TOP, true},
           {"a lie", QG_QF_NESTED | QG_QF_SINGLE, 0, true});
    EXPECT("\"He called it 'a lie' today,\" she said.", {"He called it 'a lie' today,", 0, TOP, true},
           {"a lie", QG_QF_NESTED | QG_QF_SINGLE, 0, true});
}
END_TEST

START_TEST(apostrophes_are_not_quotes)
{
    EXPECT_NONE("Iran" RS "s allies and the countries" RS " leaders won" RS "t meet.");
    EXPECT_NONE("Iran's allies and the countries' leaders won't meet.");
    /* An apostrophe inside a quotation does not close or open anything. */
    EXPECT(LQ "Iran" RS "s allies, the countries" RS " leaders," RQ " he said.",
           {"Iran" RS "s allies, the countries" RS " leaders,", 0, TOP, true});
}
END_TEST

START_TEST(two_apostrophes)
{
    EXPECT("He said ''fine'' today.", {"fine", 0, TOP, true});
    qg_doc *doc = run_stages("He said ''fine'' today.", NULL, "quotes");
    ck_assert(span_is(doc, doc->quotes.items[0].open, doc->quotes.items[0].open + 1, "''"));
    ck_assert_uint_eq(doc->quotes.items[0].flags & QG_QF_SINGLE, 0);
    qg_doc_free(doc);
}
END_TEST

START_TEST(unclosed_ends_at_paragraph)
{
    EXPECT(LQ "This is unclosed, he said.\n\nNext para.", {"This is unclosed, he said.", QG_QF_UNCLOSED, TOP, false});
    /* At the end of the document. */
    EXPECT("He said: " LQ "no end", {"no end", QG_QF_UNCLOSED, TOP, false});
    qg_doc *doc = run_stages(LQ "This is unclosed.\n\nNext para.", NULL, "quotes");
    ck_assert_uint_eq(doc->quotes.count, 1);
    /* The content ends before the next paragraph's first token. */
    ck_assert(span_is(doc, doc->quotes.items[0].last, doc->quotes.items[0].last + 1, "Next"));
    qg_doc_free(doc);
}
END_TEST

START_TEST(multi_paragraph)
{
    EXPECT(LQ "First part.\n\n" LQ "Second part," RQ " he said.", {"First part.", QG_QF_UNCLOSED, TOP, false},
           {"Second part,", QG_QF_CONTINUED, TOP, true});
    EXPECT(LQ "One.\n\n" LQ "Two.\n\n" LQ "Three," RQ " he said.", {"One.", QG_QF_UNCLOSED, TOP, false},
           {"Two.", QG_QF_UNCLOSED | QG_QF_CONTINUED, TOP, false}, {"Three,", QG_QF_CONTINUED, TOP, true});
    /* A next paragraph that does not open with a mark ends the quotation. */
    EXPECT(LQ "First part.\n\nHe said " LQ "no" RQ ".", {"First part.", QG_QF_UNCLOSED, TOP, false},
           {"no", 0, TOP, true});
}
END_TEST

START_TEST(stray_closing_mark)
{
    EXPECT("He left." RQ " Then " LQ "ok" RQ " came.", {"ok", 0, TOP, true});
    EXPECT_NONE("He left." RQ " Then he came.");
    EXPECT_NONE("No quotes at all here.");
    EXPECT_NONE("");
}
END_TEST

/* Openers deeper than max_quote_depth are left unpaired. */
START_TEST(depth_limit)
{
    char text[4096] = "";
    for (int k = 0; k < 40; k++)
        strcat(text, k % 2 ? LS "b " : LQ "a ");
    strcat(text, "core");
    for (int k = 39; k >= 0; k--)
        strcat(text, k % 2 ? " b" RS : " a" RQ);
    strcat(text, " he said.");
    /* Under the limit all 40 levels pair; over it, no quotation is deeper
     * than the limit (which marks pair then depends on the closers). */
    static const struct {
        uint32_t limit, deepest;
        bool exact;
    } cases[] = {{1, 1, true}, {3, 3, false}, {0, QG_MAX_QUOTE_DEPTH, false}, {39, 39, false},
                 {40, 40, true}, {1000, 40, true}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        qg_options opts = {.max_quote_depth = cases[c].limit};
        qg_pipeline *p;
        qg_doc *doc = run_with_options(text, &opts, &p);
        uint32_t deepest = 0;
        for (uint32_t k = 0; k < doc->quotes.count; k++) {
            uint32_t d = 1;
            for (uint32_t q = k; doc->quotes.items[q].parent != QG_NONE; q = doc->quotes.items[q].parent)
                d++;
            deepest = d > deepest ? d : deepest;
        }
        ck_assert_msg(cases[c].exact ? deepest == cases[c].deepest : deepest <= cases[c].deepest && deepest > 0,
                      "limit %u: depth %u, want %s%u", cases[c].limit, deepest, cases[c].exact ? "" : "at most ",
                      cases[c].deepest);
        qg_doc_free(doc);
        qg_pipeline_free(p);
    }
}
END_TEST

START_TEST(content_ranges)
{
    qg_doc *doc = run_stages("Sayyari said, " LQ "Europeans may have many wishes." RQ " Then " LQ RQ " ended.", NULL,
                             "quotes");
    ck_assert_uint_eq(doc->quotes.count, 2);
    const qg_quote *q = &doc->quotes.items[0];
    ck_assert_uint_eq(doc->tokens.items[q->open].start, (uint32_t)find_bytes(doc, LQ, 0));
    ck_assert_uint_eq(doc->tokens.items[q->close].start, (uint32_t)find_bytes(doc, RQ, 0));
    ck_assert_uint_eq(q->last - q->first, 6);
    ck_assert(span_is(doc, q->first, q->last, "Europeans may have many wishes."));
    /* An empty quotation has an empty content range. */
    const qg_quote *e = &doc->quotes.items[1];
    ck_assert_uint_eq(e->first, e->last);
    ck_assert_uint_eq(e->close, e->open + 1);
    qg_doc_free(doc);
}
END_TEST

static Suite *quotes_suite(void)
{
    Suite *s = suite_create("quotes");
    TCase *pairs = tcase_create("pairs");
    tcase_add_test(pairs, curly_pairs);
    tcase_add_test(pairs, straight_pairs);
    tcase_add_test(pairs, mismatched_marks);
    tcase_add_test(pairs, nested_single_in_double);
    tcase_add_test(pairs, apostrophes_are_not_quotes);
    tcase_add_test(pairs, two_apostrophes);
    tcase_add_test(pairs, content_ranges);
    tcase_add_test(pairs, depth_limit);
    suite_add_tcase(s, pairs);
    TCase *runs = tcase_create("runs");
    tcase_add_test(runs, unclosed_ends_at_paragraph);
    tcase_add_test(runs, multi_paragraph);
    tcase_add_test(runs, stray_closing_mark);
    suite_add_tcase(s, runs);
    return s;
}

QG_CHECK_MAIN(quotes_suite)
