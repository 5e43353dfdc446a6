/* fuzz_pipeline.c - libFuzzer harness for the whole pipeline: any bytes as
 * a document, under either UTF-8 policy (the first byte's low bit picks),
 * through every stage and both writers, and the layers line read back. A
 * crash, a sanitizer report, or a layers line that does not read back is a
 * finding. Built and run by `make fuzz` (tests/fuzz/run.sh). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "quotegraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static qg_rules *rules;
static qg_pipeline *strict, *lenient;
static FILE *sink;

static void setup(void)
{
    qg_error err = {0};
    rules = qg_rules_load(QG_DEFAULT_RULES_DIR, &err);
    if (!rules) {
        fprintf(stderr, "fuzz: %s:%d: %s\n", err.file, err.line, err.message);
        abort();
    }
    qg_options opts = {0};
    strict = qg_pipeline_new(rules, &opts);
    opts.replace_utf8 = 1;
    lenient = qg_pipeline_new(rules, &opts);
    sink = fopen("/dev/null", "w");
    if (!strict || !lenient || !sink)
        abort();
}

/* Writes DOC's layers and reads them back, as --from-layers would. */
static void layers_round_trip(qg_pipeline *p, const qg_doc *doc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        abort();
    int rc = qg_write_layers(doc, rules, mem);
    fclose(mem);
    if (rc != 0)
        abort();
    while (len > 0 && buf[len - 1] == '\n')
        len--;
    qg_error err = {0};
    qg_doc *back = qg_read_layers(p, buf, len, &err);
    if (!back) {
        fprintf(stderr, "fuzz: a layers line did not read back: %s\n", err.message);
        abort();
    }
    qg_doc_free(back);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!rules)
        setup();
    qg_pipeline *p = size > 0 && (data[0] & 1) ? lenient : strict;
    qg_error err = {0};
    qg_doc *doc = qg_doc_new(p, "fuzz", NULL, (const char *)data, size, NULL, &err);
    if (!doc) {
        qg_write_error("fuzz", NULL, &err, sink);
        return 0;
    }
    if (qg_pipeline_run(p, doc, &err) == QG_OK) {
        qg_write_graph(doc, rules, sink);
        layers_round_trip(p, doc);
    }
    qg_doc_free(doc);
    return 0;
}
