/* cmd_eval.c - `quotegraph eval`: options and I/O around eval/score.h.
 * Exit status: 0 scored, 1 a file could not be read or is invalid, 2 usage. */
#include "../eval/score.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1 };

static const char usage_text[] =
    "usage: quotegraph eval --gold GOLD.jsonl [--json] [--errors] [--per-doc] PRED.jsonl...\n"
    "\n"
    "Score quotegraph/1 predictions (JSON lines; - reads standard input) against\n"
    "gold attributions (one JSON object per document, see shared/gold/README.md).\n"
    "Spans are compared after trimming whitespace, quote marks and . , ; : at both\n"
    "ends; a statement matches when it covers more than half of the gold content.\n"
    "\n"
    "  --gold FILE   gold annotations (required)\n"
    "  --json        print one JSON object instead of the table\n"
    "  --errors      list every missed, spurious and wrong-speaker attribution\n"
    "                with its document, span, text and sentence\n"
    "  --per-doc     add one line (JSON: per_doc entry) per document\n"
    "  --help        print this help and exit\n"
    "\n"
    "Exit status: 0 scored, 1 unreadable or invalid input, 2 usage error.\n";

static void report_error(const qg_eval_error *e)
{
    if (e->line > 0)
        fprintf(stderr, "quotegraph: %s:%d: %s\n", e->file, e->line, e->text);
    else
        fprintf(stderr, "quotegraph: %s: %s\n", e->file, e->text);
}

int qg_cmd_eval(int argc, char **argv)
{
    const char *gold = NULL;
    int json = 0, errors = 0, per_doc = 0, npred = 0, stdin_used = 0, options_done = 0;
    qg_eval *ev = NULL;
    qg_eval_error err;
    int rc = EXIT_INPUT;

    /* First pass: options only, so a usage error costs no reading. */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            if (strcmp(a, "-") == 0 && stdin_used++)
                return qg_usage_error("eval", "%s: standard input given twice", a);
            npred++;
        } else if (strcmp(a, "--") == 0) {
            options_done = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 ? EXIT_OK : EXIT_INPUT;
        } else if (strcmp(a, "--gold") == 0 || strncmp(a, "--gold=", 7) == 0) {
            if (gold)
                return qg_usage_error("eval", "%s: --gold given twice", a);
            if (a[6] == '=')
                gold = a + 7;
            else if (i + 1 < argc)
                gold = argv[++i];
            else
                return qg_usage_error("eval", "%s: needs a file", a);
            if (!*gold)
                return qg_usage_error("eval", "%s: needs a file", a);
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--errors") == 0) {
            errors = 1;
        } else if (strcmp(a, "--per-doc") == 0) {
            per_doc = 1;
        } else {
            return qg_usage_error("eval", "eval: unknown option '%s'", a);
        }
    }
    if (!gold)
        return qg_usage_error("eval", "%s: --gold FILE is required", "eval");
    if (npred == 0)
        return qg_usage_error("eval", "%s: no prediction file given (use - for standard input)", "eval");

    ev = qg_eval_new();
    if (!ev) {
        fputs("quotegraph: out of memory\n", stderr);
        goto out;
    }
    if (qg_eval_load_gold_file(ev, gold, &err) < 0) {
        report_error(&err);
        goto out;
    }
    if (qg_eval_doc_count(ev) == 0) {
        fprintf(stderr, "quotegraph: %s: no gold documents\n", gold);
        goto out;
    }

    /* Every prediction file is read so that all bad ones are reported, but
     * a partial score would mislead: any failure means no figures. */
    int failed = 0;
    options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && a[0] == '-' && strcmp(a, "-") != 0) {
            if (strcmp(a, "--") == 0)
                options_done = 1;
            else if (strcmp(a, "--gold") == 0)
                i++;
            continue;
        }
        int r = strcmp(a, "-") == 0 ? qg_eval_load_pred_stream(ev, stdin, "<stdin>", &err)
                                    : qg_eval_load_pred_file(ev, a, &err);
        if (r < 0) {
            report_error(&err);
            failed = 1;
        }
    }
    if (failed)
        goto out;

    if (qg_eval_score(ev) < 0) {
        fputs("quotegraph: out of memory\n", stderr);
        goto out;
    }
    for (size_t i = 0; i < qg_eval_warning_count(ev); i++) {
        const qg_eval_error *w = qg_eval_warning(ev, i);
        fprintf(stderr, "quotegraph: %s:%d: warning: %s\n", w->file, w->line, w->text);
    }
    unsigned flags = (per_doc ? QG_EVAL_REPORT_PER_DOC : 0u) | (errors ? QG_EVAL_REPORT_ERRORS : 0u);
    int wr = json ? qg_eval_report_json(ev, stdout, flags) : qg_eval_report_text(ev, stdout, flags);
    if (wr < 0 || fflush(stdout) != 0) {
        fputs("quotegraph: cannot write the report\n", stderr);
        goto out;
    }
    rc = EXIT_OK;
out:
    qg_eval_free(ev);
    return rc;
}
