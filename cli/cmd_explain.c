/* cmd_explain.c - `quotegraph explain`: why a statement came out as it did.
 *
 * Annotates one document with the decision trace on (trace.h) and tells, for
 * a statement of its graph, the chain of decisions: how its quote was paired,
 * which frames were tried before the rule that found it, its cue and the
 * lexicon line behind it, its source mention and how coreference took that
 * mention to a speaker (every candidate looked at, and why each lost or
 * won), its confidence and its said_on and reported_by links. The
 * explanation is built once as JSON; the text form is printed from that. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doc.h"
#include "input.h"
#include "provenance.h"
#include "rules.h"
#include "trace.h"

#define TEXT_MAX 80 /* code points of a statement's text in the text form */

static const char usage_text[] =
    "usage: quotegraph explain [OPTIONS] FILE|- STATEMENT_ID\n"
    "\n"
    "Annotates one document and explains how statement STATEMENT_ID (s1, s2,\n"
    "... as in the graph `quotegraph run` writes for it, or `all`) was found\n"
    "and attributed: the quote pairing, the frames tried and the rule that won,\n"
    "the cue and its lexicon line, the source mention, the coreference\n"
    "candidates with why each lost or won, the confidence and the said_on and\n"
    "reported_by links.\n"
    "\n"
    "  --json         one JSON object instead of text\n"
    "  --jsonl        FILE holds JSON lines {\"id\":...,\"text\":...,\"date\":...}\n"
    "  --id DOC       with --jsonl: the document with id DOC (default: the\n"
    "                 first line)\n"
    "  --date DATE    document date (YYYY-MM-DD), as for run\n"
    "  --rules DIR    rules directory (default: $QUOTEGRAPH_RULES, else the\n"
    "                 built-in one)\n"
    "  --help         print this help and exit\n"
    "\n"
    "Exit status: 0 explained, 1 the document could not be read or has no\n"
    "such statement, 2 usage or rules error, 3 the output could not be\n"
    "written.\n";

typedef struct {
    const qg_doc *d;
    const qg_rules *r;
} ctx;

static const char *const stmt_kinds[] = {"direct", "mixed", "indirect"};
static const char *const mention_kinds[] = {"name", "nominal", "pronoun", "organization", "group"};
static const char *const entity_types[] = {"person", "organization", "group", "title"};
static const char *const genders[] = {"unknown", "male", "female", "plural", "neuter"};

#define NAME_OF(table, i) ((i) < sizeof table / sizeof table[0] ? table[i] : "?")

static json_t *span(const ctx *c, uint32_t start, uint32_t end)
{
    return json_pack("[I,I]", (json_int_t)qg_doc_cp(c->d, start), (json_int_t)qg_doc_cp(c->d, end));
}

static json_t *text(const ctx *c, uint32_t start, uint32_t end)
{
    return json_stringn(c->d->text + start, end - start);
}

static uint32_t tstart(const ctx *c, uint32_t t) { return c->d->tokens.items[t].start; }
static uint32_t tend(const ctx *c, uint32_t t) { return c->d->tokens.items[t].end; }

/* The name a reader knows an entity by: its canonical mention's bare name. */
static json_t *entity_name(const ctx *c, uint32_t ent)
{
    const qg_entity *e = &c->d->entities.items[ent];
    if (e->canon != QG_NONE)
        return json_string(qg_rules_str(c->r, e->canon));
    const qg_mention *m = &c->d->mentions.items[e->name_mention];
    uint32_t f = m->name_first != QG_NONE ? m->name_first : m->first;
    uint32_t l = m->name_first != QG_NONE ? m->name_last : m->last;
    return text(c, tstart(c, f), tend(c, l - 1));
}

static json_t *entity_json(const ctx *c, uint32_t ent)
{
    if (ent == QG_NONE || ent >= c->d->entities.count)
        return json_null();
    const qg_entity *e = &c->d->entities.items[ent];
    return json_pack("{s:o,s:s,s:s}", "name", entity_name(c, ent), "type", NAME_OF(entity_types, e->type),
                     "gender", NAME_OF(genders, e->gender));
}

static json_t *mention_json(const ctx *c, uint32_t mi)
{
    if (mi == QG_NONE || mi >= c->d->mentions.count)
        return json_null();
    const qg_mention *m = &c->d->mentions.items[mi];
    const qg_rule_info *ri = qg_rule(m->rule);
    return json_pack("{s:o,s:o,s:s,s:s,s:s,s:s,s:o}", "text", text(c, tstart(c, m->first), tend(c, m->last - 1)),
                     "span", span(c, tstart(c, m->first), tend(c, m->last - 1)), "kind",
                     NAME_OF(mention_kinds, m->kind), "gender", NAME_OF(genders, m->gender), "rule", ri->id,
                     "description", ri->description, "entity", entity_json(c, m->entity));
}

static json_t *reason_json(const qg_trace_rec *t)
{
    const qg_trace_info *ti = qg_trace_reason_info(t->reason);
    json_t *o = json_pack("{s:s,s:s,s:s}", "stage", ti->stage, "reason", ti->id, "text", ti->text);
    if (t->rule != QG_R_NONE) {
        json_object_set_new(o, "rule", json_string(qg_rule(t->rule)->id));
        json_object_set_new(o, "description", json_string(qg_rule(t->rule)->description));
    }
    return o;
}

/* The top-level quotes whose content starts inside the statement. */
static bool quote_of_statement(const ctx *c, const qg_statement *s, uint32_t q)
{
    const qg_quote *qq = &c->d->quotes.items[q];
    if (qq->first >= c->d->tokens.count)
        return false;
    uint32_t b = tstart(c, qq->first);
    if (b < s->start || b >= s->end)
        return false;
    if (qq->parent == QG_NONE)
        return true;
    uint32_t pb = tstart(c, c->d->quotes.items[qq->parent].first);
    return pb < s->start || pb >= s->end;
}

/* How the statement was found: its quotes' pairing, the frames tried and the
 * rule that made it, in the order the stages decided. */
static json_t *found_steps(const ctx *c, const qg_statement *s)
{
    const qg_doc *d = c->d;
    json_t *steps = json_array();
    for (uint32_t k = 0; k < d->trace.count; k++) {
        const qg_trace_rec *t = &d->trace.items[k];
        const qg_trace_info *ti = qg_trace_reason_info(t->reason);
        json_t *o = NULL;
        if (ti->subject == QG_TS_QUOTE) {
            bool pairing = strcmp(ti->stage, "quotes") == 0;
            for (uint32_t q = 0; q < d->quotes.count && !o; q++) {
                if (!quote_of_statement(c, s, q) || (pairing ? d->quotes.items[q].open != t->a : q != t->a))
                    continue;
                const qg_quote *qq = &d->quotes.items[q];
                o = reason_json(t);
                uint32_t end = qq->close != QG_NONE ? tend(c, qq->close) : tend(c, qq->last - 1);
                json_object_set_new(o, "quote", span(c, tstart(c, qq->open), end));
                if (t->reason == QG_T_CONT_PREVIOUS)
                    json_object_set_new(o, "speaker", entity_json(c, t->c));
            }
        } else if (ti->subject == QG_TS_CUE && s->cue_first == t->a) {
            o = reason_json(t);
        } else if (ti->subject == QG_TS_STATEMENT && t->a == s->start && t->b == s->end) {
            o = reason_json(t);
            if (t->reason == QG_T_FIRST_PERSON)
                json_object_set_new(o, "speaker", entity_json(c, t->c));
            else
                json_object_set_new(o, "confidence", json_real(t->score / 1000.0));
        }
        if (o)
            json_array_append_new(steps, o);
    }
    return steps;
}

/* The coreference decisions about mention MI: every candidate looked at,
 * in the order the stage looked, then those about the winner's own mention
 * (a surname that joined an earlier full name), DEPTH levels down. */
static void coref_steps(const ctx *c, uint32_t mi, json_t *out, int depth)
{
    const qg_doc *d = c->d;
    uint32_t chosen = QG_NONE;
    for (uint32_t k = 0; k < d->trace.count; k++) {
        const qg_trace_rec *t = &d->trace.items[k];
        const qg_trace_info *ti = qg_trace_reason_info(t->reason);
        if (ti->subject != QG_TS_MENTION || t->a != mi)
            continue;
        json_t *o = reason_json(t);
        json_object_set_new(o, "mention", mention_json(c, mi));
        json_object_set_new(o, "candidate", t->b != mi ? mention_json(c, t->b) : json_null());
        /* the reasons of a choice say so first (trace.def) */
        bool won = t->b != QG_NONE && t->b != mi && strncmp(ti->text, "chosen", 6) == 0;
        json_object_set_new(o, "chosen", json_boolean(won));
        json_array_append_new(out, o);
        if (won)
            chosen = t->b;
    }
    if (chosen != QG_NONE && depth > 1)
        coref_steps(c, chosen, out, depth - 1);
}

static json_t *cue_json(const ctx *c, const qg_statement *s)
{
    if (s->cue_first == QG_NONE)
        return json_null();
    json_t *o = json_pack("{s:o,s:o}", "text", text(c, tstart(c, s->cue_first), tend(c, s->cue_last - 1)), "span",
                          span(c, tstart(c, s->cue_first), tend(c, s->cue_last - 1)));
    /* "went on to say": the entry starts inside the cue, at "say" */
    for (uint32_t t = s->cue_first; t < s->cue_last; t++) {
        const qg_lex_entry *e = qg_rules_phrase(c->r, c->d, t, c->d->tokens.count, QG_LEX_CUE);
        if (e) {
            json_object_set_new(o, "entry", json_string(e->form));
            json_object_set_new(o, "origin", json_string(qg_rules_str(c->r, e->origin)));
            break;
        }
    }
    return o;
}

static json_t *link_json(uint32_t rule, json_t *target)
{
    if (!target)
        return json_null();
    return json_pack("{s:o,s:s,s:s}", "to", target, "rule", qg_rule(rule)->id, "description",
                     qg_rule(rule)->description);
}

static json_t *explain_statement(const ctx *c, uint32_t k)
{
    const qg_doc *d = c->d;
    const qg_statement *s = &d->statements.items[k];
    char id[16];
    snprintf(id, sizeof id, "s%u", k + 1);
    const qg_rule_info *ri = qg_rule(s->rule);
    json_t *o = json_pack("{s:s,s:s,s:o,s:o,s:s,s:s,s:f}", "id", id, "kind", NAME_OF(stmt_kinds, s->kind),
                          "span", span(c, s->start, s->end), "text", text(c, s->start, s->end), "rule", ri->id,
                          "description", ri->description, "confidence", s->confidence / 1000.0);
    json_object_set_new(o, "found", found_steps(c, s));
    json_object_set_new(o, "cue", cue_json(c, s));
    json_object_set_new(o, "source", mention_json(c, s->source));
    json_object_set_new(o, "speaker", entity_json(c, s->speaker));
    json_t *co = json_array();
    if (s->source != QG_NONE)
        coref_steps(c, s->source, co, 3);
    json_object_set_new(o, "coreference", co);
    if (s->speaker2 != QG_NONE && s->speaker2 != s->speaker)
        json_object_set_new(o, "speaker2", entity_json(c, s->speaker2));
    json_t *date = NULL;
    if (s->date != QG_NONE) {
        const qg_timex *t = &d->timexes.items[s->date];
        date = json_pack("{s:o,s:o}", "text", text(c, tstart(c, t->first), tend(c, t->last - 1)), "span",
                         span(c, tstart(c, t->first), tend(c, t->last - 1)));
    }
    json_object_set_new(o, "said_on", link_json(s->date_rule, date));
    json_object_set_new(o, "reported_by",
                        link_json(s->outlet_rule, s->outlet != QG_NONE ? entity_json(c, s->outlet) : NULL));
    return o;
}

/* ---- the text form ---- */

static const char *str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static void put_span(FILE *out, const json_t *sp)
{
    fprintf(out, "[%lld, %lld)", (long long)json_integer_value(json_array_get(sp, 0)),
            (long long)json_integer_value(json_array_get(sp, 1)));
}

/* TEXT on one line, cut after TEXT_MAX code points. */
static void put_short(FILE *out, const char *s)
{
    size_t cps = 0;
    for (; *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80 && cps++ == TEXT_MAX) {
            fputs("…", out);
            return;
        }
        fputc(*s == '\n' ? ' ' : *s, out);
    }
}

static void put_mention(FILE *out, const json_t *m)
{
    fprintf(out, "\"%s\" ", str(m, "text"));
    put_span(out, json_object_get(m, "span"));
    fprintf(out, ", %s", str(m, "kind"));
    if (strcmp(str(m, "gender"), "unknown") != 0)
        fprintf(out, " (%s)", str(m, "gender"));
}

static void put_entity(FILE *out, const json_t *e)
{
    fprintf(out, "%s (%s", str(e, "name"), str(e, "type"));
    if (strcmp(str(e, "gender"), "unknown") != 0)
        fprintf(out, ", %s", str(e, "gender"));
    fputc(')', out);
}

static void put_step(FILE *out, const json_t *st)
{
    fprintf(out, "    %-12s %s", str(st, "stage"), str(st, "reason"));
    if (*str(st, "rule") && strcmp(str(st, "rule"), str(st, "reason")) != 0)
        fprintf(out, " %s", str(st, "rule"));
    fprintf(out, ": %s", str(st, "text"));
    if (strcmp(str(st, "reason"), "statement") == 0)
        fprintf(out, " (%s)", str(st, "description"));
    json_t *q = json_object_get(st, "quote");
    if (q) {
        fputs(", quote ", out);
        put_span(out, q);
    }
    json_t *sp = json_object_get(st, "speaker");
    if (json_is_object(sp)) {
        fputs(", speaker ", out);
        put_entity(out, sp);
    }
    json_t *conf = json_object_get(st, "confidence");
    if (conf)
        fprintf(out, ", confidence %.2f", json_real_value(conf));
    fputc('\n', out);
}

static void put_link(FILE *out, const char *name, const json_t *l)
{
    fprintf(out, "  %s: ", name);
    if (!json_is_object(l)) {
        fputs("none\n", out);
        return;
    }
    const json_t *to = json_object_get(l, "to");
    if (json_object_get(to, "span")) {
        fprintf(out, "\"%s\" ", str(to, "text"));
        put_span(out, json_object_get(to, "span"));
    } else {
        put_entity(out, to);
    }
    fprintf(out, " by %s (%s)\n", str(l, "rule"), str(l, "description"));
}

static void put_text(FILE *out, const json_t *x)
{
    fprintf(out, "%s (%s) ", str(x, "id"), str(x, "kind"));
    put_span(out, json_object_get(x, "span"));
    fputs(" \"", out);
    put_short(out, str(x, "text"));
    fputs("\"\n", out);
    fprintf(out, "  rule: %s (%s), confidence %.2f\n", str(x, "rule"), str(x, "description"),
            json_real_value(json_object_get(x, "confidence")));
    fputs("  found:\n", out);
    const json_t *found = json_object_get(x, "found");
    for (size_t i = 0; i < json_array_size(found); i++)
        put_step(out, json_array_get(found, i));
    const json_t *cue = json_object_get(x, "cue");
    fputs("  cue: ", out);
    if (json_is_object(cue)) {
        fprintf(out, "\"%s\" ", str(cue, "text"));
        put_span(out, json_object_get(cue, "span"));
        if (*str(cue, "origin"))
            fprintf(out, ", lexicon entry \"%s\" at %s", str(cue, "entry"), str(cue, "origin"));
        fputc('\n', out);
    } else {
        fputs("none\n", out);
    }
    const json_t *src = json_object_get(x, "source");
    fputs("  source: ", out);
    if (json_is_object(src)) {
        put_mention(out, src);
        fprintf(out, " by %s (%s)\n", str(src, "rule"), str(src, "description"));
    } else {
        fputs("none\n", out);
    }
    const json_t *co = json_object_get(x, "coreference");
    for (size_t i = 0; i < json_array_size(co); i++) {
        const json_t *v = json_array_get(co, i);
        const json_t *cand = json_object_get(v, "candidate");
        fprintf(out, "    %-12s \"%s\" %s", str(v, "stage"), str(json_object_get(v, "mention"), "text"),
                json_is_true(json_object_get(v, "chosen")) ? "->" : "  ");
        if (json_is_object(cand)) {
            fputc(' ', out);
            put_mention(out, cand);
            if (json_is_object(json_object_get(cand, "entity"))) {
                fputs(" = ", out);
                put_entity(out, json_object_get(cand, "entity"));
            }
        }
        fprintf(out, ": %s: %s\n", str(v, "reason"), str(v, "text"));
    }
    const json_t *sp = json_object_get(x, "speaker");
    fputs("  speaker: ", out);
    if (json_is_object(sp))
        put_entity(out, sp);
    else if (json_is_object(src))
        fputs("none: the source was not resolved to anyone", out);
    else
        fputs("none: no frame gave a source", out);
    fputc('\n', out);
    const json_t *sp2 = json_object_get(x, "speaker2");
    if (sp2) {
        fputs("  second speaker: ", out);
        put_entity(out, sp2);
        fputc('\n', out);
    }
    put_link(out, "said_on", json_object_get(x, "said_on"));
    put_link(out, "reported_by", json_object_get(x, "reported_by"));
}

/* ---- input ---- */

typedef struct {
    const char *rules, *date, *id, *path, *which;
    bool json, jsonl;
} opts;

/* Reads the document OPTS names into a new document of P. Prints the error
 * and returns NULL on failure. */
static qg_doc *read_doc(qg_pipeline *p, const opts *o)
{
    const char *label = o->path ? o->path : "<stdin>";
    FILE *f = stdin;
    qg_error err;
    memset(&err, 0, sizeof err);
    qg_doc *doc = NULL;
    if (!o->jsonl) {
        char *buf = NULL;
        size_t len = 0;
        int rc = o->path ? qg_read_path(o->path, QG_MAX_DOC_BYTES, &buf, &len, &err)
                         : qg_read_stream(stdin, QG_MAX_DOC_BYTES, &buf, &len, &err);
        if (rc == 0) {
            char *id = o->path ? qg_path_id(o->path) : NULL;
            doc = qg_doc_new(p, id ? id : "stdin", o->path, buf, len, o->date, &err);
            free(id);
        }
        free(buf);
        if (!doc)
            fprintf(stderr, "quotegraph: %s: %s\n", label, err.message);
        return doc;
    }
    if (o->path && !(f = fopen(o->path, "rb"))) {
        fprintf(stderr, "quotegraph: %s: %s\n", label, strerror(errno));
        return NULL;
    }
    qg_line line = {0};
    long lineno = 0;
    int got;
    bool found = false;
    while (!found && (got = qg_read_line(f, QG_MAX_DOC_BYTES, &line)) > 0) {
        lineno++;
        if (line.len == 0)
            continue;
        qg_record rec;
        if (qg_record_parse(line.s, line.len, &rec, &err) != 0) {
            if (!o->id || (rec.id && strcmp(rec.id, o->id) == 0)) {
                fprintf(stderr, "quotegraph: %s:%ld: %s\n", label, lineno, err.message);
                found = true;
            }
        } else if (!o->id || (rec.id && strcmp(rec.id, o->id) == 0)) {
            found = true;
            char fallback[32];
            snprintf(fallback, sizeof fallback, "line-%ld", lineno);
            doc = qg_doc_new(p, rec.id ? rec.id : fallback, NULL, rec.text, rec.len, o->date ? o->date : rec.date,
                             &err);
            if (!doc)
                fprintf(stderr, "quotegraph: %s:%ld: %s\n", label, lineno, err.message);
        }
        qg_record_free(&rec);
    }
    if (got < 0)
        fprintf(stderr, "quotegraph: %s: %s\n", label, strerror(errno));
    else if (!found)
        fprintf(stderr, "quotegraph: %s: no document%s%s\n", label, o->id ? " with id " : "", o->id ? o->id : "");
    qg_line_free(&line);
    if (f != stdin)
        fclose(f);
    return doc;
}

static int parse_args(int argc, char **argv, opts *o)
{
    const char *operands[2];
    int n = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return -1;
        } else if (strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (strcmp(a, "--jsonl") == 0) {
            o->jsonl = true;
        } else if (qg_option(argc, argv, &i, NULL, "--rules", &v)) {
            if (!(o->rules = v))
                return qg_usage_error("explain", "%s needs a value", "--rules");
        } else if (qg_option(argc, argv, &i, NULL, "--date", &v)) {
            if (!(o->date = v))
                return qg_usage_error("explain", "%s needs a value", "--date");
        } else if (qg_option(argc, argv, &i, NULL, "--id", &v)) {
            if (!(o->id = v))
                return qg_usage_error("explain", "%s needs a value", "--id");
        } else if (a[0] == '-' && a[1]) {
            return qg_usage_error("explain", "unknown option '%s'", a);
        } else if (n == 2) {
            return qg_usage_error("explain", "unexpected operand '%s'", a);
        } else {
            operands[n++] = a;
        }
    }
    if (n < 2)
        return qg_usage_error("explain", "%s", "needs a document (FILE or -) and a statement id (s1, s2, ... or all)");
    o->path = strcmp(operands[0], "-") == 0 ? NULL : operands[0];
    o->which = operands[1];
    int y, m, d;
    if (o->date && qg_parse_iso_date(o->date, strlen(o->date), &y, &m, &d) != 0)
        return qg_usage_error("explain", "--date: '%s' is not a date (YYYY-MM-DD)", o->date);
    if (o->id && !o->jsonl)
        return qg_usage_error("explain", "%s", "--id picks a line of a --jsonl input");
    if (strcmp(o->which, "all") != 0) {
        char *end;
        errno = 0;
        unsigned long k = o->which[0] == 's' ? strtoul(o->which + 1, &end, 10) : 0;
        if (k == 0 || errno || *end || o->which[1] < '1' || o->which[1] > '9')
            return qg_usage_error("explain", "'%s' is no statement id (s1, s2, ... or all)", o->which);
    }
    return 0;
}

static int explain(const opts *o, qg_pipeline *p, const qg_rules *rules)
{
    qg_doc *doc = read_doc(p, o);
    if (!doc)
        return QG_EXIT_FAILED;
    qg_error err;
    memset(&err, 0, sizeof err);
    if (qg_pipeline_run(p, doc, &err) != QG_OK) {
        fprintf(stderr, "quotegraph: %s: %s\n", doc->id, err.message);
        qg_doc_free(doc);
        return QG_EXIT_FAILED;
    }
    ctx c = {doc, rules};
    uint32_t from = 0, to = doc->statements.count;
    if (strcmp(o->which, "all") != 0) {
        unsigned long k = strtoul(o->which + 1, NULL, 10);
        if (k > doc->statements.count) {
            fprintf(stderr, "quotegraph: %s: no statement %s (it has %u)\n", doc->id, o->which,
                    doc->statements.count);
            qg_doc_free(doc);
            return QG_EXIT_FAILED;
        }
        from = (uint32_t)k - 1;
        to = (uint32_t)k;
    }
    json_t *list = json_array();
    for (uint32_t k = from; k < to; k++)
        json_array_append_new(list, explain_statement(&c, k));
    int status = QG_EXIT_OK;
    if (o->json) {
        json_t *top = json_pack("{s:s,s:o}", "doc", doc->id, "statements", list);
        if (json_dumpf(top, stdout, JSON_COMPACT | JSON_REAL_PRECISION(6)) != 0 || fputc('\n', stdout) == EOF) {
            /* main.c reports write errors that reach the stream, not this one */
            fprintf(stderr, "quotegraph: <stdout>: write error: %s\n", strerror(errno));
            status = QG_EXIT_OUTPUT;
        }
        json_decref(top);
    } else {
        printf("document %s: %u statement%s\n", doc->id, doc->statements.count,
               doc->statements.count == 1 ? "" : "s");
        for (size_t i = 0; i < json_array_size(list); i++) {
            fputc('\n', stdout);
            put_text(stdout, json_array_get(list, i));
        }
        json_decref(list);
    }
    qg_doc_free(doc);
    return status;
}

int qg_cmd_explain(int argc, char **argv)
{
    opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? QG_EXIT_OK : rc;
    qg_rules *rules = qg_load_rules(qg_rules_dir(o.rules));
    if (!rules)
        return QG_EXIT_USAGE;
    qg_options opt = {0};
    opt.trace = 1;
    qg_pipeline *p = qg_pipeline_new(rules, &opt);
    if (!p) {
        qg_rules_free(rules);
        fputs("quotegraph: out of memory\n", stderr);
        return QG_EXIT_FAILED;
    }
    int status = explain(&o, p, rules);
    qg_pipeline_free(p);
    qg_rules_free(rules);
    return status;
}
