/* cli.h - the commands of the quotegraph binary.
 *
 * Each command is one function with the shape of main: ARGV[0] is the
 * command's name, it parses its own options, prints its own messages (each
 * starting with "quotegraph: ") and returns the process exit status. main.c
 * only picks the command; adding one is a function here plus one line in the
 * table in main.c. */
#ifndef QG_CLI_H
#define QG_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "quotegraph.h"

/* Exit statuses shared by the commands (docs/quotegraph.1, EXIT STATUS). */
enum {
    QG_EXIT_OK = 0,      /* every document succeeded */
    QG_EXIT_FAILED = 1,  /* some documents failed; their error records are in the output */
    QG_EXIT_USAGE = 2,   /* bad options or rules: nothing was processed */
    QG_EXIT_OUTPUT = 3   /* the output could not be written */
};

/* `quotegraph [run] [OPTIONS] FILE|DIR|- ...`: annotate documents (cmd_run.c). */
int qg_cmd_run(int argc, char **argv);

/* The help of the run command (also the top of `quotegraph --help`). */
void qg_run_usage(FILE *out);

/* `quotegraph eval --gold GOLD PRED...`: score predictions (cmd_eval.c). */
int qg_cmd_eval(int argc, char **argv);

/* `quotegraph diff OLD NEW`: what changed between two runs (cmd_diff.c). */
int qg_cmd_diff(int argc, char **argv);

/* `quotegraph rules list|check`: the rule ids and the loaded rules (cmd_rules.c). */
int qg_cmd_rules(int argc, char **argv);

/* Prints "quotegraph: MESSAGE" and a pointer to COMMAND's help on stderr;
 * returns QG_EXIT_USAGE. */
int qg_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Whether ARGV[*I] is the option LONGNAME ("--output"; SHORTNAME "-o" may be
 * NULL) in one of its forms: "--output VALUE", "--output=VALUE", "-o VALUE".
 * On a match *VALUE is the value, NULL when it is missing, and *I has moved
 * past it. */
bool qg_option(int argc, char **argv, int *i, const char *shortname, const char *longname, const char **value);

/* The rules directory: OPTION (--rules) if not NULL, else $QUOTEGRAPH_RULES,
 * else the one built in. */
const char *qg_rules_dir(const char *option);

/* Loads the rules from DIR; on failure prints the error as FILE:LINE:COLUMN:
 * message and returns NULL. */
qg_rules *qg_load_rules(const char *dir);
/* `quotegraph export --format brat -o DIR GRAPHS [TEXT...]`: graphs to a
 * brat folder (cmd_export.c). */
int qg_cmd_export(int argc, char **argv);

/* `quotegraph import --format brat [-o GOLD] DIR...`: corrected brat
 * annotations to gold records (cmd_import.c). */
int qg_cmd_import(int argc, char **argv);

/* Writes DATA[0..len) to PATH through PATH.tmp and a rename, so that a
 * failed write leaves no half file. Returns 0, or -1 with errno set
 * (common.c). */
int qg_write_file(const char *path, const char *data, size_t len);
/* `quotegraph audit [--gold GOLD] -o DIR GRAPHS [TEXT...]`: a static HTML
 * report of the graphs (cmd_audit.c). */
int qg_cmd_audit(int argc, char **argv);
/* `quotegraph merge [OPTIONS] FILE.jsonl...`: one corpus graph from
 * per-document graphs (cmd_merge.c, docs/merge.md). */
int qg_cmd_merge(int argc, char **argv);
/* `quotegraph explain [OPTIONS] FILE|- STATEMENT_ID`: the decisions behind
 * one statement (cmd_explain.c, docs/auditing.md). */
int qg_cmd_explain(int argc, char **argv);

#endif
