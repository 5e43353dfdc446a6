/* cmd_audit.c - `quotegraph audit`: options and I/O around audit/page.h.
 * Reads the graphs, finds each document's text, writes one page per
 * document and index.html into a directory. Exit status: 0 every document
 * has its page, 1 some have none (listed in the index), 2 usage or an
 * unreadable graphs or gold file, 3 the directory could not be written. */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../audit/html.h"
#include "../audit/page.h"
#include "cli.h"
#include "input.h"
#include "score.h"

static const char usage_text[] =
    "usage: quotegraph audit [--gold GOLD.jsonl] -o OUTDIR GRAPHS.jsonl [TEXT...]\n"
    "\n"
    "Write a static HTML report of quotegraph/1 graphs (- reads standard input):\n"
    "OUTDIR/index.html lists the documents, and each document gets a page with\n"
    "its text, statements, speakers, cues, titles and dates marked, and a table\n"
    "of its statements. No script, no network: open index.html in any browser.\n"
    "\n"
    "A document's text is taken from the TEXT arguments (files, directories of\n"
    "*.txt as for run, or *.jsonl input records as for run --jsonl), else from\n"
    "the gold, else from the graph's doc.source path.\n"
    "\n"
    "  -o, --output DIR  the report directory (created if needed)\n"
    "  --gold FILE       score against gold attributions (see quotegraph eval):\n"
    "                    scores in the index, worst first, and missed, spurious\n"
    "                    and wrong-speaker statements marked on the pages\n"
    "  --help            print this help and exit\n"
    "\n"
    "Exit status: 0 every document has its page, 1 some documents have none,\n"
    "2 usage error or unreadable graphs or gold, 3 the report could not be written.\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("quotegraph: audit: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'quotegraph audit --help'.\n", stderr);
    return QG_EXIT_USAGE;
}

typedef struct {
    const char *gold, *outdir, *graphs;
    char **texts;
    int ntexts;
} options;

/* Where texts come from: id -> path (TEXT files and directories) and
 * id -> text (TEXT *.jsonl records). */
typedef struct {
    json_t *paths, *inline_texts;
} text_index;

typedef struct {
    options o;
    text_index ti;
    qg_eval *ev;
    json_t *gold_ids;                /* gold document id -> index */
    const qg_eval_mismatch **mm;     /* mismatches grouped by gold document */
    size_t *mm_first;                /* per gold document: first in mm; one more at the end */
    bool *gold_seen;                 /* gold documents with a graph record */
    json_t *files;                   /* page file names in use */
    qg_audit_row *rows;
    size_t nrows, caprows;
    int failed, output_failed;
} audit;

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int parse_options(int argc, char **argv, options *o)
{
    int done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (done || a[0] != '-' || strcmp(a, "-") == 0) {
            if (!o->graphs)
                o->graphs = a;
            else if (strcmp(a, "-") == 0)
                return usage_error("standard input is for GRAPHS only; give TEXT as files");
            else
                o->texts[o->ntexts++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            done = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return -1;
        } else if (strncmp(a, "--gold", 6) == 0 || strncmp(a, "-o", 2) == 0 || strncmp(a, "--output", 8) == 0) {
            /* --gold FILE, --gold=FILE; -o DIR, -oDIR, --output DIR, --output=DIR */
            bool gold = a[2] == 'g';
            size_t n = gold ? 6 : a[1] == 'o' ? 2 : 8;
            const char *v = a[n] == '=' && n > 2 ? a + n + 1 : n == 2 && a[2] ? a + 2 : NULL;
            if (!v && a[n] != '\0')
                return usage_error("unknown option '%s'", a);
            const char **slot = gold ? &o->gold : &o->outdir;
            if (*slot)
                return usage_error("%s given twice", gold ? "--gold" : "-o");
            if (!v && i + 1 < argc)
                v = argv[++i];
            if (!v || !*v)
                return usage_error("%s needs a %s", gold ? "--gold" : "-o", gold ? "file" : "directory");
            *slot = v;
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    if (!o->outdir)
        return usage_error("-o DIR is required");
    if (!o->graphs)
        return usage_error("no GRAPHS file given (use - for standard input)");
    return 0;
}

static int index_texts(audit *au)
{
    au->ti.paths = json_object();
    au->ti.inline_texts = json_object();
    if (!au->ti.paths || !au->ti.inline_texts)
        return -1;
    for (int i = 0; i < au->o.ntexts; i++) {
        const char *arg = au->o.texts[i];
        if (ends_with(arg, ".jsonl")) {
            FILE *f = fopen(arg, "r");
            if (!f) {
                fprintf(stderr, "quotegraph: %s: %s\n", arg, strerror(errno));
                au->failed = 1;
                continue;
            }
            qg_line line = {0};
            int rc, lineno = 0;
            while ((rc = qg_read_line(f, (size_t)QG_MAX_DOC_BYTES * 4u, &line)) == 1) {
                qg_record rec;
                qg_error err;
                lineno++;
                if (line.len == 0)
                    continue;
                if (qg_record_parse(line.s, line.len, &rec, &err) != 0 || !rec.id) {
                    fprintf(stderr, "quotegraph: %s:%d: %s\n", arg, lineno,
                            rec.id ? err.message : "a record without an id");
                } else if (json_object_set_new(au->ti.inline_texts, rec.id, json_stringn(rec.text, rec.len)) < 0) {
                    qg_record_free(&rec);
                    break;
                }
                qg_record_free(&rec);
            }
            qg_line_free(&line);
            fclose(f);
            continue;
        }
        qg_input_list list = {0};
        if (qg_inputs_add(&list, arg, true, "stdin") != 0) {
            qg_inputs_free(&list);
            return -1;
        }
        for (size_t k = 0; k < list.n; k++)
            if (list.items[k].path && !list.items[k].errnum)
                json_object_set_new(au->ti.paths, list.items[k].id, json_string(list.items[k].path));
        qg_inputs_free(&list);
    }
    return 0;
}

static int load_gold(audit *au, const char *graphs, const char *name)
{
    qg_eval_error err;
    au->ev = qg_eval_new();
    au->gold_ids = json_object();
    if (!au->ev || !au->gold_ids)
        return -1;
    if (qg_eval_load_gold_file(au->ev, au->o.gold, &err) < 0 ||
        qg_eval_load_pred_string(au->ev, graphs, name, &err) < 0) {
        if (err.line > 0)
            fprintf(stderr, "quotegraph: %s:%d: %s\n", err.file, err.line, err.text);
        else
            fprintf(stderr, "quotegraph: %s: %s\n", err.file, err.text);
        return 1;
    }
    if (qg_eval_score(au->ev) < 0)
        return -1;
    for (size_t i = 0; i < qg_eval_warning_count(au->ev); i++) {
        const qg_eval_error *w = qg_eval_warning(au->ev, i);
        fprintf(stderr, "quotegraph: %s:%d: warning: %s\n", w->file, w->line, w->text);
    }
    size_t nd = qg_eval_doc_count(au->ev), nm = qg_eval_mismatch_count(au->ev);
    au->mm = malloc((nm ? nm : 1) * sizeof *au->mm);
    au->mm_first = calloc(nd + 1, sizeof *au->mm_first);
    au->gold_seen = calloc(nd ? nd : 1, sizeof *au->gold_seen);
    if (!au->mm || !au->mm_first || !au->gold_seen)
        return -1;
    /* Counting sort by document, keeping the eval's order within one. */
    for (size_t i = 0; i < nm; i++)
        au->mm_first[qg_eval_mismatch_at(au->ev, i)->doc + 1]++;
    for (size_t d = 0; d < nd; d++) {
        au->mm_first[d + 1] += au->mm_first[d];
        if (json_object_set_new(au->gold_ids, qg_eval_doc(au->ev, d)->id, json_integer((json_int_t)d)) < 0)
            return -1;
    }
    size_t *fill = calloc(nd ? nd : 1, sizeof *fill);
    if (!fill)
        return -1;
    for (size_t i = 0; i < nm; i++) {
        const qg_eval_mismatch *m = qg_eval_mismatch_at(au->ev, i);
        au->mm[au->mm_first[m->doc] + fill[m->doc]++] = m;
    }
    free(fill);
    return 0;
}

static qg_audit_row *new_row(audit *au, const char *id)
{
    if (au->nrows == au->caprows) {
        size_t cap = au->caprows ? 2 * au->caprows : 64;
        qg_audit_row *r = realloc(au->rows, cap * sizeof *r);
        if (!r)
            return NULL;
        au->rows = r;
        au->caprows = cap;
    }
    qg_audit_row *r = &au->rows[au->nrows];
    *r = (qg_audit_row){0};
    r->id = strdup(id);
    if (!r->id)
        return NULL;
    au->nrows++;
    return r;
}

static void row_error(audit *au, qg_audit_row *r, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The document has no page: why, in the index and on stderr. */
static void row_error(audit *au, qg_audit_row *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    free((char *)r->error);
    r->error = strdup(msg);
    fprintf(stderr, "quotegraph: %s: %s\n", r->id, msg);
    au->failed = 1;
}

/* A file name for the page of ID: letters, digits and . _ - kept, the rest
 * '_', made unique (index is taken). Returns malloc'd memory, or NULL. */
static char *page_name(audit *au, const char *id)
{
    size_t n = strlen(id);
    if (n > 120)
        n = 120;
    char *base = malloc(n + 2), *name = malloc(n + 32);
    if (!base || !name) {
        free(base);
        free(name);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || (c == '.' && i > 0);
        base[i] = keep ? c : '_';
    }
    base[n] = '\0';
    snprintf(name, n + 32, "%s.html", n ? base : "doc");
    for (int k = 2; json_object_get(au->files, name); k++)
        snprintf(name, n + 32, "%s-%d.html", n ? base : "doc", k);
    free(base);
    if (json_object_set_new(au->files, name, json_true()) < 0) {
        free(name);
        return NULL;
    }
    return name;
}

static FILE *open_out(audit *au, const char *name, char **path)
{
    size_t n = strlen(au->o.outdir) + strlen(name) + 2;
    *path = malloc(n);
    if (!*path)
        return NULL;
    snprintf(*path, n, "%s/%s", au->o.outdir, name);
    FILE *f = fopen(*path, "w");
    if (!f) {
        fprintf(stderr, "quotegraph: %s: %s\n", *path, strerror(errno));
        au->output_failed = 1;
    }
    return f;
}

static int close_out(audit *au, FILE *f, const char *path)
{
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        fprintf(stderr, "quotegraph: %s: write error: %s\n", path, strerror(errno));
        au->output_failed = 1;
        return -1;
    }
    return 0;
}

/* The text of a document: TEXT arguments, then the gold, then doc.source.
 * Returns a malloc'd copy in *TEXT, or -1 with the reason in MSG. */
static int find_text(audit *au, const char *id, const char *source, size_t gold_doc, char **text, size_t *len,
                     char *msg, size_t msgsize)
{
    const json_t *t = json_object_get(au->ti.inline_texts, id);
    const char *path = json_string_value(json_object_get(au->ti.paths, id));
    if (t) {
        *len = json_string_length(t);
        *text = malloc(*len + 1);
        if (!*text)
            return snprintf(msg, msgsize, "out of memory"), -1;
        memcpy(*text, json_string_value(t), *len + 1);
        return 0;
    }
    if (!path && gold_doc != SIZE_MAX) {
        const char *g = qg_eval_doc_text(au->ev, gold_doc, len);
        *text = malloc(*len + 1);
        if (!*text)
            return snprintf(msg, msgsize, "out of memory"), -1;
        memcpy(*text, g, *len);
        (*text)[*len] = '\0';
        return 0;
    }
    if (!path)
        path = source;
    if (!path) {
        snprintf(msg, msgsize, "text not found: doc.source is null; give the text as a TEXT argument");
        return -1;
    }
    qg_error err;
    if (qg_read_path(path, QG_MAX_DOC_BYTES, text, len, &err) != 0) {
        snprintf(msg, msgsize, "text not found: %s: %s", path, err.message);
        return -1;
    }
    return 0;
}

static void audit_record(audit *au, const char *line, size_t len, int lineno)
{
    json_error_t jerr;
    json_t *rec = json_loadb(line, len, 0, &jerr);
    const json_t *doc = json_object_get(rec, "doc");
    const char *id = json_string_value(json_object_get(doc, "id"));
    char fallback[32];
    snprintf(fallback, sizeof fallback, "line-%d", lineno);
    qg_audit_row *r = new_row(au, id ? id : fallback);
    if (!r) {
        json_decref(rec);
        au->output_failed = 1;
        fputs("quotegraph: out of memory\n", stderr);
        return;
    }
    const json_t *gi = id ? json_object_get(au->gold_ids, id) : NULL;
    size_t gd = gi ? (size_t)json_integer_value(gi) : SIZE_MAX;
    qg_audit_gold gold = {0};
    if (gd != SIZE_MAX) {
        au->gold_seen[gd] = true;
        gold.score = r->score = qg_eval_doc(au->ev, gd);
        gold.mismatches = au->mm + au->mm_first[gd];
        gold.n = au->mm_first[gd + 1] - au->mm_first[gd];
        for (size_t i = 0; i < gold.n; i++) {
            r->missed += gold.mismatches[i]->kind == QG_EVAL_MISSED;
            r->spurious += gold.mismatches[i]->kind == QG_EVAL_SPURIOUS;
            r->wrong_speaker += gold.mismatches[i]->kind == QG_EVAL_WRONG_SPEAKER;
        }
    }
    if (!rec) {
        row_error(au, r, "line %d: not JSON: %s", lineno, jerr.text);
        return;
    }
    qg_audit_count(rec, &r->counts);
    const json_t *e = json_object_get(rec, "error");
    if (e) {
        row_error(au, r, "error record: %s: %s", json_string_value(json_object_get(e, "code")),
                  json_string_value(json_object_get(e, "message")));
        json_decref(rec);
        return;
    }
    if (!id || !json_is_integer(json_object_get(doc, "length"))) {
        row_error(au, r, "line %d: not a quotegraph/1 graph record (no doc.id or doc.length)", lineno);
        json_decref(rec);
        return;
    }
    char msg[1024], *text = NULL, *path = NULL, *name = NULL;
    size_t tlen = 0;
    FILE *f = NULL;
    if (find_text(au, id, json_string_value(json_object_get(doc, "source")), gd, &text, &tlen, msg,
                  sizeof msg) < 0) {
        row_error(au, r, "%s", msg);
        goto done;
    }
    long ncp = qg_html_cp_count(text, tlen);
    json_int_t want = json_integer_value(json_object_get(doc, "length"));
    if (ncp < 0) {
        row_error(au, r, "the text is not valid UTF-8");
        goto done;
    }
    if (ncp != want) {
        row_error(au, r, "the text has %ld code points, the graph says %lld (doc.length): not the same text",
                  ncp, (long long)want);
        goto done;
    }
    if (gd != SIZE_MAX) {
        size_t glen;
        const char *g = qg_eval_doc_text(au->ev, gd, &glen);
        if (glen != tlen || memcmp(g, text, tlen) != 0) {
            fprintf(stderr, "quotegraph: %s: warning: the gold text differs; no gold marks on the page\n", id);
            gold.mismatches = NULL;
            gold.n = 0;
        }
    }
    name = page_name(au, id);
    if (!name || !(f = open_out(au, name, &path))) {
        if (!name)
            fputs("quotegraph: out of memory\n", stderr);
        au->output_failed = 1;
        row_error(au, r, "no page written");
        goto done;
    }
    if (qg_audit_page(f, rec, text, tlen, gd != SIZE_MAX ? &gold : NULL, &r->counts, msg, sizeof msg) < 0) {
        fclose(f);
        remove(path);
        row_error(au, r, "%s", msg);
        goto done;
    }
    if (close_out(au, f, path) == 0) {
        r->href = name;
        name = NULL;
    }
done:
    free(name);
    free(path);
    free(text);
    json_decref(rec);
}

static int make_dir(const char *dir)
{
    struct stat st;
    if (mkdir(dir, 0777) == 0 || (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
        return 0;
    fprintf(stderr, "quotegraph: %s: %s\n", dir, errno == EEXIST ? "not a directory" : strerror(errno));
    return -1;
}

int qg_cmd_audit(int argc, char **argv)
{
    audit au = {0};
    char *graphs = NULL;
    size_t glen = 0;
    int rc = QG_EXIT_USAGE;
    FILE *mem = NULL;
    qg_line line = {0};

    au.o.texts = calloc((size_t)argc, sizeof *au.o.texts);
    if (!au.o.texts)
        return QG_EXIT_OUTPUT;
    int pr = parse_options(argc, argv, &au.o);
    if (pr != 0) {
        free(au.o.texts);
        return pr < 0 ? (fflush(stdout) == 0 ? QG_EXIT_OK : QG_EXIT_OUTPUT) : QG_EXIT_USAGE;
    }
    qg_error err;
    bool from_stdin = strcmp(au.o.graphs, "-") == 0;
    const char *gname = from_stdin ? "<stdin>" : au.o.graphs;
    int r = from_stdin ? qg_read_stream(stdin, SIZE_MAX - 1, &graphs, &glen, &err)
                       : qg_read_path(au.o.graphs, SIZE_MAX - 1, &graphs, &glen, &err);
    if (r != 0) {
        fprintf(stderr, "quotegraph: %s: %s\n", gname, err.message);
        goto out;
    }
    au.files = json_object();
    if (!au.files || json_object_set_new(au.files, "index.html", json_true()) < 0 || index_texts(&au) < 0)
        goto oom;
    if (au.o.gold) {
        int g = load_gold(&au, graphs, gname);
        if (g < 0)
            goto oom;
        if (g > 0)
            goto out;
    }
    if (make_dir(au.o.outdir) < 0) {
        rc = QG_EXIT_OUTPUT;
        goto out;
    }

    mem = fmemopen(graphs, glen ? glen : 1, "r");
    if (!mem)
        goto oom;
    int lineno = 0;
    while (glen > 0 && (r = qg_read_line(mem, SIZE_MAX - 1, &line)) == 1) {
        lineno++;
        if (line.len > 0)
            audit_record(&au, line.s, line.len, lineno);
    }
    if (r < 0)
        goto oom;
    if (au.ev)
        for (size_t d = 0; d < qg_eval_doc_count(au.ev); d++) {
            if (au.gold_seen[d])
                continue;
            qg_audit_row *row = new_row(&au, qg_eval_doc(au.ev, d)->id);
            if (!row)
                goto oom;
            row->score = qg_eval_doc(au.ev, d);
            row->missed = au.mm_first[d + 1] - au.mm_first[d];
            row_error(&au, row, "in the gold but not in %s", gname);
        }

    char *ipath = NULL;
    FILE *f = open_out(&au, "index.html", &ipath);
    if (f) {
        qg_audit_index(f, au.rows, au.nrows, au.ev ? qg_eval_totals(au.ev) : NULL);
        close_out(&au, f, ipath);
    }
    free(ipath);
    rc = au.output_failed ? QG_EXIT_OUTPUT : au.failed ? QG_EXIT_FAILED : QG_EXIT_OK;
    goto out;
oom:
    fputs("quotegraph: out of memory\n", stderr);
    rc = QG_EXIT_OUTPUT;
out:
    if (mem)
        fclose(mem);
    qg_line_free(&line);
    for (size_t i = 0; i < au.nrows; i++) {
        free((char *)au.rows[i].id);
        free((char *)au.rows[i].href);
        free((char *)au.rows[i].error);
    }
    free(au.rows);
    free(graphs);
    free(au.o.texts);
    free(au.mm);
    free(au.mm_first);
    free(au.gold_seen);
    json_decref(au.gold_ids);
    json_decref(au.files);
    json_decref(au.ti.paths);
    json_decref(au.ti.inline_texts);
    qg_eval_free(au.ev);
    return rc;
}
