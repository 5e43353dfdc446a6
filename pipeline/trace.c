/* trace.c - the reason table behind qg_trace_reason_info() and the
 * recording half of qg_trace(). */
#include "trace.h"

static const qg_trace_info reasons[QG_T_COUNT] = {
#define QG_TRACE(e, id, stage, subject, text) [e] = {id, stage, subject, text},
#include "trace.def"
#undef QG_TRACE
};

const qg_trace_info *qg_trace_reason_info(unsigned reason)
{
    return &reasons[reason < QG_T_COUNT ? reason : QG_T_NONE];
}

void qg_trace_add(qg_doc *d, uint32_t reason, uint32_t rule, uint32_t a, uint32_t b, uint32_t c,
                  int32_t score)
{
    qg_trace_rec *r = QG_VEC_PUSH(d->arena, d->trace);
    r->reason = reason;
    r->rule = rule;
    r->a = a;
    r->b = b;
    r->c = c;
    r->score = score;
}
