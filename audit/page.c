/* page.c - the audit report's pages: a graph record read back into
 * statements and speakers, its text marked up with qg_html_spans, the table
 * of statements, and the index of documents. Colours are WCAG AA on their
 * backgrounds and every mark also has a border style or a text label. */
#include "page.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

#define NONE SIZE_MAX
#define NCOLOURS 8

/* Span kinds, outermost first where ranges coincide. */
enum { K_MISSED, K_STMT, K_SOURCE, K_MENTION, K_TITLE, K_CUE, K_DATE };

typedef struct {
    const char *id, *type, *name, *value, *kind;
    const json_t *mentions;
    int colour;  /* -1: never a speaker */
    size_t stmt; /* statement nodes: their index in page.stmts */
} node;

typedef struct {
    const char *id, *kind, *rule, *text;
    size_t start, end;
    size_t speaker[2];
    int nspeakers;
    const json_t *source[2], *cue; /* span objects; NULL: none */
    double confidence;
    bool has_confidence;
    size_t date, outlet; /* node indexes, NONE */
    const qg_eval_mismatch *mm;
} stmt;

typedef struct {
    const char *text;
    size_t len, ncp;
    node *nodes;
    size_t nnodes;
    stmt *stmts;
    size_t nstmts;
    json_t *ids; /* node id -> index */
    qg_html_span *spans;
    size_t nspans, capspans;
    const qg_audit_gold *gold;
    char *err;
    size_t errsize;
} page;

static const char css[] =
    ":root{--ink:#1b1b1b;--muted:#5f6b7a;--rule:#d9dde3;--bg:#f6f7f9;--panel:#eceff3;--red:#b00020}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);"
    "font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}\n"
    "header,main{max-width:68rem;margin:0 auto;padding:0 1.5rem}\n"
    "header{padding-top:1.25rem;padding-bottom:.75rem}\n"
    "h1{font-size:1.45rem;margin:.2rem 0 .35rem;word-break:break-all}\n"
    "h2{font-size:1.1rem;margin:2rem 0 .6rem}\n"
    "a{color:#005a9c}a:focus-visible,[tabindex]:focus-visible{outline:3px solid #005a9c;outline-offset:2px}\n"
    "nav{font-size:.85rem;color:var(--muted)}\n"
    ".meta{color:var(--muted);font-size:.9rem;margin:.2rem 0}\n"
    ".meta b{color:var(--ink)}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:.45rem 1.1rem;font-size:.85rem;margin:.8rem 0 0;padding:.6rem .8rem;"
    "list-style:none;background:#fff;border:1px solid var(--rule);border-radius:6px}\n"
    "ul.speakers{background:none;border:0;padding:0}\n"
    ".legend li{white-space:nowrap}\n"
    ".text{white-space:pre-wrap;overflow-wrap:break-word;font:17px/1.95 Georgia,'Times New Roman',serif;"
    "margin:1rem 0;padding:1.3rem 1.6rem;border:1px solid var(--rule);border-radius:6px;background:#fff;"
    "box-shadow:0 1px 3px rgba(0,0,0,.06)}\n"
    /* statements: speaker tint, speaker-coloured underline, a label */
    ".st{border-bottom:2px solid var(--c);background:var(--t);padding:.1em 0;border-radius:2px}\n"
    ".badge{font:600 11px/1 system-ui,sans-serif;color:#fff;background:var(--c);border-radius:3px;"
    "padding:2px 4px;margin-right:3px;vertical-align:2px;white-space:nowrap}\n"
    ".st.nos{--c:var(--red);--t:#f7f7f7;border:2px dashed var(--red);border-width:0 0 2px}\n"
    ".st.nos>.badge{background:var(--red)}\n"
    ".st.fp{outline:2px dotted #8a4b00;outline-offset:1px}\n"
    ".st.ws{box-shadow:inset 0 -4px 0 #b3261e}\n"
    ".flag{font:700 11px/1 system-ui,sans-serif;color:#fff;background:#8a4b00;border-radius:3px;"
    "padding:2px 4px;margin-right:3px;vertical-align:2px;white-space:nowrap}\n"
    ".ws>.flag{background:#b3261e}\n"
    ".miss{border:2px dashed #6d28d9;border-radius:3px;padding:0 1px}\n"
    ".miss>.flag{background:#6d28d9}\n"
    /* mentions: bold in the speaker's colour; the source of a statement boxed */
    ".men{color:var(--c);font-weight:700;text-decoration:underline solid var(--c) 1px;"
    "text-underline-offset:3px}\n"
    ".src{color:var(--c);font-weight:700;outline:2px solid var(--c);outline-offset:0;border-radius:2px}\n"
    ".cue{font-style:italic;text-decoration:underline double #1b1b1b;text-underline-offset:3px}\n"
    ".ttl{text-decoration:underline dotted #0b6b5c 2px;text-underline-offset:5px}\n"
    ".dt{border-bottom:2px dashed #005a9c;color:#005a9c}\n"
    /* the speaker palette: dark (labels, lines; >= 6.7:1 on white) and tint */
    ".c0{--c:#1d4f91;--t:#dce8f7}.c1{--c:#9a3b00;--t:#fbe5d2}.c2{--c:#22692b;--t:#dcf0dc}"
    ".c3{--c:#6b3896;--t:#ece0f6}\n.c4{--c:#00666e;--t:#d4eef0}.c5{--c:#a01c4b;--t:#f8dde6}"
    ".c6{--c:#6a4a12;--t:#f1e6cf}.c7{--c:#3d4f8a;--t:#e1e5f3}\n"
    /* tooltips: no script; shown on hover and on keyboard focus */
    ".tip{display:none;position:absolute;z-index:5;margin-top:1.9em;width:max-content;max-width:26rem;"
    "white-space:normal;font:13px/1.45 system-ui,sans-serif;font-style:normal;font-weight:400;"
    "color:var(--ink);background:#fff;border:1px solid #9aa3ad;border-left:4px solid var(--c);"
    "border-radius:4px;padding:.45rem .6rem;box-shadow:0 4px 14px rgba(0,0,0,.18)}\n"
    ".tip b{font-weight:600}.tip span{display:block}\n"
    ".st:hover>.tip,.st:focus>.tip{display:inline-block}\n"
    ".st:has(.st:hover)>.tip{display:none}\n"
    ".sw{display:inline-block;width:.85em;height:.85em;border-radius:2px;background:var(--c);"
    "vertical-align:-1px;margin-right:.3em}\n"
    "table{border-collapse:collapse;width:100%;font-size:.85rem;margin-bottom:1rem;background:#fff;"
    "border:1px solid var(--rule)}\n"
    "td.txt{min-width:15rem}\n"
    "th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--rule)}\n"
    "th{background:var(--panel);font-weight:600;position:sticky;top:0}\n"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "tr.nos td:first-child{box-shadow:inset 3px 0 0 var(--red)}\n"
    ".err{color:var(--red);font-weight:600}\n"
    ".ok{color:#22692b}\n"
    "code{font-size:.92em}\n"
    "footer{max-width:68rem;margin:2rem auto;padding:0 1.5rem;color:var(--muted);font-size:.8rem}\n"
    "@media print{body{font-size:11pt}.tip{display:none!important}th{position:static}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}"
    "tr{break-inside:avoid}.text{border:0;padding:0}}\n";

static void head(FILE *out, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    qg_html_puts(out, title);
    fputs(" · quotegraph audit</title>\n<style>\n", out);
    fputs(css, out);
    fputs("</style>\n</head>\n<body>\n", out);
}

static const char *str(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int fail(page *pg, const char *msg, const char *what)
{
    snprintf(pg->err, pg->errsize, "%s%s%s", msg, what ? ": " : "", what ? what : "");
    return -1;
}

/* A [start,end] array within the text. */
static int get_span(const page *pg, const json_t *a, size_t *s, size_t *e)
{
    const json_t *x = json_array_get(a, 0), *y = json_array_get(a, 1);
    if (!json_is_integer(x) || !json_is_integer(y) || json_array_size(a) != 2)
        return -1;
    json_int_t i = json_integer_value(x), j = json_integer_value(y);
    if (i < 0 || j < i || (json_int_t)pg->ncp < j)
        return -1;
    *s = (size_t)i;
    *e = (size_t)j;
    return 0;
}

static int add_span(page *pg, size_t s, size_t e, int kind, size_t ref)
{
    if (pg->nspans == pg->capspans) {
        size_t cap = pg->capspans ? 2 * pg->capspans : 64;
        qg_html_span *p = realloc(pg->spans, cap * sizeof *p);
        if (!p)
            return fail(pg, "out of memory", NULL);
        pg->spans = p;
        pg->capspans = cap;
    }
    pg->spans[pg->nspans++] = (qg_html_span){s, e, kind, ref};
    return 0;
}

/* A span object {"span":[s,e],...} as a highlighted span. */
static int add_span_object(page *pg, const json_t *o, int kind, size_t ref)
{
    size_t s, e;
    if (get_span(pg, json_object_get(o, "span"), &s, &e) < 0)
        return fail(pg, "a span outside the text", str(o, "text"));
    return add_span(pg, s, e, kind, ref);
}

static size_t node_at(const page *pg, const char *id)
{
    const json_t *v = id ? json_object_get(pg->ids, id) : NULL;
    return v ? (size_t)json_integer_value(v) : NONE;
}

static int load_nodes(page *pg, const json_t *nodes)
{
    size_t n = json_array_size(nodes);
    pg->nodes = calloc(n ? n : 1, sizeof *pg->nodes);
    pg->stmts = calloc(n ? n : 1, sizeof *pg->stmts);
    pg->ids = json_object();
    if (!pg->nodes || !pg->stmts || !pg->ids)
        return fail(pg, "out of memory", NULL);
    for (size_t i = 0; i < n; i++) {
        const json_t *o = json_array_get(nodes, i);
        node *nd = &pg->nodes[i];
        nd->id = str(o, "id");
        nd->type = str(o, "type");
        if (!nd->id || !nd->type)
            return fail(pg, "a node without id or type", NULL);
        /* Ids become element ids and URL fragments as they are. */
        if (!*nd->id || nd->id[strspn(nd->id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")])
            return fail(pg, "a node id other than letters, digits, _ and -", nd->id);
        nd->name = str(o, "name");
        nd->value = str(o, "value");
        nd->kind = str(o, "kind");
        nd->mentions = json_object_get(o, "mentions");
        nd->colour = -1;
        nd->stmt = NONE;
        if (json_object_set_new(pg->ids, nd->id, json_integer((json_int_t)i)) < 0)
            return fail(pg, "out of memory", NULL);
        if (strcmp(nd->type, "statement") == 0) {
            stmt *s = &pg->stmts[pg->nstmts];
            s->id = nd->id;
            s->kind = str(o, "kind");
            s->rule = str(o, "rule");
            s->text = str(o, "text");
            s->date = s->outlet = NONE;
            if (get_span(pg, json_object_get(o, "span"), &s->start, &s->end) < 0)
                return fail(pg, "a statement span outside the text", nd->id);
            nd->stmt = pg->nstmts++;
        }
    }
    pg->nnodes = n;
    return 0;
}

static int load_edges(page *pg, const json_t *edges)
{
    int colours = 0;
    size_t i;
    const json_t *e;
    json_array_foreach(edges, i, e) {
        const char *type = str(e, "type");
        size_t from = node_at(pg, str(e, "from")), to = node_at(pg, str(e, "to"));
        if (!type || from == NONE || to == NONE)
            return fail(pg, "an edge without type or to no node", str(e, "from"));
        bool said = strcmp(type, "said") == 0;
        /* has_title, and edge types newer than this page, are not shown. */
        if (!said && strcmp(type, "said_on") != 0 && strcmp(type, "reported_by") != 0)
            continue;
        size_t si = pg->nodes[said ? to : from].stmt;
        if (si == NONE)
            return fail(pg, "an edge that does not reach a statement", type);
        stmt *s = &pg->stmts[si];
        if (said) {
            if (s->nspeakers == 2)
                continue;
            node *sp = &pg->nodes[from];
            if (sp->colour < 0)
                sp->colour = colours++;
            const json_t *src = json_object_get(e, "source"), *cue = json_object_get(e, "cue");
            s->source[s->nspeakers] = json_is_object(src) ? src : NULL;
            s->speaker[s->nspeakers++] = from;
            if (json_is_object(cue))
                s->cue = cue;
            s->has_confidence = json_is_number(json_object_get(e, "confidence"));
            s->confidence = json_number_value(json_object_get(e, "confidence"));
        } else if (strcmp(type, "said_on") == 0) {
            s->date = to;
        } else if (strcmp(type, "reported_by") == 0) {
            s->outlet = to;
        }
    }
    return 0;
}

/* Is S, with the same range as the kept span KEPT, the same mark again? */
static bool same_mark(const qg_html_span *kept, const qg_html_span *s)
{
    switch (s->kind) {
    case K_STMT:
    case K_MISSED:
        return false;
    case K_MENTION:
        return (kept->kind == K_SOURCE || kept->kind == K_MENTION) && kept->ref == s->ref;
    case K_SOURCE:
        return kept->kind == K_SOURCE && kept->ref == s->ref;
    default:
        return kept->kind == s->kind;
    }
}

/* Identical ranges: one source or cue mark for statements that share it,
 * and a speaker's mention that is also a source only as the source. */
static void dedupe(page *pg)
{
    qsort(pg->spans, pg->nspans, sizeof *pg->spans, qg_html_span_cmp);
    size_t m = 0, group = 0;
    for (size_t i = 0; i < pg->nspans; i++) {
        const qg_html_span *s = &pg->spans[i];
        if (m > group && (pg->spans[group].start != s->start || pg->spans[group].end != s->end))
            group = m;
        bool drop = false;
        for (size_t k = group; k < m && !drop; k++)
            drop = same_mark(&pg->spans[k], s);
        if (!drop)
            pg->spans[m++] = *s;
    }
    pg->nspans = m;
}

static int collect(page *pg)
{
    for (size_t i = 0; i < pg->nstmts; i++) {
        stmt *s = &pg->stmts[i];
        if (add_span(pg, s->start, s->end, K_STMT, i) < 0)
            return -1;
        for (int k = 0; k < s->nspeakers; k++)
            if (s->source[k] && add_span_object(pg, s->source[k], K_SOURCE, s->speaker[k]) < 0)
                return -1;
        if (s->cue && add_span_object(pg, s->cue, K_CUE, i) < 0)
            return -1;
    }
    for (size_t i = 0; i < pg->nnodes; i++) {
        const node *nd = &pg->nodes[i];
        int kind = strcmp(nd->type, "title") == 0  ? K_TITLE
                   : strcmp(nd->type, "date") == 0 ? K_DATE
                   : nd->colour >= 0               ? K_MENTION
                                                   : -1;
        size_t k;
        const json_t *m;
        if (kind >= 0)
            json_array_foreach(nd->mentions, k, m) if (add_span_object(pg, m, kind, i) < 0) return -1;
    }
    if (pg->gold) {
        for (size_t i = 0; i < pg->gold->n; i++) {
            const qg_eval_mismatch *mm = pg->gold->mismatches[i];
            if (mm->kind == QG_EVAL_MISSED) {
                if (mm->gold_start >= 0 && mm->gold_end <= (long)pg->ncp &&
                    add_span(pg, (size_t)mm->gold_start, (size_t)mm->gold_end, K_MISSED, i) < 0)
                    return -1;
            } else {
                size_t n = node_at(pg, mm->pred_statement);
                if (n != NONE && pg->nodes[n].stmt != NONE)
                    pg->stmts[pg->nodes[n].stmt].mm = mm;
            }
        }
    }
    dedupe(pg);
    return 0;
}

/* TEXT up to MAX code points, escaped, with an ellipsis when cut. */
static void excerpt(FILE *out, const char *text, size_t max)
{
    if (!text)
        return;
    const char *p = text;
    size_t n = 0;
    while (*p && n < max) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        n++;
    }
    qg_html_escape(out, text, (size_t)(p - text));
    if (*p)
        fputs("…", out);
}

static const char *name_of(const page *pg, size_t n)
{
    const node *nd = &pg->nodes[n];
    return nd->name ? nd->name : nd->id;
}

static void speaker_label(FILE *out, const page *pg, const stmt *s)
{
    for (int k = 0; k < s->nspeakers; k++) {
        if (k)
            fputs(" &amp; ", out);
        excerpt(out, name_of(pg, s->speaker[k]), 22);
    }
}

static void date_label(FILE *out, const page *pg, size_t d)
{
    const char *v = pg->nodes[d].value;
    const json_t *m = json_array_get(pg->nodes[d].mentions, 0);
    qg_html_puts(out, v ? v : "unresolved");
    if (m && !(v && str(m, "text") && strcmp(v, str(m, "text")) == 0)) {
        fputs(" (“", out);
        qg_html_puts(out, str(m, "text"));
        fputs("”)", out);
    }
}

static const char *eval_label(const qg_eval_mismatch *mm)
{
    return mm->kind == QG_EVAL_SPURIOUS ? "spurious" : "wrong speaker";
}

static void tooltip(FILE *out, const page *pg, const stmt *s)
{
    fprintf(out, "<span class=\"tip\" role=\"tooltip\" id=\"tip-%s\"><span><b>Statement %zu</b> (%s) · ", s->id,
            (size_t)(s - pg->stmts) + 1, s->id);
    qg_html_puts(out, s->kind);
    fputs(" · rule <code>", out);
    qg_html_puts(out, s->rule);
    fputs("</code>", out);
    if (s->has_confidence)
        fprintf(out, " · confidence %.3g", s->confidence);
    fputs("</span><span><b>Speaker:</b> ", out);
    if (s->nspeakers == 0)
        fputs("none found", out);
    for (int k = 0; k < s->nspeakers; k++) {
        if (k)
            fputs(" &amp; ", out);
        qg_html_puts(out, name_of(pg, s->speaker[k]));
        fputs(" (", out);
        qg_html_puts(out, pg->nodes[s->speaker[k]].type);
        fputs(")", out);
    }
    fputs("</span>", out);
    for (int k = 0; k < s->nspeakers; k++) {
        if (!s->source[k])
            continue;
        fputs("<span><b>Source:</b> “", out);
        qg_html_puts(out, str(s->source[k], "text"));
        fputs("”</span>", out);
    }
    if (s->cue) {
        fputs("<span><b>Cue:</b> “", out);
        qg_html_puts(out, str(s->cue, "text"));
        fputs("”</span>", out);
    }
    if (s->date != NONE) {
        fputs("<span><b>Date:</b> ", out);
        date_label(out, pg, s->date);
        fputs("</span>", out);
    }
    if (s->outlet != NONE) {
        fputs("<span><b>Reported by:</b> ", out);
        qg_html_puts(out, name_of(pg, s->outlet));
        fputs("</span>", out);
    }
    if (s->mm) {
        fputs("<span><b>Gold:</b> ", out);
        fputs(eval_label(s->mm), out);
        if (s->mm->kind == QG_EVAL_WRONG_SPEAKER) {
            fputs(", gold speaker ", out);
            qg_html_puts(out, s->mm->gold_speaker ? s->mm->gold_speaker : "none (null)");
        }
        fputs("</span>", out);
    } else if (pg->gold) {
        fputs("<span><b>Gold:</b> matches</span>", out);
    }
    fputs("</span>", out);
}

static void open_span(void *ctx, FILE *out, const qg_html_span *sp, bool continued)
{
    const page *pg = ctx;
    switch (sp->kind) {
    case K_STMT: {
        const stmt *s = &pg->stmts[sp->ref];
        int c = s->nspeakers ? pg->nodes[s->speaker[0]].colour % NCOLOURS : -1;
        fputs("<span class=\"st", out);
        if (c >= 0)
            fprintf(out, " c%d", c);
        else
            fputs(" nos", out);
        if (s->mm)
            fputs(s->mm->kind == QG_EVAL_SPURIOUS ? " fp" : " ws", out);
        if (continued) {
            fputs(" cont\">", out);
            break;
        }
        fprintf(out, "\" id=\"%s\" tabindex=\"0\" data-stmt=\"%s\" data-rule=\"", s->id, s->id);
        qg_html_puts(out, s->rule);
        fputs("\" data-kind=\"", out);
        qg_html_puts(out, s->kind);
        if (s->mm)
            fprintf(out, "\" data-eval=\"%s", s->mm->kind == QG_EVAL_SPURIOUS ? "spurious" : "wrong-speaker");
        fprintf(out, "\" aria-describedby=\"tip-%s\">", s->id);
        if (s->mm)
            fprintf(out, "<span class=\"flag\">%s</span>", eval_label(s->mm));
        fprintf(out, "<span class=\"badge\">%zu ", sp->ref + 1);
        if (s->nspeakers)
            speaker_label(out, pg, s);
        else
            fputs("no speaker", out);
        fputs("</span>", out);
        tooltip(out, pg, s);
        break;
    }
    case K_SOURCE:
    case K_MENTION:
        fprintf(out, "<span class=\"%s c%d\"", sp->kind == K_SOURCE ? "src" : "men",
                pg->nodes[sp->ref].colour % NCOLOURS);
        if (!continued && sp->kind == K_SOURCE)
            fprintf(out, " id=\"m%zu-%zu\"", sp->start, sp->end);
        fputs(" title=\"", out);
        fputs(sp->kind == K_SOURCE ? "source: " : "mention: ", out);
        qg_html_puts(out, name_of(pg, sp->ref));
        fputs("\">", out);
        break;
    case K_CUE:
        fputs("<span class=\"cue\" title=\"cue\">", out);
        break;
    case K_TITLE:
        fputs("<span class=\"ttl\" title=\"title: ", out);
        qg_html_puts(out, pg->nodes[sp->ref].kind);
        fputs("\">", out);
        break;
    case K_DATE:
        fputs("<span class=\"dt\" title=\"date: ", out);
        qg_html_puts(out, pg->nodes[sp->ref].value ? pg->nodes[sp->ref].value : "unresolved");
        fputs("\">", out);
        break;
    default: { /* K_MISSED */
        const qg_eval_mismatch *mm = pg->gold->mismatches[sp->ref];
        if (continued) {
            fputs("<span class=\"miss cont\">", out);
            break;
        }
        fprintf(out, "<span class=\"miss\" id=\"g%zu\" data-eval=\"missed\"><span class=\"flag\">missed: ",
                sp->ref + 1);
        excerpt(out, mm->gold_speaker ? mm->gold_speaker : "no speaker", 22);
        fputs("</span>", out);
        break;
    }
    }
}

static void close_span(void *ctx, FILE *out, const qg_html_span *sp)
{
    (void)ctx;
    (void)sp;
    fputs("</span>", out);
}

static void legend(FILE *out, bool gold)
{
    fputs("<ul class=\"legend\" aria-label=\"Legend\">"
          "<li><span class=\"st c0\"><span class=\"badge\">1 Name</span>statement</span> "
          "(tint and label: its speaker)</li>"
          "<li><span class=\"st nos\"><span class=\"badge\">2 no speaker</span>unattributed</span></li>"
          "<li><span class=\"src c0\">source</span> at the statement</li>"
          "<li><span class=\"men c0\">other mention</span> of a speaker</li>"
          "<li><span class=\"cue\">cue</span></li>"
          "<li><span class=\"ttl\">title</span></li>"
          "<li><span class=\"dt\">date</span></li>",
          out);
    if (gold)
        fputs("<li><span class=\"st c0 fp\"><span class=\"flag\">spurious</span>not in gold</span></li>"
              "<li><span class=\"st c0 ws\"><span class=\"flag\">wrong speaker</span>gold differs</span></li>"
              "<li><span class=\"miss\"><span class=\"flag\">missed: Name</span>gold only</span></li>",
              out);
    fputs("</ul>\n", out);
}

static void stmt_table(FILE *out, const page *pg, bool gold)
{
    fputs("<h2 id=\"statements\">Statements</h2>\n<table>\n<thead><tr><th class=\"n\">#</th>"
          "<th>Statement</th><th>Speaker</th><th>Cue</th><th>Kind</th><th>Rule</th>"
          "<th class=\"n\">Conf.</th><th>Date</th><th>Outlet</th>",
          out);
    if (gold)
        fputs("<th>Gold</th>", out);
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t i = 0; i < pg->nstmts; i++) {
        const stmt *s = &pg->stmts[i];
        fprintf(out, "<tr%s><td class=\"n\"><a href=\"#%s\">%zu</a></td><td class=\"txt\">",
                s->nspeakers ? "" : " class=\"nos\"", s->id, i + 1);
        excerpt(out, s->text, 80);
        fputs("</td><td>", out);
        if (s->nspeakers == 0)
            fputs("<span class=\"err\">no speaker</span>", out);
        for (int k = 0; k < s->nspeakers; k++) {
            const node *sp = &pg->nodes[s->speaker[k]];
            fprintf(out, "%s<span class=\"c%d\"><span class=\"sw\"></span></span>", k ? "<br>" : "",
                    sp->colour % NCOLOURS);
            if (s->source[k]) {
                size_t a, b;
                if (get_span(pg, json_object_get(s->source[k], "span"), &a, &b) == 0)
                    fprintf(out, "<a href=\"#m%zu-%zu\">", a, b);
                qg_html_puts(out, name_of(pg, s->speaker[k]));
                fputs("</a>", out);
            } else {
                qg_html_puts(out, name_of(pg, s->speaker[k]));
            }
        }
        fputs("</td><td>", out);
        qg_html_puts(out, s->cue ? str(s->cue, "text") : "");
        fputs("</td><td>", out);
        qg_html_puts(out, s->kind);
        fputs("</td><td><code>", out);
        qg_html_puts(out, s->rule);
        fputs("</code></td><td class=\"n\">", out);
        if (s->has_confidence)
            fprintf(out, "%.3g", s->confidence);
        fputs("</td><td>", out);
        if (s->date != NONE)
            date_label(out, pg, s->date);
        fputs("</td><td>", out);
        if (s->outlet != NONE)
            qg_html_puts(out, name_of(pg, s->outlet));
        if (gold) {
            fputs("</td><td>", out);
            if (s->mm) {
                fprintf(out, "<span class=\"err\">%s</span>", eval_label(s->mm));
                if (s->mm->kind == QG_EVAL_WRONG_SPEAKER) {
                    fputs(": gold ", out);
                    qg_html_puts(out, s->mm->gold_speaker ? s->mm->gold_speaker : "none");
                }
            } else {
                fputs("<span class=\"ok\">matches</span>", out);
            }
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

/* The byte offset of code point CP in the page's text. */
static size_t byte_at(const page *pg, size_t cp)
{
    size_t b = 0;
    for (; b < pg->len && cp > 0; b++)
        if (b + 1 == pg->len || ((unsigned char)pg->text[b + 1] & 0xC0) != 0x80)
            cp--;
    return cp ? pg->len : b;
}

static void missed_table(FILE *out, const page *pg)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->gold->n; i++)
        n += pg->gold->mismatches[i]->kind == QG_EVAL_MISSED;
    fprintf(out, "<h2 id=\"missed\">Missed gold statements (%zu)</h2>\n", n);
    if (n == 0) {
        fputs("<p class=\"meta\">Every gold statement was found.</p>\n", out);
        return;
    }
    fputs("<table>\n<thead><tr><th class=\"n\">#</th><th>Gold statement</th><th>Gold speaker</th>"
          "<th>Direct</th></tr></thead>\n<tbody>\n",
          out);
    for (size_t i = 0; i < pg->gold->n; i++) {
        const qg_eval_mismatch *mm = pg->gold->mismatches[i];
        if (mm->kind != QG_EVAL_MISSED || mm->gold_start < 0)
            continue;
        size_t a = byte_at(pg, (size_t)mm->gold_start), b = byte_at(pg, (size_t)mm->gold_end);
        fprintf(out, "<tr><td class=\"n\"><a href=\"#g%zu\">g%zu</a></td><td>", i + 1, i + 1);
        char *t = strndup(pg->text + a, b - a);
        if (t)
            excerpt(out, t, 100);
        free(t);
        fputs("</td><td>", out);
        qg_html_puts(out, mm->gold_speaker ? mm->gold_speaker : "none (null)");
        fprintf(out, "</td><td>%s</td></tr>\n", mm->gold_direct ? "yes" : "no");
    }
    fputs("</tbody>\n</table>\n", out);
}

static void speakers(FILE *out, const page *pg)
{
    fputs("<h2 id=\"speakers\">Speakers</h2>\n<ul class=\"legend speakers\">", out);
    int shown = 0;
    for (int c = 0;; c++) {
        size_t i = 0;
        while (i < pg->nnodes && pg->nodes[i].colour != c)
            i++;
        if (i == pg->nnodes)
            break;
        size_t said = 0;
        for (size_t k = 0; k < pg->nstmts; k++)
            for (int j = 0; j < pg->stmts[k].nspeakers; j++)
                said += pg->stmts[k].speaker[j] == i;
        fprintf(out, "<li class=\"c%d\"><span class=\"sw\"></span>", c % NCOLOURS);
        qg_html_puts(out, name_of(pg, i));
        fputs(" <span class=\"meta\">(", out);
        qg_html_puts(out, pg->nodes[i].type);
        fprintf(out, ", %zu statement%s)</span></li>", said,
                said == 1 ? "" : "s");
        shown++;
    }
    if (!shown)
        fputs("<li class=\"meta\">No statement has a speaker.</li>", out);
    fputs("</ul>\n", out);
}

static void prf(FILE *out, const char *what, const qg_eval_prf *m)
{
    fprintf(out, "%s P %.3f R %.3f F1 <b>%.3f</b>", what, m->p, m->r, m->f1);
}

void qg_audit_count(const json_t *rec, qg_audit_counts *counts)
{
    memset(counts, 0, sizeof *counts);
    size_t i;
    const json_t *v;
    json_array_foreach(json_object_get(rec, "nodes"), i, v) {
        const char *t = str(v, "type");
        counts->statements += t && strcmp(t, "statement") == 0;
        counts->people += t && strcmp(t, "person") == 0;
    }
    /* A statement with two said edges counts once: edges come per statement. */
    const char *last = NULL;
    json_array_foreach(json_object_get(rec, "edges"), i, v) {
        const char *t = str(v, "type"), *to = str(v, "to");
        if (t && to && strcmp(t, "said") == 0 && !(last && strcmp(last, to) == 0)) {
            counts->attributed++;
            last = to;
        }
    }
}

int qg_audit_page(FILE *out, const json_t *rec, const char *text, size_t len,
                  const qg_audit_gold *gold, qg_audit_counts *counts, char *err, size_t errsize)
{
    page pg = {.text = text, .len = len, .gold = gold, .err = err, .errsize = errsize};
    const json_t *doc = json_object_get(rec, "doc");
    const char *id = str(doc, "id");
    int rc = -1;
    long ncp = qg_html_cp_count(text, len);
    pg.ncp = ncp < 0 ? 0 : (size_t)ncp;
    if (ncp < 0) {
        fail(&pg, "the text is not valid UTF-8", NULL);
        goto out;
    }
    if (!id || !json_is_array(json_object_get(rec, "nodes")) || !json_is_array(json_object_get(rec, "edges"))) {
        fail(&pg, "not a quotegraph/1 graph record", NULL);
        goto out;
    }
    if (load_nodes(&pg, json_object_get(rec, "nodes")) < 0 || load_edges(&pg, json_object_get(rec, "edges")) < 0 ||
        collect(&pg) < 0)
        goto out;
    qg_audit_count(rec, counts);

    head(out, id);
    fputs("<header>\n<nav><a href=\"index.html\">quotegraph audit</a> › document</nav>\n<h1>", out);
    qg_html_puts(out, id);
    fputs("</h1>\n<p class=\"meta\">", out);
    if (str(doc, "source")) {
        fputs("<code>", out);
        qg_html_puts(out, str(doc, "source"));
        fputs("</code> · ", out);
    }
    if (str(doc, "date")) {
        fputs("dated ", out);
        qg_html_puts(out, str(doc, "date"));
        fputs(" · ", out);
    }
    fprintf(out, "%zu code points · <b>%zu</b> statements, <b>%zu</b> attributed, <b>%zu</b> unattributed · "
                 "%zu people</p>\n",
            pg.ncp, counts->statements, counts->attributed, counts->statements - counts->attributed,
            counts->people);
    if (gold && gold->score) {
        const qg_eval_metrics *m = &gold->score->metrics;
        size_t miss = 0, spur = 0, ws = 0;
        for (size_t i = 0; i < gold->n; i++) {
            miss += gold->mismatches[i]->kind == QG_EVAL_MISSED;
            spur += gold->mismatches[i]->kind == QG_EVAL_SPURIOUS;
            ws += gold->mismatches[i]->kind == QG_EVAL_WRONG_SPEAKER;
        }
        fputs("<p class=\"meta\">Gold: ", out);
        prf(out, "attribution", &m->attribution);
        fputs(" · ", out);
        prf(out, "statements", &m->statements_overlap);
        fprintf(out, " · <a href=\"#missed\">%zu missed</a>, %zu spurious, %zu wrong speaker</p>\n", miss, spur, ws);
    }
    legend(out, gold != NULL);
    fputs("</header>\n<main>\n<p class=\"meta\">Hover over a statement, or move to it with Tab, for its "
          "speaker, source, cue, date, outlet, rule and confidence. The <a href=\"#statements\">table</a> "
          "below lists the same.</p>\n<div class=\"text\" lang=\"en\">",
          out);
    if (qg_html_spans(out, text, len, pg.spans, pg.nspans, open_span, close_span, &pg) < 0) {
        fail(&pg, "out of memory", NULL);
        goto out;
    }
    fputs("</div>\n", out);
    stmt_table(out, &pg, gold != NULL);
    if (gold)
        missed_table(out, &pg);
    speakers(out, &pg);
    fputs("</main>\n<footer>quotegraph audit · offsets are Unicode code points</footer>\n</body>\n</html>\n", out);
    rc = 0;
out:
    free(pg.nodes);
    free(pg.stmts);
    free(pg.spans);
    json_decref(pg.ids);
    return rc;
}

static int row_cmp(const void *a, const void *b)
{
    const qg_audit_row *x = a, *y = b;
    if (!x->error != !y->error)
        return x->error ? -1 : 1;
    double fx = x->score ? x->score->metrics.attribution.f1 : 2.0;
    double fy = y->score ? y->score->metrics.attribution.f1 : 2.0;
    if (fx != fy)
        return fx < fy ? -1 : 1;
    size_t ex = x->missed + x->spurious + x->wrong_speaker, ey = y->missed + y->spurious + y->wrong_speaker;
    if (ex != ey)
        return ex > ey ? -1 : 1;
    return strcmp(x->id, y->id);
}

void qg_audit_index(FILE *out, qg_audit_row *rows, size_t n, const qg_eval_metrics *totals)
{
    size_t errors = 0, stmts = 0, attributed = 0;
    for (size_t i = 0; i < n; i++) {
        errors += rows[i].error != NULL;
        stmts += rows[i].counts.statements;
        attributed += rows[i].counts.attributed;
    }
    qsort(rows, n, sizeof *rows, row_cmp);
    head(out, "Documents");
    fprintf(out, "<header>\n<h1>quotegraph audit</h1>\n<p class=\"meta\"><b>%zu</b> documents · <b>%zu</b> "
                 "statements, <b>%zu</b> attributed",
            n, stmts, attributed);
    if (errors)
        fprintf(out, " · <span class=\"err\">%zu without a page</span>", errors);
    fputs("</p>\n", out);
    if (totals) {
        fputs("<p class=\"meta\">Gold: ", out);
        prf(out, "attribution", &totals->attribution);
        fputs(" · ", out);
        prf(out, "statements", &totals->statements_overlap);
        fprintf(out, " · speaker accuracy %.3f. Worst documents first.</p>\n", totals->speaker_all.accuracy);
    }
    fputs("</header>\n<main>\n<h2>Documents</h2>\n<table>\n<thead><tr><th>Document</th>"
          "<th class=\"n\">Statements</th><th class=\"n\">Attributed</th><th class=\"n\">People</th>",
          out);
    if (totals)
        fputs("<th class=\"n\">Attr. P</th><th class=\"n\">Attr. R</th><th class=\"n\">Attr. F1</th>"
              "<th class=\"n\">Missed</th><th class=\"n\">Spurious</th><th class=\"n\">Wrong speaker</th>",
              out);
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t i = 0; i < n; i++) {
        const qg_audit_row *r = &rows[i];
        fputs("<tr><td>", out);
        if (r->href) {
            fputs("<a href=\"", out);
            qg_html_puts(out, r->href);
            fputs("\">", out);
            qg_html_puts(out, r->id);
            fputs("</a>", out);
        } else {
            qg_html_puts(out, r->id);
        }
        if (r->error) {
            fputs("<br><span class=\"err\">error: ", out);
            qg_html_puts(out, r->error);
            fputs("</span>", out);
        }
        fprintf(out, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>",
                r->counts.statements, r->counts.attributed, r->counts.people);
        if (totals && r->score) {
            const qg_eval_prf *a = &r->score->metrics.attribution;
            fprintf(out, "<td class=\"n\">%.3f</td><td class=\"n\">%.3f</td><td class=\"n\"><b>%.3f</b></td>"
                         "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>",
                    a->p, a->r, a->f1, r->missed, r->spurious, r->wrong_speaker);
        } else if (totals) {
            fputs("<td colspan=\"6\" class=\"meta\">not in the gold</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</main>\n<footer>quotegraph audit</footer>\n</body>\n</html>\n", out);
}
