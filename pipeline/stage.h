/* stage.h - the stage contract and the ordered stage table.
 *
 * A stage is one function that reads the layers of the stages it needs and
 * adds its own. Stages share nothing but the document: options and rules
 * arrive through qg_stage_ctx, scratch space belongs to the pipeline. Adding
 * a stage is one file in stages/, one line in stage.c, one test file. */
#ifndef QG_STAGE_H
#define QG_STAGE_H

#include "doc.h"
#include "quotegraph.h"
#include "rules.h"

typedef struct {
    const qg_rules *rules;
    pcre2_match_data *match; /* reused by every pattern match of the stage */
    pcre2_match_context *limits;
    uint32_t max_sentence_tokens; /* 0 = QG_MAX_SENTENCE_TOKENS (qg_options) */
    uint32_t max_quote_depth;     /* 0 = QG_MAX_QUOTE_DEPTH, at most QG_MAX_QUOTE_DEPTH_CAP */
} qg_stage_ctx;

typedef qg_status (*qg_stage_fn)(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err);

typedef struct {
    const char *name;
    const char *summary; /* one line for --help and docs */
    qg_stage_fn run;
    uint32_t needs;      /* bit set of stages that must have run first */
} qg_stage;

enum {
    QG_STAGE_TOKENIZE,
    QG_STAGE_SENTENCES,
    QG_STAGE_DATES,
    QG_STAGE_QUOTES,
    QG_STAGE_MENTIONS,
    QG_STAGE_COREF,
    QG_STAGE_ATTRIBUTION,
    QG_STAGE_COUNT
};

#define QG_STAGE_BIT(s) (1u << (s))
#define QG_STAGES_ALL ((1u << QG_STAGE_COUNT) - 1u)

extern const qg_stage qg_stages[QG_STAGE_COUNT];

/* Index of the stage called NAME, or -1. */
int qg_stage_find(const char *name);

/* Parses a comma-separated list of stage names into a bit set that also holds
 * every stage they need. Returns 0, or -1 with ERR filled for an unknown name. */
int qg_stage_mask(const char *list, uint32_t *mask, qg_error *err);

qg_status qg_stage_tokenize(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err);
qg_status qg_stage_sentences(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err);
qg_status qg_stage_dates(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err);
qg_status qg_stage_mentions(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err);
qg_status qg_stage_coref(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err);
qg_status qg_stage_quotes(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err);
qg_status qg_stage_attribution(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err);

#endif
