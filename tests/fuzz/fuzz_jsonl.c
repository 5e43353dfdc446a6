/* fuzz_jsonl.c - libFuzzer harness for the line-oriented inputs: the bytes
 * are a file read with qg_read_line (cli/input.c) under a small line limit;
 * each line goes to qg_record_parse (--jsonl) and, when it parses, through
 * the pipeline, and to qg_read_layers (--from-layers). A crash, a sanitizer
 * report, or a record that parses without text is a finding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "input.h"
#include "quotegraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Small, so that lines over the limit are common inputs too. */
#define FUZZ_LINE_LIMIT 4096

static qg_rules *rules;
static qg_pipeline *pipeline;
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
    pipeline = qg_pipeline_new(rules, &opts);
    sink = fopen("/dev/null", "w");
    if (!pipeline || !sink)
        abort();
}

static void one_line(const qg_line *line)
{
    qg_record rec;
    qg_error err = {0};
    if (qg_record_parse(line->s, line->len, &rec, &err) == 0) {
        if (!rec.text)
            abort();
        qg_doc *doc = qg_doc_new(pipeline, rec.id ? rec.id : "line", NULL, rec.text, rec.len, rec.date, &err);
        if (doc && qg_pipeline_run(pipeline, doc, &err) == QG_OK)
            qg_write_graph(doc, rules, sink);
        else
            qg_write_error(rec.id ? rec.id : "line", NULL, &err, sink);
        qg_doc_free(doc);
    } else {
        if (err.status != QG_ERR_INPUT && err.status != QG_ERR_BINARY && err.status != QG_ERR_UTF8)
            abort();
        qg_write_error(rec.id ? rec.id : "line", NULL, &err, sink);
    }
    qg_record_free(&rec);
    qg_doc *doc = qg_read_layers(pipeline, line->s, line->len, &err);
    if (doc && qg_pipeline_run(pipeline, doc, &err) == QG_OK)
        qg_write_graph(doc, rules, sink);
    qg_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!rules)
        setup();
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return 0; /* fmemopen refuses size 0 on some libcs */
    qg_line line = {0};
    while (qg_read_line(f, FUZZ_LINE_LIMIT, &line) == 1) {
        if (line.too_long) {
            if (line.len > FUZZ_LINE_LIMIT)
                abort();
            continue;
        }
        one_line(&line);
    }
    qg_line_free(&line);
    fclose(f);
    return 0;
}
