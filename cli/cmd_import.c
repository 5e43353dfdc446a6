/* cmd_import.c - `quotegraph import --format brat [-o GOLD] DIR|FILE.txt...`:
 * corrected brat annotations to gold records that `quotegraph eval --gold`
 * scores against.
 *
 * All or nothing: a gold file missing the documents whose .ann had a typo
 * would still score, and wrongly, so any error writes no output. */
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "brat.h"
#include "cli.h"
#include "input.h"

static const char usage_text[] =
    "usage: quotegraph import [--format brat] [-o GOLD.jsonl] DIR|FILE.txt...\n"
    "\n"
    "Read brat annotations (every *.txt under DIR with its .ann beside it, as\n"
    "written by 'quotegraph export' and corrected in brat) and write gold records,\n"
    "one JSON line per document sorted by id, in the gold format that\n"
    "'quotegraph eval --gold' reads. Document ids are paths relative to DIR\n"
    "without .txt. Any malformed line is reported as FILE:LINE and nothing is\n"
    "written.\n"
    "\n"
    "  --format brat       the input format (brat is the only one, and the default)\n"
    "  -o, --output FILE   write the gold here instead of standard output\n"
    "  --help              print this help and exit\n"
    "\n"
    "Exit status: 0 imported, 1 some annotations are invalid or unreadable,\n"
    "2 usage error, 3 the output could not be written.\n";

typedef struct {
    const char *output;
    char **inputs;
    int ninputs;
} import_opts;

/* Returns -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, import_opts *o)
{
    *o = (import_opts){0};
    o->inputs = calloc((size_t)argc, sizeof *o->inputs);
    if (!o->inputs) {
        fputs("quotegraph: out of memory\n", stderr);
        return QG_EXIT_USAGE;
    }
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *f;
        if (options_done || a[0] != '-') {
            o->inputs[o->ninputs++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return QG_EXIT_OK;
        } else if (qg_option(argc, argv, &i, NULL, "--format", &f)) {
            if (!f || strcmp(f, "brat") != 0)
                return qg_usage_error("import", "import: --format: '%s' is not a format (brat)",
                                          f ? f : "");
        } else if (qg_option(argc, argv, &i, "-o", "--output", &f)) {
            if (o->output)
                return qg_usage_error("import", "%s: the output file given twice", a);
            o->output = f;
            if (!o->output || !*o->output)
                return qg_usage_error("import", "%s: needs a file", a);
        } else {
            return qg_usage_error("import", "import: unknown option '%s'", a);
        }
    }
    if (o->ninputs == 0)
        return qg_usage_error("import", "import: no brat folder given");
    return -1;
}

/* FILE.txt -> FILE.ann (malloc'd, NULL when out of memory). */
static char *ann_path(const char *txt)
{
    size_t n = strlen(txt);
    size_t stem = n > 4 && strcmp(txt + n - 4, ".txt") == 0 ? n - 4 : n;
    char *p = malloc(stem + 5);
    if (p) {
        memcpy(p, txt, stem);
        memcpy(p + stem, ".ann", 5);
    }
    return p;
}

/* One document: its gold record, or NULL after printing why. */
static json_t *import_one(const qg_input *in)
{
    char *text = NULL, *ann = NULL, *apath = ann_path(in->path);
    size_t text_len = 0, ann_len = 0;
    json_t *rec = NULL;
    qg_error err;
    if (!apath) {
        fputs("quotegraph: out of memory\n", stderr);
        goto out;
    }
    if (in->errnum) {
        fprintf(stderr, "quotegraph: %s: %s\n", in->path, strerror(in->errnum));
        goto out;
    }
    if (qg_read_path(in->path, QG_MAX_DOC_BYTES, &text, &text_len, &err) < 0) {
        fprintf(stderr, "quotegraph: %s: %s\n", in->path, err.message);
        goto out;
    }
    if (qg_read_path(apath, QG_MAX_DOC_BYTES, &ann, &ann_len, &err) < 0) {
        fprintf(stderr, "quotegraph: %s: %s\n", apath, err.message);
        goto out;
    }
    qg_brat_error berr;
    rec = qg_brat_read_ann(in->id, text, text_len, ann, ann_len, &berr);
    if (!rec) {
        if (berr.line > 0)
            fprintf(stderr, "quotegraph: %s:%d: %s\n", apath, berr.line, berr.text);
        else
            fprintf(stderr, "quotegraph: %s: %s\n", in->path, berr.text);
    }
out:
    free(text);
    free(ann);
    free(apath);
    return rec;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(json_string_value(json_object_get(*(json_t *const *)a, "id")),
                  json_string_value(json_object_get(*(json_t *const *)b, "id")));
}

/* The records, one compact line each, into *OUT (malloc'd). */
static int dump_all(json_t **recs, size_t n, char **out, size_t *len)
{
    FILE *mem = open_memstream(out, len);
    if (!mem)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        if (json_dumpf(recs[i], mem, JSON_COMPACT | JSON_PRESERVE_ORDER) < 0 || fputc('\n', mem) == EOF)
            rc = -1;
    if (fclose(mem) != 0)
        rc = -1;
    return rc;
}

int qg_cmd_import(int argc, char **argv)
{
    import_opts o;
    qg_input_list inputs = {0};
    json_t **recs = NULL;
    size_t nrecs = 0;
    char *data = NULL;
    size_t len = 0;
    int status = parse_args(argc, argv, &o);
    if (status >= 0)
        goto done;
    status = QG_EXIT_FAILED;
    for (int i = 0; i < o.ninputs; i++) {
        size_t before = inputs.n;
        if (qg_inputs_add(&inputs, o.inputs[i], true, "stdin") != 0) {
            fputs("quotegraph: out of memory\n", stderr);
            goto done;
        }
        if (inputs.n == before) {
            fprintf(stderr, "quotegraph: %s: no .txt files in this folder\n", o.inputs[i]);
            goto done;
        }
    }
    recs = calloc(inputs.n + 1, sizeof *recs);
    if (!recs) {
        fputs("quotegraph: out of memory\n", stderr);
        goto done;
    }
    int failed = 0;
    for (size_t i = 0; i < inputs.n; i++) {
        json_t *rec = import_one(&inputs.items[i]);
        if (rec)
            recs[nrecs++] = rec;
        else
            failed++;
    }
    qsort(recs, nrecs, sizeof *recs, by_id);
    for (size_t i = 1; i < nrecs; i++)
        if (by_id(&recs[i - 1], &recs[i]) == 0) {
            fprintf(stderr, "quotegraph: two documents have the id '%s'\n",
                    json_string_value(json_object_get(recs[i], "id")));
            failed++;
        }
    if (failed) {
        fprintf(stderr, "quotegraph: %d of %zu documents failed; nothing written\n", failed,
                inputs.n);
        goto done;
    }
    status = QG_EXIT_OUTPUT;
    if (dump_all(recs, nrecs, &data, &len) < 0) {
        fputs("quotegraph: out of memory\n", stderr);
        goto done;
    }
    if (o.output ? qg_write_file(o.output, data, len) < 0
                 : fwrite(data, 1, len, stdout) != len) {
        fprintf(stderr, "quotegraph: %s: cannot write: %s\n", o.output ? o.output : "<stdout>",
                strerror(errno));
        goto done;
    }
    status = QG_EXIT_OK;
done:
    for (size_t i = 0; i < nrecs; i++)
        json_decref(recs[i]);
    free(recs);
    free(data);
    qg_inputs_free(&inputs);
    free(o.inputs);
    return status;
}
