/* check_stage.c - tests of the stage table (pipeline/stage.c) and the
 * runner (pipeline/pipeline.c): names, masks with prerequisites, unknown
 * names, running a subset and resuming, stages_done, arenas handed back. */
#include "check_util.h"

static const char *const names[QG_STAGE_COUNT] = {"tokenize", "sentences", "dates", "quotes",
                                                  "mentions", "coref",     "attribution"};

START_TEST(stage_find)
{
    for (int s = 0; s < QG_STAGE_COUNT; s++) {
        ck_assert_int_eq(qg_stage_find(names[s]), s);
        ck_assert_str_eq(qg_stages[s].name, names[s]);
        ck_assert(qg_stages[s].summary && qg_stages[s].summary[0]);
        ck_assert_ptr_nonnull(qg_stages[s].run);
    }
    ck_assert_int_eq(qg_stage_find("nope"), -1);
    ck_assert_int_eq(qg_stage_find(""), -1);
    ck_assert_int_eq(qg_stage_find("Tokenize"), -1);
    ck_assert_int_eq(qg_stage_find("all"), -1);
}
END_TEST

/* The table is in dependency order: a stage needs only earlier ones. */
START_TEST(table_order)
{
    for (int s = 0; s < QG_STAGE_COUNT; s++) {
        uint32_t earlier = QG_STAGE_BIT(s) - 1u;
        ck_assert_msg((qg_stages[s].needs & ~earlier) == 0, "stage %s needs a later stage", qg_stages[s].name);
    }
    ck_assert_uint_eq(qg_stages[QG_STAGE_TOKENIZE].needs, 0);
}
END_TEST

static uint32_t mask_of(const char *list)
{
    qg_error err = {0};
    uint32_t m = 0xDEAD;
    ck_assert_msg(qg_stage_mask(list, &m, &err) == 0, "'%s': %s", list, err.message);
    return m;
}

#define B QG_STAGE_BIT

START_TEST(stage_mask)
{
    ck_assert_uint_eq(mask_of("tokenize"), B(QG_STAGE_TOKENIZE));
    ck_assert_uint_eq(mask_of("sentences"), B(QG_STAGE_TOKENIZE) | B(QG_STAGE_SENTENCES));
    ck_assert_uint_eq(mask_of("quotes"), B(QG_STAGE_TOKENIZE) | B(QG_STAGE_SENTENCES) | B(QG_STAGE_QUOTES));
    ck_assert_uint_eq(mask_of("dates"), B(QG_STAGE_TOKENIZE) | B(QG_STAGE_SENTENCES) | B(QG_STAGE_DATES));
    ck_assert_uint_eq(mask_of("mentions"),
                      B(QG_STAGE_TOKENIZE) | B(QG_STAGE_SENTENCES) | B(QG_STAGE_DATES) | B(QG_STAGE_MENTIONS));
    ck_assert_uint_eq(mask_of("coref"), QG_STAGES_ALL & ~B(QG_STAGE_ATTRIBUTION));
    ck_assert_uint_eq(mask_of("attribution"), QG_STAGES_ALL);
    ck_assert_uint_eq(mask_of("all"), QG_STAGES_ALL);
    ck_assert_uint_eq(mask_of("dates,quotes"),
                      B(QG_STAGE_TOKENIZE) | B(QG_STAGE_SENTENCES) | B(QG_STAGE_DATES) | B(QG_STAGE_QUOTES));
    ck_assert_uint_eq(mask_of("quotes,tokenize,quotes"), mask_of("quotes"));
    ck_assert_uint_eq(mask_of("tokenize,all"), QG_STAGES_ALL);
}
END_TEST

static void expect_bad_list(const char *list, const char *want)
{
    qg_error err = {0};
    uint32_t m = 0xDEAD;
    ck_assert_msg(qg_stage_mask(list, &m, &err) == -1, "'%s' accepted", list);
    ck_assert_int_eq(err.status, QG_ERR_USAGE);
    ck_assert_msg(strstr(err.message, want) != NULL, "'%s': message '%s' lacks '%s'", list, err.message, want);
    ck_assert_uint_eq(m, 0xDEAD); /* untouched on error */
}

START_TEST(unknown_names)
{
    expect_bad_list("tokenise", "unknown stage 'tokenise'");
    expect_bad_list("quotes,speakers", "unknown stage 'speakers'");
    expect_bad_list(",quotes", "bad stage list");
    expect_bad_list("quotes,,dates", "bad stage list");
    expect_bad_list("QUOTES", "unknown stage 'QUOTES'");
    expect_bad_list("a-very-long-stage-name-that-overflows-the-buffer", "bad stage list");
    /* The message lists the stages. */
    qg_error err = {0};
    uint32_t m;
    qg_stage_mask("x", &m, &err);
    for (int s = 0; s < QG_STAGE_COUNT; s++)
        ck_assert_ptr_nonnull(strstr(err.message, names[s]));
}
END_TEST

/* SOURCE BUG (pipeline/stage.c, qg_stage_mask): an empty name is "bad stage
 * list" at the start (",quotes") and in the middle ("quotes,,dates"), but a
 * trailing comma ("quotes,") skips the last empty name and is accepted. */
START_TEST(trailing_comma_rejected)
{
    expect_bad_list("quotes,", "bad stage list");
}
END_TEST

START_TEST(run_subset_then_rest)
{
    const char *text = "\xE2\x80\x9CWe will never negotiate,\xE2\x80\x9D Gen. Hossein Salami said on Sunday.";
    qg_doc *doc = run_stages(text, "2019-06-02", "quotes");
    ck_assert_uint_eq(doc->stages_done, mask_of("quotes"));
    ck_assert_uint_gt(doc->tokens.count, 0);
    ck_assert_uint_gt(doc->sentences.count, 0);
    ck_assert_uint_eq(doc->quotes.count, 1);
    ck_assert_uint_eq(doc->timexes.count, 0); /* dates did not run */
    ck_assert_uint_eq(doc->mentions.count, 0);
    ck_assert_uint_eq(doc->statements.count, 0);
    qg_token *first_tokens = doc->tokens.items;
    uint32_t ntok = doc->tokens.count;
    /* The full pipeline runs only what is missing. */
    qg_pipeline *all = test_pipeline("all");
    qg_error err = {0};
    ck_assert_int_eq(qg_pipeline_run(all, doc, &err), QG_OK);
    ck_assert_uint_eq(doc->stages_done, QG_STAGES_ALL);
    ck_assert_ptr_eq(doc->tokens.items, first_tokens);
    ck_assert_uint_eq(doc->tokens.count, ntok);
    ck_assert_uint_eq(doc->quotes.count, 1);
    ck_assert_uint_eq(doc->timexes.count, 1);
    ck_assert_uint_gt(doc->mentions.count, 0);
    ck_assert_uint_gt(doc->statements.count, 0);
    /* Running again changes nothing. */
    ck_assert_int_eq(qg_pipeline_run(all, doc, &err), QG_OK);
    ck_assert_uint_eq(doc->tokens.count, ntok);
    ck_assert_uint_eq(doc->quotes.count, 1);
    qg_doc_free(doc);
}
END_TEST

START_TEST(missing_prerequisite)
{
    /* A raw bit set without the stages quotes needs. */
    qg_options opts = {.stages = QG_STAGE_BIT(QG_STAGE_QUOTES)};
    qg_pipeline *p = qg_pipeline_new(test_rules(), &opts);
    ck_assert_ptr_nonnull(p);
    qg_error err = {0};
    qg_doc *doc = qg_doc_new(p, "x", NULL, "A \"b\" c.", 8, NULL, &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(qg_pipeline_run(p, doc, &err), QG_ERR_USAGE);
    ck_assert_int_eq(err.status, QG_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "quotes"));
    ck_assert_uint_eq(doc->stages_done, 0);
    qg_doc_free(doc);
    qg_pipeline_free(p);
}
END_TEST

START_TEST(default_options_run_all)
{
    qg_pipeline *p = qg_pipeline_new(test_rules(), NULL);
    qg_options zero = {0};
    qg_pipeline *q = qg_pipeline_new(test_rules(), &zero);
    ck_assert(p && q);
    qg_error err = {0};
    const char *text = "Officials said on Monday that talks failed.";
    qg_doc *a = qg_doc_new(p, "a", NULL, text, strlen(text), NULL, &err);
    qg_doc *b = qg_doc_new(q, "b", NULL, text, strlen(text), NULL, &err);
    ck_assert(a && b);
    ck_assert_int_eq(qg_pipeline_run(p, a, &err), QG_OK);
    ck_assert_int_eq(qg_pipeline_run(q, b, &err), QG_OK);
    ck_assert_uint_eq(a->stages_done, QG_STAGES_ALL);
    ck_assert_uint_eq(b->stages_done, QG_STAGES_ALL);
    qg_doc_free(a);
    qg_doc_free(b);
    qg_pipeline_free(p);
    qg_pipeline_free(q);
    qg_pipeline_free(NULL);
}
END_TEST

/* Documents hand their arena back: several alive at once, then many in a
 * row on one pipeline, give the same results (and no leaks under asan). */
START_TEST(arena_reuse)
{
    qg_pipeline *p = qg_pipeline_new(test_rules(), NULL);
    ck_assert_ptr_nonnull(p);
    const char *text = "\xE2\x80\x9CNo talks,\xE2\x80\x9D Ayatollah Khamenei said on Tuesday in Tehran.";
    qg_error err = {0};
    qg_doc *docs[3];
    for (int k = 0; k < 3; k++) {
        docs[k] = qg_doc_new(p, "x", NULL, text, strlen(text), "2019-06-02", &err);
        ck_assert_ptr_nonnull(docs[k]);
        ck_assert_int_eq(qg_pipeline_run(p, docs[k], &err), QG_OK);
    }
    for (int k = 1; k < 3; k++) {
        ck_assert_ptr_ne(docs[k]->arena, docs[0]->arena);
        ck_assert_uint_eq(docs[k]->tokens.count, docs[0]->tokens.count);
        ck_assert_uint_eq(docs[k]->statements.count, docs[0]->statements.count);
    }
    uint32_t ntok = docs[0]->tokens.count, nst = docs[0]->statements.count;
    for (int k = 0; k < 3; k++)
        qg_doc_free(docs[k]);
    for (int k = 0; k < 20; k++) {
        qg_doc *d = qg_doc_new(p, "y", NULL, text, strlen(text), "2019-06-02", &err);
        ck_assert_ptr_nonnull(d);
        ck_assert_int_eq(qg_pipeline_run(p, d, &err), QG_OK);
        ck_assert_uint_eq(d->tokens.count, ntok);
        ck_assert_uint_eq(d->statements.count, nst);
        qg_doc_free(d);
    }
    qg_pipeline_free(p);
}
END_TEST

static Suite *stage_suite(void)
{
    Suite *s = suite_create("stage");
    TCase *table = tcase_create("table");
    tcase_add_test(table, stage_find);
    tcase_add_test(table, table_order);
    tcase_add_test(table, stage_mask);
    tcase_add_test(table, unknown_names);
    tcase_add_test(table, trailing_comma_rejected);
    suite_add_tcase(s, table);
    TCase *run = tcase_create("run");
    tcase_add_test(run, run_subset_then_rest);
    tcase_add_test(run, missing_prerequisite);
    tcase_add_test(run, default_options_run_all);
    tcase_add_test(run, arena_reuse);
    suite_add_tcase(s, run);
    return s;
}

QG_CHECK_MAIN(stage_suite)
