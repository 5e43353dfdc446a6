/* resolve.c - from document observations to the corpus graph: which
 * document nodes are one entity or one statement, and which document edges
 * are one corpus edge. Every decision depends on the set of observations
 * only, never on their order, which is what makes merging associative. */
#include "merge_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---- */

/* Node ids compare as prefix then number: p2 < p10. */
static int cmp_node_id(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    return la != lb ? (la < lb ? -1 : 1) : strcmp(a, b);
}

/* Members sort by document, then node ids (edges: from, to, rule). The keys
 * are copied out first because qsort takes no context. */
typedef struct {
    const char *doc, *a, *b, *rule;
    size_t idx;
} sort_item;

static int cmp_item(const void *x, const void *y)
{
    const sort_item *p = x, *q = y;
    int c = strcmp(p->doc, q->doc);
    if (!c)
        c = cmp_node_id(p->a, q->a);
    if (!c && p->b)
        c = cmp_node_id(p->b, q->b);
    if (!c && p->rule)
        c = strcmp(p->rule, q->rule);
    return c;
}

static int sort_members(const qg_merge *m, size_t *idx, size_t n, bool edges)
{
    sort_item *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (edges) {
            const m_edge *e = &m->edges[idx[i]];
            v[i] = (sort_item){e->doc, e->from, e->to, e->rule, idx[i]};
        } else {
            const m_node *nd = &m->nodes[idx[i]];
            v[i] = (sort_item){nd->doc, nd->node, NULL, NULL, idx[i]};
        }
    }
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_item);
    for (size_t i = 0; i < n; i++)
        idx[i] = v[i].idx;
    free(v);
    return 0;
}

static int push(size_t **arr, size_t *n, size_t *cap, size_t v)
{
    if (qg_merge_grow((void **)arr, cap, *n + 1, sizeof **arr))
        return -1;
    (*arr)[(*n)++] = v;
    return 0;
}

static size_t count_words(const char *folded)
{
    size_t n = 0;
    for (const char *p = folded; *p; p++)
        if (*p != ' ' && (p == folded || p[-1] == ' '))
            n++;
    return n;
}

static char *node_key(const char *doc, const char *node)
{
    size_t n = strlen(doc) + strlen(node) + 2;
    char *k = malloc(n);
    if (k)
        snprintf(k, n, "%s\x1f%s", doc, node);
    return k;
}

/* "ali khamenei" -> "ali-khamenei" (a new string). */
static char *make_id(const char *type, const char *key, const char *doc, const char *node)
{
    size_t n = strlen(type) + (key ? strlen(key) : strlen(doc) + strlen(node) + 1) + 2;
    char *id = malloc(n);
    if (!id)
        return NULL;
    if (key) {
        snprintf(id, n, "%s:%s", type, key);
        for (char *p = id; *p; p++)
            if (*p == ' ')
                *p = '-';
    } else {
        snprintf(id, n, "%s:%s/%s", type, doc, node);
    }
    return id;
}

/* ---- persons ---- */

typedef struct {
    const char *key; /* borrowed from the key table */
    size_t nwords;
    const char *last;
    long root;       /* index of the root key; -1: scoped to its document */
} pkey;

static int cmp_pkey(const void *x, const void *y)
{
    const pkey *a = x, *b = y;
    if (a->nwords != b->nwords)
        return a->nwords > b->nwords ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* Are the words of S, in order, among the words of L? */
static bool subsequence(const char *s, const char *l)
{
    while (*s) {
        size_t n = strcspn(s, " ");
        bool found = false;
        while (*l && !found) {
            size_t k = strcspn(l, " ");
            found = k == n && memcmp(s, l, n) == 0;
            l += k;
            while (*l == ' ')
                l++;
        }
        if (!found)
            return false;
        s += n;
        while (*s == ' ')
            s++;
    }
    return true;
}

/* Appends I to the list under KEY in IDX, once. */
static int index_add(json_t *idx, const char *key, size_t i)
{
    json_t *list = json_object_get(idx, key);
    if (!list) {
        list = json_array();
        if (!list || json_object_set_new(idx, key, list))
            return -1;
    }
    size_t n = json_array_size(list);
    if (n && (size_t)json_integer_value(json_array_get(list, n - 1)) == i)
        return 0;
    return json_array_append_new(list, json_integer((json_int_t)i));
}

/* The lists a key K is looked up in: "\x1fLAST" for a one-word key, else
 * "FIRST\x1fLAST". A longer key is filed under "\x1fLAST" and under
 * "W\x1fLAST" for each of its other words W, so a lookup sees only keys that
 * hold K's first and last words. */
static char *list_key(const char *first, size_t flen, const char *last)
{
    size_t n = flen + strlen(last) + 2;
    char *k = malloc(n);
    if (k)
        snprintf(k, n, "%.*s\x1f%s", (int)flen, first, last);
    return k;
}

static int index_person(json_t *idx, const pkey *p, size_t i)
{
    char *k = list_key("", 0, p->last);
    int rc = !k || index_add(idx, k, i);
    free(k);
    for (const char *w = p->key; !rc && w < p->last; w += strcspn(w, " ") + 1) {
        k = list_key(w, strcspn(w, " "), p->last);
        rc = !k || index_add(idx, k, i);
        free(k);
    }
    return rc ? -1 : 0;
}

/* The person keys and the key each resolves to. A key joins the one corpus
 * person whose longer key ends in the same word and contains its words in
 * order; with none it stands alone; with several a one-word key stays in its
 * document (an ambiguous surname), a longer one stands alone. Longer keys go
 * first, a tier of equal length at a time, so a short key sees the roots the
 * longer ones settled on and only those. */
static int resolve_persons(json_t *keys, pkey **out, size_t *nout)
{
    size_t n = json_object_size(keys), i = 0;
    const char *k;
    json_t *v;
    pkey *pk = calloc(n ? n : 1, sizeof *pk);
    json_t *idx = json_object();
    int rc = -1;
    if (!pk || !idx)
        goto out;
    json_object_foreach(keys, k, v) {
        pk[i].key = k;
        pk[i].nwords = count_words(k);
        pk[i].last = strrchr(k, ' ') ? strrchr(k, ' ') + 1 : k;
        i++;
    }
    if (n > 1)
        qsort(pk, n, sizeof *pk, cmp_pkey);
    for (size_t tier = 0; tier < n;) {
        size_t end = tier;
        while (end < n && pk[end].nwords == pk[tier].nwords)
            end++;
        for (i = tier; i < end; i++) {
            const char *key = pk[i].key;
            char *lk = list_key(key, pk[i].nwords > 1 ? strcspn(key, " ") : 0, pk[i].last);
            if (!lk)
                goto out;
            json_t *cands = json_object_get(idx, lk), *c;
            free(lk);
            size_t j;
            long root = -2;
            bool ambiguous = false;
            json_array_foreach(cands, j, c) {
                const pkey *l = &pk[json_integer_value(c)];
                if (l->root < 0 || l->root == root || !subsequence(key, l->key))
                    continue;
                if (root != -2) {
                    ambiguous = true;
                    break;
                }
                root = l->root;
            }
            if (ambiguous)
                pk[i].root = pk[i].nwords == 1 ? -1 : (long)i;
            else
                pk[i].root = root == -2 ? (long)i : root;
            if (json_object_set_new(keys, key, json_integer((json_int_t)i)))
                goto out;
        }
        for (i = tier; i < end; i++)
            if (index_person(idx, &pk[i], i))
                goto out;
        tier = end;
    }
    rc = 0;
out:
    json_decref(idx);
    if (rc) {
        free(pk);
        pk = NULL;
    }
    *out = pk;
    *nout = n;
    return rc;
}

/* ---- clusters ---- */

static long cluster_for(qg_merge *m, json_t *index, char *id, int type)
{
    json_t *v = json_object_get(index, id);
    if (v) {
        free(id);
        return (long)json_integer_value(v);
    }
    if (qg_merge_grow((void **)&m->clusters, &m->clusters_cap, m->nclusters + 1,
                      sizeof *m->clusters) ||
        json_object_set_new(index, id, json_integer((json_int_t)m->nclusters))) {
        free(id);
        return -1;
    }
    m_cluster *c = &m->clusters[m->nclusters];
    memset(c, 0, sizeof *c);
    c->id = id;
    c->type = type;
    return (long)m->nclusters++;
}

static int add_member(qg_merge *m, long ci, size_t node)
{
    if (ci < 0)
        return -1;
    m_cluster *c = &m->clusters[ci];
    return push(&c->members, &c->n, &c->cap, node);
}

/* The entities: one key per document node, one cluster per corpus id. */
static int resolve_entities(qg_merge *m, json_t *index)
{
    json_t *pkeys = json_object();
    char **keys = calloc(m->nnodes ? m->nnodes : 1, sizeof *keys);
    pkey *pk = NULL;
    size_t npk = 0;
    int rc = -1;
    if (!pkeys || !keys)
        goto out;
    for (size_t i = 0; i < m->nnodes; i++) {
        const m_node *n = &m->nodes[i];
        switch (n->type) {
        case MT_PERSON: keys[i] = qg_merge_person_key(m->rules, n->name); break;
        case MT_ORGANIZATION: keys[i] = qg_merge_org_key(n->name); break;
        case MT_TITLE: keys[i] = qg_merge_fold(n->name, strlen(n->name)); break;
        case MT_DATE: keys[i] = n->value ? strdup(n->value) : NULL; break;
        default: continue; /* groups stay in their document; statements: below */
        }
        if ((n->type != MT_DATE || n->value) && !keys[i])
            goto out;
        if ((n->type == MT_PERSON || n->type == MT_ORGANIZATION) &&
            !qg_merge_proper_name(m->rules, n->name))
            keys[i][0] = '\0'; /* no proper name: it stays in its document */
        if (keys[i] && !*keys[i]) { /* no words: nothing to match on */
            free(keys[i]);
            keys[i] = NULL;
        }
        if (n->type == MT_PERSON && keys[i] && json_object_set_new(pkeys, keys[i], json_null()))
            goto out;
    }
    if (resolve_persons(pkeys, &pk, &npk))
        goto out;
    for (size_t i = 0; i < m->nnodes; i++) {
        const m_node *n = &m->nodes[i];
        if (n->type == MT_STATEMENT)
            continue;
        const char *key = keys[i];
        if (n->type == MT_PERSON && key) {
            long r = pk[json_integer_value(json_object_get(pkeys, key))].root;
            key = r < 0 ? NULL : pk[r].key;
        }
        char *id = make_id(qg_merge_node_types[n->type], key, n->doc, n->node);
        if (!id || add_member(m, cluster_for(m, index, id, n->type), i))
            goto out;
    }
    rc = 0;
out:
    if (keys)
        for (size_t i = 0; i < m->nnodes; i++)
            free(keys[i]);
    free(keys);
    free(pk);
    json_decref(pkeys);
    return rc;
}

/* ---- statements ---- */

typedef struct {
    char *folded;
    uint64_t *words;
    size_t nwords;
    size_t parent; /* union-find; the smallest index is the root */
} text_class;

static size_t find_root(text_class *t, size_t i)
{
    while (t[i].parent != i) {
        t[i].parent = t[t[i].parent].parent;
        i = t[i].parent;
    }
    return i;
}

static void unite(text_class *t, size_t a, size_t b)
{
    a = find_root(t, a);
    b = find_root(t, b);
    if (a < b)
        t[b].parent = a;
    else if (b < a)
        t[a].parent = b;
}

static uint64_t shingle(const uint64_t *w)
{
    uint64_t h = w[0] ^ (w[1] << 21 | w[1] >> 43) ^ (w[2] << 42 | w[2] >> 22);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

/* Shingle -> posting list, open addressing. */
typedef struct {
    uint64_t *keys;
    size_t *head, *count; /* head: posting index + 1; 0 = empty slot */
    size_t mask;
    size_t *pclass, *pnext;
    size_t npost;
} shingle_index;

static size_t slot_of(const shingle_index *x, uint64_t h)
{
    size_t i = (size_t)h & x->mask;
    while (x->head[i] && x->keys[i] != h)
        i = (i + 1) & x->mask;
    return i;
}

/* Pairs of near-duplicate texts are found through shared 3-word shingles,
 * so each text is compared only with texts that share one (docs/merge.md). */
static int join_near_duplicates(text_class *t, size_t nt)
{
    size_t total = 0;
    for (size_t i = 0; i < nt; i++)
        if (t[i].nwords >= QG_MERGE_MIN_TOKENS)
            total += t[i].nwords - 2;
    if (!total)
        return 0;
    size_t cap = 16;
    while (cap < total * 2)
        cap *= 2;
    shingle_index x = {0};
    x.mask = cap - 1;
    x.keys = malloc(cap * sizeof *x.keys);
    x.head = calloc(cap, sizeof *x.head);
    x.count = calloc(cap, sizeof *x.count);
    x.pclass = malloc(total * sizeof *x.pclass);
    x.pnext = malloc(total * sizeof *x.pnext);
    size_t *stamp = malloc(nt * sizeof *stamp);
    int rc = -1;
    if (!x.keys || !x.head || !x.count || !x.pclass || !x.pnext || !stamp)
        goto out;
    for (size_t c = 0; c < nt; c++) {
        stamp[c] = SIZE_MAX;
        for (size_t w = 0; t[c].nwords >= QG_MERGE_MIN_TOKENS && w + 2 < t[c].nwords; w++) {
            uint64_t h = shingle(t[c].words + w);
            size_t s = slot_of(&x, h);
            x.keys[s] = h;
            x.pclass[x.npost] = c;
            x.pnext[x.npost] = x.head[s];
            x.head[s] = ++x.npost;
            x.count[s]++;
        }
    }
    for (size_t c = 0; c < nt; c++) {
        for (size_t w = 0; t[c].nwords >= QG_MERGE_MIN_TOKENS && w + 2 < t[c].nwords; w++) {
            size_t s = slot_of(&x, shingle(t[c].words + w));
            if (x.count[s] > QG_MERGE_SHINGLE_CAP)
                continue;
            for (size_t p = x.head[s]; p; p = x.pnext[p - 1]) {
                size_t u = x.pclass[p - 1];
                if (u >= c || stamp[u] == c)
                    continue;
                stamp[u] = c;
                if (find_root(t, u) != find_root(t, c) &&
                    qg_merge_same_statement(t[c].words, t[c].nwords, t[u].words, t[u].nwords))
                    unite(t, c, u);
            }
        }
    }
    rc = 0;
out:
    free(x.keys);
    free(x.head);
    free(x.count);
    free(x.pclass);
    free(x.pnext);
    free(stamp);
    return rc;
}

static int resolve_statements(qg_merge *m, json_t *index)
{
    json_t *by_text = json_object();
    text_class *t = calloc(m->nnodes ? m->nnodes : 1, sizeof *t);
    size_t *class_of = calloc(m->nnodes ? m->nnodes : 1, sizeof *class_of);
    size_t nt = 0;
    int rc = -1;
    if (!by_text || !t || !class_of)
        goto out;
    for (size_t i = 0; i < m->nnodes; i++) {
        const m_node *n = &m->nodes[i];
        if (n->type != MT_STATEMENT)
            continue;
        char *f = qg_merge_fold(n->text, strlen(n->text));
        if (!f)
            goto out;
        uint64_t *w;
        size_t nw;
        if (qg_merge_word_hashes(f, &w, &nw)) {
            free(f);
            goto out;
        }
        json_t *seen = nw >= QG_MERGE_MIN_TOKENS ? json_object_get(by_text, f) : NULL;
        if (seen) { /* the same words: the same class */
            class_of[i] = (size_t)json_integer_value(seen);
            free(f);
            free(w);
            continue;
        }
        if (nw >= QG_MERGE_MIN_TOKENS &&
            json_object_set_new(by_text, f, json_integer((json_int_t)nt))) {
            free(f);
            free(w);
            goto out;
        }
        t[nt] = (text_class){f, w, nw, nt};
        class_of[i] = nt++;
    }
    if (join_near_duplicates(t, nt))
        goto out;
    /* One provisional cluster per root class; named and ordered in finish(). */
    for (size_t i = 0; i < m->nnodes; i++) {
        if (m->nodes[i].type != MT_STATEMENT)
            continue;
        char tmp[48];
        snprintf(tmp, sizeof tmp, "\x1f%zu", find_root(t, class_of[i]));
        char *id = strdup(tmp);
        if (!id || add_member(m, cluster_for(m, index, id, MT_STATEMENT), i))
            goto out;
    }
    rc = 0;
out:
    for (size_t i = 0; i < nt; i++) {
        free(t[i].folded);
        free(t[i].words);
    }
    free(t);
    free(class_of);
    json_decref(by_text);
    return rc;
}

/* ---- canonical names and order ---- */

typedef struct {
    const char *s;
    size_t words;
} cand;

static int cmp_cand(const void *x, const void *y)
{
    return strcmp(((const cand *)x)->s, ((const cand *)y)->s);
}

/* The name to show: most words without honorifics when BY_WORDS (persons),
 * then the most frequent, then the shortest ("Tasnim", not "the Tasnim"),
 * then the smallest in byte order. Borrowed from a member. */
static const char *pick(const qg_merge *m, const m_cluster *c, int field, bool by_words)
{
    cand *v = malloc(c->n * sizeof *v);
    const char *best = NULL;
    size_t best_words = 0, best_count = 0;
    if (!v)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++) {
        const m_node *nd = &m->nodes[c->members[i]];
        const char *s = field == 0 ? nd->name : field == 1 ? nd->kind : nd->text;
        if (!s)
            continue;
        v[n].s = s;
        v[n].words = 0;
        if (by_words) {
            char *f = qg_merge_person_key(m->rules, s);
            v[n].words = f ? count_words(f) : 0;
            free(f);
        }
        n++;
    }
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_cand);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && strcmp(v[j].s, v[i].s) == 0)
            j++;
        size_t count = j - i, words = v[i].words;
        if (!best || words > best_words ||
            (words == best_words &&
             (count > best_count || (count == best_count && strlen(v[i].s) < strlen(best))))) {
            best = v[i].s;
            best_words = words;
            best_count = count;
        }
        i = j;
    }
    free(v);
    return best;
}

static int cmp_clusters(const void *x, const void *y)
{
    const m_cluster *a = x, *b = y;
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    if (a->type != MT_STATEMENT)
        return strcmp(a->id, b->id);
    int c = strcmp(a->name, b->name);
    if (!c)
        c = strcmp(a->first->doc, b->first->doc);
    return c ? c : cmp_node_id(a->first->node, b->first->node);
}

static int cmp_groups(const void *x, const void *y)
{
    const m_group *a = x, *b = y;
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    return a->to < b->to ? -1 : a->to > b->to;
}

static size_t distinct_docs_nodes(const qg_merge *m, const size_t *mem, size_t n)
{
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += i == 0 || strcmp(m->nodes[mem[i]].doc, m->nodes[mem[i - 1]].doc) != 0;
    return d;
}

static size_t distinct_docs_edges(const qg_merge *m, const size_t *mem, size_t n)
{
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += i == 0 || strcmp(m->edges[mem[i]].doc, m->edges[mem[i - 1]].doc) != 0;
    return d;
}

/* Names, member order, cluster order and statement ids. */
static int finish_clusters(qg_merge *m)
{
    for (size_t i = 0; i < m->nclusters; i++) {
        m_cluster *c = &m->clusters[i];
        if (sort_members(m, c->members, c->n, false))
            return -1;
        c->first = &m->nodes[c->members[0]];
        c->ndocs = distinct_docs_nodes(m, c->members, c->n);
        const m_node *first = c->first;
        const char *name = NULL;
        switch (c->type) {
        case MT_DATE:
            name = first->value;
            c->gran = first->gran;
            break;
        case MT_STATEMENT: {
            name = pick(m, c, 2, false);
            for (size_t k = 0; k < c->n && !c->kind; k++)
                if (name && strcmp(m->nodes[c->members[k]].text, name) == 0)
                    c->kind = m->nodes[c->members[k]].kind;
            break;
        }
        case MT_TITLE:
            c->kind = pick(m, c, 1, false);
            name = pick(m, c, 0, false);
            break;
        default:
            name = pick(m, c, 0, c->type == MT_PERSON);
            for (size_t k = 0; k < c->n; k++)
                c->outlet |= m->nodes[c->members[k]].outlet;
        }
        if (!name && c->type != MT_DATE)
            return -1; /* out of memory in pick() */
        if (name && !(c->name = strdup(name)))
            return -1;
        if (c->type == MT_STATEMENT) {
            /* Ordered by folded text; the id comes after sorting. */
            char *f = qg_merge_fold(c->name, strlen(c->name));
            if (!f)
                return -1;
            free(c->name);
            c->name = f;
        }
    }
    if (m->nclusters > 1) /* qsort wants a non-null base */
        qsort(m->clusters, m->nclusters, sizeof *m->clusters, cmp_clusters);
    size_t num = 0;
    for (size_t i = 0; i < m->nclusters; i++) {
        m_cluster *c = &m->clusters[i];
        if (c->type != MT_STATEMENT)
            continue;
        char buf[48];
        snprintf(buf, sizeof buf, "statement:%zu", ++num);
        char *id = strdup(buf);
        /* The shown text is the canonical member's, not the folded key. */
        const char *text = pick(m, c, 2, false);
        char *name = text ? strdup(text) : NULL;
        if (!id || !name) {
            free(id);
            free(name);
            return -1;
        }
        free(c->id);
        free(c->name);
        c->id = id;
        c->name = name;
    }
    for (size_t i = 0; i < m->nclusters; i++) {
        for (size_t k = 0; k < m->clusters[i].n; k++) {
            const m_node *n = &m->nodes[m->clusters[i].members[k]];
            char *key = node_key(n->doc, n->node);
            int bad = !key || json_object_set_new(m->node_ids, key, json_integer((json_int_t)i));
            free(key);
            if (bad)
                return -1;
        }
    }
    return 0;
}

static long lookup_index(const qg_merge *m, const char *doc, const char *node)
{
    char *key = node_key(doc, node);
    json_t *v = key ? json_object_get(m->node_ids, key) : NULL;
    free(key);
    return v ? (long)json_integer_value(v) : -1;
}

const char *qg_merge_lookup(const qg_merge *m, const char *doc, const char *node)
{
    long i = lookup_index(m, doc, node);
    return i < 0 ? NULL : m->clusters[i].id;
}

static int resolve_edges(qg_merge *m)
{
    json_t *index = json_object();
    int rc = -1;
    if (!index)
        return -1;
    for (size_t i = 0; i < m->nedges; i++) {
        m_edge *e = &m->edges[i];
        long from = lookup_index(m, e->doc, e->from), to = lookup_index(m, e->doc, e->to);
        e->group = SIZE_MAX;
        if (from < 0 || to < 0) {
            m->dangling++;
            continue;
        }
        char key[96];
        snprintf(key, sizeof key, "%d/%ld/%ld", e->type, from, to);
        json_t *v = json_object_get(index, key);
        size_t g;
        if (v) {
            g = (size_t)json_integer_value(v);
        } else {
            if (qg_merge_grow((void **)&m->groups, &m->groups_cap, m->ngroups + 1, sizeof *m->groups) ||
                json_object_set_new(index, key, json_integer((json_int_t)m->ngroups)))
                goto out;
            g = m->ngroups++;
            m->groups[g] = (m_group){e->type, (size_t)from, (size_t)to, NULL, 0, 0, 0};
        }
        if (push(&m->groups[g].members, &m->groups[g].n, &m->groups[g].cap, i))
            goto out;
    }
    if (m->ngroups > 1)
        qsort(m->groups, m->ngroups, sizeof *m->groups, cmp_groups);
    for (size_t g = 0; g < m->ngroups; g++) {
        m_group *gr = &m->groups[g];
        if (sort_members(m, gr->members, gr->n, true))
            goto out;
        gr->ndocs = distinct_docs_edges(m, gr->members, gr->n);
        for (size_t k = 0; k < gr->n; k++)
            m->edges[gr->members[k]].group = g;
        /* Groups are in (type, from, to) order, so these lists come out sorted. */
        m_cluster *from = &m->clusters[gr->from], *to = &m->clusters[gr->to];
        if (gr->type == ME_HAS_TITLE && push(&from->links, &from->nlinks, &from->links_cap, gr->to))
            goto out;
        if (gr->type == ME_SAID && push(&to->links, &to->nlinks, &to->links_cap, gr->from))
            goto out;
        if (gr->type == ME_REPORTED_BY &&
            push(&from->reporters, &from->nreporters, &from->reporters_cap, gr->to))
            goto out;
    }
    rc = 0;
out:
    json_decref(index);
    return rc;
}

static int cmp_docs(const void *x, const void *y)
{
    return strcmp(((const m_doc *)x)->id, ((const m_doc *)y)->id);
}

int qg_merge_resolve(qg_merge *m)
{
    if (m->resolved)
        return 0;
    m->resolved = true;
    if (m->ndocs > 1)
        qsort(m->docs, m->ndocs, sizeof *m->docs, cmp_docs);
    json_t *index = json_object();
    int rc = !index || resolve_entities(m, index) || resolve_statements(m, index) ||
                     finish_clusters(m) || resolve_edges(m)
                 ? -1
                 : 0;
    json_decref(index);
    return rc;
}

size_t qg_merge_dangling(const qg_merge *m)
{
    return m->dangling;
}

void qg_merge_counts(const qg_merge *m, size_t *docs, size_t *entities, size_t *statements,
                     size_t *edges)
{
    size_t st = 0;
    for (size_t i = 0; i < m->nclusters; i++)
        st += m->clusters[i].type == MT_STATEMENT;
    *docs = m->ndocs;
    *entities = m->nclusters - st;
    *statements = st;
    *edges = m->ngroups;
}
