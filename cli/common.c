/* common.c - what several commands share: the usage error message,
 * loading the rules with their errors reported, and writing a whole file. */
#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef QG_DEFAULT_RULES_DIR
#define QG_DEFAULT_RULES_DIR "rules" /* the Makefile always sets it; this keeps other builds working */
#endif

int qg_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("quotegraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'quotegraph %s --help'.\n", command);
    return QG_EXIT_USAGE;
}

bool qg_option(int argc, char **argv, int *i, const char *shortname, const char *longname, const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(longname);
    if (strncmp(a, longname, n) == 0 && a[n] == '=') {
        *value = a + n + 1;
        return true;
    }
    if (strcmp(a, longname) != 0 && !(shortname && strcmp(a, shortname) == 0))
        return false;
    *value = *i + 1 < argc ? argv[++*i] : NULL;
    return true;
}

const char *qg_rules_dir(const char *option)
{
    const char *dir = option;
    if (!dir)
        dir = getenv("QUOTEGRAPH_RULES");
    if (!dir || !*dir)
        dir = QG_DEFAULT_RULES_DIR;
    return dir;
}

qg_rules *qg_load_rules(const char *dir)
{
    qg_error err = {0};
    qg_rules *r = qg_rules_load(dir, &err);
    if (r)
        return r;
    if (err.line > 0 && err.column > 0)
        fprintf(stderr, "quotegraph: %s:%d:%d: %s\n", err.file, err.line, err.column, err.message);
    else if (err.line > 0)
        fprintf(stderr, "quotegraph: %s:%d: %s\n", err.file, err.line, err.message);
    else
        fprintf(stderr, "quotegraph: %s: %s\n", err.file[0] ? err.file : "rules", err.message);
    return NULL;
}

int qg_write_file(const char *path, const char *data, size_t len)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 5);
    if (!tmp) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp", 5);
    FILE *f = fopen(tmp, "w");
    int failed = !f;
    int errnum = errno;
    if (f) {
        if (fwrite(data, 1, len, f) != len || ferror(f)) {
            failed = 1;
            errnum = errno ? errno : EIO;
        }
        if (fclose(f) != 0 && !failed) {
            failed = 1;
            errnum = errno;
        }
        if (!failed && rename(tmp, path) != 0) {
            failed = 1;
            errnum = errno;
        }
        if (failed)
            unlink(tmp);
    }
    free(tmp);
    errno = errnum;
    return failed ? -1 : 0;
}
