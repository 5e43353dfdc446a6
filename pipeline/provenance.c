/* provenance.c - the table behind qg_rule(). */
#include "provenance.h"

static const qg_rule_info rules[QG_R_COUNT] = {
#define QG_RULE(e, id, stage, desc) [e] = {id, stage, desc},
#include "provenance.def"
#undef QG_RULE
};

const qg_rule_info *qg_rule(unsigned id)
{
    return &rules[id < QG_R_COUNT ? id : QG_R_NONE];
}
