/* graph_json.c - writes a document's graph (schema quotegraph/1, see
 * docs/schema.md): entity, title, date and statement nodes, then said,
 * has_title, said_on and reported_by edges. Ids are typed counters in text
 * order (p1, o1, g1, t1, d1, s1), so output is deterministic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "doc.h"
#include "provenance.h"
#include "quotegraph.h"
#include "rules.h"

#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3))

typedef struct {
    const qg_doc *doc;
    const qg_rules *rules;
    json_t *nodes, *edges;
    char **entity_ids;   /* per entity */
    char **date_ids;     /* per timex */
    json_t *title_pairs; /* set of "person>title" already linked */
} graph;

static json_t *span_json(const qg_doc *d, uint32_t start, uint32_t end)
{
    return json_pack("[II]", (json_int_t)qg_doc_cp(d, start), (json_int_t)qg_doc_cp(d, end));
}

static json_t *text_json(const qg_doc *d, uint32_t start, uint32_t end)
{
    return json_stringn(d->text + start, end - start);
}

/* {"span":[s,e],"text":"..."} for bytes [start, end). */
static json_t *mention_json(const qg_doc *d, uint32_t start, uint32_t end)
{
    json_t *o = json_object();
    json_object_set_new(o, "span", span_json(d, start, end));
    json_object_set_new(o, "text", text_json(d, start, end));
    return o;
}

static uint32_t tstart(const qg_doc *d, uint32_t i) { return d->tokens.items[i].start; }
static uint32_t tend(const qg_doc *d, uint32_t i) { return d->tokens.items[i].end; }

static char *make_id(qg_arena *a, char prefix, uint32_t n)
{
    char buf[16];
    int len = snprintf(buf, sizeof buf, "%c%u", prefix, n);
    return qg_arena_strndup(a, buf, (size_t)len);
}

/* ---- entities ---- */

static void entity_name(const graph *g, const qg_entity *e, char *out, size_t cap)
{
    const qg_doc *d = g->doc;
    if (e->canon != QG_NONE) {
        snprintf(out, cap, "%s", qg_rules_str(g->rules, e->canon));
        return;
    }
    const qg_mention *m = &d->mentions.items[e->name_mention];
    uint32_t f = m->first, l = m->last;
    if (m->kind == QG_MEN_NAME) {
        f = m->name_first;
        l = m->name_last;
    } else if (m->kind == QG_MEN_ORG) {
        if (qg_tok_is(d, f, "the") && l > f + 1)
            f++;
        /* "Streamly Inc." is Streamly */
        while (l > f + 1 && ((d->tokens.items[l - 1].lex & QG_LEX_ORG) &&
                             qg_rules_tok(g->rules, d, l - 1, QG_LEX_ORG) &&
                             (qg_rules_tok(g->rules, d, l - 1, QG_LEX_ORG)->attrs & QG_ORG_SUFFIX)))
            l--;
        while (l > f + 1 && d->tokens.items[l - 1].kind == QG_TOK_PUNCT)
            l--;
    }
    uint32_t len = tend(d, l - 1) - tstart(d, f);
    snprintf(out, cap, "%.*s", (int)len, d->text + tstart(d, f));
}

static void write_entities(graph *g)
{
    const qg_doc *d = g->doc;
    static const char *const types[] = {"person", "organization", "group", "title"};
    static const char prefixes[] = {'p', 'o', 'g', 't'};
    uint32_t counters[4] = {0, 0, 0, 0};
    /* Entities are created in first-mention order within each pass; number
     * them by first mention so ids read in text order. */
    uint32_t ne = d->entities.count;
    g->entity_ids = qg_arena_alloc(d->arena, (ne + 1) * sizeof *g->entity_ids);
    json_t **mentions = qg_arena_alloc(d->arena, (ne + 1) * sizeof *mentions);
    for (uint32_t i = 0; i < ne; i++)
        mentions[i] = json_array();
    /* order[t] lists type t's entities in id order (first mention first). */
    uint32_t *order[3], count[3] = {0, 0, 0};
    for (uint32_t t = 0; t < 3; t++)
        order[t] = qg_arena_alloc(d->arena, (ne + 1) * sizeof *order[t]);
    for (uint32_t k = 0; k < d->mentions.count; k++) {
        const qg_mention *m = &d->mentions.items[k];
        if (m->entity == QG_NONE)
            continue;
        uint32_t e = m->entity;
        uint32_t t = d->entities.items[e].type;
        if (t > QG_ENT_GROUP)
            continue;
        if (!g->entity_ids[e]) {
            g->entity_ids[e] = make_id(d->arena, prefixes[t], ++counters[t]);
            order[t][count[t]++] = e;
        }
        json_array_append_new(mentions[e], mention_json(d, tstart(d, m->first), tend(d, m->last - 1)));
    }
    for (uint32_t t = 0; t < 3; t++) {
        for (uint32_t n = 0; n < count[t]; n++) {
            uint32_t e = order[t][n];
            char name[512];
            entity_name(g, &d->entities.items[e], name, sizeof name);
            json_t *o = json_object();
            json_object_set_new(o, "id", json_string(g->entity_ids[e]));
            json_object_set_new(o, "type", json_string(types[t]));
            json_object_set_new(o, "name", json_string(name));
            if (t == QG_ENT_ORG && d->entities.items[e].outlet)
                json_object_set_new(o, "outlet", json_true());
            json_object_set_new(o, "mentions", mentions[e]);
            mentions[e] = NULL;
            json_array_append_new(g->nodes, o);
        }
    }
    for (uint32_t i = 0; i < ne; i++)
        json_decref(mentions[i]);
}

/* ---- titles ---- */

typedef struct {
    char *name;
    json_t *node;
    json_t *mentions;
} title_node;

/* Trims "the", "of", "for" and commas from the edges of a title range. */
static void trim_title(const qg_doc *d, uint32_t *f, uint32_t *l)
{
    while (*f < *l && (qg_tok_is(d, *f, "the") || qg_tok_is(d, *f, "a") || qg_tok_is(d, *f, "an") ||
                       qg_tok_is(d, *f, "of") || qg_tok_is(d, *f, "for")))
        (*f)++;
    bool paren = false;
    for (uint32_t i = *f; i < *l; i++)
        paren = paren || (d->tokens.items[i].kind == QG_TOK_PUNCT && d->text[d->tokens.items[i].start] == '(');
    while (*l > *f && (qg_tok_is(d, *l - 1, "of") || qg_tok_is(d, *l - 1, "for") ||
                       qg_tok_is(d, *l - 1, "the") ||
                       (d->tokens.items[*l - 1].kind == QG_TOK_PUNCT &&
                        !(paren && d->text[d->tokens.items[*l - 1].start] == ')'))))
        (*l)--;
}

static void add_title(graph *g, json_t *titles_seen, uint32_t *counter, const char *person_id,
                      uint32_t f, uint32_t l, const char *kind, uint32_t rule)
{
    const qg_doc *d = g->doc;
    trim_title(d, &f, &l);
    if (f >= l)
        return;
    uint32_t s = tstart(d, f), e = tend(d, l - 1);
    /* One node per distinct wording (case-insensitive) in the document. */
    char key[512];
    size_t kn = qg_fold(d->text + s, e - s, key, sizeof key);
    if (kn == 0)
        return;
    json_t *node = json_object_get(titles_seen, key);
    if (!node) {
        char *id = make_id(d->arena, 't', ++*counter);
        node = json_object();
        json_object_set_new(node, "id", json_string(id));
        json_object_set_new(node, "type", json_string("title"));
        json_object_set_new(node, "name", text_json(d, s, e));
        json_object_set_new(node, "kind", json_string(kind));
        json_object_set_new(node, "mentions", json_array());
        json_object_set_new(titles_seen, key, node);
        json_array_append(g->nodes, node);
    }
    json_array_append_new(json_object_get(node, "mentions"), mention_json(d, s, e));
    const char *tid = json_string_value(json_object_get(node, "id"));
    /* has_title once per (person, title) */
    char pair[64];
    snprintf(pair, sizeof pair, "%s>%s", person_id, tid);
    if (json_object_get(g->title_pairs, pair))
        return;
    json_object_set_new(g->title_pairs, pair, json_true());
    json_t *ed = json_object();
    json_object_set_new(ed, "type", json_string("has_title"));
    json_object_set_new(ed, "from", json_string(person_id));
    json_object_set_new(ed, "to", json_string(tid));
    json_object_set_new(ed, "rule", json_string(qg_rule(rule)->id));
    json_object_set_new(ed, "confidence", json_real(rule == QG_R_TITLE_PRENOMINAL ? 0.9 : 0.8));
    json_array_append_new(g->edges, ed);
}

/* Where the ranks and honorifics at the end of a title begin, so that
 * "Deputy Chief of Staff ... Brigadier General" splits into a role and a
 * rank: the earliest token from which honorific phrases (rules/honorifics.txt,
 * matched with their case) run to the end. Courtesy titles (Mr., Mrs.) and
 * name honorifics (Seyed) are no rank and are left out of it. */
static uint32_t rank_start(const graph *g, uint32_t first, uint32_t last)
{
    const qg_doc *d = g->doc;
    for (uint32_t k = first; k < last; k++) {
        uint32_t i = k;
        bool rank = false;
        while (i < last) {
            const qg_lex_entry *e = qg_rules_phrase(g->rules, d, i, last, QG_LEX_HONORIFIC);
            if (!e)
                break;
            if (e->attrs & (QG_HON_RANK | QG_HON_MILITARY | QG_HON_RELIGIOUS | QG_HON_POLITICAL))
                rank = true;
            i += e->ntok;
        }
        if (i == last) {
            if (!rank)
                return last;
            /* "Foreign Minister", "US President", "Syrian President": a
             * modifier or a country before the rank makes one title. */
            if (k > first) {
                const qg_token *p = &d->tokens.items[k - 1];
                const qg_lex_entry *o = qg_rules_tok(g->rules, d, k - 1, QG_LEX_ORG);
                if ((p->lex & QG_LEX_MODIFIER) || (p->flags & QG_TF_UPPER) ||
                    (o && (o->attrs & (QG_ORG_COUNTRY | QG_ORG_DEMONYM | QG_ORG_METONYM))))
                    return first;
            }
            return k;
        }
    }
    return last;
}

static void write_titles(graph *g)
{
    const qg_doc *d = g->doc;
    json_t *seen = json_object();
    uint32_t counter = 0;
    for (uint32_t k = 0; k < d->mentions.count; k++) {
        const qg_mention *m = &d->mentions.items[k];
        if (m->kind != QG_MEN_NAME || m->entity == QG_NONE)
            continue;
        const char *pid = g->entity_ids[m->entity];
        if (m->title_first != QG_NONE) {
            uint32_t r = rank_start(g, m->title_first, m->title_last);
            add_title(g, seen, &counter, pid, m->title_first, r, "role", QG_R_TITLE_PRENOMINAL);
            add_title(g, seen, &counter, pid, r, m->title_last, "rank", QG_R_TITLE_PRENOMINAL);
        }
        if (m->appos_first != QG_NONE)
            add_title(g, seen, &counter, pid, m->appos_first, m->appos_last, "role", QG_R_TITLE_APPOSITIVE);
    }
    json_decref(seen);
}

/* ---- dates ---- */

static void date_value(const qg_timex *t, char *out, size_t cap)
{
    switch (t->granularity) {
    case QG_GRAN_DAY:
        snprintf(out, cap, "%04d-%02d-%02d", t->year, t->month, t->day);
        break;
    case QG_GRAN_MONTH:
        snprintf(out, cap, "%04d-%02d", t->year, t->month);
        break;
    case QG_GRAN_YEAR:
        snprintf(out, cap, "%04d", t->year);
        break;
    default:
        out[0] = '\0';
    }
}

static void write_dates(graph *g)
{
    const qg_doc *d = g->doc;
    uint32_t nt = d->timexes.count, counter = 0;
    g->date_ids = qg_arena_alloc(d->arena, (nt + 1) * sizeof *g->date_ids);
    json_t *by_value = json_object();
    static const char *const grans[] = {NULL, "year", "month", "day"};
    for (uint32_t k = 0; k < nt; k++) {
        const qg_timex *t = &d->timexes.items[k];
        char value[16];
        date_value(t, value, sizeof value);
        json_t *node = value[0] ? json_object_get(by_value, value) : NULL;
        if (!node) {
            node = json_object();
            g->date_ids[k] = make_id(d->arena, 'd', ++counter);
            json_object_set_new(node, "id", json_string(g->date_ids[k]));
            json_object_set_new(node, "type", json_string("date"));
            json_object_set_new(node, "value", value[0] ? json_string(value) : json_null());
            json_object_set_new(node, "granularity",
                                t->granularity <= QG_GRAN_DAY && grans[t->granularity]
                                    ? json_string(grans[t->granularity]) : json_null());
            json_object_set_new(node, "mentions", json_array());
            json_array_append(g->nodes, node);
            if (value[0])
                json_object_set_new(by_value, value, node);
            else
                json_decref(node);
        } else {
            g->date_ids[k] = qg_arena_strndup(d->arena, json_string_value(json_object_get(node, "id")),
                                              strlen(json_string_value(json_object_get(node, "id"))));
        }
        json_array_append_new(json_object_get(node, "mentions"),
                              mention_json(d, tstart(d, t->first), tend(d, t->last - 1)));
    }
    json_decref(by_value);
}

/* ---- statements ---- */

static const char *const kinds[] = {"direct", "mixed", "indirect"};

static json_t *said_edge(const graph *g, const qg_statement *s, uint32_t speaker, uint32_t source,
                         const char *sid)
{
    const qg_doc *d = g->doc;
    json_t *ed = json_object();
    json_object_set_new(ed, "type", json_string("said"));
    json_object_set_new(ed, "from", json_string(g->entity_ids[speaker]));
    json_object_set_new(ed, "to", json_string(sid));
    json_object_set_new(ed, "rule", json_string(qg_rule(s->rule)->id));
    json_object_set_new(ed, "confidence", json_real(s->confidence / 1000.0));
    if (source != QG_NONE) {
        const qg_mention *m = &d->mentions.items[source];
        uint32_t last = (source == s->source && s->source_last != QG_NONE) ? s->source_last : m->last;
        json_object_set_new(ed, "source", mention_json(d, tstart(d, m->first), tend(d, last - 1)));
    } else {
        json_object_set_new(ed, "source", json_null());
    }
    if (s->cue_first != QG_NONE)
        json_object_set_new(ed, "cue", mention_json(d, tstart(d, s->cue_first), tend(d, s->cue_last - 1)));
    else
        json_object_set_new(ed, "cue", json_null());
    return ed;
}

static json_t *link_edge(const char *type, const char *from, const char *to, uint32_t rule, double conf)
{
    json_t *ed = json_object();
    json_object_set_new(ed, "type", json_string(type));
    json_object_set_new(ed, "from", json_string(from));
    json_object_set_new(ed, "to", json_string(to));
    json_object_set_new(ed, "rule", json_string(qg_rule(rule)->id));
    json_object_set_new(ed, "confidence", json_real(conf));
    return ed;
}

static void write_statements(graph *g)
{
    const qg_doc *d = g->doc;
    for (uint32_t k = 0; k < d->statements.count; k++) {
        const qg_statement *s = &d->statements.items[k];
        char *sid = make_id(d->arena, 's', k + 1);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(sid));
        json_object_set_new(o, "type", json_string("statement"));
        json_object_set_new(o, "kind", json_string(kinds[s->kind < 3 ? s->kind : 2]));
        json_object_set_new(o, "span", span_json(d, s->start, s->end));
        json_object_set_new(o, "text", text_json(d, s->start, s->end));
        json_object_set_new(o, "rule", json_string(qg_rule(s->rule)->id));
        json_array_append_new(g->nodes, o);
        if (s->speaker != QG_NONE && g->entity_ids[s->speaker])
            json_array_append_new(g->edges, said_edge(g, s, s->speaker, s->source, sid));
        if (s->speaker2 != QG_NONE && g->entity_ids[s->speaker2] && s->speaker2 != s->speaker)
            json_array_append_new(g->edges, said_edge(g, s, s->speaker2, s->source2, sid));
        if (s->date != QG_NONE && g->date_ids[s->date])
            json_array_append_new(g->edges, link_edge("said_on", sid, g->date_ids[s->date], s->date_rule,
                                                      s->date_rule == QG_R_DATE_CLAUSE ? 0.8 : 0.5));
        if (s->outlet != QG_NONE && g->entity_ids[s->outlet])
            json_array_append_new(g->edges, link_edge("reported_by", sid, g->entity_ids[s->outlet],
                                                      s->outlet_rule,
                                                      s->outlet_rule == QG_R_OUTLET_CLAUSE ? 0.85 : 0.6));
    }
}

static json_t *doc_json(const qg_doc *d)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(d->id));
    json_object_set_new(o, "source", d->source ? json_string(d->source) : json_null());
    if (d->date.year) {
        char buf[16];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->date.year, d->date.month, d->date.day);
        json_object_set_new(o, "date", json_string(buf));
    } else {
        json_object_set_new(o, "date", json_null());
    }
    json_object_set_new(o, "length", json_integer(qg_doc_cp(d, d->len)));
    return o;
}

/* Writes ROOT as one line; returns 0 or -1. Takes ROOT's reference. */
static int dump_line(json_t *root, FILE *out)
{
    /* One string and one write: json_dumpf's many small writes cost more
     * than the annotation itself. */
    char *line = json_dumps(root, DUMP_FLAGS);
    json_decref(root);
    if (!line)
        return -1;
    size_t n = strlen(line);
    int rc = (fwrite(line, 1, n, out) == n && fputc('\n', out) != EOF) ? 0 : -1;
    free(line);
    return rc;
}

int qg_write_graph(const qg_doc *doc, const qg_rules *rules, FILE *out)
{
    graph g = {doc, rules, json_array(), json_array(), NULL, NULL, json_object()};
    write_entities(&g);
    write_titles(&g);
    write_dates(&g);
    write_statements(&g);
    json_decref(g.title_pairs);
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_string(QG_SCHEMA));
    json_object_set_new(root, "doc", doc_json(doc));
    json_object_set_new(root, "nodes", g.nodes);
    json_object_set_new(root, "edges", g.edges);
    return dump_line(root, out);
}

int qg_write_error(const char *id, const char *source, const qg_error *err, FILE *out)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "id", json_string(id ? id : ""));
    json_object_set_new(doc, "source", source ? json_string(source) : json_null());
    json_object_set_new(doc, "date", json_null());
    json_object_set_new(doc, "length", json_null());
    json_t *e = json_object();
    json_object_set_new(e, "code", json_string(qg_status_code(err->status)));
    json_object_set_new(e, "message", json_string(err->message));
    if (err->offset >= 0)
        json_object_set_new(e, "offset", json_integer(err->offset));
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_string(QG_SCHEMA));
    json_object_set_new(root, "doc", doc);
    json_object_set_new(root, "error", e);
    return dump_line(root, out);
}
