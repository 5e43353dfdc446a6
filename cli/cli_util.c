/* cli_util.c - small helpers the export and import commands share. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int qg_cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("quotegraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'quotegraph %s --help'.\n", command);
    return QG_EXIT_USAGE;
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
