/* attr_quotes.c - quotations and their frames: "...," he said / said X /
 * X said: "...", split and nested quotes, block quotes after "X wrote:", and
 * quotes that continue a speaker's earlier ones. Part of the attribution
 * stage (attribution.h). */
#include <stdlib.h>
#include <string.h>

#include "attribution.h"
#include "layout.h"
#include "provenance.h"
#include "tokens.h"
#include "trace.h"

/* A frame after a quote with more between source and cue than a simple
 * name: `"...," Norveta's chief medical officer, Dr. Samuel Adeyemi, said`.
 * The first verb of saying within reach, and its subject inside the frame. */
static bool frame_after_search(attr *a, uint32_t j, draft *dr, cue *c)
{
    qg_doc *d = a->doc;
    /* only after a quote that ends with its frame comma: `"...," X ... said` */
    if (j < a->first + 2 || !(tok_punct(d, j - 1) == ',' || tok_punct(d, j - 2) == ','))
        return false;
    /* `"...," in what he presented as ...`: a clause of the writer's, no frame */
    if (attr_is_prep(a, j) || tok_fn(a->rules, d, j, QG_FN_SUBORD | QG_FN_CONJ))
        return false;
    for (uint32_t k = j; k < a->last && k < j + 16; k++) {
        if (tok(d, k)->kind == QG_TOK_QUOTE || (tok(d, k)->flags & QG_TF_SENT_END))
            return false;
        if (!attr_cue_at(a, k, c))
            continue;
        if (c->attrs & (QG_CUE_FRAME | QG_CUE_NOUN | QG_CUE_PREP | QG_CUE_ING))
            return false;
        uint32_t joint;
        uint32_t m = attr_subject_before(a, k, &joint);
        if (m == QG_NONE || d->mentions.items[m].first < j || a->coordinated)
            return false;
        dr->source = m;
        dr->source_end = a->np_end;
        dr->joint = joint;
        return true;
    }
    return false;
}

/* After the quote: `"...," he said`, `"...," said Salami`, `"...," Mehr
 * quoted Salami as saying`. Returns true when a frame was found. */
bool attr_frame_after(attr *a, uint32_t qi)
{
    qg_doc *d = a->doc;
    const qg_quote *q = &d->quotes.items[qi];
    if (q->close == QG_NONE)
        return false;
    uint32_t j = q->close + 1;
    if (tok_punct(d, j) == ',')
        j++;
    if (j >= a->last)
        return false;
    draft dr = attr_new_draft(QG_R_QUOTE_AFTER, 950);
    uint32_t m;
    cue c;
    if (attr_mention_starts_at(a, j, &m)) {
        const qg_mention *mm = &d->mentions.items[m];
        uint32_t k = mm->last;
        if (mm->appos_last != QG_NONE && tok_punct(d, mm->appos_last) == ',')
            k = mm->appos_last + 1;
        else if (attr_skip_relative(a, k) != k)
            k = attr_skip_relative(a, k) + 1; /* "one resident, who asked not to be named, told" */
        k = attr_skip_fwd(a, k);
        while (k < a->last && tok_fn(a->rules, d, k, QG_FN_AUX))
            k++;
        if (!attr_cue_at(a, k, &c) || (c.attrs & (QG_CUE_FRAME | QG_CUE_NOUN | QG_CUE_PREP))) {
            if (!frame_after_search(a, j, &dr, &c))
                return false;
        } else if ((c.attrs & QG_CUE_RELAY) && (mm->flags & QG_MF_OUTLET)) {
            /* Mehr quoted Salami as saying */
            uint32_t s2;
            if (attr_mention_starts_at(a, c.last, &s2)) {
                uint32_t e = d->mentions.items[s2].last;
                cue c3;
                if (qg_tok_is(d, e, "as") && attr_cue_at(a, e + 1, &c3))
                    c.last = c3.last;
                dr.source = s2;
                dr.rule = QG_R_QUOTE_RELAY;
            } else {
                return false; /* "..., Mehr reported": a frame, not a speaker */
            }
        } else {
            dr.source = m;
            cue c3; /* "X was quoted as saying" */
            if ((c.attrs & QG_CUE_RELAY) && qg_tok_is(d, c.last, "as") && attr_cue_at(a, c.last + 1, &c3) &&
                (c3.attrs & QG_CUE_ING))
                c.last = c3.last;
        }
    } else if (attr_cue_at(a, j, &c) && !(c.attrs & (QG_CUE_ING | QG_CUE_FRAME | QG_CUE_NOUN | QG_CUE_PREP))) {
        uint32_t k = attr_skip_fwd(a, c.last);
        if (!attr_mention_starts_at(a, k, &m))
            return false;
        dr.source = m;
        dr.rule = QG_R_QUOTE_AFTER_INVERTED;
        /* "said Ambassador Laura Bennett of the United States" */
        uint32_t e = d->mentions.items[m].last, pm;
        if ((qg_tok_is(d, e, "of") || qg_tok_is(d, e, "from")) && attr_mention_starts_at(a, e + 1, &pm))
            dr.source_end = d->mentions.items[pm].last;
        else if ((qg_tok_is(d, e, "of") || qg_tok_is(d, e, "from")) && qg_tok_is(d, e + 1, "the") &&
                 attr_mention_starts_at(a, e + 2, &pm))
            dr.source_end = d->mentions.items[pm].last;
        /* The source ends the clause ("said Salami." / "said X, adding"); in
         * `"State of the Union," said the bill would pass` it does not. */
        uint32_t after = attr_skip_fwd(a, dr.source_end != QG_NONE ? dr.source_end : e);
        /* "said Dave Morton of Dublin." : a place after the name */
        if (dr.source_end == QG_NONE && (qg_tok_is(d, after, "of") || qg_tok_is(d, after, "from"))) {
            uint32_t t = after + 1;
            while (t < a->last && t < after + 5 && (tok_cap(d, t) || qg_tok_is(d, t, "the")))
                t++;
            if (t > after + 1 && tok_cap(d, t - 1)) {
                dr.source_end = t;
                after = attr_skip_fwd(a, t);
            }
        }
        const qg_mention *sm = &d->mentions.items[m];
        if (sm->appos_last != QG_NONE && tok_punct(d, sm->appos_last) == ',')
            after = sm->appos_last;
        if (after < a->last && !(tok(d, after)->flags & QG_TF_SENT_END) && tok_punct(d, after) != ',' &&
            tok_punct(d, after) != ';' && !tok_is_dash(d, after) && tok(d, after)->kind != QG_TOK_QUOTE)
            return false;
    } else if (!frame_after_search(a, j, &dr, &c)) {
        return false;
    }
    dr.cue = c;
    /* A quote that opens its sentence is the whole statement; text before
     * it makes a mixed statement from the sentence start. */
    dr.first = q->open;
    uint32_t start = a->first;
    while (start < q->open && (tok_is_dash(d, start) || tok(d, start)->kind == QG_TOK_QUOTE))
        start++;
    if (start < q->open && q->parent == QG_NONE)
        dr.first = a->first;
    dr.last = q->close + 1;
    return attr_emit(a, &dr) != NULL;
}

/* `"A," he said, "B."`: the frame between the parts serves both; the
 * second part takes the source, cue and speaker of the first. */
static bool split_quote(attr *a, uint32_t qi, const cue *c)
{
    qg_doc *d = a->doc;
    const qg_quote *q = &d->quotes.items[qi];
    for (uint32_t k = d->statements.count; k-- > a->stmt_from;) {
        const qg_statement *prev = &d->statements.items[k];
        if (prev->cue_first != c->first || prev->kind != QG_STMT_DIRECT)
            continue;
        /* attr_emit() lowers the confidence of pronoun and nominal sources; the
         * first part's figure has that already, so start from its base */
        uint32_t base = prev->confidence;
        if (prev->source != QG_NONE && (d->mentions.items[prev->source].kind == QG_MEN_PRONOUN ||
                                        d->mentions.items[prev->source].kind == QG_MEN_NOMINAL))
            base += 100;
        draft dr = attr_new_draft(QG_R_QUOTE_AFTER, base);
        dr.rule = prev->rule;
        dr.cue = *c;
        dr.source = prev->source;
        dr.joint = prev->source2;
        dr.speaker = prev->speaker;
        dr.first = q->open;
        dr.last = q->close != QG_NONE ? q->close + 1 : q->last;
        qg_trace(d, QG_T_SPLIT_QUOTE, prev->rule, qi, c->first, prev->source, 0);
        return attr_emit(a, &dr) != NULL;
    }
    return false;
}

/* Before the quote: `Salami said: "..."`, `..., saying, "..."`, `insisted
 * that "..."`, `as Imam once said, '...'`. */
bool attr_frame_before(attr *a, uint32_t qi)
{
    qg_doc *d = a->doc;
    const qg_quote *q = &d->quotes.items[qi];
    if (q->open <= a->first) {
        qg_trace(d, QG_T_FRAME_BEFORE_NONE, 0, qi, QG_NONE, QG_NONE, 0);
        return false;
    }
    /* The quote must end its clause, or it is a partial quote in a clause. */
    if (q->close != QG_NONE) {
        uint32_t n = q->close + 1;
        char np = tok_punct(d, n);
        bool comma_inside = q->last > q->first && tok_punct(d, q->last - 1) == ','; /* `"...," and ...` */
        /* `'Don't quit.' We're going to ...`: a sentence ends inside the marks */
        bool final_inside = q->last > q->first && (tok(d, q->last - 1)->flags & QG_TF_SENT_END) &&
                            tok_cap(d, n);
        if (n < a->last && !(tok(d, n)->flags & QG_TF_SENT_END) && np != ',' && np != ':' && np != ';' &&
            tok(d, n)->kind != QG_TOK_QUOTE && !tok_is_dash(d, n) && !comma_inside && !final_inside) {
            qg_trace(d, QG_T_FRAME_BEFORE_PARTIAL, 0, qi, QG_NONE, QG_NONE, 0);
            return false;
        }
    }
    /* A quote inside a quote has its frame inside the outer one: search there,
     * so that "He looked at me and said, '...'" finds "He". */
    if (q->parent != QG_NONE && !a->nested) {
        const qg_quote *outer = &d->quotes.items[q->parent];
        uint32_t save_first = a->first, save_last = a->last;
        a->first = outer->first > a->first ? outer->first : a->first;
        a->last = outer->last < a->last ? outer->last : a->last;
        a->nested = true;
        bool found = attr_frame_before(a, qi);
        a->nested = false;
        a->first = save_first;
        a->last = save_last;
        return found;
    }
    /* A headline "Lawmaker rips governor's tax hike: 'Tone-deaf and cruel'":
     * the colon hands the quote to the headline's own speech verb. */
    if (q->open > a->first && tok_punct(d, q->open - 1) == ':' &&
        (d->sentences.items[a->sent].flags & QG_SF_HEADLINE)) {
        for (uint32_t k = a->first; k + 1 < q->open; k++) {
            cue hc;
            uint32_t joint;
            if (!attr_cue_at(a, k, &hc) || (hc.attrs & (QG_CUE_PREP | QG_CUE_NOUN | QG_CUE_ING)))
                continue;
            draft hd = attr_new_draft(QG_R_SPEECH_COLON, 700);
            hd.source = attr_subject_before(a, k, &joint);
            if (hd.source == QG_NONE)
                break;
            hd.cue = hc;
            hd.first = q->open;
            hd.last = q->close != QG_NONE ? q->close + 1 : q->last;
            return attr_emit(a, &hd) != NULL;
        }
    }
    uint32_t b = q->open - 1;
    if ((tok_punct(d, b) == ',' || tok_punct(d, b) == ':') && b > a->first)
        b--;
    if (qg_tok_is(d, b, "that") && b > a->first)
        b--;
    b = attr_skip_back(a, b + 1);
    if (b <= a->first) {
        qg_trace(d, QG_T_FRAME_BEFORE_NONE, 0, qi, QG_NONE, QG_NONE, 0);
        return false;
    }
    b--;
    cue c;
    /* `The minister told us, "..."`: step over the addressee */
    if (!attr_cue_ending_at(a, b, &c) && b > a->first) {
        uint32_t m, ob = b;
        if (attr_mention_ends_at(a, b, &m))
            ob = a->doc->mentions.items[m].first;
        else if (tok_attrs(a->rules, d, b, QG_LEX_PRONOUN) || tok_has(d, b, QG_LEX_GROUP))
            ob = b;
        if (ob > a->first && attr_cue_ending_at(a, ob - 1, &c) && (c.attrs & QG_CUE_OBJ))
            b = ob - 1;
    }
    if (!attr_cue_ending_at(a, b, &c) || (c.attrs & (QG_CUE_FRAME | QG_CUE_PREP))) {
        qg_trace(d, QG_T_FRAME_BEFORE_NONE, 0, qi, QG_NONE, QG_NONE, 0);
        return false;
    }
    if (a->cue_used[c.first])
        return split_quote(a, qi, &c);
    draft dr = attr_new_draft(QG_R_QUOTE_BEFORE, 900);
    dr.cue = c;
    if (c.attrs & QG_CUE_ING) {
        dr.source = attr_clause_subject(a, c.first);
    } else {
        uint32_t joint;
        dr.source = attr_subject_before(a, c.first, &joint);
        dr.source_end = a->np_end;
        dr.joint = joint;
        if (dr.source == QG_NONE) {
            uint32_t m; /* said X: "..." */
            if (attr_mention_starts_at(a, c.last, &m))
                dr.source = m;
        }
    }
    if (dr.source == QG_NONE) {
        qg_trace(d, QG_T_FRAME_BEFORE_NO_SOURCE, 0, qi, c.first, QG_NONE, 0);
        return false;
    }
    dr.first = q->open;
    dr.last = q->close != QG_NONE ? q->close + 1 : q->last;
    if (q->parent != QG_NONE)
        dr.rule = QG_R_NESTED;
    qg_statement *st = attr_emit(a, &dr);
    if (st && q->parent != QG_NONE) {
        /* "as Imam once said, '...'" inside Khamenei's quote: relayed by him */
        for (uint32_t k = d->statements.count - 1; k-- > a->stmt_from;)
            if (d->statements.items[k].quote == q->parent && d->statements.items[k].speaker != QG_NONE) {
                st->outlet = d->statements.items[k].speaker;
                st->outlet_rule = QG_R_OUTLET_QUOTING;
                break;
            }
    }
    return st != NULL;
}

/* ---- reported speech ---- */

/* A frame ending in a colon at the end of its paragraph introduces the
 * next paragraph as a block quote, as partisan sites and wire copy quote
 * posts and statements: "Trump wrote on Truth Social:" + a paragraph. */
void attr_block_quote(attr *a)
{
    qg_doc *d = a->doc;
    if (tok_punct(d, a->last - 1) != ':' || a->sent + 1 >= d->sentences.count)
        return;
    const qg_sentence *next = &d->sentences.items[a->sent + 1];
    if (!(next->flags & QG_SF_PARA_START) || (next->flags & QG_SF_HEADLINE) ||
        tok(d, next->first)->kind == QG_TOK_QUOTE)
        return;
    /* the cue: the last one in the frame, before the colon */
    cue c = {QG_NONE, QG_NONE, 0};
    for (uint32_t i = a->first; i + 1 < a->last; i++) {
        cue k;
        if (a->quote_of[i] == QG_NONE && attr_cue_at(a, i, &k) && !(k.attrs & (QG_CUE_PREP | QG_CUE_NOUN))) {
            c = k;
            i = k.last - 1;
        }
    }
    if (c.first == QG_NONE || a->cue_used[c.first])
        return;
    uint32_t joint;
    draft dr = attr_new_draft(QG_R_QUOTE_BLOCK, 750);
    dr.source = (c.attrs & QG_CUE_ING) ? attr_clause_subject(a, c.first) : attr_subject_before(a, c.first, &joint);
    dr.source_end = (c.attrs & QG_CUE_ING) ? QG_NONE : a->np_end;
    if (dr.source == QG_NONE)
        return;
    dr.cue = c;
    /* the whole next paragraph */
    uint32_t s = a->sent + 1;
    while (s + 1 < d->sentences.count && !(d->sentences.items[s + 1].flags & QG_SF_PARA_START))
        s++;
    dr.first = next->first;
    dr.last = d->sentences.items[s].last;
    qg_statement *st = attr_emit(a, &dr);
    if (st)
        st->kind = QG_STMT_DIRECT; /* verbatim, set off as a block instead of by marks */
}

/* Speech reported inside a direct quote: "I told our guys that we would
 * do it the right way," Mercer wrote. The quote is searched like a
 * sentence of its own; a first-person source is the quote's speaker. */
void attr_nested_speech(attr *a, uint32_t stmt_from, uint32_t stmt_to)
{
    qg_doc *d = a->doc;
    for (uint32_t k = stmt_from; k < stmt_to; k++) {
        const qg_statement *outer = &d->statements.items[k];
        if (outer->kind != QG_STMT_DIRECT || outer->quote == QG_NONE)
            continue;
        uint32_t qi = outer->quote, speaker = outer->speaker;
        const qg_quote *q = &d->quotes.items[qi];
        uint32_t save_first = a->first, save_last = a->last, before = d->statements.count;
        a->first = q->first;
        a->last = q->last;
        a->nested = true;
        for (uint32_t i = q->first; i < q->last; i++) {
            cue c;
            if (a->quote_of[i] != qi || a->cue_used[i] || !attr_cue_at(a, i, &c))
                continue;
            if (!(c.attrs & (QG_CUE_PREP | QG_CUE_NOUN | QG_CUE_FRAME | QG_CUE_RELAY)))
                attr_speech_after_cue(a, &c);
            i = c.last - 1;
        }
        a->first = save_first;
        a->last = save_last;
        a->nested = false;
        for (uint32_t n = before; n < d->statements.count; n++) {
            qg_statement *st = &d->statements.items[n];
            st->outlet = speaker; /* relayed by the speaker who quotes it */
            st->outlet_rule = QG_R_OUTLET_QUOTING;
            if (st->source != QG_NONE &&
                (tok_attrs(a->rules, d, d->mentions.items[st->source].first, QG_LEX_PRONOUN) & QG_PRON_FIRST)) {
                st->speaker = speaker;
                qg_trace(d, QG_T_FIRST_PERSON, 0, st->start, st->end, speaker, 0);
            }
        }
    }
}

/* A quote paragraph after a paragraph whose last sentence is a frame
 * without content of its own: "Moreno slammed the senator in a post on X."
 * then the post in quotes. Fills DR's source and cue from that frame. */
static bool frame_before_paragraph(attr *a, const qg_quote *q, draft *dr)
{
    qg_doc *d = a->doc;
    uint32_t si = a->sent_of[q->open];
    if (si == 0 || !(d->sentences.items[si].flags & QG_SF_PARA_START) || q->open != d->sentences.items[si].first)
        return false;
    uint32_t save = a->sent;
    attr_set_sentence(a, si - 1);
    bool found = false;
    for (uint32_t i = a->first; i < a->last && !found; i++) {
        cue c;
        if (a->quote_of[i] != QG_NONE || !attr_cue_at(a, i, &c) || (c.attrs & (QG_CUE_PREP | QG_CUE_NOUN | QG_CUE_ING)))
            continue;
        /* a frame whose content was found already is no frame for this quote */
        bool used = false;
        for (uint32_t k = 0; k < d->statements.count && !used; k++)
            used = d->statements.items[k].cue_first == c.first;
        uint32_t joint;
        uint32_t m = used ? QG_NONE : attr_subject_before(a, c.first, &joint);
        if (m != QG_NONE) {
            dr->source = m;
            dr->source_end = a->np_end;
            dr->cue = c;
            dr->speaker = QG_NONE;
            found = true;
        }
        i = c.last - 1;
    }
    attr_set_sentence(a, save);
    return found;
}

/* Quotes no frame claimed: continuations of the previous speaker, or
 * sentence-like quotes without a speaker. Statements are sorted by now, so
 * one forward walk finds each quote's predecessor. */
void attr_continuation_pass(attr *a)
{
    qg_doc *d = a->doc;
    uint32_t nstmt = d->statements.count, k = 0;
    const qg_statement *prev = NULL;
    for (uint32_t qi = 0; qi < d->quotes.count; qi++) {
        const qg_quote *q = &d->quotes.items[qi];
        if (a->quote_used[qi] || q->parent != QG_NONE)
            continue;
        uint32_t words = 0, caps = 0;
        for (uint32_t i = q->first; i < q->last; i++)
            if (tok_word(d, i)) {
                /* the first word is capitalized in any sentence */
                caps += (words > 0 && tok_cap(d, i)) ? 1 : 0;
                words++;
            }
        uint32_t open_b = tok(d, q->open)->start;
        for (; k < nstmt && d->statements.items[k].start < open_b; k++) {
            const qg_statement *c = &d->statements.items[k];
            /* words reported inside a quote are not the quote's predecessor */
            if (c->outlet_rule != QG_R_OUTLET_QUOTING && c->rule != QG_R_NESTED)
                prev = c;
        }
        attr_set_sentence(a, a->sent_of[q->open]);
        /* Only a quote that opens its sentence stands alone; one inside a
         * sentence is part of that sentence's statement or a scare quote. */
        uint32_t f = attr_content_first(a);
        while (f < q->open && tok_is_dash(d, f))
            f++;
        if (f != q->open) {
            qg_trace(d, QG_T_CONT_NOT_OPENING, 0, qi, QG_NONE, QG_NONE, 0);
            continue;
        }
        bool whole_sentence = q->close == QG_NONE || q->close + 1 >= a->last;
        /* Titles of bills and books are capitalized; speech is not. */
        if (caps * 2 >= words || (words < 5 && !whole_sentence)) {
            qg_trace(d, QG_T_CONT_TITLE, 0, qi, QG_NONE, QG_NONE, 0);
            continue;
        }
        draft dr = attr_new_draft(QG_R_QUOTE_UNATTRIBUTED, 300);
        if (prev && prev->kind == QG_STMT_DIRECT && prev->speaker != QG_NONE) {
            uint32_t para_prev = d->sentences.items[a->sent_of[attr_token_at_byte(d, prev->start)]].para;
            uint32_t para_now = d->sentences.items[a->sent].para;
            if ((q->flags & QG_QF_CONTINUED) || para_now <= para_prev + 1) {
                dr.rule = QG_R_QUOTE_CONTINUATION;
                dr.confidence = 750;
                dr.speaker = prev->speaker;
                qg_trace(d, QG_T_CONT_PREVIOUS, dr.rule, qi, prev->start, prev->speaker, 0);
                /* `"A," he said. "B."` in one paragraph: one frame for both */
                if (para_now == para_prev && !(q->flags & QG_QF_CONTINUED)) {
                    dr.source = prev->source;
                    dr.source_end = prev->source_last;
                    dr.joint = prev->source2;
                    dr.cue = (cue){prev->cue_first, prev->cue_last, 0};
                }
            }
        }
        if (dr.rule == QG_R_QUOTE_UNATTRIBUTED)
            qg_trace(d, QG_T_CONT_NO_PREVIOUS, 0, qi, QG_NONE, QG_NONE, 0);
        if (dr.rule == QG_R_QUOTE_UNATTRIBUTED && frame_before_paragraph(a, q, &dr)) {
            dr.rule = QG_R_QUOTE_CONTINUATION;
            dr.confidence = 700;
            qg_trace(d, QG_T_CONT_FRAME_PARAGRAPH, dr.rule, qi, dr.cue.first, dr.source, 0);
        }
        if (dr.rule == QG_R_QUOTE_UNATTRIBUTED && words < 5) {
            qg_trace(d, QG_T_CONT_SHORT, 0, qi, QG_NONE, QG_NONE, 0);
            continue;
        }
        if (dr.rule == QG_R_QUOTE_UNATTRIBUTED)
            qg_trace(d, QG_T_CONT_UNATTRIBUTED, dr.rule, qi, QG_NONE, QG_NONE, 0);
        dr.first = q->open;
        dr.last = q->close != QG_NONE ? q->close + 1 : q->last;
        attr_emit(a, &dr);
    }
}
