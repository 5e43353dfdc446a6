/* cmd_run.c - `quotegraph [run]`: the annotation loop.
 *
 * Rules load once. With -j 1 each document is read, annotated and written
 * as one JSON line before the next one is read, so memory stays that of one
 * document. With -j N the documents go in batches: N threads (one pipeline
 * each; the rules are shared, read-only) annotate a batch into memory, then
 * the batch is written in input order, so the output is byte-identical to
 * -j 1 and memory stays that of one batch. A document that fails becomes an
 * error record in its place and the batch goes on; only a failing output
 * stops the run, because nothing written after that could reach the reader. */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <sys/resource.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "doc.h"
#include "input.h"
#include "quotegraph.h"
#include "rules.h"
#include "stage.h"

#ifndef QG_DEFAULT_RULES_DIR
#define QG_DEFAULT_RULES_DIR "rules" /* the Makefile always sets it; this keeps other builds working */
#endif

/* Longest JSON line read by --jsonl and --from-layers: JSON escapes and the
 * layers make a line longer than its text, so the line limit is a multiple
 * of the document limit; the document limit still applies to the text. */
#define LINE_LIMIT(o) ((o)->max_doc_bytes * 4u)

/* The largest --max-sentence-tokens: beyond it a run of tokens without
 * punctuation makes the per-sentence stages slow. */
#define SENTENCE_TOKENS_CAP 100000L

/* Set by the handler of SIGINT, SIGTERM and SIGHUP: the loop stops between
 * documents, writes out the complete lines it has (or, with -o, removes its
 * temporary file), and the process then dies of the signal. Without the
 * handler a signal could cut a line in half at a buffer boundary. */
static volatile sig_atomic_t interrupted;

typedef struct {
    const char *output;   /* -o FILE, NULL for standard output */
    const char *date;     /* --date */
    const char *rules;    /* --rules */
    const char *stages;   /* --stages */
    const char *stdin_id; /* --id, else "stdin" */
    bool id_given;
    bool layers;          /* --emit layers */
    bool jsonl;
    bool from_layers;
    bool quiet;
    bool stats;           /* --stats: time per stage and peak memory on stderr */
    bool replace_utf8;    /* --invalid-utf8=replace */
    long jobs;            /* -j N: threads */
    size_t max_doc_bytes; /* --max-doc-bytes, else QG_MAX_DOC_BYTES */
    long max_sentence_tokens; /* 0: the library's default */
    long max_quote_depth;     /* 0: the library's default */
    char **inputs;        /* the operands, in argv */
    int ninputs;
} run_opts;

typedef struct {
    const run_opts *o;
    qg_rules *rules;
    qg_pipeline *p;
    FILE *out;
    FILE *err;            /* messages: stderr, or a worker's buffer */
    const char *out_name; /* for messages */
    bool flush_each;      /* a stream reader waits for each line */
    bool out_failed;
    long ndocs, nfailed;
} run_state;

/* ---- options ---- */

enum { OPT_OUTPUT, OPT_DATE, OPT_ID, OPT_JSONL, OPT_RULES, OPT_STAGES, OPT_EMIT,
       OPT_FROM_LAYERS, OPT_QUIET, OPT_JOBS, OPT_STATS, OPT_INVALID_UTF8, OPT_MAX_DOC_BYTES,
       OPT_MAX_SENTENCE_TOKENS, OPT_MAX_QUOTE_DEPTH, OPT_HELP, OPT_VERSION };

static const struct {
    const char *name; /* without the leading -- */
    char shortname;
    bool has_arg;
    int id;
} options[] = {
    {"output", 'o', true, OPT_OUTPUT},
    {"date", 0, true, OPT_DATE},
    {"id", 0, true, OPT_ID},
    {"jsonl", 0, false, OPT_JSONL},
    {"rules", 0, true, OPT_RULES},
    {"stages", 0, true, OPT_STAGES},
    {"emit", 0, true, OPT_EMIT},
    {"from-layers", 0, false, OPT_FROM_LAYERS},
    {"quiet", 'q', false, OPT_QUIET},
    {"jobs", 'j', true, OPT_JOBS},
    {"stats", 0, false, OPT_STATS},
    {"invalid-utf8", 0, true, OPT_INVALID_UTF8},
    {"max-doc-bytes", 0, true, OPT_MAX_DOC_BYTES},
    {"max-sentence-tokens", 0, true, OPT_MAX_SENTENCE_TOKENS},
    {"max-quote-depth", 0, true, OPT_MAX_QUOTE_DEPTH},
    {"help", 'h', false, OPT_HELP},
    {"version", 0, false, OPT_VERSION},
};

void qg_run_usage(FILE *out)
{
    fputs("usage: quotegraph [run] [OPTIONS] FILE|DIR|- ...\n"
          "       quotegraph [run] --jsonl [OPTIONS] [FILE|-]...\n"
          "       quotegraph [run] --from-layers [OPTIONS] [FILE|-]...\n"
          "       quotegraph COMMAND [ARGS]...   (see 'quotegraph help')\n"
          "\n"
          "Find who said what in English news text: one JSON line per document\n"
          "(schema " QG_SCHEMA ", docs/schema.md) on standard output. A DIR stands for\n"
          "its *.txt files, recursively, in sorted order; - reads one document from\n"
          "standard input. A document that fails gets an error record in its place.\n"
          "\n"
          "Options:\n"
          "  -o, --output FILE  write FILE, whole or not at all, instead of stdout\n"
          "      --date DATE    document date (YYYY-MM-DD) for every input; else the\n"
          "                     JSON-lines \"date\", else a leading 'date YYYY-MM-DD' line\n"
          "      --id ID        document id for standard input (default: stdin)\n"
          "      --jsonl        inputs are JSON lines {\"id\":...,\"text\":...,\"date\":...}\n"
          "                     (standard input when no FILE is given)\n"
          "      --rules DIR    rules directory (default: $QUOTEGRAPH_RULES, else\n"
          "                     " QG_DEFAULT_RULES_DIR ")\n"
          "      --stages LIST  run only these comma-separated stages and those they need\n"
          "      --emit WHAT    graph (default), or layers: every layer of every stage\n"
          "      --from-layers  inputs are --emit layers output: run the remaining stages\n"
          "  -q, --quiet        no messages about single documents on stderr\n"
          "  -j, --jobs N       annotate on N threads (default: the number of cores);\n"
          "                     the output is the same as with -j 1\n"
          "      --stats        print time per stage and peak memory on stderr\n"
          "      --invalid-utf8 POLICY\n"
          "                     error (default): a document with invalid UTF-8 gets an\n"
          "                     error record; replace: each ill-formed sequence becomes\n"
          "                     U+FFFD, as Python's errors=\"replace\" decodes it\n"
          "      --max-doc-bytes N\n"
          "                     a larger document gets a too-large error record\n"
          "                     (default and most: 67108864, 64 MiB)\n"
          "      --max-sentence-tokens N\n"
          "                     cut longer runs of tokens without a sentence end into\n"
          "                     sentences of N tokens (default 400, most 100000)\n"
          "      --max-quote-depth N\n"
          "                     leave quote marks that would nest deeper than N\n"
          "                     unpaired (default 16, most 64)\n"
          "  -h, --help         print this help and exit\n"
          "      --version      print the version and exit\n"
          "\n"
          "Stages, in order:\n",
          out);
    for (int s = 0; s < QG_STAGE_COUNT; s++)
        fprintf(out, "  %-12s %s\n", qg_stages[s].name, qg_stages[s].summary);
    fputs("\n"
          "Exit status: 0 every document succeeded, 1 some failed (their error records\n"
          "are in the output), 2 usage or rules error, 3 the output could not be written.\n"
          "SIGINT, SIGTERM and SIGHUP stop the run between documents, with whole lines.\n",
          out);
}

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("quotegraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nTry 'quotegraph --help' for more information.\n", stderr);
    va_end(ap);
    return QG_EXIT_USAGE;
}

/* Finds the option that ARG (which starts with '-') names; *VALUE gets an
 * attached value (--date=X, -oX) or NULL. Returns its index, or -1. */
static int find_option(const char *arg, const char **value)
{
    *value = NULL;
    size_t n = sizeof options / sizeof options[0];
    if (arg[1] == '-') {
        const char *name = arg + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        for (size_t i = 0; i < n; i++)
            if (strlen(options[i].name) == len && strncmp(options[i].name, name, len) == 0) {
                *value = eq ? eq + 1 : NULL;
                return (int)i;
            }
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (options[i].shortname && options[i].shortname == arg[1]) {
            *value = arg[2] ? arg + 2 : NULL;
            return (int)i;
        }
    return -1;
}

/* Parses VALUE as a whole number from MIN to MAX into *N; returns 0, or -1. */
static int parse_number(const char *value, long min, long max, long *n)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(value, &end, 10);
    if (errno || end == value || *end || v < min || v > max)
        return -1;
    *n = v;
    return 0;
}

/* Returns -1 to go on, or the exit status (help, version, usage error). */
static int parse_args(int argc, char **argv, run_opts *o)
{
    *o = (run_opts){.stdin_id = "stdin", .max_doc_bytes = QG_MAX_DOC_BYTES};
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    if (!o->inputs) {
        fputs("quotegraph: out of memory\n", stderr);
        return QG_EXIT_USAGE;
    }
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || a[1] == '\0') {
            o->inputs[o->ninputs++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_done = true;
            continue;
        }
        const char *value;
        int k = find_option(a, &value);
        if (k < 0)
            return usage_error("unknown option '%s'", a);
        if (!options[k].has_arg && value) {
            if (a[1] == '-')
                return usage_error("option '%s' takes no value", a);
            return usage_error("unknown option '%s' (short options cannot be combined)", a);
        }
        if (options[k].has_arg && !value) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", a);
            value = argv[++i];
        }
        switch (options[k].id) {
        case OPT_OUTPUT: o->output = strcmp(value, "-") == 0 ? NULL : value; break;
        case OPT_DATE: o->date = value; break;
        case OPT_ID: o->stdin_id = value; o->id_given = true; break;
        case OPT_JSONL: o->jsonl = true; break;
        case OPT_RULES: o->rules = value; break;
        case OPT_STAGES: o->stages = value; break;
        case OPT_EMIT:
            if (strcmp(value, "graph") != 0 && strcmp(value, "layers") != 0)
                return usage_error("--emit takes graph or layers, not '%s'", value);
            o->layers = strcmp(value, "layers") == 0;
            break;
        case OPT_FROM_LAYERS: o->from_layers = true; break;
        case OPT_QUIET: o->quiet = true; break;
        case OPT_STATS: o->stats = true; break;
        case OPT_INVALID_UTF8:
            if (strcmp(value, "error") != 0 && strcmp(value, "replace") != 0)
                return usage_error("--invalid-utf8 takes error or replace, not '%s'", value);
            o->replace_utf8 = strcmp(value, "replace") == 0;
            break;
        case OPT_JOBS:
            if (parse_number(value, 1, 256, &o->jobs) != 0)
                return usage_error("-j takes a number of threads from 1 to 256, not '%s'", value);
            break;
        case OPT_MAX_DOC_BYTES: {
            long n;
            if (parse_number(value, 1, (long)QG_MAX_DOC_BYTES, &n) != 0)
                return usage_error("--max-doc-bytes takes a number of bytes from 1 to %u, not '%s'",
                                   QG_MAX_DOC_BYTES, value);
            o->max_doc_bytes = (size_t)n;
            break;
        }
        case OPT_MAX_SENTENCE_TOKENS:
            if (parse_number(value, 1, SENTENCE_TOKENS_CAP, &o->max_sentence_tokens) != 0)
                return usage_error("--max-sentence-tokens takes a number from 1 to %ld, not '%s'",
                                   SENTENCE_TOKENS_CAP, value);
            break;
        case OPT_MAX_QUOTE_DEPTH:
            if (parse_number(value, 1, QG_MAX_QUOTE_DEPTH_CAP, &o->max_quote_depth) != 0)
                return usage_error("--max-quote-depth takes a number from 1 to %u, not '%s'",
                                   QG_MAX_QUOTE_DEPTH_CAP, value);
            break;
        case OPT_HELP: qg_run_usage(stdout); return QG_EXIT_OK;
        case OPT_VERSION:
            puts("quotegraph " QG_VERSION " (schema " QG_SCHEMA ")");
            return QG_EXIT_OK;
        }
    }
    int y, m, d;
    if (o->date && qg_parse_iso_date(o->date, strlen(o->date), &y, &m, &d) != 0)
        return usage_error("--date: '%s' is not a date (YYYY-MM-DD)", o->date);
    if (o->jsonl && o->from_layers)
        return usage_error("%s", "--jsonl and --from-layers cannot be combined");
    if (o->from_layers && o->date)
        return usage_error("%s", "--date cannot be used with --from-layers (the layers hold the date)");
    bool line_mode = o->jsonl || o->from_layers;
    if (o->ninputs == 0 && !line_mode)
        return usage_error("%s", "no input (give FILE, DIR or - for standard input)");
    if (o->ninputs == 0)
        o->inputs[o->ninputs++] = (char *)"-";
    int dashes = 0;
    for (int i = 0; i < o->ninputs; i++)
        dashes += strcmp(o->inputs[i], "-") == 0;
    if (dashes > 1)
        return usage_error("%s", "standard input (-) given more than once");
    if (o->id_given && (line_mode || dashes == 0))
        return usage_error("%s", "--id names the document read from standard input (-)");
    return -1;
}

/* ---- output ---- */

static void output_failed(run_state *st, int errnum)
{
    if (st->out_failed)
        return;
    st->out_failed = true;
    fprintf(stderr, "quotegraph: %s: write error: %s\n", st->out_name, strerror(errnum));
}

/* Checks what the last write left: a writer that failed, or an error that
 * buffering only showed now. */
static void check_output(run_state *st, int write_rc)
{
    int errnum = errno;
    if (write_rc != 0 || ferror(st->out))
        output_failed(st, errnum ? errnum : EIO);
    else if (st->flush_each && fflush(st->out) != 0)
        output_failed(st, errno);
}

static void on_signal(int sig)
{
    interrupted = sig;
}

static void catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns, and the loop sees the flag */
    for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++) {
        /* A signal ignored from the start stays ignored: nohup, or a
         * background job of a shell without job control. */
        struct sigaction old;
        if (sigaction(sigs[k], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[k], &sa, NULL);
    }
}

/* ---- one document ---- */

/* Reports a document that could not be processed: an error record in the
 * output and, unless -q, a line on stderr. LINENO > 0 names the input line,
 * which is all a reader has to find a record whose id could not be read. */
static void doc_failed(run_state *st, const char *id, const char *source, const char *label,
                       long lineno, qg_error *err)
{
    st->nfailed++;
    if (lineno > 0) {
        char msg[sizeof err->message];
        if (snprintf(msg, sizeof msg, "line %ld: %s", lineno, err->message) >= (int)sizeof msg)
            msg[sizeof msg - 1] = '\0';
        memcpy(err->message, msg, sizeof msg);
    }
    if (!st->o->quiet)
        fprintf(st->err, "quotegraph: %s: %s\n", label, err->message);
    errno = 0;
    check_output(st, qg_write_error(id, source, err, st->out));
}

/* Runs the selected stages over DOC, writes it, and frees it. */
static void finish_doc(run_state *st, qg_doc *doc, const char *label, long lineno)
{
    qg_error err;
    memset(&err, 0, sizeof err);
    if (qg_pipeline_run(st->p, doc, &err) != QG_OK) {
        doc_failed(st, doc->id, doc->source, label, lineno, &err);
    } else {
        st->ndocs++;
        errno = 0;
        int rc = st->o->layers ? qg_write_layers(doc, st->rules, st->out)
                               : qg_write_graph(doc, st->rules, st->out);
        check_output(st, rc);
    }
    qg_doc_free(doc);
}

static void annotate(run_state *st, const char *id, const char *source, const char *text,
                     size_t len, const char *date, const char *label, long lineno)
{
    qg_error err;
    memset(&err, 0, sizeof err);
    qg_doc *doc = qg_doc_new(st->p, id, source, text, len, date, &err);
    if (doc && qg_doc_replaced(doc) && !st->o->quiet)
        fprintf(st->err, "quotegraph: %s: replaced %u ill-formed UTF-8 sequence%s with U+FFFD\n", label,
                qg_doc_replaced(doc), qg_doc_replaced(doc) == 1 ? "" : "s");
    if (doc)
        finish_doc(st, doc, label, lineno);
    else
        doc_failed(st, id, source, label, lineno, &err);
}

/* A whole file (or standard input) that is one document. */
static void run_document(run_state *st, const qg_input *in)
{
    const char *label = in->path ? in->path : "<stdin>";
    char *text = NULL;
    size_t len = 0;
    qg_error err;
    memset(&err, 0, sizeof err);
    int rc;
    if (in->errnum) {
        qg_set_error(&err, QG_ERR_IO, "cannot read directory: %s", strerror(in->errnum));
        rc = -1;
    } else if (in->path) {
        rc = qg_read_path(in->path, st->o->max_doc_bytes, &text, &len, &err);
    } else {
        rc = qg_read_stream(stdin, st->o->max_doc_bytes, &text, &len, &err);
    }
    if (rc == 0)
        annotate(st, in->id, in->path, text, len, st->o->date, label, 0);
    else if (!interrupted)
        doc_failed(st, in->id, in->path, label, 0, &err);
    free(text);
}

/* ---- JSON lines ---- */

static void jsonl_line(run_state *st, const qg_line *line, long lineno, const char *label)
{
    char fallback[32];
    snprintf(fallback, sizeof fallback, "line-%ld", lineno);
    qg_record rec;
    qg_error err;
    memset(&err, 0, sizeof err);
    if (qg_record_parse(line->s, line->len, &rec, &err) != 0) {
        doc_failed(st, rec.id ? rec.id : fallback, NULL, label, lineno, &err);
    } else {
        const char *date = st->o->date ? st->o->date : rec.date;
        annotate(st, rec.id ? rec.id : fallback, NULL, rec.text, rec.len, date, label, lineno);
    }
    qg_record_free(&rec);
}

static const char *json_str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

static void layers_line(run_state *st, const qg_line *line, long lineno, const char *label)
{
    qg_error err;
    memset(&err, 0, sizeof err);
    qg_doc *doc = qg_read_layers(st->p, line->s, line->len, &err);
    if (doc) {
        finish_doc(st, doc, label, 0);
        return;
    }
    /* Only on failure is the line parsed here: to pass through the error
     * record of a document that already failed in the earlier run (so that
     * the resumed output equals a single run's), or to find an id. */
    json_t *root = json_loadb(line->s, line->len, 0, NULL);
    json_t *doc_obj = json_object_get(root, "doc");
    json_t *error = json_object_get(root, "error");
    const char *schema = json_str(root, "schema");
    if (schema && strcmp(schema, QG_SCHEMA) == 0 && json_is_object(error)) {
        st->nfailed++;
        if (!st->o->quiet)
            fprintf(st->err, "quotegraph: %s: line %ld: %s failed in the earlier run: %s\n", label,
                    lineno, json_str(doc_obj, "id") ? json_str(doc_obj, "id") : "?",
                    json_str(error, "message") ? json_str(error, "message") : "?");
        errno = 0;
        int rc = fwrite(line->s, 1, line->len, st->out) == line->len && putc('\n', st->out) != EOF
                     ? 0 : -1;
        check_output(st, rc);
    } else {
        char fallback[32];
        snprintf(fallback, sizeof fallback, "line-%ld", lineno);
        const char *id = json_str(doc_obj, "id");
        if (!id)
            id = json_str(root, "id");
        const char *source = json_str(doc_obj, "source");
        if (err.status == QG_OK)
            qg_set_error(&err, QG_ERR_INPUT, "not a layers record");
        doc_failed(st, id ? id : fallback, source, label, lineno, &err);
    }
    json_decref(root);
}

static bool blank(const qg_line *line)
{
    for (size_t i = 0; i < line->len; i++)
        if (line->s[i] != ' ' && line->s[i] != '\t')
            return false;
    return true;
}

/* A JSON-lines input: one document per non-blank line. */
static void run_lines(run_state *st, const qg_input *in)
{
    const char *label = in->path ? in->path : "<stdin>";
    qg_error err;
    memset(&err, 0, sizeof err);
    FILE *f = in->path ? fopen(in->path, "rb") : stdin;
    if (!f) {
        qg_set_error(&err, QG_ERR_IO, "cannot open: %s", strerror(errno));
        doc_failed(st, in->id, in->path, label, 0, &err);
        return;
    }
    qg_line line = {0};
    long lineno = 0;
    int rc;
    while ((rc = qg_read_line(f, LINE_LIMIT(st->o), &line)) == 1) {
        lineno++;
        if (blank(&line))
            continue;
        if (line.too_long) {
            char fallback[32];
            snprintf(fallback, sizeof fallback, "line-%ld", lineno);
            qg_set_error(&err, QG_ERR_TOO_LARGE, "line is longer than %zu bytes", LINE_LIMIT(st->o));
            doc_failed(st, fallback, NULL, label, lineno, &err);
        } else if (st->o->from_layers) {
            layers_line(st, &line, lineno, label);
        } else {
            jsonl_line(st, &line, lineno, label);
        }
        if (st->out_failed || interrupted)
            break;
    }
    if (rc < 0 && !interrupted) {
        qg_set_error(&err, QG_ERR_IO, "read error after line %ld: %s", lineno, strerror(errno));
        doc_failed(st, in->id, in->path, label, 0, &err);
    }
    qg_line_free(&line);
    if (f != stdin)
        fclose(f);
}

/* ---- many threads ---- */

/* Documents per thread in one batch: enough that waiting for the slowest
 * document of a batch costs little, few enough that a batch's text and
 * output stay small next to a single huge document. */
#define BATCH_PER_THREAD 64

/* One unit of work: a whole file, or one JSON line. Its output and
 * messages are kept in memory until the batch is written in order. */
typedef struct {
    const qg_input *in;  /* a file or stdin document, or NULL for a line */
    char *line;          /* a copy of the JSON line */
    size_t len;
    bool too_long;
    long lineno;
    const char *label;
    char *out, *msg;     /* memstream buffers */
    size_t out_len, msg_len;
    long ndocs, nfailed;
    bool failed_write;
    bool done;           /* annotated; a signal leaves the rest of a batch undone */
} job;

typedef struct {
    run_state st;        /* this thread's pipeline and counters */
    job *jobs;
    size_t njobs;
    size_t *next;        /* shared: the next job to take */
    pthread_mutex_t *lock;
} worker;

static void line_job(run_state *st, const job *j)
{
    if (j->too_long) {
        char fallback[32];
        qg_error err;
        memset(&err, 0, sizeof err);
        snprintf(fallback, sizeof fallback, "line-%ld", j->lineno);
        qg_set_error(&err, QG_ERR_TOO_LARGE, "line is longer than %zu bytes", LINE_LIMIT(st->o));
        doc_failed(st, fallback, NULL, j->label, j->lineno, &err);
        return;
    }
    qg_line line = {.s = j->line, .len = j->len};
    if (st->o->from_layers)
        layers_line(st, &line, j->lineno, j->label);
    else
        jsonl_line(st, &line, j->lineno, j->label);
}

static void run_job(run_state *st, job *j)
{
    FILE *out = open_memstream(&j->out, &j->out_len);
    FILE *msg = open_memstream(&j->msg, &j->msg_len);
    if (!out || !msg) {
        if (out)
            fclose(out);
        if (msg)
            fclose(msg);
        j->failed_write = true;
        j->done = true;
        return;
    }
    st->out = out;
    st->err = msg;
    st->ndocs = st->nfailed = 0;
    st->out_failed = false;
    if (j->in)
        run_document(st, j->in);
    else
        line_job(st, j);
    j->ndocs = st->ndocs;
    j->nfailed = st->nfailed;
    j->failed_write = st->out_failed || fclose(out) != 0;
    if (fclose(msg) != 0)
        j->failed_write = true;
    j->done = true;
}

static void *work(void *arg)
{
    worker *w = arg;
    for (;;) {
        pthread_mutex_lock(w->lock);
        size_t k = (*w->next)++;
        pthread_mutex_unlock(w->lock);
        if (k >= w->njobs || interrupted)
            return NULL;
        run_job(&w->st, &w->jobs[k]);
    }
}

/* Annotates JOBS on the workers' threads, then writes them in order. */
static void run_batch(run_state *st, worker *workers, long nworkers, job *jobs, size_t njobs)
{
    size_t next = 0;
    pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_t threads[256];
    long started = 0;
    for (long t = 0; t < nworkers; t++) {
        workers[t].jobs = jobs;
        workers[t].njobs = njobs;
        workers[t].next = &next;
        workers[t].lock = &lock;
        if (pthread_create(&threads[t], NULL, work, &workers[t]) != 0)
            break;
        started++;
    }
    if (started == 0)
        work(&workers[0]); /* no thread could be made: do the batch here */
    for (long t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    pthread_mutex_destroy(&lock);
    /* In input order, up to the first job a signal left undone: the output
     * stays a prefix of the complete run's. */
    bool stop = false;
    for (size_t k = 0; k < njobs; k++) {
        job *j = &jobs[k];
        stop = stop || !j->done;
        if (stop) {
            free(j->out);
            free(j->msg);
            free(j->line);
            memset(j, 0, sizeof *j);
            continue;
        }
        if (j->msg_len)
            fwrite(j->msg, 1, j->msg_len, stderr);
        st->ndocs += j->ndocs;
        st->nfailed += j->nfailed;
        if (!st->out_failed) {
            errno = 0;
            int rc = (j->failed_write || fwrite(j->out, 1, j->out_len, st->out) != j->out_len) ? -1 : 0;
            check_output(st, rc);
        }
        free(j->out);
        free(j->msg);
        free(j->line);
        memset(j, 0, sizeof *j);
    }
    /* A batch's lines reach the reader together, not at a buffer boundary
     * of a later batch. */
    if (!st->out_failed && fflush(st->out) != 0)
        output_failed(st, errno);
}

/* Runs every input through NWORKERS threads, a batch at a time. */
static void run_parallel(run_state *st, const qg_input_list *inputs, bool line_mode, worker *workers,
                         long nworkers)
{
    size_t cap = (size_t)nworkers * BATCH_PER_THREAD, n = 0;
    job *jobs = calloc(cap, sizeof *jobs);
    if (!jobs) {
        fputs("quotegraph: out of memory\n", stderr);
        st->out_failed = true;
        return;
    }
    for (size_t i = 0; i < inputs->n && !st->out_failed && !interrupted; i++) {
        const qg_input *in = &inputs->items[i];
        if (!line_mode) {
            jobs[n++] = (job){.in = in};
        } else {
            /* Lines are read here, annotated on the threads. */
            const char *label = in->path ? in->path : "<stdin>";
            FILE *f = in->path ? fopen(in->path, "rb") : stdin;
            if (!f) {
                run_batch(st, workers, nworkers, jobs, n);
                n = 0;
                run_lines(st, in); /* reports the file that cannot be opened */
                continue;
            }
            qg_line line = {0};
            long lineno = 0;
            int rc;
            while ((rc = qg_read_line(f, LINE_LIMIT(st->o), &line)) == 1 && !interrupted) {
                lineno++;
                if (blank(&line))
                    continue;
                job *j = &jobs[n++];
                *j = (job){.lineno = lineno, .label = label, .too_long = line.too_long};
                if (!line.too_long) {
                    j->line = malloc(line.len + 1);
                    if (!j->line) {
                        j->too_long = true; /* reported as too large for memory */
                    } else {
                        memcpy(j->line, line.s, line.len);
                        j->line[line.len] = '\0';
                        j->len = line.len;
                    }
                }
                if (n == cap) {
                    run_batch(st, workers, nworkers, jobs, n);
                    n = 0;
                    if (st->out_failed)
                        break;
                }
            }
            if (rc < 0 && !interrupted) {
                run_batch(st, workers, nworkers, jobs, n);
                n = 0;
                qg_error err;
                memset(&err, 0, sizeof err);
                qg_set_error(&err, QG_ERR_IO, "read error after line %ld: %s", lineno, strerror(errno));
                st->err = stderr;
                doc_failed(st, in->id, in->path, label, 0, &err);
            }
            qg_line_free(&line);
            if (f != stdin)
                fclose(f);
            continue;
        }
        if (n == cap) {
            run_batch(st, workers, nworkers, jobs, n);
            n = 0;
        }
    }
    if (n)
        run_batch(st, workers, nworkers, jobs, n);
    free(jobs);
}

/* --stats: where the time went, per stage, and the peak memory. */
static void print_stats(qg_pipeline *const *pipes, long n)
{
    double total = 0.0, per[QG_STAGE_COUNT] = {0};
    for (int s = 0; s < QG_STAGE_COUNT; s++) {
        for (long t = 0; t < n; t++)
            per[s] += qg_pipeline_stage_seconds(pipes[t], s);
        total += per[s];
    }
    fprintf(stderr, "quotegraph: stage times (summed over threads):\n");
    for (int s = 0; s < QG_STAGE_COUNT; s++)
        fprintf(stderr, "quotegraph:   %-12s %8.3f s  %5.1f%%\n", qg_stages[s].name, per[s],
                total > 0 ? 100.0 * per[s] / total : 0.0);
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0)
        fprintf(stderr, "quotegraph: peak memory %ld KB\n", ru.ru_maxrss);
}

/* ---- the run ---- */

int qg_cmd_run(int argc, char **argv)
{
    run_opts o;
    run_state st = {.o = &o, .out = stdout, .err = stderr, .out_name = "<stdout>"};
    worker *workers = NULL;
    long nworkers = 0;
    qg_input_list inputs = {0};
    char *tmp = NULL;
    int status = parse_args(argc, argv, &o);
    if (status >= 0)
        goto done;
    status = QG_EXIT_USAGE;

    qg_error err;
    memset(&err, 0, sizeof err);
    qg_options popts = {0};
    if (o.stages && qg_stage_mask(o.stages, &popts.stages, &err) != 0) {
        usage_error("--stages: %s", err.message);
        goto done;
    }
    bool line_mode = o.jsonl || o.from_layers;
    for (int i = 0; i < o.ninputs; i++) {
        size_t before = inputs.n;
        if (qg_inputs_add(&inputs, o.inputs[i], !line_mode, o.stdin_id) != 0) {
            fputs("quotegraph: out of memory\n", stderr);
            goto done;
        }
        if (inputs.n == before && !o.quiet)
            fprintf(stderr, "quotegraph: %s: no .txt files in this directory\n", o.inputs[i]);
    }

    st.rules = qg_load_rules(qg_rules_dir(o.rules));
    if (!st.rules)
        goto done;
    catch_signals();
    popts.timing = o.stats;
    popts.replace_utf8 = o.replace_utf8;
    popts.max_doc_bytes = o.max_doc_bytes;
    popts.max_sentence_tokens = (uint32_t)o.max_sentence_tokens;
    popts.max_quote_depth = (uint32_t)o.max_quote_depth;
    st.p = qg_pipeline_new(st.rules, &popts);
    if (!st.p) {
        fputs("quotegraph: out of memory\n", stderr);
        goto done;
    }

    if (o.output) {
        /* Written under a temporary name and renamed at the end, so that make
         * (or a reader) never takes a half-written file for a result. */
        size_t n = strlen(o.output);
        tmp = malloc(n + 5);
        if (!tmp) {
            fputs("quotegraph: out of memory\n", stderr);
            goto done;
        }
        memcpy(tmp, o.output, n);
        memcpy(tmp + n, ".tmp", 5);
        st.out_name = o.output;
        st.out = fopen(tmp, "w");
        if (!st.out) {
            fprintf(stderr, "quotegraph: %s: cannot create: %s\n", tmp, strerror(errno));
            status = QG_EXIT_OUTPUT;
            goto done;
        }
    } else {
        /* A consumer of a stream (one JSON line in, one out) waits for each
         * answer, so the buffer must not hold it back. */
        st.flush_each = line_mode && !isatty(STDOUT_FILENO);
        for (size_t i = 0; i < inputs.n; i++)
            st.flush_each = st.flush_each && inputs.items[i].path == NULL;
    }

    /* Threads pay off with more than one document and no reader waiting
     * for each line. */
    long nthreads = o.jobs ? o.jobs : sysconf(_SC_NPROCESSORS_ONLN);
    if (nthreads < 1)
        nthreads = 1;
    if (nthreads > 256)
        nthreads = 256;
    if (st.flush_each || (!line_mode && inputs.n < 2))
        nthreads = 1;
    if (nthreads > 1) {
        workers = calloc((size_t)nthreads, sizeof *workers);
        if (!workers) {
            fputs("quotegraph: out of memory\n", stderr);
            goto done;
        }
        for (long t = 0; t < nthreads; t++) {
            workers[t].st = st;
            workers[t].st.p = t == 0 ? st.p : qg_pipeline_new(st.rules, &popts);
            if (!workers[t].st.p) {
                fputs("quotegraph: out of memory\n", stderr);
                nworkers = t;
                goto done;
            }
            nworkers = t + 1;
        }
        run_parallel(&st, &inputs, line_mode, workers, nworkers);
    } else {
        for (size_t i = 0; i < inputs.n && !st.out_failed && !interrupted; i++) {
            if (line_mode)
                run_lines(&st, &inputs.items[i]);
            else
                run_document(&st, &inputs.items[i]);
        }
    }
    if (o.stats) {
        qg_pipeline *pipes[256];
        long np = nworkers ? nworkers : 1;
        for (long t = 0; t < np; t++)
            pipes[t] = nworkers ? workers[t].st.p : st.p;
        print_stats(pipes, np);
    }

    if (st.out == stdout) {
        if (!st.out_failed && (fflush(stdout) != 0 || ferror(stdout)))
            output_failed(&st, errno);
    } else {
        int errnum = ferror(st.out) ? EIO : 0;
        if (fflush(st.out) != 0 || (fclose(st.out) != 0 && !errnum))
            errnum = errno;
        st.out = NULL;
        if (errnum)
            output_failed(&st, errnum);
        if (st.out_failed || interrupted) {
            unlink(tmp);
        } else if (rename(tmp, o.output) != 0) {
            fprintf(stderr, "quotegraph: %s: cannot rename %s: %s\n", o.output, tmp,
                    strerror(errno));
            st.out_failed = true;
            unlink(tmp);
        }
    }
    if (st.nfailed && !o.quiet && !st.out_failed)
        fprintf(stderr, "quotegraph: %ld of %ld documents failed\n", st.nfailed,
                st.nfailed + st.ndocs);
    status = st.out_failed ? QG_EXIT_OUTPUT : st.nfailed ? QG_EXIT_FAILED : QG_EXIT_OK;

done:
    if (st.out && st.out != stdout) {
        fclose(st.out);
        unlink(tmp);
    }
    free(tmp);
    for (long t = 1; t < nworkers; t++) /* worker 0 shares st.p */
        qg_pipeline_free(workers[t].st.p);
    free(workers);
    qg_pipeline_free(st.p);
    qg_rules_free(st.rules);
    qg_inputs_free(&inputs);
    free(o.inputs);
    if (interrupted) {
        /* Die of the signal, as the shell and make expect of an interrupted tool. */
        int sig = interrupted;
        signal(sig, SIG_DFL);
        raise(sig);
    }
    return status;
}
