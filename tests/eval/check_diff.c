/* check_diff.c - unit tests for eval/diff.c: parsing records, matching
 * statements by span, what counts as a change, and the two renderings.
 * Records are built with jansson from small statement specs. */
#include "../../eval/diff.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_util.h"

/* ---- builders --------------------------------------------------------- */

/* One statement: span, kind, rule, text, up to two speakers (NULL: none)
 * with a source span each (s < 0: null), and a cue span (s < 0: null). */
typedef struct {
    long s, e;
    const char *kind, *rule, *text;
    const char *speaker, *speaker2;
    long src_s, src_e, src2_s, src2_e, cue_s, cue_e;
} st_spec;

static json_t *span_obj(long s, long e, const char *text)
{
    return s < 0 ? json_null() : json_pack("{s:[I,I],s:s}", "span", (json_int_t)s, (json_int_t)e, "text", text);
}

/* Appends a person node named NAME unless there is one; returns its id. */
static const char *person(json_t *nodes, const char *name)
{
    size_t i;
    json_t *n;
    json_array_foreach(nodes, i, n) {
        if (strcmp(json_string_value(json_object_get(n, "name")), name) == 0)
            return json_string_value(json_object_get(n, "id"));
    }
    char id[32];
    snprintf(id, sizeof id, "p%zu", json_array_size(nodes) + 1);
    json_array_append_new(nodes, json_pack("{s:s,s:s,s:s,s:[]}", "id", id, "type", "person", "name", name,
                                           "mentions"));
    return json_string_value(json_object_get(json_array_get(nodes, json_array_size(nodes) - 1), "id"));
}

static void said(json_t *edges, const char *from, const char *to, const char *rule, long ss, long se, long cs,
                 long ce)
{
    json_array_append_new(edges, json_pack("{s:s,s:s,s:s,s:s,s:f,s:o,s:o}", "type", "said", "from", from, "to",
                                           to, "rule", rule, "confidence", 0.9, "source",
                                           span_obj(ss, se, "src"), "cue", span_obj(cs, ce, "said")));
}

/* A quotegraph/1 graph line for document ID with the N statements of SPEC,
 * in the given order (node ids s1, s2, ...). Returns malloc'd text. */
static char *graph_line(const char *id, const st_spec *spec, size_t n)
{
    json_t *nodes = json_array(), *stmts = json_array(), *edges = json_array();
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            const char *sp = k ? spec[i].speaker2 : spec[i].speaker;
            if (sp)
                person(nodes, sp);
        }
    for (size_t i = 0; i < n; i++) {
        const st_spec *s = &spec[i];
        char sid[32];
        snprintf(sid, sizeof sid, "s%zu", i + 1);
        json_array_append_new(stmts, json_pack("{s:s,s:s,s:s,s:[I,I],s:s,s:s}", "id", sid, "type", "statement",
                                               "kind", s->kind ? s->kind : "direct", "span", (json_int_t)s->s,
                                               (json_int_t)s->e, "text", s->text ? s->text : "words",
                                               "rule", s->rule ? s->rule : "quote.frame.after"));
        const char *rule = s->rule ? s->rule : "quote.frame.after";
        if (s->speaker)
            said(edges, person(nodes, s->speaker), sid, rule, s->src_s, s->src_e, s->cue_s, s->cue_e);
        if (s->speaker2)
            said(edges, person(nodes, s->speaker2), sid, rule, s->src2_s, s->src2_e, s->cue_s, s->cue_e);
    }
    json_array_extend(nodes, stmts);
    json_decref(stmts);
    json_t *root = json_pack("{s:s,s:{s:s,s:n,s:n,s:i},s:o,s:o}", "schema", "quotegraph/1", "doc", "id", id,
                             "source", "date", "length", 1000, "nodes", nodes, "edges", edges);
    char *line = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(root);
    return line;
}

static qg_diff_graph *parse_ok(const char *line)
{
    char why[256] = "";
    qg_diff_graph *g = qg_diff_graph_parse(line, strlen(line), why, sizeof why);
    ck_assert_msg(g != NULL, "parse failed: %s", why);
    return g;
}

static qg_diff_graph *graph(const char *id, const st_spec *spec, size_t n)
{
    char *line = graph_line(id, spec, n);
    qg_diff_graph *g = parse_ok(line);
    free(line);
    return g;
}

static qg_diff_graph *error_graph(const char *id)
{
    char line[256];
    snprintf(line, sizeof line,
             "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"%s\",\"source\":null,\"date\":null,\"length\":null},"
             "\"error\":{\"code\":\"invalid-utf8\",\"message\":\"invalid UTF-8 at byte 3\",\"offset\":3}}",
             id);
    return parse_ok(line);
}

/* Compares one-statement documents OLD and NEW; returns the change bits of
 * the single change (0 when none) and checks that it is a CHANGED one. */
static unsigned what_of(st_spec old, st_spec new)
{
    qg_diff_graph *o = graph("d", &old, 1), *n = graph("d", &new, 1);
    qg_diff_doc d;
    ck_assert_int_eq(qg_diff_compare(o, n, &d), 0);
    unsigned w = 0;
    if (d.nchanges) {
        ck_assert_uint_eq(d.nchanges, 1);
        ck_assert_int_eq(d.changes[0].kind, QG_DIFF_CHANGED);
        w = d.changes[0].what;
    }
    qg_diff_doc_clear(&d);
    qg_diff_graph_free(o);
    qg_diff_graph_free(n);
    return w;
}

#define ST(s, e) {(s), (e), NULL, NULL, NULL, NULL, NULL, -1, -1, -1, -1, -1, -1}
#define SAID(s, e, who, ss, se, cs, ce) {(s), (e), NULL, NULL, NULL, (who), NULL, (ss), (se), -1, -1, (cs), (ce)}

/* Renders D as text into a static buffer. */
static const char *text_of(const qg_diff_doc *d)
{
    static char buf[4096];
    memset(buf, 0, sizeof buf);
    FILE *f = fmemopen(buf, sizeof buf, "w");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(qg_diff_doc_write_text(d, f), 0);
    fclose(f);
    return buf;
}

/* ---- parsing ---------------------------------------------------------- */

START_TEST(test_parse_graph)
{
    st_spec spec[] = {SAID(50, 60, "Ann Lee", 40, 47, 48, 52), ST(10, 20),
                      {30, 35, "mixed", "speech.clause", "x", "Bo Li", "Ann Lee", 0, 2, 3, 5, 6, 8}};
    qg_diff_graph *g = graph("doc-1", spec, 3);
    ck_assert_str_eq(g->id, "doc-1");
    ck_assert_ptr_null(g->error_code);
    ck_assert_uint_eq(g->nstmts, 3);
    /* span order, whatever the node order */
    ck_assert_int_eq(g->stmts[0].s, 10);
    ck_assert_uint_eq(g->stmts[0].nspeakers, 0);
    ck_assert_int_eq(g->stmts[0].cue.s, -1);
    ck_assert_int_eq(g->stmts[1].s, 30);
    ck_assert_str_eq(g->stmts[1].kind, "mixed");
    ck_assert_str_eq(g->stmts[1].rule, "speech.clause");
    /* joint speakers sorted by name, each with its own source */
    ck_assert_uint_eq(g->stmts[1].nspeakers, 2);
    ck_assert_str_eq(g->stmts[1].speakers[0].name, "Ann Lee");
    ck_assert_int_eq(g->stmts[1].speakers[0].source.s, 3);
    ck_assert_str_eq(g->stmts[1].speakers[1].name, "Bo Li");
    ck_assert_int_eq(g->stmts[1].cue.s, 6);
    ck_assert_str_eq(g->stmts[2].speakers[0].source.text, "src");
    ck_assert_str_eq(g->stmts[2].cue.text, "said");
    qg_diff_graph_free(g);

    g = error_graph("bad");
    ck_assert_str_eq(g->error_code, "invalid-utf8");
    ck_assert_uint_eq(g->nstmts, 0);
    qg_diff_graph_free(g);
}
END_TEST

START_TEST(test_parse_errors)
{
    static const struct {
        const char *line, *why;
    } cases[] = {
        {"{\"schema\":", "not JSON"},
        {"[1,2]", "not a quotegraph/1 record"},
        {"{\"schema\":\"quotegraph-layers/1\",\"doc\":{\"id\":\"a\"}}", "schema: quotegraph-layers/1"},
        {"{\"schema\":\"quotegraph/1\",\"doc\":{}}", "no doc.id"},
        {"{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"a\"},\"nodes\":[]}", "\"nodes\" and \"edges\""},
        {"{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"a\"},\"nodes\":[{\"id\":\"s1\",\"type\":\"statement\","
         "\"span\":[5,2]}],\"edges\":[]}",
         "\"span\" must be"},
        {"{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"a\"},\"nodes\":[{\"id\":\"p1\",\"type\":\"person\"}],"
         "\"edges\":[{\"type\":\"said\",\"from\":\"p1\",\"to\":\"s9\"}]}",
         "does not exist"},
        {"{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"a\"},\"nodes\":[{\"id\":\"p1\",\"type\":\"person\"}],"
         "\"edges\":[{\"type\":\"said\",\"from\":\"p1\",\"to\":\"p1\"}]}",
         "does not point to a statement"},
        {"{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"a\"},\"nodes\":[{\"id\":\"p1\",\"type\":\"person\"},"
         "{\"id\":\"p1\",\"type\":\"person\"}],\"edges\":[]}",
         "given twice"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char why[256] = "";
        qg_diff_graph *g = qg_diff_graph_parse(cases[i].line, strlen(cases[i].line), why, sizeof why);
        ck_assert_msg(g == NULL, "case %zu parsed", i);
        ck_assert_msg(strstr(why, cases[i].why) != NULL, "case %zu: '%s' lacks '%s'", i, why, cases[i].why);
    }
}
END_TEST

/* ---- matching --------------------------------------------------------- */

START_TEST(test_exact_span_first)
{
    /* New [5,20] is the exact twin of old [5,20]. Overlap alone, in span
     * order, would give it to old [0,20] (15 of 20 covered) and leave old
     * [5,20] lost; exact spans first match it to its twin, and old [0,20]
     * then takes new [0,12] (12 of 20). */
    st_spec old[] = {ST(0, 20), ST(5, 20)}, new[] = {ST(5, 20), ST(0, 12)};
    qg_diff_graph *o = graph("d", old, 2), *n = graph("d", new, 2);
    qg_diff_doc d;
    ck_assert_int_eq(qg_diff_compare(o, n, &d), 0);
    ck_assert_int_eq(d.status, QG_DIFF_DOC_CHANGED);
    ck_assert_uint_eq(d.nchanges, 1);
    ck_assert_int_eq(d.changes[0].kind, QG_DIFF_CHANGED);
    ck_assert_uint_eq(d.changes[0].what, QG_DIFF_SPAN);
    ck_assert_int_eq(d.changes[0].old->e, 20);
    ck_assert_int_eq(d.changes[0].new->e, 12);
    ck_assert_uint_eq(d.counts.lost + d.counts.gained, 0);
    qg_diff_doc_clear(&d);
    qg_diff_graph_free(o);
    qg_diff_graph_free(n);
}
END_TEST

/* Runs OLD and NEW (one statement each) and returns lost, gained counts. */
static void lost_gained(st_spec old, st_spec new, size_t *lost, size_t *gained, size_t *changed)
{
    qg_diff_graph *o = graph("d", &old, 1), *n = graph("d", &new, 1);
    qg_diff_doc d;
    ck_assert_int_eq(qg_diff_compare(o, n, &d), 0);
    *lost = d.counts.lost;
    *gained = d.counts.gained;
    *changed = d.counts.changed;
    qg_diff_doc_clear(&d);
    qg_diff_graph_free(o);
    qg_diff_graph_free(n);
}

START_TEST(test_overlap_half)
{
    size_t l, g, c;
    lost_gained((st_spec)ST(0, 10), (st_spec)ST(5, 20), &l, &g, &c); /* 5 of 10: half */
    ck_assert_uint_eq(l, 1);
    ck_assert_uint_eq(g, 1);
    ck_assert_uint_eq(c, 0);
    lost_gained((st_spec)ST(0, 10), (st_spec)ST(4, 20), &l, &g, &c); /* 6 of 10 */
    ck_assert_uint_eq(l, 0);
    ck_assert_uint_eq(g, 0);
    ck_assert_uint_eq(c, 1);
    /* The old span is the reference: a short new statement inside a long
     * old one covers too little of it. */
    lost_gained((st_spec)ST(0, 100), (st_spec)ST(10, 20), &l, &g, &c);
    ck_assert_uint_eq(l, 1);
    ck_assert_uint_eq(g, 1);
    /* An empty old span matches only exactly. */
    lost_gained((st_spec)ST(5, 5), (st_spec)ST(4, 6), &l, &g, &c);
    ck_assert_uint_eq(l, 1);
    lost_gained((st_spec)ST(5, 5), (st_spec)ST(5, 5), &l, &g, &c);
    ck_assert_uint_eq(l + g + c, 0);
}
END_TEST

START_TEST(test_largest_overlap_wins)
{
    /* Old [0,20] is split into [0,8] and [8,20] (12 of 20): the second one
     * matches; the first is gained. */
    st_spec old[] = {ST(0, 20)}, new[] = {ST(0, 8), ST(8, 20)};
    qg_diff_graph *o = graph("d", old, 1), *n = graph("d", new, 2);
    qg_diff_doc d;
    ck_assert_int_eq(qg_diff_compare(o, n, &d), 0);
    ck_assert_uint_eq(d.nchanges, 2);
    /* span order: the gained [0,8] before the changed [0,20] (old span) */
    ck_assert_int_eq(d.changes[0].kind, QG_DIFF_GAINED);
    ck_assert_int_eq(d.changes[0].new->e, 8);
    ck_assert_int_eq(d.changes[1].kind, QG_DIFF_CHANGED);
    ck_assert_int_eq(d.changes[1].new->s, 8);
    ck_assert_uint_eq(d.changes[1].what, QG_DIFF_SPAN);
    qg_diff_doc_clear(&d);
    qg_diff_graph_free(o);
    qg_diff_graph_free(n);
}
END_TEST

/* ---- what changed ----------------------------------------------------- */

START_TEST(test_change_bits)
{
    st_spec base = SAID(10, 20, "Ann Lee", 0, 7, 8, 12);
    ck_assert_uint_eq(what_of(base, base), 0);

    st_spec other = base;
    other.speaker = "Bo Li";
    other.src_s = 30; /* a new source belongs to the speaker change */
    other.src_e = 35;
    ck_assert_uint_eq(what_of(base, other), QG_DIFF_SPEAKER);

    st_spec none = ST(10, 20);
    none.rule = "quote.unattributed";
    ck_assert_uint_eq(what_of(base, none), QG_DIFF_SPEAKER | QG_DIFF_CUE | QG_DIFF_RULE);
    ck_assert_uint_eq(what_of(none, base), QG_DIFF_ATTRIBUTED | QG_DIFF_CUE | QG_DIFF_RULE);

    st_spec src = base;
    src.src_s = 1;
    ck_assert_uint_eq(what_of(base, src), QG_DIFF_SOURCE);

    st_spec cue = base;
    cue.cue_e = 13;
    ck_assert_uint_eq(what_of(base, cue), QG_DIFF_CUE);

    st_spec kind = base;
    kind.kind = "mixed";
    ck_assert_uint_eq(what_of(base, kind), QG_DIFF_KIND);

    st_spec span = base;
    span.e = 21;
    ck_assert_uint_eq(what_of(base, span), QG_DIFF_SPAN);

    st_spec rule = base;
    rule.rule = "quote.frame.before";
    ck_assert_uint_eq(what_of(base, rule), QG_DIFF_RULE);

    /* Ids and texts are not compared: a renumbered graph is the same. */
    st_spec text = base;
    text.text = "other words";
    ck_assert_uint_eq(what_of(base, text), 0);
}
END_TEST

START_TEST(test_joint_speakers)
{
    st_spec ab = {10, 20, NULL, NULL, NULL, "Ann Lee", "Bo Li", 0, 3, 4, 6, 7, 9};
    st_spec ba = {10, 20, NULL, NULL, NULL, "Bo Li", "Ann Lee", 4, 6, 0, 3, 7, 9};
    ck_assert_uint_eq(what_of(ab, ba), 0); /* the order of the said edges does not matter */
    st_spec a = SAID(10, 20, "Ann Lee", 0, 3, 7, 9);
    ck_assert_uint_eq(what_of(ab, a), QG_DIFF_SPEAKER);
}
END_TEST

/* ---- documents and counts --------------------------------------------- */

START_TEST(test_document_status)
{
    st_spec two[] = {ST(0, 5), ST(10, 15)};
    qg_diff_graph *g = graph("d", two, 2), *err = error_graph("d"), *err2 = error_graph("d");
    qg_diff_doc d;

    ck_assert_int_eq(qg_diff_compare(NULL, g, &d), 0);
    ck_assert_int_eq(d.status, QG_DIFF_DOC_ADDED);
    ck_assert_uint_eq(d.counts.added, 1);
    ck_assert_uint_eq(d.counts.gained, 2);
    ck_assert_str_eq(text_of(&d), "d: added, 2 statements\n");
    qg_diff_doc_clear(&d);

    ck_assert_int_eq(qg_diff_compare(g, NULL, &d), 0);
    ck_assert_int_eq(d.status, QG_DIFF_DOC_REMOVED);
    ck_assert_uint_eq(d.counts.lost, 2);
    ck_assert_str_eq(text_of(&d), "d: removed, 2 statements lost\n");
    qg_diff_doc_clear(&d);

    ck_assert_int_eq(qg_diff_compare(g, err, &d), 0);
    ck_assert_int_eq(d.status, QG_DIFF_DOC_BROKEN);
    ck_assert_uint_eq(d.counts.broken, 1);
    ck_assert_uint_eq(d.counts.lost, 2);
    ck_assert_str_eq(text_of(&d),
                     "d: became an error record (invalid-utf8: invalid UTF-8 at byte 3), 2 statements lost\n");
    qg_diff_doc_clear(&d);

    ck_assert_int_eq(qg_diff_compare(err, g, &d), 0);
    ck_assert_int_eq(d.status, QG_DIFF_DOC_RECOVERED);
    ck_assert_uint_eq(d.counts.recovered, 1);
    ck_assert_uint_eq(d.counts.gained, 2);
    qg_diff_doc_clear(&d);

    ck_assert_int_eq(qg_diff_compare(err, err2, &d), 0);
    ck_assert_int_eq(d.status, QG_DIFF_DOC_SAME);
    ck_assert_uint_eq(d.counts.changed_docs, 0);
    ck_assert_str_eq(text_of(&d), "");
    qg_diff_doc_clear(&d);

    qg_diff_graph_free(g);
    qg_diff_graph_free(err);
    qg_diff_graph_free(err2);
}
END_TEST

START_TEST(test_counts_add_up)
{
    st_spec old[] = {ST(0, 5), SAID(10, 20, "Ann Lee", 0, 3, 4, 6), ST(30, 40), ST(50, 60)};
    st_spec new[] = {SAID(10, 20, "Bo Li", 0, 3, 4, 6), ST(30, 41), ST(70, 80), ST(90, 95), ST(96, 99)};
    qg_diff_graph *o = graph("d", old, 4), *n = graph("d", new, 5);
    qg_diff_doc d;
    ck_assert_int_eq(qg_diff_compare(o, n, &d), 0);
    qg_diff_counts t = {0};
    qg_diff_counts_add(&t, &d.counts);
    qg_diff_counts_add(&t, &d.counts);
    ck_assert_uint_eq(t.stmts_old, 8);
    ck_assert_uint_eq(t.stmts_new, 10);
    ck_assert_uint_eq(t.lost, 4);
    ck_assert_uint_eq(t.gained, 6);
    ck_assert_uint_eq(t.stmts_new - t.stmts_old, t.gained - t.lost);
    ck_assert_uint_eq(t.changed, 4);
    ck_assert_uint_eq(t.speaker, 2);
    ck_assert_uint_eq(t.span, 2);
    ck_assert_uint_eq(t.changed_docs, 2);
    qg_diff_doc_clear(&d);
    qg_diff_graph_free(o);
    qg_diff_graph_free(n);
}
END_TEST

START_TEST(test_fail_on)
{
    qg_diff_fail_on f;
    ck_assert_int_eq(qg_diff_fail_on_parse("changed", &f), 0);
    ck_assert_int_eq(f, QG_DIFF_FAIL_CHANGED);
    ck_assert_str_eq(qg_diff_fail_on_name(f), "changed");
    ck_assert_int_eq(qg_diff_fail_on_parse("lots", &f), -1);

    qg_diff_counts none = {0}, gained = {.gained = 1}, rule = {.changed = 1, .rule = 1};
    qg_diff_counts speaker = {.changed = 1, .speaker = 1}, attributed = {.changed = 1, .attributed = 1};
    qg_diff_counts removed = {.removed = 1}, broken = {.broken = 1}, lost = {.lost = 1};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(qg_diff_fails(&none, (qg_diff_fail_on)i), 0);
    ck_assert_int_eq(qg_diff_fails(&lost, QG_DIFF_FAIL_LOST), 1);
    ck_assert_int_eq(qg_diff_fails(&speaker, QG_DIFF_FAIL_LOST), 1);
    ck_assert_int_eq(qg_diff_fails(&removed, QG_DIFF_FAIL_LOST), 1);
    ck_assert_int_eq(qg_diff_fails(&broken, QG_DIFF_FAIL_LOST), 1);
    ck_assert_int_eq(qg_diff_fails(&attributed, QG_DIFF_FAIL_LOST), 0);
    ck_assert_int_eq(qg_diff_fails(&rule, QG_DIFF_FAIL_LOST), 0);
    ck_assert_int_eq(qg_diff_fails(&rule, QG_DIFF_FAIL_CHANGED), 1);
    ck_assert_int_eq(qg_diff_fails(&gained, QG_DIFF_FAIL_CHANGED), 0);
    ck_assert_int_eq(qg_diff_fails(&gained, QG_DIFF_FAIL_ANY), 1);
    ck_assert_int_eq(qg_diff_fails(&lost, QG_DIFF_FAIL_NONE), 0);
}
END_TEST

/* ---- rendering -------------------------------------------------------- */

START_TEST(test_text_lines)
{
    st_spec old[] = {{10, 20, "direct", "quote.frame.after", "We will   not\nstop", "Ann Lee", NULL, 0, 7, -1,
                      -1, 8, 12},
                     {30, 95, "indirect", "speech.clause",
                      "a very long reported clause that goes on and on past the limit", "Bo Li", NULL, 21, 26, -1,
                      -1, 27, 29}};
    st_spec new[] = {{10, 20, "direct", "quote.unattributed", "We will   not\nstop", NULL, NULL, -1, -1, -1, -1,
                      -1, -1}};
    qg_diff_graph *o = graph("doc", old, 2), *n = graph("doc", new, 1);
    qg_diff_doc d;
    ck_assert_int_eq(qg_diff_compare(o, n, &d), 0);
    ck_assert_str_eq(text_of(&d),
                     "doc [10,20] \"We will not stop\": speaker Ann Lee [0,7] -> (none); cue \"said\" [8,12] -> "
                     "(none); rule quote.frame.after -> quote.unattributed\n"
                     "doc [30,95] \"a very long reported clause that goes on...\": lost; indirect; speaker "
                     "Bo Li [21,26]; rule speech.clause\n");

    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(qg_diff_summary_write_text(&d.counts, f), 0);
    rewind(f);
    char line[512] = "";
    ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
    fclose(f);
    ck_assert_str_eq(line, "diff: documents 1 -> 1: 1 changed (0 added, 0 removed, 0 became errors, 0 recovered); "
                           "statements 2 -> 1: 0 gained, 1 lost, 1 changed (1 speaker, 0 attributed, 0 source, "
                           "1 cue, 0 kind, 0 span, 1 rule)\n");
    qg_diff_doc_clear(&d);
    qg_diff_graph_free(o);
    qg_diff_graph_free(n);
}
END_TEST

START_TEST(test_json)
{
    st_spec old[] = {SAID(10, 20, "Ann Lee", 0, 7, 8, 12)}, new[] = {SAID(10, 20, "Ann Lee", 1, 7, 8, 12)};
    qg_diff_graph *o = graph("doc", old, 1), *n = graph("doc", new, 1);
    qg_diff_doc d;
    ck_assert_int_eq(qg_diff_compare(o, n, &d), 0);
    json_t *j = qg_diff_doc_json_new(&d);
    ck_assert_ptr_nonnull(j);
    char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    ck_assert_str_eq(
        s, "{\"doc\":\"doc\",\"status\":\"changed\",\"old\":{\"statements\":1},\"new\":{\"statements\":1},"
           "\"changes\":[{\"change\":\"changed\",\"what\":[\"source\"],"
           "\"old\":{\"id\":\"s1\",\"span\":[10,20],\"kind\":\"direct\",\"rule\":\"quote.frame.after\","
           "\"text\":\"words\",\"speakers\":[{\"name\":\"Ann Lee\",\"type\":\"person\",\"source\":{\"span\":[0,7],"
           "\"text\":\"src\"}}],\"cue\":{\"span\":[8,12],\"text\":\"said\"}},"
           "\"new\":{\"id\":\"s1\",\"span\":[10,20],\"kind\":\"direct\",\"rule\":\"quote.frame.after\","
           "\"text\":\"words\",\"speakers\":[{\"name\":\"Ann Lee\",\"type\":\"person\",\"source\":{\"span\":[1,7],"
           "\"text\":\"src\"}}],\"cue\":{\"span\":[8,12],\"text\":\"said\"}}}],"
           "\"counts\":{\"documents\":{\"old\":1,\"new\":1,\"changed\":1,\"added\":0,\"removed\":0,\"broken\":0,"
           "\"recovered\":0},\"statements\":{\"old\":1,\"new\":1,\"gained\":0,\"lost\":0,\"changed\":1},"
           "\"changes\":{\"speaker\":0,\"attributed\":0,\"source\":1,\"cue\":0,\"kind\":0,\"span\":0,\"rule\":0}}}");
    free(s);
    json_decref(j);

    j = qg_diff_summary_json_new(&d.counts, QG_DIFF_FAIL_CHANGED);
    ck_assert_str_eq(json_string_value(json_object_get(j, "fail_on")), "changed");
    ck_assert(json_is_true(json_object_get(j, "failed")));
    ck_assert_int_eq(json_integer_value(json_object_get(
                         json_object_get(json_object_get(j, "summary"), "changes"), "source")),
                     1);
    json_decref(j);
    qg_diff_doc_clear(&d);
    qg_diff_graph_free(o);
    qg_diff_graph_free(n);
}
END_TEST

static Suite *diff_suite(void)
{
    Suite *s = suite_create("diff");
    TCase *tc = tcase_create("diff");
    tcase_add_test(tc, test_parse_graph);
    tcase_add_test(tc, test_parse_errors);
    tcase_add_test(tc, test_exact_span_first);
    tcase_add_test(tc, test_overlap_half);
    tcase_add_test(tc, test_largest_overlap_wins);
    tcase_add_test(tc, test_change_bits);
    tcase_add_test(tc, test_joint_speakers);
    tcase_add_test(tc, test_document_status);
    tcase_add_test(tc, test_counts_add_up);
    tcase_add_test(tc, test_fail_on);
    tcase_add_test(tc, test_text_lines);
    tcase_add_test(tc, test_json);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(diff_suite)
