/* brat_read.c - corrected brat annotations back to a gold record.
 *
 * Two passes over the .ann lines: the text-bound (T) lines first, so that
 * relations, attributes and notes may refer to entities on later lines;
 * then everything else. Every problem stops the document with its line:
 * a gold file built from half-read annotations would score silently wrong. */
#include "brat.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* Note keys; each entity type accepts some of them (key_allowed). */
enum { K_SPEAKER, K_DATE, K_REPORTED_BY, K_NOTE, K_RULE, K_NAME, K_PERSON, K_VALUE, NKEYS };
static const char *const key_names[NKEYS] = {"speaker", "date", "reported_by", "note",
                                             "rule",    "name", "person",      "value"};

static const char *const kinds[] = {"direct", "mixed", "indirect"};

typedef struct {
    const char *id;     /* points into the .ann buffer, IDLEN bytes */
    size_t idlen;
    qg_brat_type type;
    size_t s, e;        /* the covering span of all fragments */
    int line;
    json_t *note;       /* key -> string, NULL until a note is read */
    int kind;           /* index into kinds, -1 none */
    bool publication;
    int source, cue;    /* entity indexes of the Said and CueOf arguments, -1 */
} entity;

typedef struct {
    const char *text;
    size_t *boff;
    size_t ncp;
    entity *ents;
    size_t nents;
    json_t *ids; /* every annotation id -> entity index (T) or -1 */
    qg_brat_error *err;
} reader;

static int fail(reader *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(reader *r, int line, const char *fmt, ...)
{
    if (r->err) {
        va_list ap;
        va_start(ap, fmt);
        r->err->line = line;
        vsnprintf(r->err->text, sizeof r->err->text, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static bool key_allowed(qg_brat_type t, int k)
{
    switch (t) {
    case QG_BRAT_STATEMENT:
        return k <= K_RULE;
    case QG_BRAT_PERSON:
    case QG_BRAT_ORGANIZATION:
    case QG_BRAT_GROUP:
        return k == K_NAME || k == K_NOTE;
    case QG_BRAT_TITLE:
        return k == K_PERSON || k == K_NOTE;
    case QG_BRAT_DATE:
        return k == K_VALUE || k == K_NOTE;
    default:
        return k == K_NOTE;
    }
}

/* Splits *P[0..*N) at the first SEP: the part before in TOK, the rest after
 * SEP in *P. Returns false (and leaves everything in TOK) without SEP. */
static bool cut(const char **p, size_t *n, char sep, const char **tok, size_t *toklen)
{
    const char *hit = memchr(*p, sep, *n);
    *tok = *p;
    if (!hit) {
        *toklen = *n;
        *p += *n;
        *n = 0;
        return false;
    }
    *toklen = (size_t)(hit - *p);
    *n -= *toklen + 1;
    *p = hit + 1;
    return true;
}

/* A decimal offset of at most 12 digits. */
static bool parse_offset(const char *s, size_t n, size_t *out)
{
    if (n == 0 || n > 12)
        return false;
    size_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (size_t)(s[i] - '0');
    }
    *out = v;
    return true;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with a plausible month and day. */
static bool valid_date(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    int month = n >= 7 ? (s[5] - '0') * 10 + (s[6] - '0') : 1;
    int day = n == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : 1;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int find_id(reader *r, const char *id, size_t len)
{
    char key[64];
    if (len == 0 || len >= sizeof key)
        return -2;
    memcpy(key, id, len);
    key[len] = '\0';
    json_t *v = json_object_get(r->ids, key);
    return v ? (int)json_integer_value(v) : -2;
}

/* Registers ID; -1 when it is taken (or out of memory). */
static int add_id(reader *r, int line, const char *id, size_t len, int ent)
{
    char key[64];
    if (len == 0 || len >= sizeof key)
        return fail(r, line, "annotation id '%.*s' is empty or too long", (int)(len > 40 ? 40 : len),
                    id);
    memcpy(key, id, len);
    key[len] = '\0';
    if (json_object_get(r->ids, key))
        return fail(r, line, "annotation id '%s' is used twice", key);
    if (json_object_set_new(r->ids, key, json_integer(ent)) < 0)
        return fail(r, line, "out of memory");
    return 0;
}

/* T<TAB>TYPE START END[;START END]...<TAB>TEXT, where TEXT is the covered
 * text, fragments joined by a space. */
static int parse_tb(reader *r, int line, const char *id, size_t idlen, const char *p, size_t n)
{
    const char *data, *type;
    size_t datalen, typelen;
    if (!cut(&p, &n, '\t', &data, &datalen))
        return fail(r, line, "a text-bound annotation needs ID<TAB>TYPE START END<TAB>TEXT");
    if (!cut(&data, &datalen, ' ', &type, &typelen))
        return fail(r, line, "'%.*s': expected TYPE START END", (int)datalen, data);
    int t = qg_brat_type_find(type, typelen);
    if (t < 0)
        return fail(r, line, "unknown entity type '%.*s' (annotation.conf lists the scheme)",
                    (int)(typelen > 40 ? 40 : typelen), type);
    entity *en = &r->ents[r->nents];
    *en = (entity){.id = id, .idlen = idlen, .type = (qg_brat_type)t, .line = line, .kind = -1,
                   .source = -1, .cue = -1};
    /* The expected text is the fragments' texts joined by spaces. */
    const char *want = p;
    size_t wantlen = n, prev_end = 0;
    bool first = true;
    while (datalen > 0 || first) {
        const char *frag, *a;
        size_t fraglen, alen, s, e;
        cut(&data, &datalen, ';', &frag, &fraglen);
        bool two = cut(&frag, &fraglen, ' ', &a, &alen);
        if (!two || !parse_offset(a, alen, &s) || !parse_offset(frag, fraglen, &e))
            return fail(r, line, "offsets must be START END[;START END]..., in characters");
        if (e <= s || e > r->ncp)
            return fail(r, line, "span %zu %zu is not within the text (%zu characters)", s, e,
                        r->ncp);
        if (!first && s < prev_end)
            return fail(r, line, "fragment %zu %zu starts before the previous one ends", s, e);
        size_t b0 = r->boff[s], b1 = r->boff[e];
        size_t need = (first ? 0 : 1) + (b1 - b0);
        if (wantlen < need || (!first && want[0] != ' ') ||
            memcmp(want + (first ? 0 : 1), r->text + b0, b1 - b0) != 0) {
            char ex[64];
            return fail(r, line, "the text of span %zu %zu is \"%s\", not the one on this line", s,
                        e, qg_brat_excerpt(ex, sizeof ex, r->text + b0, b1 - b0));
        }
        want += need;
        wantlen -= need;
        if (first)
            en->s = s;
        en->e = e;
        prev_end = e;
        first = false;
    }
    if (wantlen != 0)
        return fail(r, line, "the text on this line is longer than its span");
    if (add_id(r, line, id, idlen, (int)r->nents) < 0)
        return -1;
    r->nents++;
    return 0;
}

/* The T entity named by ID[0..len), or NULL with the error set. */
static entity *target(reader *r, int line, const char *id, size_t len)
{
    int i = find_id(r, id, len);
    if (i == -2) {
        fail(r, line, "no annotation '%.*s' in this file", (int)(len > 40 ? 40 : len), id);
        return NULL;
    }
    if (i < 0) {
        fail(r, line, "'%.*s' is not a text-bound (T) annotation", (int)(len > 40 ? 40 : len), id);
        return NULL;
    }
    return &r->ents[i];
}

/* R<TAB>Said|CueOf Arg1:T Arg2:T[<TAB>] */
static int parse_relation(reader *r, int line, const char *p, size_t n)
{
    const char *data, *name, *a1;
    size_t datalen, namelen, a1len;
    /* brat ends relation lines with a tab; nothing may follow it. */
    if (cut(&p, &n, '\t', &data, &datalen) && n > 0)
        return fail(r, line, "a relation has no text after its arguments");
    bool ok = cut(&data, &datalen, ' ', &name, &namelen) && cut(&data, &datalen, ' ', &a1, &a1len);
    const char *a2 = data;
    size_t a2len = datalen;
    if (!ok || a1len < 6 || a2len < 6 || memcmp(a1, "Arg1:", 5) != 0 ||
        memcmp(a2, "Arg2:", 5) != 0 || memchr(a2, ' ', a2len))
        return fail(r, line, "a relation needs ID<TAB>TYPE Arg1:ID Arg2:ID");
    bool said = namelen == 4 && memcmp(name, "Said", 4) == 0;
    if (!said && !(namelen == 5 && memcmp(name, "CueOf", 5) == 0))
        return fail(r, line, "unknown relation '%.*s' (Said, CueOf)",
                    (int)(namelen > 40 ? 40 : namelen), name);
    entity *from = target(r, line, a1 + 5, a1len - 5);
    entity *to = from ? target(r, line, a2 + 5, a2len - 5) : NULL;
    if (!to)
        return -1;
    qg_brat_type want = said ? QG_BRAT_SOURCE : QG_BRAT_CUE;
    if (from->type != want || to->type != QG_BRAT_STATEMENT)
        return fail(r, line, "%s goes from a %s to a Statement, not from a %s to a %s",
                    said ? "Said" : "CueOf", qg_brat_type_name(want), qg_brat_type_name(from->type),
                    qg_brat_type_name(to->type));
    int *slot = said ? &to->source : &to->cue;
    if (*slot >= 0)
        return fail(r, line, "Statement %.*s has a second %s relation; a statement with two "
                             "speakers is two Statement annotations",
                    (int)to->idlen, to->id, said ? "Said" : "CueOf");
    *slot = (int)(from - r->ents);
    return 0;
}

/* A<TAB>Kind T VALUE or A<TAB>Publication T (M is brat's old letter). */
static int parse_attribute(reader *r, int line, const char *p, size_t n)
{
    const char *name, *id, *value;
    size_t namelen, idlen, valuelen = 0;
    if (memchr(p, '\t', n))
        n = (size_t)((const char *)memchr(p, '\t', n) - p);
    if (!cut(&p, &n, ' ', &name, &namelen))
        return fail(r, line, "an attribute needs ID<TAB>NAME ID [VALUE]");
    bool has_value = cut(&p, &n, ' ', &id, &idlen);
    value = p;
    valuelen = n;
    entity *en = target(r, line, id, idlen);
    if (!en)
        return -1;
    if (namelen == 4 && memcmp(name, "Kind", 4) == 0) {
        if (en->type != QG_BRAT_STATEMENT)
            return fail(r, line, "Kind belongs on a Statement, not a %s",
                        qg_brat_type_name(en->type));
        if (en->kind >= 0)
            return fail(r, line, "a second Kind for %.*s", (int)en->idlen, en->id);
        for (int k = 0; k < 3 && has_value; k++)
            if (strlen(kinds[k]) == valuelen && memcmp(kinds[k], value, valuelen) == 0)
                en->kind = k;
        if (en->kind < 0)
            return fail(r, line, "Kind is direct, mixed or indirect, not '%.*s'",
                        (int)(valuelen > 40 ? 40 : valuelen), value);
    } else if (namelen == 11 && memcmp(name, "Publication", 11) == 0) {
        if (en->type != QG_BRAT_DATE || has_value)
            return fail(r, line, "Publication is a flag on a Date, without a value");
        en->publication = true;
    } else {
        return fail(r, line, "unknown attribute '%.*s' (Kind, Publication)",
                    (int)(namelen > 40 ? 40 : namelen), name);
    }
    return 0;
}

/* #<TAB>AnnotatorNotes T<TAB>key=value; key=value ... */
static int parse_note(reader *r, int line, const char *p, size_t n)
{
    const char *data, *type, *id;
    size_t datalen, typelen, idlen;
    if (!cut(&p, &n, '\t', &data, &datalen) || !cut(&data, &datalen, ' ', &type, &typelen))
        return fail(r, line, "a note needs ID<TAB>AnnotatorNotes ID<TAB>TEXT");
    id = data;
    idlen = datalen;
    if (typelen != 14 || memcmp(type, "AnnotatorNotes", 14) != 0)
        return fail(r, line, "unknown note type '%.*s' (AnnotatorNotes)",
                    (int)(typelen > 40 ? 40 : typelen), type);
    entity *en = target(r, line, id, idlen);
    if (!en)
        return -1;
    if (en->note)
        return fail(r, line, "a second note for %.*s", (int)en->idlen, en->id);
    if (!(en->note = json_object()))
        return fail(r, line, "out of memory");
    /* Fields end at a ';' that no backslash escapes. */
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && p[j] != ';')
            j += p[j] == '\\' && j + 1 < n ? 2 : 1;
        size_t a = i, b = j > n ? n : j;
        while (a < b && p[a] == ' ')
            a++;
        while (b > a && p[b - 1] == ' ')
            b--;
        i = j + 1;
        if (a == b)
            continue;
        const char *eq = memchr(p + a, '=', b - a);
        if (!eq)
            return fail(r, line, "note field '%.*s' is not key=value", (int)(b - a > 40 ? 40 : b - a),
                        p + a);
        size_t klen = (size_t)(eq - (p + a));
        while (klen > 0 && p[a + klen - 1] == ' ')
            klen--;
        int k = 0;
        while (k < NKEYS && !(strlen(key_names[k]) == klen && memcmp(key_names[k], p + a, klen) == 0))
            k++;
        if (k == NKEYS || !key_allowed(en->type, k))
            return fail(r, line, "a %s note has no key '%.*s'", qg_brat_type_name(en->type),
                        (int)(klen > 40 ? 40 : klen), p + a);
        if (json_object_get(en->note, key_names[k]))
            return fail(r, line, "key '%s' twice in one note", key_names[k]);
        const char *v = eq + 1;
        while (v < p + b && *v == ' ')
            v++;
        char *value, why[120];
        int u = qg_brat_unescape(v, (size_t)(p + b - v), &value, why, sizeof why);
        if (u < 0)
            return fail(r, line, "%s", u == -1 ? why : "out of memory");
        if ((k == K_DATE || k == K_VALUE) && *value && !valid_date(value)) {
            fail(r, line, "%s '%.20s' is not YYYY, YYYY-MM or YYYY-MM-DD", key_names[k], value);
            free(value);
            return -1;
        }
        if (json_object_set_new(en->note, key_names[k], json_string(value)) < 0) {
            free(value);
            return fail(r, line, "'%s' is not valid UTF-8", key_names[k]);
        }
        free(value);
    }
    return 0;
}

/* A note field; NULL when absent or empty ("speaker=" clears it). */
static const char *note_get(const entity *en, int k)
{
    const char *v = json_string_value(json_object_get(en->note, key_names[k]));
    return v && *v ? v : NULL;
}

static json_t *span_json(const entity *en)
{
    return en ? json_pack("[I,I]", (json_int_t)en->s, (json_int_t)en->e) : json_null();
}

static json_t *text_json(const reader *r, const entity *en)
{
    if (!en)
        return json_null();
    size_t b0 = r->boff[en->s], b1 = r->boff[en->e];
    return json_stringn(r->text + b0, b1 - b0);
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static int by_position(const void *pa, const void *pb)
{
    const entity *a = *(const entity *const *)pa, *b = *(const entity *const *)pb;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    if (a->e != b->e)
        return a->e < b->e ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

/* Appends S to the string array ARR unless it is there up to ASCII case. */
static int add_distinct(json_t *arr, const char *s, size_t len)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v) {
        if (json_string_length(v) == len && strncasecmp(json_string_value(v), s, len) == 0)
            return 0;
    }
    return json_array_append_new(arr, json_stringn(s, len));
}

/* The person called NAME in PEOPLE, added when new. */
static json_t *person(json_t *people, const char *name)
{
    size_t i;
    json_t *p;
    json_array_foreach(people, i, p) {
        if (strcmp(json_string_value(json_object_get(p, "name")), name) == 0)
            return p;
    }
    p = json_pack("{s:s,s:[],s:[]}", "name", name, "aliases", "titles");
    return p && json_array_append_new(people, p) == 0 ? p : NULL;
}

static json_t *build_record(reader *r, const char *id, size_t len, entity **sorted)
{
    json_t *attrs = json_array(), *people = json_array(), *dates = json_array();
    json_t *rec = json_object();
    const char *doc_date = NULL;
    if (!attrs || !people || !dates || !rec)
        goto oom;
    for (size_t i = 0; i < r->nents; i++) {
        const entity *en = sorted[i];
        const entity *src = en->source >= 0 ? &r->ents[en->source] : NULL;
        const entity *cue = en->cue >= 0 ? &r->ents[en->cue] : NULL;
        json_t *a;
        switch (en->type) {
        case QG_BRAT_STATEMENT:
            a = json_object();
            if (!a || json_array_append_new(attrs, a) < 0 ||
                json_object_set_new(a, "content", span_json(en)) < 0 ||
                json_object_set_new(a, "content_text", text_json(r, en)) < 0 ||
                json_object_set_new(a, "direct", json_boolean(en->kind == 0)) < 0 ||
                json_object_set_new(a, "source", span_json(src)) < 0 ||
                json_object_set_new(a, "source_text", text_json(r, src)) < 0 ||
                json_object_set_new(a, "cue", span_json(cue)) < 0 ||
                json_object_set_new(a, "cue_text", text_json(r, cue)) < 0 ||
                json_object_set_new(a, "speaker", str_or_null(note_get(en, K_SPEAKER))) < 0 ||
                json_object_set_new(a, "date", str_or_null(note_get(en, K_DATE))) < 0 ||
                json_object_set_new(a, "reported_by", str_or_null(note_get(en, K_REPORTED_BY))) <
                    0 ||
                (note_get(en, K_NOTE) &&
                 json_object_set_new(a, "note", json_string(note_get(en, K_NOTE))) < 0))
                goto oom;
            break;
        case QG_BRAT_PERSON:
        case QG_BRAT_TITLE: {
            const char *name = note_get(en, en->type == QG_BRAT_PERSON ? K_NAME : K_PERSON);
            if (!name) {
                fail(r, en->line, "a %s needs a note %s=NAME", qg_brat_type_name(en->type),
                     en->type == QG_BRAT_PERSON ? "name" : "person");
                goto err;
            }
            json_t *p = person(people, name);
            size_t b0 = r->boff[en->s], b1 = r->boff[en->e];
            if (!p || add_distinct(json_object_get(p, en->type == QG_BRAT_PERSON ? "aliases"
                                                                                  : "titles"),
                                   r->text + b0, b1 - b0) < 0)
                goto oom;
            break;
        }
        case QG_BRAT_DATE:
            if (en->publication) {
                if (doc_date || !note_get(en, K_VALUE)) {
                    fail(r, en->line, "%s", doc_date ? "a second Publication date"
                                                     : "a Publication date needs a note value=");
                    goto err;
                }
                doc_date = note_get(en, K_VALUE);
            }
            a = json_pack("{s:o,s:o,s:o}", "span", span_json(en), "text", text_json(r, en),
                          "value", str_or_null(note_get(en, K_VALUE)));
            if (!a || json_array_append_new(dates, a) < 0)
                goto oom;
            break;
        default:
            break;
        }
    }
    if (json_object_set_new(rec, "id", json_string(id)) < 0 ||
        json_object_set_new(rec, "date", str_or_null(doc_date)) < 0 ||
        json_object_set_new(rec, "text", json_stringn(r->text, len)) < 0 ||
        json_object_set(rec, "attributions", attrs) < 0 ||
        json_object_set(rec, "people", people) < 0 || json_object_set(rec, "dates", dates) < 0)
        goto oom;
    json_decref(attrs);
    json_decref(people);
    json_decref(dates);
    return rec;
oom:
    fail(r, 0, "out of memory");
err:
    json_decref(attrs);
    json_decref(people);
    json_decref(dates);
    json_decref(rec);
    return NULL;
}

json_t *qg_brat_read_ann(const char *id, const char *text, size_t len, const char *ann,
                         size_t ann_len, qg_brat_error *err)
{
    reader r = {.text = text, .err = err};
    json_t *rec = NULL;
    entity **sorted = NULL;
    size_t nlines = 1;
    for (size_t i = 0; i < ann_len; i++)
        nlines += ann[i] == '\n';
    r.boff = malloc((len + 1) * sizeof *r.boff);
    r.ents = malloc(nlines * sizeof *r.ents);
    r.ids = json_object();
    if (!r.boff || !r.ents || !r.ids) {
        fail(&r, 0, "out of memory");
        goto out;
    }
    long bad = qg_utf8_validate(text, len);
    if (bad >= 0) {
        fail(&r, 0, "the text is not valid UTF-8 (byte %ld)", bad);
        goto out;
    }
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            r.boff[r.ncp++] = i;
    r.boff[r.ncp] = len;

    for (int pass = 0; pass < 2; pass++) {
        const char *p = ann;
        size_t n = ann_len;
        for (int line = 1; n > 0; line++) {
            const char *l, *lid;
            size_t llen, lidlen;
            cut(&p, &n, '\n', &l, &llen);
            if (llen > 0 && l[llen - 1] == '\r')
                llen--;
            if (llen == 0)
                continue;
            if (memchr(l, '\0', llen)) {
                fail(&r, line, "a NUL byte");
                goto out;
            }
            if (!cut(&l, &llen, '\t', &lid, &lidlen)) {
                fail(&r, line, "expected ID<TAB>..., found no tab");
                goto out;
            }
            int rc = 0;
            char c = lid[0];
            if (pass == 0) {
                if (c == 'T')
                    rc = parse_tb(&r, line, lid, lidlen, l, llen);
                else if (c == 'R' || c == 'A' || c == 'M' || c == '#')
                    rc = add_id(&r, line, lid, lidlen, -1);
                else if (c == 'E' || c == 'N' || c == '*')
                    rc = fail(&r, line, "'%c' annotations are not part of the quotegraph scheme", c);
                else
                    rc = fail(&r, line, "unknown annotation id '%.*s'",
                              (int)(lidlen > 40 ? 40 : lidlen), lid);
            } else if (c == 'R') {
                rc = parse_relation(&r, line, l, llen);
            } else if (c == 'A' || c == 'M') {
                rc = parse_attribute(&r, line, l, llen);
            } else if (c == '#') {
                rc = parse_note(&r, line, l, llen);
            }
            if (rc < 0)
                goto out;
        }
    }
    sorted = malloc((r.nents + 1) * sizeof *sorted);
    if (!sorted) {
        fail(&r, 0, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < r.nents; i++)
        sorted[i] = &r.ents[i];
    qsort(sorted, r.nents, sizeof *sorted, by_position);
    rec = build_record(&r, id, len, sorted);
out:
    for (size_t i = 0; r.ents && i < r.nents; i++)
        json_decref(r.ents[i].note);
    free(sorted);
    free(r.ents);
    free(r.boff);
    json_decref(r.ids);
    return rec;
}
