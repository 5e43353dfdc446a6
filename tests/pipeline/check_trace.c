/* check_trace.c - the opt-in decision trace (pipeline/trace.h). */
#include "../check_util.h"
#include "provenance.h"
#include "trace.h"

static const char pronoun_text[] = "Maria Lopez met the mayor of Springfield on Tuesday.\n\n"
                                   "John Carter, the city treasurer, joined them later.\n\n"
                                   "She said the budget would be balanced by June.\n";

static qg_doc *traced(const char *text, qg_pipeline **p)
{
    qg_options opts = {0};
    opts.trace = 1;
    return run_with_options(text, &opts, p);
}

/* Index of the first record with REASON and A == a (QG_NONE: any), or -1. */
static long find_rec(const qg_doc *d, uint32_t reason, uint32_t a)
{
    for (uint32_t k = 0; k < d->trace.count; k++)
        if (d->trace.items[k].reason == reason && (a == QG_NONE || d->trace.items[k].a == a))
            return (long)k;
    return -1;
}

/* The mention starting at byte B. */
static uint32_t mention_at(const qg_doc *d, long b)
{
    for (uint32_t m = 0; m < d->mentions.count; m++)
        if (d->tokens.items[d->mentions.items[m].first].start == (uint32_t)b)
            return m;
    return QG_NONE;
}

START_TEST(off_records_nothing)
{
    qg_doc *doc = run_stages(pronoun_text, NULL, "attribution");
    ck_assert_uint_eq(doc->tracing, 0);
    ck_assert_uint_eq(doc->trace.count, 0);
    ck_assert_uint_eq(doc->statements.count, 1);
    qg_doc_free(doc);
}
END_TEST

START_TEST(graph_same_with_trace)
{
    static const char text[] = "\"We will respond,\" the minister said on Sunday.\n\n"
                               "Senator Ellen Park said: \"We will not give up on this bill.\"\n";
    qg_pipeline *p;
    qg_doc *on = traced(text, &p);
    ck_assert_uint_gt(on->trace.count, 0);
    qg_doc *off = run_stages(text, NULL, "attribution");
    char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    FILE *fa = open_memstream(&a, &na), *fb = open_memstream(&b, &nb);
    ck_assert_int_eq(qg_write_graph(on, test_rules(), fa), 0);
    ck_assert_int_eq(qg_write_graph(off, test_rules(), fb), 0);
    fclose(fa);
    fclose(fb);
    ck_assert_uint_eq(na, nb);
    ck_assert_int_eq(memcmp(a, b, na), 0);
    free(a);
    free(b);
    qg_doc_free(on);
    qg_doc_free(off);
    qg_pipeline_free(p);
}
END_TEST

START_TEST(pronoun_candidates_in_order)
{
    qg_pipeline *p;
    qg_doc *doc = traced(pronoun_text, &p);
    uint32_t she = mention_at(doc, find_bytes(doc, "She", 0));
    uint32_t john = mention_at(doc, find_bytes(doc, "John Carter", 0));
    uint32_t maria = mention_at(doc, find_bytes(doc, "Maria Lopez", 0));
    ck_assert_uint_ne(she, QG_NONE);
    long rejected = find_rec(doc, QG_T_PRON_DISAGREE, she);
    long chosen = find_rec(doc, QG_T_PRON_SUBJECT, she);
    ck_assert_int_ge(rejected, 0);
    ck_assert_int_gt(chosen, rejected); /* John is looked at first, then Maria */
    ck_assert_uint_eq(doc->trace.items[rejected].b, john);
    ck_assert_uint_eq(doc->trace.items[chosen].b, maria);
    ck_assert_uint_eq(doc->trace.items[chosen].c, doc->mentions.items[she].entity);
    ck_assert_uint_eq(doc->trace.items[chosen].c, doc->mentions.items[maria].entity);
    qg_doc_free(doc);
    qg_pipeline_free(p);
}
END_TEST

START_TEST(statement_records_match_spans)
{
    qg_pipeline *p;
    qg_doc *doc = traced("\"Nobody here is going to vote for that plan anytime soon.\"\n\n"
                         "\"It is over,\" she said.\n", &p);
    ck_assert_uint_eq(doc->statements.count, 2);
    for (uint32_t k = 0; k < doc->statements.count; k++) {
        const qg_statement *s = &doc->statements.items[k];
        long e = find_rec(doc, QG_T_EMIT, s->start);
        ck_assert_int_ge(e, 0);
        ck_assert_uint_eq(doc->trace.items[e].b, s->end);
        ck_assert_uint_eq(doc->trace.items[e].rule, s->rule);
    }
    /* the first quote: both frames failed, then no earlier speaker */
    ck_assert_int_ge(find_rec(doc, QG_T_FRAME_AFTER_NONE, 0), 0);
    ck_assert_int_ge(find_rec(doc, QG_T_FRAME_BEFORE_NONE, 0), 0);
    ck_assert_int_ge(find_rec(doc, QG_T_CONT_UNATTRIBUTED, 0), 0);
    ck_assert_uint_eq(doc->statements.items[0].rule, QG_R_QUOTE_UNATTRIBUTED);
    /* the second: a pronoun source lowers the confidence */
    long c = find_rec(doc, QG_T_CONF_ANAPHOR, doc->statements.items[1].start);
    ck_assert_int_ge(c, 0);
    ck_assert_int_eq(doc->trace.items[c].score, (int32_t)doc->statements.items[1].confidence);
    qg_doc_free(doc);
    qg_pipeline_free(p);
}
END_TEST

START_TEST(quote_pairing_reasons)
{
    qg_pipeline *p;
    qg_doc *doc = traced("He said: \"We will win this one.\n\n\"And the next one too,\" he added.\n\n"
                         "The \"plan\" failed.\n", &p);
    ck_assert_uint_eq(doc->quotes.count, 3);
    const qg_quote *q = doc->quotes.items;
    ck_assert_int_ge(find_rec(doc, QG_T_QUOTE_UNCLOSED, q[0].open), 0);
    ck_assert_int_ge(find_rec(doc, QG_T_QUOTE_CONTINUED, q[1].open), 0);
    ck_assert_int_ge(find_rec(doc, QG_T_QUOTE_PAIRED, q[2].open), 0);
    qg_doc_free(doc);
    qg_pipeline_free(p);
}
END_TEST

START_TEST(reason_table)
{
    for (unsigned r = 0; r < QG_T_COUNT; r++) {
        const qg_trace_info *ti = qg_trace_reason_info(r);
        ck_assert(ti->id && *ti->id && ti->stage && *ti->stage && ti->text && *ti->text);
        for (unsigned s = 0; s < r; s++)
            ck_assert_str_ne(ti->id, qg_trace_reason_info(s)->id);
    }
    ck_assert_str_eq(qg_trace_reason_info(QG_T_COUNT + 5)->id, "none");
    /* explain marks the winner by the word that starts a choice's text */
    ck_assert(strncmp(qg_trace_reason_info(QG_T_PRON_SUBJECT)->text, "chosen", 6) == 0);
    ck_assert(strncmp(qg_trace_reason_info(QG_T_PRON_DISAGREE)->text, "chosen", 6) != 0);
}
END_TEST

static Suite *trace_suite(void)
{
    Suite *s = suite_create("trace");
    TCase *tc = tcase_create("trace");
    tcase_add_test(tc, off_records_nothing);
    tcase_add_test(tc, graph_same_with_trace);
    tcase_add_test(tc, pronoun_candidates_in_order);
    tcase_add_test(tc, statement_records_match_spans);
    tcase_add_test(tc, quote_pairing_reasons);
    tcase_add_test(tc, reason_table);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(trace_suite)
