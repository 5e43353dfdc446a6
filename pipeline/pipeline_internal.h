/* pipeline_internal.h - the pipeline object, shared by the files of pipeline/. */
#ifndef QG_PIPELINE_INTERNAL_H
#define QG_PIPELINE_INTERNAL_H

#include "arena.h"
#include "quotegraph.h"
#include "rules.h"

struct qg_pipeline {
    const qg_rules *rules;
    qg_options opts;
    pcre2_match_data *match;
    pcre2_match_context *limits;
    qg_arena *spare; /* the last document's arena, reset, kept for the next one */
    double stage_seconds[16]; /* per stage, when opts.timing */
};

/* Returns an empty arena (the spare one when there is one), or NULL. */
qg_arena *qg_pipeline_take_arena(qg_pipeline *p);

/* Takes back A for reuse (resetting it), or frees it if one is already kept. */
void qg_pipeline_give_arena(qg_pipeline *p, qg_arena *a);

#endif
