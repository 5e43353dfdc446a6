/* check_sentences.c - tests of the sentences stage: splits at . ! ?, no
 * split after abbreviations and initials, quotations kept with their frame,
 * paragraph breaks, headline lines, and the date metadata line. */
#include "check_util.h"

/* Checks that TEXT splits into exactly the sentences W[0..n) (exact text). */
static void expect_sentences(const char *text, const char *const *w, size_t n)
{
    qg_doc *doc = run_stages(text, NULL, "sentences");
    for (uint32_t k = 0; k < doc->sentences.count && k < n; k++) {
        const qg_sentence *s = &doc->sentences.items[k];
        ck_assert_msg(span_is(doc, s->first, s->last, w[k]), "sentence %u is '%s', want '%s'", k,
                      span_text(doc, s->first, s->last), w[k]);
    }
    if (doc->sentences.count != n) {
        char got[1024] = "";
        for (uint32_t k = 0; k < doc->sentences.count; k++) {
            const qg_sentence *s = &doc->sentences.items[k];
            size_t used = strlen(got);
            snprintf(got + used, sizeof got - used, " [%s]", span_text(doc, s->first, s->last));
        }
        ck_abort_msg("%u sentences, want %zu:%s", doc->sentences.count, n, got);
    }
    qg_doc_free(doc);
}

#define EXPECT_SENTENCES(text, ...)                                                                \
    expect_sentences((text), (const char *const[]){__VA_ARGS__},                                   \
                     sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

START_TEST(final_punctuation)
{
    EXPECT_SENTENCES("Hello! Really? Yes. No.", "Hello!", "Really?", "Yes.", "No.");
    EXPECT_SENTENCES("It rose 3.5 percent. Then it fell.", "It rose 3.5 percent.", "Then it fell.");
    /* Lower case after a period is no new sentence. */
    EXPECT_SENTENCES("It cost $5 vs. $6 and ended.", "It cost $5 vs. $6 and ended.");
    /* A sentence ending in a number is ended by the next capital. */
    EXPECT_SENTENCES("They met on June 5. The talks failed.", "They met on June 5.", "The talks failed.");
    EXPECT_SENTENCES("Wait... Nothing came.", "Wait...", "Nothing came.");
}
END_TEST

START_TEST(abbreviations_do_not_split)
{
    EXPECT_SENTENCES("Gen. Smith met Rep. Jones and Mr. Brown on Jan. 5 in Tehran.",
                     "Gen. Smith met Rep. Jones and Mr. Brown on Jan. 5 in Tehran.");
    EXPECT_SENTENCES("J. R. Smith spoke. He left.", "J. R. Smith spoke.", "He left.");
    EXPECT_SENTENCES("He met U.S. officials. They agreed.", "He met U.S. officials.", "They agreed.");
    /* A listed abbreviation before a function word does end the sentence. */
    EXPECT_SENTENCES("He works for Acme Inc. The firm agreed.", "He works for Acme Inc.", "The firm agreed.");
}
END_TEST

/* Regression (found as a source bug while writing these tests): "U.S." did
 * not get QG_TF_ABBR in stages/tokenize.c, so abbr_ends() never ended a
 * sentence after it and "the U.S. The talks" stayed one sentence. */
START_TEST(us_at_sentence_end)
{
    EXPECT_SENTENCES("They met in the U.S. The talks ended.", "They met in the U.S.", "The talks ended.");
}
END_TEST

START_TEST(quotation_keeps_frame)
{
    EXPECT_SENTENCES("\xE2\x80\x9C" "A. B,\xE2\x80\x9D he said. Next.", "\xE2\x80\x9C" "A. B,\xE2\x80\x9D he said.",
                     "Next.");
    EXPECT_SENTENCES("\xE2\x80\x9CWe will win. We are ready,\xE2\x80\x9D he said. They left.",
                     "\xE2\x80\x9CWe will win. We are ready,\xE2\x80\x9D he said.", "They left.");
    EXPECT_SENTENCES("\"We will win. We are ready,\" he said.", "\"We will win. We are ready,\" he said.");
    /* A closing mark after the period goes with the sentence. */
    EXPECT_SENTENCES("He said: \xE2\x80\x9CWe will win.\xE2\x80\x9D Then he left.",
                     "He said: \xE2\x80\x9CWe will win.\xE2\x80\x9D", "Then he left.");
    EXPECT_SENTENCES("It ended (finally.) Then it began.", "It ended (finally.)", "Then it began.");
    /* A question or exclamation in quotes keeps a frame that follows it. */
    EXPECT_SENTENCES("\"Are you angry?\" Gail Thornton asked. \"No!\" he said. \"Why?\" Then he left.",
                     "\"Are you angry?\" Gail Thornton asked.", "\"No!\" he said.", "\"Why?\"", "Then he left.");
}
END_TEST

START_TEST(paragraph_breaks)
{
    EXPECT_SENTENCES("No period here\n\nnext one.", "No period here", "next one.");
    /* Even an open quotation ends with its paragraph. */
    EXPECT_SENTENCES("\xE2\x80\x9CUnclosed and on.\n\nNext para.", "\xE2\x80\x9CUnclosed and on.", "Next para.");
    qg_doc *doc = run_stages("One. Two.\n\nThree.\n\n\nFour", NULL, "sentences");
    ck_assert_uint_eq(doc->sentences.count, 4);
    const uint32_t para[] = {0, 0, 1, 2};
    const bool starts[] = {true, false, true, true};
    for (uint32_t k = 0; k < 4; k++) {
        ck_assert_uint_eq(doc->sentences.items[k].para, para[k]);
        ck_assert_msg(((doc->sentences.items[k].flags & QG_SF_PARA_START) != 0) == starts[k],
                      "sentence %u: QG_SF_PARA_START wrong", k);
    }
    qg_doc_free(doc);
}
END_TEST

START_TEST(headlines)
{
    const char *text = "Big Headline Here\nBy John Smith\n\nThe text. More text.\nA line without end\n\nNew "
                       "para.\nThis sentence is\nwrapped here.";
    EXPECT_SENTENCES(text, "Big Headline Here", "By John Smith", "The text.", "More text.", "A line without end",
                     "New para.", "This sentence is\nwrapped here.");
    qg_doc *doc = run_stages(text, NULL, "sentences");
    const bool headline[] = {true, true, false, false, true, false, false};
    ck_assert_uint_eq(doc->sentences.count, 7);
    for (uint32_t k = 0; k < 7; k++)
        ck_assert_msg(((doc->sentences.items[k].flags & QG_SF_HEADLINE) != 0) == headline[k],
                      "sentence %u '%s': QG_SF_HEADLINE wrong", k,
                      span_text(doc, doc->sentences.items[k].first, doc->sentences.items[k].last));
    qg_doc_free(doc);
    /* A line ending in final punctuation inside a quotation is no headline. */
    doc = run_stages("He said \xE2\x80\x9Cyes.\xE2\x80\x9D\nThen left.", NULL, "sentences");
    ck_assert_uint_ge(doc->sentences.count, 1);
    ck_assert_uint_eq(doc->sentences.items[0].flags & QG_SF_HEADLINE, 0);
    qg_doc_free(doc);
}
END_TEST

START_TEST(metadata_line)
{
    EXPECT_SENTENCES("date 2019-06-02\nText here. More.", "date 2019-06-02", "Text here.", "More.");
    qg_doc *doc = run_stages("date 2019-06-02\nText here. More.", NULL, "sentences");
    ck_assert_uint_eq(doc->sentences.items[1].flags & QG_SF_PARA_START, QG_SF_PARA_START);
    ck_assert_uint_eq(doc->sentences.items[1].para, doc->sentences.items[0].para + 1);
    qg_doc_free(doc);
}
END_TEST

/* Sentences partition the tokens: contiguous, non-empty, in order. */
START_TEST(sentences_partition_tokens)
{
    const char *text = "date 2019-06-02\n\nIRAN SAYS NO TALKS\n\n\xE2\x80\x9CWe will never negotiate. Never,\xE2\x80"
                       "\x9D Rear Adm. Sayyari said on Sunday. The U.S. embassy (in Gen. Smith\xE2\x80\x99s words) "
                       "said no!\n\xE2\x80\x9CMore.\n\n\xE2\x80\x9C" "And more,\xE2\x80\x9D he said. Wow... really?";
    qg_doc *doc = run_stages(text, NULL, "sentences");
    ck_assert_uint_gt(doc->sentences.count, 5);
    uint32_t next = 0;
    for (uint32_t k = 0; k < doc->sentences.count; k++) {
        const qg_sentence *s = &doc->sentences.items[k];
        ck_assert_uint_eq(s->first, next);
        ck_assert_uint_lt(s->first, s->last);
        if (k > 0)
            ck_assert_uint_ge(s->para, doc->sentences.items[k - 1].para);
        next = s->last;
    }
    ck_assert_uint_eq(next, doc->tokens.count);
    qg_doc_free(doc);
}
END_TEST

START_TEST(empty_document)
{
    qg_doc *doc = run_stages("", NULL, "sentences");
    ck_assert_uint_eq(doc->sentences.count, 0);
    qg_doc_free(doc);
    doc = run_stages("word", NULL, "sentences");
    ck_assert_uint_eq(doc->sentences.count, 1);
    ck_assert_uint_eq(doc->sentences.items[0].flags, QG_SF_HEADLINE | QG_SF_PARA_START);
    qg_doc_free(doc);
}
END_TEST

/* A run of tokens without punctuation is cut at max_sentence_tokens. */
START_TEST(token_limit)
{
    char text[2048] = "";
    for (int k = 0; k < 1000; k++)
        strcat(text, k % 2 ? "b " : "a ");
    static const struct {
        uint32_t limit, want;
    } cases[] = {{0, 3}, {5, 200}, {400, 3}, {1000, 1}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        qg_options opts = {.max_sentence_tokens = cases[c].limit};
        qg_pipeline *p;
        qg_doc *doc = run_with_options(text, &opts, &p);
        ck_assert_msg(doc->sentences.count == cases[c].want, "limit %u: %u sentences, want %u", cases[c].limit,
                      doc->sentences.count, cases[c].want);
        for (uint32_t k = 0; k < doc->sentences.count; k++)
            ck_assert_uint_le(doc->sentences.items[k].last - doc->sentences.items[k].first,
                              cases[c].limit ? cases[c].limit : QG_MAX_SENTENCE_TOKENS);
        qg_doc_free(doc);
        qg_pipeline_free(p);
    }
}
END_TEST

static Suite *sentences_suite(void)
{
    Suite *s = suite_create("sentences");
    TCase *split = tcase_create("split");
    tcase_add_test(split, final_punctuation);
    tcase_add_test(split, abbreviations_do_not_split);
    tcase_add_test(split, us_at_sentence_end);
    tcase_add_test(split, quotation_keeps_frame);
    suite_add_tcase(s, split);
    TCase *layout = tcase_create("layout");
    tcase_add_test(layout, paragraph_breaks);
    tcase_add_test(layout, headlines);
    tcase_add_test(layout, metadata_line);
    tcase_add_test(layout, sentences_partition_tokens);
    tcase_add_test(layout, empty_document);
    tcase_add_test(layout, token_limit);
    suite_add_tcase(s, layout);
    return s;
}

QG_CHECK_MAIN(sentences_suite)
