/* check_page.c - unit tests for audit/page.c: a small graph record over a
 * text with multi-byte characters rendered to a page, malformed records,
 * gold marks from a real scoring, and the index order. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "../../audit/page.h"

#include "check_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* “ and é and í are multi-byte: the spans below are code point offsets. */
static const char TEXT[] = "\xE2\x80\x9C"
                           "Caf\xC3\xA9 prices <rise>,\xE2\x80\x9D Mayor Ana D\xC3\xAD" "az said on Monday. "
                           "Officials warned that taxes & fees would rise. "
                           "\xE2\x80\x9CUnclaimed words here,\xE2\x80\x9D a voice. Bo said it rained.";

/* The code point span of the first occurrence of NEEDLE in TEXT. */
static json_t *span_of(const char *needle)
{
    const char *p = strstr(TEXT, needle);
    ck_assert_msg(p != NULL, "not in the text: %s", needle);
    int s = 0, e;
    for (const char *q = TEXT; q < p; q++)
        s += ((unsigned char)*q & 0xC0) != 0x80;
    e = s;
    for (const char *q = p; *q && q < p + strlen(needle); q++)
        e += ((unsigned char)*q & 0xC0) != 0x80;
    return json_pack("[i,i]", s, e);
}

static json_t *span_obj(const char *needle)
{
    return json_pack("{s:o,s:s}", "span", span_of(needle), "text", needle);
}

static json_t *statement(const char *id, const char *kind, const char *text, const char *rule)
{
    return json_pack("{s:s,s:s,s:s,s:o,s:s,s:s}", "id", id, "type", "statement", "kind", kind, "span",
                     span_of(text), "text", text, "rule", rule);
}

static json_t *record(void)
{
    json_t *nodes = json_pack(
        "[{s:s,s:s,s:s,s:[o]},{s:s,s:s,s:s,s:[o]},{s:s,s:s,s:s,s:s,s:[o]},{s:s,s:s,s:n,s:n,s:[o]},o,o,o]", "id",
        "p1", "type", "person", "name", "Ana D\xC3\xAD" "az", "mentions", span_obj("Mayor Ana D\xC3\xAD" "az"), "id", "g1",
        "type", "group", "name", "Officials", "mentions", span_obj("Officials"), "id", "t1", "type", "title",
        "name", "Mayor", "kind", "rank", "mentions", span_obj("Mayor"), "id", "d1", "type", "date", "value",
        "granularity", "mentions", span_obj("Monday"),
        statement("s1", "direct", "Caf\xC3\xA9 prices <rise>", "quote.frame.after"),
        statement("s2", "indirect", "taxes & fees would rise", "speech.clause"),
        statement("s3", "direct", "Unclaimed words here", "quote.unattributed"));
    json_t *edges = json_pack(
        "[{s:s,s:s,s:s,s:s,s:f},{s:s,s:s,s:s,s:s,s:f,s:o,s:o},{s:s,s:s,s:s,s:s,s:f},"
        "{s:s,s:s,s:s,s:s,s:f,s:o,s:o}]",
        "type", "has_title", "from", "p1", "to", "t1", "rule", "title.prenominal", "confidence", 0.9, "type", "said",
        "from", "p1", "to", "s1", "rule", "quote.frame.after", "confidence", 0.95, "source",
        span_obj("Mayor Ana D\xC3\xAD" "az"), "cue", span_obj("said"), "type", "said_on", "from", "s1", "to", "d1",
        "rule", "date.clause", "confidence", 0.8, "type", "said", "from", "g1", "to", "s2", "rule", "speech.clause",
        "confidence", 0.85, "source", span_obj("Officials"), "cue", span_obj("warned"));
    json_t *rec = json_pack("{s:s,s:{s:s,s:n,s:n,s:i},s:o,s:o}", "schema", "quotegraph/1", "doc", "id", "t<1>",
                            "source", "date", "length", 0, "nodes", nodes, "edges", edges);
    ck_assert_ptr_nonnull(rec);
    long n = 0;
    for (const char *q = TEXT; *q; q++)
        n += ((unsigned char)*q & 0xC0) != 0x80;
    json_object_set_new(json_object_get(rec, "doc"), "length", json_integer(n));
    return rec;
}

/* Renders REC over TEXT; the page (malloc'd) or NULL with ERR on failure. */
static char *render(const json_t *rec, const qg_audit_gold *gold, qg_audit_counts *c, char *err, size_t errsize)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    int rc = qg_audit_page(f, rec, TEXT, strlen(TEXT), gold, c, err, errsize);
    fclose(f);
    if (rc < 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

START_TEST(test_page)
{
    json_t *rec = record();
    qg_audit_counts c;
    char err[200] = "";
    char *page = render(rec, NULL, &c, err, sizeof err);
    ck_assert_msg(page != NULL, "%s", err);
    ck_assert_uint_eq(c.statements, 3);
    ck_assert_uint_eq(c.attributed, 2);
    ck_assert_uint_eq(c.people, 1);
    /* One statement element each, with its rule; the unattributed one marked. */
    ck_assert_uint_eq(count(page, "data-stmt="), 3);
    ck_assert_uint_eq(count(page, "data-rule="), 3);
    ck_assert_uint_eq(count(page, "tabindex=\"0\""), 3);
    ck_assert_ptr_nonnull(strstr(page, "data-rule=\"quote.unattributed\""));
    ck_assert_uint_eq(count(page, "class=\"st nos\" id="), 1);
    ck_assert_ptr_nonnull(strstr(page, "<span class=\"badge\">3 no speaker</span>"));
    /* The statement wraps exactly its text, after the multi-byte quote mark,
     * and the text is escaped. */
    ck_assert_ptr_nonnull(strstr(page, "\xE2\x80\x9C<span class=\"st c0\" id=\"s1\""));
    ck_assert_ptr_nonnull(strstr(page, "</span></span>Caf\xC3\xA9 prices &lt;rise&gt;</span>,\xE2\x80\x9D"));
    ck_assert_ptr_null(strstr(page, "<rise>"));
    ck_assert_ptr_nonnull(strstr(page, "taxes &amp; fees would rise</span>."));
    /* The source is marked once (not again as a mention), the title inside it. */
    ck_assert_ptr_nonnull(strstr(page, "<span class=\"src c0\" id=\"m22-36\" title=\"source: Ana D\xC3\xAD" "az\">"
                                       "<span class=\"ttl\" title=\"title: rank\">Mayor</span> Ana D\xC3\xAD" "az</span> "
                                       "<span class=\"cue\" title=\"cue\">said</span>"));
    ck_assert_ptr_null(strstr(page, "class=\"men c0\" title"));
    ck_assert_ptr_nonnull(strstr(page, "<span class=\"dt\" title=\"date: unresolved\">Monday</span>"));
    ck_assert_ptr_nonnull(strstr(page, "<span class=\"src c1\" id=\"m"));
    /* The table: a row per statement linking to it; the tooltip's fields. */
    ck_assert_ptr_nonnull(strstr(page, "<a href=\"#s1\">1</a>"));
    ck_assert_ptr_nonnull(strstr(page, "<a href=\"#s3\">3</a>"));
    ck_assert_ptr_nonnull(strstr(page, "confidence 0.95"));
    ck_assert_ptr_nonnull(strstr(page, "<b>Date:</b> unresolved (\xE2\x80\x9CMonday\xE2\x80\x9D)"));
    ck_assert_ptr_nonnull(strstr(page, "<h1>t&lt;1&gt;</h1>"));
    /* Self-contained: no script, nothing fetched. */
    ck_assert_ptr_null(strstr(page, "<script"));
    ck_assert_ptr_null(strstr(page, "http"));
    free(page);
    json_decref(rec);
}
END_TEST

START_TEST(test_malformed)
{
    qg_audit_counts c;
    char err[200] = "";
    json_t *rec = record();
    json_t *s1 = json_array_get(json_object_get(rec, "nodes"), 4);
    json_object_set_new(s1, "span", json_pack("[i,i]", 5, 5000));
    ck_assert_ptr_null(render(rec, NULL, &c, err, sizeof err));
    ck_assert_str_eq(err, "a statement span outside the text: s1");
    json_decref(rec);

    rec = record();
    json_object_set_new(json_array_get(json_object_get(rec, "edges"), 1), "from", json_string("p9"));
    ck_assert_ptr_null(render(rec, NULL, &c, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "no node"));
    json_decref(rec);

    rec = record();
    json_object_set_new(json_array_get(json_object_get(rec, "nodes"), 0), "id", json_string("p\"1"));
    ck_assert_ptr_null(render(rec, NULL, &c, err, sizeof err));
    ck_assert_str_eq(err, "a node id other than letters, digits, _ and -: p\"1");
    json_decref(rec);

    rec = record();
    json_object_del(rec, "edges");
    ck_assert_ptr_null(render(rec, NULL, &c, err, sizeof err));
    ck_assert_str_eq(err, "not a quotegraph/1 graph record");
    json_decref(rec);
}
END_TEST

START_TEST(test_gold_marks)
{
    /* Gold: s1 right, s2 by someone else, "it rained" missed; s3 spurious. */
    json_t *gold = json_pack("{s:s,s:s,s:[{s:o,s:s,s:b,s:s},{s:o,s:s,s:b,s:s},{s:o,s:s,s:b,s:s}]}", "id", "t<1>",
                             "text", TEXT, "attributions", "content", span_of("Caf\xC3\xA9 prices <rise>"),
                             "content_text", "Caf\xC3\xA9 prices <rise>", "direct", 1, "speaker",
                             "Ana D\xC3\xAD" "az", "content", span_of("taxes & fees would rise"), "content_text",
                             "taxes & fees would rise", "direct", 0, "speaker", "Someone Else", "content",
                             span_of("it rained"), "content_text", "it rained", "direct", 0, "speaker", "Bo");
    json_t *rec = record();
    char *gs = json_dumps(gold, JSON_COMPACT), *ps = json_dumps(rec, JSON_COMPACT);
    qg_eval *ev = qg_eval_new();
    qg_eval_error eerr;
    ck_assert_int_eq(qg_eval_load_gold_string(ev, gs, "gold", &eerr), 0);
    ck_assert_int_eq(qg_eval_load_pred_string(ev, ps, "pred", &eerr), 0);
    ck_assert_int_eq(qg_eval_score(ev), 0);
    size_t n = qg_eval_mismatch_count(ev), kinds[3] = {0};
    const qg_eval_mismatch **mm = calloc(n, sizeof *mm);
    for (size_t i = 0; i < n; i++) {
        mm[i] = qg_eval_mismatch_at(ev, i);
        kinds[mm[i]->kind]++;
    }
    ck_assert_uint_eq(kinds[QG_EVAL_MISSED], 1);
    ck_assert_uint_eq(kinds[QG_EVAL_SPURIOUS], 1);
    ck_assert_uint_eq(kinds[QG_EVAL_WRONG_SPEAKER], 1);

    qg_audit_gold g = {qg_eval_doc(ev, 0), mm, n};
    qg_audit_counts c;
    char err[200] = "";
    char *page = render(rec, &g, &c, err, sizeof err);
    ck_assert_msg(page != NULL, "%s", err);
    ck_assert_uint_eq(count(page, "data-eval=\"missed\""), 1);
    ck_assert_uint_eq(count(page, "data-eval=\"spurious\""), 1);
    ck_assert_uint_eq(count(page, "data-eval=\"wrong-speaker\""), 1);
    /* The missed gold statement is marked at its gold span. */
    ck_assert_ptr_nonnull(strstr(page, "<span class=\"flag\">missed: Bo</span>it rained</span>."));
    ck_assert_ptr_nonnull(strstr(page, "<span class=\"st nos fp\" id=\"s3\""));
    ck_assert_ptr_nonnull(strstr(page, "wrong speaker</span>: gold Someone Else"));
    ck_assert_ptr_nonnull(strstr(page, "Missed gold statements (1)"));
    free(page);
    free(mm);
    qg_eval_free(ev);
    free(gs);
    free(ps);
    json_decref(rec);
    json_decref(gold);
}
END_TEST

START_TEST(test_index_order)
{
    qg_eval_doc_result good = {0}, bad = {0};
    good.metrics.attribution.f1 = 0.9;
    bad.metrics.attribution.f1 = 0.5;
    qg_audit_row rows[] = {
        {.id = "good", .href = "good.html", .score = &good},
        {.id = "<odd>", .error = "text not found"},
        {.id = "bad", .href = "bad.html", .score = &bad, .missed = 2},
        {.id = "extra", .href = "extra.html"},
    };
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    qg_eval_metrics totals = {0};
    qg_audit_index(f, rows, 4, &totals);
    fclose(f);
    /* Errors first, then worst F1 first, unscored last. */
    const char *odd = strstr(buf, "&lt;odd&gt;<br><span class=\"err\">error: text not found");
    const char *b = strstr(buf, "<a href=\"bad.html\">bad</a>");
    const char *g = strstr(buf, "<a href=\"good.html\">good</a>");
    const char *x = strstr(buf, "<a href=\"extra.html\">extra</a>");
    ck_assert(odd && b && g && x);
    ck_assert(odd < b && b < g && g < x);
    ck_assert_ptr_nonnull(strstr(buf, "<b>0.500</b></td><td class=\"n\">2</td>"));
    ck_assert_ptr_nonnull(strstr(buf, "not in the gold"));
    free(buf);
}
END_TEST

static Suite *page_suite(void)
{
    Suite *s = suite_create("audit_page");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_page);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_gold_marks);
    tcase_add_test(tc, test_index_order);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(page_suite)
