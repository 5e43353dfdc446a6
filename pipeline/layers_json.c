/* layers_json.c - writes and reads a document with its layers (schema
 * quotegraph-layers/1, see docs/schema.md), so that a run can stop after
 * any stage and resume later with byte-identical results.
 *
 * Each layer is described once by a table of its fields; the writer and the
 * reader walk the same table. Text offsets are code points in the file (as
 * everywhere in quotegraph's JSON) and bytes in memory; "no index" is -1. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "doc.h"
#include "pipeline_internal.h"
#include "quotegraph.h"
#include "rules.h"
#include "stage.h"

typedef enum { F_U32, F_BYTE, F_U16, F_U8, F_I32 } field_kind;

/* What an index field points into, so that a hand-edited or corrupt
 * layers file cannot send a stage past the end of a layer. */
typedef enum { R_NONE, R_TOK, R_TOK_END, R_TIMEX, R_QUOTE, R_MENTION, R_ENTITY } field_ref;

typedef struct {
    const char *name;
    size_t offset;
    field_kind kind;
    field_ref ref;
} field;

#define FIELD(T, f, k) {#f, offsetof(T, f), k, R_NONE}
#define REF(T, f, r) {#f, offsetof(T, f), F_U32, r}
#define END {NULL, 0, F_U32, R_NONE}

static const field token_fields[] = {
    FIELD(qg_token, start, F_BYTE), FIELD(qg_token, end, F_BYTE), FIELD(qg_token, kind, F_U8),
    FIELD(qg_token, flags, F_U16), END};
static const field sentence_fields[] = {
    REF(qg_sentence, first, R_TOK), REF(qg_sentence, last, R_TOK_END), FIELD(qg_sentence, para, F_U32),
    FIELD(qg_sentence, flags, F_U32), END};
static const field timex_fields[] = {
    REF(qg_timex, first, R_TOK), REF(qg_timex, last, R_TOK_END), FIELD(qg_timex, year, F_I32),
    FIELD(qg_timex, month, F_I32), FIELD(qg_timex, day, F_I32), FIELD(qg_timex, granularity, F_U32),
    FIELD(qg_timex, rule, F_U32), END};
static const field quote_fields[] = {
    REF(qg_quote, open, R_TOK), REF(qg_quote, close, R_TOK), REF(qg_quote, first, R_TOK_END),
    REF(qg_quote, last, R_TOK_END), REF(qg_quote, parent, R_QUOTE), FIELD(qg_quote, flags, F_U32), END};
static const field mention_fields[] = {
    REF(qg_mention, first, R_TOK), REF(qg_mention, last, R_TOK_END),
    REF(qg_mention, name_first, R_TOK), REF(qg_mention, name_last, R_TOK_END),
    REF(qg_mention, title_first, R_TOK), REF(qg_mention, title_last, R_TOK_END),
    REF(qg_mention, appos_first, R_TOK), REF(qg_mention, appos_last, R_TOK_END),
    FIELD(qg_mention, kind, F_U32), FIELD(qg_mention, gender, F_U32), REF(qg_mention, entity, R_ENTITY),
    REF(qg_mention, head, R_TOK), FIELD(qg_mention, rule, F_U32), FIELD(qg_mention, canon, F_U32),
    FIELD(qg_mention, flags, F_U32), END};
static const field entity_fields[] = {
    FIELD(qg_entity, type, F_U32), FIELD(qg_entity, gender, F_U32), REF(qg_entity, name_mention, R_MENTION),
    FIELD(qg_entity, canon, F_U32), REF(qg_entity, first_mention, R_MENTION), FIELD(qg_entity, outlet, F_U32),
    END};
static const field statement_fields[] = {
    FIELD(qg_statement, start, F_BYTE), FIELD(qg_statement, end, F_BYTE), FIELD(qg_statement, kind, F_U32),
    REF(qg_statement, quote, R_QUOTE), REF(qg_statement, source, R_MENTION),
    REF(qg_statement, source_last, R_TOK_END),
    REF(qg_statement, speaker, R_ENTITY), REF(qg_statement, speaker2, R_ENTITY),
    REF(qg_statement, source2, R_MENTION), REF(qg_statement, cue_first, R_TOK),
    REF(qg_statement, cue_last, R_TOK_END), REF(qg_statement, date, R_TIMEX),
    REF(qg_statement, outlet, R_ENTITY), FIELD(qg_statement, rule, F_U32),
    FIELD(qg_statement, confidence, F_U32), FIELD(qg_statement, date_rule, F_U32),
    FIELD(qg_statement, outlet_rule, F_U32), END};

/* Every QG_VEC in qg_doc has this layout. */
typedef struct {
    void *items;
    uint32_t count, cap;
} raw_vec;

typedef struct {
    const char *name;
    size_t vec_offset; /* of the QG_VEC inside qg_doc */
    size_t elem_size;
    const field *fields;
    int stage;         /* the stage that adds it */
} layer;

static const layer layers[] = {
    {"tokens", offsetof(qg_doc, tokens), sizeof(qg_token), token_fields, QG_STAGE_TOKENIZE},
    {"sentences", offsetof(qg_doc, sentences), sizeof(qg_sentence), sentence_fields, QG_STAGE_SENTENCES},
    {"timexes", offsetof(qg_doc, timexes), sizeof(qg_timex), timex_fields, QG_STAGE_DATES},
    {"quotes", offsetof(qg_doc, quotes), sizeof(qg_quote), quote_fields, QG_STAGE_QUOTES},
    {"mentions", offsetof(qg_doc, mentions), sizeof(qg_mention), mention_fields, QG_STAGE_MENTIONS},
    {"entities", offsetof(qg_doc, entities), sizeof(qg_entity), entity_fields, QG_STAGE_COREF},
    {"statements", offsetof(qg_doc, statements), sizeof(qg_statement), statement_fields,
     QG_STAGE_ATTRIBUTION},
};
#define NLAYERS (sizeof layers / sizeof layers[0])

static raw_vec *vec_of(const qg_doc *doc, const layer *l)
{
    return (raw_vec *)((char *)doc + l->vec_offset);
}

static json_int_t get_field(const qg_doc *doc, const void *elem, const field *f)
{
    const char *p = (const char *)elem + f->offset;
    uint32_t u;
    switch (f->kind) {
    case F_U8:
        return *(const uint8_t *)p;
    case F_U16:
        return *(const uint16_t *)p;
    case F_I32:
        return *(const int32_t *)p;
    case F_BYTE:
        memcpy(&u, p, sizeof u);
        return qg_doc_cp(doc, u);
    default:
        memcpy(&u, p, sizeof u);
        return u == QG_NONE ? -1 : (json_int_t)u;
    }
}

static int set_field(const qg_doc *doc, void *elem, const field *f, json_int_t v)
{
    char *p = (char *)elem + f->offset;
    switch (f->kind) {
    case F_U8:
        if (v < 0 || v > UINT8_MAX)
            return -1;
        *(uint8_t *)p = (uint8_t)v;
        return 0;
    case F_U16:
        if (v < 0 || v > UINT16_MAX)
            return -1;
        *(uint16_t *)p = (uint16_t)v;
        return 0;
    case F_I32:
        if (v < INT32_MIN || v > INT32_MAX)
            return -1;
        *(int32_t *)p = (int32_t)v;
        return 0;
    case F_BYTE: {
        if (v < 0 || v > (json_int_t)doc->len)
            return -1;
        uint32_t b = qg_doc_byte(doc, (uint32_t)v);
        memcpy(p, &b, sizeof b);
        return 0;
    }
    default: {
        if (v < -1 || v > (json_int_t)UINT32_MAX - 1)
            return -1;
        uint32_t u = v == -1 ? QG_NONE : (uint32_t)v;
        memcpy(p, &u, sizeof u);
        return 0;
    }
    }
}

int qg_write_layers(const qg_doc *doc, const qg_rules *rules, FILE *out)
{
    json_t *root = json_object();
    json_object_set_new(root, "schema", json_string(QG_LAYERS_SCHEMA));
    json_object_set_new(root, "version", json_string(QG_VERSION));
    json_object_set_new(root, "rules", json_string(qg_rules_digest(rules)));
    json_t *d = json_object();
    json_object_set_new(d, "id", json_string(doc->id));
    json_object_set_new(d, "source", doc->source ? json_string(doc->source) : json_null());
    if (doc->date.year) {
        char buf[16];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", doc->date.year, doc->date.month, doc->date.day);
        json_object_set_new(d, "date", json_string(buf));
    } else {
        json_object_set_new(d, "date", json_null());
    }
    json_object_set_new(d, "length", json_integer(qg_doc_cp(doc, doc->len)));
    json_object_set_new(root, "doc", d);
    json_object_set_new(root, "text", json_stringn(doc->text, doc->len));
    json_t *stages = json_array();
    for (int s = 0; s < QG_STAGE_COUNT; s++)
        if (doc->stages_done & QG_STAGE_BIT(s))
            json_array_append_new(stages, json_string(qg_stages[s].name));
    json_object_set_new(root, "stages", stages);
    for (size_t k = 0; k < NLAYERS; k++) {
        const layer *l = &layers[k];
        if (!(doc->stages_done & QG_STAGE_BIT(l->stage)))
            continue;
        const raw_vec *v = vec_of(doc, l);
        json_t *lo = json_object();
        json_t *names = json_array();
        for (const field *f = l->fields; f->name; f++)
            json_array_append_new(names, json_string(f->name));
        json_object_set_new(lo, "fields", names);
        json_t *rows = json_array();
        for (uint32_t i = 0; i < v->count; i++) {
            const void *elem = (const char *)v->items + i * l->elem_size;
            json_t *row = json_array();
            for (const field *f = l->fields; f->name; f++)
                json_array_append_new(row, json_integer(get_field(doc, elem, f)));
            json_array_append_new(rows, row);
        }
        json_object_set_new(lo, "rows", rows);
        json_object_set_new(root, l->name, lo);
    }
    char *line = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!line)
        return -1;
    size_t n = strlen(line);
    int rc = (fwrite(line, 1, n, out) == n && fputc('\n', out) != EOF) ? 0 : -1;
    free(line);
    return rc;
}

static void layers_error(qg_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void layers_error(qg_error *err, const char *fmt, ...)
{
    err->status = QG_ERR_INPUT;
    err->offset = -1;
    err->file[0] = '\0';
    err->line = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* Fills layer L of DOC from its JSON object; returns 0 or -1. */
static int read_layer(qg_doc *doc, const layer *l, json_t *lo, qg_error *err)
{
    json_t *names = json_object_get(lo, "fields");
    json_t *rows = json_object_get(lo, "rows");
    if (!json_is_array(names) || !json_is_array(rows)) {
        layers_error(err, "layer '%s' needs fields and rows", l->name);
        return -1;
    }
    size_t nf = 0;
    for (const field *f = l->fields; f->name; f++, nf++) {
        json_t *name = json_array_get(names, nf);
        if (!json_is_string(name) || strcmp(json_string_value(name), f->name) != 0) {
            layers_error(err, "layer '%s' has other fields than this version writes", l->name);
            return -1;
        }
    }
    raw_vec *v = vec_of(doc, l);
    size_t n = json_array_size(rows);
    if (n > UINT32_MAX / 2) {
        layers_error(err, "layer '%s' is too long", l->name);
        return -1;
    }
    v->items = qg_arena_alloc(doc->arena, (n + 1) * l->elem_size);
    v->count = v->cap = (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        json_t *row = json_array_get(rows, i);
        if (!json_is_array(row) || json_array_size(row) != nf) {
            layers_error(err, "layer '%s': a row has the wrong number of fields", l->name);
            return -1;
        }
        void *elem = (char *)v->items + i * l->elem_size;
        size_t k = 0;
        for (const field *f = l->fields; f->name; f++, k++) {
            json_t *x = json_array_get(row, k);
            if (!json_is_integer(x) || set_field(doc, elem, f, json_integer_value(x)) != 0) {
                layers_error(err, "layer '%s': a value is out of range", l->name);
                return -1;
            }
        }
    }
    return 0;
}

/* Token indexes must stay inside the token layer, or later stages would
 * read past it; the reader checks what the writer guarantees. */
static int check_tokens(const qg_doc *doc, qg_error *err)
{
    uint32_t prev_end = 0;
    for (uint32_t i = 0; i < doc->tokens.count; i++) {
        const qg_token *t = &doc->tokens.items[i];
        if (t->start < prev_end || t->end <= t->start || t->end > doc->len) {
            layers_error(err, "%s", "tokens are out of order or outside the text");
            return -1;
        }
        prev_end = t->end;
    }
    for (uint32_t i = 0; i < doc->sentences.count; i++)
        if (doc->sentences.items[i].last > doc->tokens.count ||
            doc->sentences.items[i].first >= doc->sentences.items[i].last) {
            layers_error(err, "%s", "a sentence lies outside the tokens");
            return -1;
        }
    return 0;
}

/* Every index must point inside its layer (QG_NONE aside), every range
 * must be ordered, and enumerations must be in range. */
static int check_refs(const qg_doc *doc, qg_error *err)
{
    uint32_t counts[] = {[R_NONE] = 0,
                         [R_TOK] = doc->tokens.count,
                         [R_TOK_END] = doc->tokens.count + 1,
                         [R_TIMEX] = doc->timexes.count,
                         [R_QUOTE] = doc->quotes.count,
                         [R_MENTION] = doc->mentions.count,
                         [R_ENTITY] = doc->entities.count};
    for (size_t k = 0; k < NLAYERS; k++) {
        const layer *l = &layers[k];
        const raw_vec *v = vec_of(doc, l);
        for (uint32_t i = 0; i < v->count; i++) {
            const char *elem = (const char *)v->items + i * l->elem_size;
            for (const field *f = l->fields; f->name; f++) {
                if (f->ref == R_NONE)
                    continue;
                uint32_t x;
                memcpy(&x, elem + f->offset, sizeof x);
                if (x != QG_NONE && x >= counts[f->ref]) {
                    layers_error(err, "layer '%s': %s %u points outside its layer", l->name, f->name, x);
                    return -1;
                }
            }
        }
    }
    for (uint32_t i = 0; i < doc->mentions.count; i++) {
        const qg_mention *m = &doc->mentions.items[i];
        if (m->first >= m->last || m->kind > QG_MEN_GROUP || (m->name_first != QG_NONE && m->name_last == QG_NONE) ||
            (m->title_first != QG_NONE && m->title_last == QG_NONE) ||
            (m->appos_first != QG_NONE && m->appos_last == QG_NONE)) {
            layers_error(err, "%s", "layer 'mentions': a malformed mention");
            return -1;
        }
    }
    for (uint32_t i = 0; i < doc->quotes.count; i++) {
        const qg_quote *q = &doc->quotes.items[i];
        if (q->first > q->last || q->open >= q->first) {
            layers_error(err, "%s", "layer 'quotes': a malformed quotation");
            return -1;
        }
    }
    for (uint32_t i = 0; i < doc->entities.count; i++)
        if (doc->entities.items[i].type > QG_ENT_TITLE) {
            layers_error(err, "%s", "layer 'entities': unknown entity type");
            return -1;
        }
    for (uint32_t i = 0; i < doc->statements.count; i++) {
        const qg_statement *s = &doc->statements.items[i];
        if (s->start > s->end || s->kind > QG_STMT_INDIRECT ||
            (s->cue_first == QG_NONE) != (s->cue_last == QG_NONE)) {
            layers_error(err, "%s", "layer 'statements': a malformed statement");
            return -1;
        }
    }
    return 0;
}

qg_doc *qg_read_layers(qg_pipeline *p, const char *line, size_t len, qg_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(line, len, 0, &jerr);
    qg_doc *doc = NULL;
    if (!root) {
        layers_error(err, "not JSON: %s", jerr.text);
        return NULL;
    }
    const char *schema = json_string_value(json_object_get(root, "schema"));
    const char *digest = json_string_value(json_object_get(root, "rules"));
    json_t *d = json_object_get(root, "doc");
    const char *text = json_string_value(json_object_get(root, "text"));
    if (!schema || strcmp(schema, QG_LAYERS_SCHEMA) != 0) {
        layers_error(err, "not a layers record (schema %s expected)", QG_LAYERS_SCHEMA);
        goto fail;
    }
    /* Rule ids and layer fields are this build's: a layers file from
     * another version is rerun from its text, not trusted. */
    const char *version = json_string_value(json_object_get(root, "version"));
    if (!version || strcmp(version, QG_VERSION) != 0) {
        layers_error(err, "written by quotegraph %s, not %s; rerun from the text", version ? version : "?",
                     QG_VERSION);
        goto fail;
    }
    if (!digest || strcmp(digest, qg_rules_digest(p->rules)) != 0) {
        layers_error(err, "%s", "made with other rules than the ones loaded; rerun from the text");
        goto fail;
    }
    if (!json_is_object(d) || !text || !json_is_string(json_object_get(d, "id"))) {
        layers_error(err, "%s", "missing doc.id or text");
        goto fail;
    }
    const char *date = json_string_value(json_object_get(d, "date"));
    const char *source = json_string_value(json_object_get(d, "source"));
    doc = qg_doc_new(p, json_string_value(json_object_get(d, "id")), source, text,
                     json_string_length(json_object_get(root, "text")), date, err);
    if (!doc)
        goto fail;
    json_t *stages = json_object_get(root, "stages");
    size_t i;
    json_t *name;
    json_array_foreach(stages, i, name) {
        int s = json_is_string(name) ? qg_stage_find(json_string_value(name)) : -1;
        if (s < 0) {
            layers_error(err, "unknown stage '%s'", json_is_string(name) ? json_string_value(name) : "?");
            goto fail;
        }
        doc->stages_done |= QG_STAGE_BIT(s);
    }
    for (size_t k = 0; k < NLAYERS; k++) {
        const layer *l = &layers[k];
        if (!(doc->stages_done & QG_STAGE_BIT(l->stage)))
            continue;
        json_t *lo = json_object_get(root, l->name);
        if (!json_is_object(lo)) {
            layers_error(err, "stage ran but layer '%s' is missing", l->name);
            goto fail;
        }
        if (read_layer(doc, l, lo, err) != 0)
            goto fail;
    }
    if (check_tokens(doc, err) != 0 || check_refs(doc, err) != 0)
        goto fail;
    /* Lexicon classes are derived from the rules, not stored. */
    for (uint32_t t = 0; t < doc->tokens.count; t++) {
        qg_token *tk = &doc->tokens.items[t];
        tk->word = QG_NONE;
        tk->lex = 0;
        if (tk->kind == QG_TOK_WORD || tk->kind == QG_TOK_NUMBER)
            tk->word = qg_rules_word(p->rules, doc->text + tk->start, tk->end - tk->start, &tk->lex);
    }
    json_decref(root);
    return doc;
fail:
    if (doc)
        qg_doc_free(doc);
    json_decref(root);
    return NULL;
}
