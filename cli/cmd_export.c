/* cmd_export.c - `quotegraph export --format brat -o DIR GRAPHS [TEXT...]`:
 * graph records (the output of run) to a brat folder for correction.
 *
 * A command of its own rather than an option of run: it reads graphs, not
 * documents, so a sample picked from a stored output (head, shuf, jq) can be
 * exported without annotating again, and run keeps one output format. */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "brat.h"
#include "cli.h"
#include "input.h"

static const char usage_text[] =
    "usage: quotegraph export [--format brat] -o DIR [--force] GRAPHS.jsonl|- [TEXT|DIR...]\n"
    "\n"
    "Write quotegraph/1 graph records as a brat annotation folder: per document\n"
    "ID.txt (the exact text) and ID.ann (statements, sources, cues, mentions,\n"
    "titles, dates), and annotation.conf and visual.conf for the folder. Correct\n"
    "the annotations in brat, then turn them into gold with 'quotegraph import'.\n"
    "\n"
    "The texts are the TEXT files and the *.txt files under DIR arguments, matched\n"
    "to the graphs by document id; without them, each graph's doc.source path.\n"
    "\n"
    "  --format brat     the output format (brat is the only one, and the default)\n"
    "  -o, --output DIR  the folder to write, created if missing (required)\n"
    "  --force           replace existing .ann files and configuration files\n"
    "  --help            print this help and exit\n"
    "\n"
    "Exit status: 0 all exported, 1 some documents failed, 2 usage error,\n"
    "3 the folder could not be written.\n";

typedef struct {
    const char *outdir;
    bool force;
    const char *graphs;
    char **texts;
    int ntexts;
} export_opts;

/* Returns -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, export_opts *o)
{
    *o = (export_opts){0};
    o->texts = calloc((size_t)argc, sizeof *o->texts);
    if (!o->texts) {
        fputs("quotegraph: out of memory\n", stderr);
        return QG_EXIT_USAGE;
    }
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *f;
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            if (!o->graphs)
                o->graphs = a;
            else if (strcmp(a, "-") == 0)
                return qg_usage_error("export", "export: texts cannot come from standard input");
            else
                o->texts[o->ntexts++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return QG_EXIT_OK;
        } else if (qg_option(argc, argv, &i, NULL, "--format", &f)) {
            if (!f || strcmp(f, "brat") != 0)
                return qg_usage_error("export", "export: --format: '%s' is not a format (brat)", f ? f : "");
        } else if (qg_option(argc, argv, &i, "-o", "--output", &f)) {
            if (o->outdir)
                return qg_usage_error("export", "%s: the output folder given twice", a);
            o->outdir = f;
            if (!o->outdir || !*o->outdir)
                return qg_usage_error("export", "%s: needs a folder", a);
        } else if (strcmp(a, "--force") == 0) {
            o->force = true;
        } else {
            return qg_usage_error("export", "export: unknown option '%s'", a);
        }
    }
    if (!o->outdir)
        return qg_usage_error("export", "export: -o DIR is required");
    if (!o->graphs)
        return qg_usage_error("export", "export: no graphs file given (use - for standard input)");
    return -1;
}

/* An id becomes a path under the folder: it must stay inside. */
static bool safe_id(const char *id)
{
    if (!*id || id[0] == '/')
        return false;
    for (const char *p = id; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return false;
        p += n;
        if (*p == '/')
            p++;
        if (!*p && p[-1] == '/')
            return false;
    }
    return true;
}

/* DIR/ID.EXT, with the directories of ID created. NULL: out of memory or a
 * directory could not be made (errno set). */
static char *out_path(const char *dir, const char *id, const char *ext)
{
    size_t n = strlen(dir) + strlen(id) + strlen(ext) + 3;
    char *p = malloc(n);
    if (!p)
        return NULL;
    snprintf(p, n, "%s/%s%s", dir, id, ext);
    for (char *s = p + strlen(dir) + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = '\0';
        int r = mkdir(p, 0777);
        *s = '/';
        if (r != 0 && errno != EEXIST) {
            free(p);
            return NULL;
        }
    }
    return p;
}

/* The folder's annotation.conf and visual.conf, kept when present: an
 * annotation team may have tuned its colours. */
static int write_confs(const char *dir, bool force)
{
    static const char *const names[] = {"annotation.conf", "visual.conf"};
    const char *data[] = {qg_brat_annotation_conf, qg_brat_visual_conf};
    for (int i = 0; i < 2; i++) {
        char *p = out_path(dir, names[i], "");
        struct stat st;
        if (!p || ((force || stat(p, &st) != 0) && qg_write_file(p, data[i], strlen(data[i])) < 0)) {
            fprintf(stderr, "quotegraph: %s/%s: cannot write: %s\n", dir, names[i], strerror(errno));
            free(p);
            return -1;
        }
        free(p);
    }
    return 0;
}

typedef struct {
    const export_opts *o;
    json_t *texts;   /* id -> path, from the TEXT arguments */
    json_t *written; /* ids exported so far */
    int failed;
} export_state;

static void doc_error(export_state *st, int line, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void doc_error(export_state *st, int line, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "quotegraph: %s:%d: ", strcmp(st->o->graphs, "-") ? st->o->graphs : "<stdin>",
            line);
    if (id)
        fprintf(stderr, "%s: ", id);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    st->failed++;
}

/* One graph line. Returns 0 (done or reported as a failed document), or -1
 * when the folder could not be written. */
static int export_one(export_state *st, const char *line, size_t len, int lineno)
{
    json_error_t jerr;
    json_t *g = json_loadb(line, len, 0, &jerr);
    char *text = NULL, *ann = NULL, *txt_path = NULL, *ann_path = NULL;
    size_t text_len = 0, ann_len = 0;
    int rc = 0;
    const char *id = json_string_value(json_object_get(json_object_get(g, "doc"), "id"));
    if (!g) {
        doc_error(st, lineno, NULL, "not JSON: %s", jerr.text);
        goto out;
    }
    if (!id) {
        doc_error(st, lineno, NULL, "not a quotegraph/1 record: no doc.id");
        goto out;
    }
    if (!safe_id(id)) {
        doc_error(st, lineno, id, "this id cannot name a file in the folder");
        goto out;
    }
    if (json_object_get(st->written, id)) {
        doc_error(st, lineno, id, "a second record with this id");
        goto out;
    }
    if (json_object_get(g, "error")) {
        const char *code = json_string_value(json_object_get(json_object_get(g, "error"), "code"));
        doc_error(st, lineno, id, "an error record (%s): nothing to annotate", code ? code : "?");
        goto out;
    }
    const char *src = json_string_value(json_object_get(st->texts, id));
    if (!src && st->o->ntexts == 0)
        src = json_string_value(json_object_get(json_object_get(g, "doc"), "source"));
    if (!src) {
        doc_error(st, lineno, id, "no text: %s", st->o->ntexts ? "no TEXT argument has this id"
                                                                : "doc.source is null; give the texts");
        goto out;
    }
    qg_error err;
    if (qg_read_path(src, QG_MAX_DOC_BYTES, &text, &text_len, &err) < 0) {
        doc_error(st, lineno, id, "%s: %s", src, err.message);
        goto out;
    }

    qg_brat_error berr;
    FILE *mem = open_memstream(&ann, &ann_len);
    int w = mem ? qg_brat_write_ann(g, text, text_len, mem, &berr) : -2;
    if (mem && fclose(mem) != 0)
        w = -2;
    if (w == -1) {
        doc_error(st, lineno, id, "%s: %s", src, berr.text);
        goto out;
    }
    if (w < 0) {
        doc_error(st, lineno, id, "out of memory");
        goto out;
    }
    /* Python 3 reads "\r\n" as one character unless told otherwise, and
     * brat's Python 3 versions do: their offsets would drift from ours. */
    if (memchr(text, '\r', text_len))
        fprintf(stderr, "quotegraph: %s: warning: %s has carriage returns; a brat that reads it "
                        "with universal newlines will shift the spans (see docs/brat.md)\n",
                id, src);
    txt_path = out_path(st->o->outdir, id, ".txt");
    ann_path = txt_path ? out_path(st->o->outdir, id, ".ann") : NULL;
    struct stat sb;
    if (ann_path && !st->o->force && stat(ann_path, &sb) == 0) {
        doc_error(st, lineno, id, "%s exists; its corrections would be lost (--force replaces it)",
                  ann_path);
        goto out;
    }
    if (!ann_path || qg_write_file(txt_path, text, text_len) < 0 ||
        qg_write_file(ann_path, ann, ann_len) < 0) {
        fprintf(stderr, "quotegraph: %s: cannot write: %s\n", ann_path ? ann_path : st->o->outdir,
                strerror(errno));
        rc = -1;
        goto out;
    }
    if (json_object_set_new(st->written, id, json_true()) < 0) {
        fputs("quotegraph: out of memory\n", stderr);
        rc = -1;
    }
out:
    free(text);
    free(ann);
    free(txt_path);
    free(ann_path);
    json_decref(g);
    return rc;
}

/* The TEXT arguments as id -> path; the first of two with one id wins, and
 * the second is a usage error. */
static int collect_texts(const export_opts *o, json_t *texts)
{
    qg_input_list list = {0};
    int rc = 0;
    for (int i = 0; i < o->ntexts && rc == 0; i++)
        if (qg_inputs_add(&list, o->texts[i], true, "stdin") != 0) {
            fputs("quotegraph: out of memory\n", stderr);
            rc = -1;
        }
    for (size_t i = 0; i < list.n && rc == 0; i++) {
        const char *old = json_string_value(json_object_get(texts, list.items[i].id));
        if (old) {
            qg_usage_error("export", "export: %s and %s have the same document id '%s'", old,
                        list.items[i].path, list.items[i].id);
            rc = -1;
        } else if (json_object_set_new(texts, list.items[i].id, json_string(list.items[i].path))) {
            fputs("quotegraph: out of memory\n", stderr);
            rc = -1;
        }
    }
    qg_inputs_free(&list);
    return rc;
}

int qg_cmd_export(int argc, char **argv)
{
    export_opts o;
    export_state st = {.o = &o};
    qg_line line = {0};
    FILE *in = NULL;
    int status = parse_args(argc, argv, &o);
    if (status >= 0)
        goto done;
    status = QG_EXIT_USAGE;
    st.texts = json_object();
    st.written = json_object();
    if (!st.texts || !st.written || collect_texts(&o, st.texts) < 0)
        goto done;
    in = strcmp(o.graphs, "-") == 0 ? stdin : fopen(o.graphs, "r");
    if (!in) {
        fprintf(stderr, "quotegraph: %s: cannot open: %s\n", o.graphs, strerror(errno));
        status = QG_EXIT_FAILED;
        goto done;
    }
    status = QG_EXIT_OUTPUT;
    if (mkdir(o.outdir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "quotegraph: %s: cannot create: %s\n", o.outdir, strerror(errno));
        goto done;
    }
    if (write_confs(o.outdir, o.force) < 0)
        goto done;
    int r, lineno = 0;
    while ((r = qg_read_line(in, 256u * 1024u * 1024u, &line)) > 0) {
        lineno++;
        if (line.len == 0)
            continue;
        if (line.too_long) {
            doc_error(&st, lineno, NULL, "line too long");
            continue;
        }
        if (export_one(&st, line.s, line.len, lineno) < 0)
            goto done;
    }
    if (r < 0) {
        fprintf(stderr, "quotegraph: %s: cannot read: %s\n", o.graphs, strerror(errno));
        status = QG_EXIT_FAILED;
        goto done;
    }
    status = st.failed ? QG_EXIT_FAILED : QG_EXIT_OK;
done:
    if (in && in != stdin)
        fclose(in);
    qg_line_free(&line);
    json_decref(st.texts);
    json_decref(st.written);
    free(o.texts);
    return status;
}
