/* attr_syntax.c - reading the sentence around a cue: which words are cues,
 * what may stand between a subject and its verb, who the subject is, and
 * where reported content starts and ends. Part of the attribution stage
 * (attribution.h). */
#include <stdlib.h>
#include <string.h>

#include "attribution.h"
#include "layout.h"
#include "provenance.h"
#include "tokens.h"

static bool nounlike_before(const attr *a, uint32_t i)
{
    if (i <= a->first)
        return false;
    uint32_t p = i - 1;
    if (tok_poss(a->doc, p))
        return true;
    if (tok_fn(a->rules, a->doc, p, QG_FN_DET) && !qg_tok_is(a->doc, p, "that"))
        return true;
    uint32_t pa = tok_attrs(a->rules, a->doc, p, QG_LEX_PRONOUN);
    if (pa & QG_PRON_POSSESSIVE)
        return true;
    return false;
}

/* "a blog post", "the news report": the base form of a cue after a
 * determiner and a noun is a compound noun, not a verb ("the company
 * wrote" stays a verb: past forms are never nouns). */
static bool compound_noun(const attr *a, uint32_t i, const qg_lex_entry *e)
{
    if (!(e->attrs & QG_CUE_BASE) || !(e->attrs & QG_CUE_NOUNFORM) || i < a->first + 2)
        return false;
    uint32_t p = i - 1, n = qg_tok_len(a->doc, p);
    /* "the authors recommend", "some parents say": a plural subject's verb */
    if (tok_has(a->doc, p, QG_LEX_GROUP) || qg_tok_text(a->doc, p)[n - 1] == 's')
        return false;
    return tok_lower(a->doc, p) && !tok_has(a->doc, p, QG_LEX_FUNCTION | QG_LEX_CUE) &&
           tok_fn(a->rules, a->doc, p - 1, QG_FN_DET);
}

/* The cue starting at token I, if it is used as a cue there. */
/* "went on to say", "goes on to say": the verb of saying is the event */
static bool went_on_to(const attr *a, uint32_t to)
{
    const qg_doc *d = a->doc;
    if (to < a->first + 2 || !qg_tok_is(d, to - 1, "on"))
        return false;
    uint32_t v = to - 2;
    return qg_tok_is(d, v, "went") || qg_tok_is(d, v, "go") || qg_tok_is(d, v, "goes") || qg_tok_is(d, v, "going") ||
           qg_tok_is(d, v, "gone");
}

bool attr_cue_at(const attr *a, uint32_t i, cue *c)
{
    const qg_doc *d = a->doc;
    if (i >= a->last || !tok_has(d, i, QG_LEX_CUE | QG_LEX_PHRASE) || tok(d, i)->kind != QG_TOK_WORD)
        return false;
    const qg_lex_entry *e = qg_rules_phrase(a->rules, d, i, a->last, QG_LEX_CUE);
    if (!e)
        return false;
    c->first = i;
    c->last = i + e->ntok;
    c->attrs = e->attrs;
    /* Inside a name ("United States", "the Post") a cue word is no verb;
     * nor is a capitalized one in mid-sentence. */
    uint32_t m = a->mention_of[i];
    if (m != QG_NONE && d->mentions.items[m].kind != QG_MEN_PRONOUN)
        return false;
    if ((tok(d, i)->flags & QG_TF_CAP) && i > a->first && tok(d, i - 1)->kind != QG_TOK_QUOTE &&
        !(d->sentences.items[a->sent].flags & QG_SF_HEADLINE) && !(e->attrs & QG_CUE_PREP))
        return false;
    /* "declined to comment", "urged the council to reject": infinitives
     * report no speech event of their own. */
    if (i > a->first && qg_tok_is(d, i - 1, "to") && !(e->attrs & (QG_CUE_NOUN | QG_CUE_PREP)) &&
        !(i > a->first + 1 && tok_fn(a->rules, d, i - 2, QG_FN_AUX))) {
        if (!went_on_to(a, i - 1))
            return false; /* but "is expected to say" reports a speech to come */
        c->first = i - 3; /* "went on to say": one cue, its subject before "went" */
    }
    /* "his remarks", "the claim": nouns, unless a noun cue. */
    if (!(e->attrs & (QG_CUE_NOUN | QG_CUE_PREP)) && (nounlike_before(a, i) || compound_noun(a, i, e)))
        return false;
    if ((e->attrs & QG_CUE_NOUN) && !(e->ntok > 1))
        return false; /* statement, interview: frames, not cues of their own */
    return true;
}

/* The cue whose last token is B (phrases up to four words), if any. */
bool attr_cue_ending_at(const attr *a, uint32_t b, cue *c)
{
    for (uint32_t back = 0; back < 4 && b >= a->first + back; back++)
        if (attr_cue_at(a, b - back, c) && c->last == b + 1)
            return true;
    return false;
}

/* ---- spans and skipping ---- */

bool attr_is_ly_adverb(const attr *a, uint32_t i)
{
    uint32_t n = qg_tok_len(a->doc, i);
    const char *s = qg_tok_text(a->doc, i);
    return tok_lower(a->doc, i) && n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y';
}

static bool is_adjunct(const attr *a, uint32_t i)
{
    return tok_fn(a->rules, a->doc, i, QG_FN_AUX | QG_FN_ADV | QG_FN_NEG) || attr_is_ly_adverb(a, i);
}

bool attr_is_prep(const attr *a, uint32_t i)
{
    return tok_fn(a->rules, a->doc, i, QG_FN_PREP);
}

/* Walks left from I (exclusive) over auxiliaries, adverbs and date phrases
 * ("has also", "on Friday", "In comments last month"). */
uint32_t attr_skip_back(const attr *a, uint32_t i)
{
    while (i > a->first) {
        uint32_t p = i - 1;
        if (is_adjunct(a, p)) {
            i = p;
        } else if (qg_tok_is(a->doc, p, "to") && p > a->first && tok_fn(a->rules, a->doc, p - 1, QG_FN_AUX)) {
            i = p; /* "is expected to say" */
        } else if (a->timex_of[p] != QG_NONE) {
            i = a->doc->timexes.items[a->timex_of[p]].first;
            if (i > a->first && attr_is_prep(a, i - 1))
                i--;
        } else {
            /* a short prepositional phrase after an auxiliary: "have on several occasions" */
            uint32_t k = p, steps = 0;
            while (k > a->first && steps < 4 && tok_lower(a->doc, k) && !attr_is_prep(a, k) &&
                   !tok_has(a->doc, k, QG_LEX_CUE)) {
                k--;
                steps++;
            }
            if (steps > 0 && attr_is_prep(a, k) && k > a->first && is_adjunct(a, k - 1))
                i = k;
            else
                break;
        }
    }
    return i;
}

/* Skips right over date phrases and adverbs after a cue: "said on Sunday that". */
/* "to fight", "to “finish the job”": an infinitive starts at I */
bool attr_infinitive_at(const attr *a, uint32_t i)
{
    const qg_doc *d = a->doc;
    if (!qg_tok_is(d, i, "to"))
        return false;
    uint32_t v = i + 1;
    if (v < a->last && tok(d, v)->kind == QG_TOK_QUOTE && a->quote_of[v] != QG_NONE &&
        d->quotes.items[a->quote_of[v]].open == v)
        v++;
    return v < a->last && tok_lower(d, v) && !tok_has(d, v, QG_LEX_FUNCTION);
}

uint32_t attr_skip_fwd(const attr *a, uint32_t i)
{
    while (i < a->last) {
        if (a->timex_of[i] != QG_NONE) {
            i = a->doc->timexes.items[a->timex_of[i]].last;
        } else if (attr_is_prep(a, i) && i + 1 < a->last && a->timex_of[i + 1] != QG_NONE &&
                   !qg_tok_is(a->doc, i, "that")) {
            i++;
        } else if (is_adjunct(a, i) && !tok_fn(a->rules, a->doc, i, QG_FN_AUX)) {
            i++;
        } else {
            break;
        }
    }
    return i;
}

uint32_t attr_skip_relative(const attr *a, uint32_t i)
{
    const qg_doc *d = a->doc;
    if (tok_punct(d, i) != ',' || !(tok_attrs(a->rules, d, i + 1, QG_LEX_PRONOUN) & QG_PRON_RELATIVE))
        return i;
    uint32_t k = i + 2;
    while (k < a->last && tok_punct(d, k) != ',' && !(tok(d, k)->flags & QG_TF_SENT_END) &&
           tok(d, k)->kind != QG_TOK_QUOTE)
        k++;
    return k < a->last && tok_punct(d, k) == ',' ? k : i;
}

/* Where a frame's tail after cue word I ends when it only says where or
 * how the words were said: "in a statement posted on Instagram.", "at a
 * news conference Sunday night." Returns the sentence end it reaches, or
 * I itself when anything else follows. */
uint32_t attr_frame_tail_end(const attr *a, uint32_t i)
{
    const qg_doc *d = a->doc;
    uint32_t after = attr_skip_fwd(a, i);
    if (after < a->last && attr_is_prep(a, after) && !qg_tok_is(d, after, "that") && !qg_tok_is(d, after, "to")) {
        uint32_t j = after + 1;
        cue other;
        /* a verb of saying ends the tail, unless it follows a noun cue
         * ("a statement posted on") */
        while (j < a->last && j < after + 12 && !tok_punct(d, j) && tok(d, j)->kind != QG_TOK_QUOTE &&
               !qg_tok_is(d, j, "that") &&
               !(attr_cue_at(a, j, &other) && !(other.attrs & QG_CUE_NOUN) &&
                 !(tok_attrs(a->rules, d, j - 1, QG_LEX_CUE) & QG_CUE_NOUN)))
            j++;
        if (j < a->last && (tok(d, j)->flags & QG_TF_SENT_END))
            return j;
    }
    return after < a->last && (tok(d, after)->flags & QG_TF_SENT_END) ? after : i;
}

bool attr_mention_ends_at(const attr *a, uint32_t p, uint32_t *m)
{
    uint32_t k = a->mention_of[p];
    if (k == QG_NONE || a->doc->mentions.items[k].last != p + 1)
        return false;
    *m = k;
    return true;
}

bool attr_mention_starts_at(const attr *a, uint32_t i, uint32_t *m)
{
    if (i >= a->last)
        return false;
    uint32_t k = a->mention_of[i];
    if (k == QG_NONE || a->doc->mentions.items[k].first != i)
        return false;
    *m = k;
    return true;
}

/* If P closes a short parenthetical ("(D-Calif.)", "(IRGC)"), the token
 * before its opening bracket; else P. */
static uint32_t skip_paren_back(const attr *a, uint32_t p)
{
    if (p == QG_NONE || p <= a->first || tok_punct(a->doc, p) != ')')
        return p;
    for (uint32_t k = p; k > a->first && p - k < 10; k--)
        if (tok_punct(a->doc, k) == '(')
            return k - 1;
    return p;
}

/* "Carl Whitaker of Arizona", "officials in Colombo": a mention inside a
 * prepositional phrase hangs on the mention before the preposition. */
static uint32_t attached_subject(const attr *a, uint32_t m)
{
    const qg_doc *d = a->doc;
    const qg_mention *mm = &d->mentions.items[m];
    uint32_t f = mm->first, outer;
    if (f >= a->first + 2 && (qg_tok_is(d, f - 1, "of") || qg_tok_is(d, f - 1, "in") ||
                              qg_tok_is(d, f - 1, "from") || qg_tok_is(d, f - 1, "at") ||
                              qg_tok_is(d, f - 1, "by")) &&
        attr_mention_ends_at(a, f - 2, &outer) && d->mentions.items[outer].kind != QG_MEN_PRONOUN)
        return outer;
    /* "Republicans in the state House": the preposition a few words back */
    for (uint32_t k = f; k > a->first + 1 && f - k < 3; k--) {
        if ((qg_tok_is(d, k - 1, "in") || qg_tok_is(d, k - 1, "of") || qg_tok_is(d, k - 1, "from")) &&
            attr_mention_ends_at(a, k - 2, &outer) && d->mentions.items[outer].kind == QG_MEN_GROUP)
            return outer;
        if (!tok_word(d, k - 1) || tok_has(d, k - 1, QG_LEX_CUE))
            break;
    }
    /* "aides to the mayor", "an adviser to the president", "officials with
     * the Department of Housing" */
    if (f >= a->first + 2 && (qg_tok_is(d, f - 1, "to") || qg_tok_is(d, f - 1, "for") || qg_tok_is(d, f - 1, "with")) &&
        attr_mention_ends_at(a, f - 2, &outer) &&
        (d->mentions.items[outer].kind == QG_MEN_GROUP || d->mentions.items[outer].kind == QG_MEN_NOMINAL))
        return outer;
    return m;
}

/* A subject noun phrase with a prepositional tail that holds no mention:
 * "Leaders of several tribal nations in the basin have said". */
static uint32_t pp_subject(const attr *a, uint32_t p)
{
    const qg_doc *d = a->doc;
    for (uint32_t k = p; k > a->first && p - k < 8; k--) {
        if (tok_punct(d, k) || tok(d, k)->kind == QG_TOK_QUOTE || tok_has(d, k, QG_LEX_CUE))
            return QG_NONE;
        uint32_t m;
        if (!attr_is_prep(a, k) || qg_tok_is(d, k, "that") || qg_tok_is(d, k, "to") || k == p)
            continue;
        /* "a source familiar with the talks": one adjective may come first */
        if (attr_mention_ends_at(a, k - 1, &m) ||
            (k >= a->first + 2 && tok_lower(a->doc, k - 1) && !tok_has(a->doc, k - 1, QG_LEX_FUNCTION) &&
             attr_mention_ends_at(a, k - 2, &m)))
            if (d->mentions.items[m].kind != QG_MEN_PRONOUN)
                return m;
    }
    return QG_NONE;
}

/* "But emails obtained by Mother Jones through a records request show":
 * a group or document opening the clause, with no punctuation or other
 * verb of saying before the cue, is its subject. */
static uint32_t opening_group(const attr *a, uint32_t c)
{
    const qg_doc *d = a->doc;
    uint32_t i = a->first;
    while (i < c && (tok_fn(a->rules, d, i, QG_FN_CONJ | QG_FN_ADV) || tok_is_dash(d, i)))
        i++;
    uint32_t m;
    if (!attr_mention_starts_at(a, i, &m) || d->mentions.items[m].kind != QG_MEN_GROUP || c - i > 16)
        return QG_NONE;
    for (uint32_t k = d->mentions.items[m].last; k < c; k++)
        if (tok_punct(d, k) || tok(d, k)->kind == QG_TOK_QUOTE || tok_has(d, k, QG_LEX_CUE))
            return QG_NONE;
    return m;
}

/* "Several residents who spoke during the hearing urged": the mention
 * before a relative "who" whose clause runs up to the cue. The relative
 * clause is left out of the source, as appositives are. */
static uint32_t relative_subject(const attr *a, uint32_t p)
{
    const qg_doc *d = a->doc;
    for (uint32_t k = p; k > a->first && p - k < 16; k--) {
        if (tok_punct(d, k) || tok(d, k)->kind == QG_TOK_QUOTE || tok_has(d, k, QG_LEX_CUE))
            return QG_NONE;
        uint32_t m;
        if ((qg_tok_is(d, k, "who") || qg_tok_is(d, k, "that")) && attr_mention_ends_at(a, k - 1, &m) &&
            d->mentions.items[m].kind != QG_MEN_PRONOUN)
            return m;
    }
    return QG_NONE;
}

/* The subject of the cue starting at C: the mention right before it, past
 * adjuncts, an appositive or a relative clause. *JOINT gets the first of
 * "X and Y said". Returns a mention index or QG_NONE. */
uint32_t attr_subject_before(attr *a, uint32_t c, uint32_t *joint)
{
    *joint = QG_NONE;
    a->np_end = QG_NONE;
    a->coordinated = false;
    uint32_t i = attr_skip_back(a, c);
    if (i <= a->first)
        return QG_NONE;
    uint32_t p = i - 1, m;
    /* `The senator, speaking on CNN's "State of the Union," said`: a comma
     * inside a closing quote mark still closes the insertion */
    if (p > a->first && tok(a->doc, p)->kind == QG_TOK_QUOTE && tok_punct(a->doc, p - 1) == ',')
        p--;
    /* "stressed that ... and insisted that": coordinated verbs share the subject. */
    if (qg_tok_is(a->doc, p, "and") || qg_tok_is(a->doc, p, "but")) {
        a->coordinated = true;
        return attr_clause_subject(a, p);
    }
    /* "Smith, a spokesman, said", "Okafor, D-Calif., who sits on ..., said",
     * "Hadley, 84, who has volunteered ..., said": hop back over up to three
     * comma-delimited insertions to the mention before them. */
    for (int hops = 0; hops < 3 && tok_punct(a->doc, p) == ','; hops++) {
        if (a->appos_owner[p] != QG_NONE)
            return a->appos_owner[p];
        uint32_t k = p;
        while (k > a->first && p - k < 30 && tok_punct(a->doc, k - 1) != ',' &&
               !((tok(a->doc, k - 1)->flags & QG_TF_SENT_END) && tok_punct(a->doc, k) != ','))
            k--;
        if (k <= a->first + 1 || tok_punct(a->doc, k - 1) != ',')
            return QG_NONE;
        uint32_t close = p;
        p = skip_paren_back(a, k - 2); /* the token before the opening comma */
        if (attr_mention_ends_at(a, p, &m))
            return attached_subject(a, m);
        /* "Clearpath's co-owner, Martin Sills, said": a name set off after
         * an unnamed role is the subject */
        if (attr_mention_ends_at(a, close - 1, &m) && a->doc->mentions.items[m].first == k &&
            a->doc->mentions.items[m].kind == QG_MEN_NAME && tok_lower(a->doc, p))
            return m;
        p = k - 1;
    }
    if (tok_punct(a->doc, p) == ',')
        return QG_NONE;
    p = skip_paren_back(a, p); /* "Schiff (D-Calif.) said" */
    /* A subject with a tail ("officials in Colombo", "a source familiar
     * with the talks") keeps the tail in its source span. */
    /* "A poll released Tuesday shows": a participle after the subject */
    if (!attr_mention_ends_at(a, p, &m) && p > a->first && tok_lower(a->doc, p) && qg_tok_len(a->doc, p) > 4 &&
        memcmp(qg_tok_text(a->doc, p) + qg_tok_len(a->doc, p) - 2, "ed", 2) == 0 &&
        attr_mention_ends_at(a, p - 1, &m)) {
        a->np_end = i;
        return m;
    }
    if (!attr_mention_ends_at(a, p, &m)) {
        uint32_t g = opening_group(a, c);
        if (g != QG_NONE) {
            a->np_end = i;
            return g;
        }
        m = pp_subject(a, p);
        if (m != QG_NONE) {
            a->np_end = i;
            return m;
        }
        return relative_subject(a, p);
    }
    /* "A source close to Reyes told", "officials in Colombo said": the
     * unnamed group, not the name in its tail */
    uint32_t f = a->doc->mentions.items[m].first, g;
    if (f >= a->first + 2 && attr_is_prep(a, f - 1) && !qg_tok_is(a->doc, f - 1, "that") &&
        (attr_mention_ends_at(a, f - 2, &g) ||
         (f >= a->first + 3 && tok_lower(a->doc, f - 2) && !tok_has(a->doc, f - 2, QG_LEX_FUNCTION) &&
          attr_mention_ends_at(a, f - 3, &g))) &&
        (a->doc->mentions.items[g].kind == QG_MEN_GROUP || a->doc->mentions.items[g].kind == QG_MEN_NOMINAL)) {
        a->np_end = i;
        return g;
    }
    uint32_t inner = m;
    m = attached_subject(a, m);
    if (m != inner)
        a->np_end = i;
    const qg_mention *mm = &a->doc->mentions.items[m];
    uint32_t other;
    if (mm->first >= a->first + 2 && qg_tok_is(a->doc, mm->first - 1, "and") &&
        attr_mention_ends_at(a, mm->first - 2, &other) &&
        a->doc->mentions.items[other].kind != QG_MEN_ORG)
        *joint = other;
    return m;
}

/* Where the content starting at FROM ends (exclusive): at the sentence's
 * final punctuation, or before a new frame: ", saying", ", according to",
 * ", the agency reported", ", which ...", "and insisted that". */
/* "asked the public not to rush": a directive cue, its addressee and an
 * infinitive within a few words */
static bool directive_after(const attr *a, const cue *c)
{
    if (!(c->attrs & QG_CUE_INF))
        return false;
    for (uint32_t j = c->last + 1; j < a->last && j < c->last + 6; j++)
        if (attr_infinitive_at(a, j))
            return true;
    return false;
}

/* Does a speaker and a verb of saying start at N ("the American Red Cross
 * said", "several conservatives have said")? */
static bool speaker_clause_at(const attr *a, uint32_t n)
{
    const qg_doc *d = a->doc;
    uint32_t m;
    cue c;
    if (!attr_mention_starts_at(a, n, &m))
        return false;
    uint32_t k = attr_skip_fwd(a, d->mentions.items[m].last);
    while (k < a->last && tok_fn(a->rules, d, k, QG_FN_AUX | QG_FN_ADV))
        k++;
    return attr_cue_at(a, k, &c) && !(c.attrs & (QG_CUE_NOUN | QG_CUE_PREP | QG_CUE_ING));
}

/* Does the comma at I close an appositive opened in the content ("that the
 * analyst, a 12-year veteran of the bureau, wrote ..."), so that the verb
 * after it is the content's own? */
static bool closes_appositive(const attr *a, uint32_t from, uint32_t i)
{
    const qg_doc *d = a->doc;
    uint32_t p = i;
    while (p > from && tok_punct(d, p - 1) != ',')
        p--;
    if (p <= from + 1 || p >= i)
        return false;
    return tok_fn(a->rules, d, p, QG_FN_DET) && !qg_tok_is(d, p, "that");
}

uint32_t attr_clause_end(const attr *a, uint32_t from)
{
    const qg_doc *d = a->doc;
    uint32_t i = from;
    while (i < a->last) {
        uint32_t q = a->quote_of[i];
        if (q != QG_NONE && d->quotes.items[q].open == i) {
            const qg_quote *qq = &d->quotes.items[q];
            uint32_t end = qq->close != QG_NONE ? qq->close + 1 : qq->last;
            while (qq->parent != QG_NONE && d->quotes.items[qq->parent].open >= from)
                qq = &d->quotes.items[qq->parent];
            i = end > i ? end : i + 1;
            continue;
        }
        char p = tok_punct(d, i);
        if (p == ';' || (p == ':' && i > from + 2))
            return i;
        if (p == ',' || tok_is_dash(d, i)) {
            uint32_t n = i + 1;
            cue c;
            if (attr_cue_at(a, n, &c) && ((c.attrs & QG_CUE_ING) || (c.attrs & QG_CUE_PREP)))
                return i;
            /* "who has urged the bank to slow, said on Tuesday that ...": the
             * relative clause ends and the main clause's verb follows */
            /* (", called NVT-210," names a thing: a weak cue does not end it) */
            if (attr_cue_at(a, n, &c) && !(c.attrs & (QG_CUE_NOUN | QG_CUE_FRAME | QG_CUE_WEAK)) &&
                !closes_appositive(a, from, i))
                return i;
            /* ", which lawmakers approved" stays in the content; ", in which he
             * reiterated" and ", while ..." start clauses of their own. */
            if (qg_tok_is(d, n, "while") || qg_tok_is(d, n, "whereas") || qg_tok_is(d, n, "without") ||
                (qg_tok_is(d, n, "in") && (qg_tok_is(d, n + 1, "what") || qg_tok_is(d, n + 1, "which"))))
                return i;
            /* ", though several conservatives said they ...": a new report */
            if ((qg_tok_is(d, n, "though") || qg_tok_is(d, n, "although") || qg_tok_is(d, n, "while") ||
                 qg_tok_is(d, n, "as") || qg_tok_is(d, n, "but")) &&
                speaker_clause_at(a, n + 1))
                return i;
            /* ", the semi-official Mehr news agency reported." */
            uint32_t m;
            if (attr_mention_starts_at(a, n, &m)) {
                uint32_t after = attr_skip_fwd(a, d->mentions.items[m].last);
                cue c2;
                if (attr_cue_at(a, after, &c2)) {
                    uint32_t e = attr_frame_tail_end(a, c2.last);
                    if (e >= a->last || tok(d, e)->flags & QG_TF_SENT_END)
                        return i;
                }
            }
        }
        if (qg_tok_is(d, i, "and") || qg_tok_is(d, i, "but")) {
            uint32_t n = i + 1;
            while (n < a->last && is_adjunct(a, n))
                n++;
            cue c;
            if (attr_cue_at(a, n, &c) && !(c.attrs & (QG_CUE_ING | QG_CUE_NOUN | QG_CUE_PREP)) &&
                (!(c.attrs & QG_CUE_WEAK) || qg_tok_is(d, c.last, "that") || directive_after(a, &c)))
                return i;
            /* ", and the American Red Cross said ...": a new speaker's clause */
            if (speaker_clause_at(a, n))
                return i > from && tok_punct(d, i - 1) == ',' ? i - 1 : i;
        }
        if ((tok(d, i)->flags & QG_TF_SENT_END) && q == QG_NONE)
            return i;
        /* `"the goal but not the method," while a coalition ...` */
        if (i > from && (qg_tok_is(d, i, "while") || qg_tok_is(d, i, "whereas")) &&
            tok(d, i - 1)->kind == QG_TOK_QUOTE)
            return i;
        i++;
    }
    return a->last;
}

/* ---- statements ---- */

/* The main subject of the sentence for a participle cue (", saying"): the
 * source of the previous statement in the sentence, else its first mention. */
uint32_t attr_clause_subject(const attr *a, uint32_t before)
{
    const qg_doc *d = a->doc;
    for (uint32_t k = d->statements.count; k-- > 0;) {
        const qg_statement *s = &d->statements.items[k];
        if (s->source == QG_NONE || s->rule == QG_R_SPEECH_ACCORDING_TO)
            continue;
        uint32_t t = d->mentions.items[s->source].first;
        if (t < before && a->sent_of[t] == a->sent)
            return s->source;
        if (a->sent_of[t] != a->sent)
            break;
    }
    /* (inside a quote, the words of the same quote: "He looked at me and
     * said, '...'") */
    for (uint32_t i = attr_content_first(a); i < before; i++) {
        uint32_t m = a->mention_of[i];
        if (m != QG_NONE && a->quote_of[i] == a->quote_of[before] && !(i > a->first && attr_is_prep(a, i - 1)) &&
            !tok_poss(d, d->mentions.items[m].last)) {
            /* an unresolved pronoun names no one, except as the frame of a
             * quote inside a quote, where its statement still counts */
            uint32_t k = d->mentions.items[m].kind;
            if (k != QG_MEN_PRONOUN || d->mentions.items[m].entity != QG_NONE || a->nested)
                return m;
        }
    }
    return QG_NONE;
}

/* ---- direct quotes ---- */

/* Content after a cue: skips an addressee (told reporters), dates, "that". */
uint32_t attr_content_start(const attr *a, const cue *c, bool *has_that)
{
    const qg_doc *d = a->doc;
    uint32_t k = attr_skip_fwd(a, c->last);
    *has_that = false;
    if ((c->attrs & QG_CUE_OBJ) && !(c->attrs & QG_CUE_INF) && !qg_tok_is(d, k, "that")) {
        uint32_t m, obj = k;
        if (attr_mention_starts_at(a, k, &m)) {
            k = d->mentions.items[m].last;
        } else {
            /* "told the council that", "told reporters at a briefing that" */
            uint32_t j = k;
            while (j < a->last && j < k + 8 && !qg_tok_is(d, j, "that") && !tok_punct(d, j) &&
                   tok(d, j)->kind != QG_TOK_QUOTE)
                j++;
            bool frame_end = j < a->last && j <= k + 4 &&
                             (tok_punct(d, j) == ',' || tok_punct(d, j) == ':' || tok(d, j)->kind == QG_TOK_QUOTE);
            if ((j < a->last && qg_tok_is(d, j, "that")) || frame_end)
                k = j;
            else if (!tok_fn(a->rules, d, k, QG_FN_DET))
                k++; /* "told lawmakers the ...": a one-word addressee */
            /* else "warned the cuts could hurt ...": no addressee at all */
        }
        k = attr_skip_fwd(a, k);
        /* "warned residents against running generators": the object and its
         * complement are the content */
        if (qg_tok_is(d, k, "against") || qg_tok_is(d, k, "of"))
            k = obj;
    }
    /* "vowed to fight ...": an infinitive is the content, not a frame */
    bool infinitive = attr_infinitive_at(a, k);
    /* "said in a statement it ...": skip a frame ending in a noun cue */
    if (attr_is_prep(a, k) && !qg_tok_is(d, k, "that") && !infinitive) {
        for (uint32_t j = k + 1; j < a->last && j < k + 6; j++) {
            if (tok_punct(d, j) || tok(d, j)->kind == QG_TOK_QUOTE)
                break;
            const qg_lex_entry *e = qg_rules_phrase(a->rules, d, j, a->last, QG_LEX_CUE);
            if (e && (e->attrs & QG_CUE_NOUN) && e->ntok == 1) {
                k = j + 1;
                uint32_t m; /* "with CNN", "to reporters" */
                if ((qg_tok_is(d, k, "with") || qg_tok_is(d, k, "to") || qg_tok_is(d, k, "on") ||
                     qg_tok_is(d, k, "for")) &&
                    attr_mention_starts_at(a, k + 1, &m))
                    k = d->mentions.items[m].last;
                k = attr_skip_fwd(a, k);
                break;
            }
        }
    }
    /* "said in a statement that", "said in an interview with CNN that" */
    if (attr_is_prep(a, k) && !qg_tok_is(d, k, "that") && !infinitive) {
        for (uint32_t j = k + 1; j < a->last && j < k + 9; j++) {
            if (qg_tok_is(d, j, "that") || tok_punct(d, j) == ',' || tok_punct(d, j) == ':') {
                k = j;
                break;
            }
            if (tok(d, j)->flags & QG_TF_SENT_END) {
                k = a->last;
                break;
            }
        }
    }
    /* `said, "..."` and `said: "..."`; a comma before anything else ends the
     * clause ("the money conservatives have demanded, an aide said") */
    if ((tok_punct(d, k) == ',' || tok_punct(d, k) == ':') && k + 1 < a->last &&
        (tok(d, k + 1)->kind == QG_TOK_QUOTE || (c->attrs & QG_CUE_ING) || tok_punct(d, k) == ':'))
        k++;
    if (qg_tok_is(d, k, "that") && (c->attrs & (QG_CUE_CLAUSE | QG_CUE_NOUN))) {
        /* "rejected that criticism and said ...": "that" + a noun is a
         * demonstrative when the clause ends right after it */
        uint32_t n = k + 1;
        while (n < a->last && n < k + 4 && tok_word(d, n) && !qg_tok_is(d, n, "and") && !qg_tok_is(d, n, "but"))
            n++;
        uint32_t v = n + 1; /* after "and": is a new verb coming? */
        while (v < a->last && attr_is_ly_adverb(a, v))
            v++;
        /* "that claim, saying ..." ends the clause; "that inflation, which
         * excludes food, had risen" goes on after the comma */
        cue ing;
        bool comma_ends = tok_punct(d, n) == ',' && n + 1 < a->last &&
                          ((attr_cue_at(a, n + 1, &ing) && (ing.attrs & QG_CUE_ING)) || qg_tok_is(d, n + 1, "and") ||
                           qg_tok_is(d, n + 1, "but") || qg_tok_is(d, n + 1, "as") || qg_tok_is(d, n + 1, "while"));
        bool demonstrative = n <= k + 3 &&
                             (n >= a->last || (tok_punct(d, n) && tok_punct(d, n) != ',') || comma_ends ||
                              (tok(d, n)->flags & QG_TF_SENT_END) ||
                              ((qg_tok_is(d, n, "and") || qg_tok_is(d, n, "but")) && tok_has(d, v, QG_LEX_CUE)));
        if (!demonstrative) {
            *has_that = true;
            k++;
        }
    }
    return k;
}

bool attr_content_opens_np(const attr *a, uint32_t k)
{
    const qg_doc *d = a->doc;
    if (k >= a->last)
        return false;
    const qg_token *t = tok(d, k);
    /* indirect questions: "asked whether ...", "did not say how ..." */
    if (qg_tok_is(d, k, "whether") || qg_tok_is(d, k, "if") || qg_tok_is(d, k, "why") ||
        qg_tok_is(d, k, "how") || qg_tok_is(d, k, "what") || qg_tok_is(d, k, "when"))
        return tok_word(d, k + 1);
    /* "at least 40 civilians were killed", "more than half": quantities */
    if ((qg_tok_is(d, k, "at") && qg_tok_is(d, k + 1, "least")) ||
        ((qg_tok_is(d, k, "about") || qg_tok_is(d, k, "nearly") || qg_tok_is(d, k, "around")) &&
         tok(d, k + 1)->kind == QG_TOK_NUMBER))
        return true;
    /* "threatened to strike": an infinitive, not "said to the crowd" */
    if (attr_infinitive_at(a, k))
        return true;
    if (t->kind == QG_TOK_QUOTE || t->kind == QG_TOK_NUMBER)
        return true;
    if (t->kind != QG_TOK_WORD)
        return false;
    if (tok_fn(a->rules, d, k, QG_FN_PREP | QG_FN_SUBORD | QG_FN_CONJ))
        return false;
    return true;
}

/* Is the subject of cue C a document ("the study found", "data showed")?
 * Documents report without "that" more than people do. */
bool attr_document_subject(attr *a, const cue *c)
{
    uint32_t joint;
    uint32_t m = attr_subject_before(a, c->first, &joint);
    if (m == QG_NONE || a->doc->mentions.items[m].kind != QG_MEN_GROUP)
        return false;
    uint32_t h = a->doc->mentions.items[m].head;
    return h != QG_NONE && (tok_attrs(a->rules, a->doc, h, QG_LEX_GROUP) & QG_GROUP_DOCUMENT);
}

/* "the accusations", "the case in March 2023": a short definite noun
 * phrase names a topic already mentioned, not what was said. */
bool attr_anaphoric_np(const attr *a, uint32_t first, uint32_t last)
{
    const qg_doc *d = a->doc;
    uint32_t pm = a->mention_of[first];
    if (pm != QG_NONE && d->mentions.items[pm].kind == QG_MEN_NAME && d->mentions.items[pm].last >= last)
        return true; /* "praised Smith" */
    if (!tok_fn(a->rules, d, first, QG_FN_DET) || qg_tok_is(d, first, "a") || qg_tok_is(d, first, "an"))
        return false;
    /* "slammed the senator in a post on X": the frame is no content */
    for (uint32_t i = first + 1; i + 1 < last; i++) {
        const qg_lex_entry *e = attr_is_prep(a, i) ? NULL : qg_rules_phrase(a->rules, d, i, last, QG_LEX_CUE);
        if (e && i >= first + 2 && attr_is_prep(a, i - 2) && tok_fn(a->rules, d, i - 1, QG_FN_DET)) {
            last = i - 2;
            break;
        }
    }
    /* "slammed the senator", "ripped Gov. Ellery on Wednesday over her plan":
     * a person is the target, not what was said */
    uint32_t m = a->mention_of[first];
    if (m != QG_NONE && (a->doc->mentions.items[m].kind == QG_MEN_NAME ||
                         a->doc->mentions.items[m].kind == QG_MEN_NOMINAL)) {
        uint32_t after = attr_skip_fwd(a, a->doc->mentions.items[m].last);
        if (after >= last || attr_is_prep(a, after))
            return true;
    }
    uint32_t words = 0;
    for (uint32_t i = first; i < last; i++) {
        if (a->timex_of[i] != QG_NONE || (attr_is_prep(a, i) && a->timex_of[i + 1] != QG_NONE))
            continue;
        if (tok(d, i)->kind == QG_TOK_QUOTE || qg_tok_is(d, i, "of") || qg_tok_is(d, i, "that"))
            return false;
        if (tok(d, i)->kind == QG_TOK_WORD)
            words++;
    }
    return words <= 3;
}

/* The first token of the sentence's own words, after a wire dateline
 * ("WASHINGTON (AP) —", pattern `dateline` in rules/patterns.txt). */
uint32_t attr_content_first(const attr *a)
{
    const qg_doc *d = a->doc;
    if (!(d->sentences.items[a->sent].flags & QG_SF_PARA_START) || !(tok(d, a->first)->flags & QG_TF_UPPER))
        return a->first;
    const pcre2_code *re = qg_rules_pattern(a->rules, "dateline");
    uint32_t from = tok(d, a->first)->start;
    int rc = pcre2_match(re, (PCRE2_SPTR)d->text, d->len, from, PCRE2_ANCHORED, a->match, a->limits);
    if (rc < 1)
        return a->first;
    uint32_t end = (uint32_t)pcre2_get_ovector_pointer(a->match)[1];
    uint32_t i = a->first;
    while (i < a->last && tok(d, i)->start < end)
        i++;
    return i < a->last ? i : a->first;
}

/* The token that starts at or after byte B (binary search). */
uint32_t attr_token_at_byte(const qg_doc *d, uint32_t b)
{
    uint32_t lo = 0, hi = d->tokens.count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->tokens.items[mid].end <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void attr_set_sentence(attr *a, uint32_t si)
{
    a->sent = si;
    a->first = a->doc->sentences.items[si].first;
    a->last = a->doc->sentences.items[si].last;
}
