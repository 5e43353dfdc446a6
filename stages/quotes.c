/* quotes.c - pairs quotation marks into quotations, paragraph by paragraph.
 * Reads: tokens, sentences. Adds: quotes, sorted by opening mark.
 * Curly marks pair by shape, straight ones by position; single marks count
 * only inside a double quotation or when they clearly pair, since ’ is also
 * the apostrophe. A paragraph that leaves a quotation open continues into
 * the next paragraph when that one opens with a quote mark (news style for
 * multi-paragraph quotes); otherwise the quotation ends with its paragraph. */
#include <stdlib.h>

#include "stage.h"
#include "tokens.h"
#include "trace.h"

#define MAX_DEPTH QG_MAX_QUOTE_DEPTH_CAP

typedef struct {
    uint32_t open;
    bool single;
    bool continued;
} open_mark;

typedef struct {
    qg_doc *doc;
    open_mark stack[MAX_DEPTH];
    int depth;
    int max_depth; /* ctx->max_quote_depth: deeper openers are not paired */
} pairing;

static void emit(pairing *p, const open_mark *o, uint32_t close, uint32_t content_end, uint32_t flags)
{
    qg_quote *q = QG_VEC_PUSH(p->doc->arena, p->doc->quotes);
    q->open = o->open;
    q->close = close;
    q->first = o->open + 1;
    q->last = content_end;
    q->parent = QG_NONE;
    q->flags = flags | (o->single ? QG_QF_SINGLE : 0) | (o->continued ? QG_QF_CONTINUED : 0);
    qg_trace(p->doc, close == QG_NONE ? QG_T_QUOTE_UNCLOSED : o->continued ? QG_T_QUOTE_CONTINUED : QG_T_QUOTE_PAIRED,
             0, o->open, close, QG_NONE, 0);
}

/* Index in the stack of the innermost open mark of the family, or -1. */
static int find_open(const pairing *p, bool single)
{
    for (int k = p->depth - 1; k >= 0; k--)
        if (p->stack[k].single == single)
            return k;
    return -1;
}

static void push(pairing *p, uint32_t i, bool single, bool continued)
{
    if (p->depth == p->max_depth)
        return; /* deeper nesting than any prose uses: ignore the mark */
    p->stack[p->depth++] = (open_mark){i, single, continued};
}

/* Closes everything from stack index K up; inner single quotes left open
 * were apostrophes and are dropped. */
static void close_at(pairing *p, int k, uint32_t close)
{
    emit(p, &p->stack[k], close, close, 0);
    p->depth = k;
}

/* End of paragraph: an open double quotation either continues (next
 * paragraph opens with a quote mark) or ends here. */
static bool end_paragraph(pairing *p, uint32_t end, bool next_opens)
{
    int k = find_open(p, false);
    bool cont = false;
    if (k >= 0) {
        uint32_t content_end = end;
        emit(p, &p->stack[k], QG_NONE, content_end, QG_QF_UNCLOSED);
        cont = next_opens;
    }
    p->depth = 0;
    return cont;
}

static bool single_can_open(const qg_doc *d, uint32_t i)
{
    const qg_token *t = tok(d, i);
    return (t->flags & QG_TF_Q_OPEN) && !(t->flags & QG_TF_POSS);
}

static int by_open(const void *a, const void *b)
{
    uint32_t x = ((const qg_quote *)a)->open, y = ((const qg_quote *)b)->open;
    return (x > y) - (x < y);
}

/* Parent links from containment, with a stack over quotes sorted by start. */
static void link_parents(qg_doc *doc, int max_depth)
{
    uint32_t stack[MAX_DEPTH];
    int depth = 0;
    for (uint32_t k = 0; k < doc->quotes.count; k++) {
        qg_quote *q = &doc->quotes.items[k];
        while (depth > 0 && doc->quotes.items[stack[depth - 1]].last <= q->open)
            depth--;
        if (depth > 0) {
            q->parent = stack[depth - 1];
            q->flags |= QG_QF_NESTED;
        }
        if (depth < max_depth)
            stack[depth++] = k;
    }
}

qg_status qg_stage_quotes(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err)
{
    (void)err;
    uint32_t max_depth = ctx->max_quote_depth ? ctx->max_quote_depth : QG_MAX_QUOTE_DEPTH;
    if (max_depth > MAX_DEPTH)
        max_depth = MAX_DEPTH;
    pairing p = {.doc = doc, .max_depth = (int)max_depth};
    uint32_t n = doc->tokens.count;
    bool continued = false;
    for (uint32_t i = 0; i < n; i++) {
        const qg_token *t = tok(doc, i);
        if (i > 0 && (t->flags & QG_TF_PARA)) {
            bool next_opens = t->kind == QG_TOK_QUOTE && (t->flags & QG_TF_Q_OPEN) &&
                              (t->flags & QG_TF_Q_DOUBLE);
            continued = end_paragraph(&p, i, next_opens);
        }
        if (t->kind != QG_TOK_QUOTE)
            continue;
        bool single = !(t->flags & QG_TF_Q_DOUBLE);
        bool can_open = t->flags & QG_TF_Q_OPEN, can_close = t->flags & QG_TF_Q_CLOSE;
        if (single) {
            int k = find_open(&p, true);
            /* A closing single mark needs an opener; otherwise it is an apostrophe. */
            if (can_close && k >= 0 && !(can_open && !can_close)) {
                close_at(&p, k, i);
            } else if (single_can_open(doc, i) && !(can_close && can_open && k >= 0)) {
                if (!(can_close && can_open))
                    push(&p, i, true, false);
            }
            continue;
        }
        int k = find_open(&p, false);
        if (can_close && k >= 0 && (!can_open || k >= 0)) {
            close_at(&p, k, i);
        } else if (can_open) {
            push(&p, i, false, continued);
            continued = false;
        }
    }
    end_paragraph(&p, n, false);
    if (doc->quotes.count > 1)
        qsort(doc->quotes.items, doc->quotes.count, sizeof *doc->quotes.items, by_open);
    link_parents(doc, p.max_depth);
    return QG_OK;
}
