/* check_score.c - unit tests for eval/score.c and eval/report.c.
 * Gold and prediction lines are built with jansson from a short text, with
 * spans located by substring, and loaded through the string API. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strdup */
#endif
#include "../../eval/score.h"

#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- builders --------------------------------------------------------- */

static const char TEXT[] =
    "Ali Khamenei said that talks with the US are poison. "
    "\xE2\x80\x9CWe will never negotiate,\xE2\x80\x9D the Leader added. "
    "Officials warned that war is near.\n"
    "Pompeo and Trump claimed that Iran wants talks.";

/* Code point span of the nth (0-based) occurrence of needle in text. */
static json_t *span_of_nth(const char *text, const char *needle, int nth)
{
    const char *p = text;
    for (;;) {
        p = strstr(p, needle);
        ck_assert_msg(p != NULL, "anchor not found: %s", needle);
        if (nth-- == 0)
            break;
        p++;
    }
    long s = 0, e;
    for (const char *q = text; q < p; q++)
        s += ((unsigned char)*q & 0xC0) != 0x80;
    e = s;
    for (const char *q = p; q < p + strlen(needle); q++)
        e += ((unsigned char)*q & 0xC0) != 0x80;
    return json_pack("[i,i]", (int)s, (int)e);
}

static json_t *span_of(const char *needle)
{
    return needle ? span_of_nth(TEXT, needle, 0) : json_null();
}

static json_t *gold_attr(const char *content, int direct, const char *speaker, const char *source, const char *cue)
{
    return json_pack("{s:o,s:b,s:o,s:o,s:o,s:o}", "content", span_of(content), "direct", direct, "source",
                     span_of(source), "cue", span_of(cue), "speaker", speaker ? json_string(speaker) : json_null(),
                     "note", json_string("test"));
}

/* One gold line; steals attrs (a JSON array). */
static char *gold_doc(const char *id, json_t *attrs)
{
    json_t *people = json_pack("[{s:s,s:[s,s],s:[s]},{s:s,s:[s],s:[]}]", "name", "Ali Khamenei", "aliases",
                               "Ali Khamenei", "the Leader", "titles", "Ayatollah", "name", "Mike Pompeo",
                               "aliases", "Pompeo", "titles");
    json_t *doc = json_pack("{s:s,s:n,s:s,s:o,s:o,s:[]}", "id", id, "date", "text", TEXT, "attributions", attrs,
                            "people", people, "dates");
    ck_assert_ptr_nonnull(doc);
    char *s = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return s;
}

typedef struct {
    json_t *nodes, *edges;
} graph;

static graph graph_new(void)
{
    graph g = {json_array(), json_array()};
    return g;
}

static void add_entity(graph *g, const char *id, const char *type, const char *name, const char *mention)
{
    json_t *ms = json_array();
    if (mention)
        json_array_append_new(ms, json_pack("{s:o,s:s}", "span", span_of(mention), "text", mention));
    json_array_append_new(g->nodes, json_pack("{s:s,s:s,s:s,s:o}", "id", id, "type", type, "name", name,
                                              "mentions", ms));
}

static void add_stmt_span(graph *g, const char *id, const char *kind, json_t *span)
{
    json_array_append_new(g->nodes, json_pack("{s:s,s:s,s:s,s:o,s:s}", "id", id, "type", "statement", "kind", kind,
                                              "span", span, "text", "(not checked)"));
}

static void add_stmt(graph *g, const char *id, const char *kind, const char *content)
{
    add_stmt_span(g, id, kind, span_of(content));
}

static void add_said(graph *g, const char *from, const char *to, const char *source, const char *cue)
{
    json_t *src = source ? json_pack("{s:o,s:s}", "span", span_of(source), "text", source) : json_null();
    json_t *cu = cue ? json_pack("{s:o,s:s}", "span", span_of(cue), "text", cue) : json_null();
    json_array_append_new(g->edges, json_pack("{s:s,s:s,s:s,s:s,s:f,s:o,s:o}", "type", "said", "from", from, "to",
                                              to, "rule", "test.rule", "confidence", 0.5, "source", src, "cue", cu));
}

/* One prediction line; consumes the graph. */
static char *pred_doc(const char *id, graph *g)
{
    json_t *doc = json_pack("{s:s,s:{s:s,s:n,s:n,s:i},s:o,s:o}", "schema", "quotegraph/1", "doc", "id", id,
                            "source", "date", "length", (int)strlen(TEXT) - 4 /* two 3-byte quote marks */,
                            "nodes", g->nodes, "edges", g->edges);
    ck_assert_ptr_nonnull(doc);
    char *s = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return s;
}

/* Joins lines (freeing them) into one JSON-lines string; NULL ends. */
static char *lines(char *first, ...)
{
    size_t len = 1;
    char *out = calloc(1, 1);
    va_list ap;
    va_start(ap, first);
    for (char *l = first; l; l = va_arg(ap, char *)) {
        len += strlen(l) + 1;
        out = realloc(out, len);
        strcat(out, l);
        strcat(out, "\n");
        free(l);
    }
    va_end(ap);
    return out;
}

/* Loads gold and predictions (taking both strings) and scores. */
static qg_eval *run(char *gold, char *pred)
{
    qg_eval *ev = qg_eval_new();
    qg_eval_error err = {"", 0, ""};
    ck_assert_ptr_nonnull(ev);
    ck_assert_msg(qg_eval_load_gold_string(ev, gold, "gold", &err) == 0, "gold: %s:%d: %s", err.file, err.line,
                  err.text);
    ck_assert_msg(qg_eval_load_pred_string(ev, pred, "pred", &err) == 0, "pred: %s:%d: %s", err.file, err.line,
                  err.text);
    ck_assert_int_eq(qg_eval_score(ev), 0);
    free(gold);
    free(pred);
    return ev;
}

#define EPS 1e-9
#define ck_prf(m, tp_, pred_, gold_, p_, r_)                                                                   \
    do {                                                                                                       \
        ck_assert_uint_eq((m).tp, (tp_));                                                                      \
        ck_assert_uint_eq((m).predicted, (pred_));                                                             \
        ck_assert_uint_eq((m).gold, (gold_));                                                                  \
        ck_assert_double_eq_tol((m).p, (p_), EPS);                                                             \
        ck_assert_double_eq_tol((m).r, (r_), EPS);                                                             \
    } while (0)

/* The reference attributions of TEXT. */
#define A_KHAMENEI gold_attr("talks with the US are poison", 0, "Ali Khamenei", "Ali Khamenei", "said")
#define A_LEADER gold_attr("We will never negotiate,", 1, "Ali Khamenei", "the Leader", "added")
#define A_OFFICIALS gold_attr("war is near", 0, NULL, "Officials", "warned")

static graph perfect_graph(void)
{
    graph g = graph_new();
    add_entity(&g, "p1", "person", "Ali Khamenei", "Ali Khamenei");
    add_entity(&g, "g1", "group", "Officials", "Officials");
    add_stmt(&g, "s1", "indirect", "talks with the US are poison");
    add_stmt(&g, "s2", "direct", "We will never negotiate,");
    add_stmt(&g, "s3", "indirect", "war is near");
    add_said(&g, "p1", "s1", "Ali Khamenei", "said");
    add_said(&g, "p1", "s2", "the Leader", "added");
    add_said(&g, "g1", "s3", "Officials", "warned");
    return g;
}

/* ---- tests ------------------------------------------------------------ */

START_TEST(test_perfect)
{
    graph g = perfect_graph();
    qg_eval *ev = run(gold_doc("d1", json_pack("[o,o,o]", A_KHAMENEI, A_LEADER, A_OFFICIALS)),
                      lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_assert_uint_eq(qg_eval_doc_count(ev), 1);
    ck_assert_uint_eq(m->gold, 3);
    ck_assert_uint_eq(m->predicted, 3);
    const qg_eval_prf *all[] = {&m->statements_overlap, &m->statements_exact, &m->attribution,
                                &m->sources, &m->cues, &m->direct};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        ck_assert_double_eq_tol(all[i]->p, 1.0, EPS);
        ck_assert_double_eq_tol(all[i]->r, 1.0, EPS);
        ck_assert_double_eq_tol(all[i]->f1, 1.0, EPS);
    }
    ck_prf(m->direct, 1, 1, 1, 1.0, 1.0);
    ck_assert_double_eq_tol(m->speaker_all.accuracy, 1.0, EPS);
    ck_assert_double_eq_tol(m->speaker_direct.accuracy, 1.0, EPS);
    ck_assert_uint_eq(qg_eval_mismatch_count(ev), 0);
    ck_assert_uint_eq(qg_eval_warning_count(ev), 0);
    ck_assert_int_eq(qg_eval_doc(ev, 0)->status, QG_EVAL_DOC_OK);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_missed)
{
    graph g = graph_new();
    add_entity(&g, "p1", "person", "Ali Khamenei", NULL);
    add_stmt(&g, "s1", "indirect", "talks with the US are poison");
    add_said(&g, "p1", "s1", "Ali Khamenei", "said");
    qg_eval *ev = run(gold_doc("d1", json_pack("[o,o]", A_KHAMENEI, A_LEADER)), lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_prf(m->statements_overlap, 1, 1, 2, 1.0, 0.5);
    ck_assert_double_eq_tol(m->statements_overlap.f1, 2.0 / 3.0, EPS);
    ck_prf(m->attribution, 1, 1, 2, 1.0, 0.5);
    ck_prf(m->direct, 0, 0, 1, 0.0, 0.0);
    ck_assert_uint_eq(qg_eval_mismatch_count(ev), 1);
    const qg_eval_mismatch *mm = qg_eval_mismatch_at(ev, 0);
    ck_assert_int_eq(mm->kind, QG_EVAL_MISSED);
    ck_assert_str_eq(mm->gold_speaker, "Ali Khamenei");
    ck_assert(mm->gold_direct);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_false_positive)
{
    graph g = perfect_graph();
    add_stmt(&g, "s9", "indirect", "Iran wants talks");
    qg_eval *ev = run(gold_doc("d1", json_pack("[o,o,o]", A_KHAMENEI, A_LEADER, A_OFFICIALS)),
                      lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_prf(m->statements_overlap, 3, 4, 3, 0.75, 1.0);
    ck_prf(m->attribution, 3, 4, 3, 0.75, 1.0);
    ck_assert_uint_eq(qg_eval_mismatch_count(ev), 1);
    const qg_eval_mismatch *mm = qg_eval_mismatch_at(ev, 0);
    ck_assert_int_eq(mm->kind, QG_EVAL_SPURIOUS);
    ck_assert_str_eq(mm->pred_statement, "s9");
    ck_assert_ptr_null(mm->pred_speaker);
    qg_eval_free(ev);
}
END_TEST

/* Gold content "talks with the US are poison" is 28 code points: a
 * prediction must cover 15 of them after trimming. */
static qg_eval *overlap_run(long pred_start_offset, long pred_len)
{
    json_t *gs = span_of("talks with the US are poison");
    long g0 = (long)json_integer_value(json_array_get(gs, 0));
    json_decref(gs);
    graph g = graph_new();
    add_stmt_span(&g, "s1", "indirect",
                  json_pack("[i,i]", (int)(g0 + pred_start_offset), (int)(g0 + pred_start_offset + pred_len)));
    return run(gold_doc("d1", json_pack("[o]", gold_attr("talks with the US are poison", 0, NULL, NULL, "said"))),
               lines(pred_doc("d1", &g), NULL));
}

START_TEST(test_overlap_rule)
{
    qg_eval *ev = overlap_run(0, 16); /* "talks with the U": 16 of 28 */
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_overlap.tp, 1);
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_exact.tp, 0);
    qg_eval_free(ev);

    ev = overlap_run(0, 15); /* "talks with the ": trimmed, exactly half: no */
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_overlap.tp, 0);
    ck_assert_uint_eq(qg_eval_mismatch_count(ev), 2); /* one missed, one spurious */
    qg_eval_free(ev);

    ev = overlap_run(14, 40); /* " US are poison. ...": 13 covered, no */
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_overlap.tp, 0);
    qg_eval_free(ev);

    ev = overlap_run(13, 40); /* "e US are poison. ...": 15, yes, however long */
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_overlap.tp, 1);
    qg_eval_free(ev);

    ev = overlap_run(-6, 20); /* " that talks with t": 14 covered: no */
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_overlap.tp, 0);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_exact_trimming)
{
    /* Gold without the marks and with the frame comma; the prediction with
     * the curly quotes and a trailing space: the same after trimming. */
    graph g = graph_new();
    add_entity(&g, "p1", "person", "Ali Khamenei", NULL);
    add_stmt(&g, "s2", "direct", "\xE2\x80\x9CWe will never negotiate,\xE2\x80\x9D ");
    add_said(&g, "p1", "s2", "the Leader", "added");
    qg_eval *ev = run(gold_doc("d1", json_pack("[o]", A_LEADER)), lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_prf(m->statements_exact, 1, 1, 1, 1.0, 1.0);
    ck_prf(m->statements_overlap, 1, 1, 1, 1.0, 1.0);
    qg_eval_free(ev);

    /* one word short is not exact, but still overlaps */
    g = graph_new();
    add_stmt(&g, "s2", "direct", "We will never");
    ev = run(gold_doc("d1", json_pack("[o]", A_LEADER)), lines(pred_doc("d1", &g), NULL));
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_exact.tp, 0);
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_overlap.tp, 1);
    qg_eval_free(ev);

    /* final period of the gold clause is trimmed as well */
    g = graph_new();
    add_stmt(&g, "s1", "indirect", "war is near.");
    ev = run(gold_doc("d1", json_pack("[o]", A_OFFICIALS)), lines(pred_doc("d1", &g), NULL));
    ck_assert_uint_eq(qg_eval_totals(ev)->statements_exact.tp, 1);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_wrong_speaker)
{
    graph g = graph_new();
    add_entity(&g, "p1", "person", "Mike Pompeo", "Pompeo");
    add_stmt(&g, "s1", "indirect", "talks with the US are poison");
    add_said(&g, "p1", "s1", "Ali Khamenei", "said");
    qg_eval *ev = run(gold_doc("d1", json_pack("[o]", A_KHAMENEI)), lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_prf(m->statements_overlap, 1, 1, 1, 1.0, 1.0);
    ck_prf(m->attribution, 0, 1, 1, 0.0, 0.0);
    ck_assert_double_eq_tol(m->attribution.f1, 0.0, EPS);
    ck_assert_uint_eq(m->speaker_all.correct, 0);
    ck_assert_uint_eq(m->speaker_all.total, 1);
    ck_prf(m->sources, 1, 1, 1, 1.0, 1.0); /* the source span is still right */
    ck_assert_uint_eq(qg_eval_mismatch_count(ev), 1);
    const qg_eval_mismatch *mm = qg_eval_mismatch_at(ev, 0);
    ck_assert_int_eq(mm->kind, QG_EVAL_WRONG_SPEAKER);
    ck_assert_str_eq(mm->pred_speaker, "Mike Pompeo");
    ck_assert_str_eq(mm->pred_speaker_id, "p1");
    ck_assert_str_eq(mm->pred_rule, "test.rule");
    qg_eval_free(ev);
}
END_TEST

/* Scores one statement said by an entity with this name and mention. */
static int speaker_ok(const char *gold_speaker, const char *type, const char *name, const char *mention)
{
    graph g = graph_new();
    if (name)
        add_entity(&g, "e1", type, name, mention);
    add_stmt(&g, "s1", "indirect", "talks with the US are poison");
    if (name)
        add_said(&g, "e1", "s1", NULL, NULL);
    qg_eval *ev = run(gold_doc("d1", json_pack("[o]", gold_attr("talks with the US are poison", 0, gold_speaker,
                                                                NULL, NULL))),
                      lines(pred_doc("d1", &g), NULL));
    int ok = (int)qg_eval_totals(ev)->attribution.tp;
    qg_eval_free(ev);
    return ok;
}

START_TEST(test_alias_speaker)
{
    ck_assert(speaker_ok("Ali Khamenei", "person", "the Leader", NULL));        /* alias */
    ck_assert(speaker_ok("Ali Khamenei", "person", "THE  leader", NULL));       /* case, spaces */
    ck_assert(speaker_ok("Ali Khamenei", "person", " ali\xC2\xA0khamenei ", NULL)); /* NBSP */
    ck_assert(speaker_ok("Ali Khamenei", "person", "Khamenei", "Ali Khamenei")); /* mention text */
    ck_assert(speaker_ok("Mike Pompeo", "person", "Pompeo", NULL));
    ck_assert(!speaker_ok("Mike Pompeo", "person", "the Leader", NULL)); /* another person's alias */
    ck_assert(!speaker_ok("Ali Khamenei", "person", "Khamenei", NULL));  /* not an alias */
    ck_assert(speaker_ok("Iran\xE2\x80\x99s Leader", "organization", "iran's leader", NULL)); /* ’ = ' */
}
END_TEST

START_TEST(test_null_speaker)
{
    ck_assert(speaker_ok(NULL, "group", NULL, NULL));                   /* no said edge */
    ck_assert(speaker_ok(NULL, "group", "Officials", "Officials"));     /* a group */
    ck_assert(!speaker_ok(NULL, "person", "Ali Khamenei", NULL));       /* a named person */
    ck_assert(!speaker_ok("Ali Khamenei", "person", NULL, NULL));       /* nobody for a real speaker */
}
END_TEST

START_TEST(test_joint_speakers)
{
    json_t *a1 = gold_attr("Iran wants talks", 0, "Mike Pompeo", "Pompeo", "claimed");
    json_t *a2 = gold_attr("Iran wants talks", 0, "Donald Trump", "Trump", "claimed");
    graph g = graph_new();
    add_entity(&g, "p2", "person", "Donald Trump", "Trump");
    add_entity(&g, "p1", "person", "Mike Pompeo", "Pompeo");
    add_stmt(&g, "s1", "indirect", "Iran wants talks");
    /* Trump's edge first: matching must still pair each gold with its own */
    add_said(&g, "p2", "s1", "Trump", "claimed");
    add_said(&g, "p1", "s1", "Pompeo", "claimed");
    qg_eval *ev = run(gold_doc("d1", json_pack("[o,o]", a1, a2)), lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_assert_uint_eq(m->predicted, 2);
    ck_prf(m->statements_overlap, 2, 2, 2, 1.0, 1.0);
    ck_prf(m->attribution, 2, 2, 2, 1.0, 1.0);
    ck_prf(m->sources, 2, 2, 2, 1.0, 1.0);
    ck_prf(m->cues, 2, 2, 2, 1.0, 1.0);
    qg_eval_free(ev);

    /* one said edge only: one joint speaker is missed */
    g = graph_new();
    add_entity(&g, "p1", "person", "Mike Pompeo", NULL);
    add_stmt(&g, "s1", "indirect", "Iran wants talks");
    add_said(&g, "p1", "s1", "Pompeo", "claimed");
    a1 = gold_attr("Iran wants talks", 0, "Mike Pompeo", "Pompeo", "claimed");
    a2 = gold_attr("Iran wants talks", 0, "Donald Trump", "Trump", "claimed");
    ev = run(gold_doc("d1", json_pack("[o,o]", a2, a1)), lines(pred_doc("d1", &g), NULL));
    ck_prf(qg_eval_totals(ev)->attribution, 1, 1, 2, 1.0, 0.5);
    ck_assert_uint_eq(qg_eval_mismatch_count(ev), 1);
    ck_assert_str_eq(qg_eval_mismatch_at(ev, 0)->gold_speaker, "Donald Trump");
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_direct_subset)
{
    graph g = graph_new();
    add_entity(&g, "p1", "person", "Mike Pompeo", NULL);
    add_entity(&g, "p2", "person", "Ali Khamenei", NULL);
    add_stmt(&g, "s1", "direct", "talks with the US are poison"); /* gold is indirect */
    add_stmt(&g, "s2", "direct", "We will never negotiate,");
    add_stmt(&g, "s3", "mixed", "war is near");
    add_said(&g, "p1", "s2", NULL, NULL); /* wrong speaker on the direct one */
    add_said(&g, "p2", "s1", NULL, NULL);
    json_t *officials_direct = gold_attr("war is near", 1, NULL, "Officials", "warned");
    qg_eval *ev = run(gold_doc("d1", json_pack("[o,o,o]", A_KHAMENEI, A_LEADER, officials_direct)),
                      lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    /* gold direct: Leader, Officials; predicted direct: s1, s2; match: s2 */
    ck_prf(m->direct, 1, 2, 2, 0.5, 0.5);
    ck_assert_uint_eq(m->speaker_direct.correct, 0);
    ck_assert_uint_eq(m->speaker_direct.total, 1);
    ck_assert_uint_eq(m->speaker_all.correct, 2); /* s1 Khamenei, s3 no speaker for null gold */
    ck_assert_uint_eq(m->speaker_all.total, 3);
    ck_assert_double_eq_tol(m->speaker_all.accuracy, 2.0 / 3.0, EPS);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_sources_cues)
{
    graph g = graph_new();
    add_entity(&g, "p1", "person", "Ali Khamenei", NULL);
    add_stmt(&g, "s1", "indirect", "talks with the US are poison");
    add_stmt(&g, "s2", "direct", "We will never negotiate,");
    add_stmt(&g, "s3", "indirect", "Iran wants talks"); /* spurious, with source and cue */
    add_said(&g, "p1", "s1", "Ali Khamenei", "said that"); /* cue too long */
    add_said(&g, "p1", "s2", "Leader", "added");            /* source too short */
    add_said(&g, "p1", "s3", "Trump", "claimed");
    qg_eval *ev = run(gold_doc("d1", json_pack("[o,o,o]", A_KHAMENEI, A_LEADER, A_OFFICIALS)),
                      lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_prf(m->sources, 1, 3, 3, 1.0 / 3.0, 1.0 / 3.0);
    ck_prf(m->cues, 1, 3, 3, 1.0 / 3.0, 1.0 / 3.0);
    /* Overlap: "Leader" covers 6 of the 10 code points of "the Leader", and
     * "said that" covers all of "said"; the spurious pair counts for nothing. */
    ck_prf(m->sources_overlap, 2, 3, 3, 2.0 / 3.0, 2.0 / 3.0);
    ck_prf(m->cues_overlap, 2, 3, 3, 2.0 / 3.0, 2.0 / 3.0);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_missing_document)
{
    graph g = perfect_graph();
    qg_eval *ev = run(lines(gold_doc("d1", json_pack("[o,o,o]", A_KHAMENEI, A_LEADER, A_OFFICIALS)),
                            gold_doc("d2", json_pack("[o]", A_KHAMENEI)), NULL),
                      lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_assert_uint_eq(qg_eval_doc_count(ev), 2);
    ck_assert_uint_eq(qg_eval_missing_count(ev), 1);
    ck_prf(m->statements_overlap, 3, 3, 4, 1.0, 0.75);
    const qg_eval_doc_result *d2 = qg_eval_doc(ev, 1);
    ck_assert_str_eq(d2->id, "d2");
    ck_assert_int_eq(d2->status, QG_EVAL_DOC_MISSING);
    ck_prf(d2->metrics.statements_overlap, 0, 0, 1, 0.0, 0.0);
    ck_assert_double_eq_tol(d2->metrics.statements_overlap.f1, 0.0, EPS);
    ck_assert_uint_eq(qg_eval_mismatch_count(ev), 1);
    ck_assert_uint_eq(qg_eval_mismatch_at(ev, 0)->doc, 1);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_error_record)
{
    graph g = perfect_graph();
    char *err_line = strdup("{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"d2\",\"source\":null,\"date\":null,"
                            "\"length\":0},\"error\":{\"code\":\"E_INPUT\",\"message\":\"cannot read\"}}");
    qg_eval *ev = run(lines(gold_doc("d1", json_pack("[o,o,o]", A_KHAMENEI, A_LEADER, A_OFFICIALS)),
                            gold_doc("d2", json_pack("[o,o]", A_KHAMENEI, A_LEADER)), NULL),
                      lines(pred_doc("d1", &g), err_line, NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_assert_uint_eq(qg_eval_error_record_count(ev), 1);
    ck_assert_uint_eq(qg_eval_missing_count(ev), 0);
    ck_prf(m->statements_overlap, 3, 3, 5, 1.0, 0.6);
    const qg_eval_doc_result *d2 = qg_eval_doc(ev, 1);
    ck_assert_int_eq(d2->status, QG_EVAL_DOC_ERROR);
    ck_assert_str_eq(d2->error_code, "E_INPUT");
    ck_assert_str_eq(d2->error_message, "cannot read");
    ck_assert_uint_eq(d2->metrics.predicted, 0);
    /* the length (0) of an error record says nothing about the text */
    ck_assert_uint_eq(qg_eval_warning_count(ev), 0);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_unknown_keys_and_extra_docs)
{
    static const char pred_fmt[] =
        "{\"schema\":\"quotegraph/1\",\"future\":[1,2],\"doc\":{\"id\":\"d1\",\"source\":null,\"date\":null,"
        "\"length\":%d,\"lang\":\"en\"},\"nodes\":[{\"id\":\"p1\",\"type\":\"person\",\"name\":\"Ali Khamenei\","
        "\"mentions\":[],\"salience\":3},{\"id\":\"x1\",\"type\":\"location\",\"name\":\"Tehran\"},"
        "{\"id\":\"d1\",\"type\":\"date\",\"value\":\"2019\"},{\"id\":\"s1\",\"type\":\"statement\","
        "\"kind\":\"indirect\",\"span\":[%s],\"text\":\"x\",\"score\":0.3}],\"edges\":[{\"type\":\"said\","
        "\"from\":\"p1\",\"to\":\"s1\",\"rule\":\"r\",\"confidence\":1,\"source\":null,\"cue\":null,\"why\":{}},"
        "{\"type\":\"said_on\",\"from\":\"s1\",\"to\":\"d1\"},{\"type\":\"located_in\",\"from\":\"s1\",\"to\":\"x1\"}]}\n"
        "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"elsewhere\"},\"nodes\":[],\"edges\":[]}\n";
    json_t *sp = span_of("talks with the US are poison");
    char span[64], *pred = malloc(4096);
    snprintf(span, sizeof span, "%d,%d", (int)json_integer_value(json_array_get(sp, 0)),
             (int)json_integer_value(json_array_get(sp, 1)));
    json_decref(sp);
    snprintf(pred, 4096, pred_fmt, (int)strlen(TEXT) - 4, span);
    qg_eval *ev = run(gold_doc("d1", json_pack("[o]", A_KHAMENEI)), pred);
    ck_prf(qg_eval_totals(ev)->attribution, 1, 1, 1, 1.0, 1.0);
    ck_assert_uint_eq(qg_eval_warning_count(ev), 1);
    ck_assert_int_eq(qg_eval_warning(ev, 0)->line, 2);
    ck_assert_ptr_nonnull(strstr(qg_eval_warning(ev, 0)->text, "elsewhere"));
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_no_division_by_zero)
{
    graph g = graph_new();
    qg_eval *ev = run(gold_doc("d1", json_pack("[]")), lines(pred_doc("d1", &g), NULL));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_assert(!isnan(m->statements_overlap.p) && m->statements_overlap.p == 0.0);
    ck_assert(!isnan(m->statements_overlap.r) && m->statements_overlap.r == 0.0);
    ck_assert(!isnan(m->statements_overlap.f1) && m->statements_overlap.f1 == 0.0);
    ck_assert(!isnan(m->speaker_all.accuracy) && m->speaker_all.accuracy == 0.0);
    FILE *out = tmpfile();
    ck_assert_int_eq(qg_eval_report_json(ev, out, 0), 0);
    rewind(out);
    char buf[4096] = "";
    size_t n = fread(buf, 1, sizeof buf - 1, out);
    buf[n] = '\0';
    fclose(out);
    ck_assert_ptr_null(strstr(buf, "nan"));
    ck_assert_ptr_nonnull(strstr(buf, "\"statements_overlap\":{\"p\":0.0,\"r\":0.0,\"f1\":0.0,\"tp\":0"));
    qg_eval_free(ev);
}
END_TEST

/* Loading failures name the input and line and keep nothing of it. */
static void expect_pred_error(const char *pred, int line, const char *needle)
{
    qg_eval *ev = qg_eval_new();
    qg_eval_error err = {"", 0, ""};
    char *gold = gold_doc("d1", json_pack("[o]", A_KHAMENEI));
    ck_assert_int_eq(qg_eval_load_gold_string(ev, gold, "g.jsonl", &err), 0);
    free(gold);
    ck_assert_int_eq(qg_eval_load_pred_string(ev, pred, "p.jsonl", &err), -1);
    ck_assert_str_eq(err.file, "p.jsonl");
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(strstr(err.text, needle) != NULL, "message \"%s\" lacks \"%s\"", err.text, needle);
    ck_assert_int_eq(qg_eval_score(ev), 0);
    ck_assert_uint_eq(qg_eval_totals(ev)->predicted, 0); /* nothing kept */
    ck_assert_uint_eq(qg_eval_missing_count(ev), 1);
    qg_eval_free(ev);
}

#define OK_LINE "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"d1\"},\"nodes\":[],\"edges\":[]}\n"
#define REC(id, nodes, edges) \
    "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"" id "\"},\"nodes\":[" nodes "],\"edges\":[" edges "]}\n"

START_TEST(test_invalid_predictions)
{
    expect_pred_error(OK_LINE "\n{oops\n", 3, "invalid JSON");
    expect_pred_error("{\"schema\":\"quotegraph/2\",\"doc\":{\"id\":\"d1\"},\"nodes\":[],\"edges\":[]}\n", 1,
                      "quotegraph/2");
    expect_pred_error(OK_LINE OK_LINE, 2, "first at p.jsonl:1");
    expect_pred_error("{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"d1\"}}\n", 1, "\"nodes\"");
    expect_pred_error(REC("d1", "{\"id\":\"s1\",\"type\":\"statement\",\"kind\":\"quoted\",\"span\":[0,4]}", ""), 1,
                      "kind");
    expect_pred_error(REC("d1", "{\"id\":\"s1\",\"type\":\"statement\",\"kind\":\"direct\",\"span\":[5,4]}", ""), 1,
                      "span");
    expect_pred_error(REC("d1", "{\"id\":\"s1\",\"type\":\"statement\",\"kind\":\"direct\",\"span\":[0,4]}",
                          "{\"type\":\"said\",\"from\":\"p9\",\"to\":\"s1\"}"),
                      1, "p9");
    expect_pred_error(REC("d1", "{\"id\":\"p1\",\"type\":\"person\",\"name\":\"A\"}",
                          "{\"type\":\"said\",\"from\":\"p1\",\"to\":\"p1\"}"),
                      1, "not a statement");
    expect_pred_error(REC("d1", "{\"id\":\"p1\",\"type\":\"person\"}", ""), 1, "name");
    expect_pred_error(REC("d1", "{\"id\":\"p1\",\"type\":\"person\",\"name\":\"A\"},{\"id\":\"p1\",\"type\":\"group\","
                                "\"name\":\"B\"}", ""),
                      1, "duplicate node");
    expect_pred_error("{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"d1\",\"length\":3},\"nodes\":[{\"id\":\"s1\","
                      "\"type\":\"statement\",\"kind\":\"direct\",\"span\":[0,4]}],\"edges\":[]}\n",
                      1, "length 3");
}
END_TEST

START_TEST(test_invalid_gold)
{
    qg_eval *ev = qg_eval_new();
    qg_eval_error err;
    char *good = gold_doc("d1", json_pack("[o]", A_KHAMENEI));
    char *buf = malloc(strlen(good) * 2 + 200);
    sprintf(buf, "%s\n%s\n", good, good);
    ck_assert_int_eq(qg_eval_load_gold_string(ev, buf, "g", &err), -1);
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.text, "duplicate"));
    ck_assert_uint_eq(qg_eval_doc_count(ev), 0);

    /* content_text must be the text under the span: catches byte offsets */
    sprintf(buf, "{\"id\":\"d1\",\"text\":\"\xE2\x80\x9C" "abc\",\"attributions\":[{\"content\":[1,4],"
                 "\"content_text\":\"abc\",\"direct\":true,\"speaker\":null}]}\n"
                 "{\"id\":\"d2\",\"text\":\"\xE2\x80\x9C" "abc\",\"attributions\":[{\"content\":[3,6],"
                 "\"content_text\":\"abc\",\"direct\":true,\"speaker\":null}]}\n");
    ck_assert_int_eq(qg_eval_load_gold_string(ev, buf, "g", &err), -1);
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.text, "length 4"));

    sprintf(buf, "{\"id\":\"d1\",\"text\":\"abc\",\"attributions\":[{\"content\":[0,2],\"speaker\":null}]}\n");
    ck_assert_int_eq(qg_eval_load_gold_string(ev, buf, "g", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "direct"));

    ck_assert_int_eq(qg_eval_load_gold_string(ev, good, "g", &err), 0);
    ck_assert_uint_eq(qg_eval_doc_count(ev), 1);
    ck_assert_int_eq(qg_eval_load_gold_file(ev, "/nonexistent/gold.jsonl", &err), -1);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.file, "/nonexistent/gold.jsonl");
    free(good);
    free(buf);
    qg_eval_free(ev);
}
END_TEST

/* ---- titles, dates, said_on, reported_by ------------------------------- */

static const char DTEXT[] =
    "Brigadier General Ali Reza said on Sunday that talks are over. "
    "Mehr quoted him. Last month Pompeo said Iran lies.";

/* A gold line over DTEXT; steals attrs, people and dates (NULL: no key). */
static char *dgold(json_t *attrs, json_t *people, json_t *dates)
{
    json_t *doc = json_pack("{s:s,s:s,s:s,s:o}", "id", "d1", "date", "2019-06-02", "text", DTEXT, "attributions",
                            attrs);
    if (people)
        json_object_set_new(doc, "people", people);
    if (dates)
        json_object_set_new(doc, "dates", dates);
    char *s = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return s;
}

static json_t *dspan(const char *needle)
{
    return span_of_nth(DTEXT, needle, 0);
}

/* An attribution over DTEXT with optional date and reported_by; "-" leaves
 * the key out. */
static json_t *dattr(const char *content, const char *speaker, const char *date, const char *rb)
{
    json_t *a = json_pack("{s:o,s:b,s:n,s:n,s:s}", "content", dspan(content), "direct", 0, "source", "cue",
                          "speaker", speaker);
    if (!date || strcmp(date, "-") != 0)
        json_object_set_new(a, "date", date ? json_string(date) : json_null());
    if (!rb || strcmp(rb, "-") != 0)
        json_object_set_new(a, "reported_by", rb ? json_string(rb) : json_null());
    return a;
}

static json_t *dgold_date(const char *text, const char *value)
{
    return json_pack("{s:o,s:s,s:o}", "span", dspan(text), "text", text, "value",
                     value ? json_string(value) : json_null());
}

static char *dpred(json_t *nodes, json_t *edges)
{
    json_t *doc = json_pack("{s:s,s:{s:s,s:i},s:o,s:o}", "schema", "quotegraph/1", "doc", "id", "d1", "length",
                            (int)strlen(DTEXT), "nodes", nodes, "edges", edges);
    char *s = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return lines(s, NULL);
}

static json_t *dnode(const char *id, const char *type, const char *name, const char *mention)
{
    return json_pack("{s:s,s:s,s:s,s:[{s:o,s:s}]}", "id", id, "type", type, "name", name, "mentions", "span",
                     dspan(mention), "text", mention);
}

static json_t *ddate(const char *id, const char *value, const char *mention)
{
    return json_pack("{s:s,s:s,s:o,s:[{s:o,s:s}]}", "id", id, "type", "date", "value",
                     value ? json_string(value) : json_null(), "mentions", "span", dspan(mention), "text", mention);
}

static json_t *dstmt(const char *id, const char *content)
{
    return json_pack("{s:s,s:s,s:s,s:o}", "id", id, "type", "statement", "kind", "indirect", "span",
                     dspan(content));
}

static json_t *dedge(const char *type, const char *from, const char *to, const char *rule)
{
    return json_pack("{s:s,s:s,s:s,s:s}", "type", type, "from", from, "to", to, "rule", rule);
}

START_TEST(test_titles)
{
    /* Ali Reza: gold titles Brigadier General and commander.  Predicted
     * persons p1 (by name) and p2 "Reza" (by alias) both stand for him:
     * together "brigadier general" (right, case and space folded) and
     * "General" (wrong).  Pompeo (p3, by alias) has no gold title but one
     * predicted; "Iran" (p4) is no gold person: its title is wrong too. */
    json_t *people = json_pack("[{s:s,s:[s,s],s:[s,s]},{s:s,s:[s],s:[]}]", "name", "Ali Reza", "aliases",
                               "Brigadier General Ali Reza", "Reza", "titles", "Brigadier General", "commander",
                               "name", "Mike Pompeo", "aliases", "Pompeo", "titles");
    json_t *nodes = json_pack("[o,o,o,o,o,o,o]", dnode("p1", "person", "Ali Reza", "Ali Reza"),
                              dnode("p2", "person", "Reza", "Reza"), dnode("p3", "person", "Pompeo", "Pompeo"),
                              dnode("p4", "person", "Iran", "Iran"),
                              dnode("t1", "title", "brigadier  general", "Brigadier General"),
                              dnode("t2", "title", "General", "General"), dnode("t3", "title", "Secretary", "Pompeo"));
    json_t *edges = json_pack("[o,o,o,o,o]", dedge("has_title", "p1", "t1", "title.prenominal"),
                              dedge("has_title", "p2", "t2", "title.prenominal"),
                              dedge("has_title", "p2", "t1", "title.prenominal"),
                              dedge("has_title", "p3", "t3", "title.prenominal"),
                              dedge("has_title", "p4", "t2", "title.prenominal"));
    qg_eval *ev = run(dgold(json_array(), people, NULL), dpred(nodes, edges));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_prf(m->titles, 1, 4, 2, 0.25, 0.5);
    ck_assert_uint_eq(m->title_documents, 1);
    ck_assert_uint_eq(m->date_documents, 0); /* no "dates" key: not scored */
    ck_prf(m->dates, 0, 0, 0, 0.0, 0.0);
    qg_eval_free(ev);

    /* no "people" key: titles are not scored at all, predicted ones included */
    nodes = json_pack("[o,o]", dnode("p1", "person", "Ali Reza", "Ali Reza"), dnode("t1", "title", "X", "Ali"));
    edges = json_pack("[o]", dedge("has_title", "p1", "t1", "title.prenominal"));
    ev = run(dgold(json_array(), NULL, NULL), dpred(nodes, edges));
    ck_prf(qg_eval_totals(ev)->titles, 0, 0, 0, 0.0, 0.0);
    ck_assert_uint_eq(qg_eval_totals(ev)->title_documents, 0);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_dates)
{
    /* Gold: Sunday 2019-06-02, Last month 2019-05.  Predicted: "on Sunday"
     * (covers it) with a wrong value, "Last month" right, and a spurious
     * "talks".  One node holds two mentions. */
    json_t *dates = json_pack("[o,o]", dgold_date("Sunday", "2019-06-02"), dgold_date("Last month", "2019-05"));
    json_t *nodes = json_pack("[o,o]", ddate("d1", "2019-05-26", "on Sunday"), ddate("d2", "2019-05", "Last month"));
    json_array_append_new(json_object_get(json_array_get(nodes, 1), "mentions"),
                          json_pack("{s:o,s:s}", "span", dspan("talks"), "text", "talks"));
    qg_eval *ev = run(dgold(json_array(), NULL, dates), dpred(nodes, json_array()));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_prf(m->dates, 2, 3, 2, 2.0 / 3.0, 1.0);
    ck_assert_uint_eq(m->date_values.correct, 1);
    ck_assert_uint_eq(m->date_values.total, 2);
    ck_assert_double_eq_tol(m->date_values.accuracy, 0.5, EPS);
    ck_assert_uint_eq(m->date_documents, 1);
    qg_eval_free(ev);

    /* null values compare equal; a mention covering half or less does not match */
    dates = json_pack("[o]", dgold_date("Last month", NULL));
    nodes = json_pack("[o,o]", ddate("d1", NULL, "Last"), ddate("d2", NULL, "Last month"));
    ev = run(dgold(json_array(), NULL, dates), dpred(nodes, json_array()));
    m = qg_eval_totals(ev);
    ck_prf(m->dates, 1, 2, 1, 0.5, 1.0);
    ck_assert_uint_eq(m->date_values.correct, 1);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_said_on_reported_by)
{
    /* s1 (talks are over): gold 2019-06-02 by Mehr, predicted right by an
     * inherited edge, and Mehr by its mention "Mehr News".  s2 (Iran lies):
     * gold date null and reported_by null, predicted a dated said_on and an
     * outlet: both counted as "on gold null".  s3 is no gold attribution. */
    json_t *attrs = json_pack("[o,o]", dattr("talks are over", "Ali Reza", "2019-06-02", "Mehr"),
                              dattr("Iran lies", "Mike Pompeo", NULL, NULL));
    json_t *nodes = json_pack("[o,o,o,o,o,o,o]", dnode("p1", "person", "Ali Reza", "Ali Reza"),
                              dnode("p2", "person", "Mike Pompeo", "Pompeo"),
                              dnode("o1", "organization", "Mehr News Agency", "Mehr"),
                              ddate("d1", "2019-06-02", "Sunday"), ddate("d2", "2019-05", "Last month"),
                              dstmt("s1", "talks are over"), dstmt("s2", "Iran lies"));
    json_array_append_new(nodes, dstmt("s3", "quoted him"));
    json_t *edges = json_pack("[o,o,o,o,o,o,o]", dedge("said", "p1", "s1", "r"), dedge("said", "p2", "s2", "r"),
                              dedge("said_on", "s1", "d1", "date.inherited"),
                              dedge("reported_by", "s1", "o1", "outlet.clause"),
                              dedge("said_on", "s2", "d2", "date.clause"),
                              dedge("reported_by", "s2", "o1", "outlet.inherited"),
                              dedge("said_on", "s3", "d2", "date.inherited"));
    qg_eval *ev = run(dgold(attrs, json_array(), NULL), dpred(nodes, edges));
    const qg_eval_metrics *m = qg_eval_totals(ev);
    ck_assert_uint_eq(m->said_on.acc.correct, 1);
    ck_assert_uint_eq(m->said_on.acc.total, 1);
    ck_assert_uint_eq(m->said_on.extra, 1);
    ck_assert_uint_eq(m->said_on.edges, 3);
    ck_assert_uint_eq(m->said_on.inherited, 2);
    ck_assert_uint_eq(m->reported_by.acc.correct, 1);
    ck_assert_uint_eq(m->reported_by.acc.total, 1);
    ck_assert_uint_eq(m->reported_by.extra, 1);
    qg_eval_free(ev);

    /* a leading "the" does not matter for an outlet */
    attrs = json_pack("[o]", dattr("talks are over", "Ali Reza", "-", "Washington Post"));
    nodes = json_pack("[o,o,o]", dnode("p1", "person", "Ali Reza", "Ali Reza"),
                      dnode("o1", "organization", "The Washington Post", "Mehr"), dstmt("s1", "talks are over"));
    edges = json_pack("[o,o]", dedge("said", "p1", "s1", "r"), dedge("reported_by", "s1", "o1", "outlet.clause"));
    ev = run(dgold(attrs, NULL, NULL), dpred(nodes, edges));
    ck_assert_uint_eq(qg_eval_totals(ev)->reported_by.acc.correct, 1);
    qg_eval_free(ev);

    /* wrong values; a gold without the keys is not scored */
    attrs = json_pack("[o,o]", dattr("talks are over", "Ali Reza", "2019-06-01", "Tasnim"),
                      dattr("Iran lies", "Mike Pompeo", "-", "-"));
    nodes = json_pack("[o,o,o,o,o,o]", dnode("p1", "person", "Ali Reza", "Ali Reza"),
                      dnode("p2", "person", "Mike Pompeo", "Pompeo"), dnode("o1", "organization", "Mehr", "Mehr"),
                      ddate("d1", "2019-06-02", "Sunday"), dstmt("s1", "talks are over"), dstmt("s2", "Iran lies"));
    edges = json_pack("[o,o,o,o,o,o]", dedge("said", "p1", "s1", "r"), dedge("said", "p2", "s2", "r"),
                      dedge("said_on", "s1", "d1", "date.clause"), dedge("reported_by", "s1", "o1", "outlet.clause"),
                      dedge("said_on", "s2", "d1", "date.clause"), dedge("reported_by", "s2", "o1", "outlet.clause"));
    ev = run(dgold(attrs, NULL, NULL), dpred(nodes, edges));
    m = qg_eval_totals(ev);
    ck_assert_uint_eq(m->said_on.acc.correct, 0);
    ck_assert_uint_eq(m->said_on.acc.total, 1);
    ck_assert_uint_eq(m->said_on.extra, 0);
    ck_assert_uint_eq(m->reported_by.acc.correct, 0);
    ck_assert_uint_eq(m->reported_by.acc.total, 1);
    ck_assert_uint_eq(m->reported_by.extra, 0);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_link_errors)
{
    /* the new edges must join nodes of the right types; gold fields their types */
    expect_pred_error(REC("d1", "{\"id\":\"p1\",\"type\":\"person\",\"name\":\"A\"}",
                          "{\"type\":\"has_title\",\"from\":\"p1\",\"to\":\"p1\"}"),
                      1, "to a title");
    expect_pred_error(REC("d1", "{\"id\":\"s1\",\"type\":\"statement\",\"kind\":\"direct\",\"span\":[0,4]}",
                          "{\"type\":\"said_on\",\"from\":\"s1\",\"to\":\"d9\"}"),
                      1, "d9");
    expect_pred_error(REC("d1", "{\"id\":\"d1\",\"type\":\"date\",\"value\":3}", ""), 1, "value");
    qg_eval *ev = qg_eval_new();
    qg_eval_error err;
    ck_assert_int_eq(qg_eval_load_gold_string(ev, "{\"id\":\"d1\",\"text\":\"abc\",\"attributions\":[],"
                                                  "\"dates\":[{\"span\":[0,2],\"text\":\"ab\"}]}\n", "g", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "value"));
    ck_assert_int_eq(qg_eval_load_gold_string(ev, "{\"id\":\"d1\",\"text\":\"abc\",\"attributions\":[],"
                                                  "\"dates\":[{\"span\":[0,2],\"text\":\"bc\",\"value\":null}]}\n",
                                              "g", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "does not match"));
    ck_assert_int_eq(qg_eval_load_gold_string(ev, "{\"id\":\"d1\",\"text\":\"abc\",\"attributions\":[{\"content\":"
                                                  "[0,2],\"direct\":true,\"speaker\":null,\"reported_by\":1}]}\n",
                                              "g", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "reported_by"));
    qg_eval_free(ev);
}
END_TEST

/* Text and --errors rendering, read back from a temporary file. */
static char *render(const qg_eval *ev, int json, unsigned flags)
{
    FILE *out = tmpfile();
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(json ? qg_eval_report_json(ev, out, flags) : qg_eval_report_text(ev, out, flags), 0);
    long n = ftell(out);
    rewind(out);
    char *buf = calloc((size_t)n + 1, 1);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, out), (size_t)n);
    fclose(out);
    return buf;
}

START_TEST(test_reports)
{
    graph g = graph_new();
    add_entity(&g, "p1", "person", "Mike Pompeo", NULL);
    add_stmt(&g, "s2", "direct", "We will never negotiate,");
    add_said(&g, "p1", "s2", NULL, NULL);
    qg_eval *ev = run(gold_doc("d1", json_pack("[o,o]", A_LEADER, A_OFFICIALS)), lines(pred_doc("d1", &g), NULL));

    char *text = render(ev, 0, QG_EVAL_REPORT_PER_DOC | QG_EVAL_REPORT_ERRORS);
    ck_assert_ptr_nonnull(strstr(text, "quotegraph eval: 1 documents, 2 gold attributions, 1 predicted\n"));
    ck_assert_ptr_nonnull(strstr(text, "statements (overlap)  1.000   0.500  0.667"));
    ck_assert_ptr_nonnull(strstr(text, "speaker accuracy      0.00 (0/1)   direct: 0.00 (0/1)"));
    /* the new rows follow the old ones; the gold person has one title */
    ck_assert_ptr_nonnull(strstr(text, "direct: 0.00 (0/1)\ntitles                0.000   0.000  0.000"
                                       "       0     0     1\ndates (overlap)"));
    ck_assert_ptr_nonnull(strstr(text, "said_on accuracy      0.00 (0/0)   on gold null: 0   edges: 0, inherited 0\n"));
    ck_assert_ptr_nonnull(strstr(text, "reported_by accuracy  0.00 (0/0)   on gold null: 0\n"));
    ck_assert_ptr_nonnull(strstr(text, "d1 wrong_speaker [54,78): gold speaker \"Ali Khamenei\""));
    ck_assert_ptr_nonnull(strstr(text, "text:     We will never negotiate,\n"));
    ck_assert_ptr_nonnull(strstr(text, "sentence: \xE2\x80\x9CWe will never negotiate,\xE2\x80\x9D the Leader added.\n"));
    ck_assert_ptr_nonnull(strstr(text, "d1 missed [120,131)"));
    ck_assert_ptr_nonnull(strstr(text, "sentence: Officials warned that war is near.\n"));
    free(text);

    json_error_t jerr;
    char *js = render(ev, 1, QG_EVAL_REPORT_ERRORS);
    json_t *root = json_loads(js, 0, &jerr);
    ck_assert_ptr_nonnull(root);
    ck_assert_int_eq(json_integer_value(json_object_get(root, "documents")), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "statements_overlap"), "tp")), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(
                         json_object_get(json_object_get(root, "speaker_accuracy"), "all"), "total")), 1);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "per_doc")), 1);
    json_t *errs = json_object_get(root, "errors");
    ck_assert_uint_eq(json_array_size(errs), 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(errs, 0), "kind")), "wrong_speaker");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(json_array_get(errs, 0), "predicted"),
                                                       "speaker")), "Mike Pompeo");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(errs, 1), "sentence")),
                     "Officials warned that war is near.");
    const char *keys[] = {"gold", "predicted", "statements_exact", "attribution", "sources", "cues", "direct",
                          "titles", "dates", "date_values", "said_on", "reported_by", "missing", "error_records",
                          "warnings"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        ck_assert_msg(json_object_get(root, keys[i]) != NULL, "no key %s", keys[i]);
    json_decref(root);
    free(js);
    qg_eval_free(ev);
}
END_TEST

START_TEST(test_seeds_self_score)
{
    /* The real gold file loads and is counted as its README says; the test
     * skips with a message where ../shared is absent. */
#ifdef QG_SOURCE_DIR /* set by the Makefile: tests may run from elsewhere */
    const char *path = QG_SOURCE_DIR "/../shared/gold/seeds.gold.jsonl";
#else
    const char *path = "../shared/gold/seeds.gold.jsonl";
#endif
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "check_score: %s not found; seeds gold test skipped\n", path);
        return;
    }
    qg_eval *ev = qg_eval_new();
    qg_eval_error err;
    ck_assert_msg(qg_eval_load_gold_stream(ev, fp, path, &err) == 0, "%s:%d: %s", err.file, err.line, err.text);
    fclose(fp);
    ck_assert_int_eq(qg_eval_score(ev), 0);
    ck_assert_uint_eq(qg_eval_doc_count(ev), 5);
    ck_assert_uint_eq(qg_eval_totals(ev)->gold, 76);
    ck_assert_uint_eq(qg_eval_totals(ev)->direct.gold, 21);
    ck_assert_uint_eq(qg_eval_totals(ev)->cues.gold, 75);
    ck_assert_uint_eq(qg_eval_missing_count(ev), 5);
    qg_eval_free(ev);
}
END_TEST

static Suite *score_suite(void)
{
    Suite *s = suite_create("eval");
    TCase *tc = tcase_create("score");
    tcase_add_test(tc, test_perfect);
    tcase_add_test(tc, test_missed);
    tcase_add_test(tc, test_false_positive);
    tcase_add_test(tc, test_overlap_rule);
    tcase_add_test(tc, test_exact_trimming);
    tcase_add_test(tc, test_wrong_speaker);
    tcase_add_test(tc, test_alias_speaker);
    tcase_add_test(tc, test_null_speaker);
    tcase_add_test(tc, test_joint_speakers);
    tcase_add_test(tc, test_direct_subset);
    tcase_add_test(tc, test_sources_cues);
    tcase_add_test(tc, test_missing_document);
    tcase_add_test(tc, test_error_record);
    tcase_add_test(tc, test_unknown_keys_and_extra_docs);
    tcase_add_test(tc, test_no_division_by_zero);
    tcase_add_test(tc, test_invalid_predictions);
    tcase_add_test(tc, test_invalid_gold);
    tcase_add_test(tc, test_reports);
    tcase_add_test(tc, test_titles);
    tcase_add_test(tc, test_dates);
    tcase_add_test(tc, test_said_on_reported_by);
    tcase_add_test(tc, test_link_errors);
    tcase_add_test(tc, test_seeds_self_score);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(score_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
