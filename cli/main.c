/* main.c - the quotegraph binary: picks a command and checks that what it
 * wrote reached standard output. Everything else lives in the commands
 * (cli.h), so that the unit tests can link them without this main. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static int cmd_help(int argc, char **argv);

/* One line a command. An operand that is not a command name runs `run`, so
 * a file called like a command needs a path: ./eval. */
static const command commands[] = {
    {"run", qg_cmd_run, "annotate documents (the default command)"},
    {"eval", qg_cmd_eval, "score predictions against gold attributions"},
    {"diff", qg_cmd_diff, "what changed between two runs: statements lost, gained, changed"},
    {"explain", qg_cmd_explain, "why a statement has its speaker: the decisions behind it"},
    {"rules", qg_cmd_rules, "list the rule ids and the loaded rules, or check a rules directory"},
    {"export", qg_cmd_export, "write graphs as a brat folder for correction"},
    {"import", qg_cmd_import, "read a corrected brat folder back as gold"},
    {"audit", qg_cmd_audit, "write an HTML report to check annotations by eye"},
    {"merge", qg_cmd_merge, "merge per-document graphs into one corpus graph"},
    {"help", cmd_help, "print this help, or a command's help: quotegraph help COMMAND"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int cmd_help(int argc, char **argv)
{
    if (argc > 2) {
        fputs("quotegraph: help takes at most one command name\n", stderr);
        return QG_EXIT_USAGE;
    }
    if (argc == 2) {
        const command *c = find_command(argv[1]);
        if (!c || c->run == cmd_help) {
            if (c)
                return cmd_help(1, argv);
            fprintf(stderr, "quotegraph: no command '%s'; 'quotegraph help' lists them\n",
                    argv[1]);
            return QG_EXIT_USAGE;
        }
        char *args[] = {(char *)c->name, (char *)"--help", NULL};
        return c->run(2, args);
    }
    qg_run_usage(stdout);
    fputs("\nCommands:\n", stdout);
    for (size_t i = 0; i < NCOMMANDS; i++)
        printf("  %-8s %s\n", commands[i].name, commands[i].summary);
    fputs("\nThe manual: man quotegraph (docs/quotegraph.1).\n", stdout);
    return QG_EXIT_OK;
}

/* Output still in the buffer is written only now; a full disk or a closed
 * pipe must not turn into a silent success. */
static int close_stdout(int status)
{
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int errnum = errno;
    if (fclose(stdout) != 0 && !failed && errno != EBADF) {
        failed = 1;
        errnum = errno;
    }
    if (failed && status != QG_EXIT_OUTPUT) {
        fprintf(stderr, "quotegraph: <stdout>: write error: %s\n", strerror(errnum));
        status = QG_EXIT_OUTPUT;
    }
    return status;
}

int main(int argc, char **argv)
{
    int status;
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        status = cmd_help(1, argv);
    } else {
        const command *c = argc >= 2 ? find_command(argv[1]) : NULL;
        status = c ? c->run(argc - 1, argv + 1) : qg_cmd_run(argc, argv);
    }
    return close_stdout(status);
}
