/* fuzz_rules.c - libFuzzer harness for the rules loader: the input is one
 * rules file, "NAME\n" then its content (NAME one of the files of rules/;
 * an unknown name picks a file by its first byte), written over that file
 * in a private copy of the rules directory, which is then loaded. Rules that
 * load are used on a short document through every stage, since a hostile
 * pattern or lexicon must not crash the stages either. A crash, a sanitizer
 * report or a hang (-timeout) is a finding; a load error is not. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "quotegraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_FILES = 32 };

static char dir[] = "/tmp/qg-fuzz-rules-XXXXXX";
static char *names[MAX_FILES];
static char *originals[MAX_FILES];
static size_t original_len[MAX_FILES];
static int nfiles;
static FILE *sink;

static const char document[] =
    "date 2019-06-02\n"
    "WASHINGTON (AP) \xe2\x80\x94 \xe2\x80\x9cWe will not back down,\xe2\x80\x9d Sen. Jane Smith said on "
    "Sunday. The ministry, according to a spokesman, said that talks would resume next week. "
    "\"It's over,\" he told reporters.\n";

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        abort();
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
        abort();
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void put(int k, const char *text, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, names[k]);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
        abort();
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void cleanup(void)
{
    char path[512];
    for (int k = 0; k < nfiles; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        unlink(path);
    }
    rmdir(dir);
}

static void setup(void)
{
    if (!mkdtemp(dir))
        abort();
    DIR *d = opendir(QG_DEFAULT_RULES_DIR);
    if (!d)
        abort();
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nfiles < MAX_FILES) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0)
            names[nfiles++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)nfiles, sizeof *names, by_name);
    for (int k = 0; k < nfiles; k++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", QG_DEFAULT_RULES_DIR, names[k]);
        originals[k] = slurp(path, &original_len[k]);
        put(k, originals[k], original_len[k]);
    }
    sink = fopen("/dev/null", "w");
    if (nfiles == 0 || !sink)
        abort();
    atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!sink)
        setup();
    const char *text = (const char *)data;
    const char *nl = memchr(text, '\n', size);
    size_t namelen = nl ? (size_t)(nl - text) : size;
    int k = -1;
    for (int i = 0; i < nfiles && k < 0; i++)
        if (strlen(names[i]) == namelen && memcmp(names[i], text, namelen) == 0)
            k = i;
    if (k < 0)
        k = size ? data[0] % nfiles : 0;
    size_t skip = nl ? namelen + 1 : size;
    put(k, text + skip, size - skip);

    qg_error err = {0};
    qg_rules *rules = qg_rules_load(dir, &err);
    if (rules) {
        qg_options opts = {0};
        qg_pipeline *p = qg_pipeline_new(rules, &opts);
        if (!p)
            abort();
        qg_doc *doc = qg_doc_new(p, "fuzz", NULL, document, sizeof document - 1, NULL, &err);
        if (doc && qg_pipeline_run(p, doc, &err) == QG_OK)
            qg_write_graph(doc, rules, sink);
        qg_doc_free(doc);
        qg_pipeline_free(p);
        qg_rules_free(rules);
    } else if (err.status != QG_ERR_RULES || !err.message[0]) {
        abort(); /* every load failure is a rules error with a message */
    }
    put(k, originals[k], original_len[k]);
    return 0;
}
