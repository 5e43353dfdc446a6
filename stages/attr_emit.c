/* attr_emit.c - turning a draft into a statement: trimming its content,
 * deciding its kind from the quotation marks it holds, and recording source,
 * speaker and cue. Part of the attribution stage (attribution.h). */
#include <stdlib.h>
#include <string.h>

#include "attribution.h"
#include "layout.h"
#include "provenance.h"
#include "tokens.h"
#include "trace.h"

static bool is_trailing_punct(const qg_doc *d, uint32_t i)
{
    char c = tok_punct(d, i);
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || tok_is_dash(d, i) ||
           (tok(d, i)->kind == QG_TOK_PUNCT && qg_tok_len(d, i) == 3 && qg_tok_text(d, i)[0] == '.');
}

/* Appends a statement for DR; decides its kind from the quote marks it holds. */
qg_statement *attr_emit(attr *a, const draft *dr)
{
    qg_doc *d = a->doc;
    uint32_t f = dr->first, l = dr->last;
    while (l > f && is_trailing_punct(d, l - 1))
        l--;
    while (f < l && (tok_punct(d, f) == ',' || tok_punct(d, f) == ':' || tok_is_dash(d, f)))
        f++;
    if (f >= l)
        return NULL;
    uint32_t kind = QG_STMT_INDIRECT, quote = QG_NONE;
    uint32_t start = tok(d, f)->start, end = tok(d, l - 1)->end;
    uint32_t q = a->quote_of[f];
    if (q != QG_NONE && d->quotes.items[q].open == f) {
        /* climb to the outermost quote opening here */
        while (d->quotes.items[q].parent != QG_NONE && d->quotes.items[d->quotes.items[q].parent].open == f)
            q = d->quotes.items[q].parent;
    }
    if (q != QG_NONE && d->quotes.items[q].open == f) {
        const qg_quote *qq = &d->quotes.items[q];
        uint32_t qend = qq->close != QG_NONE ? qq->close + 1 : qq->last;
        if (qend >= l) {
            /* The whole content is one quotation: direct, marks excluded, and
             * the frame comma before the closing mark too. */
            uint32_t cl = qq->last;
            while (cl > qq->first && tok_punct(d, cl - 1) == ',')
                cl--;
            if (cl <= qq->first)
                return NULL;
            kind = QG_STMT_DIRECT;
            quote = q;
            start = tok(d, qq->first)->start;
            end = tok(d, cl - 1)->end;
            a->quote_used[q] = 1;
        }
    }
    if (kind != QG_STMT_DIRECT) {
        for (uint32_t i = f; i < l; i++)
            if (tok(d, i)->kind == QG_TOK_QUOTE && a->quote_of[i] != QG_NONE) {
                kind = QG_STMT_MIXED;
                a->quote_used[a->quote_of[i]] = 1;
            }
    }
    qg_statement *s = QG_VEC_PUSH(d->arena, d->statements);
    s->start = start;
    s->end = end;
    s->kind = kind;
    s->quote = quote;
    s->source = dr->source;
    s->source_last = dr->source_end;
    s->source2 = dr->joint;
    s->speaker = dr->speaker;
    s->speaker2 = QG_NONE;
    if (s->speaker == QG_NONE && dr->source != QG_NONE)
        s->speaker = d->mentions.items[dr->source].entity;
    if (dr->joint != QG_NONE)
        s->speaker2 = d->mentions.items[dr->joint].entity;
    s->cue_first = dr->cue.first;
    s->cue_last = dr->cue.last;
    s->date = s->outlet = QG_NONE;
    s->rule = dr->rule;
    s->confidence = dr->confidence;
    qg_trace(d, QG_T_EMIT, s->rule, start, end, dr->source, (int32_t)dr->confidence);
    if (dr->source != QG_NONE) {
        uint32_t k = d->mentions.items[dr->source].kind;
        if (k == QG_MEN_PRONOUN || k == QG_MEN_NOMINAL) {
            s->confidence -= 100;
            qg_trace(d, QG_T_CONF_ANAPHOR, s->rule, start, end, dr->source, (int32_t)s->confidence);
        }
    }
    if (dr->cue.first != QG_NONE)
        for (uint32_t i = dr->cue.first; i < dr->cue.last; i++)
            a->cue_used[i] = 1;
    return s;
}

draft attr_new_draft(uint32_t rule, uint32_t confidence)
{
    draft d = {0, 0, QG_NONE, QG_NONE, QG_NONE, {QG_NONE, QG_NONE, 0}, rule, confidence, QG_NONE};
    return d;
}

/* Does [start, end) overlap a statement found in the current sentence? */
bool attr_overlaps_statement(const attr *a, uint32_t start, uint32_t end)
{
    const qg_doc *d = a->doc;
    for (uint32_t k = a->stmt_from; k < d->statements.count; k++)
        if (d->statements.items[k].start < end && start < d->statements.items[k].end)
            return true;
    return false;
}

bool attr_inside_statement(const qg_doc *d, uint32_t from, uint32_t b)
{
    for (uint32_t k = from; k < d->statements.count; k++)
        if (d->statements.items[k].start <= b && b < d->statements.items[k].end)
            return true;
    return false;
}

/* Is byte B inside an "according to X" statement and in no other? Its
 * content may hold a speech event of its own: "According to court
 * documents, Keller assured investors that ..." */
bool attr_inside_according_to(const qg_doc *d, uint32_t from, uint32_t b)
{
    bool inside = false;
    for (uint32_t k = from; k < d->statements.count; k++) {
        const qg_statement *s = &d->statements.items[k];
        if (s->start <= b && b < s->end) {
            if (s->rule != QG_R_SPEECH_ACCORDING_TO)
                return false;
            inside = true;
        }
    }
    return inside;
}
