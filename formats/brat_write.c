/* brat_write.c - one quotegraph/1 graph record as brat .ann lines.
 *
 * Statements first, each followed by its attribute, note, Source and Cue and
 * their relations, so that one attribution reads as one block; then the
 * mentions, titles and dates. Source and Cue entities with the same span are
 * written once and shared (a continuation quote reuses its frame's). */
#include "brat.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

typedef struct {
    const char *text;
    size_t *boff; /* byte offset of every code point, and of the end */
    size_t ncp;
    FILE *out;
    int nt, nr, na, nn; /* the last T, R, A and # numbers used */
    json_t *shared;     /* "type start end" -> T number, for Source and Cue */
    qg_brat_error *err;
} writer;

static int fail(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(writer *w, const char *fmt, ...)
{
    if (w->err) {
        va_list ap;
        va_start(ap, fmt);
        w->err->line = 0;
        vsnprintf(w->err->text, sizeof w->err->text, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static bool is_newline(char c)
{
    return c == '\n' || c == '\r';
}

/* Pronouns are mentions, but no annotator corrects them as names, and gold
 * aliases leave them out (shared/gold/README.md). */
static bool is_pronoun(const char *s)
{
    static const char *const pronouns[] = {"he",  "she", "it",   "they", "we",    "i",
                                           "you", "who", "whom", "him",  "her",   "them",
                                           "us",  "me",  "his",  "its",  "their", "which"};
    for (size_t i = 0; i < sizeof pronouns / sizeof pronouns[0]; i++)
        if (strcasecmp(s, pronouns[i]) == 0)
            return true;
    return false;
}

/* The span of a span object {"span":[s,e],"text":...} or a statement node,
 * checked against the text. */
static int get_span(writer *w, const json_t *obj, const char *what, size_t *s, size_t *e)
{
    const json_t *sp = json_object_get(obj, "span");
    const char *t = json_string_value(json_object_get(obj, "text"));
    json_int_t a = json_integer_value(json_array_get(sp, 0));
    json_int_t b = json_integer_value(json_array_get(sp, 1));
    if (!json_is_array(sp) || json_array_size(sp) != 2 || !json_is_integer(json_array_get(sp, 0)) ||
        !json_is_integer(json_array_get(sp, 1)) || !t)
        return fail(w, "%s: needs \"span\": [start, end] and \"text\"", what);
    if (a < 0 || b <= a || (size_t)b > w->ncp)
        return fail(w, "%s: span [%lld, %lld] is not within the text (%zu characters)", what,
                    (long long)a, (long long)b, w->ncp);
    size_t b0 = w->boff[a], b1 = w->boff[b];
    if (strlen(t) != b1 - b0 || memcmp(t, w->text + b0, b1 - b0) != 0) {
        char ex[48];
        return fail(w, "%s: span [%lld, %lld] does not hold \"%s\": is this the text that "
                       "was annotated?",
                    what, (long long)a, (long long)b, qg_brat_excerpt(ex, sizeof ex, t, strlen(t)));
    }
    *s = (size_t)a;
    *e = (size_t)b;
    return 0;
}

/* Writes a text-bound annotation and returns its T number (> 0), or -1.
 * brat spans cannot hold a line break, so the span is cut into fragments at
 * line breaks ("0 5;7 12"); the text field joins the fragments with a space,
 * as brat does. With SHARE, an entity of the same type and span written
 * before is returned instead, and *FRESH says which happened. */
static int write_tb(writer *w, qg_brat_type type, size_t s, size_t e, bool share, bool *fresh)
{
    char key[64];
    snprintf(key, sizeof key, "%d %zu %zu", (int)type, s, e);
    if (fresh)
        *fresh = true;
    if (share) {
        json_t *old = json_object_get(w->shared, key);
        if (old) {
            if (fresh)
                *fresh = false;
            return (int)json_integer_value(old);
        }
    }
    size_t cs = s;
    while (cs < e && is_newline(w->text[w->boff[cs]]))
        cs++;
    if (cs == e)
        return fail(w, "span [%zu, %zu] holds only line breaks", s, e);
    int t = ++w->nt;
    fprintf(w->out, "T%d\t%s ", t, qg_brat_type_name(type));
    /* Two passes over the fragments: offsets, then their text. */
    for (int pass = 0; pass < 2; pass++) {
        bool first = true;
        size_t i = s;
        while (i < e) {
            while (i < e && is_newline(w->text[w->boff[i]]))
                i++;
            if (i == e)
                break;
            size_t j = i;
            while (j < e && !is_newline(w->text[w->boff[j]]))
                j++;
            if (pass == 0)
                fprintf(w->out, "%s%zu %zu", first ? "" : ";", i, j);
            else
                fprintf(w->out, "%s%.*s", first ? "" : " ", (int)(w->boff[j] - w->boff[i]),
                        w->text + w->boff[i]);
            first = false;
            i = j;
        }
        fputc(pass == 0 ? '\t' : '\n', w->out);
    }
    if (share && json_object_set_new(w->shared, key, json_integer(t)) < 0)
        return fail(w, "out of memory");
    return t;
}

/* One note field "key=value" (value escaped), after SEP. */
static int note_field(writer *w, const char *sep, const char *key, const char *value)
{
    char *esc = qg_brat_escape(value);
    if (!esc)
        return fail(w, "out of memory");
    fprintf(w->out, "%s%s=%s", sep, key, esc);
    free(esc);
    return 0;
}

static int write_note1(writer *w, int t, const char *key, const char *value)
{
    fprintf(w->out, "#%d\tAnnotatorNotes T%d\t", ++w->nn, t);
    int rc = note_field(w, "", key, value);
    fputc('\n', w->out);
    return rc;
}

static const char *node_str(const json_t *index, const char *id, const char *key)
{
    return json_string_value(json_object_get(json_object_get(index, id), key));
}

/* The target of STATEMENT's first edge of TYPE, or NULL. */
static const char *edge_target(const json_t *edges, const char *type, const char *statement)
{
    size_t i;
    json_t *e;
    json_array_foreach(edges, i, e) {
        const char *from = json_string_value(json_object_get(e, "from"));
        const char *et = json_string_value(json_object_get(e, "type"));
        if (et && from && strcmp(et, type) == 0 && strcmp(from, statement) == 0)
            return json_string_value(json_object_get(e, "to"));
    }
    return NULL;
}

/* One attribution: the statement ST, spoken according to SAID (NULL: no
 * said edge). */
static int write_attribution(writer *w, const json_t *index, const json_t *edges,
                             const json_t *st, const json_t *said)
{
    const char *sid = json_string_value(json_object_get(st, "id"));
    const char *kind = json_string_value(json_object_get(st, "kind"));
    size_t s, e;
    char what[80];
    snprintf(what, sizeof what, "statement %s", sid ? sid : "?");
    if (get_span(w, st, what, &s, &e) < 0)
        return -1;
    if (!kind || (strcmp(kind, "direct") && strcmp(kind, "mixed") && strcmp(kind, "indirect")))
        return fail(w, "%s: \"kind\" must be direct, mixed or indirect", what);
    int t = write_tb(w, QG_BRAT_STATEMENT, s, e, false, NULL);
    if (t < 0)
        return -1;
    fprintf(w->out, "A%d\tKind T%d %s\n", ++w->na, t, kind);

    /* The note: speaker, date, reported_by, rule. A group is an unnamed
     * source, whose gold speaker is null; its Source span still shows it. */
    const char *from = said ? json_string_value(json_object_get(said, "from")) : NULL;
    const char *ftype = from ? node_str(index, from, "type") : NULL;
    const char *speaker = ftype && strcmp(ftype, "group") ? node_str(index, from, "name") : NULL;
    const char *date_id = edge_target(edges, "said_on", sid);
    const char *date = date_id ? node_str(index, date_id, "value") : NULL;
    const char *by_id = edge_target(edges, "reported_by", sid);
    const char *by = by_id ? node_str(index, by_id, "name") : NULL;
    const char *rule = json_string_value(json_object_get(said ? said : st, "rule"));
    const char *keys[] = {"speaker", "date", "reported_by", "rule"};
    const char *values[] = {speaker, date, by, rule};
    const char *sep = "";
    for (size_t k = 0; k < 4; k++) {
        if (!values[k])
            continue;
        if (!*sep)
            fprintf(w->out, "#%d\tAnnotatorNotes T%d\t", ++w->nn, t);
        if (note_field(w, sep, keys[k], values[k]) < 0)
            return -1;
        sep = "; ";
    }
    if (*sep)
        fputc('\n', w->out);

    static const char *const arg_keys[] = {"source", "cue"};
    static const char *const rel_names[] = {"Said", "CueOf"};
    for (int k = 0; said && k < 2; k++) {
        const json_t *o = json_object_get(said, arg_keys[k]);
        if (!o || json_is_null(o))
            continue;
        snprintf(what, sizeof what, "%s of statement %s", arg_keys[k], sid ? sid : "?");
        if (get_span(w, o, what, &s, &e) < 0)
            return -1;
        int a = write_tb(w, k == 0 ? QG_BRAT_SOURCE : QG_BRAT_CUE, s, e, true, NULL);
        if (a < 0)
            return -1;
        fprintf(w->out, "R%d\t%s Arg1:T%d Arg2:T%d\t\n", ++w->nr, rel_names[k], a, t);
    }
    return 0;
}

static int write_statements(writer *w, const json_t *index, const json_t *nodes,
                            const json_t *edges)
{
    size_t i, j;
    json_t *n, *e;
    json_array_foreach(nodes, i, n) {
        const char *type = json_string_value(json_object_get(n, "type"));
        const char *id = json_string_value(json_object_get(n, "id"));
        if (!type || !id || strcmp(type, "statement") != 0)
            continue;
        int nsaid = 0;
        json_array_foreach(edges, j, e) {
            const char *et = json_string_value(json_object_get(e, "type"));
            const char *to = json_string_value(json_object_get(e, "to"));
            if (et && to && strcmp(et, "said") == 0 && strcmp(to, id) == 0) {
                if (write_attribution(w, index, edges, n, e) < 0)
                    return -1;
                nsaid++;
            }
        }
        if (nsaid == 0 && write_attribution(w, index, edges, n, NULL) < 0)
            return -1;
    }
    return 0;
}

/* Person, Organization and Group mentions with the entity's name; Date
 * mentions with their value, the publication date marked. */
static int write_mentions(writer *w, const json_t *nodes, const char *doc_date)
{
    size_t i, j;
    json_t *n, *m;
    bool pub_done = false;
    json_array_foreach(nodes, i, n) {
        const char *type = json_string_value(json_object_get(n, "type"));
        const char *name = json_string_value(json_object_get(n, "name"));
        const char *value = json_string_value(json_object_get(n, "value"));
        int bt = !type                              ? -1
                 : strcmp(type, "person") == 0       ? QG_BRAT_PERSON
                 : strcmp(type, "organization") == 0 ? QG_BRAT_ORGANIZATION
                 : strcmp(type, "group") == 0        ? QG_BRAT_GROUP
                 : strcmp(type, "date") == 0         ? QG_BRAT_DATE
                                                     : -1;
        if (bt < 0)
            continue;
        json_array_foreach(json_object_get(n, "mentions"), j, m) {
            size_t s, e;
            char what[80];
            const char *nid = json_string_value(json_object_get(n, "id"));
            snprintf(what, sizeof what, "mention %zu of %s", j + 1, nid ? nid : "?");
            if (get_span(w, m, what, &s, &e) < 0)
                return -1;
            const char *mt = json_string_value(json_object_get(m, "text"));
            if (bt != QG_BRAT_DATE && is_pronoun(mt))
                continue;
            bool fresh;
            int t = write_tb(w, (qg_brat_type)bt, s, e, true, &fresh);
            if (t < 0)
                return -1;
            if (!fresh)
                continue;
            if (bt != QG_BRAT_DATE && name && write_note1(w, t, "name", name) < 0)
                return -1;
            if (bt == QG_BRAT_DATE && value && write_note1(w, t, "value", value) < 0)
                return -1;
            /* The text's own date line ("date 2019-06-02") is the mention
             * that spells the document date; a --date given on the command
             * line is not in the text and is not exported. */
            if (bt == QG_BRAT_DATE && doc_date && !pub_done && value &&
                strcmp(value, doc_date) == 0 && strcmp(mt, doc_date) == 0) {
                fprintf(w->out, "A%d\tPublication T%d\n", ++w->na, t);
                pub_done = true;
            }
        }
    }
    return 0;
}

/* Title mentions, one per has_title edge and mention, noted with the
 * person's name. */
static int write_titles(writer *w, const json_t *index, const json_t *edges)
{
    size_t i, j;
    json_t *e, *m;
    json_array_foreach(edges, i, e) {
        const char *et = json_string_value(json_object_get(e, "type"));
        const char *from = json_string_value(json_object_get(e, "from"));
        const char *to = json_string_value(json_object_get(e, "to"));
        if (!et || !from || !to || strcmp(et, "has_title") != 0)
            continue;
        const char *person = node_str(index, from, "name");
        json_array_foreach(json_object_get(json_object_get(index, to), "mentions"), j, m) {
            size_t s, end;
            char what[80];
            snprintf(what, sizeof what, "mention %zu of %s", j + 1, to);
            if (get_span(w, m, what, &s, &end) < 0)
                return -1;
            int t = write_tb(w, QG_BRAT_TITLE, s, end, false, NULL);
            if (t < 0 || (person && write_note1(w, t, "person", person) < 0))
                return -1;
        }
    }
    return 0;
}

int qg_brat_write_ann(const json_t *graph, const char *text, size_t len, FILE *out,
                      qg_brat_error *err)
{
    writer w = {.text = text, .out = out, .err = err};
    int rc = -1;
    const json_t *doc = json_object_get(graph, "doc");
    const json_t *nodes = json_object_get(graph, "nodes");
    const json_t *edges = json_object_get(graph, "edges");
    json_t *index = json_object();
    w.shared = json_object();
    w.boff = malloc((len + 1) * sizeof *w.boff);
    if (!index || !w.shared || !w.boff) {
        fail(&w, "out of memory");
        goto out;
    }
    if (json_object_get(graph, "error")) {
        const char *code = json_string_value(json_object_get(json_object_get(graph, "error"), "code"));
        fail(&w, "an error record (%s) has no annotations", code ? code : "?");
        goto out;
    }
    long bad = qg_utf8_validate(text, len);
    if (bad >= 0) {
        fail(&w, "the text is not valid UTF-8 (byte %ld)", bad);
        goto out;
    }
    if (!json_is_object(doc) || !json_is_array(nodes) || !json_is_array(edges)) {
        fail(&w, "not a quotegraph/1 graph record (doc, nodes, edges)");
        goto out;
    }
    /* Code points of valid UTF-8: every byte that does not continue one. */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0 || (c & 0xC0) != 0x80)
            w.boff[w.ncp++] = i;
    }
    w.boff[w.ncp] = len;
    if (!json_is_integer(json_object_get(doc, "length")) ||
        json_integer_value(json_object_get(doc, "length")) != (json_int_t)w.ncp) {
        fail(&w, "the text has %zu characters, the graph's doc.length is %lld", w.ncp,
             (long long)json_integer_value(json_object_get(doc, "length")));
        goto out;
    }
    size_t i;
    json_t *n;
    json_array_foreach(nodes, i, n) {
        const char *id = json_string_value(json_object_get(n, "id"));
        if (!id || json_object_set(index, id, n) < 0) {
            fail(&w, "node %zu has no id", i + 1);
            goto out;
        }
    }
    if (write_statements(&w, index, nodes, edges) < 0 ||
        write_mentions(&w, nodes, json_string_value(json_object_get(doc, "date"))) < 0 ||
        write_titles(&w, index, edges) < 0)
        goto out;
    rc = ferror(out) ? -2 : 0;
out:
    free(w.boff);
    json_decref(w.shared);
    json_decref(index);
    return rc;
}
