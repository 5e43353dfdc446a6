/* graph_json.c - writes a document's graph (schema quotegraph/1, see
 * docs/schema.md): entity, title, date and statement nodes, then said,
 * has_title, said_on and reported_by edges. Ids are typed counters in text
 * order (p1, o1, g1, t1, d1, s1), so output is deterministic.
 *
 * The record is streamed through jsonw into one buffer in the document's
 * arena and written with one fwrite: no JSON tree, no malloc per document.
 * Titles and dates are collected first (a node's mentions come from all over
 * the text; its edges come before the statements'), in arena tables that
 * are linear in the document's size, then everything is written in order.
 *
 * The bytes are those the former jansson version (json_dumps with
 * JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3)) wrote,
 * including its one quirk: a string that is not valid UTF-8 (a file name, a
 * truncated name) made json_string fail, and its key was left out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "jsonw.h"
#include "provenance.h"
#include "quotegraph.h"
#include "rules.h"
#include "text.h"

#define REAL_PRECISION 3 /* confidences: 0.95, 0.9, 1.0 */
#define NAME_CAP 512     /* names were formatted into char[512] */
#define DATE_CAP 16      /* date values were formatted into char[16] */

/* ---- scratch tables (arena) ---- */

/* An open-addressing set of byte strings mapping each to a value. */
typedef struct {
    const char *key; /* NULL = empty slot */
    uint32_t len, hash, value;
} str_slot;

typedef struct {
    str_slot *slots;
    uint32_t mask;
} str_table;

/* A set of non-zero 64-bit keys. */
typedef struct {
    uint64_t *slots; /* 0 = empty */
    uint32_t mask;
} u64_set;

static uint32_t table_cap(uint32_t max_entries)
{
    uint32_t cap = 16;
    while (cap < 2u * max_entries && cap < 0x80000000u)
        cap <<= 1;
    return cap;
}

static void str_table_init(qg_arena *a, str_table *t, uint32_t max_entries)
{
    uint32_t cap = table_cap(max_entries);
    t->slots = qg_arena_alloc(a, (size_t)cap * sizeof *t->slots);
    t->mask = cap - 1;
}

static uint32_t str_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The slot holding KEY, or the empty slot where it would go. */
static str_slot *str_table_slot(const str_table *t, const char *key, uint32_t len, uint32_t hash)
{
    for (uint32_t i = hash & t->mask;; i = (i + 1) & t->mask) {
        str_slot *s = &t->slots[i];
        if (!s->key || (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

static void u64_set_init(qg_arena *a, u64_set *t, uint32_t max_entries)
{
    uint32_t cap = table_cap(max_entries);
    t->slots = qg_arena_alloc(a, (size_t)cap * sizeof *t->slots);
    t->mask = cap - 1;
}

/* Adds KEY (non-zero); returns true if it was new. */
static bool u64_set_add(u64_set *t, uint64_t key)
{
    uint32_t h = (uint32_t)((key * 0x9E3779B97F4A7C15ull) >> 32);
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        if (t->slots[i] == key)
            return false;
        if (!t->slots[i]) {
            t->slots[i] = key;
            return true;
        }
    }
}

/* A span in a singly linked list of mentions (index links into an array). */
typedef struct {
    uint32_t start, end; /* bytes */
    uint32_t next;       /* QG_NONE ends the list */
} span_link;

typedef struct {
    const char *id;
    uint32_t start, end; /* the name's bytes */
    const char *kind;
    uint32_t head, tail; /* into graph.title_spans */
} title_node;

typedef struct {
    const char *from; /* person id; NULL (no id) leaves "from" out */
    uint32_t title;
    uint32_t rule;
} title_edge;

typedef struct {
    const char *id;
    char value[DATE_CAP]; /* "" = null */
    const char *granularity; /* NULL = null */
    uint32_t head, tail;  /* timex indexes, linked through graph.date_next */
} date_node;

typedef struct {
    const qg_doc *doc;
    const qg_rules *rules;
    qg_arena *arena;
    qg_jsonw *w;
    /* entities */
    char **entity_ids;        /* per entity; NULL for titles */
    uint32_t *ent_head, *ent_tail, *men_next; /* mentions per entity */
    uint32_t *order[3], count[3]; /* entities of each type in id order */
    /* titles */
    title_node *titles;
    uint32_t ntitles;
    span_link *title_spans;
    uint32_t nspans;
    title_edge *title_edges;
    uint32_t nedges;
    str_table titles_seen;
    u64_set title_pairs;
    /* member_of: (person, organization) entity pairs, in mention order */
    uint32_t *members;
    uint32_t nmembers;
    u64_set member_pairs;
    /* dates */
    date_node *dates;
    uint32_t ndates;
    uint32_t *date_node_of; /* per timex */
    uint32_t *date_next;    /* per timex */
} graph;

static uint32_t tstart(const qg_doc *d, uint32_t i) { return d->tokens.items[i].start; }
static uint32_t tend(const qg_doc *d, uint32_t i) { return d->tokens.items[i].end; }

/* "p12": PREFIX and N, in the arena. */
static char *make_id(qg_arena *a, char prefix, uint32_t n)
{
    char tmp[16], *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    *--p = prefix;
    return qg_arena_strndup(a, p, (size_t)(tmp + sizeof tmp - p));
}

static bool utf8_ok(const char *s, size_t n) { return qg_utf8_validate(s, n) < 0; }

/* Whether byte offset B starts a character (or is the end): a span of the
 * (valid) text between two such offsets is valid UTF-8. */
static bool on_boundary(const qg_doc *d, uint32_t b)
{
    return b >= d->len || ((unsigned char)d->text[b] & 0xC0) != 0x80;
}

/* ---- writing helpers ---- */

static void put_key_string(qg_jsonw *w, const char *key, const char *s)
{
    qg_jsonw_key(w, key);
    qg_jsonw_string(w, s);
}

/* KEY and S, or nothing when S is NULL or not valid UTF-8 (json_string
 * refused those, and the key was dropped). */
static void put_key_string_checked(qg_jsonw *w, const char *key, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (!utf8_ok(s, n))
        return;
    qg_jsonw_key(w, key);
    qg_jsonw_stringn(w, s, n);
}

/* KEY and S, null for NULL S, nothing when S is not valid UTF-8. */
static void put_key_string_or_null(qg_jsonw *w, const char *key, const char *s)
{
    if (!s) {
        qg_jsonw_key(w, key);
        qg_jsonw_null(w);
        return;
    }
    put_key_string_checked(w, key, s);
}

/* KEY and the text of bytes [start, end); nothing when the bytes split a
 * character. */
static void put_key_text(const graph *g, const char *key, uint32_t start, uint32_t end)
{
    const qg_doc *d = g->doc;
    if (start > end || !on_boundary(d, start) || !on_boundary(d, end))
        return;
    qg_jsonw_key(g->w, key);
    qg_jsonw_stringn(g->w, d->text + start, end - start);
}

static void put_key_span(const graph *g, const char *key, uint32_t start, uint32_t end)
{
    qg_jsonw *w = g->w;
    qg_jsonw_key(w, key);
    qg_jsonw_uint_pair(w, qg_doc_cp(g->doc, start), qg_doc_cp(g->doc, end));
}

/* {"span":[s,e],"text":"..."} for bytes [start, end). */
static void put_mention(const graph *g, uint32_t start, uint32_t end)
{
    qg_jsonw_begin_object(g->w);
    put_key_span(g, "span", start, end);
    put_key_text(g, "text", start, end);
    qg_jsonw_end_object(g->w);
}

static void put_key_real(qg_jsonw *w, const char *key, double v)
{
    qg_jsonw_key(w, key);
    qg_jsonw_real(w, v, REAL_PRECISION);
}

/* ---- entities ---- */

static const char *const entity_types[] = {"person", "organization", "group", "title"};

/* The name's bytes, before the NAME_CAP truncation. */
static void entity_name(const graph *g, const qg_entity *e, const char **s, size_t *n)
{
    const qg_doc *d = g->doc;
    if (e->canon != QG_NONE) {
        const char *c = qg_rules_str(g->rules, e->canon);
        *s = c ? c : "(null)";
        *n = strlen(*s);
        return;
    }
    const qg_mention *m = &d->mentions.items[e->name_mention];
    uint32_t f = m->first, l = m->last;
    if (m->kind == QG_MEN_NAME || m->name_first != QG_NONE) { /* an outlet: "Mehr news agency" */
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
    *s = d->text + tstart(d, f);
    *n = len;
}

/* Ids in first-mention order within each type, and each entity's mentions. */
static void collect_entities(graph *g)
{
    const qg_doc *d = g->doc;
    static const char prefixes[] = {'p', 'o', 'g'};
    uint32_t ne = d->entities.count, nm = d->mentions.count;
    g->entity_ids = qg_arena_alloc(g->arena, (ne + 1) * sizeof *g->entity_ids);
    g->ent_head = qg_arena_alloc(g->arena, (ne + 1) * sizeof *g->ent_head);
    g->ent_tail = qg_arena_alloc(g->arena, (ne + 1) * sizeof *g->ent_tail);
    g->men_next = qg_arena_alloc(g->arena, (nm + 1) * sizeof *g->men_next);
    for (uint32_t t = 0; t < 3; t++) {
        g->order[t] = qg_arena_alloc(g->arena, (ne + 1) * sizeof *g->order[t]);
        g->count[t] = 0;
    }
    for (uint32_t k = 0; k < nm; k++) {
        const qg_mention *m = &d->mentions.items[k];
        if (m->entity == QG_NONE)
            continue;
        uint32_t e = m->entity;
        uint32_t t = d->entities.items[e].type;
        if (t > QG_ENT_GROUP)
            continue;
        if (!g->entity_ids[e]) {
            g->entity_ids[e] = make_id(g->arena, prefixes[t], g->count[t] + 1);
            g->order[t][g->count[t]++] = e;
            g->ent_head[e] = k;
        } else {
            g->men_next[g->ent_tail[e]] = k;
        }
        g->ent_tail[e] = k;
        g->men_next[k] = QG_NONE;
    }
}

static void write_entities(const graph *g)
{
    const qg_doc *d = g->doc;
    qg_jsonw *w = g->w;
    for (uint32_t t = 0; t < 3; t++) {
        for (uint32_t n = 0; n < g->count[t]; n++) {
            uint32_t e = g->order[t][n];
            const qg_entity *ent = &d->entities.items[e];
            qg_jsonw_begin_object(w);
            put_key_string(w, "id", g->entity_ids[e]);
            put_key_string(w, "type", entity_types[t]);
            const char *name;
            size_t len;
            entity_name(g, ent, &name, &len);
            if (len > NAME_CAP - 1)
                len = NAME_CAP - 1;
            if (utf8_ok(name, len)) {
                qg_jsonw_key(w, "name");
                qg_jsonw_stringn(w, name, len);
            }
            if (t == QG_ENT_ORG && ent->outlet) {
                qg_jsonw_key(w, "outlet");
                qg_jsonw_bool(w, true);
            }
            qg_jsonw_key(w, "mentions");
            qg_jsonw_begin_array(w);
            for (uint32_t k = g->ent_head[e]; k != QG_NONE; k = g->men_next[k]) {
                const qg_mention *m = &d->mentions.items[k];
                put_mention(g, tstart(d, m->first), tend(d, m->last - 1));
            }
            qg_jsonw_end_array(w);
            qg_jsonw_end_object(w);
        }
    }
}

/* ---- titles ---- */

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

/* PERSON is the mention's entity (its id may be NULL). */
static void add_title(graph *g, uint32_t person, uint32_t f, uint32_t l, const char *kind, uint32_t rule)
{
    const qg_doc *d = g->doc;
    trim_title(d, &f, &l);
    if (f >= l)
        return;
    uint32_t s = tstart(d, f), e = tend(d, l - 1);
    /* One node per distinct wording (case-insensitive) in the document. */
    char key[NAME_CAP];
    size_t kn = qg_fold(d->text + s, e - s, key, sizeof key);
    if (kn == 0)
        return;
    uint32_t hash = str_hash(key, kn);
    str_slot *slot = str_table_slot(&g->titles_seen, key, (uint32_t)kn, hash);
    uint32_t ti;
    if (slot->key) {
        ti = slot->value;
        g->title_spans[g->titles[ti].tail].next = g->nspans;
    } else {
        ti = g->ntitles++;
        title_node *tn = &g->titles[ti];
        tn->id = make_id(g->arena, 't', ti + 1);
        tn->start = s;
        tn->end = e;
        tn->kind = kind;
        tn->head = g->nspans;
        /* A key that is not valid UTF-8 was never stored: such a title
         * got a node per mention. */
        if (utf8_ok(key, kn)) {
            slot->key = qg_arena_strndup(g->arena, key, kn);
            slot->len = (uint32_t)kn;
            slot->hash = hash;
            slot->value = ti;
        }
    }
    g->titles[ti].tail = g->nspans;
    g->title_spans[g->nspans++] = (span_link){s, e, QG_NONE};
    /* has_title once per (person, title); entities without an id share the
     * person key "(null)". */
    uint32_t pkey = (person < d->entities.count && g->entity_ids[person]) ? person : d->entities.count;
    if (!u64_set_add(&g->title_pairs, ((uint64_t)pkey + 1) << 32 | ti))
        return;
    g->title_edges[g->nedges++] = (title_edge){g->entity_ids[person], ti, rule};
}

/* Are tokens [F, L) all capitalized words (no possessive, no punctuation)? */
static bool capitalized_words(const qg_doc *d, uint32_t f, uint32_t l)
{
    for (uint32_t i = f; i < l; i++) {
        const qg_token *t = &d->tokens.items[i];
        if (t->kind != QG_TOK_WORD || !(t->flags & QG_TF_CAP) || (t->flags & QG_TF_POSS))
            return false;
    }
    return f < l;
}

/* Where "at" and a name begin in an apposition ("analyst at Crestline
 * Securities", "economist at the Halden Institute"), else L: the employer
 * is where the person works, not part of the office's name (unlike "of":
 * "commander of the IRGC"). */
static uint32_t employer_start(const qg_doc *d, uint32_t f, uint32_t l)
{
    for (uint32_t i = f + 1; i + 1 < l; i++) {
        if (!qg_tok_is(d, i, "at"))
            continue;
        uint32_t n = qg_tok_is(d, i + 1, "the") && i + 2 < l ? i + 2 : i + 1;
        if (d->tokens.items[n].kind == QG_TOK_WORD && (d->tokens.items[n].flags & QG_TF_CAP))
            return i;
    }
    return l;
}

/* Where the ranks and honorifics at the end of a title begin, so that
 * "Deputy Chief of Staff ... Brigadier General" splits into a role and a
 * rank: the earliest token from which honorific phrases (rules/honorifics.txt,
 * matched with their case) run to the end. Courtesy titles (Mr., Mrs.) and
 * name honorifics (Seyed) are no rank and are left out of it. */
static uint32_t rank_start(const graph *g, uint32_t first, uint32_t last, bool *courtesy)
{
    const qg_doc *d = g->doc;
    *courtesy = false;
    for (uint32_t k = first; k < last; k++) {
        uint32_t i = k;
        bool rank = false, office = true;
        while (i < last) {
            const qg_lex_entry *e = qg_rules_phrase(g->rules, d, i, last, QG_LEX_HONORIFIC);
            if (!e)
                break;
            if (e->attrs & (QG_HON_RANK | QG_HON_MILITARY | QG_HON_RELIGIOUS | QG_HON_POLITICAL))
                rank = true;
            if (!(e->attrs & QG_HON_POLITICAL) || (e->attrs & (QG_HON_MILITARY | QG_HON_RELIGIOUS)))
                office = false;
            i += e->ntok;
        }
        if (i == last) {
            if (!rank) {
                *courtesy = true; /* "Mr.", "Mrs.": no title at all */
                return k;
            }
            /* "Foreign Minister", "US President", "Syrian President": a
             * modifier or a country before the rank makes one title. */
            if (k > first) {
                const qg_token *p = &d->tokens.items[k - 1];
                const qg_lex_entry *o = qg_rules_tok(g->rules, d, k - 1, QG_LEX_ORG);
                if ((p->lex & QG_LEX_MODIFIER) || (p->flags & QG_TF_UPPER) ||
                    (o && (o->attrs & (QG_ORG_COUNTRY | QG_ORG_DEMONYM | QG_ORG_METONYM))))
                    return first;
                /* "Senate President", "Transportation Secretary", "Millbrook
                 * Mayor": capitalized words naming the body before a civil
                 * office are the office's name, not a role of their own. */
                if (office && capitalized_words(d, first, k))
                    return first;
            }
            return k;
        }
    }
    return last;
}

static void collect_titles(graph *g)
{
    const qg_doc *d = g->doc;
    /* At most three titles per name mention: role, rank, apposition. */
    uint32_t max = 0;
    for (uint32_t k = 0; k < d->mentions.count; k++) {
        const qg_mention *m = &d->mentions.items[k];
        if (m->kind == QG_MEN_NAME && m->entity != QG_NONE)
            max += 3;
    }
    g->titles = qg_arena_alloc(g->arena, (max + 1) * sizeof *g->titles);
    g->title_spans = qg_arena_alloc(g->arena, (max + 1) * sizeof *g->title_spans);
    g->title_edges = qg_arena_alloc(g->arena, (max + 1) * sizeof *g->title_edges);
    str_table_init(g->arena, &g->titles_seen, max);
    u64_set_init(g->arena, &g->title_pairs, max);
    for (uint32_t k = 0; k < d->mentions.count; k++) {
        const qg_mention *m = &d->mentions.items[k];
        if (m->kind != QG_MEN_NAME || m->entity == QG_NONE)
            continue;
        if (m->title_first != QG_NONE) {
            bool courtesy;
            uint32_t r = rank_start(g, m->title_first, m->title_last, &courtesy);
            add_title(g, m->entity, m->title_first, r, "role", QG_R_TITLE_PRENOMINAL);
            if (!courtesy)
                add_title(g, m->entity, r, m->title_last, "rank", QG_R_TITLE_PRENOMINAL);
        }
        if (m->appos_first != QG_NONE)
            add_title(g, m->entity, m->appos_first, employer_start(d, m->appos_first, m->appos_last), "role",
                      QG_R_TITLE_APPOSITIVE);
    }
}

/* member_of once per (person, organization): the organizations inside a
 * person's title or apposition, or inside a nominal that refers to the
 * person ("the IRGC commander"), flagged QG_MF_INNER; they sort right after
 * that mention and lie before the end of its apposition. */
static void collect_members(graph *g)
{
    const qg_doc *d = g->doc;
    uint32_t max = 0;
    for (uint32_t k = 0; k < d->mentions.count; k++)
        max += (d->mentions.items[k].flags & QG_MF_INNER) ? 1 : 0;
    g->members = qg_arena_alloc(g->arena, (2 * max + 1) * sizeof *g->members);
    u64_set_init(g->arena, &g->member_pairs, max);
    for (uint32_t k = 0; k < d->mentions.count && max; k++) {
        const qg_mention *m = &d->mentions.items[k];
        if ((m->kind != QG_MEN_NAME && m->kind != QG_MEN_NOMINAL) || m->entity == QG_NONE || !g->entity_ids[m->entity] ||
            d->entities.items[m->entity].type != QG_ENT_PERSON)
            continue;
        uint32_t end = m->appos_last != QG_NONE ? m->appos_last : m->last;
        for (uint32_t j = k + 1; j < d->mentions.count && d->mentions.items[j].first < end; j++) {
            const qg_mention *o = &d->mentions.items[j];
            if (!(o->flags & QG_MF_INNER) || o->entity == QG_NONE || !g->entity_ids[o->entity] ||
                d->entities.items[o->entity].type != QG_ENT_ORG)
                continue;
            if (!u64_set_add(&g->member_pairs, ((uint64_t)m->entity + 1) << 32 | o->entity))
                continue;
            g->members[2 * g->nmembers] = m->entity;
            g->members[2 * g->nmembers + 1] = o->entity;
            g->nmembers++;
        }
    }
}

static void write_titles(const graph *g)
{
    qg_jsonw *w = g->w;
    for (uint32_t i = 0; i < g->ntitles; i++) {
        const title_node *t = &g->titles[i];
        qg_jsonw_begin_object(w);
        put_key_string(w, "id", t->id);
        put_key_string(w, "type", "title");
        put_key_text(g, "name", t->start, t->end);
        put_key_string(w, "kind", t->kind);
        qg_jsonw_key(w, "mentions");
        qg_jsonw_begin_array(w);
        for (uint32_t k = t->head; k != QG_NONE; k = g->title_spans[k].next)
            put_mention(g, g->title_spans[k].start, g->title_spans[k].end);
        qg_jsonw_end_array(w);
        qg_jsonw_end_object(w);
    }
}

static void write_title_edges(const graph *g)
{
    qg_jsonw *w = g->w;
    for (uint32_t i = 0; i < g->nedges; i++) {
        const title_edge *te = &g->title_edges[i];
        qg_jsonw_begin_object(w);
        put_key_string(w, "type", "has_title");
        put_key_string_checked(w, "from", te->from);
        put_key_string(w, "to", g->titles[te->title].id);
        put_key_string(w, "rule", qg_rule(te->rule)->id);
        put_key_real(w, "confidence", te->rule == QG_R_TITLE_PRENOMINAL ? 0.9 : 0.8);
        qg_jsonw_end_object(w);
    }
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

/* One node per distinct value (a null value gets a node of its own). */
static void collect_dates(graph *g)
{
    const qg_doc *d = g->doc;
    static const char *const grans[] = {NULL, "year", "month", "day"};
    uint32_t nt = d->timexes.count;
    g->dates = qg_arena_alloc(g->arena, (nt + 1) * sizeof *g->dates);
    g->date_node_of = qg_arena_alloc(g->arena, (nt + 1) * sizeof *g->date_node_of);
    g->date_next = qg_arena_alloc(g->arena, (nt + 1) * sizeof *g->date_next);
    str_table by_value;
    str_table_init(g->arena, &by_value, nt);
    for (uint32_t k = 0; k < nt; k++) {
        const qg_timex *t = &d->timexes.items[k];
        char value[DATE_CAP];
        date_value(t, value, sizeof value);
        size_t vn = strlen(value);
        uint32_t hash = str_hash(value, vn);
        str_slot *slot = vn ? str_table_slot(&by_value, value, (uint32_t)vn, hash) : NULL;
        uint32_t di;
        if (slot && slot->key) {
            di = slot->value;
            g->date_next[g->dates[di].tail] = k;
        } else {
            di = g->ndates++;
            date_node *n = &g->dates[di];
            n->id = make_id(g->arena, 'd', di + 1);
            memcpy(n->value, value, vn + 1);
            n->granularity = t->granularity <= QG_GRAN_DAY ? grans[t->granularity] : NULL;
            n->head = k;
            if (slot) {
                slot->key = n->value;
                slot->len = (uint32_t)vn;
                slot->hash = hash;
                slot->value = di;
            }
        }
        g->dates[di].tail = k;
        g->date_next[k] = QG_NONE;
        g->date_node_of[k] = di;
    }
}

static void write_dates(const graph *g)
{
    const qg_doc *d = g->doc;
    qg_jsonw *w = g->w;
    for (uint32_t i = 0; i < g->ndates; i++) {
        const date_node *n = &g->dates[i];
        qg_jsonw_begin_object(w);
        put_key_string(w, "id", n->id);
        put_key_string(w, "type", "date");
        qg_jsonw_key(w, "value");
        if (n->value[0])
            qg_jsonw_string(w, n->value);
        else
            qg_jsonw_null(w);
        qg_jsonw_key(w, "granularity");
        if (n->granularity)
            qg_jsonw_string(w, n->granularity);
        else
            qg_jsonw_null(w);
        qg_jsonw_key(w, "mentions");
        qg_jsonw_begin_array(w);
        for (uint32_t k = n->head; k != QG_NONE; k = g->date_next[k]) {
            const qg_timex *t = &d->timexes.items[k];
            put_mention(g, tstart(d, t->first), tend(d, t->last - 1));
        }
        qg_jsonw_end_array(w);
        qg_jsonw_end_object(w);
    }
}

/* ---- statements ---- */

static const char *const kinds[] = {"direct", "mixed", "indirect"};

static void write_statement_nodes(const graph *g, char **sids)
{
    const qg_doc *d = g->doc;
    qg_jsonw *w = g->w;
    for (uint32_t k = 0; k < d->statements.count; k++) {
        const qg_statement *s = &d->statements.items[k];
        sids[k] = make_id(g->arena, 's', k + 1);
        qg_jsonw_begin_object(w);
        put_key_string(w, "id", sids[k]);
        put_key_string(w, "type", "statement");
        put_key_string(w, "kind", kinds[s->kind < 3 ? s->kind : 2]);
        put_key_span(g, "span", s->start, s->end);
        put_key_text(g, "text", s->start, s->end);
        put_key_string(w, "rule", qg_rule(s->rule)->id);
        qg_jsonw_end_object(w);
    }
}

static void write_said_edge(const graph *g, const qg_statement *s, uint32_t speaker, uint32_t source,
                            const char *sid)
{
    const qg_doc *d = g->doc;
    qg_jsonw *w = g->w;
    qg_jsonw_begin_object(w);
    put_key_string(w, "type", "said");
    put_key_string(w, "from", g->entity_ids[speaker]);
    put_key_string(w, "to", sid);
    put_key_string(w, "rule", qg_rule(s->rule)->id);
    put_key_real(w, "confidence", s->confidence / 1000.0);
    qg_jsonw_key(w, "source");
    if (source != QG_NONE) {
        const qg_mention *m = &d->mentions.items[source];
        uint32_t last = (source == s->source && s->source_last != QG_NONE) ? s->source_last : m->last;
        put_mention(g, tstart(d, m->first), tend(d, last - 1));
    } else {
        qg_jsonw_null(w);
    }
    qg_jsonw_key(w, "cue");
    if (s->cue_first != QG_NONE)
        put_mention(g, tstart(d, s->cue_first), tend(d, s->cue_last - 1));
    else
        qg_jsonw_null(w);
    qg_jsonw_end_object(w);
}

static void write_link_edge(const graph *g, const char *type, const char *from, const char *to,
                            uint32_t rule, double conf)
{
    qg_jsonw *w = g->w;
    qg_jsonw_begin_object(w);
    put_key_string(w, "type", type);
    put_key_string(w, "from", from);
    put_key_string(w, "to", to);
    put_key_string(w, "rule", qg_rule(rule)->id);
    put_key_real(w, "confidence", conf);
    qg_jsonw_end_object(w);
}

static void write_member_edges(const graph *g)
{
    for (uint32_t i = 0; i < g->nmembers; i++)
        write_link_edge(g, "member_of", g->entity_ids[g->members[2 * i]], g->entity_ids[g->members[2 * i + 1]],
                        QG_R_MEMBER_OF_TITLE, 0.8);
}

static void write_statement_edges(const graph *g, char *const *sids)
{
    const qg_doc *d = g->doc;
    for (uint32_t k = 0; k < d->statements.count; k++) {
        const qg_statement *s = &d->statements.items[k];
        const char *sid = sids[k];
        if (s->speaker != QG_NONE && g->entity_ids[s->speaker])
            write_said_edge(g, s, s->speaker, s->source, sid);
        if (s->speaker2 != QG_NONE && g->entity_ids[s->speaker2] && s->speaker2 != s->speaker)
            write_said_edge(g, s, s->speaker2, s->source2, sid);
        if (s->date != QG_NONE && g->dates[g->date_node_of[s->date]].id)
            write_link_edge(g, "said_on", sid, g->dates[g->date_node_of[s->date]].id, s->date_rule,
                            s->date_rule == QG_R_DATE_CLAUSE ? 0.8 : 0.5);
        if (s->outlet != QG_NONE && g->entity_ids[s->outlet])
            write_link_edge(g, "reported_by", sid, g->entity_ids[s->outlet], s->outlet_rule,
                            s->outlet_rule == QG_R_OUTLET_CLAUSE ? 0.85 : 0.6);
    }
}

static void write_doc(qg_jsonw *w, const qg_doc *d)
{
    qg_jsonw_begin_object(w);
    put_key_string_checked(w, "id", d->id);
    put_key_string_or_null(w, "source", d->source);
    qg_jsonw_key(w, "date");
    if (d->date.year) {
        char buf[16];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->date.year, d->date.month, d->date.day);
        qg_jsonw_string(w, buf);
    } else {
        qg_jsonw_null(w);
    }
    qg_jsonw_key(w, "length");
    qg_jsonw_int(w, (long long)qg_doc_cp(d, d->len));
    qg_jsonw_end_object(w);
}

/* jsonw's growth in the arena: the old buffer is simply abandoned. */
static void *arena_grow(void *ctx, void *old, size_t len, size_t new_cap)
{
    return qg_arena_grow(ctx, old, len, new_cap, 1);
}

int qg_write_graph(const qg_doc *doc, const qg_rules *rules, FILE *out)
{
    /* A record runs to about five times the text (mention texts, spans,
     * keys); the buffer doubles in the arena when that is not enough. */
    size_t cap = (size_t)doc->len * 6 + 4096;
    qg_jsonw w;
    qg_jsonw_init(&w, qg_arena_alloc_raw(doc->arena, cap), cap, arena_grow, doc->arena);
    graph g;
    memset(&g, 0, sizeof g);
    g.doc = doc;
    g.rules = rules;
    g.arena = doc->arena;
    g.w = &w;
    collect_entities(&g);
    collect_titles(&g);
    collect_members(&g);
    collect_dates(&g);
    char **sids = qg_arena_alloc(doc->arena, (doc->statements.count + 1) * sizeof *sids);

    qg_jsonw_begin_object(&w);
    put_key_string(&w, "schema", QG_SCHEMA);
    qg_jsonw_key(&w, "doc");
    write_doc(&w, doc);
    qg_jsonw_key(&w, "nodes");
    qg_jsonw_begin_array(&w);
    write_entities(&g);
    write_titles(&g);
    write_dates(&g);
    write_statement_nodes(&g, sids);
    qg_jsonw_end_array(&w);
    qg_jsonw_key(&w, "edges");
    qg_jsonw_begin_array(&w);
    write_title_edges(&g);
    write_member_edges(&g);
    write_statement_edges(&g, sids);
    qg_jsonw_end_array(&w);
    qg_jsonw_end_object(&w);
    qg_jsonw_raw(&w, "\n", 1);
    return qg_jsonw_flush(&w, out);
}

int qg_write_error(const char *id, const char *source, const qg_error *err, FILE *out)
{
    /* Error records are small: the stack, with the heap as a fallback. */
    char stack[2048];
    qg_jsonw w;
    qg_jsonw_init(&w, stack, sizeof stack, NULL, NULL);
    qg_jsonw_begin_object(&w);
    put_key_string(&w, "schema", QG_SCHEMA);
    qg_jsonw_key(&w, "doc");
    qg_jsonw_begin_object(&w);
    put_key_string_checked(&w, "id", id ? id : "");
    put_key_string_or_null(&w, "source", source);
    qg_jsonw_key(&w, "date");
    qg_jsonw_null(&w);
    qg_jsonw_key(&w, "length");
    qg_jsonw_null(&w);
    qg_jsonw_end_object(&w);
    qg_jsonw_key(&w, "error");
    qg_jsonw_begin_object(&w);
    put_key_string_checked(&w, "code", qg_status_code(err->status));
    put_key_string_checked(&w, "message", err->message);
    if (err->offset >= 0) {
        qg_jsonw_key(&w, "offset");
        qg_jsonw_int(&w, err->offset);
    }
    qg_jsonw_end_object(&w);
    qg_jsonw_end_object(&w);
    qg_jsonw_raw(&w, "\n", 1);
    int rc = qg_jsonw_flush(&w, out);
    qg_jsonw_free(&w);
    return rc;
}
