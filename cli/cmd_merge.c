/* cmd_merge.c - `quotegraph merge`: options and I/O around merge/merge.h.
 * Reads per-document graphs (or merged files) line by line, resolves them
 * into one corpus graph and writes it as JSON lines, CSV or GraphML. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "merge.h"

/* A corpus record lists every occurrence of an entity, so lines may be
 * longer than any one document's graph. */
#define MERGE_LINE_LIMIT ((size_t)QG_MAX_DOC_BYTES * 16u)

enum { FMT_JSONL, FMT_CSV, FMT_GRAPHML };

typedef struct {
    int format;
    const char *output; /* NULL: standard output */
    const char *rules;
    bool quiet;
    const char **inputs;
    int ninputs;
} merge_opts;

static const char usage_text[] =
    "usage: quotegraph merge [--format FMT] [-o OUT] [OPTIONS] FILE.jsonl...|-\n"
    "\n"
    "Merge per-document graphs (quotegraph/1, the output of `quotegraph run`) into\n"
    "one corpus graph: one entity per person, organization, title or dated day\n"
    "across the documents, one statement per quote however many outlets carry\n"
    "it, and the edges between them with the documents that support them.\n"
    "Merged files (quotegraph-corpus/1) are valid inputs too, so merging merged\n"
    "files gives the same bytes as merging the originals (docs/merge.md).\n"
    "\n"
    "  --format FMT       jsonl (default): quotegraph-corpus/1 JSON lines;\n"
    "                     csv: nodes.csv and edges.csv in the directory OUT;\n"
    "                     graphml: one GraphML document\n"
    "  -o, --output OUT   write OUT, whole or not at all (csv: a directory, needed)\n"
    "      --rules DIR    rules directory: the honorifics and titles stripped from\n"
    "                     names (default: $QUOTEGRAPH_RULES, else the built-in path)\n"
    "  -q, --quiet        no warnings (skipped error records, the closing count)\n"
    "  -h, --help         print this help and exit\n"
    "\n"
    "Error records in the input are skipped with a warning. A line that is not a\n"
    "record is reported as FILE:LINE and the rest is still merged.\n"
    "Exit status: 0 merged, 1 some input was unreadable or malformed (the output\n"
    "holds the rest), 2 usage or rules error, 3 the output could not be written.\n";

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("quotegraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'quotegraph merge --help'.\n", stderr);
    return QG_EXIT_USAGE;
}

/* -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, merge_opts *o)
{
    bool options_done = false, have_stdin = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *value = NULL;
        if (options_done || a[0] != '-' || a[1] == '\0') {
            if (strcmp(a, "-") == 0 && have_stdin)
                return usage_error("merge: standard input given twice");
            have_stdin = have_stdin || strcmp(a, "-") == 0;
            o->inputs[o->ninputs++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return QG_EXIT_OK;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = true;
        } else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0 ||
                   strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 ||
                   strncmp(a, "--output=", 9) == 0 || strncmp(a, "-o", 2) == 0 ||
                   strcmp(a, "--rules") == 0 || strncmp(a, "--rules=", 8) == 0) {
            const char *eq = a[1] == '-' ? strchr(a, '=') : (a[2] ? a + 1 : NULL);
            if (eq)
                value = eq + 1;
            else if (i + 1 < argc)
                value = argv[++i];
            else
                return usage_error("option '%s' needs a value", a);
            if (a[1] == 'o' || strncmp(a, "--output", 8) == 0) {
                o->output = strcmp(value, "-") == 0 ? NULL : value;
            } else if (strncmp(a, "--rules", 7) == 0) {
                o->rules = value;
            } else if (strcmp(value, "jsonl") == 0) {
                o->format = FMT_JSONL;
            } else if (strcmp(value, "csv") == 0) {
                o->format = FMT_CSV;
            } else if (strcmp(value, "graphml") == 0) {
                o->format = FMT_GRAPHML;
            } else {
                return usage_error("--format takes jsonl, csv or graphml, not '%s'", value);
            }
        } else {
            return usage_error("merge: unknown option '%s'", a);
        }
    }
    if (o->ninputs == 0)
        return usage_error("merge: no input (give FILE.jsonl, or - for standard input)");
    if (o->format == FMT_CSV && !o->output)
        return usage_error("merge: --format csv needs -o DIR");
    return -1;
}

typedef struct {
    qg_merge *m;
    bool quiet;
    long bad;     /* unreadable inputs and malformed lines */
    long skipped; /* error records */
    bool nomem;
} merge_state;

static void read_input(merge_state *st, const char *path)
{
    const char *name = path ? path : "<stdin>";
    FILE *f = path ? fopen(path, "r") : stdin;
    if (!f) {
        fprintf(stderr, "quotegraph: %s: cannot open: %s\n", name, strerror(errno));
        st->bad++;
        return;
    }
    qg_line line = {0};
    char why[512];
    long lineno = 0;
    int rc;
    while ((rc = qg_read_line(f, MERGE_LINE_LIMIT, &line)) == 1) {
        lineno++;
        if (line.len == strspn(line.s, " \t"))
            continue;
        if (line.too_long) {
            fprintf(stderr, "quotegraph: %s:%ld: line longer than %zu bytes\n", name, lineno,
                    MERGE_LINE_LIMIT);
            st->bad++;
            continue;
        }
        switch (qg_merge_add_line(st->m, line.s, line.len, why, sizeof why)) {
        case QG_MERGE_ADDED: break;
        case QG_MERGE_ERROR_RECORD:
            st->skipped++;
            if (!st->quiet)
                fprintf(stderr, "quotegraph: %s:%ld: warning: %s\n", name, lineno, why);
            break;
        case QG_MERGE_MALFORMED:
            fprintf(stderr, "quotegraph: %s:%ld: %s\n", name, lineno, why);
            st->bad++;
            break;
        case QG_MERGE_NOMEM: st->nomem = true; break;
        }
        if (st->nomem)
            break;
    }
    if (rc < 0) {
        if (errno == ENOMEM)
            st->nomem = true;
        else
            fprintf(stderr, "quotegraph: %s: read error: %s\n", name, strerror(errno));
        st->bad++;
    }
    qg_line_free(&line);
    if (path)
        fclose(f);
}

/* Writes PATH whole or not at all: under PATH.tmp, renamed when complete. */
static int write_file(const char *path, const qg_merge *m, int format)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 5);
    if (!tmp) {
        fputs("quotegraph: out of memory\n", stderr);
        return -1;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp", 5);
    int rc = -1;
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "quotegraph: %s: cannot create: %s\n", tmp, strerror(errno));
        free(tmp);
        return -1;
    }
    int wr = format == FMT_GRAPHML ? qg_merge_write_graphml(m, f) : qg_merge_write_jsonl(m, f);
    int errnum = wr ? (errno ? errno : EIO) : 0;
    if (fclose(f) != 0 && !errnum)
        errnum = errno;
    if (errnum)
        fprintf(stderr, "quotegraph: %s: write error: %s\n", path, strerror(errnum));
    else if (rename(tmp, path) != 0)
        fprintf(stderr, "quotegraph: %s: cannot rename %s: %s\n", path, tmp, strerror(errno));
    else
        rc = 0;
    if (rc)
        unlink(tmp);
    free(tmp);
    return rc;
}

static char *path_join(const char *dir, const char *file)
{
    size_t n = strlen(dir) + strlen(file) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, file);
    return p;
}

/* nodes.csv and edges.csv in DIR (made if missing), each whole or not at all. */
static int write_csv(const char *dir, const qg_merge *m)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "quotegraph: %s: cannot create directory: %s\n", dir, strerror(errno));
        return -1;
    }
    char *paths[4] = {path_join(dir, "nodes.csv"), path_join(dir, "edges.csv"),
                      path_join(dir, "nodes.csv.tmp"), path_join(dir, "edges.csv.tmp")};
    FILE *f[2] = {NULL, NULL};
    int rc = -1;
    for (int i = 0; i < 4; i++)
        if (!paths[i]) {
            fputs("quotegraph: out of memory\n", stderr);
            goto out;
        }
    for (int i = 0; i < 2; i++)
        if (!(f[i] = fopen(paths[i + 2], "w"))) {
            fprintf(stderr, "quotegraph: %s: cannot create: %s\n", paths[i + 2], strerror(errno));
            goto out;
        }
    int errnum = qg_merge_write_csv(m, f[0], f[1]) ? (errno ? errno : EIO) : 0;
    for (int i = 0; i < 2; i++) {
        if (fclose(f[i]) != 0 && !errnum)
            errnum = errno;
        f[i] = NULL;
    }
    if (errnum) {
        fprintf(stderr, "quotegraph: %s: write error: %s\n", dir, strerror(errnum));
        goto out;
    }
    for (int i = 0; i < 2; i++)
        if (rename(paths[i + 2], paths[i]) != 0) {
            fprintf(stderr, "quotegraph: %s: cannot rename %s: %s\n", paths[i], paths[i + 2],
                    strerror(errno));
            goto out;
        }
    rc = 0;
out:
    for (int i = 0; i < 2; i++)
        if (f[i])
            fclose(f[i]);
    for (int i = 0; i < 4; i++) {
        if (i >= 2 && paths[i])
            unlink(paths[i]);
        free(paths[i]);
    }
    return rc;
}

int qg_cmd_merge(int argc, char **argv)
{
    merge_opts o = {0};
    merge_state st = {0};
    qg_rules *rules = NULL;
    o.inputs = calloc((size_t)argc + 1, sizeof *o.inputs);
    if (!o.inputs) {
        fputs("quotegraph: out of memory\n", stderr);
        return QG_EXIT_FAILED;
    }
    int status = parse_args(argc, argv, &o);
    if (status >= 0)
        goto done;

    const char *rules_dir = o.rules;
    if (!rules_dir)
        rules_dir = getenv("QUOTEGRAPH_RULES");
    if (!rules_dir || !*rules_dir)
        rules_dir = QG_DEFAULT_RULES_DIR;
    qg_error err = {0};
    rules = qg_rules_load(rules_dir, &err);
    if (!rules) {
        if (err.line > 0)
            fprintf(stderr, "quotegraph: %s:%d: %s\n", err.file, err.line, err.message);
        else
            fprintf(stderr, "quotegraph: %s: %s\n", err.file[0] ? err.file : "rules", err.message);
        status = QG_EXIT_USAGE;
        goto done;
    }
    st.quiet = o.quiet;
    st.m = qg_merge_new(rules);
    for (int i = 0; st.m && i < o.ninputs && !st.nomem; i++)
        read_input(&st, strcmp(o.inputs[i], "-") == 0 ? NULL : o.inputs[i]);
    if (!st.m || st.nomem || qg_merge_resolve(st.m) != 0) {
        fputs("quotegraph: out of memory\n", stderr);
        status = QG_EXIT_FAILED;
        goto done;
    }
    if (!o.quiet) {
        size_t dangling = qg_merge_dangling(st.m);
        if (dangling)
            fprintf(stderr, "quotegraph: warning: %zu edges left out: their nodes are in no input\n",
                    dangling);
        if (st.skipped)
            fprintf(stderr, "quotegraph: warning: %ld error records skipped\n", st.skipped);
    }

    int wr;
    if (o.format == FMT_CSV)
        wr = write_csv(o.output, st.m);
    else if (o.output)
        wr = write_file(o.output, st.m, o.format);
    else
        wr = o.format == FMT_GRAPHML ? qg_merge_write_graphml(st.m, stdout)
                                     : qg_merge_write_jsonl(st.m, stdout);
    if (wr && !o.output)
        fprintf(stderr, "quotegraph: <stdout>: write error: %s\n", strerror(errno ? errno : EIO));
    status = wr ? QG_EXIT_OUTPUT : st.bad ? QG_EXIT_FAILED : QG_EXIT_OK;

done:
    qg_merge_free(st.m);
    qg_rules_free(rules);
    free(o.inputs);
    return status;
}
