/* attr_speech.c - reported speech: a clause or noun phrase after a cue,
 * content before "..., X said", "according to X", relays ("quoted X as
 * saying"), noun cues ("X's claim that") and colons ("Pelosi: ...").
 * Part of the attribution stage (attribution.h). */
#include <stdlib.h>
#include <string.h>

#include "attribution.h"
#include "layout.h"
#include "provenance.h"
#include "tokens.h"

/* Is mention M a relative pronoun ("who", "which")? */
static bool is_relative(const attr *a, uint32_t m)
{
    return (tok_attrs(a->rules, a->doc, a->doc->mentions.items[m].first, QG_LEX_PRONOUN) & QG_PRON_RELATIVE) != 0;
}

/* A cue with its content after it: "X said (that) ...", "X dismissed the
 * idea of ...", participles ", saying ...", "X advised Y not to ...". */
void attr_speech_after_cue(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    /* ", saying ...", "and adding ...", "on Thursday demanding ..." */
    /* (and "slammed for saying ...", "faced criticism after claiming ...":
     * the subject said it) */
    bool participle = (c->attrs & QG_CUE_ING) && c->first > a->first &&
                      (tok_punct(d, c->first - 1) == ',' || qg_tok_is(d, c->first - 1, "and") ||
                       qg_tok_is(d, c->first - 1, "for") || qg_tok_is(d, c->first - 1, "after") ||
                       a->timex_of[c->first - 1] != QG_NONE);
    if ((c->attrs & QG_CUE_ING) && !participle)
        return; /* "speaking", "as saying": handled by their frames */
    /* "We were told that ...": a passive names the addressee, not the speaker */
    uint32_t b = c->first;
    while (b > a->first && attr_is_ly_adverb(a, b - 1))
        b--;
    /* "did not say which sites": nothing was said */
    if (b > a->first && (tok_fn(a->rules, d, b - 1, QG_FN_NEG) || qg_tok_is(d, b - 1, "never")))
        return;
    if (b > a->first && (qg_tok_is(d, b - 1, "was") || qg_tok_is(d, b - 1, "were") || qg_tok_is(d, b - 1, "been") ||
                         qg_tok_is(d, b - 1, "being") || qg_tok_is(d, b - 1, "be")) &&
        !(c->attrs & QG_CUE_BASE))
        return;
    bool has_that = false;
    uint32_t k = attr_content_start(a, c, &has_that);
    if (k >= a->last || (tok(d, k)->flags & QG_TF_SENT_END))
        return;
    /* Inside a quote, speakers talk loosely ("we tell farmers to pray"):
     * only a clear report counts, with "that" or a plain verb of saying. */
    if (a->nested && !has_that && (c->attrs & (QG_CUE_OBJ | QG_CUE_INF | QG_CUE_NP | QG_CUE_WEAK)))
        return;
    /* "We declare that ...", "we have announced that ...": a speaker's own
     * present declaration is part of the quote, not a report of other speech. */
    if (a->nested) {
        uint32_t n = qg_tok_len(d, c->first);
        bool present = (c->attrs & QG_CUE_BASE) || qg_tok_text(d, c->first)[n - 1] == 's' ||
                       (b > a->first && (qg_tok_is(d, b - 1, "have") || qg_tok_is(d, b - 1, "has")));
        if (present)
            return;
    }
    bool directive = false; /* "asked the public not to rush": object + (not) to + verb */
    if (c->attrs & QG_CUE_INF)
        for (uint32_t j = k; j < a->last && j < k + 6 && !directive; j++)
            directive = attr_infinitive_at(a, j) &&
                        j > k;
    if ((c->attrs & QG_CUE_WEAK) && !has_that && !directive && tok(d, k)->kind != QG_TOK_QUOTE &&
        !attr_document_subject(a, c)) {
        /* "called the plan “reckless”": a quote early in the content */
        bool quoted = false;
        for (uint32_t j = k; j < a->last && j < k + 6 && !quoted; j++) {
            cue vc;
            if (tok_punct(d, j) || attr_cue_at(a, j, &vc))
                break; /* "if he would call witnesses, McConnell said, ..." */
            quoted = tok(d, j)->kind == QG_TOK_QUOTE && a->quote_of[j] != QG_NONE &&
                     d->quotes.items[a->quote_of[j]].open == j;
        }
        if (!quoted)
            return;
    }
    bool clause = (c->attrs & (QG_CUE_CLAUSE | QG_CUE_INF)) != 0;
    bool np = (c->attrs & QG_CUE_NP) != 0;
    if (!has_that && !attr_content_opens_np(a, k))
        return;
    if (!clause && !np)
        return;
    draft dr = attr_new_draft(np && !has_that && !(c->attrs & QG_CUE_CLAUSE) ? QG_R_SPEECH_NP : QG_R_SPEECH_CLAUSE,
                         np && !has_that ? 700 : 850);
    if (np && !has_that && (c->attrs & QG_CUE_CLAUSE) && (c->attrs & QG_CUE_NP)) {
        /* "stressed the importance of": a noun phrase, not a clause */
        if (tok_fn(a->rules, d, k, QG_FN_DET) || tok_poss(d, k + 1) ||
            (tok_attrs(a->rules, d, k, QG_LEX_PRONOUN) & QG_PRON_POSSESSIVE)) {
            dr.rule = QG_R_SPEECH_NP;
            dr.confidence = 700;
        }
    }
    dr.cue = *c;
    if (participle) {
        dr.source = attr_clause_subject(a, c->first);
        dr.rule = dr.rule == QG_R_SPEECH_NP ? QG_R_SPEECH_NP : QG_R_SPEECH_PARTICIPLE;
        dr.confidence = 800;
    } else {
        uint32_t joint;
        dr.source = attr_subject_before(a, c->first, &joint);
        dr.source_end = a->np_end;
        dr.joint = joint;
    }
    if (dr.source == QG_NONE && c->first == a->first)
        return; /* "Asked about ...": a sentence-initial participle frame */
    if (dr.source == QG_NONE) {
        /* "the claim by Pompeo" is handled elsewhere; without a subject the
         * cue is not a statement of anyone we can name. */
        return;
    }
    dr.first = k;
    dr.last = attr_clause_end(a, k);
    /* "Salami, who said the enemy would fail, spoke on Monday": the
     * relative clause closes at its comma */
    uint32_t sf = d->mentions.items[dr.source].first;
    if (sf > a->first && tok_punct(d, sf - 1) == ',' && is_relative(a, dr.source))
        for (uint32_t j = k; j < dr.last; j++)
            if (tok_punct(d, j) == ',' && a->quote_of[j] == QG_NONE) {
                dr.last = j;
                break;
            }
    if (dr.last <= dr.first)
        return;
    if (dr.rule == QG_R_SPEECH_NP && attr_anaphoric_np(a, dr.first, dr.last))
        return;
    attr_emit(a, &dr);
}

/* Content before the cue: "..., said the commander", "..., a spokesman said". */
bool attr_speech_before_cue(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    if (c->attrs & (QG_CUE_ING | QG_CUE_FRAME | QG_CUE_NOUN | QG_CUE_PREP))
        return false;
    uint32_t after = attr_skip_fwd(a, c->last);
    uint32_t source = QG_NONE, joint = QG_NONE, source_end = QG_NONE;
    uint32_t comma;
    bool inverted = false;
    uint32_t m;
    if (attr_mention_starts_at(a, after, &m) && c->first > a->first && tok_punct(d, c->first - 1) == ',') {
        /* inverted: ", said the commander of ... Hossein Salami on Thursday" */
        source = m;
        comma = c->first - 1;
        after = attr_skip_fwd(a, d->mentions.items[m].last);
        inverted = true;
    } else {
        source = attr_subject_before(a, c->first, &joint);
        source_end = a->np_end;
        if (source == QG_NONE || a->coordinated)
            return false; /* "X said ... and urged Y": no content before the cue */
        /* "The effort, which has not been reported, is ...": a relative
         * clause about the content's subject, not a frame after it */
        if (is_relative(a, source))
            return false;
        uint32_t sf = d->mentions.items[source].first;
        if (joint != QG_NONE)
            sf = d->mentions.items[joint].first;
        if (sf <= a->first || tok_punct(d, sf - 1) != ',')
            return false;
        comma = sf - 1;
    }
    /* "told staff in a memo on Thursday.": an addressee and where it was said */
    uint32_t am;
    if ((c->attrs & QG_CUE_OBJ) && !inverted && after < a->last && !(tok(d, after)->flags & QG_TF_SENT_END) &&
        (attr_mention_starts_at(a, after, &am) || tok_has(d, after, QG_LEX_GROUP | QG_LEX_PRONOUN) ||
         (tok_lower(d, after) && !tok_has(d, after, QG_LEX_FUNCTION)))) {
        uint32_t j = after;
        while (j < a->last && j < after + 10 && !tok_punct(d, j) && tok(d, j)->kind != QG_TOK_QUOTE &&
               !qg_tok_is(d, j, "that"))
            j++;
        if (j < a->last && (tok(d, j)->flags & QG_TF_SENT_END))
            after = j;
    }
    /* "..., the company disclosed in a securities filing.": where it was said */
    if (!inverted)
        after = attr_frame_tail_end(a, after);
    /* The frame must close the clause: ".", or ", adding ...". */
    if (after < a->last && !(tok(d, after)->flags & QG_TF_SENT_END) && tok_punct(d, after) != ',')
        return false;
    uint32_t start = attr_content_first(a);
    uint32_t at_m;
    if ((c->attrs & QG_CUE_RELAY) && attr_overlaps_statement(a, tok(d, start)->start, tok(d, comma - 1)->end))
        return true; /* "X said ..., the Tribune reported": the frame of X's statement */
    /* "According to X, ..." is its own frame; skip it. */
    if (attr_cue_at(a, start, &(cue){0}) && attr_mention_starts_at(a, start + 2, &at_m))
        start = d->mentions.items[at_m].last + 1;
    if (start >= comma)
        return false;
    draft dr = attr_new_draft(QG_R_SPEECH_CLAUSE_AFTER, 850);
    dr.cue = *c;
    dr.source = source;
    dr.source_end = source_end;
    dr.joint = joint;
    dr.first = start;
    dr.last = comma;
    return attr_emit(a, &dr) != NULL;
}

/* "Xinhua quoted Zhou, chairman of the company, as saying the expansion
 * would ...": the relayed speaker is the object, the content follows. */
bool attr_relay_as_saying(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    uint32_t m;
    cue ing;
    if (qg_tok_is(d, c->last, "as") && attr_cue_at(a, c->last + 1, &ing) && (ing.attrs & QG_CUE_ING)) {
        /* passive: "McConnell was quoted as saying that ..." */
        uint32_t joint;
        uint32_t subj = attr_subject_before(a, c->first, &joint);
        bool has_that = false;
        uint32_t start = attr_content_start(a, &ing, &has_that);
        if (subj == QG_NONE || start >= a->last || (tok(d, start)->flags & QG_TF_SENT_END))
            return false;
        draft dr = attr_new_draft(QG_R_QUOTE_RELAY, 850);
        dr.cue = (cue){c->first, ing.last, c->attrs};
        dr.source = subj;
        dr.source_end = a->np_end;
        dr.first = start;
        dr.last = attr_clause_end(a, start);
        return attr_emit(a, &dr) != NULL;
    }
    if (!attr_mention_starts_at(a, c->last, &m))
        return false;
    const qg_mention *mm = &d->mentions.items[m];
    uint32_t k = mm->last;
    if (mm->appos_last != QG_NONE && tok_punct(d, mm->appos_last) == ',')
        k = mm->appos_last + 1;
    else if (tok_punct(d, k) == ',') {
        /* an appositive without a title: skip to its closing comma */
        uint32_t j = k + 1;
        while (j < a->last && j < k + 12 && tok_punct(d, j) != ',')
            j++;
        k = j + 1;
    }
    if (!qg_tok_is(d, k, "as") || !attr_cue_at(a, k + 1, &ing) || !(ing.attrs & QG_CUE_ING))
        return false;
    bool has_that = false;
    uint32_t start = attr_content_start(a, &ing, &has_that);
    if (start >= a->last || (tok(d, start)->flags & QG_TF_SENT_END))
        return false;
    draft dr = attr_new_draft(QG_R_QUOTE_RELAY, 900);
    dr.cue = (cue){c->first, ing.last, c->attrs};
    dr.source = m;
    dr.first = start;
    dr.last = attr_clause_end(a, start);
    return attr_emit(a, &dr) != NULL;
}

/* "according to X": the rest of the sentence is X's. */
void attr_according_to(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    uint32_t m = QG_NONE, mend, source_end = QG_NONE;
    bool found = attr_mention_starts_at(a, c->last, &m) && !(tok(d, d->mentions.items[m].last)->flags & QG_TF_POSS);
    if (found &&
        !(tok_lower(d, d->mentions.items[m].last) && !tok_has(d, d->mentions.items[m].last, QG_LEX_FUNCTION))) {
        mend = d->mentions.items[m].last;
    } else {
        /* "according to the mayor's budget office": the office, not the mayor */
        /* "according to a large study published on Tuesday, ..." */
        mend = c->last;
        while (mend < a->last && tok_punct(d, mend) != ',' && !(tok(d, mend)->flags & QG_TF_SENT_END))
            mend++;
        /* "according to three people familiar with the talks": an unnamed
         * group keeps its tail in the source span */
        if (found && d->mentions.items[m].kind == QG_MEN_GROUP) /* (not "an inspector general report") */
            source_end = mend;
        else
            m = QG_NONE;
    }
    draft dr = attr_new_draft(QG_R_SPEECH_ACCORDING_TO, m != QG_NONE ? 850 : 600);
    dr.cue = *c;
    dr.source = m;
    dr.source_end = source_end;
    if (c->first == a->first || (c->first == a->first + 1 && tok_is_dash(d, a->first))) {
        /* "According to an official, who spoke on condition of anonymity,
         * the White House ...": the relative clause on the source comes
         * before the content. */
        mend = attr_skip_relative(a, mend);
        dr.first = mend;
        dr.last = attr_clause_end(a, mend + 1);
    } else {
        dr.first = attr_content_first(a);
        dr.last = c->first;
    }
    attr_emit(a, &dr);
}

/* "the claim by X that ...", "X's claim that ...". */
void attr_noun_cue(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    if (!qg_tok_is(d, c->last - 1, "that"))
        return; /* "Dawson's press conference": a frame noun, no content */
    uint32_t source = QG_NONE, m;
    if (c->first > a->first + 1 && tok_poss(d, c->first - 1) && attr_mention_ends_at(a, c->first - 2, &m))
        source = m;
    else if (qg_tok_is(d, c->first + 1, "by") && attr_mention_starts_at(a, c->first + 2, &m))
        source = m;
    if (source == QG_NONE)
        return;
    draft dr = attr_new_draft(QG_R_SPEECH_NOUN, 700);
    dr.cue = (cue){c->first, c->first + 1, c->attrs};
    dr.source = source;
    dr.first = c->last;
    dr.last = attr_clause_end(a, c->last);
    attr_emit(a, &dr);
}

/* "claim by US Secretary of State Mike Pompeo that ...": a noun cue with the
 * source between the noun and "that". */
void attr_claim_by(attr *a, uint32_t i)
{
    qg_doc *d = a->doc;
    uint32_t m;
    if (!(qg_tok_is(d, i, "claim") || qg_tok_is(d, i, "claims") || qg_tok_is(d, i, "assertion")) ||
        !qg_tok_is(d, i + 1, "by") || !attr_mention_starts_at(a, i + 2, &m))
        return;
    uint32_t e = d->mentions.items[m].last;
    if (!qg_tok_is(d, e, "that"))
        return;
    draft dr = attr_new_draft(QG_R_SPEECH_NOUN, 700);
    dr.cue = (cue){i, i + 1, QG_CUE_NOUN};
    dr.source = m;
    dr.first = e + 1;
    dr.last = attr_clause_end(a, e + 1);
    attr_emit(a, &dr);
}

/* A bare colon as the cue: "Pelosi: 'We will not back down'" or, in a
 * headline, "Trump: Iran deal is dead". The source opens the sentence. */
bool attr_colon_cue(attr *a)
{
    qg_doc *d = a->doc;
    uint32_t first = attr_content_first(a), m;
    if (!attr_mention_starts_at(a, first, &m))
        return false;
    const qg_mention *mm = &d->mentions.items[m];
    uint32_t colon = mm->last;
    if (tok_punct(d, colon) != ':' || colon + 1 >= a->last || mm->kind == QG_MEN_PRONOUN)
        return false;
    bool headline = (d->sentences.items[a->sent].flags & QG_SF_HEADLINE) != 0;
    bool quote = tok(d, colon + 1)->kind == QG_TOK_QUOTE;
    uint32_t words = 0;
    for (uint32_t i = colon + 1; i < a->last; i++)
        words += tok_word(d, i) ? 1 : 0;
    if ((!headline && !quote) || words < 3)
        return false;
    draft dr = attr_new_draft(QG_R_SPEECH_COLON, 700);
    dr.source = m;
    dr.cue = (cue){colon, colon + 1, 0};
    dr.first = colon + 1;
    dr.last = a->last;
    return attr_emit(a, &dr) != NULL;
}

/* Headlines: "Iran's missile might not up for negotiations: Army commander". */
void attr_headline_colon(attr *a)
{
    qg_doc *d = a->doc;
    const qg_sentence *s = &d->sentences.items[a->sent];
    if (!(s->flags & QG_SF_HEADLINE))
        return;
    for (uint32_t i = a->first + 2; i + 1 < a->last; i++) {
        uint32_t m;
        if (tok_punct(d, i) == ':' && attr_mention_starts_at(a, i + 1, &m) && d->mentions.items[m].last == a->last) {
            draft dr = attr_new_draft(QG_R_SPEECH_HEADLINE, 600);
            dr.source = m;
            dr.first = a->first;
            dr.last = i;
            attr_emit(a, &dr);
            return;
        }
    }
}

/* ---- passes ---- */
