/* write.c - the corpus graph out: quotegraph-corpus/1 JSON lines (which the
 * reader takes back), nodes.csv + edges.csv, and GraphML. */
#include "merge_internal.h"

#include <stdlib.h>
#include <string.h>

#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3))

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *header(const char *record)
{
    return json_pack("{s:s,s:s}", "schema", QG_CORPUS_SCHEMA, "record", record);
}

/* Steals REC; writes it as one line. */
static int emit(json_t *rec, FILE *out)
{
    if (!rec)
        return -1;
    /* One string, one write: json_dumpf writes token by token. */
    char *s = json_dumps(rec, DUMP_FLAGS);
    json_decref(rec);
    int rc = s && fputs(s, out) != EOF && fputc('\n', out) != EOF ? 0 : -1;
    free(s);
    return rc;
}

static int set(json_t *obj, const char *key, json_t *v)
{
    return v ? json_object_set_new(obj, key, v) : -1;
}

static json_t *ids_of(const qg_merge *m, const size_t *idx, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (json_array_append_new(a, json_string(m->clusters[idx[i]].id))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static json_t *occurrence(const m_node *n)
{
    json_t *o = json_pack("{s:s,s:s}", "doc", n->doc, "node", n->node);
    if (!o)
        return NULL;
    int bad = 0;
    switch (n->type) {
    case MT_STATEMENT:
        bad = set(o, "kind", json_string(n->kind)) ||
              set(o, "span", json_pack("[I,I]", (json_int_t)n->start, (json_int_t)n->end)) ||
              set(o, "text", json_string(n->text)) || set(o, "rule", json_string(n->rule));
        break;
    case MT_DATE:
        bad = set(o, "value", str_or_null(n->value)) || set(o, "granularity", str_or_null(n->gran));
        break;
    default:
        bad = set(o, "name", json_string(n->name));
        if (!bad && n->type == MT_TITLE)
            bad = set(o, "kind", json_string(n->kind));
        if (!bad && n->outlet)
            bad = set(o, "outlet", json_true());
    }
    if (!bad && n->type != MT_STATEMENT)
        bad = set(o, "mentions", json_loads(n->mentions, 0, NULL));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *cluster_record(const qg_merge *m, const m_cluster *c)
{
    bool statement = c->type == MT_STATEMENT;
    json_t *r = header(statement ? "statement" : "entity"), *occ = json_array();
    int bad = !r || !occ || set(r, "id", json_string(c->id));
    if (!bad && !statement)
        bad = set(r, "type", json_string(qg_merge_node_types[c->type]));
    if (!bad && c->type == MT_DATE)
        bad = set(r, "value", str_or_null(c->name)) || set(r, "granularity", str_or_null(c->gran));
    else if (!bad && statement)
        bad = set(r, "text", json_string(c->name)) || set(r, "kind", json_string(c->kind));
    else if (!bad)
        bad = set(r, "name", json_string(c->name));
    if (!bad && c->type == MT_TITLE)
        bad = set(r, "kind", json_string(c->kind));
    if (!bad && c->outlet)
        bad = set(r, "outlet", json_true());
    if (!bad && c->type == MT_PERSON)
        bad = set(r, "titles", ids_of(m, c->links, c->nlinks));
    if (!bad && statement)
        bad = set(r, "speakers", ids_of(m, c->links, c->nlinks)) ||
              set(r, "reported_by", ids_of(m, c->reporters, c->nreporters));
    if (!bad)
        bad = set(r, "documents", json_integer((json_int_t)c->ndocs));
    for (size_t i = 0; !bad && i < c->n; i++)
        bad = json_array_append_new(occ, occurrence(&m->nodes[c->members[i]]));
    if (!bad)
        bad = set(r, "occurrences", occ);
    else
        json_decref(occ);
    if (bad) {
        json_decref(r);
        return NULL;
    }
    return r;
}

static json_t *distinct_rules(const qg_merge *m, const m_group *g)
{
    const char **v = malloc((g->n ? g->n : 1) * sizeof *v);
    json_t *a = json_array();
    size_t n = 0;
    if (!v || !a) {
        free(v);
        json_decref(a);
        return NULL;
    }
    for (size_t i = 0; i < g->n; i++) {
        const char *r = m->edges[g->members[i]].rule;
        size_t k = 0;
        while (k < n && strcmp(v[k], r) != 0)
            k++;
        if (k == n)
            v[n++] = r;
    }
    for (size_t i = 1; i < n; i++) /* a handful of rules: insertion sort */
        for (size_t k = i; k > 0 && strcmp(v[k - 1], v[k]) > 0; k--) {
            const char *t = v[k];
            v[k] = v[k - 1];
            v[k - 1] = t;
        }
    for (size_t i = 0; i < n; i++)
        if (json_array_append_new(a, json_string(v[i]))) {
            json_decref(a);
            a = NULL;
            break;
        }
    free(v);
    return a;
}

static json_t *support(const m_edge *e)
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:f}", "doc", e->doc, "from", e->from, "to", e->to, "rule",
                          e->rule, "confidence", e->confidence);
    if (o && e->type == ME_SAID &&
        (set(o, "source", json_incref(e->source)) || set(o, "cue", json_incref(e->cue)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *edge_record(const qg_merge *m, const m_group *g)
{
    json_t *r = header("edge"), *sup = json_array();
    int bad = !r || !sup || set(r, "type", json_string(qg_merge_edge_types[g->type])) ||
              set(r, "from", json_string(m->clusters[g->from].id)) ||
              set(r, "to", json_string(m->clusters[g->to].id)) ||
              set(r, "rules", distinct_rules(m, g)) ||
              set(r, "documents", json_integer((json_int_t)g->ndocs)) ||
              set(r, "count", json_integer((json_int_t)g->n));
    for (size_t i = 0; !bad && i < g->n; i++)
        bad = json_array_append_new(sup, support(&m->edges[g->members[i]]));
    if (!bad)
        bad = set(r, "support", sup);
    else
        json_decref(sup);
    if (bad) {
        json_decref(r);
        return NULL;
    }
    return r;
}

int qg_merge_write_jsonl(const qg_merge *m, FILE *out)
{
    for (size_t i = 0; i < m->ndocs; i++) {
        const m_doc *d = &m->docs[i];
        json_t *r = header("document");
        if (!r || set(r, "id", json_string(d->id)) || set(r, "source", json_incref(d->source)) ||
            set(r, "date", json_incref(d->date)) || set(r, "length", json_incref(d->length))) {
            json_decref(r);
            return -1;
        }
        if (emit(r, out))
            return -1;
    }
    for (size_t i = 0; i < m->nclusters; i++)
        if (emit(cluster_record(m, &m->clusters[i]), out))
            return -1;
    for (size_t i = 0; i < m->ngroups; i++)
        if (emit(edge_record(m, &m->groups[i]), out))
            return -1;
    return ferror(out) ? -1 : 0;
}

/* ---- flat views for CSV and GraphML ---- */

/* A document list or a name list, joined by '|'. */
typedef struct {
    char *s;
    size_t len, cap;
    bool failed;
} sbuf;

static void sb_add(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->failed || qg_merge_grow((void **)&b->s, &b->cap, b->len + n + 2, 1)) {
        b->failed = true;
        return;
    }
    if (b->len)
        b->s[b->len++] = '|';
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static const char *sb_str(const sbuf *b)
{
    return b->len ? b->s : "";
}

/* The fields of one node or edge as CSV and GraphML show them. */
typedef struct {
    const char *id, *type, *name, *kind, *value, *outlet; /* nodes; NULL as empty */
    const char *from, *to;                                 /* edges */
    sbuf lists[2]; /* nodes: titles, documents; edges: rules, documents */
    char count[32], confidence[32];
} flat;

static int flat_node(const qg_merge *m, const m_cluster *c, flat *v)
{
    memset(v, 0, sizeof *v);
    v->id = c->id;
    v->type = qg_merge_node_types[c->type];
    v->name = c->name;
    v->kind = c->kind ? c->kind : c->gran;
    v->value = c->type == MT_DATE ? c->name : NULL;
    v->outlet = c->outlet ? "true" : NULL;
    for (size_t i = 0; c->type == MT_PERSON && i < c->nlinks; i++)
        sb_add(&v->lists[0], m->clusters[c->links[i]].name);
    for (size_t i = 0; i < c->n; i++) {
        const char *d = m->nodes[c->members[i]].doc;
        if (i == 0 || strcmp(d, m->nodes[c->members[i - 1]].doc) != 0)
            sb_add(&v->lists[1], d);
    }
    snprintf(v->count, sizeof v->count, "%zu", c->n);
    return v->lists[0].failed || v->lists[1].failed ? -1 : 0;
}

static int flat_edge(const qg_merge *m, const m_group *g, flat *v)
{
    memset(v, 0, sizeof *v);
    v->type = qg_merge_edge_types[g->type];
    v->from = m->clusters[g->from].id;
    v->to = m->clusters[g->to].id;
    json_t *rules = distinct_rules(m, g), *r;
    size_t k;
    json_array_foreach(rules, k, r) {
        sb_add(&v->lists[0], json_string_value(r));
    }
    json_decref(rules);
    double conf = 0;
    for (size_t i = 0; i < g->n; i++) {
        const m_edge *e = &m->edges[g->members[i]];
        if (i == 0 || strcmp(e->doc, m->edges[g->members[i - 1]].doc) != 0)
            sb_add(&v->lists[1], e->doc);
        if (e->confidence > conf)
            conf = e->confidence;
    }
    snprintf(v->count, sizeof v->count, "%zu", g->n);
    snprintf(v->confidence, sizeof v->confidence, "%.3g", conf);
    return !rules || v->lists[0].failed || v->lists[1].failed ? -1 : 0;
}

static void flat_free(flat *v)
{
    free(v->lists[0].s);
    free(v->lists[1].s);
}

/* ---- CSV ---- */

static void csv_field(FILE *f, const char *s, bool last)
{
    if (s[strcspn(s, ",\"\r\n")]) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputs(last ? "\r\n" : ",", f);
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

int qg_merge_write_csv(const qg_merge *m, FILE *nodes, FILE *edges)
{
    flat v;
    fputs("id,type,name,kind,value,outlet,titles,documents,occurrences\r\n", nodes);
    for (size_t i = 0; i < m->nclusters; i++) {
        int rc = flat_node(m, &m->clusters[i], &v);
        const char *row[] = {v.id,
                             v.type,
                             or_empty(v.name),
                             or_empty(v.kind),
                             or_empty(v.value),
                             or_empty(v.outlet),
                             sb_str(&v.lists[0]),
                             sb_str(&v.lists[1]),
                             v.count};
        for (size_t k = 0; k < sizeof row / sizeof row[0]; k++)
            csv_field(nodes, row[k], k + 1 == sizeof row / sizeof row[0]);
        flat_free(&v);
        if (rc)
            return -1;
    }
    fputs("source,target,type,rule,documents,count,confidence\r\n", edges);
    for (size_t i = 0; i < m->ngroups; i++) {
        int rc = flat_edge(m, &m->groups[i], &v);
        const char *row[] = {v.from,  v.to,    v.type, sb_str(&v.lists[0]), sb_str(&v.lists[1]),
                             v.count, v.confidence};
        for (size_t k = 0; k < sizeof row / sizeof row[0]; k++)
            csv_field(edges, row[k], k + 1 == sizeof row / sizeof row[0]);
        flat_free(&v);
        if (rc)
            return -1;
    }
    return ferror(nodes) || ferror(edges) ? -1 : 0;
}

/* ---- GraphML ---- */

/* Text as XML character data: the five specials escaped, and characters
 * XML 1.0 does not allow (C0 controls but tab, LF, CR) left out. */
static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                fputc(c, f);
        }
    }
}

static void xml_data(FILE *f, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    fprintf(f, "      <data key=\"%s\">", key);
    xml_text(f, value);
    fputs("</data>\n", f);
}

static const char graphml_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"n_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"n_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    "  <key id=\"n_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"n_value\" for=\"node\" attr.name=\"value\" attr.type=\"string\"/>\n"
    "  <key id=\"n_outlet\" for=\"node\" attr.name=\"outlet\" attr.type=\"boolean\">\n"
    "    <default>false</default>\n"
    "  </key>\n"
    "  <key id=\"n_titles\" for=\"node\" attr.name=\"titles\" attr.type=\"string\"/>\n"
    "  <key id=\"n_documents\" for=\"node\" attr.name=\"documents\" attr.type=\"string\"/>\n"
    "  <key id=\"n_occurrences\" for=\"node\" attr.name=\"occurrences\" attr.type=\"int\"/>\n"
    "  <key id=\"e_type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"e_rule\" for=\"edge\" attr.name=\"rule\" attr.type=\"string\"/>\n"
    "  <key id=\"e_documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"string\"/>\n"
    "  <key id=\"e_count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
    "  <key id=\"e_confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
    "  <graph id=\"corpus\" edgedefault=\"directed\">\n";

int qg_merge_write_graphml(const qg_merge *m, FILE *out)
{
    flat v;
    fputs(graphml_head, out);
    for (size_t i = 0; i < m->nclusters; i++) {
        int rc = flat_node(m, &m->clusters[i], &v);
        fputs("    <node id=\"", out);
        xml_text(out, v.id);
        fputs("\">\n", out);
        xml_data(out, "n_type", v.type);
        xml_data(out, "n_name", v.name);
        xml_data(out, "n_kind", v.kind);
        xml_data(out, "n_value", v.value);
        xml_data(out, "n_outlet", v.outlet);
        xml_data(out, "n_titles", sb_str(&v.lists[0]));
        xml_data(out, "n_documents", sb_str(&v.lists[1]));
        xml_data(out, "n_occurrences", v.count);
        fputs("    </node>\n", out);
        flat_free(&v);
        if (rc)
            return -1;
    }
    for (size_t i = 0; i < m->ngroups; i++) {
        int rc = flat_edge(m, &m->groups[i], &v);
        fputs("    <edge source=\"", out);
        xml_text(out, v.from);
        fputs("\" target=\"", out);
        xml_text(out, v.to);
        fputs("\">\n", out);
        xml_data(out, "e_type", v.type);
        xml_data(out, "e_rule", sb_str(&v.lists[0]));
        xml_data(out, "e_documents", sb_str(&v.lists[1]));
        xml_data(out, "e_count", v.count);
        xml_data(out, "e_confidence", v.confidence);
        fputs("    </edge>\n", out);
        flat_free(&v);
        if (rc)
            return -1;
    }
    fputs("  </graph>\n</graphml>\n", out);
    return ferror(out) ? -1 : 0;
}
