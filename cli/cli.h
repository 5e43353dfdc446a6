/* cli.h - the commands of the quotegraph binary.
 *
 * Each command is one function with the shape of main: ARGV[0] is the
 * command's name, it parses its own options, prints its own messages (each
 * starting with "quotegraph: ") and returns the process exit status. main.c
 * only picks the command; adding one is a function here plus one line in the
 * table in main.c. */
#ifndef QG_CLI_H
#define QG_CLI_H

#include <stdio.h>

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

/* `quotegraph merge [OPTIONS] FILE.jsonl...`: one corpus graph from
 * per-document graphs (cmd_merge.c, docs/merge.md). */
int qg_cmd_merge(int argc, char **argv);

#endif
