/* diff.c - compares the records of one document from two quotegraph runs:
 * statements matched by span, then their speakers, sources, cues, kinds and
 * rules.  Renders the result as text lines or JSON (diff.h). */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

/* ---- parsing ---------------------------------------------------------- */

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Copies the string member KEY; a missing key gives "", so that every
 * string of a parsed graph can be printed.  Returns NULL when out of memory. */
static char *dup_member(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return dup_or_null(s ? s : "");
}

/* [s, e] with 0 <= s <= e; returns 0, or -1. */
static int read_span(json_t *v, long *s, long *e)
{
    json_t *a = json_array_get(v, 0), *b = json_array_get(v, 1);
    if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_integer(a) || !json_is_integer(b))
        return -1;
    *s = (long)json_integer_value(a);
    *e = (long)json_integer_value(b);
    return *s >= 0 && *e >= *s ? 0 : -1;
}

/* A span object {"span":[s,e],"text":...} or null.  Returns 0, -1 when it is
 * malformed, -2 when out of memory. */
static int read_span_object(json_t *v, qg_diff_span *out)
{
    out->s = out->e = -1;
    out->text = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_object(v) || read_span(json_object_get(v, "span"), &out->s, &out->e) != 0)
        return -1;
    out->text = dup_member(v, "text");
    return out->text ? 0 : -2;
}

static void stmt_clear(qg_diff_stmt *st)
{
    free(st->id);
    free(st->text);
    free(st->kind);
    free(st->rule);
    free(st->cue.text);
    for (size_t i = 0; i < st->nspeakers; i++) {
        free(st->speakers[i].name);
        free(st->speakers[i].type);
        free(st->speakers[i].source.text);
    }
    free(st->speakers);
}

void qg_diff_graph_free(qg_diff_graph *g)
{
    if (!g)
        return;
    free(g->id);
    free(g->error_code);
    free(g->error_message);
    for (size_t i = 0; i < g->nstmts; i++)
        stmt_clear(&g->stmts[i]);
    free(g->stmts);
    free(g);
}

static int cmp_speaker(const void *a, const void *b)
{
    const qg_diff_speaker *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    c = strcmp(x->type, y->type);
    if (c)
        return c;
    return (x->source.s > y->source.s) - (x->source.s < y->source.s);
}

/* Span order; node order (kept in the id string's position) breaks ties. */
typedef struct {
    qg_diff_stmt st;
    size_t pos;
} stmt_at;

static int cmp_stmt(const void *a, const void *b)
{
    const stmt_at *x = a, *y = b;
    if (x->st.s != y->st.s)
        return x->st.s < y->st.s ? -1 : 1;
    if (x->st.e != y->st.e)
        return x->st.e < y->st.e ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

#define FAIL(...)                                  \
    do {                                           \
        snprintf(why, whylen, __VA_ARGS__);        \
        goto fail;                                 \
    } while (0)

/* The statements of a graph record, with their said edges. */
static int parse_statements(qg_diff_graph *g, json_t *root, char *why, size_t whylen)
{
    json_t *nodes = json_object_get(root, "nodes"), *edges = json_object_get(root, "edges");
    json_t *index = json_object(); /* node id -> position in nodes */
    stmt_at *at = NULL;
    size_t nat = 0, i;
    json_t *node, *edge;
    if (!index)
        FAIL("out of memory");
    if (!json_is_array(nodes) || !json_is_array(edges))
        FAIL("a graph record needs \"nodes\" and \"edges\" arrays");
    at = calloc(json_array_size(nodes) + 1, sizeof *at);
    if (!at)
        FAIL("out of memory");
    json_array_foreach(nodes, i, node) {
        const char *id = json_string_value(json_object_get(node, "id"));
        const char *type = json_string_value(json_object_get(node, "type"));
        if (!id || !type)
            FAIL("node %zu has no \"id\" or \"type\"", i);
        if (json_object_get(index, id))
            FAIL("node id '%s' given twice", id);
        if (json_object_set_new(index, id, json_integer((json_int_t)i)) != 0)
            FAIL("out of memory");
        if (strcmp(type, "statement") != 0)
            continue;
        stmt_at *a = &at[nat++];
        a->pos = i;
        if (read_span(json_object_get(node, "span"), &a->st.s, &a->st.e) != 0)
            FAIL("statement %s: \"span\" must be [start, end]", id);
        a->st.id = dup_or_null(id);
        a->st.text = dup_member(node, "text");
        a->st.kind = dup_member(node, "kind");
        a->st.rule = dup_member(node, "rule");
        a->st.cue.s = a->st.cue.e = -1;
        if (!a->st.id || !a->st.text || !a->st.kind || !a->st.rule)
            FAIL("out of memory");
    }
    json_array_foreach(edges, i, edge) {
        const char *type = json_string_value(json_object_get(edge, "type"));
        if (!type || strcmp(type, "said") != 0)
            continue;
        const char *from = json_string_value(json_object_get(edge, "from"));
        const char *to = json_string_value(json_object_get(edge, "to"));
        json_t *fi = from ? json_object_get(index, from) : NULL, *ti = to ? json_object_get(index, to) : NULL;
        if (!fi || !ti)
            FAIL("said edge %zu names a node that does not exist", i);
        size_t tpos = (size_t)json_integer_value(ti), k;
        for (k = 0; k < nat && at[k].pos != tpos; k++)
            ;
        if (k == nat)
            FAIL("said edge %zu does not point to a statement", i);
        qg_diff_stmt *st = &at[k].st;
        qg_diff_speaker *sp = realloc(st->speakers, (st->nspeakers + 1) * sizeof *sp);
        if (!sp)
            FAIL("out of memory");
        st->speakers = sp;
        sp = &sp[st->nspeakers++];
        memset(sp, 0, sizeof *sp);
        sp->source.s = -1;
        json_t *from_node = json_array_get(nodes, (size_t)json_integer_value(fi));
        sp->name = dup_member(from_node, "name");
        sp->type = dup_member(from_node, "type");
        if (!sp->name || !sp->type)
            FAIL("out of memory");
        int rc = read_span_object(json_object_get(edge, "source"), &sp->source);
        if (rc == 0 && st->nspeakers == 1)
            rc = read_span_object(json_object_get(edge, "cue"), &st->cue);
        if (rc == -2)
            FAIL("out of memory");
        if (rc < 0)
            FAIL("said edge %zu: \"source\" and \"cue\" must be null or {\"span\":[start,end],...}", i);
    }
    for (size_t k = 0; k < nat; k++)
        if (at[k].st.nspeakers > 1) /* qsort must not see the NULL of no speakers */
            qsort(at[k].st.speakers, at[k].st.nspeakers, sizeof *at[k].st.speakers, cmp_speaker);
    qsort(at, nat, sizeof *at, cmp_stmt);
    g->stmts = malloc((nat ? nat : 1) * sizeof *g->stmts);
    if (!g->stmts)
        FAIL("out of memory");
    for (size_t k = 0; k < nat; k++)
        g->stmts[k] = at[k].st;
    g->nstmts = nat;
    free(at);
    json_decref(index);
    return 0;
fail:
    for (size_t k = 0; k < nat; k++)
        stmt_clear(&at[k].st);
    free(at);
    json_decref(index);
    return -1;
}

qg_diff_graph *qg_diff_graph_parse(const char *line, size_t len, char *why, size_t whylen)
{
    json_error_t jerr;
    json_t *root = json_loadb(line, len, 0, &jerr);
    qg_diff_graph *g = calloc(1, sizeof *g);
    if (!g)
        FAIL("out of memory");
    if (!root)
        FAIL("not JSON: %s", jerr.text);
    const char *schema = json_string_value(json_object_get(root, "schema"));
    if (!json_is_object(root) || !schema || strcmp(schema, "quotegraph/1") != 0)
        FAIL("not a quotegraph/1 record (schema: %s)", schema ? schema : "none");
    const char *id = json_string_value(json_object_get(json_object_get(root, "doc"), "id"));
    if (!id)
        FAIL("the record has no doc.id");
    if (!(g->id = dup_or_null(id)))
        FAIL("out of memory");
    json_t *error = json_object_get(root, "error");
    if (error) {
        g->error_code = dup_member(error, "code");
        g->error_message = dup_member(error, "message");
        if (!g->error_code || !g->error_message)
            FAIL("out of memory");
    } else if (parse_statements(g, root, why, whylen) != 0) {
        goto fail; /* WHY is filled */
    }
    json_decref(root);
    return g;
fail:
    json_decref(root);
    qg_diff_graph_free(g);
    return NULL;
}

#undef FAIL

/* ---- matching --------------------------------------------------------- */

static int same_span(const qg_diff_span *a, const qg_diff_span *b)
{
    return a->s == b->s && a->e == b->e;
}

static int same_speakers(const qg_diff_stmt *a, const qg_diff_stmt *b)
{
    if (a->nspeakers != b->nspeakers)
        return 0;
    for (size_t i = 0; i < a->nspeakers; i++)
        if (strcmp(a->speakers[i].name, b->speakers[i].name) != 0 ||
            strcmp(a->speakers[i].type, b->speakers[i].type) != 0)
            return 0;
    return 1;
}

static unsigned what_changed(const qg_diff_stmt *o, const qg_diff_stmt *n)
{
    unsigned w = 0;
    if (!same_speakers(o, n)) {
        w |= o->nspeakers ? QG_DIFF_SPEAKER : QG_DIFF_ATTRIBUTED;
    } else {
        for (size_t i = 0; i < o->nspeakers; i++)
            if (!same_span(&o->speakers[i].source, &n->speakers[i].source))
                w |= QG_DIFF_SOURCE;
    }
    if (!same_span(&o->cue, &n->cue))
        w |= QG_DIFF_CUE;
    if (strcmp(o->kind, n->kind) != 0)
        w |= QG_DIFF_KIND;
    if (o->s != n->s || o->e != n->e)
        w |= QG_DIFF_SPAN;
    if (strcmp(o->rule, n->rule) != 0)
        w |= QG_DIFF_RULE;
    return w;
}

/* Fills NEW_OF_OLD (-1: lost) and OLD_OF_NEW (-1: gained): exact spans
 * first, so that a statement that kept its span is never taken by a
 * neighbour that merely overlaps it, then the largest overlap above half of
 * the old span. */
static void match(const qg_diff_graph *o, const qg_diff_graph *n, long *new_of_old, long *old_of_new)
{
    for (size_t i = 0; i < o->nstmts; i++)
        new_of_old[i] = -1;
    for (size_t j = 0; j < n->nstmts; j++)
        old_of_new[j] = -1;
    for (size_t i = 0; i < o->nstmts; i++)
        for (size_t j = 0; j < n->nstmts; j++)
            if (old_of_new[j] < 0 && o->stmts[i].s == n->stmts[j].s && o->stmts[i].e == n->stmts[j].e) {
                new_of_old[i] = (long)j;
                old_of_new[j] = (long)i;
                break;
            }
    for (size_t i = 0; i < o->nstmts; i++) {
        const qg_diff_stmt *a = &o->stmts[i];
        long len = a->e - a->s, best = -1, best_cov = 0;
        if (new_of_old[i] >= 0 || len == 0)
            continue;
        for (size_t j = 0; j < n->nstmts; j++) {
            const qg_diff_stmt *b = &n->stmts[j];
            if (old_of_new[j] >= 0)
                continue;
            long lo = a->s > b->s ? a->s : b->s, hi = a->e < b->e ? a->e : b->e;
            long cov = hi - lo;
            if (2 * cov > len && cov > best_cov) {
                best = (long)j;
                best_cov = cov;
            }
        }
        if (best >= 0) {
            new_of_old[i] = best;
            old_of_new[best] = (long)i;
        }
    }
}

static const qg_diff_stmt *change_stmt(const qg_diff_change *c)
{
    return c->old ? c->old : c->new;
}

static int cmp_change(const void *a, const void *b)
{
    const qg_diff_change *x = a, *y = b;
    const qg_diff_stmt *p = change_stmt(x), *q = change_stmt(y);
    if (p->s != q->s)
        return p->s < q->s ? -1 : 1;
    if (p->e != q->e)
        return p->e < q->e ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    /* Same span and kind: the statements' own order (their array position). */
    return (p > q) - (p < q);
}

static void count_changed(qg_diff_counts *c, unsigned w)
{
    c->changed++;
    c->speaker += !!(w & QG_DIFF_SPEAKER);
    c->attributed += !!(w & QG_DIFF_ATTRIBUTED);
    c->source += !!(w & QG_DIFF_SOURCE);
    c->cue += !!(w & QG_DIFF_CUE);
    c->kind += !!(w & QG_DIFF_KIND);
    c->span += !!(w & QG_DIFF_SPAN);
    c->rule += !!(w & QG_DIFF_RULE);
}

static int compare_graphs(const qg_diff_graph *o, const qg_diff_graph *n, qg_diff_doc *out)
{
    size_t cap = o->nstmts + n->nstmts + 1;
    long *new_of_old = malloc(cap * sizeof *new_of_old), *old_of_new = malloc(cap * sizeof *old_of_new);
    out->changes = malloc(cap * sizeof *out->changes);
    if (!new_of_old || !old_of_new || !out->changes) {
        free(new_of_old);
        free(old_of_new);
        free(out->changes);
        out->changes = NULL;
        return -1;
    }
    match(o, n, new_of_old, old_of_new);
    qg_diff_counts *c = &out->counts;
    for (size_t i = 0; i < o->nstmts; i++) {
        qg_diff_change ch = {QG_DIFF_LOST, 0, &o->stmts[i], NULL};
        if (new_of_old[i] >= 0) {
            ch.kind = QG_DIFF_CHANGED;
            ch.new = &n->stmts[new_of_old[i]];
            ch.what = what_changed(ch.old, ch.new);
            if (!ch.what)
                continue;
            count_changed(c, ch.what);
        } else {
            c->lost++;
        }
        out->changes[out->nchanges++] = ch;
    }
    for (size_t j = 0; j < n->nstmts; j++)
        if (old_of_new[j] < 0) {
            out->changes[out->nchanges++] = (qg_diff_change){QG_DIFF_GAINED, 0, NULL, &n->stmts[j]};
            c->gained++;
        }
    qsort(out->changes, out->nchanges, sizeof *out->changes, cmp_change);
    free(new_of_old);
    free(old_of_new);
    return 0;
}

int qg_diff_compare(const qg_diff_graph *old, const qg_diff_graph *new, qg_diff_doc *out)
{
    memset(out, 0, sizeof *out);
    out->old = old;
    out->new = new;
    qg_diff_counts *c = &out->counts;
    c->docs_old = old != NULL;
    c->docs_new = new != NULL;
    c->stmts_old = old ? old->nstmts : 0;
    c->stmts_new = new ? new->nstmts : 0;
    if (!old || !new) {
        out->id = old ? old->id : new ? new->id : "";
        out->status = old ? QG_DIFF_DOC_REMOVED : QG_DIFF_DOC_ADDED;
        c->added = !old;
        c->removed = !new;
        c->gained = c->stmts_new;
        c->lost = c->stmts_old;
    } else {
        out->id = old->id;
        int old_ok = !old->error_code, new_ok = !new->error_code;
        if (old_ok && !new_ok) {
            out->status = QG_DIFF_DOC_BROKEN;
            c->broken = 1;
            c->lost = c->stmts_old;
        } else if (!old_ok && new_ok) {
            out->status = QG_DIFF_DOC_RECOVERED;
            c->recovered = 1;
            c->gained = c->stmts_new;
        } else if (old_ok && new_ok) {
            if (compare_graphs(old, new, out) != 0)
                return -1;
            out->status = out->nchanges ? QG_DIFF_DOC_CHANGED : QG_DIFF_DOC_SAME;
        }
    }
    c->changed_docs = out->status != QG_DIFF_DOC_SAME;
    return 0;
}

void qg_diff_doc_clear(qg_diff_doc *d)
{
    free(d->changes);
    memset(d, 0, sizeof *d);
}

void qg_diff_counts_add(qg_diff_counts *to, const qg_diff_counts *from)
{
#define ADD(f) to->f += from->f
    ADD(docs_old), ADD(docs_new), ADD(changed_docs), ADD(added), ADD(removed), ADD(broken);
    ADD(recovered), ADD(stmts_old), ADD(stmts_new), ADD(gained), ADD(lost), ADD(changed);
    ADD(speaker), ADD(attributed), ADD(source), ADD(cue), ADD(kind), ADD(span), ADD(rule);
#undef ADD
}

static const char *const fail_on_names[] = {"lost", "changed", "any", "none"};

int qg_diff_fail_on_parse(const char *s, qg_diff_fail_on *out)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, fail_on_names[i]) == 0) {
            *out = (qg_diff_fail_on)i;
            return 0;
        }
    return -1;
}

const char *qg_diff_fail_on_name(qg_diff_fail_on f)
{
    return fail_on_names[f];
}

int qg_diff_fails(const qg_diff_counts *c, qg_diff_fail_on f)
{
    int lost = c->lost || c->speaker || c->removed || c->broken;
    int changed = lost || c->changed;
    switch (f) {
    case QG_DIFF_FAIL_LOST:
        return lost;
    case QG_DIFF_FAIL_CHANGED:
        return changed;
    case QG_DIFF_FAIL_ANY:
        return changed || c->gained || c->added || c->recovered;
    case QG_DIFF_FAIL_NONE:
        break;
    }
    return 0;
}

/* ---- text ------------------------------------------------------------- */

enum { EXCERPT_CHARS = 40 };

/* The first EXCERPT_CHARS code points of S with runs of white space as one
 * blank, and "..." when cut. */
static void put_excerpt(const char *s, FILE *out)
{
    int n = 0, blank = 0;
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            blank = 1;
            continue;
        }
        if ((*p & 0xC0) != 0x80) { /* a code point starts here */
            if (n + blank >= EXCERPT_CHARS) {
                fputs("...", out);
                break;
            }
            if (blank && n > 0) {
                putc(' ', out);
                n++;
            }
            blank = 0;
            n++;
        }
        putc(*p, out);
    }
    putc('"', out);
}

static void put_span_object(const qg_diff_span *sp, FILE *out)
{
    if (sp->s < 0)
        fputs("(none)", out);
    else
        fprintf(out, "\"%s\" [%ld,%ld]", sp->text, sp->s, sp->e);
}

/* Speaker names with their source spans: "Ann Lee [4,11] + Bo Li [16,21]". */
static void put_speakers(const qg_diff_stmt *st, FILE *out)
{
    if (!st->nspeakers)
        fputs("(none)", out);
    for (size_t i = 0; i < st->nspeakers; i++) {
        const qg_diff_speaker *sp = &st->speakers[i];
        fprintf(out, "%s%s", i ? " + " : "", sp->name);
        if (sp->source.s >= 0)
            fprintf(out, " [%ld,%ld]", sp->source.s, sp->source.e);
    }
}

static void put_change(const char *id, const qg_diff_change *c, FILE *out)
{
    const qg_diff_stmt *st = change_stmt(c);
    fprintf(out, "%s [%ld,%ld] ", id, st->s, st->e);
    put_excerpt(st->text, out);
    fputs(": ", out);
    if (c->kind != QG_DIFF_CHANGED) {
        fprintf(out, "%s; %s; speaker ", c->kind == QG_DIFF_LOST ? "lost" : "gained", st->kind);
        put_speakers(st, out);
        fprintf(out, "; rule %s\n", st->rule);
        return;
    }
    const qg_diff_stmt *o = c->old, *n = c->new;
    const char *sep = "";
    if (c->what & (QG_DIFF_SPEAKER | QG_DIFF_ATTRIBUTED)) {
        fputs("speaker ", out);
        put_speakers(o, out);
        fputs(" -> ", out);
        put_speakers(n, out);
        sep = "; ";
    }
    if (c->what & QG_DIFF_SOURCE)
        for (size_t i = 0; i < o->nspeakers; i++)
            if (!same_span(&o->speakers[i].source, &n->speakers[i].source)) {
                fprintf(out, "%ssource %s ", sep, o->speakers[i].name);
                put_span_object(&o->speakers[i].source, out);
                fputs(" -> ", out);
                put_span_object(&n->speakers[i].source, out);
                sep = "; ";
            }
    if (c->what & QG_DIFF_CUE) {
        fprintf(out, "%scue ", sep);
        put_span_object(&o->cue, out);
        fputs(" -> ", out);
        put_span_object(&n->cue, out);
        sep = "; ";
    }
    if (c->what & QG_DIFF_KIND) {
        fprintf(out, "%skind %s -> %s", sep, o->kind, n->kind);
        sep = "; ";
    }
    if (c->what & QG_DIFF_SPAN) {
        fprintf(out, "%sspan [%ld,%ld] -> [%ld,%ld]", sep, o->s, o->e, n->s, n->e);
        sep = "; ";
    }
    if (c->what & QG_DIFF_RULE)
        fprintf(out, "%srule %s -> %s\n", sep, o->rule, n->rule);
    else
        fprintf(out, "%srule %s\n", sep, o->rule);
}

static size_t nstmts(const qg_diff_graph *g)
{
    return g ? g->nstmts : 0;
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

int qg_diff_doc_write_text(const qg_diff_doc *d, FILE *out)
{
    switch (d->status) {
    case QG_DIFF_DOC_SAME:
        break;
    case QG_DIFF_DOC_CHANGED:
        for (size_t i = 0; i < d->nchanges; i++)
            put_change(d->id, &d->changes[i], out);
        break;
    case QG_DIFF_DOC_ADDED:
        fprintf(out, "%s: added, %zu statement%s\n", d->id, nstmts(d->new), plural(nstmts(d->new)));
        break;
    case QG_DIFF_DOC_REMOVED:
        fprintf(out, "%s: removed, %zu statement%s lost\n", d->id, nstmts(d->old), plural(nstmts(d->old)));
        break;
    case QG_DIFF_DOC_BROKEN:
        fprintf(out, "%s: became an error record (%s: %s), %zu statement%s lost\n", d->id, d->new->error_code,
                d->new->error_message, nstmts(d->old), plural(nstmts(d->old)));
        break;
    case QG_DIFF_DOC_RECOVERED:
        fprintf(out, "%s: recovered from an error record (%s), %zu statement%s\n", d->id, d->old->error_code,
                nstmts(d->new), plural(nstmts(d->new)));
        break;
    }
    return ferror(out) ? -1 : 0;
}

int qg_diff_summary_write_text(const qg_diff_counts *c, FILE *out)
{
    fprintf(out,
            "diff: documents %zu -> %zu: %zu changed (%zu added, %zu removed, %zu became errors, "
            "%zu recovered); statements %zu -> %zu: %zu gained, %zu lost, %zu changed (%zu speaker, "
            "%zu attributed, %zu source, %zu cue, %zu kind, %zu span, %zu rule)\n",
            c->docs_old, c->docs_new, c->changed_docs, c->added, c->removed, c->broken, c->recovered,
            c->stmts_old, c->stmts_new, c->gained, c->lost, c->changed, c->speaker, c->attributed, c->source,
            c->cue, c->kind, c->span, c->rule);
    return ferror(out) ? -1 : 0;
}

/* ---- JSON ------------------------------------------------------------- */

static json_t *span_json(long s, long e)
{
    return json_pack("[I,I]", (json_int_t)s, (json_int_t)e);
}

static json_t *span_object_json(const qg_diff_span *sp)
{
    if (sp->s < 0)
        return json_null();
    return json_pack("{s:o,s:s}", "span", span_json(sp->s, sp->e), "text", sp->text);
}

static json_t *stmt_json(const qg_diff_stmt *st)
{
    if (!st)
        return json_null();
    json_t *speakers = json_array();
    for (size_t i = 0; speakers && i < st->nspeakers; i++) {
        const qg_diff_speaker *sp = &st->speakers[i];
        if (json_array_append_new(speakers, json_pack("{s:s,s:s,s:o}", "name", sp->name, "type", sp->type,
                                                      "source", span_object_json(&sp->source))) != 0) {
            json_decref(speakers);
            return NULL;
        }
    }
    /* "o" steals even on failure, so a NULL speakers only fails the pack. */
    return json_pack("{s:s,s:o,s:s,s:s,s:s,s:o,s:o}", "id", st->id, "span", span_json(st->s, st->e), "kind",
                     st->kind, "rule", st->rule, "text", st->text, "speakers", speakers, "cue",
                     span_object_json(&st->cue));
}

static const char *const what_names[] = {"speaker", "attributed", "source", "cue", "kind", "span", "rule"};

static json_t *change_json(const qg_diff_change *c)
{
    static const char *const kinds[] = {"lost", "gained", "changed"};
    json_t *what = json_array();
    for (unsigned b = 0; what && b < sizeof what_names / sizeof what_names[0]; b++)
        if ((c->what & (1u << b)) && json_array_append_new(what, json_string(what_names[b])) != 0) {
            json_decref(what);
            return NULL;
        }
    return json_pack("{s:s,s:o,s:o,s:o}", "change", kinds[c->kind], "what", what, "old", stmt_json(c->old), "new",
                     stmt_json(c->new));
}

static json_t *side_json(const qg_diff_graph *g)
{
    if (!g)
        return json_null();
    if (g->error_code)
        return json_pack("{s:{s:s,s:s}}", "error", "code", g->error_code, "message", g->error_message);
    return json_pack("{s:I}", "statements", (json_int_t)g->nstmts);
}

static json_t *counts_json(const qg_diff_counts *c)
{
    return json_pack("{s:{s:I,s:I,s:I,s:I,s:I,s:I,s:I},s:{s:I,s:I,s:I,s:I,s:I},"
                     "s:{s:I,s:I,s:I,s:I,s:I,s:I,s:I}}",
                     "documents", "old", (json_int_t)c->docs_old, "new", (json_int_t)c->docs_new, "changed",
                     (json_int_t)c->changed_docs, "added", (json_int_t)c->added, "removed", (json_int_t)c->removed,
                     "broken", (json_int_t)c->broken, "recovered", (json_int_t)c->recovered, "statements", "old",
                     (json_int_t)c->stmts_old, "new", (json_int_t)c->stmts_new, "gained", (json_int_t)c->gained,
                     "lost", (json_int_t)c->lost, "changed", (json_int_t)c->changed, "changes", "speaker",
                     (json_int_t)c->speaker, "attributed", (json_int_t)c->attributed, "source",
                     (json_int_t)c->source, "cue", (json_int_t)c->cue, "kind", (json_int_t)c->kind, "span",
                     (json_int_t)c->span, "rule", (json_int_t)c->rule);
}

json_t *qg_diff_doc_json_new(const qg_diff_doc *d)
{
    static const char *const statuses[] = {"same", "changed", "added", "removed", "broken", "recovered"};
    json_t *changes = json_array();
    for (size_t i = 0; changes && i < d->nchanges; i++)
        if (json_array_append_new(changes, change_json(&d->changes[i])) != 0) {
            json_decref(changes);
            return NULL;
        }
    return json_pack("{s:s,s:s,s:o,s:o,s:o,s:o}", "doc", d->id, "status", statuses[d->status], "old",
                     side_json(d->old), "new", side_json(d->new), "changes", changes, "counts",
                     counts_json(&d->counts));
}

json_t *qg_diff_summary_json_new(const qg_diff_counts *c, qg_diff_fail_on f)
{
    return json_pack("{s:o,s:s,s:b}", "summary", counts_json(c), "fail_on", qg_diff_fail_on_name(f), "failed",
                     qg_diff_fails(c, f));
}
