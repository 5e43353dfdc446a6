/* pipeline.c - runs the stage table over a document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "pipeline_internal.h"
#include "stage.h"

_Static_assert(QG_STAGE_COUNT <= 16, "stage_seconds in pipeline_internal.h holds 16 stages");

/* Limits on every pattern match, so that a pathological rule cannot hang a
 * batch; a match that hits them simply fails. */
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 10000u

qg_pipeline *qg_pipeline_new(const qg_rules *rules, const qg_options *opts)
{
    qg_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->rules = rules;
    if (opts)
        p->opts = *opts;
    if (!p->opts.stages)
        p->opts.stages = QG_STAGES_ALL;
    if (!p->opts.max_doc_bytes || p->opts.max_doc_bytes > QG_MAX_DOC_BYTES)
        p->opts.max_doc_bytes = QG_MAX_DOC_BYTES;
    if (!p->opts.max_sentence_tokens)
        p->opts.max_sentence_tokens = QG_MAX_SENTENCE_TOKENS;
    if (!p->opts.max_quote_depth)
        p->opts.max_quote_depth = QG_MAX_QUOTE_DEPTH;
    if (p->opts.max_quote_depth > QG_MAX_QUOTE_DEPTH_CAP)
        p->opts.max_quote_depth = QG_MAX_QUOTE_DEPTH_CAP;
    p->match = pcre2_match_data_create(32, NULL);
    p->limits = pcre2_match_context_create(NULL);
    if (!p->match || !p->limits) {
        qg_pipeline_free(p);
        return NULL;
    }
    pcre2_set_match_limit(p->limits, MATCH_LIMIT);
    pcre2_set_depth_limit(p->limits, DEPTH_LIMIT);
    return p;
}

void qg_pipeline_free(qg_pipeline *p)
{
    if (!p)
        return;
    pcre2_match_data_free(p->match);
    pcre2_match_context_free(p->limits);
    qg_arena_free(p->spare);
    free(p);
}

qg_arena *qg_pipeline_take_arena(qg_pipeline *p)
{
    qg_arena *a = p->spare;
    p->spare = NULL;
    return a ? a : qg_arena_new();
}

void qg_pipeline_give_arena(qg_pipeline *p, qg_arena *a)
{
    if (!p || p->spare) {
        qg_arena_free(a);
        return;
    }
    qg_arena_reset(a);
    p->spare = a;
}

qg_status qg_pipeline_run(qg_pipeline *p, qg_doc *doc, qg_error *err)
{
    qg_stage_ctx ctx = {p->rules, p->match, p->limits, p->opts.max_sentence_tokens,
                        p->opts.max_quote_depth};
    for (int s = 0; s < QG_STAGE_COUNT; s++) {
        uint32_t bit = QG_STAGE_BIT(s);
        if (!(p->opts.stages & bit) || (doc->stages_done & bit))
            continue;
        if ((doc->stages_done & qg_stages[s].needs) != qg_stages[s].needs) {
            err->status = QG_ERR_USAGE;
            err->offset = -1;
            snprintf(err->message, sizeof err->message, "stage %s needs stages that have not run",
                     qg_stages[s].name);
            return QG_ERR_USAGE;
        }
        struct timespec t0, t1;
        if (p->opts.timing)
            clock_gettime(CLOCK_MONOTONIC, &t0);
        qg_status st = qg_stages[s].run(doc, &ctx, err);
        if (p->opts.timing) {
            clock_gettime(CLOCK_MONOTONIC, &t1);
            p->stage_seconds[s] += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        }
        if (st != QG_OK)
            return st;
        doc->stages_done |= bit;
    }
    return QG_OK;
}

const char *qg_status_code(qg_status status)
{
    switch (status) {
    case QG_OK: return "ok";
    case QG_ERR_IO: return "unreadable";
    case QG_ERR_RULES: return "bad-rules";
    case QG_ERR_UTF8: return "invalid-utf8";
    case QG_ERR_BINARY: return "binary";
    case QG_ERR_TOO_LARGE: return "too-large";
    case QG_ERR_INPUT: return "bad-input";
    case QG_ERR_USAGE: return "usage";
    }
    return "error";
}

double qg_pipeline_stage_seconds(const qg_pipeline *p, int stage)
{
    if (!p || stage < 0 || stage >= QG_STAGE_COUNT)
        return 0.0;
    return p->stage_seconds[stage];
}
