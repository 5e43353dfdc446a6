/* read.c - the merger's input: quotegraph/1 graph records and its own
 * quotegraph-corpus/1 records, both taken apart into document observations.
 * A line is parsed into a scratch merger first, so that a malformed record
 * leaves nothing behind, then its observations move over, duplicates once. */
#include "merge_internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *const qg_merge_node_types[MT_COUNT] = {"person", "organization", "group",
                                                   "title",  "date",         "statement"};
const char *const qg_merge_edge_types[ME_COUNT] = {"has_title", "said", "said_on", "reported_by", "member_of"};

int qg_merge_grow(void **arr, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * elsize);
    if (!p)
        return -1;
    *arr = p;
    *cap = n;
    return 0;
}

qg_merge *qg_merge_new(const qg_rules *rules)
{
    qg_merge *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->rules = rules;
    m->seen = json_object();
    m->node_ids = json_object();
    if (!m->seen || !m->node_ids) {
        qg_merge_free(m);
        return NULL;
    }
    return m;
}

static void node_clear(m_node *n)
{
    free(n->doc);
    free(n->node);
    free(n->name);
    free(n->value);
    free(n->gran);
    free(n->kind);
    free(n->text);
    free(n->rule);
    free(n->mentions);
}

static void edge_clear(m_edge *e)
{
    free(e->doc);
    free(e->from);
    free(e->to);
    free(e->rule);
    json_decref(e->source);
    json_decref(e->cue);
}

static void doc_clear(m_doc *d)
{
    free(d->id);
    json_decref(d->source);
    json_decref(d->date);
    json_decref(d->length);
}

void qg_merge_free(qg_merge *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->ndocs; i++)
        doc_clear(&m->docs[i]);
    for (size_t i = 0; i < m->nnodes; i++)
        node_clear(&m->nodes[i]);
    for (size_t i = 0; i < m->nedges; i++)
        edge_clear(&m->edges[i]);
    for (size_t i = 0; i < m->nclusters; i++) {
        free(m->clusters[i].id);
        free(m->clusters[i].name);
        free(m->clusters[i].members);
        free(m->clusters[i].links);
        free(m->clusters[i].reporters);
    }
    for (size_t i = 0; i < m->ngroups; i++)
        free(m->groups[i].members);
    free(m->docs);
    free(m->nodes);
    free(m->edges);
    free(m->clusters);
    free(m->groups);
    json_decref(m->seen);
    json_decref(m->node_ids);
    free(m);
}

/* ---- parsing ---- */

typedef struct {
    char *why;
    size_t whylen;
    bool nomem;
} ctx;

__attribute__((format(printf, 2, 3))) static int fail(ctx *c, const char *fmt, ...)
{
    if (c->why && c->whylen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->why, c->whylen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static int nomem(ctx *c)
{
    c->nomem = true;
    return fail(c, "out of memory");
}

static int type_index(const char *const *names, int n, const char *s)
{
    for (int i = 0; s && i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

static const char *str_of(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

/* A required string field, copied into *OUT. */
static int take_str(ctx *c, json_t *obj, const char *key, const char *what, char **out)
{
    const char *s = str_of(obj, key);
    if (!s)
        return fail(c, "%s: \"%s\" must be a string", what, key);
    *out = strdup(s);
    return *out ? 0 : nomem(c);
}

/* A string-or-null field; absent counts as null. */
static int take_nullable(ctx *c, json_t *obj, const char *key, const char *what, char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return fail(c, "%s: \"%s\" must be a string or null", what, key);
    *out = strdup(json_string_value(v));
    return *out ? 0 : nomem(c);
}

/* A span object ({"span":[a,b],"text":...}) or null, or an array of them. */
static bool is_span_object(json_t *v)
{
    json_t *sp = json_object_get(v, "span");
    return json_is_object(v) && json_is_array(sp) && json_array_size(sp) == 2 &&
           json_is_integer(json_array_get(sp, 0)) && json_is_integer(json_array_get(sp, 1)) &&
           json_is_string(json_object_get(v, "text"));
}

/* Mentions are kept as their compact JSON text: a tenth of the memory of
 * the parsed values, and parsed again only when written. */
static int take_mentions(ctx *c, json_t *obj, const char *what, char **out)
{
    json_t *v = json_object_get(obj, "mentions");
    size_t i;
    json_t *x;
    if (!json_is_array(v))
        return fail(c, "%s: \"mentions\" must be an array", what);
    json_array_foreach(v, i, x) {
        if (!is_span_object(x))
            return fail(c, "%s: mention %zu is not a {\"span\",\"text\"} object", what, i + 1);
    }
    *out = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
    return *out ? 0 : nomem(c);
}

static int take_span_or_null(ctx *c, json_t *obj, const char *key, const char *what, json_t **out)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) {
        *out = json_null();
        return 0;
    }
    if (!is_span_object(v))
        return fail(c, "%s: \"%s\" must be a span object or null", what, key);
    *out = json_deep_copy(v);
    return *out ? 0 : nomem(c);
}

/* The fields of a node of TYPE from OBJ (a quotegraph/1 node or a corpus
 * occurrence: the same keys), appended to M for document DOC, node NODE. */
static int add_node(ctx *c, qg_merge *m, json_t *obj, int type, const char *doc, const char *node)
{
    char what[160];
    snprintf(what, sizeof what, "document '%.60s' node '%.40s'", doc, node);
    if (qg_merge_grow((void **)&m->nodes, &m->nodes_cap, m->nnodes + 1, sizeof *m->nodes))
        return nomem(c);
    m_node *n = &m->nodes[m->nnodes];
    memset(n, 0, sizeof *n);
    n->type = type;
    n->doc = strdup(doc);
    n->node = strdup(node);
    m->nnodes++; /* cleared with the scratch merger whatever happens next */
    if (!n->doc || !n->node)
        return nomem(c);
    switch (type) {
    case MT_DATE:
        if (take_nullable(c, obj, "value", what, &n->value) ||
            take_nullable(c, obj, "granularity", what, &n->gran))
            return -1;
        return take_mentions(c, obj, what, &n->mentions);
    case MT_STATEMENT: {
        json_t *sp = json_object_get(obj, "span");
        if (!json_is_array(sp) || json_array_size(sp) != 2 ||
            !json_is_integer(json_array_get(sp, 0)) || !json_is_integer(json_array_get(sp, 1)))
            return fail(c, "%s: \"span\" must be [start, end]", what);
        n->start = (long)json_integer_value(json_array_get(sp, 0));
        n->end = (long)json_integer_value(json_array_get(sp, 1));
        return take_str(c, obj, "kind", what, &n->kind) || take_str(c, obj, "text", what, &n->text) ||
               take_str(c, obj, "rule", what, &n->rule);
    }
    case MT_TITLE:
        if (take_str(c, obj, "kind", what, &n->kind))
            return -1;
        /* fall through */
    default:
        if (take_str(c, obj, "name", what, &n->name))
            return -1;
        n->outlet = type == MT_ORGANIZATION && json_is_true(json_object_get(obj, "outlet"));
        return take_mentions(c, obj, what, &n->mentions);
    }
}

static int add_edge(ctx *c, qg_merge *m, json_t *obj, int type, const char *doc)
{
    char what[160];
    snprintf(what, sizeof what, "document '%.60s' %s edge", doc, qg_merge_edge_types[type]);
    json_t *conf = json_object_get(obj, "confidence");
    if (!json_is_number(conf))
        return fail(c, "%s: \"confidence\" must be a number", what);
    if (qg_merge_grow((void **)&m->edges, &m->edges_cap, m->nedges + 1, sizeof *m->edges))
        return nomem(c);
    m_edge *e = &m->edges[m->nedges];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->confidence = json_number_value(conf);
    e->doc = strdup(doc);
    m->nedges++;
    if (!e->doc)
        return nomem(c);
    if (take_str(c, obj, "from", what, &e->from) || take_str(c, obj, "to", what, &e->to) ||
        take_str(c, obj, "rule", what, &e->rule))
        return -1;
    if (type == ME_SAID)
        return take_span_or_null(c, obj, "source", what, &e->source) ||
               take_span_or_null(c, obj, "cue", what, &e->cue);
    return 0;
}

static int add_doc(ctx *c, qg_merge *m, const char *id, json_t *obj)
{
    if (qg_merge_grow((void **)&m->docs, &m->docs_cap, m->ndocs + 1, sizeof *m->docs))
        return nomem(c);
    m_doc *d = &m->docs[m->ndocs++];
    json_t *src = json_object_get(obj, "source"), *date = json_object_get(obj, "date"),
           *len = json_object_get(obj, "length");
    d->id = strdup(id);
    d->source = src ? json_deep_copy(src) : json_null();
    d->date = date ? json_deep_copy(date) : json_null();
    d->length = len ? json_deep_copy(len) : json_null();
    return d->id && d->source && d->date && d->length ? 0 : nomem(c);
}

/* A quotegraph/1 graph record. */
static int read_graph(ctx *c, qg_merge *m, json_t *root)
{
    json_t *doc = json_object_get(root, "doc"), *nodes = json_object_get(root, "nodes"),
           *edges = json_object_get(root, "edges"), *x;
    const char *id = str_of(doc, "id");
    size_t i;
    if (!id)
        return fail(c, "no \"doc\".\"id\" string");
    if (!json_is_array(nodes) || !json_is_array(edges))
        return fail(c, "document '%s': \"nodes\" and \"edges\" must be arrays", id);
    if (add_doc(c, m, id, doc))
        return -1;
    json_t *ids = json_object();
    if (!ids)
        return nomem(c);
    int rc = 0;
    json_array_foreach(nodes, i, x) {
        const char *nid = str_of(x, "id");
        int type = type_index(qg_merge_node_types, MT_COUNT, str_of(x, "type"));
        if (!nid || type < 0) {
            rc = fail(c, "document '%s': node %zu needs an \"id\" and a known \"type\"", id, i + 1);
            break;
        }
        if (json_object_get(ids, nid)) {
            rc = fail(c, "document '%s': node id '%s' given twice", id, nid);
            break;
        }
        if (json_object_set_new(ids, nid, json_true())) {
            rc = nomem(c);
            break;
        }
        if ((rc = add_node(c, m, x, type, id, nid)) != 0)
            break;
    }
    if (rc == 0) {
        json_array_foreach(edges, i, x) {
            int type = type_index(qg_merge_edge_types, ME_COUNT, str_of(x, "type"));
            const char *from = str_of(x, "from"), *to = str_of(x, "to");
            if (type < 0) {
                rc = fail(c, "document '%s': edge %zu has no known \"type\"", id, i + 1);
                break;
            }
            if (!from || !to || !json_object_get(ids, from) || !json_object_get(ids, to)) {
                rc = fail(c, "document '%s': edge %zu does not join two of its nodes", id, i + 1);
                break;
            }
            if ((rc = add_edge(c, m, x, type, id)) != 0)
                break;
        }
    }
    json_decref(ids);
    return rc;
}

/* The occurrences (entities, statements) or support (edges) of a corpus record. */
static json_t *corpus_list(ctx *c, json_t *root, const char *key)
{
    json_t *v = json_object_get(root, key);
    if (!json_is_array(v)) {
        fail(c, "\"%s\" must be an array", key);
        return NULL;
    }
    return v;
}

static int read_corpus(ctx *c, qg_merge *m, json_t *root)
{
    const char *record = str_of(root, "record");
    json_t *list, *x;
    size_t i;
    if (!record)
        return fail(c, "no \"record\" string");
    if (strcmp(record, "document") == 0) {
        const char *id = str_of(root, "id");
        return id ? add_doc(c, m, id, root) : fail(c, "document record without an \"id\" string");
    }
    if (strcmp(record, "edge") == 0) {
        int type = type_index(qg_merge_edge_types, ME_COUNT, str_of(root, "type"));
        if (type < 0)
            return fail(c, "edge record without a known \"type\"");
        if (!(list = corpus_list(c, root, "support")))
            return -1;
        json_array_foreach(list, i, x) {
            const char *doc = str_of(x, "doc");
            if (!doc)
                return fail(c, "support %zu: \"doc\" must be a string", i + 1);
            if (add_edge(c, m, x, type, doc))
                return -1;
        }
        return 0;
    }
    if (strcmp(record, "entity") != 0 && strcmp(record, "statement") != 0)
        return fail(c, "unknown record \"%s\"", record);
    int type = strcmp(record, "statement") == 0
                   ? MT_STATEMENT
                   : type_index(qg_merge_node_types, MT_STATEMENT, str_of(root, "type"));
    if (type < 0)
        return fail(c, "entity record without a known \"type\"");
    if (!(list = corpus_list(c, root, "occurrences")))
        return -1;
    json_array_foreach(list, i, x) {
        const char *doc = str_of(x, "doc"), *node = str_of(x, "node");
        if (!doc || !node)
            return fail(c, "occurrence %zu: \"doc\" and \"node\" must be strings", i + 1);
        if (add_node(c, m, x, type, doc, node))
            return -1;
    }
    return 0;
}

/* ---- moving a scratch merger's observations over ---- */

/* Sets KEY in SEEN; 1 when it was new, 0 when held already, -1 out of memory. */
static int first_time(json_t *seen, const char *key)
{
    if (json_object_get(seen, key))
        return 0;
    return json_object_set_new(seen, key, json_true()) == 0 ? 1 : -1;
}

static char *join_key(const char *a, const char *b, const char *c3, const char *d)
{
    size_t n = strlen(a) + strlen(b) + (c3 ? strlen(c3) : 0) + (d ? strlen(d) : 0) + 4;
    char *k = malloc(n);
    if (k)
        snprintf(k, n, "%s\x1f%s%s%s%s%s", a, b, c3 ? "\x1f" : "", c3 ? c3 : "", d ? "\x1f" : "",
                 d ? d : "");
    return k;
}

/* Moves what S holds into M; S is left empty. */
static int commit(qg_merge *m, qg_merge *s)
{
    if (qg_merge_grow((void **)&m->docs, &m->docs_cap, m->ndocs + s->ndocs, sizeof *m->docs) ||
        qg_merge_grow((void **)&m->nodes, &m->nodes_cap, m->nnodes + s->nnodes, sizeof *m->nodes) ||
        qg_merge_grow((void **)&m->edges, &m->edges_cap, m->nedges + s->nedges, sizeof *m->edges))
        return -1;
    int rc = 0;
    for (size_t i = 0; i < s->ndocs; i++) {
        char *k = join_key("D", s->docs[i].id, NULL, NULL);
        int r = k ? first_time(m->seen, k) : -1;
        free(k);
        if (r > 0)
            m->docs[m->ndocs++] = s->docs[i];
        else
            doc_clear(&s->docs[i]);
        if (r < 0)
            rc = -1;
    }
    for (size_t i = 0; i < s->nnodes; i++) {
        char *k = join_key("N", s->nodes[i].doc, s->nodes[i].node, NULL);
        int r = k ? first_time(m->seen, k) : -1;
        free(k);
        if (r > 0)
            m->nodes[m->nnodes++] = s->nodes[i];
        else
            node_clear(&s->nodes[i]);
        if (r < 0)
            rc = -1;
    }
    for (size_t i = 0; i < s->nedges; i++) {
        m_edge *e = &s->edges[i];
        char *k = join_key(e->doc, qg_merge_edge_types[e->type], e->from, e->to);
        int r = k ? first_time(m->seen, k) : -1;
        free(k);
        if (r > 0)
            m->edges[m->nedges++] = *e;
        else
            edge_clear(e);
        if (r < 0)
            rc = -1;
    }
    s->ndocs = s->nnodes = s->nedges = 0;
    return rc;
}

qg_merge_status qg_merge_add_line(qg_merge *m, const char *line, size_t len, char *why,
                                  size_t whylen)
{
    ctx c = {why, whylen, false};
    json_error_t jerr;
    if (why && whylen)
        why[0] = '\0';
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        fail(&c, "invalid JSON: %s", jerr.text);
        return QG_MERGE_MALFORMED;
    }
    qg_merge_status st = QG_MERGE_ADDED;
    const char *schema = str_of(root, "schema");
    qg_merge *s = NULL;
    if (!json_is_object(root) || !schema) {
        fail(&c, "not a quotegraph record (no \"schema\")");
        st = QG_MERGE_MALFORMED;
    } else if (strcmp(schema, QG_SCHEMA) == 0 && json_object_get(root, "error")) {
        json_t *err = json_object_get(root, "error");
        const char *id = str_of(json_object_get(root, "doc"), "id");
        fail(&c, "error record of document '%s' skipped (%s)", id ? id : "?",
             str_of(err, "code") ? str_of(err, "code") : "no code");
        st = QG_MERGE_ERROR_RECORD;
    } else if (strcmp(schema, QG_SCHEMA) != 0 && strcmp(schema, QG_CORPUS_SCHEMA) != 0) {
        fail(&c, "unknown schema \"%s\" (expected %s or %s)", schema, QG_SCHEMA, QG_CORPUS_SCHEMA);
        st = QG_MERGE_MALFORMED;
    } else if (m->resolved) {
        fail(&c, "the merge is already resolved");
        st = QG_MERGE_MALFORMED;
    } else if (!(s = qg_merge_new(NULL))) {
        st = QG_MERGE_NOMEM;
    } else {
        int rc = strcmp(schema, QG_SCHEMA) == 0 ? read_graph(&c, s, root) : read_corpus(&c, s, root);
        if (rc != 0)
            st = c.nomem ? QG_MERGE_NOMEM : QG_MERGE_MALFORMED;
        else if (commit(m, s) != 0)
            st = QG_MERGE_NOMEM;
    }
    qg_merge_free(s);
    json_decref(root);
    return st;
}
