/* rules.c - loads the rules/ directory: word lists into one hash table,
 * named PCRE2 patterns compiled once with JIT. */
#include "rules.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- the files and their attribute vocabularies ---- */

typedef struct {
    const char *file;
    uint32_t cls;
    const char *attrs[16]; /* bit i is attrs[i]; NULL-terminated */
} lexicon_spec;

/* The order of each attrs list must match the bit enums in rules.h. */
static const lexicon_spec lexicons[] = {
    {"cues.txt", QG_LEX_CUE,
     {"clause", "np", "obj", "noun", "prep", "relay", "-ing", "frame", "inf", "weak", "nounform", NULL}},
    {"honorifics.txt", QG_LEX_HONORIFIC,
     {"male", "female", "rank", "name", "military", "religious", "political", NULL}},
    {"titles.txt", QG_LEX_TITLE,
     {"male", "female", "military", "political", "religious", "generic", "media", NULL}},
    {"organizations.txt", QG_LEX_ORG,
     {"country", "outlet", "metonym", "demonym", "head", "org", "place", "suffix", "corporate", "government", NULL}},
    {"pronouns.txt", QG_LEX_PRONOUN,
     {"male", "female", "plural", "neuter", "first", "relative", "subject", "possessive", NULL}},
    {"dates.txt", QG_LEX_DATE,
     {"month", "weekday", "dayrel", "shift", "unit", "ago", "part", "number", "season", NULL}},
    {"abbreviations.txt", QG_LEX_ABBREV, {NULL}},
    {"function_words.txt", QG_LEX_FUNCTION,
     {"det", "prep", "conj", "aux", "adv", "subord", "other", "neg", "future", "past", NULL}},
    {"groups.txt", QG_LEX_GROUP, {"plural", "singular", "document", NULL}},
    {"modifiers.txt", QG_LEX_MODIFIER, {NULL}},
    {"first_names.txt", QG_LEX_FIRSTNAME, {"male", "female", NULL}},
};

/* Patterns the stages look up by name: loading fails when one is missing. */
static const char *const required_patterns[] = {"metadata_date", "url", "dateline", "iso_date",
                                                "numeric_date", "group_plural", NULL};

#define MAX_PHRASE_WORDS 8
#define FOLD_CAP 256

typedef struct {
    char *key;          /* folded form, NUL-terminated; NULL = empty slot */
    uint32_t klen;
    uint32_t lex;       /* QG_LEX_* of entries with this exact key, + QG_LEX_PHRASE */
    uint32_t first;     /* first entry index with this key, QG_NONE if none */
    uint32_t max_words; /* longest multi-word form starting with this word */
    uint32_t phrase_cls; /* classes that have a multi-word form starting with it */
    uint32_t pair_cls;  /* classes that have a multi-word form whose first two words are this key */
} slot;

typedef struct {
    qg_lex_entry e;
    uint32_t next; /* next entry with the same key */
} entry_node;

typedef struct {
    char *name;
    pcre2_code *code;
    uint32_t origin; /* string id of "patterns.txt:line" */
} pattern;

/* Classes that qg_rules_tok indexes: QG_LEX_CUE .. QG_LEX_FIRSTNAME. */
#define NCLASSES 11
#define SINGLE_NONE 0xFFFFu  /* no one-word entry of the class */
#define SINGLE_MANY 0xFFFEu  /* several: walk the slot's list */

struct qg_rules {
    slot *slots;
    uint32_t nslots, nused;
    /* Per slot and class, the one-word entry of that class (or NONE or
     * MANY), so that the per-token class lookups of the stages take one
     * read instead of a walk; built once after loading. NULL when there
     * are too many entries for 16 bits: then every lookup walks. */
    uint16_t (*single)[NCLASSES];
    entry_node *entries;
    uint32_t nentries, entries_cap;
    char **strings;
    uint32_t nstrings, strings_cap;
    pattern *patterns;
    uint32_t npatterns;
    uint64_t digest;
    char digest_hex[17];
};

/* ---- errors ---- */

__attribute__((format(printf, 5, 6))) static void set_error(qg_error *err, const char *file, int line, int column,
                                                          const char *fmt, ...)
{
    if (!err)
        return;
    err->status = QG_ERR_RULES;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    err->offset = -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* ---- strings ---- */

static uint32_t add_string(qg_rules *r, const char *s, size_t len)
{
    if (r->nstrings == r->strings_cap) {
        uint32_t cap = r->strings_cap ? r->strings_cap * 2 : 256;
        char **n = realloc(r->strings, cap * sizeof *n);
        if (!n)
            return QG_NONE;
        r->strings = n;
        r->strings_cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return QG_NONE;
    memcpy(copy, s, len);
    copy[len] = '\0';
    r->strings[r->nstrings] = copy;
    return r->nstrings++;
}

const char *qg_rules_str(const qg_rules *r, uint32_t id)
{
    return id < r->nstrings ? r->strings[id] : "";
}

/* ---- folding ---- */

size_t qg_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    bool ascii = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            /* ’ and ‘ (E2 80 99 / E2 80 98) fold to the ASCII apostrophe. */
            if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
                if (o + 1 >= cap)
                    return 0;
                out[o++] = '\'';
                i += 2;
                continue;
            }
            ascii = false;
            if (o + 1 >= cap)
                return 0;
            out[o++] = (char)c;
            continue;
        }
        if (o + 1 >= cap)
            return 0;
        out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    out[o] = '\0';
    if (ascii)
        return o;
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)o, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    if (n < 0 || (size_t)n + 1 > cap) {
        free(mapped);
        return n < 0 ? o : 0;
    }
    memcpy(out, mapped, (size_t)n);
    out[n] = '\0';
    free(mapped);
    return (size_t)n;
}

/* ---- hash table ---- */

static uint64_t fnv1a(const char *s, size_t len, uint64_t h)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

#define FNV_OFFSET 14695981039346656037ull

/* The slot of KEY (hash H) or the empty slot where it would go. */
static uint32_t find_hashed(const qg_rules *r, const char *key, size_t klen, uint64_t h)
{
    uint32_t mask = r->nslots - 1;
    uint32_t i = (uint32_t)h & mask;
    for (;;) {
        const slot *s = &r->slots[i];
        if (!s->key || (s->klen == klen && memcmp(s->key, key, klen) == 0))
            return i;
        i = (i + 1) & mask;
    }
}

static uint32_t find_slot(const qg_rules *r, const char *key, size_t klen)
{
    return find_hashed(r, key, klen, fnv1a(key, klen, FNV_OFFSET));
}

static int grow_table(qg_rules *r)
{
    uint32_t n = r->nslots ? r->nslots * 2 : 4096;
    slot *old = r->slots;
    uint32_t oldn = r->nslots;
    r->slots = calloc(n, sizeof *r->slots);
    if (!r->slots) {
        r->slots = old;
        return -1;
    }
    r->nslots = n;
    for (uint32_t i = 0; i < oldn; i++) {
        if (!old[i].key)
            continue;
        r->slots[find_slot(r, old[i].key, old[i].klen)] = old[i];
    }
    free(old);
    return 0;
}

/* Returns the slot for KEY, creating it if needed; QG_NONE when out of memory. */
static uint32_t intern_key(qg_rules *r, const char *key, size_t klen)
{
    if ((r->nused + 1) * 2 > r->nslots && grow_table(r) != 0)
        return QG_NONE;
    uint32_t i = find_slot(r, key, klen);
    if (!r->slots[i].key) {
        char *k = malloc(klen + 1);
        if (!k)
            return QG_NONE;
        memcpy(k, key, klen);
        k[klen] = '\0';
        slot *sl = &r->slots[i];
        sl->key = k; /* owned by the table; qg_rules_free frees it */
        sl->klen = (uint32_t)klen;
        sl->lex = 0;
        sl->first = QG_NONE;
        sl->max_words = 0;
        sl->phrase_cls = 0;
        sl->pair_cls = 0;
        r->nused++;
    }
    return i;
}

uint32_t qg_rules_word(const qg_rules *r, const char *s, size_t len, uint32_t *lex)
{
    char buf[FOLD_CAP];
    *lex = 0;
    if (!r->nslots)
        return QG_NONE;
    /* Plain ASCII words (most of them) are folded and hashed in one pass. */
    uint64_t h = FNV_OFFSET;
    size_t n = 0;
    for (; n < len && n + 1 < sizeof buf; n++) {
        unsigned char c = (unsigned char)s[n];
        if (c >= 0x80)
            break;
        c = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
        buf[n] = (char)c;
        h = (h ^ c) * 1099511628211ull;
    }
    if (n < len) {
        n = qg_fold(s, len, buf, sizeof buf);
        if (n == 0)
            return QG_NONE;
        h = fnv1a(buf, n, FNV_OFFSET);
    } else if (n == 0) {
        return QG_NONE;
    }
    uint32_t i = find_hashed(r, buf, n, h);
    if (!r->slots[i].key)
        return QG_NONE;
    *lex = r->slots[i].lex;
    return i;
}

static bool case_matches(const qg_lex_entry *e, const char *s, size_t len)
{
    return !e->exact_case || (strlen(e->form) == len && memcmp(e->form, s, len) == 0);
}

static const qg_lex_entry *entry_in_slot(const qg_rules *r, uint32_t si, uint32_t cls,
                                         uint32_t ntok, const char *s, size_t len)
{
    for (uint32_t k = r->slots[si].first; k != QG_NONE; k = r->entries[k].next) {
        const qg_lex_entry *e = &r->entries[k].e;
        if (e->cls == cls && e->ntok == ntok && case_matches(e, s, len))
            return e;
    }
    return NULL;
}

const qg_lex_entry *qg_rules_tok(const qg_rules *r, const qg_doc *doc, uint32_t i, uint32_t cls)
{
    const qg_token *t = &doc->tokens.items[i];
    if (t->word == QG_NONE || !(t->lex & cls))
        return NULL;
    const char *s = doc->text + t->start;
    size_t len = t->end - t->start;
    if (r->single && (cls & (cls - 1)) == 0 && cls < (1u << NCLASSES)) {
        uint16_t k = r->single[t->word][__builtin_ctz(cls)];
        if (k == SINGLE_NONE)
            return NULL;
        if (k != SINGLE_MANY) {
            const qg_lex_entry *e = &r->entries[k].e;
            return case_matches(e, s, len) ? e : NULL;
        }
    }
    return entry_in_slot(r, t->word, cls, 1, s, len);
}

/* Fills r->single; leaves it NULL (lookups walk) when it cannot. */
static void index_single_entries(qg_rules *r)
{
    if (r->nentries >= SINGLE_MANY)
        return;
    r->single = malloc((size_t)r->nslots * sizeof *r->single);
    if (!r->single)
        return;
    for (uint32_t si = 0; si < r->nslots; si++) {
        for (int c = 0; c < NCLASSES; c++)
            r->single[si][c] = SINGLE_NONE;
        for (uint32_t k = r->slots[si].first; k != QG_NONE; k = r->entries[k].next) {
            const qg_lex_entry *e = &r->entries[k].e;
            if (e->ntok != 1 || e->cls >= (1u << NCLASSES))
                continue;
            uint16_t *one = &r->single[si][__builtin_ctz(e->cls)];
            *one = *one == SINGLE_NONE ? (uint16_t)k : SINGLE_MANY;
        }
    }
}

const qg_lex_entry *qg_rules_phrase(const qg_rules *r, const qg_doc *doc, uint32_t i,
                                    uint32_t limit, uint32_t cls)
{
    const qg_token *t = &doc->tokens.items[i];
    /* Only words that start a phrase of this class are worth the key building. */
    if (t->word != QG_NONE && (t->lex & QG_LEX_PHRASE) && (r->slots[t->word].phrase_cls & cls)) {
        uint32_t maxw = r->slots[t->word].max_words;
        if (limit > doc->tokens.count)
            limit = doc->tokens.count;
        if (maxw > limit - i)
            maxw = limit - i;
        /* Fold the words once: "w1 w2 ... wmaxw", with the end of each prefix. */
        char key[FOLD_CAP];
        size_t ends[MAX_PHRASE_WORDS + 1] = {0};
        size_t klen = 0;
        uint32_t n = 0;
        while (n < maxw) {
            if (n > 0)
                key[klen++] = ' ';
            size_t m = qg_fold(qg_tok_text(doc, i + n), qg_tok_len(doc, i + n), key + klen,
                               sizeof key - klen - 1);
            if (m == 0)
                break;
            klen += m;
            ends[++n] = klen;
            /* Most starts ("the", "a") go no further than their second word. */
            if (n == 2) {
                uint32_t pi = find_slot(r, key, klen);
                if (!r->slots[pi].key || !(r->slots[pi].pair_cls & cls)) {
                    n = 0;
                    break;
                }
            }
        }
        maxw = n;
        for (n = maxw; n >= 2; n--) {
            uint32_t si = find_slot(r, key, ends[n]);
            if (!r->slots[si].key)
                continue;
            const char *s = doc->text + t->start;
            size_t len = doc->tokens.items[i + n - 1].end - t->start;
            const qg_lex_entry *e = entry_in_slot(r, si, cls, n, s, len);
            if (e)
                return e;
        }
    }
    return qg_rules_tok(r, doc, i, cls);
}

/* ---- parsing one lexicon line ---- */

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static const char *skip_blank(const char *p, const char *end)
{
    while (p < end && is_blank(*p))
        p++;
    return p;
}

static const char *trim_end(const char *start, const char *end)
{
    while (end > start && is_blank(end[-1]))
        end--;
    return end;
}

/* Normalizes a form's spacing (single spaces between words) and folds it. */
static size_t fold_form(const char *s, size_t len, char *out, size_t cap, uint32_t *words)
{
    char spaced[FOLD_CAP];
    size_t n = 0;
    *words = 0;
    bool in_word = false;
    for (size_t i = 0; i < len; i++) {
        if (is_blank(s[i])) {
            in_word = false;
            continue;
        }
        if (!in_word) {
            if (*words && n < sizeof spaced - 1)
                spaced[n++] = ' ';
            (*words)++;
            in_word = true;
        }
        if (n >= sizeof spaced - 1)
            return 0;
        spaced[n++] = s[i];
    }
    return qg_fold(spaced, n, out, cap);
}

static int add_entry(qg_rules *r, const char *form, size_t flen, const qg_lex_entry *proto,
                     const char *path, int line, int col, qg_error *err)
{
    char key[FOLD_CAP];
    uint32_t words = 0;
    size_t klen = fold_form(form, flen, key, sizeof key, &words);
    if (klen == 0) {
        set_error(err, path, line, col, "empty or overlong form");
        return -1;
    }
    if (words > MAX_PHRASE_WORDS) {
        set_error(err, path, line, col, "a form has at most %d words", MAX_PHRASE_WORDS);
        return -1;
    }
    uint32_t si = intern_key(r, key, klen);
    if (si == QG_NONE)
        goto nomem;
    for (uint32_t k = r->slots[si].first; k != QG_NONE; k = r->entries[k].next) {
        const qg_lex_entry *e = &r->entries[k].e;
        if (e->cls == proto->cls && e->exact_case == proto->exact_case &&
            (!e->exact_case || (strlen(e->form) == flen && memcmp(e->form, form, flen) == 0))) {
            set_error(err, path, line, col, "duplicate form '%.*s' (first at %s)", (int)flen, form,
                      qg_rules_str(r, e->origin));
            return -1;
        }
    }
    if (r->nentries == r->entries_cap) {
        uint32_t cap = r->entries_cap ? r->entries_cap * 2 : 1024;
        entry_node *n = realloc(r->entries, cap * sizeof *n);
        if (!n)
            goto nomem;
        r->entries = n;
        r->entries_cap = cap;
    }
    entry_node *node = &r->entries[r->nentries];
    node->e = *proto;
    node->e.ntok = words;
    uint32_t fid = add_string(r, form, flen);
    if (fid == QG_NONE)
        goto nomem;
    node->e.form = r->strings[fid];
    /* Prepend; entries of one key are few, order does not matter. */
    node->next = r->slots[si].first;
    r->slots[si].first = r->nentries++;
    r->slots[si].lex |= proto->cls;

    if (words > 1) {
        /* Mark the first word so that single lookups know a phrase may start here. */
        const char *sp = memchr(key, ' ', klen);
        size_t wlen = (size_t)(sp - key);
        uint32_t fi = intern_key(r, key, wlen);
        if (fi == QG_NONE)
            goto nomem;
        r->slots[fi].lex |= QG_LEX_PHRASE;
        r->slots[fi].phrase_cls |= proto->cls;
        if (r->slots[fi].max_words < words)
            r->slots[fi].max_words = words;
        /* And its first two words, which phrase lookups check before the rest. */
        const char *sp2 = words > 2 ? memchr(sp + 1, ' ', klen - wlen - 1) : key + klen;
        uint32_t pi = intern_key(r, key, (size_t)(sp2 - key));
        if (pi == QG_NONE)
            goto nomem;
        r->slots[pi].pair_cls |= proto->cls;
    }
    return 0;
nomem:
    set_error(err, path, line, col, "out of memory");
    return -1;
}

static int parse_attrs(qg_rules *r, const lexicon_spec *spec, const char *p, const char *end,
                       qg_lex_entry *e, const char *path, int line, const char *line_start,
                       qg_error *err)
{
    (void)r;
    while ((p = skip_blank(p, end)) < end) {
        const char *w = p;
        while (p < end && !is_blank(*p))
            p++;
        size_t wlen = (size_t)(p - w);
        const char *eq = memchr(w, '=', wlen);
        size_t nlen = eq ? (size_t)(eq - w) : wlen;
        int col = (int)(w - line_start) + 1;
        if (nlen == 4 && memcmp(w, "case", 4) == 0 && !eq) {
            e->exact_case = true;
            continue;
        }
        int bit = -1;
        for (int k = 0; spec->attrs[k]; k++)
            if (strlen(spec->attrs[k]) == nlen && memcmp(spec->attrs[k], w, nlen) == 0 &&
                spec->attrs[k][0] != '-')
                bit = k;
        if (bit < 0) {
            char known[256] = "case";
            for (int k = 0; spec->attrs[k]; k++)
                if (spec->attrs[k][0] != '-' && strlen(known) + strlen(spec->attrs[k]) + 2 < sizeof known) {
                    strcat(known, " ");
                    strcat(known, spec->attrs[k]);
                }
            set_error(err, path, line, col, "unknown attribute '%.*s' (known: %s)", (int)nlen, w,
                      known);
            return -1;
        }
        e->attrs |= 1u << bit;
        if (eq) {
            char *num_end = NULL;
            char buf[32];
            size_t vlen = wlen - nlen - 1;
            if (vlen == 0 || vlen >= sizeof buf) {
                set_error(err, path, line, col, "attribute '%.*s' needs a number after =", (int)nlen, w);
                return -1;
            }
            memcpy(buf, eq + 1, vlen);
            buf[vlen] = '\0';
            errno = 0;
            long v = strtol(buf, &num_end, 10);
            if (errno || *num_end || v < -100000 || v > 100000) {
                set_error(err, path, line, (int)(eq + 1 - line_start) + 1,
                          "'%s' is not a number in range", buf);
                return -1;
            }
            e->value = (int32_t)v;
        }
    }
    return 0;
}

/* "say | says | said ; clause": forms, then `=> canonical`, then attributes. */
static int parse_lexicon_line(qg_rules *r, const lexicon_spec *spec, const char *start,
                              const char *end, const char *path, int line, uint32_t origin,
                              qg_error *err)
{
    const char *semi = memchr(start, ';', (size_t)(end - start));
    const char *forms_end = semi ? semi : end;
    qg_lex_entry proto = {.cls = spec->cls, .canon = QG_NONE, .origin = origin};
    const char *arrow = NULL;
    for (const char *p = start; p + 1 < forms_end; p++)
        if (p[0] == '=' && p[1] == '>') {
            arrow = p;
            break;
        }
    if (arrow) {
        const char *c = skip_blank(arrow + 2, forms_end);
        const char *ce = trim_end(c, forms_end);
        if (c == ce) {
            set_error(err, path, line, (int)(arrow - start) + 1, "'=>' needs a canonical name after it");
            return -1;
        }
        proto.canon = add_string(r, c, (size_t)(ce - c));
        forms_end = arrow;
    }
    if (semi && parse_attrs(r, spec, semi + 1, end, &proto, path, line, start, err) != 0)
        return -1;

    bool first = true;
    const char *p = start;
    while (p <= forms_end) {
        const char *bar = memchr(p, '|', (size_t)(forms_end - p));
        const char *fe = bar ? bar : forms_end;
        const char *fs = skip_blank(p, fe);
        const char *fe2 = trim_end(fs, fe);
        if (fs == fe2) {
            set_error(err, path, line, (int)(fs - start) + 1, "empty form");
            return -1;
        }
        qg_lex_entry e = proto;
        if (spec->cls == QG_LEX_CUE) {
            if (first)
                e.attrs |= QG_CUE_BASE;
            /* Participles head ", saying ..." frames; marked here, not in the file. */
            const char *sp = fe2;
            while (sp > fs && sp[-1] != ' ')
                sp--;
            if (fe2 - sp > 4 && memcmp(fe2 - 3, "ing", 3) == 0)
                e.attrs |= QG_CUE_ING;
        }
        if (add_entry(r, fs, (size_t)(fe2 - fs), &e, path, line, (int)(fs - start) + 1, err) != 0)
            return -1;
        first = false;
        if (!bar)
            break;
        p = bar + 1;
    }
    return 0;
}

/* ---- files ---- */

/* Reads PATH whole into a malloc'd NUL-terminated buffer. */
static char *read_file(const char *path, size_t *len, qg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_error(err, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n < cap - 1)
            break;
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    if (!buf || ferror(f)) {
        if (buf)
            set_error(err, path, 0, 0, "read error: %s", strerror(errno));
        else
            set_error(err, path, 0, 0, "out of memory");
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

typedef int (*line_fn)(qg_rules *r, const void *ctx, const char *start, const char *end,
                       const char *path, int line, qg_error *err);

/* Calls FN on every non-blank, non-comment line of PATH. */
static int each_line(qg_rules *r, const char *path, line_fn fn, const void *ctx, qg_error *err)
{
    size_t len = 0;
    char *buf = read_file(path, &len, err);
    if (!buf)
        return -1;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    r->digest = fnv1a(buf, len, fnv1a(base, strlen(base), r->digest));
    long bad = qg_utf8_validate(buf, len);
    const char *nul = memchr(buf, '\0', len);
    if (bad >= 0 || nul) {
        /* A NUL byte is valid UTF-8 but would cut a form short unseen. */
        if (nul && (bad < 0 || nul - buf < bad))
            bad = nul - buf;
        int line = 1;
        const char *ls = buf;
        for (long i = 0; i < bad; i++)
            if (buf[i] == '\n') {
                line++;
                ls = buf + i + 1;
            }
        set_error(err, path, line, (int)(buf + bad - ls) + 1,
                  buf[bad] == '\0' ? "NUL byte (a rules file is text)" : "invalid UTF-8");
        free(buf);
        return -1;
    }
    int rc = 0, line = 0;
    const char *p = buf, *end = buf + len;
    /* Editors on Windows start UTF-8 files with a byte order mark. */
    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    while (p < end && rc == 0) {
        line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = skip_blank(p, le);
        const char *e = trim_end(s, le);
        /* The line is passed from its first byte so that columns in error
         * messages count from the start of the line. */
        if (s < e && *s != '#')
            rc = fn(r, ctx, p, e, path, line, err);
        p = le + 1;
    }
    free(buf);
    return rc;
}

/* String id of "FILE:LINE", FILE without its directory: where an entry or a
 * pattern comes from, for messages and listings. */
static uint32_t origin_of(qg_rules *r, const char *path, int line)
{
    char where[600];
    const char *base = strrchr(path, '/');
    snprintf(where, sizeof where, "%s:%d", base ? base + 1 : path, line);
    return add_string(r, where, strlen(where));
}

static int lexicon_line(qg_rules *r, const void *ctx, const char *start, const char *end,
                        const char *path, int line, qg_error *err)
{
    const lexicon_spec *spec = ctx;
    return parse_lexicon_line(r, spec, start, end, path, line, origin_of(r, path, line), err);
}

/* Load-time test for catastrophic backtracking: each probe is a unit
 * repeated, then a byte no pattern expects, the shape on which nested
 * quantifiers such as (a+)+$ explode. A sound pattern needs a few hundred
 * steps on 30-odd bytes; the match context of a run (pipeline.c) would only
 * cut such a pattern off silently, document after document. */
#define PROBE_MATCH_LIMIT 100000u
#define PROBE_DEPTH_LIMIT 1000u
#define PROBE_REPEAT 32

/* Whether RE hits the probe limits in MC on UNIT repeated, then a stray
 * byte and TAIL (the pattern's characters, so that a required one is there
 * and PCRE2's quick "cannot match" check does not hide the backtracking). */
static bool probe_hits(const pcre2_code *re, pcre2_match_data *md, pcre2_match_context *mc,
                       const char *unit, size_t ul, const char *tail, size_t tl)
{
    /* Zeroed whole: JIT code may load past the end of the subject (vector
     * search), and valgrind would see uninitialized bytes there. */
    char subject[PROBE_REPEAT * 4 + 2 + 128] = {0};
    size_t n = 0;
    for (int k = 0; k < PROBE_REPEAT; k++, n += ul)
        memcpy(subject + n, unit, ul);
    subject[n++] = '\x01';
    memcpy(subject + n, tail, tl);
    n += tl;
    int rc = pcre2_match(re, (PCRE2_SPTR)subject, n, 0, 0, md, mc);
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT;
}

/* Whether RE, compiled from PAT[0..len), hits the probe limits on some
 * probe; then UNIT (capacity 8) names the repeated unit. The units are
 * common shapes of text plus every letter and digit the pattern names. */
static bool backtracks(const pcre2_code *re, const char *pat, size_t len, char *unit)
{
    static const char *const units[] = {"a", "A", "1", " ", "a ", "Aa ", "a.", ".", "-", "'", "\t",
                                        "\xe2\x80\x9c", "a1", NULL};
    char letters[128];
    size_t nletters = 0;
    bool seen[128] = {false};
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)pat[i];
        if (c > ' ' && c < 127 && !seen[c]) {
            seen[c] = true;
            letters[nletters++] = (char)c;
        }
    }
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    bool hit = false;
    if (mc && md) { /* out of memory: the run's own limits still bound it */
        pcre2_set_match_limit(mc, PROBE_MATCH_LIMIT);
        pcre2_set_depth_limit(mc, PROBE_DEPTH_LIMIT);
        for (int u = 0; units[u] && !hit; u++)
            if (probe_hits(re, md, mc, units[u], strlen(units[u]), letters, nletters)) {
                snprintf(unit, 8, "%s", units[u][0] == '\t' ? "\\t" : units[u]);
                hit = true;
            }
        for (size_t i = 0; i < nletters && !hit; i++)
            if (isalnum((unsigned char)letters[i]) && probe_hits(re, md, mc, &letters[i], 1, letters, nletters)) {
                snprintf(unit, 8, "%c", letters[i]);
                hit = true;
            }
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    return hit;
}

static int pattern_line(qg_rules *r, const void *ctx, const char *start, const char *end,
                        const char *path, int line, qg_error *err)
{
    (void)ctx;
    const char *line_start = start;
    start = skip_blank(start, end);
    const char *p = start;
    while (p < end && !is_blank(*p))
        p++;
    const char *pat = skip_blank(p, end);
    if (pat == end) {
        set_error(err, path, line, (int)(p - line_start) + 1, "expected: NAME PATTERN");
        return -1;
    }
    for (uint32_t k = 0; k < r->npatterns; k++)
        if (strlen(r->patterns[k].name) == (size_t)(p - start) &&
            memcmp(r->patterns[k].name, start, (size_t)(p - start)) == 0) {
            set_error(err, path, line, (int)(start - line_start) + 1, "pattern '%.*s' defined twice",
                      (int)(p - start), start);
            return -1;
        }
    int code = 0;
    PCRE2_SIZE off = 0;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, (PCRE2_SIZE)(end - pat), PCRE2_UTF | PCRE2_MULTILINE,
                                   &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        set_error(err, path, line, (int)(pat - line_start) + (int)off + 1, "bad pattern: %s", (char *)msg);
        return -1;
    }
    /* JIT is an optimization: a platform without it still matches, slower. */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    char unit[8];
    if (backtracks(re, pat, (size_t)(end - pat), unit)) {
        pcre2_code_free(re);
        set_error(err, path, line, (int)(pat - line_start) + 1,
                  "pattern '%.*s' backtracks catastrophically (over %u steps on '%s' repeated %d "
                  "times); avoid nested repetition such as (a+)+",
                  (int)(p - start), start, PROBE_MATCH_LIMIT, unit, PROBE_REPEAT);
        return -1;
    }
    pattern *np = realloc(r->patterns, (r->npatterns + 1) * sizeof *np);
    if (!np) {
        pcre2_code_free(re);
        set_error(err, path, line, 1, "out of memory");
        return -1;
    }
    r->patterns = np;
    r->patterns[r->npatterns].name = malloc((size_t)(p - start) + 1);
    if (!r->patterns[r->npatterns].name) {
        pcre2_code_free(re);
        set_error(err, path, line, 1, "out of memory");
        return -1;
    }
    memcpy(r->patterns[r->npatterns].name, start, (size_t)(p - start));
    r->patterns[r->npatterns].name[p - start] = '\0';
    r->patterns[r->npatterns].code = re;
    r->patterns[r->npatterns].origin = origin_of(r, path, line);
    r->npatterns++;
    return 0;
}

const pcre2_code *qg_rules_pattern(const qg_rules *r, const char *name)
{
    for (uint32_t k = 0; k < r->npatterns; k++)
        if (strcmp(r->patterns[k].name, name) == 0)
            return r->patterns[k].code;
    return NULL;
}

uint32_t qg_rules_pattern_count(const qg_rules *r)
{
    return r->npatterns;
}

const char *qg_rules_pattern_name(const qg_rules *r, uint32_t i, const char **origin)
{
    *origin = qg_rules_str(r, r->patterns[i].origin);
    return r->patterns[i].name;
}

uint32_t qg_rules_entry_count(const qg_rules *r)
{
    return r->nentries;
}

const qg_lex_entry *qg_rules_entry(const qg_rules *r, uint32_t i)
{
    return &r->entries[i].e;
}

qg_rules *qg_rules_load(const char *dir, qg_error *err)
{
    qg_rules *r = calloc(1, sizeof *r);
    if (!r) {
        set_error(err, dir, 0, 0, "out of memory");
        return NULL;
    }
    r->digest = FNV_OFFSET;
    if (grow_table(r) != 0) {
        set_error(err, dir, 0, 0, "out of memory");
        goto fail;
    }
    char path[1024];
    for (size_t k = 0; k < sizeof lexicons / sizeof lexicons[0]; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, lexicons[k].file);
        if (each_line(r, path, lexicon_line, &lexicons[k], err) != 0)
            goto fail;
    }
    snprintf(path, sizeof path, "%s/patterns.txt", dir);
    if (each_line(r, path, pattern_line, NULL, err) != 0)
        goto fail;
    for (int k = 0; required_patterns[k]; k++)
        if (!qg_rules_pattern(r, required_patterns[k])) {
            set_error(err, path, 0, 0, "required pattern '%s' is missing", required_patterns[k]);
            goto fail;
        }
    snprintf(r->digest_hex, sizeof r->digest_hex, "%016llx", (unsigned long long)r->digest);
    index_single_entries(r);
    return r;
fail:
    qg_rules_free(r);
    return NULL;
}

const char *qg_rules_digest(const qg_rules *r)
{
    return r->digest_hex;
}

void qg_rules_free(qg_rules *r)
{
    if (!r)
        return;
    for (uint32_t i = 0; i < r->nslots; i++)
        free(r->slots[i].key);
    free(r->slots);
    free(r->single);
    free(r->entries);
    for (uint32_t i = 0; i < r->nstrings; i++)
        free(r->strings[i]);
    free(r->strings);
    for (uint32_t i = 0; i < r->npatterns; i++) {
        free(r->patterns[i].name);
        pcre2_code_free(r->patterns[i].code);
    }
    free(r->patterns);
    free(r);
}
