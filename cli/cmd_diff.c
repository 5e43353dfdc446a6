/* cmd_diff.c - `quotegraph diff`: options and I/O around eval/diff.h.
 * OLD is read whole into a table by document id (in its compact parsed
 * form); NEW is streamed, each document reported as soon as it is read. */
#include "../eval/diff.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"

/* As for --jsonl input: a graph line is far shorter than its document's
 * limit times four. */
#define LINE_LIMIT ((size_t)QG_MAX_DOC_BYTES * 4u)

static const char usage_text[] =
    "usage: quotegraph diff [--json] [--fail-on=lost|changed|any|none] OLD.jsonl NEW.jsonl\n"
    "\n"
    "Compare two outputs of 'quotegraph run' (quotegraph/1 JSON lines; - reads\n"
    "standard input for one of them). Documents are matched by id, statements\n"
    "within a document by content span: the same span first, then the new\n"
    "statement covering most (over half) of the old one. One line per change:\n"
    "statements lost and gained, speaker, source, cue, kind, span and rule\n"
    "changes, documents added, removed, become error records or recovered;\n"
    "then a summary line. Order: NEW's documents, then those only in OLD.\n"
    "\n"
    "  --json          one JSON object per changed document, then {\"summary\":...}\n"
    "  --fail-on WHEN  exit 1 when: lost (default) statements are lost, a speaker\n"
    "                  changed or was dropped, a document was removed or became an\n"
    "                  error record; changed: that or any change to a matched\n"
    "                  statement; any: any difference; none: never\n"
    "  --help          print this help and exit\n"
    "\n"
    "Exit status: 0 no change that --fail-on counts, 1 such a change, 2 usage\n"
    "error or unreadable or invalid input, 3 the output could not be written.\n";

typedef struct {
    qg_diff_graph **graphs; /* OLD in file order */
    unsigned char *seen;    /* graphs[i] was matched by a NEW document */
    size_t n, cap;
    json_t *index;          /* id -> position in graphs */
} old_run;

typedef struct {
    int json;
    qg_diff_fail_on fail_on;
    qg_diff_counts totals;
} report;

static FILE *open_input(const char *path)
{
    return strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
}

static const char *input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

typedef int (*record_fn)(void *ctx, qg_diff_graph *g, const char *name, long lineno);

/* Calls FN on every record of PATH (blank lines skipped), which takes the
 * graph.  Returns 0; -1 after a message for unreadable or invalid input;
 * FN's own negative status (-3: output failure) unchanged. */
static int each_record(const char *path, record_fn fn, void *ctx)
{
    const char *name = input_name(path);
    FILE *f = open_input(path);
    if (!f) {
        fprintf(stderr, "quotegraph: %s: %s\n", name, strerror(errno));
        return -1;
    }
    qg_line line = {0};
    long lineno = 0;
    int rc, status = 0;
    char why[256];
    while (status == 0 && (rc = qg_read_line(f, LINE_LIMIT, &line)) == 1) {
        lineno++;
        if (line.len == 0)
            continue;
        qg_diff_graph *g = NULL;
        if (line.too_long)
            snprintf(why, sizeof why, "line is longer than %zu bytes", LINE_LIMIT);
        else
            g = qg_diff_graph_parse(line.s, line.len, why, sizeof why);
        if (!g) {
            fprintf(stderr, "quotegraph: %s:%ld: %s\n", name, lineno, why);
            status = -1;
        } else {
            status = fn(ctx, g, name, lineno);
        }
    }
    if (status == 0 && rc < 0) {
        fprintf(stderr, "quotegraph: %s: %s\n", name, strerror(errno));
        status = -1;
    }
    qg_line_free(&line);
    if (f != stdin)
        fclose(f);
    return status;
}

static int add_old(void *ctx, qg_diff_graph *g, const char *name, long lineno)
{
    old_run *o = ctx;
    if (json_object_get(o->index, g->id)) {
        fprintf(stderr, "quotegraph: %s:%ld: document '%s' given twice\n", name, lineno, g->id);
        qg_diff_graph_free(g);
        return -1;
    }
    if (o->n == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 64;
        qg_diff_graph **ng = realloc(o->graphs, cap * sizeof *ng);
        if (ng)
            o->graphs = ng;
        unsigned char *ns = ng ? realloc(o->seen, cap) : NULL;
        if (ns)
            o->seen = ns;
        if (!ng || !ns) {
            fputs("quotegraph: out of memory\n", stderr);
            qg_diff_graph_free(g);
            return -1;
        }
        o->cap = cap;
    }
    if (json_object_set_new(o->index, g->id, json_integer((json_int_t)o->n)) != 0) {
        fputs("quotegraph: out of memory\n", stderr);
        qg_diff_graph_free(g);
        return -1;
    }
    o->seen[o->n] = 0;
    o->graphs[o->n++] = g;
    return 0;
}

/* Compares and reports one document; -1 when out of memory, -3 when the
 * output failed. */
static int report_doc(report *r, const qg_diff_graph *old, const qg_diff_graph *new)
{
    qg_diff_doc d;
    if (qg_diff_compare(old, new, &d) != 0) {
        fputs("quotegraph: out of memory\n", stderr);
        return -1;
    }
    qg_diff_counts_add(&r->totals, &d.counts);
    int rc = 0;
    if (d.status != QG_DIFF_DOC_SAME) {
        if (r->json) {
            json_t *j = qg_diff_doc_json_new(&d);
            if (!j) {
                fputs("quotegraph: out of memory\n", stderr);
                rc = -1;
            } else if (json_dumpf(j, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0 || putchar('\n') == EOF) {
                rc = -3;
            }
            json_decref(j);
        } else if (qg_diff_doc_write_text(&d, stdout) != 0) {
            rc = -3;
        }
    }
    qg_diff_doc_clear(&d);
    return rc;
}

typedef struct {
    old_run *old;
    report *r;
    json_t *new_ids; /* ids seen in NEW, to refuse one given twice */
} new_ctx;

static int add_new(void *ctx, qg_diff_graph *g, const char *name, long lineno)
{
    new_ctx *c = ctx;
    int rc;
    if (json_object_get(c->new_ids, g->id)) {
        fprintf(stderr, "quotegraph: %s:%ld: document '%s' given twice\n", name, lineno, g->id);
        rc = -1;
    } else if (json_object_set_new(c->new_ids, g->id, json_true()) != 0) {
        fputs("quotegraph: out of memory\n", stderr);
        rc = -1;
    } else {
        json_t *at = json_object_get(c->old->index, g->id);
        const qg_diff_graph *old = NULL;
        if (at) {
            size_t i = (size_t)json_integer_value(at);
            c->old->seen[i] = 1;
            old = c->old->graphs[i];
        }
        rc = report_doc(c->r, old, g);
    }
    qg_diff_graph_free(g);
    return rc;
}

static int write_summary(report *r)
{
    if (!r->json)
        return qg_diff_summary_write_text(&r->totals, stdout);
    json_t *j = qg_diff_summary_json_new(&r->totals, r->fail_on);
    int rc = j && json_dumpf(j, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0 && putchar('\n') != EOF ? 0 : -1;
    json_decref(j);
    return rc;
}

int qg_cmd_diff(int argc, char **argv)
{
    report r = {0, QG_DIFF_FAIL_LOST, {0}};
    const char *files[2];
    int nfiles = 0, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            if (nfiles == 2)
                return qg_usage_error("diff", "diff: more than two files given");
            files[nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return QG_EXIT_OK;
        } else if (strcmp(a, "--json") == 0) {
            r.json = 1;
        } else if (qg_option(argc, argv, &i, NULL, "--fail-on", &v)) {
            if (!v)
                return qg_usage_error("diff", "--fail-on: needs a value: lost, changed, any or none");
            if (qg_diff_fail_on_parse(v, &r.fail_on) != 0)
                return qg_usage_error("diff", "--fail-on: expected lost, changed, any or none, not '%s'", v);
        } else {
            return qg_usage_error("diff", "diff: unknown option '%s'", a);
        }
    }
    if (nfiles != 2)
        return qg_usage_error("diff", "diff: needs two files, OLD and NEW");
    if (strcmp(files[0], "-") == 0 && strcmp(files[1], "-") == 0)
        return qg_usage_error("diff", "diff: standard input given twice");

    old_run old = {0};
    new_ctx nc = {&old, &r, json_object()};
    int rc = QG_EXIT_USAGE, st;
    old.index = json_object();
    if (!old.index || !nc.new_ids) {
        fputs("quotegraph: out of memory\n", stderr);
        goto out;
    }
    if (each_record(files[0], add_old, &old) != 0)
        goto out;
    st = each_record(files[1], add_new, &nc);
    for (size_t i = 0; st == 0 && i < old.n; i++)
        if (!old.seen[i])
            st = report_doc(&r, old.graphs[i], NULL);
    if (st == 0 && write_summary(&r) != 0)
        st = -3;
    if (st == -3) {
        fprintf(stderr, "quotegraph: <stdout>: write error: %s\n", strerror(errno));
        rc = QG_EXIT_OUTPUT;
    } else if (st == 0) {
        rc = qg_diff_fails(&r.totals, r.fail_on) ? 1 : QG_EXIT_OK;
    }
out:
    for (size_t i = 0; i < old.n; i++)
        qg_diff_graph_free(old.graphs[i]);
    free(old.graphs);
    free(old.seen);
    json_decref(old.index);
    json_decref(nc.new_ids);
    return rc;
}
