/* attribution.c - finds statements and links each to its source, cue,
 * speaker, date and relaying outlet, through the conventions of news:
 * quote frames before and after ("...," he said / said X / X said: "..."),
 * reported clauses and content noun phrases after a cue, participles that
 * share their clause's subject (", saying ..."), "according to X", relays
 * ("Mehr quoted X as saying"), continuation quotes and headline colons.
 * Reads: tokens, sentences, timexes, quotes, mentions, entities.
 * Adds: statements, sorted by content start.
 * This file runs the passes and links dates and outlets; the decisions are
 * in attr_syntax.c, attr_emit.c, attr_quotes.c and attr_speech.c
 * (attribution.h says which does what). */
#include <stdlib.h>
#include <string.h>

#include "attribution.h"
#include "layout.h"
#include "provenance.h"
#include "stage.h"
#include "tokens.h"
#include "trace.h"

static void sentence_pass(attr *a, uint32_t si)
{
    qg_doc *d = a->doc;
    attr_set_sentence(a, si);
    uint32_t stmt_from = d->statements.count;
    a->stmt_from = stmt_from;
    /* 1. quotations with a frame after or before them */
    for (uint32_t i = a->first; i < a->last; i++) {
        uint32_t q = a->quote_of[i];
        if (q == QG_NONE || d->quotes.items[q].open != i || a->quote_used[q])
            continue;
        if (!attr_frame_after(a, q)) {
            qg_trace(d, QG_T_FRAME_AFTER_NONE, 0, q, QG_NONE, QG_NONE, 0);
            attr_frame_before(a, q);
        }
    }
    /* 2. cues with reported content */
    for (uint32_t i = a->first; i < a->last; i++) {
        cue c;
        if (a->cue_used[i] || a->quote_of[i] != QG_NONE || !attr_cue_at(a, i, &c))
            continue;
        /* Speech inside reported speech counts only for noun cues: "dismissed
         * Pompeo's claim that ..." is two statements. */
        if (!(c.attrs & QG_CUE_NOUN) && attr_inside_statement(d, stmt_from, tok(d, i)->start) &&
            !attr_inside_according_to(d, stmt_from, tok(d, i)->start)) {
            qg_trace(d, QG_T_CUE_INSIDE, 0, i, QG_NONE, QG_NONE, 0);
            continue;
        }
        if (c.attrs & QG_CUE_PREP)
            attr_according_to(a, &c);
        else if ((c.attrs & QG_CUE_RELAY) && attr_relay_as_saying(a, &c))
            ;
        else if (c.attrs & QG_CUE_NOUN)
            attr_noun_cue(a, &c);
        else if (!(c.attrs & QG_CUE_FRAME) && !attr_speech_before_cue(a, &c)) {
            qg_trace(d, QG_T_CUE_BEFORE_NONE, 0, i, QG_NONE, QG_NONE, 0);
            attr_speech_after_cue(a, &c);
        }
        i = c.last - 1;
    }
    for (uint32_t i = a->first; i < a->last; i++)
        if (a->quote_of[i] == QG_NONE)
            attr_claim_by(a, i);
    if (d->statements.count == stmt_from && !attr_colon_cue(a))
        attr_headline_colon(a);
    attr_block_quote(a);
    attr_nested_speech(a, stmt_from, d->statements.count);
}

/* Is the date T a modifier of a noun rather than a time of the frame? A
 * determiner or a possessive before it: "the 2015 nuclear deal", "a 2021
 * deposition", "last year's budget". */
static bool date_modifies_noun(const attr *a, uint32_t t)
{
    const qg_doc *d = a->doc;
    uint32_t f = d->timexes.items[t].first;
    if (f == 0 || a->sent_of[f - 1] != a->sent_of[f])
        return false;
    const qg_lex_entry *e = qg_rules_tok(a->rules, d, f - 1, QG_LEX_FUNCTION);
    return (e && (e->attrs & QG_FN_DET) && !(tok(d, f - 1)->lex & QG_LEX_DATE)) ||
           (tok(d, f - 1)->flags & QG_TF_POSS);
}

/* Is token I in a relative clause set off by a comma (", who had pushed
 * for it in January") that does not hold the frame's ANCHOR? Such a
 * clause tells of the person, not of the saying. */
static bool in_relative_clause(const attr *a, uint32_t i, uint32_t anchor)
{
    const qg_doc *d = a->doc;
    const qg_sentence *sent = &d->sentences.items[a->sent_of[i]];
    for (uint32_t k = i; k > sent->first;) {
        k--;
        if (k == anchor)
            return false;
        if (tok(d, k)->kind == QG_TOK_PUNCT && d->text[tok(d, k)->start] == ',') {
            const qg_lex_entry *e = k + 1 < i ? qg_rules_tok(a->rules, d, k + 1, QG_LEX_PRONOUN) : NULL;
            return e && (e->attrs & QG_PRON_RELATIVE);
        }
    }
    return false;
}

/* said_on and reported_by from the statement's own sentence: the date
 * nearest the cue outside its content and outside the reported clause of
 * another statement that does not hold it (a date in reported words is
 * part of them) that modifies no noun and is in no relative clause about
 * the source, an outlet in the frame. CONTENT_OF
 * gives the innermost clause or quote around each token (statement index or
 * QG_NONE). */
static void frame_links(attr *a, qg_statement *s, const uint32_t *content_of)
{
    qg_doc *d = a->doc;
    uint32_t anchor = s->cue_first != QG_NONE ? s->cue_first
                      : s->source != QG_NONE ? d->mentions.items[s->source].first
                                             : QG_NONE;
    if (anchor == QG_NONE)
        return;
    uint32_t si = a->sent_of[anchor];
    const qg_sentence *sent = &d->sentences.items[si];
    uint32_t best = QG_NONE, best_dist = UINT32_MAX;
    /* A frame inside a quote (words the speaker quotes) is not dated by
     * the quoting sentence: that is the occasion of the outer speaker. */
    for (uint32_t i = a->quote_of[anchor] == QG_NONE ? sent->first : sent->last; i < sent->last; i++) {
        uint32_t t = a->timex_of[i];
        if (t == QG_NONE || d->timexes.items[t].first != i || a->quote_of[i] != QG_NONE)
            continue;
        const qg_statement *x = content_of[i] != QG_NONE ? &d->statements.items[content_of[i]] : NULL;
        if ((x && !(x->start <= s->start && s->end <= x->end)) || date_modifies_noun(a, t) ||
            in_relative_clause(a, i, anchor))
            continue;
        if (tok(d, i)->start >= s->start && tok(d, i)->end <= s->end)
            continue;
        uint32_t dist = i > anchor ? i - anchor : anchor - i;
        if (dist < best_dist) {
            best = t;
            best_dist = dist;
        }
    }
    if (best != QG_NONE) {
        s->date = best;
        s->date_rule = QG_R_DATE_CLAUSE;
    }
    /* a dateline's agency ("BEIJING (Reuters) -") publishes, it does not relay */
    uint32_t from = sent->first;
    if (sent->flags & QG_SF_PARA_START) {
        uint32_t save = a->sent;
        attr_set_sentence(a, si);
        from = attr_content_first(a);
        attr_set_sentence(a, save);
    }
    for (uint32_t i = from; i < sent->last; i++) {
        uint32_t m = a->mention_of[i];
        if (m == QG_NONE || d->mentions.items[m].first != i || m == s->source)
            continue;
        const qg_mention *mm = &d->mentions.items[m];
        if (!(mm->flags & QG_MF_OUTLET) || mm->entity == QG_NONE || a->quote_of[i] != QG_NONE)
            continue;
        if (tok(d, i)->start >= s->start && tok(d, i)->end <= s->end)
            continue;
        if (s->outlet == QG_NONE) {
            s->outlet = mm->entity;
            s->outlet_rule = QG_R_OUTLET_CLAUSE;
        }
        break;
    }
}

/* Is the statement's cue in the present perfect (has also reiterated,
 * have said)? It then tells of no one occasion, and inherits no date. */
static bool perfect_cue(const attr *a, const qg_statement *s)
{
    const qg_doc *d = a->doc;
    if (s->cue_first == QG_NONE)
        return false;
    for (uint32_t k = s->cue_first, n = 0; k > 0 && n < 3; n++) {
        k--;
        if (qg_tok_is(d, k, "has") || qg_tok_is(d, k, "have"))
            return true;
        const qg_lex_entry *e = qg_rules_tok(a->rules, d, k, QG_LEX_FUNCTION);
        if (!e || !(e->attrs & QG_FN_ADV))
            return false;
    }
    return false;
}

/* A speaker's statements in one report share its date and outlet: later
 * statements inherit from earlier ones, and the lead (first paragraphs)
 * from the body. Only along runs of the same speaker, so that another
 * speaker's words in between end the occasion; words nested in a
 * statement (a woman reported that ..., quoted inside a quote) are part of
 * it and do not. */
static void inherit_links(attr *a)
{
    qg_doc *d = a->doc;
    uint32_t n = d->statements.count;
    for (uint32_t k = 1, prev = 0; k < n; k++) {
        qg_statement *s = &d->statements.items[k], *p = &d->statements.items[prev];
        if (p->start <= s->start && s->end <= p->end)
            continue;
        prev = k;
        if (s->speaker == QG_NONE || s->speaker != p->speaker)
            continue;
        if (s->date == QG_NONE && p->date != QG_NONE && !perfect_cue(a, s)) {
            s->date = p->date;
            s->date_rule = QG_R_DATE_INHERITED;
        }
        if (s->outlet == QG_NONE && p->outlet != QG_NONE && p->outlet_rule != QG_R_OUTLET_QUOTING &&
            p->outlet != s->speaker) {
            s->outlet = p->outlet;
            s->outlet_rule = QG_R_OUTLET_INHERITED;
        }
    }
    for (uint32_t k = n; k-- > 1;) {
        qg_statement *s = &d->statements.items[k - 1], *nx = &d->statements.items[k];
        uint32_t t = attr_token_at_byte(d, s->start);
        if (t >= d->tokens.count || d->sentences.items[a->sent_of[t]].para > 2)
            continue;
        if (s->speaker == QG_NONE || s->speaker != nx->speaker)
            continue;
        if (s->date == QG_NONE && nx->date != QG_NONE && !perfect_cue(a, s)) {
            s->date = nx->date;
            s->date_rule = QG_R_DATE_INHERITED;
        }
        if (s->outlet == QG_NONE && nx->outlet != QG_NONE && nx->outlet_rule != QG_R_OUTLET_QUOTING &&
            nx->outlet != s->speaker) {
            s->outlet = nx->outlet;
            s->outlet_rule = QG_R_OUTLET_INHERITED;
        }
    }
}

static int by_start(const void *x, const void *y)
{
    const qg_statement *a = x, *b = y;
    if (a->start != b->start)
        return (a->start > b->start) - (a->start < b->start);
    return (a->end > b->end) - (a->end < b->end);
}

static void sort_statements(qg_doc *doc)
{
    if (doc->statements.count > 1)
        qsort(doc->statements.items, doc->statements.count, sizeof *doc->statements.items, by_start);
}

qg_status qg_stage_attribution(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err)
{
    (void)err;
    uint32_t n = doc->tokens.count;
    attr a = {doc, ctx->rules, qg_layout_quotes(doc), qg_layout_sentences(doc), qg_layout_mentions(doc),
              qg_layout_timexes(doc), NULL, qg_arena_alloc(doc->arena, doc->quotes.count + 1),
              qg_arena_alloc(doc->arena, n + 1), 0, 0, 0, 0, QG_NONE, false, false, ctx->match, ctx->limits};
    a.appos_owner = qg_arena_alloc(doc->arena, (n + 1) * sizeof *a.appos_owner);
    for (uint32_t i = 0; i <= n; i++)
        a.appos_owner[i] = QG_NONE;
    for (uint32_t k = 0; k < doc->mentions.count; k++) {
        const qg_mention *m = &doc->mentions.items[k];
        if (m->appos_last != QG_NONE && m->appos_last < n)
            a.appos_owner[m->appos_last] = k;
    }
    for (uint32_t si = 0; si < doc->sentences.count; si++)
        sentence_pass(&a, si);
    sort_statements(doc);
    attr_continuation_pass(&a);
    sort_statements(doc);
    /* A noun-phrase content ("blasted Democrat leaders on Monday") may run
     * over the frame's time: only clauses and quotes are kept out. */
    uint32_t *content_of = qg_arena_alloc(doc->arena, (n + 1) * sizeof *content_of);
    for (uint32_t i = 0; i <= n; i++)
        content_of[i] = QG_NONE;
    for (uint32_t k = 0; k < doc->statements.count; k++) {
        const qg_statement *s = &doc->statements.items[k];
        if (s->rule == QG_R_SPEECH_NP)
            continue;
        for (uint32_t i = attr_token_at_byte(doc, s->start); i < n && doc->tokens.items[i].end <= s->end; i++) {
            const qg_statement *c = content_of[i] != QG_NONE ? &doc->statements.items[content_of[i]] : NULL;
            if (!c || s->end - s->start < c->end - c->start)
                content_of[i] = k;
        }
    }
    for (uint32_t k = 0; k < doc->statements.count; k++)
        frame_links(&a, &doc->statements.items[k], content_of);
    inherit_links(&a);
    return QG_OK;
}
