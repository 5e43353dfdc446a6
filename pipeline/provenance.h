/* provenance.h - rule ids: which rule made a mention, title, statement,
 * speaker link, date or outlet link. Listed once, in provenance.def. */
#ifndef QG_PROVENANCE_H
#define QG_PROVENANCE_H

typedef enum {
#define QG_RULE(e, id, stage, desc) e,
#include "provenance.def"
#undef QG_RULE
    QG_R_COUNT
} qg_rule_id;

typedef struct {
    const char *id;
    const char *stage;
    const char *description;
} qg_rule_info;

/* The rule's id, stage and description; the "none" rule for out-of-range ids. */
const qg_rule_info *qg_rule(unsigned id);

#endif
