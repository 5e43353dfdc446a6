/* trace.h - the opt-in decision trace: why each statement, quote and
 * coreference link came out as it did, for `quotegraph explain`.
 *
 * A stage records a decision with one call at the point where it is made:
 *     qg_trace(d, QG_T_PRON_SUBJECT, QG_R_NONE, mention, candidate, entity, 0);
 * When the document was made without opts.trace the call is one predictable
 * branch and records nothing, so the annotation itself costs the same. The
 * reasons are listed once, in trace.def. */
#ifndef QG_TRACE_H
#define QG_TRACE_H

#include "doc.h"

/* What a record's A names, so that `explain` can find a statement's records. */
typedef enum {
    QG_TS_NONE,
    QG_TS_QUOTE,     /* a quote index (quotes: its opening mark token) */
    QG_TS_CUE,       /* a cue's first token */
    QG_TS_STATEMENT, /* a statement's content start byte; B its end byte */
    QG_TS_MENTION    /* the mention resolved */
} qg_trace_subject;

typedef enum {
#define QG_TRACE(e, id, stage, subject, text) e,
#include "trace.def"
#undef QG_TRACE
    QG_T_COUNT
} qg_trace_reason;

typedef struct {
    const char *id;
    const char *stage;
    qg_trace_subject subject;
    const char *text;
} qg_trace_info;

/* The reason's id, stage and text; the "none" reason for out-of-range ids. */
const qg_trace_info *qg_trace_reason_info(unsigned reason);

/* Appends a record to D's trace (the out-of-line half of qg_trace). */
void qg_trace_add(qg_doc *d, uint32_t reason, uint32_t rule, uint32_t a, uint32_t b, uint32_t c,
                  int32_t score);

static inline void qg_trace(qg_doc *d, uint32_t reason, uint32_t rule, uint32_t a, uint32_t b, uint32_t c,
                            int32_t score)
{
    if (__builtin_expect(d->tracing != 0, 0))
        qg_trace_add(d, reason, rule, a, b, c, score);
}

/* Records a coreference choice and returns ENT, so that a `return ent;`
 * becomes `return qg_trace_pick(d, REASON, mention, candidate, ent);`. */
static inline uint32_t qg_trace_pick(qg_doc *d, uint32_t reason, uint32_t mention, uint32_t candidate,
                                     uint32_t ent)
{
    qg_trace(d, reason, 0, mention, candidate, ent, 0);
    return ent;
}

#endif
