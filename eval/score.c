/* score.c - load gold and quotegraph/1 predictions, match them, count.
 * Reads JSON lines with jansson into plain structs; qg_eval_score does the
 * one-to-one matching per document and fills the figures read by report.c. */
#include "score.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    long s, e; /* s < 0: null */
} span;

/* A set of normalized names (norm_name), in insertion order. */
typedef struct {
    char **v;
    size_t n, cap;
} name_set;

typedef struct {
    span content, source, cue;
    int direct;
    char *speaker;         /* NULL: null speaker */
    name_set names;        /* normalized speaker name and the aliases of that person */
    int has_date;          /* the gold gives "date" (maybe null) */
    char *date;            /* NULL: null or absent */
    int has_reported_by;   /* the gold gives "reported_by" (maybe null) */
    name_set reported_by;  /* the name and its aliases; empty: null or absent */
} gold_attr;

typedef struct {
    name_set names;  /* normalized name (first) and aliases */
    name_set titles; /* normalized titles */
} gold_person;

typedef struct {
    span sp;
    char *value; /* NULL: null */
} gold_date;

typedef struct {
    char *id, *file;
    int line;
    char *text;
    size_t text_bytes;
    uint32_t *cp;  /* code points of text */
    size_t *boff;  /* byte offset of each code point, ncp + 1 entries */
    size_t ncp;
    gold_attr *attrs;
    size_t nattrs;
    int has_people, has_dates; /* the gold gives "people" / "dates" */
    gold_person *people;
    size_t npeople;
    gold_date *dates;
    size_t ndates;
} gold_doc;

typedef struct {
    char *id, *type, *name;
    char *name_norm;
    char **mentions; /* normalized mention texts */
    size_t nmentions;
} entity;

typedef struct {
    span content, source, cue;
    int direct;
    const char *kind;  /* static string */
    char *stmt_id;
    long speaker;      /* index into entities, -1: none */
    char *rule;
    size_t stmt_index, edge_index; /* tie-breakers for a stable order */
    long date;         /* the statement's said_on date, index into dates; -1: none */
    long reporter;     /* the statement's reported_by target, index into ents; -1: none */
} pred_attr;

/* One mention of a date node: a predicted date expression. */
typedef struct {
    span sp;
    size_t node; /* index into pred_doc.dates */
} date_mention;

/* A has_title edge, as entity indexes. */
typedef struct {
    size_t person, title;
} title_link;

typedef struct {
    char *id, *file;
    int line;
    long length;      /* doc.length, -1 if absent */
    int is_error;
    char *err_code, *err_message;
    entity *ents;
    size_t nents;
    pred_attr *attrs;
    size_t nattrs;
    char **dates;      /* value of each date node; NULL: null */
    size_t ndates;
    date_mention *dmentions;
    size_t ndmentions, capdmentions;
    title_link *titled;
    size_t ntitled, captitled;
    size_t said_on_edges, said_on_inherited;
} pred_doc;

struct qg_eval {
    gold_doc *gold;
    size_t ngold, capgold;
    json_t *gold_ids; /* id -> index, to find duplicates and pair documents */
    pred_doc *pred;
    size_t npred, cappred;
    json_t *pred_ids;

    /* results of qg_eval_score */
    qg_eval_doc_result *results;
    qg_eval_metrics totals;
    qg_eval_mismatch *mm;
    size_t nmm, capmm;
    qg_eval_error *warn;
    size_t nwarn, capwarn;
    size_t missing, error_records;
};

/* ---- small helpers ---------------------------------------------------- */

static int grow(void **arr, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(*arr, ncap * elsize);
    if (!p)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

static char *dupstr(const char *s)
{
    return s ? strdup(s) : NULL;
}

__attribute__((format(printf, 4, 5))) static void set_error(qg_eval_error *err, const char *file, int line,
                                                          const char *fmt, ...)
{
    if (!err)
        return;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
}

/* Decode one UTF-8 sequence at s[*i] (n bytes in all).  jansson hands us
 * valid UTF-8, but strings are decoded defensively: a bad byte is U+FFFD. */
static uint32_t utf8_next(const char *s, size_t n, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[*i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || *i + len > n) {
        (*i)++;
        return 0xFFFD;
    }
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < len; k++) {
        if ((u[*i + k] & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[*i + k] & 0x3Fu);
    }
    *i += len;
    return cp;
}

static size_t utf8_put(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int is_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* What span comparison ignores at either end: where quote marks and final
 * punctuation go is an annotation convention, not a pipeline error. */
static int is_trimmed(uint32_t c)
{
    switch (c) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0xAB: case 0xBB: case '.': case ',': case ';': case ':':
        return 1;
    default:
        return is_space(c);
    }
}

/* Names compare case-insensitively (ASCII and Latin-1), with runs of white
 * space collapsed and ’ read as '.  Returns a new string or NULL (no memory). */
static char *norm_name(const char *s)
{
    size_t n = strlen(s), i = 0, o = 0;
    char *out = malloc(n * 2 + 1); /* lower-casing never needs more than 2x */
    if (!out)
        return NULL;
    int pending_space = 0;
    while (i < n) {
        uint32_t c = utf8_next(s, n, &i);
        if (is_space(c)) {
            pending_space = o > 0;
            continue;
        }
        if (c == 0x2019)
            c = '\'';
        else if (c >= 'A' && c <= 'Z')
            c += 32;
        else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
            c += 32;
        if (pending_space)
            out[o++] = ' ';
        pending_space = 0;
        o += utf8_put(out + o, c);
    }
    out[o] = '\0';
    return out;
}

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void name_set_free(name_set *s)
{
    free_strv(s->v, s->n);
    memset(s, 0, sizeof *s);
}

/* Is the normalized name in s? */
static int name_set_has(const name_set *s, const char *norm)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], norm) == 0)
            return 1;
    return 0;
}

/* Adds raw, normalized, unless it is there already.  Returns 0 or -1 (no memory). */
static int name_set_add(name_set *s, const char *raw)
{
    char *nn = norm_name(raw);
    if (!nn)
        return -1;
    if (name_set_has(s, nn)) {
        free(nn);
        return 0;
    }
    if (grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v) < 0) {
        free(nn);
        return -1;
    }
    s->v[s->n++] = nn;
    return 0;
}

/* ---- reading lines ---------------------------------------------------- */

typedef struct {
    char *data;
    size_t len;
} buffer;

static int read_stream(FILE *fp, buffer *b)
{
    size_t cap = 0;
    b->data = NULL;
    b->len = 0;
    for (;;) {
        if (grow((void **)&b->data, &cap, b->len + 65536, 1) < 0)
            return -1;
        size_t got = fread(b->data + b->len, 1, cap - b->len, fp);
        b->len += got;
        if (got == 0)
            break;
    }
    return ferror(fp) ? -1 : 0;
}

typedef int (*line_fn)(void *ctx, json_t *root, const char *name, int line, qg_eval_error *err);

/* Calls fn for each non-blank line parsed as JSON; stops at the first error. */
static int each_json_line(const char *data, size_t len, const char *name, line_fn fn, void *ctx,
                          qg_eval_error *err)
{
    size_t pos = 0;
    int line = 0;
    while (pos < len) {
        const char *start = data + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        line++;
        size_t k = n;
        while (k > 0 && (start[k - 1] == '\r' || start[k - 1] == ' ' || start[k - 1] == '\t'))
            k--;
        size_t j = 0;
        while (j < k && (start[j] == ' ' || start[j] == '\t'))
            j++;
        if (j == k)
            continue;
        json_error_t jerr;
        json_t *root = json_loadb(start, k, JSON_REJECT_DUPLICATES, &jerr);
        if (!root) {
            set_error(err, name, line, "invalid JSON at column %d: %s", jerr.column, jerr.text);
            return -1;
        }
        int rc = fn(ctx, root, name, line, err);
        json_decref(root);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* ---- JSON field helpers ----------------------------------------------- */

/* Parses [s, e] with 0 <= s <= e <= max (max < 0: no upper bound); JSON null
 * or an absent value gives the null span when nullable.  Returns 0 or -1. */
static int get_span(json_t *v, int nullable, long max, span *out, char *why, size_t whylen)
{
    out->s = out->e = -1;
    if (!v || json_is_null(v)) {
        if (nullable)
            return 0;
        snprintf(why, whylen, "missing span");
        return -1;
    }
    json_t *a, *b;
    if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_integer(a = json_array_get(v, 0)) ||
        !json_is_integer(b = json_array_get(v, 1))) {
        snprintf(why, whylen, "a span must be [start, end] with integers");
        return -1;
    }
    json_int_t s = json_integer_value(a), e = json_integer_value(b);
    if (s < 0 || e < s || (max >= 0 && e > max)) {
        if (max >= 0)
            snprintf(why, whylen, "span [%lld, %lld] is not within the text (length %ld)",
                     (long long)s, (long long)e, max);
        else
            snprintf(why, whylen, "span [%lld, %lld] is invalid", (long long)s, (long long)e);
        return -1;
    }
    out->s = (long)s;
    out->e = (long)e;
    return 0;
}

/* A string member; NULL if absent or not a string. */
static const char *get_str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

/* ---- gold ------------------------------------------------------------- */

static void gold_doc_clear(gold_doc *d)
{
    free(d->id);
    free(d->file);
    free(d->text);
    free(d->cp);
    free(d->boff);
    for (size_t i = 0; i < d->nattrs; i++) {
        free(d->attrs[i].speaker);
        name_set_free(&d->attrs[i].names);
        free(d->attrs[i].date);
        name_set_free(&d->attrs[i].reported_by);
    }
    free(d->attrs);
    for (size_t i = 0; i < d->npeople; i++) {
        name_set_free(&d->people[i].names);
        name_set_free(&d->people[i].titles);
    }
    free(d->people);
    for (size_t i = 0; i < d->ndates; i++)
        free(d->dates[i].value);
    free(d->dates);
    memset(d, 0, sizeof *d);
}

typedef struct {
    qg_eval *ev;
    gold_doc *docs;
    size_t n, cap;
    json_t *ids; /* ids of this batch */
} gold_batch;

/* Checks that *_text, when given, is the text under the span: it catches
 * byte offsets and off-by-one spans in hand-made gold. */
static int check_text(const gold_doc *d, json_t *a, const char *key, span sp)
{
    const char *t = get_str(a, key);
    if (!t || sp.s < 0)
        return 0;
    size_t b0 = d->boff[sp.s], b1 = d->boff[sp.e];
    return strlen(t) == b1 - b0 && memcmp(t, d->text + b0, b1 - b0) == 0 ? 0 : -1;
}

/* Adds name, normalized, and the aliases of the gold person of that name
 * to out: how a speaker or an intermediary may be named. */
static int person_names(name_set *out, const char *name, json_t *people)
{
    if (name_set_add(out, name) < 0)
        return -1;
    size_t i;
    json_t *p;
    json_array_foreach(people, i, p) {
        const char *pname = get_str(p, "name");
        if (!pname)
            continue;
        char *pn = norm_name(pname);
        if (!pn)
            return -1;
        int same = strcmp(pn, out->v[0]) == 0;
        free(pn);
        if (!same)
            continue;
        size_t k;
        json_t *al;
        json_array_foreach(json_object_get(p, "aliases"), k, al)
            if (json_is_string(al) && name_set_add(out, json_string_value(al)) < 0)
                return -1;
    }
    return 0;
}

/* A string or null under key; absent gives *present = 0.  Returns -1 for
 * any other type or no memory (*oom set). */
static int get_opt_str(json_t *obj, const char *key, int *present, char **out, int *oom)
{
    json_t *v = json_object_get(obj, key);
    *present = v != NULL;
    *out = NULL;
    *oom = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    if (!(*out = dupstr(json_string_value(v)))) {
        *oom = 1;
        return -1;
    }
    return 0;
}

/* people[]: each named person with the aliases and titles to score titles
 * by.  Entries without a string name are skipped. */
static int gold_people(gold_doc *d, json_t *people)
{
    d->has_people = json_is_array(people);
    d->people = calloc(json_array_size(people) + 1, sizeof *d->people);
    if (!d->people)
        return -1;
    size_t i;
    json_t *p;
    json_array_foreach(people, i, p) {
        const char *name = get_str(p, "name");
        if (!name)
            continue;
        gold_person *gp = &d->people[d->npeople++];
        if (name_set_add(&gp->names, name) < 0)
            return -1;
        size_t k;
        json_t *v;
        json_array_foreach(json_object_get(p, "aliases"), k, v)
            if (json_is_string(v) && name_set_add(&gp->names, json_string_value(v)) < 0)
                return -1;
        json_array_foreach(json_object_get(p, "titles"), k, v)
            if (json_is_string(v) && name_set_add(&gp->titles, json_string_value(v)) < 0)
                return -1;
    }
    return 0;
}

/* dates[]: {span, text, value}.  Fills why and returns -1 on bad input. */
static int gold_dates(gold_doc *d, json_t *dates, char *why, size_t whylen)
{
    d->has_dates = 1;
    d->dates = calloc(json_array_size(dates) + 1, sizeof *d->dates);
    if (!d->dates) {
        snprintf(why, whylen, "out of memory");
        return -1;
    }
    size_t i;
    json_t *x;
    json_array_foreach(dates, i, x) {
        gold_date *gd = &d->dates[d->ndates];
        char w[160];
        if (!json_is_object(x)) {
            snprintf(why, whylen, "date %zu is not an object", i);
            return -1;
        }
        if (get_span(json_object_get(x, "span"), 0, (long)d->ncp, &gd->sp, w, sizeof w) < 0) {
            snprintf(why, whylen, "date %zu: span: %s", i, w);
            return -1;
        }
        if (check_text(d, x, "text", gd->sp) < 0) {
            snprintf(why, whylen, "date %zu: text does not match the text at [%ld, %ld]", i, gd->sp.s, gd->sp.e);
            return -1;
        }
        int present, oom;
        if (get_opt_str(x, "value", &present, &gd->value, &oom) < 0 || !present) {
            snprintf(why, whylen, oom ? "out of memory" : "date %zu: \"value\" must be a string or null", i);
            return -1;
        }
        d->ndates++;
    }
    return 0;
}

static int gold_line(void *ctx, json_t *root, const char *name, int line, qg_eval_error *err)
{
    gold_batch *gb = ctx;
    gold_doc d;
    memset(&d, 0, sizeof d);
    char why[200] = "";
    int rc = -1;

    const char *id = get_str(root, "id");
    json_t *jtext = json_object_get(root, "text");
    json_t *jattrs = json_object_get(root, "attributions");
    json_t *people = json_object_get(root, "people"), *dates = json_object_get(root, "dates");
    if (!json_is_object(root)) {
        set_error(err, name, line, "a gold line must be a JSON object");
        goto out;
    }
    if (!id || !*id || strlen(id) != json_string_length(json_object_get(root, "id"))) {
        set_error(err, name, line, "\"id\" must be a non-empty string");
        goto out;
    }
    if (json_object_get(gb->ev->gold_ids, id) || json_object_get(gb->ids, id)) {
        set_error(err, name, line, "duplicate document id \"%s\"", id);
        goto out;
    }
    if (!json_is_string(jtext)) {
        set_error(err, name, line, "document \"%s\": \"text\" must be a string", id);
        goto out;
    }
    if (!json_is_array(jattrs)) {
        set_error(err, name, line, "document \"%s\": \"attributions\" must be an array", id);
        goto out;
    }
    if (people && !json_is_null(people) && !json_is_array(people)) {
        set_error(err, name, line, "document \"%s\": \"people\" must be an array", id);
        goto out;
    }
    if (dates && !json_is_null(dates) && !json_is_array(dates)) {
        set_error(err, name, line, "document \"%s\": \"dates\" must be an array", id);
        goto out;
    }

    d.id = dupstr(id);
    d.file = dupstr(name);
    d.line = line;
    d.text_bytes = json_string_length(jtext);
    d.text = malloc(d.text_bytes + 1);
    d.cp = malloc((d.text_bytes + 1) * sizeof *d.cp);
    d.boff = malloc((d.text_bytes + 1) * sizeof *d.boff);
    d.attrs = calloc(json_array_size(jattrs) + 1, sizeof *d.attrs);
    if (!d.id || !d.file || !d.text || !d.cp || !d.boff || !d.attrs) {
        set_error(err, name, line, "out of memory");
        goto out;
    }
    memcpy(d.text, json_string_value(jtext), d.text_bytes);
    d.text[d.text_bytes] = '\0';
    for (size_t i = 0; i < d.text_bytes;) {
        d.boff[d.ncp] = i;
        d.cp[d.ncp++] = utf8_next(d.text, d.text_bytes, &i);
    }
    d.boff[d.ncp] = d.text_bytes;
    if (gold_people(&d, people) < 0) {
        set_error(err, name, line, "out of memory");
        goto out;
    }
    if (json_is_array(dates) && gold_dates(&d, dates, why, sizeof why) < 0) {
        set_error(err, name, line, "document \"%s\": %s", id, why);
        goto out;
    }

    size_t i;
    json_t *a;
    json_array_foreach(jattrs, i, a) {
        gold_attr *ga = &d.attrs[d.nattrs];
        json_t *sp = json_object_get(a, "speaker"), *dir = json_object_get(a, "direct");
        if (!json_is_object(a)) {
            set_error(err, name, line, "document \"%s\": attribution %zu is not an object", id, i);
            goto out;
        }
        d.nattrs++; /* from here on, ga is freed with d */
        static const char *const keys[3] = {"content", "source", "cue"};
        span *spans[3] = {&ga->content, &ga->source, &ga->cue};
        for (int k = 0; k < 3; k++) {
            if (get_span(json_object_get(a, keys[k]), k > 0, (long)d.ncp, spans[k], why, sizeof why) < 0) {
                set_error(err, name, line, "document \"%s\": attribution %zu: %s: %s", id, i, keys[k], why);
                goto out;
            }
            char tkey[32];
            snprintf(tkey, sizeof tkey, "%s_text", keys[k]);
            if (check_text(&d, a, tkey, *spans[k]) < 0) {
                set_error(err, name, line, "document \"%s\": attribution %zu: %s does not match the text at [%ld, %ld]",
                          id, i, tkey, spans[k]->s, spans[k]->e);
                goto out;
            }
        }
        if (!json_is_boolean(dir)) {
            set_error(err, name, line, "document \"%s\": attribution %zu: \"direct\" must be true or false", id, i);
            goto out;
        }
        ga->direct = json_is_true(dir);
        if (!sp || (!json_is_null(sp) && !json_is_string(sp))) {
            set_error(err, name, line, "document \"%s\": attribution %zu: \"speaker\" must be a string or null", id, i);
            goto out;
        }
        if (json_is_string(sp)) {
            ga->speaker = dupstr(json_string_value(sp));
            if (!ga->speaker || person_names(&ga->names, ga->speaker, people) < 0) {
                set_error(err, name, line, "out of memory");
                goto out;
            }
        }
        char *rb = NULL;
        static const char *const opt[2] = {"date", "reported_by"};
        for (int k = 0; k < 2; k++) {
            int oom, rc2 = k == 0 ? get_opt_str(a, opt[k], &ga->has_date, &ga->date, &oom)
                                  : get_opt_str(a, opt[k], &ga->has_reported_by, &rb, &oom);
            if (rc2 < 0 && oom)
                set_error(err, name, line, "out of memory");
            else if (rc2 < 0)
                set_error(err, name, line, "document \"%s\": attribution %zu: \"%s\" must be a string or null", id,
                          i, opt[k]);
            if (rc2 < 0)
                goto out;
        }
        if (rb) {
            int rc2 = person_names(&ga->reported_by, rb, people);
            free(rb);
            if (rc2 < 0) {
                set_error(err, name, line, "out of memory");
                goto out;
            }
        }
    }

    if (grow((void **)&gb->docs, &gb->cap, gb->n + 1, sizeof *gb->docs) < 0 ||
        json_object_set_new(gb->ids, id, json_integer((json_int_t)gb->n)) < 0) {
        set_error(err, name, line, "out of memory");
        goto out;
    }
    gb->docs[gb->n++] = d;
    memset(&d, 0, sizeof d);
    rc = 0;
out:
    gold_doc_clear(&d);
    return rc;
}

static int load_gold_buffer(qg_eval *ev, const char *data, size_t len, const char *name, qg_eval_error *err)
{
    gold_batch gb = {ev, NULL, 0, 0, json_object()};
    int rc = -1;
    if (!gb.ids) {
        set_error(err, name, 0, "out of memory");
        goto out;
    }
    if (each_json_line(data, len, name, gold_line, &gb, err) < 0)
        goto out;
    if (grow((void **)&ev->gold, &ev->capgold, ev->ngold + gb.n, sizeof *ev->gold) < 0) {
        set_error(err, name, 0, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < gb.n; i++) {
        if (json_object_set_new(ev->gold_ids, gb.docs[i].id, json_integer((json_int_t)(ev->ngold + i))) < 0) {
            for (size_t k = 0; k < i; k++) /* keep the index and the array in step */
                json_object_del(ev->gold_ids, gb.docs[k].id);
            set_error(err, name, 0, "out of memory");
            goto out;
        }
    }
    if (gb.n) /* both may be NULL when there is nothing to add */
        memcpy(ev->gold + ev->ngold, gb.docs, gb.n * sizeof *gb.docs);
    ev->ngold += gb.n;
    gb.n = 0;
    rc = 0;
out:
    for (size_t i = 0; i < gb.n; i++)
        gold_doc_clear(&gb.docs[i]);
    free(gb.docs);
    json_decref(gb.ids);
    return rc;
}

/* ---- predictions ------------------------------------------------------ */

static void pred_doc_clear(pred_doc *d)
{
    free(d->id);
    free(d->file);
    free(d->err_code);
    free(d->err_message);
    for (size_t i = 0; i < d->nents; i++) {
        entity *e = &d->ents[i];
        free(e->id);
        free(e->type);
        free(e->name);
        free(e->name_norm);
        free_strv(e->mentions, e->nmentions);
    }
    free(d->ents);
    for (size_t i = 0; i < d->nattrs; i++) {
        free(d->attrs[i].stmt_id);
        free(d->attrs[i].rule);
    }
    free(d->attrs);
    free_strv(d->dates, d->ndates);
    free(d->dmentions);
    free(d->titled);
    memset(d, 0, sizeof *d);
}

typedef struct {
    qg_eval *ev;
    pred_doc *docs;
    size_t n, cap;
    json_t *ids;
} pred_batch;

static const char *const entity_types[] = {"person", "organization", "group", "title"};

static int parse_entity(entity *e, json_t *node, const char *id, const char *type, char *why, size_t whylen)
{
    const char *name = get_str(node, "name");
    int known = 0;
    for (size_t k = 0; k < sizeof entity_types / sizeof *entity_types; k++)
        known |= strcmp(type, entity_types[k]) == 0;
    if (known && !name) {
        snprintf(why, whylen, "node \"%s\": a %s needs a string \"name\"", id, type);
        return -1;
    }
    e->id = dupstr(id);
    e->type = dupstr(type);
    e->name = dupstr(name ? name : "");
    e->name_norm = norm_name(name ? name : "");
    if (!e->id || !e->type || !e->name || !e->name_norm)
        goto oom;
    json_t *ms = json_object_get(node, "mentions");
    if (ms && !json_is_null(ms) && !json_is_array(ms)) {
        snprintf(why, whylen, "node \"%s\": \"mentions\" must be an array", id);
        return -1;
    }
    e->mentions = calloc(json_array_size(ms) + 1, sizeof *e->mentions);
    if (!e->mentions)
        goto oom;
    size_t i;
    json_t *m;
    json_array_foreach(ms, i, m) {
        const char *t = get_str(m, "text");
        if (!t) {
            snprintf(why, whylen, "node \"%s\": mention %zu needs a string \"text\"", id, i);
            return -1;
        }
        if (!(e->mentions[e->nmentions] = norm_name(t)))
            goto oom;
        e->nmentions++;
    }
    return 0;
oom:
    snprintf(why, whylen, "out of memory");
    return -1;
}

/* Node bookkeeping while reading one record: statement nodes keep their
 * span and kind until the said edges are known. */
typedef struct {
    const char *id; /* borrowed from the JSON */
    int is_statement, is_date;
    long ent;       /* index into ents */
    long date;      /* index into dates */
    span content;
    const char *kind;
    int has_said;
    long said_on;     /* statements: index into dates, -1: none */
    long reported_by; /* statements: index into ents, -1: none */
} node_info;

/* A date node: its value and its mentions, each a predicted expression. */
static int parse_date(pred_doc *d, json_t *node, const char *id, char *why, size_t whylen)
{
    json_t *v = json_object_get(node, "value"), *ms = json_object_get(node, "mentions");
    if (v && !json_is_null(v) && !json_is_string(v)) {
        snprintf(why, whylen, "node \"%s\": \"value\" must be a string or null", id);
        return -1;
    }
    if (ms && !json_is_null(ms) && !json_is_array(ms)) {
        snprintf(why, whylen, "node \"%s\": \"mentions\" must be an array", id);
        return -1;
    }
    char *value = json_is_string(v) ? dupstr(json_string_value(v)) : NULL;
    if (json_is_string(v) && !value)
        goto oom;
    d->dates[d->ndates++] = value;
    size_t i;
    json_t *m;
    json_array_foreach(ms, i, m) {
        date_mention dm = {{-1, -1}, d->ndates - 1};
        char w[160];
        if (get_span(json_object_get(m, "span"), 0, d->length, &dm.sp, w, sizeof w) < 0) {
            snprintf(why, whylen, "node \"%s\": mention %zu: %s", id, i, w);
            return -1;
        }
        if (grow((void **)&d->dmentions, &d->capdmentions, d->ndmentions + 1, sizeof *d->dmentions) < 0)
            goto oom;
        d->dmentions[d->ndmentions++] = dm;
    }
    return 0;
oom:
    snprintf(why, whylen, "out of memory");
    return -1;
}

/* has_title, said_on and reported_by: the links that titles, dates and
 * intermediaries are scored by.  Their ends must be nodes of the right type. */
static int parse_link(pred_doc *d, node_info *nodes, json_t *index, json_t *edge, size_t ei, const char *type,
                      char *why, size_t whylen)
{
    const char *from = get_str(edge, "from"), *to = get_str(edge, "to");
    json_t *fi = from ? json_object_get(index, from) : NULL, *ti = to ? json_object_get(index, to) : NULL;
    if (!fi || !ti) {
        snprintf(why, whylen, "edge %zu: %s edge %s \"%s\", which is not a node", ei, type, fi ? "to" : "from",
                 fi ? (to ? to : "") : (from ? from : ""));
        return -1;
    }
    node_info *fn = &nodes[json_integer_value(fi)], *tn = &nodes[json_integer_value(ti)];
    const char *want = NULL;
    if (strcmp(type, "has_title") == 0) {
        if (fn->ent < 0)
            want = "from an entity";
        else if (tn->ent < 0 || strcmp(d->ents[tn->ent].type, "title") != 0)
            want = "to a title";
    } else if (!fn->is_statement) {
        want = "from a statement";
    } else if (strcmp(type, "said_on") == 0 && !tn->is_date) {
        want = "to a date";
    } else if (strcmp(type, "reported_by") == 0 && tn->ent < 0) {
        want = "to an entity";
    }
    if (want) {
        snprintf(why, whylen, "edge %zu: a %s edge goes %s (\"%s\" -> \"%s\")", ei, type, want, from, to);
        return -1;
    }
    if (strcmp(type, "has_title") == 0) {
        if (grow((void **)&d->titled, &d->captitled, d->ntitled + 1, sizeof *d->titled) < 0) {
            snprintf(why, whylen, "out of memory");
            return -1;
        }
        d->titled[d->ntitled++] = (title_link){(size_t)fn->ent, (size_t)tn->ent};
    } else if (strcmp(type, "said_on") == 0) {
        const char *rule = get_str(edge, "rule");
        fn->said_on = tn->date;
        d->said_on_edges++;
        d->said_on_inherited += rule && strcmp(rule, "date.inherited") == 0;
    } else {
        fn->reported_by = tn->ent;
    }
    return 0;
}

static int parse_said(pred_doc *d, node_info *nodes, json_t *index, json_t *edge, size_t ei, size_t *capattrs,
                      char *why, size_t whylen)
{
    const char *from = get_str(edge, "from"), *to = get_str(edge, "to");
    json_t *fi = from ? json_object_get(index, from) : NULL, *ti = to ? json_object_get(index, to) : NULL;
    if (!fi) {
        snprintf(why, whylen, "edge %zu: said edge from \"%s\", which is not a node", ei, from ? from : "");
        return -1;
    }
    if (!ti) {
        snprintf(why, whylen, "edge %zu: said edge to \"%s\", which is not a node", ei, to ? to : "");
        return -1;
    }
    node_info *fn = &nodes[json_integer_value(fi)], *tn = &nodes[json_integer_value(ti)];
    if (fn->is_statement || fn->is_date) {
        snprintf(why, whylen, "edge %zu: said edge from \"%s\", which is not a speaker node", ei, from);
        return -1;
    }
    if (!tn->is_statement) {
        snprintf(why, whylen, "edge %zu: said edge to \"%s\", which is not a statement", ei, to);
        return -1;
    }
    pred_attr pa;
    memset(&pa, 0, sizeof pa);
    pa.content = tn->content;
    pa.kind = tn->kind;
    pa.direct = strcmp(tn->kind, "direct") == 0;
    pa.speaker = fn->ent;
    pa.stmt_index = (size_t)json_integer_value(ti);
    pa.edge_index = ei;
    static const char *const keys[2] = {"source", "cue"};
    span *spans[2] = {&pa.source, &pa.cue};
    for (int k = 0; k < 2; k++) {
        json_t *o = json_object_get(edge, keys[k]);
        if (o && !json_is_null(o) && !json_is_object(o)) {
            snprintf(why, whylen, "edge %zu: \"%s\" must be an object or null", ei, keys[k]);
            return -1;
        }
        char w[160];
        if (get_span(json_object_get(o, "span"), 1, d->length, spans[k], w, sizeof w) < 0) {
            snprintf(why, whylen, "edge %zu: %s: %s", ei, keys[k], w);
            return -1;
        }
    }
    const char *rule = get_str(edge, "rule");
    if (grow((void **)&d->attrs, capattrs, d->nattrs + 1, sizeof *d->attrs) < 0 ||
        !(pa.stmt_id = dupstr(tn->id)) || (rule && !(pa.rule = dupstr(rule)))) {
        free(pa.stmt_id);
        snprintf(why, whylen, "out of memory");
        return -1;
    }
    d->attrs[d->nattrs++] = pa;
    tn->has_said = 1;
    return 0;
}

static int parse_graph(pred_doc *d, json_t *root, char *why, size_t whylen)
{
    json_t *nodes = json_object_get(root, "nodes"), *edges = json_object_get(root, "edges");
    node_info *info = NULL;
    json_t *index = json_object();
    size_t capattrs = 0;
    int rc = -1;
    if (!index) {
        snprintf(why, whylen, "out of memory");
        goto out;
    }
    if (!json_is_array(nodes) || !json_is_array(edges)) {
        snprintf(why, whylen, "a record needs \"nodes\" and \"edges\" arrays (or an \"error\")");
        goto out;
    }
    info = calloc(json_array_size(nodes) + 1, sizeof *info);
    d->ents = calloc(json_array_size(nodes) + 1, sizeof *d->ents);
    d->dates = calloc(json_array_size(nodes) + 1, sizeof *d->dates);
    if (!info || !d->ents || !d->dates) {
        snprintf(why, whylen, "out of memory");
        goto out;
    }
    size_t i;
    json_t *n;
    json_array_foreach(nodes, i, n) {
        const char *id = get_str(n, "id"), *type = get_str(n, "type");
        if (!id || !type) {
            snprintf(why, whylen, "node %zu needs string \"id\" and \"type\"", i);
            goto out;
        }
        if (json_object_get(index, id)) {
            snprintf(why, whylen, "duplicate node id \"%s\"", id);
            goto out;
        }
        if (json_object_set_new(index, id, json_integer((json_int_t)i)) < 0) {
            snprintf(why, whylen, "out of memory");
            goto out;
        }
        node_info *ni = &info[i];
        ni->id = id;
        ni->ent = ni->date = ni->said_on = ni->reported_by = -1;
        if (strcmp(type, "statement") == 0) {
            const char *kind = get_str(n, "kind");
            static const char *const kinds[3] = {"direct", "mixed", "indirect"};
            for (int k = 0; k < 3 && kind; k++)
                if (strcmp(kind, kinds[k]) == 0)
                    ni->kind = kinds[k];
            if (!ni->kind) {
                snprintf(why, whylen, "node \"%s\": \"kind\" must be \"direct\", \"mixed\" or \"indirect\"", id);
                goto out;
            }
            char w[160];
            if (get_span(json_object_get(n, "span"), 0, d->length, &ni->content, w, sizeof w) < 0) {
                snprintf(why, whylen, "node \"%s\": %s", id, w);
                goto out;
            }
            ni->is_statement = 1;
        } else if (strcmp(type, "date") == 0) {
            ni->is_date = 1;
            ni->date = (long)d->ndates;
            if (parse_date(d, n, id, why, whylen) < 0)
                goto out;
        } else {
            /* person, organization, group, title, and types added later:
             * any of them may speak */
            if (parse_entity(&d->ents[d->nents], n, id, type, why, whylen) < 0) {
                d->nents++; /* free what was filled */
                goto out;
            }
            ni->ent = (long)d->nents++;
        }
    }
    json_t *e;
    json_array_foreach(edges, i, e) {
        const char *type = get_str(e, "type");
        if (!type) {
            snprintf(why, whylen, "edge %zu needs a string \"type\"", i);
            goto out;
        }
        /* Edges of other types are not checked. */
        if (strcmp(type, "said") == 0 && parse_said(d, info, index, e, i, &capattrs, why, whylen) < 0)
            goto out;
        if ((strcmp(type, "has_title") == 0 || strcmp(type, "said_on") == 0 || strcmp(type, "reported_by") == 0) &&
            parse_link(d, info, index, e, i, type, why, whylen) < 0)
            goto out;
    }
    /* A statement without a said edge is a statement without a speaker. */
    for (i = 0; i < json_array_size(nodes); i++) {
        node_info *ni = &info[i];
        if (!ni->is_statement || ni->has_said)
            continue;
        pred_attr pa;
        memset(&pa, 0, sizeof pa);
        pa.content = ni->content;
        pa.source.s = pa.source.e = pa.cue.s = pa.cue.e = -1;
        pa.kind = ni->kind;
        pa.direct = strcmp(ni->kind, "direct") == 0;
        pa.speaker = -1;
        pa.stmt_index = i;
        pa.edge_index = (size_t)-1;
        if (grow((void **)&d->attrs, &capattrs, d->nattrs + 1, sizeof *d->attrs) < 0 ||
            !(pa.stmt_id = dupstr(ni->id))) {
            snprintf(why, whylen, "out of memory");
            goto out;
        }
        d->attrs[d->nattrs++] = pa;
    }
    for (i = 0; i < d->nattrs; i++) {
        d->attrs[i].date = info[d->attrs[i].stmt_index].said_on;
        d->attrs[i].reporter = info[d->attrs[i].stmt_index].reported_by;
    }
    rc = 0;
out:
    free(info);
    json_decref(index);
    return rc;
}

static int pred_line(void *ctx, json_t *root, const char *name, int line, qg_eval_error *err)
{
    pred_batch *pb = ctx;
    pred_doc d;
    memset(&d, 0, sizeof d);
    d.length = -1;
    char why[200] = "";
    int rc = -1;

    const char *schema = get_str(root, "schema");
    json_t *doc = json_object_get(root, "doc"), *error = json_object_get(root, "error");
    const char *id = get_str(doc, "id");
    json_t *length = json_object_get(doc, "length");
    if (!json_is_object(root)) {
        set_error(err, name, line, "a prediction line must be a JSON object");
        goto out;
    }
    if (!schema || strcmp(schema, "quotegraph/1") != 0) {
        set_error(err, name, line, "\"schema\" must be \"quotegraph/1\"%s%s%s", schema ? ", not \"" : "",
                  schema ? schema : "", schema ? "\"" : "");
        goto out;
    }
    if (!json_is_object(doc) || !id || !*id || strlen(id) != json_string_length(json_object_get(doc, "id"))) {
        set_error(err, name, line, "\"doc\" must be an object with a non-empty string \"id\"");
        goto out;
    }
    json_t *seen = json_object_get(pb->ev->pred_ids, id);
    const pred_doc *first = seen ? &pb->ev->pred[json_integer_value(seen)] : NULL;
    if (!first && (seen = json_object_get(pb->ids, id)))
        first = &pb->docs[json_integer_value(seen)];
    if (first) {
        set_error(err, name, line, "document \"%s\" is predicted twice (first at %s:%d)", id, first->file,
                  first->line);
        goto out;
    }
    if (length && !json_is_null(length)) {
        if (!json_is_integer(length) || json_integer_value(length) < 0) {
            set_error(err, name, line, "document \"%s\": \"doc.length\" must be a non-negative integer", id);
            goto out;
        }
        d.length = (long)json_integer_value(length);
    }
    d.id = dupstr(id);
    d.file = dupstr(name);
    d.line = line;
    if (!d.id || !d.file) {
        set_error(err, name, line, "out of memory");
        goto out;
    }
    if (error && !json_is_null(error)) {
        const char *code = get_str(error, "code"), *msg = get_str(error, "message");
        if (!code) {
            set_error(err, name, line, "document \"%s\": \"error\" needs a string \"code\"", id);
            goto out;
        }
        d.is_error = 1;
        d.err_code = dupstr(code);
        d.err_message = dupstr(msg ? msg : "");
        if (!d.err_code || !d.err_message) {
            set_error(err, name, line, "out of memory");
            goto out;
        }
    } else if (parse_graph(&d, root, why, sizeof why) < 0) {
        set_error(err, name, line, "document \"%s\": %s", id, why);
        goto out;
    }
    if (grow((void **)&pb->docs, &pb->cap, pb->n + 1, sizeof *pb->docs) < 0 ||
        json_object_set_new(pb->ids, id, json_integer((json_int_t)pb->n)) < 0) {
        set_error(err, name, line, "out of memory");
        goto out;
    }
    pb->docs[pb->n++] = d;
    memset(&d, 0, sizeof d);
    rc = 0;
out:
    pred_doc_clear(&d);
    return rc;
}

static int load_pred_buffer(qg_eval *ev, const char *data, size_t len, const char *name, qg_eval_error *err)
{
    pred_batch pb = {ev, NULL, 0, 0, json_object()};
    int rc = -1;
    if (!pb.ids) {
        set_error(err, name, 0, "out of memory");
        goto out;
    }
    if (each_json_line(data, len, name, pred_line, &pb, err) < 0)
        goto out;
    if (grow((void **)&ev->pred, &ev->cappred, ev->npred + pb.n, sizeof *ev->pred) < 0) {
        set_error(err, name, 0, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < pb.n; i++) {
        if (json_object_set_new(ev->pred_ids, pb.docs[i].id, json_integer((json_int_t)(ev->npred + i))) < 0) {
            for (size_t k = 0; k < i; k++)
                json_object_del(ev->pred_ids, pb.docs[k].id);
            set_error(err, name, 0, "out of memory");
            goto out;
        }
    }
    if (pb.n)
        memcpy(ev->pred + ev->npred, pb.docs, pb.n * sizeof *pb.docs);
    ev->npred += pb.n;
    pb.n = 0;
    rc = 0;
out:
    for (size_t i = 0; i < pb.n; i++)
        pred_doc_clear(&pb.docs[i]);
    free(pb.docs);
    json_decref(pb.ids);
    return rc;
}

/* ---- public: lifetime and loading ------------------------------------- */

static void clear_results(qg_eval *ev)
{
    free(ev->results);
    ev->results = NULL;
    free(ev->mm);
    ev->mm = NULL;
    ev->nmm = ev->capmm = 0;
    free(ev->warn);
    ev->warn = NULL;
    ev->nwarn = ev->capwarn = 0;
    ev->missing = ev->error_records = 0;
    memset(&ev->totals, 0, sizeof ev->totals);
}

qg_eval *qg_eval_new(void)
{
    qg_eval *ev = calloc(1, sizeof *ev);
    if (!ev)
        return NULL;
    ev->gold_ids = json_object();
    ev->pred_ids = json_object();
    if (!ev->gold_ids || !ev->pred_ids) {
        qg_eval_free(ev);
        return NULL;
    }
    return ev;
}

void qg_eval_free(qg_eval *ev)
{
    if (!ev)
        return;
    clear_results(ev);
    for (size_t i = 0; i < ev->ngold; i++)
        gold_doc_clear(&ev->gold[i]);
    free(ev->gold);
    for (size_t i = 0; i < ev->npred; i++)
        pred_doc_clear(&ev->pred[i]);
    free(ev->pred);
    json_decref(ev->gold_ids);
    json_decref(ev->pred_ids);
    free(ev);
}

typedef int (*buffer_loader)(qg_eval *, const char *, size_t, const char *, qg_eval_error *);

static int load_stream(qg_eval *ev, FILE *fp, const char *name, qg_eval_error *err, buffer_loader load)
{
    buffer b;
    int rc = -1;
    clear_results(ev);
    if (read_stream(fp, &b) < 0) {
        set_error(err, name, 0, "%s", errno ? strerror(errno) : "read error");
        goto out;
    }
    rc = load(ev, b.data, b.len, name, err);
out:
    free(b.data);
    return rc;
}

static int load_file(qg_eval *ev, const char *path, qg_eval_error *err, buffer_loader load)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        set_error(err, path, 0, "%s", strerror(errno));
        return -1;
    }
    int rc = load_stream(ev, fp, path, err, load);
    fclose(fp);
    return rc;
}

int qg_eval_load_gold_file(qg_eval *ev, const char *path, qg_eval_error *err)
{
    return load_file(ev, path, err, load_gold_buffer);
}

int qg_eval_load_gold_stream(qg_eval *ev, FILE *fp, const char *name, qg_eval_error *err)
{
    return load_stream(ev, fp, name, err, load_gold_buffer);
}

int qg_eval_load_gold_string(qg_eval *ev, const char *data, const char *name, qg_eval_error *err)
{
    clear_results(ev);
    return load_gold_buffer(ev, data, strlen(data), name, err);
}

int qg_eval_load_pred_file(qg_eval *ev, const char *path, qg_eval_error *err)
{
    return load_file(ev, path, err, load_pred_buffer);
}

int qg_eval_load_pred_stream(qg_eval *ev, FILE *fp, const char *name, qg_eval_error *err)
{
    return load_stream(ev, fp, name, err, load_pred_buffer);
}

int qg_eval_load_pred_string(qg_eval *ev, const char *data, const char *name, qg_eval_error *err)
{
    clear_results(ev);
    return load_pred_buffer(ev, data, strlen(data), name, err);
}

/* ---- matching --------------------------------------------------------- */

static span trim(const gold_doc *g, span sp)
{
    if (sp.s < 0)
        return sp;
    long n = (long)g->ncp;
    long s = sp.s < n ? sp.s : n, e = sp.e < n ? sp.e : n; /* predictions may overrun */
    while (s < e && is_trimmed(g->cp[s]))
        s++;
    while (e > s && is_trimmed(g->cp[e - 1]))
        e--;
    return (span){s, e};
}

static int same_span(span a, span b)
{
    return a.s >= 0 && b.s >= 0 && a.s == b.s && a.e == b.e;
}

/* The statements' overlap rule for sources and cues: more than half of the
 * gold span covered (an empty gold span must be matched exactly). */
static int covers_half(span g, span p)
{
    if (g.s < 0 || p.s < 0)
        return 0;
    if (g.e <= g.s)
        return same_span(g, p);
    long lo = g.s > p.s ? g.s : p.s, hi = g.e < p.e ? g.e : p.e;
    return hi > lo && 2 * (hi - lo) > g.e - g.s;
}

/* Does entity e stand for the gold name names->v[0]: is its name one of
 * that person's names, or one of its mentions the gold name itself? */
static int entity_is(const entity *e, const name_set *names)
{
    if (names->n == 0)
        return 0;
    if (name_set_has(names, e->name_norm))
        return 1;
    for (size_t i = 0; i < e->nmentions; i++)
        if (strcmp(e->mentions[i], names->v[0]) == 0)
            return 1;
    return 0;
}

/* A normalized organization name without a leading "the ". */
static const char *skip_the(const char *norm)
{
    return strncmp(norm, "the ", 4) == 0 ? norm + 4 : norm;
}

/* Is entity e the intermediary of names: as for speakers, or for an outlet
 * by name or mention with a leading "the" on either side ignored ("The
 * Washington Post", "The Hill"). */
static int reporter_is(const entity *e, const name_set *names)
{
    if (entity_is(e, names))
        return 1;
    const char *want = skip_the(names->v[0]);
    if (strcmp(skip_the(e->name_norm), want) == 0)
        return 1;
    for (size_t i = 0; i < e->nmentions; i++)
        if (strcmp(skip_the(e->mentions[i]), want) == 0)
            return 1;
    return 0;
}

static int speaker_right(const gold_attr *ga, const pred_doc *pd, const pred_attr *pa)
{
    if (!ga->speaker)
        return pa->speaker < 0 || strcmp(pd->ents[pa->speaker].type, "group") == 0;
    return pa->speaker >= 0 && entity_is(&pd->ents[pa->speaker], &ga->names);
}

/* Sort keys for "span order": start, end, then position in the input. */
typedef struct {
    long s, e;
    size_t k1, k2;
    size_t idx;
} order_key;

static int cmp_key(const void *a, const void *b)
{
    const order_key *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    if (x->e != y->e)
        return x->e < y->e ? -1 : 1;
    if (x->k1 != y->k1)
        return x->k1 < y->k1 ? -1 : 1;
    if (x->k2 != y->k2)
        return x->k2 < y->k2 ? -1 : 1;
    return 0;
}

enum { MATCH_OVERLAP, MATCH_EXACT };

typedef struct {
    const gold_doc *g;
    const pred_doc *p;
    const span *gtrim, *ptrim; /* trimmed content spans */
    const size_t *gorder, *porder;
} match_input;

/* Greedy one-to-one matching in span order (gold by span, candidates by
 * span, then input order), in two passes: first only pairs whose speaker is
 * right, then the rest.  A single pass that merely preferred the right
 * speaker would let the first of two joint-speaker gold attributions (same
 * content) take the other's statement.  Within a pass the largest overlap
 * wins, then the first candidate.  direct_only restricts both sides.
 * Fills pred_of_gold (-1: missed) and gold_of_pred (-1: spurious); returns
 * the number of matches. */
static size_t match(const match_input *in, int mode, int direct_only, long *pred_of_gold, long *gold_of_pred)
{
    size_t ng = in->g->nattrs, np = in->p ? in->p->nattrs : 0, tp = 0;
    for (size_t i = 0; i < ng; i++)
        pred_of_gold[i] = -1;
    for (size_t i = 0; i < np; i++)
        gold_of_pred[i] = -1;
    for (int need_right = 1; need_right >= 0; need_right--) {
        for (size_t gi = 0; gi < ng; gi++) {
            size_t g = in->gorder[gi];
            const gold_attr *ga = &in->g->attrs[g];
            if (pred_of_gold[g] >= 0 || (direct_only && !ga->direct))
                continue;
            span tg = in->gtrim[g];
            long glen = tg.e - tg.s, best = -1, best_cov = -1;
            for (size_t pi = 0; pi < np; pi++) {
                size_t p = in->porder[pi];
                const pred_attr *pa = &in->p->attrs[p];
                if (gold_of_pred[p] >= 0 || (direct_only && !pa->direct))
                    continue;
                span tq = in->ptrim[p];
                long lo = tg.s > tq.s ? tg.s : tq.s, hi = tg.e < tq.e ? tg.e : tq.e;
                long cov = hi > lo ? hi - lo : 0;
                int ok;
                if (mode == MATCH_EXACT || glen == 0) /* nothing to cover: exact */
                    ok = tg.s == tq.s && tg.e == tq.e;
                else
                    ok = 2 * cov > glen;
                if (ok && need_right)
                    ok = speaker_right(ga, in->p, pa);
                if (ok && cov > best_cov) {
                    best = (long)p;
                    best_cov = cov;
                }
            }
            if (best >= 0) {
                pred_of_gold[g] = best;
                gold_of_pred[best] = (long)g;
                tp++;
            }
        }
    }
    return tp;
}

static void finish_prf(qg_eval_prf *m)
{
    m->p = m->predicted ? (double)m->tp / (double)m->predicted : 0.0;
    m->r = m->gold ? (double)m->tp / (double)m->gold : 0.0;
    m->f1 = m->p + m->r > 0.0 ? 2.0 * m->p * m->r / (m->p + m->r) : 0.0;
}

static void finish_acc(qg_eval_accuracy *a)
{
    a->accuracy = a->total ? (double)a->correct / (double)a->total : 0.0;
}

static void finish_metrics(qg_eval_metrics *m)
{
    qg_eval_prf *all[] = {&m->statements_overlap, &m->statements_exact, &m->attribution, &m->sources, &m->cues,
                          &m->sources_overlap, &m->cues_overlap, &m->direct, &m->titles, &m->dates};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        finish_prf(all[i]);
    qg_eval_accuracy *acc[] = {&m->speaker_all, &m->speaker_direct, &m->date_values, &m->said_on.acc,
                               &m->reported_by.acc};
    for (size_t i = 0; i < sizeof acc / sizeof *acc; i++)
        finish_acc(acc[i]);
}

static void add_prf(qg_eval_prf *to, const qg_eval_prf *from)
{
    to->tp += from->tp;
    to->predicted += from->predicted;
    to->gold += from->gold;
}

static void add_acc(qg_eval_accuracy *to, const qg_eval_accuracy *from)
{
    to->correct += from->correct;
    to->total += from->total;
}

static void add_metrics(qg_eval_metrics *to, const qg_eval_metrics *from)
{
    to->gold += from->gold;
    to->predicted += from->predicted;
    add_prf(&to->statements_overlap, &from->statements_overlap);
    add_prf(&to->statements_exact, &from->statements_exact);
    add_prf(&to->attribution, &from->attribution);
    add_prf(&to->sources, &from->sources);
    add_prf(&to->cues, &from->cues);
    add_prf(&to->sources_overlap, &from->sources_overlap);
    add_prf(&to->cues_overlap, &from->cues_overlap);
    add_prf(&to->direct, &from->direct);
    add_acc(&to->speaker_all, &from->speaker_all);
    add_acc(&to->speaker_direct, &from->speaker_direct);
    to->title_documents += from->title_documents;
    to->date_documents += from->date_documents;
    add_prf(&to->titles, &from->titles);
    add_prf(&to->dates, &from->dates);
    add_acc(&to->date_values, &from->date_values);
    add_acc(&to->said_on.acc, &from->said_on.acc);
    to->said_on.extra += from->said_on.extra;
    to->said_on.edges += from->said_on.edges;
    to->said_on.inherited += from->said_on.inherited;
    add_acc(&to->reported_by.acc, &from->reported_by.acc);
    to->reported_by.extra += from->reported_by.extra;
}

__attribute__((format(printf, 4, 5))) static int add_warning(qg_eval *ev, const char *file, int line,
                                                           const char *fmt, ...)
{
    if (grow((void **)&ev->warn, &ev->capwarn, ev->nwarn + 1, sizeof *ev->warn) < 0)
        return -1;
    qg_eval_error *w = &ev->warn[ev->nwarn++];
    snprintf(w->file, sizeof w->file, "%s", file);
    w->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->text, sizeof w->text, fmt, ap);
    va_end(ap);
    return 0;
}

static int add_mismatch(qg_eval *ev, size_t doc, qg_eval_mismatch_kind kind, const gold_attr *ga,
                        const pred_doc *pd, const pred_attr *pa)
{
    if (grow((void **)&ev->mm, &ev->capmm, ev->nmm + 1, sizeof *ev->mm) < 0)
        return -1;
    qg_eval_mismatch *m = &ev->mm[ev->nmm++];
    memset(m, 0, sizeof *m);
    m->kind = kind;
    m->doc = doc;
    m->gold_start = m->gold_end = m->pred_start = m->pred_end = -1;
    if (ga) {
        m->gold_start = ga->content.s;
        m->gold_end = ga->content.e;
        m->gold_speaker = ga->speaker;
        m->gold_direct = ga->direct;
    }
    if (pa) {
        m->pred_start = pa->content.s;
        m->pred_end = pa->content.e;
        m->pred_statement = pa->stmt_id;
        m->pred_kind = pa->kind;
        m->pred_rule = pa->rule;
        if (pa->speaker >= 0) {
            const entity *e = &pd->ents[pa->speaker];
            m->pred_speaker = e->name;
            m->pred_speaker_id = e->id;
            m->pred_speaker_type = e->type;
        }
    }
    return 0;
}

static long mm_start(const qg_eval_mismatch *m)
{
    return m->kind == QG_EVAL_SPURIOUS ? m->pred_start : m->gold_start;
}

static int cmp_mismatch(const void *a, const void *b)
{
    const qg_eval_mismatch *x = a, *y = b;
    long sx = mm_start(x), sy = mm_start(y);
    if (sx != sy)
        return sx < sy ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    /* qsort is not stable: end offsets and statement ids settle the rest */
    long ex = x->kind == QG_EVAL_SPURIOUS ? x->pred_end : x->gold_end;
    long ey = y->kind == QG_EVAL_SPURIOUS ? y->pred_end : y->gold_end;
    if (ex != ey)
        return ex < ey ? -1 : 1;
    int c = strcmp(x->pred_statement ? x->pred_statement : "", y->pred_statement ? y->pred_statement : "");
    if (c)
        return c;
    return strcmp(x->pred_speaker_id ? x->pred_speaker_id : "", y->pred_speaker_id ? y->pred_speaker_id : "");
}

/* The gold person a predicted person stands for: by its name, else by its
 * name among a person's aliases, else by one of its mentions; -1 if none. */
static long gold_person_of(const gold_doc *g, const entity *e)
{
    for (int pass = 0; pass < 3; pass++) {
        for (size_t k = 0; k < g->npeople; k++) {
            const name_set *names = &g->people[k].names;
            int hit = pass == 0 ? strcmp(e->name_norm, names->v[0]) == 0
                    : pass == 1 ? name_set_has(names, e->name_norm)
                                : 0;
            for (size_t i = 0; pass == 2 && !hit && i < e->nmentions; i++)
                hit = name_set_has(names, e->mentions[i]);
            if (hit)
                return (long)k;
        }
    }
    return -1;
}

/* Title strings of the has_title edges from entities whose owner is k
 * (owner[] indexes gold persons; for k = -1, only from entity self). */
static int titles_of(const pred_doc *pd, const long *owner, long k, size_t self, name_set *out)
{
    for (size_t i = 0; i < pd->ntitled; i++) {
        const title_link *t = &pd->titled[i];
        if ((k >= 0 ? owner[t->person] == k : t->person == self) && name_set_add(out, pd->ents[t->title].name) < 0)
            return -1;
    }
    return 0;
}

/* Titles: per gold person, the titles of the predicted persons that stand
 * for it against the gold titles; titles of other entities are false
 * positives.  Only documents whose gold has "people" count. */
static int score_titles(const gold_doc *g, const pred_doc *pd, qg_eval_metrics *m)
{
    if (!g->has_people)
        return 0;
    m->title_documents = 1;
    for (size_t k = 0; k < g->npeople; k++)
        m->titles.gold += g->people[k].titles.n;
    if (!pd)
        return 0;
    long *owner = calloc(pd->nents + 1, sizeof *owner);
    name_set got = {NULL, 0, 0};
    int rc = -1;
    if (!owner)
        return -1;
    for (size_t e = 0; e < pd->nents; e++)
        owner[e] = strcmp(pd->ents[e].type, "person") == 0 ? gold_person_of(g, &pd->ents[e]) : -1;
    for (size_t k = 0; k < g->npeople; k++) {
        if (titles_of(pd, owner, (long)k, 0, &got) < 0)
            goto out;
        for (size_t i = 0; i < got.n; i++)
            m->titles.tp += (size_t)name_set_has(&g->people[k].titles, got.v[i]);
        m->titles.predicted += got.n;
        name_set_free(&got);
    }
    for (size_t e = 0; e < pd->nents; e++) {
        if (owner[e] >= 0)
            continue;
        if (titles_of(pd, owner, -1, e, &got) < 0)
            goto out;
        m->titles.predicted += got.n;
        name_set_free(&got);
    }
    rc = 0;
out:
    name_set_free(&got);
    free(owner);
    return rc;
}

static int same_value(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

/* Date expressions: each gold date, in order, takes the free predicted
 * mention covering most of it, when that is more than half (trimmed); the
 * matched pairs compare values, null included.  Only documents whose gold
 * has "dates" count. */
static int score_dates(const gold_doc *g, const pred_doc *pd, qg_eval_metrics *m)
{
    if (!g->has_dates)
        return 0;
    m->date_documents = 1;
    size_t np = pd ? pd->ndmentions : 0;
    m->dates.gold = g->ndates;
    m->dates.predicted = np;
    char *used = calloc(np + 1, 1);
    if (!used)
        return -1;
    for (size_t i = 0; i < g->ndates; i++) {
        span tg = trim(g, g->dates[i].sp);
        long best = -1, best_cov = -1;
        for (size_t k = 0; k < np; k++) {
            span tp = trim(g, pd->dmentions[k].sp);
            long lo = tg.s > tp.s ? tg.s : tp.s, hi = tg.e < tp.e ? tg.e : tp.e;
            if (!used[k] && covers_half(tg, tp) && hi - lo > best_cov) {
                best = (long)k;
                best_cov = hi - lo;
            }
        }
        if (best < 0)
            continue;
        used[best] = 1;
        m->dates.tp++;
        m->date_values.total++;
        m->date_values.correct += (size_t)same_value(g->dates[i].value, pd->dates[pd->dmentions[best].node]);
    }
    free(used);
    return 0;
}

/* said_on and reported_by of an overlap-matched pair. */
static void score_links(const gold_attr *ga, const pred_doc *pd, const pred_attr *pa, qg_eval_metrics *m)
{
    const char *value = pa->date >= 0 ? pd->dates[pa->date] : NULL;
    if (ga->date) {
        m->said_on.acc.total++;
        m->said_on.acc.correct += (size_t)same_value(ga->date, value);
    } else if (ga->has_date && value) {
        m->said_on.extra++;
    }
    if (ga->reported_by.n) {
        m->reported_by.acc.total++;
        m->reported_by.acc.correct += (size_t)(pa->reporter >= 0 && reporter_is(&pd->ents[pa->reporter],
                                                                                 &ga->reported_by));
    } else if (ga->has_reported_by && pa->reporter >= 0) {
        m->reported_by.extra++;
    }
}

/* Scores gold document di against pd (NULL: no predictions). */
static int score_doc(qg_eval *ev, size_t di, const pred_doc *pd)
{
    const gold_doc *g = &ev->gold[di];
    qg_eval_metrics *m = &ev->results[di].metrics;
    size_t ng = g->nattrs, np = pd ? pd->nattrs : 0;
    span *gtrim = calloc(ng + 1, sizeof *gtrim), *ptrim = calloc(np + 1, sizeof *ptrim);
    size_t *gorder = calloc(ng + 1, sizeof *gorder), *porder = calloc(np + 1, sizeof *porder);
    order_key *keys = calloc(ng + np + 1, sizeof *keys);
    long *pog = calloc(ng + 1, sizeof *pog), *gop = calloc(np + 1, sizeof *gop);
    int rc = -1;
    if (!gtrim || !ptrim || !gorder || !porder || !keys || !pog || !gop)
        goto out;

    for (size_t i = 0; i < ng; i++) {
        const gold_attr *ga = &g->attrs[i];
        gtrim[i] = trim(g, ga->content);
        keys[i] = (order_key){ga->content.s, ga->content.e, i, 0, i};
        m->direct.gold += (size_t)ga->direct;
        m->sources.gold += ga->source.s >= 0;
        m->cues.gold += ga->cue.s >= 0;
        m->sources_overlap.gold += ga->source.s >= 0;
        m->cues_overlap.gold += ga->cue.s >= 0;
    }
    qsort(keys, ng, sizeof *keys, cmp_key);
    for (size_t i = 0; i < ng; i++)
        gorder[i] = keys[i].idx;
    for (size_t i = 0; i < np; i++) {
        const pred_attr *pa = &pd->attrs[i];
        ptrim[i] = trim(g, pa->content);
        keys[i] = (order_key){pa->content.s, pa->content.e, pa->stmt_index, pa->edge_index, i};
        m->direct.predicted += (size_t)pa->direct;
        m->sources.predicted += pa->source.s >= 0;
        m->cues.predicted += pa->cue.s >= 0;
        m->sources_overlap.predicted += pa->source.s >= 0;
        m->cues_overlap.predicted += pa->cue.s >= 0;
    }
    qsort(keys, np, sizeof *keys, cmp_key);
    for (size_t i = 0; i < np; i++)
        porder[i] = keys[i].idx;

    m->gold = ng;
    m->predicted = np;
    m->statements_overlap.gold = m->statements_exact.gold = m->attribution.gold = ng;
    m->statements_overlap.predicted = m->statements_exact.predicted = m->attribution.predicted = np;

    match_input in = {g, pd, gtrim, ptrim, gorder, porder};

    m->statements_exact.tp = match(&in, MATCH_EXACT, 0, pog, gop);

    m->direct.tp = match(&in, MATCH_OVERLAP, 1, pog, gop);
    m->speaker_direct.total = m->direct.tp;
    for (size_t i = 0; i < ng; i++)
        if (pog[i] >= 0)
            m->speaker_direct.correct += (size_t)speaker_right(&g->attrs[i], pd, &pd->attrs[pog[i]]);

    /* The overlap matching last: its pairs feed speakers, sources, cues and
     * the mismatch listing. */
    m->statements_overlap.tp = match(&in, MATCH_OVERLAP, 0, pog, gop);
    m->speaker_all.total = m->statements_overlap.tp;
    size_t first_mm = ev->nmm;
    for (size_t gi = 0; gi < ng; gi++) {
        size_t i = gorder[gi];
        const gold_attr *ga = &g->attrs[i];
        if (pog[i] < 0) {
            if (add_mismatch(ev, di, QG_EVAL_MISSED, ga, NULL, NULL) < 0)
                goto out;
            continue;
        }
        const pred_attr *pa = &pd->attrs[pog[i]];
        if (speaker_right(ga, pd, pa)) {
            m->speaker_all.correct++;
            m->attribution.tp++;
        } else if (add_mismatch(ev, di, QG_EVAL_WRONG_SPEAKER, ga, pd, pa) < 0) {
            goto out;
        }
        m->sources.tp += (size_t)same_span(trim(g, ga->source), trim(g, pa->source));
        m->cues.tp += (size_t)same_span(trim(g, ga->cue), trim(g, pa->cue));
        m->sources_overlap.tp += (size_t)covers_half(trim(g, ga->source), trim(g, pa->source));
        m->cues_overlap.tp += (size_t)covers_half(trim(g, ga->cue), trim(g, pa->cue));
        score_links(ga, pd, pa, m);
    }
    for (size_t pi = 0; pi < np; pi++)
        if (gop[porder[pi]] < 0 && add_mismatch(ev, di, QG_EVAL_SPURIOUS, NULL, pd, &pd->attrs[porder[pi]]) < 0)
            goto out;
    if (ev->nmm > first_mm) /* ev->mm may still be NULL */
        qsort(ev->mm + first_mm, ev->nmm - first_mm, sizeof *ev->mm, cmp_mismatch);
    if (pd) {
        m->said_on.edges = pd->said_on_edges;
        m->said_on.inherited = pd->said_on_inherited;
    }
    if (score_titles(g, pd, m) < 0 || score_dates(g, pd, m) < 0)
        goto out;
    finish_metrics(m);
    rc = 0;
out:
    free(gtrim);
    free(ptrim);
    free(gorder);
    free(porder);
    free(keys);
    free(pog);
    free(gop);
    return rc;
}

int qg_eval_score(qg_eval *ev)
{
    clear_results(ev);
    ev->results = calloc(ev->ngold + 1, sizeof *ev->results);
    long *pred_for = calloc(ev->ngold + 1, sizeof *pred_for);
    int rc = -1;
    if (!ev->results || !pred_for)
        goto out;
    for (size_t i = 0; i < ev->ngold; i++)
        pred_for[i] = -1;
    for (size_t i = 0; i < ev->npred; i++) {
        const pred_doc *pd = &ev->pred[i];
        json_t *gi = json_object_get(ev->gold_ids, pd->id);
        if (!gi) {
            if (add_warning(ev, pd->file, pd->line, "document \"%s\" is not in the gold; ignored", pd->id) < 0)
                goto out;
            continue;
        }
        size_t g = (size_t)json_integer_value(gi);
        pred_for[g] = (long)i;
        /* Offsets computed over another text (bytes, a different file)
         * would be scored silently wrong: say so. */
        if (pd->is_error) /* its length may be 0: the text was not read */
            continue;
        if (pd->length >= 0 && (size_t)pd->length != ev->gold[g].ncp &&
            add_warning(ev, pd->file, pd->line,
                        "document \"%s\": doc.length is %ld, the gold text has %zu code points", pd->id,
                        pd->length, ev->gold[g].ncp) < 0)
            goto out;
        for (size_t k = 0; k < pd->nattrs; k++) {
            const pred_attr *pa = &pd->attrs[k];
            long ncp = (long)ev->gold[g].ncp;
            if (pa->content.e > ncp || pa->source.e > ncp || pa->cue.e > ncp) {
                if (add_warning(ev, pd->file, pd->line,
                                "document \"%s\": statement \"%s\" has spans beyond the gold text (%ld code points)",
                                pd->id, pa->stmt_id, ncp) < 0)
                    goto out;
                break; /* once per document is enough */
            }
        }
    }
    for (size_t i = 0; i < ev->ngold; i++) {
        qg_eval_doc_result *r = &ev->results[i];
        const pred_doc *pd = pred_for[i] >= 0 ? &ev->pred[pred_for[i]] : NULL;
        r->id = ev->gold[i].id;
        r->status = !pd ? QG_EVAL_DOC_MISSING : pd->is_error ? QG_EVAL_DOC_ERROR : QG_EVAL_DOC_OK;
        if (r->status == QG_EVAL_DOC_MISSING)
            ev->missing++;
        if (r->status == QG_EVAL_DOC_ERROR) {
            ev->error_records++;
            r->error_code = pd->err_code;
            r->error_message = pd->err_message;
        }
        if (score_doc(ev, i, r->status == QG_EVAL_DOC_OK ? pd : NULL) < 0)
            goto out;
        add_metrics(&ev->totals, &r->metrics);
    }
    finish_metrics(&ev->totals);
    rc = 0;
out:
    free(pred_for);
    return rc;
}

/* ---- public: results -------------------------------------------------- */

const qg_eval_metrics *qg_eval_totals(const qg_eval *ev)
{
    return &ev->totals;
}

size_t qg_eval_doc_count(const qg_eval *ev)
{
    return ev->ngold;
}

const qg_eval_doc_result *qg_eval_doc(const qg_eval *ev, size_t i)
{
    return ev->results && i < ev->ngold ? &ev->results[i] : NULL;
}

size_t qg_eval_mismatch_count(const qg_eval *ev)
{
    return ev->nmm;
}

const qg_eval_mismatch *qg_eval_mismatch_at(const qg_eval *ev, size_t i)
{
    return i < ev->nmm ? &ev->mm[i] : NULL;
}

size_t qg_eval_warning_count(const qg_eval *ev)
{
    return ev->nwarn;
}

const qg_eval_error *qg_eval_warning(const qg_eval *ev, size_t i)
{
    return i < ev->nwarn ? &ev->warn[i] : NULL;
}

size_t qg_eval_missing_count(const qg_eval *ev)
{
    return ev->missing;
}

size_t qg_eval_error_record_count(const qg_eval *ev)
{
    return ev->error_records;
}

const char *qg_eval_doc_text(const qg_eval *ev, size_t i, size_t *len_bytes)
{
    if (i >= ev->ngold) {
        if (len_bytes)
            *len_bytes = 0;
        return NULL;
    }
    if (len_bytes)
        *len_bytes = ev->gold[i].text_bytes;
    return ev->gold[i].text;
}

size_t qg_eval_doc_byte_offset(const qg_eval *ev, size_t i, long cp)
{
    if (i >= ev->ngold)
        return 0;
    const gold_doc *g = &ev->gold[i];
    if (cp < 0)
        return 0;
    return (size_t)cp > g->ncp ? g->text_bytes : g->boff[cp];
}
