/* attribution.c - finds statements and links each to its source, cue,
 * speaker, date and relaying outlet, through the conventions of news:
 * quote frames before and after ("...," he said / said X / X said: "..."),
 * reported clauses and content noun phrases after a cue, participles that
 * share their clause's subject (", saying ..."), "according to X", relays
 * ("Mehr quoted X as saying"), continuation quotes and headline colons.
 * Reads: tokens, sentences, timexes, quotes, mentions, entities.
 * Adds: statements, sorted by content start. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "provenance.h"
#include "stage.h"
#include "tokens.h"

typedef struct {
    qg_doc *doc;
    const qg_rules *rules;
    uint32_t *quote_of, *sent_of, *mention_of, *timex_of;
    uint32_t *appos_owner; /* per token: mention whose appositive ends at this comma */
    uint8_t *quote_used;   /* per quote: part of a statement */
    uint8_t *cue_used;     /* per token: cue already consumed */
    uint32_t first, last;  /* the current sentence's tokens */
    uint32_t sent;
    uint32_t stmt_from;    /* first statement of the current sentence */
    uint32_t np_end;       /* set by subject_before: end of the subject phrase, or QG_NONE */
    bool coordinated;      /* set by subject_before: the subject came through "and" */
    bool nested;           /* searching inside a direct quote */
    pcre2_match_data *match;
    pcre2_match_context *limits;
} attr;

typedef struct {
    uint32_t first, last; /* token range, last exclusive */
    uint32_t attrs;       /* QG_CUE_* */
} cue;

/* ---- cues ---- */

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
    return (pa & QG_PRON_POSSESSIVE) != 0;
}

/* The cue starting at token I, if it is used as a cue there. */
static bool cue_at(const attr *a, uint32_t i, cue *c)
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
        !(i > a->first + 1 && tok_fn(a->rules, d, i - 2, QG_FN_AUX)))
        return false; /* but "is expected to say" reports a speech to come */
    /* "his remarks", "the claim": nouns, unless a noun cue. */
    if (!(e->attrs & (QG_CUE_NOUN | QG_CUE_PREP)) && nounlike_before(a, i))
        return false;
    if ((e->attrs & QG_CUE_NOUN) && !(e->ntok > 1))
        return false; /* statement, interview: frames, not cues of their own */
    return true;
}

/* The cue whose last token is B (phrases up to four words), if any. */
static bool cue_ending_at(const attr *a, uint32_t b, cue *c)
{
    for (uint32_t back = 0; back < 4 && b >= a->first + back; back++)
        if (cue_at(a, b - back, c) && c->last == b + 1)
            return true;
    return false;
}

/* ---- spans and skipping ---- */

static bool is_ly_adverb(const attr *a, uint32_t i)
{
    uint32_t n = qg_tok_len(a->doc, i);
    const char *s = qg_tok_text(a->doc, i);
    return tok_lower(a->doc, i) && n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y';
}

static bool is_adjunct(const attr *a, uint32_t i)
{
    return tok_fn(a->rules, a->doc, i, QG_FN_AUX | QG_FN_ADV | QG_FN_NEG) || is_ly_adverb(a, i);
}

static bool is_prep(const attr *a, uint32_t i)
{
    return tok_fn(a->rules, a->doc, i, QG_FN_PREP);
}

/* Walks left from I (exclusive) over auxiliaries, adverbs and date phrases
 * ("has also", "on Friday", "In comments last month"). */
static uint32_t skip_back(const attr *a, uint32_t i)
{
    while (i > a->first) {
        uint32_t p = i - 1;
        if (is_adjunct(a, p)) {
            i = p;
        } else if (qg_tok_is(a->doc, p, "to") && p > a->first && tok_fn(a->rules, a->doc, p - 1, QG_FN_AUX)) {
            i = p; /* "is expected to say" */
        } else if (a->timex_of[p] != QG_NONE) {
            i = a->doc->timexes.items[a->timex_of[p]].first;
            if (i > a->first && is_prep(a, i - 1))
                i--;
        } else {
            /* a short prepositional phrase after an auxiliary: "have on several occasions" */
            uint32_t k = p, steps = 0;
            while (k > a->first && steps < 4 && tok_lower(a->doc, k) && !is_prep(a, k) &&
                   !tok_has(a->doc, k, QG_LEX_CUE)) {
                k--;
                steps++;
            }
            if (steps > 0 && is_prep(a, k) && k > a->first && is_adjunct(a, k - 1))
                i = k;
            else
                break;
        }
    }
    return i;
}

/* Skips right over date phrases and adverbs after a cue: "said on Sunday that". */
static uint32_t skip_fwd(const attr *a, uint32_t i)
{
    while (i < a->last) {
        if (a->timex_of[i] != QG_NONE) {
            i = a->doc->timexes.items[a->timex_of[i]].last;
        } else if (is_prep(a, i) && i + 1 < a->last && a->timex_of[i + 1] != QG_NONE &&
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

static bool mention_ends_at(const attr *a, uint32_t p, uint32_t *m)
{
    uint32_t k = a->mention_of[p];
    if (k == QG_NONE || a->doc->mentions.items[k].last != p + 1)
        return false;
    *m = k;
    return true;
}

static bool mention_starts_at(const attr *a, uint32_t i, uint32_t *m)
{
    if (i >= a->last)
        return false;
    uint32_t k = a->mention_of[i];
    if (k == QG_NONE || a->doc->mentions.items[k].first != i)
        return false;
    *m = k;
    return true;
}

static uint32_t clause_subject(const attr *a, uint32_t before);
static uint32_t content_first(const attr *a);

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
        mention_ends_at(a, f - 2, &outer) && d->mentions.items[outer].kind != QG_MEN_PRONOUN)
        return outer;
    /* "Republicans in the state House": the preposition a few words back */
    for (uint32_t k = f; k > a->first + 1 && f - k < 3; k--) {
        if ((qg_tok_is(d, k - 1, "in") || qg_tok_is(d, k - 1, "of") || qg_tok_is(d, k - 1, "from")) &&
            mention_ends_at(a, k - 2, &outer) && d->mentions.items[outer].kind == QG_MEN_GROUP)
            return outer;
        if (!tok_word(d, k - 1) || tok_has(d, k - 1, QG_LEX_CUE))
            break;
    }
    /* "aides to the mayor", "an adviser to the president" */
    if (f >= a->first + 2 && (qg_tok_is(d, f - 1, "to") || qg_tok_is(d, f - 1, "for")) &&
        mention_ends_at(a, f - 2, &outer) &&
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
        if (!is_prep(a, k) || qg_tok_is(d, k, "that") || qg_tok_is(d, k, "to") || k == p)
            continue;
        /* "a source familiar with the talks": one adjective may come first */
        if (mention_ends_at(a, k - 1, &m) ||
            (k >= a->first + 2 && tok_lower(a->doc, k - 1) && !tok_has(a->doc, k - 1, QG_LEX_FUNCTION) &&
             mention_ends_at(a, k - 2, &m)))
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
    if (!mention_starts_at(a, i, &m) || d->mentions.items[m].kind != QG_MEN_GROUP || c - i > 16)
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
        if ((qg_tok_is(d, k, "who") || qg_tok_is(d, k, "that")) && mention_ends_at(a, k - 1, &m) &&
            d->mentions.items[m].kind != QG_MEN_PRONOUN)
            return m;
    }
    return QG_NONE;
}

/* The subject of the cue starting at C: the mention right before it, past
 * adjuncts, an appositive or a relative clause. *JOINT gets the first of
 * "X and Y said". Returns a mention index or QG_NONE. */
static uint32_t subject_before(attr *a, uint32_t c, uint32_t *joint)
{
    *joint = QG_NONE;
    a->np_end = QG_NONE;
    a->coordinated = false;
    uint32_t i = skip_back(a, c);
    if (i <= a->first)
        return QG_NONE;
    uint32_t p = i - 1, m;
    /* "stressed that ... and insisted that": coordinated verbs share the subject. */
    if (qg_tok_is(a->doc, p, "and") || qg_tok_is(a->doc, p, "but")) {
        a->coordinated = true;
        return clause_subject(a, p);
    }
    /* "Smith, a spokesman, said", "Okafor, D-Calif., who sits on ..., said",
     * "Hadley, 84, who has volunteered ..., said": hop back over up to three
     * comma-delimited insertions to the mention before them. */
    for (int hops = 0; hops < 3 && tok_punct(a->doc, p) == ','; hops++) {
        if (a->appos_owner[p] != QG_NONE)
            return a->appos_owner[p];
        uint32_t k = p;
        while (k > a->first && p - k < 30 && tok_punct(a->doc, k - 1) != ',' &&
               !((tok(a->doc, k - 1)->flags & QG_TF_SENT_END) && tok_punct(a->doc, k) != ',') &&
               tok(a->doc, k - 1)->kind != QG_TOK_QUOTE)
            k--;
        if (k <= a->first + 1 || tok_punct(a->doc, k - 1) != ',')
            return QG_NONE;
        p = skip_paren_back(a, k - 2); /* the token before the opening comma */
        if (mention_ends_at(a, p, &m))
            return attached_subject(a, m);
        p = k - 1;
    }
    if (tok_punct(a->doc, p) == ',')
        return QG_NONE;
    p = skip_paren_back(a, p); /* "Schiff (D-Calif.) said" */
    /* A subject with a tail ("officials in Colombo", "a source familiar
     * with the talks") keeps the tail in its source span. */
    /* "A poll released Tuesday shows": a participle after the subject */
    if (!mention_ends_at(a, p, &m) && p > a->first && tok_lower(a->doc, p) && qg_tok_len(a->doc, p) > 4 &&
        memcmp(qg_tok_text(a->doc, p) + qg_tok_len(a->doc, p) - 2, "ed", 2) == 0 &&
        mention_ends_at(a, p - 1, &m)) {
        a->np_end = i;
        return m;
    }
    if (!mention_ends_at(a, p, &m)) {
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
    uint32_t inner = m;
    m = attached_subject(a, m);
    if (m != inner)
        a->np_end = i;
    const qg_mention *mm = &a->doc->mentions.items[m];
    uint32_t other;
    if (mm->first >= a->first + 2 && qg_tok_is(a->doc, mm->first - 1, "and") &&
        mention_ends_at(a, mm->first - 2, &other) &&
        a->doc->mentions.items[other].kind != QG_MEN_ORG)
        *joint = other;
    return m;
}

/* Where the content starting at FROM ends (exclusive): at the sentence's
 * final punctuation, or before a new frame: ", saying", ", according to",
 * ", the agency reported", ", which ...", "and insisted that". */
static uint32_t clause_end(const attr *a, uint32_t from)
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
            if (cue_at(a, n, &c) && ((c.attrs & QG_CUE_ING) || (c.attrs & QG_CUE_PREP)))
                return i;
            /* "who has urged the bank to slow, said on Tuesday that ...": the
             * relative clause ends and the main clause's verb follows */
            if (cue_at(a, n, &c) && !(c.attrs & (QG_CUE_NOUN | QG_CUE_FRAME)))
                return i;
            /* ", which lawmakers approved" stays in the content; ", in which he
             * reiterated" and ", while ..." start clauses of their own. */
            if (qg_tok_is(d, n, "while") || qg_tok_is(d, n, "whereas") || qg_tok_is(d, n, "without") ||
                (qg_tok_is(d, n, "in") && (qg_tok_is(d, n + 1, "what") || qg_tok_is(d, n + 1, "which"))))
                return i;
            /* ", the semi-official Mehr news agency reported." */
            uint32_t m;
            if (mention_starts_at(a, n, &m)) {
                uint32_t after = skip_fwd(a, d->mentions.items[m].last);
                cue c2;
                if (cue_at(a, after, &c2)) {
                    uint32_t e = skip_fwd(a, c2.last);
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
            if (cue_at(a, n, &c) && !(c.attrs & (QG_CUE_ING | QG_CUE_NOUN | QG_CUE_PREP)) &&
                (!(c.attrs & QG_CUE_WEAK) || qg_tok_is(d, c.last, "that")))
                return i;
            /* ", and the American Red Cross said ...": a new speaker's clause */
            uint32_t m;
            if (mention_starts_at(a, n, &m)) {
                uint32_t k = skip_fwd(a, d->mentions.items[m].last);
                while (k < a->last && tok_fn(a->rules, d, k, QG_FN_AUX | QG_FN_ADV))
                    k++;
                if (cue_at(a, k, &c) && !(c.attrs & (QG_CUE_NOUN | QG_CUE_PREP | QG_CUE_ING)))
                    return i > from && tok_punct(d, i - 1) == ',' ? i - 1 : i;
            }
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

typedef struct {
    uint32_t first, last;   /* content tokens */
    uint32_t source, joint; /* mentions */
    uint32_t source_end;    /* token after the source phrase, or QG_NONE */
    cue cue;                /* cue.first == QG_NONE: no cue */
    uint32_t rule, confidence;
    uint32_t speaker;       /* QG_NONE: from the source mention */
} draft;

static bool is_trailing_punct(const qg_doc *d, uint32_t i)
{
    char c = tok_punct(d, i);
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || tok_is_dash(d, i) ||
           (tok(d, i)->kind == QG_TOK_PUNCT && qg_tok_len(d, i) == 3 && qg_tok_text(d, i)[0] == '.');
}

/* Appends a statement for DR; decides its kind from the quote marks it holds. */
static qg_statement *emit(attr *a, const draft *dr)
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
    if (dr->source != QG_NONE) {
        uint32_t k = d->mentions.items[dr->source].kind;
        if (k == QG_MEN_PRONOUN || k == QG_MEN_NOMINAL)
            s->confidence -= 100;
    }
    if (dr->cue.first != QG_NONE)
        for (uint32_t i = dr->cue.first; i < dr->cue.last; i++)
            a->cue_used[i] = 1;
    return s;
}

static draft new_draft(uint32_t rule, uint32_t confidence)
{
    draft d = {0, 0, QG_NONE, QG_NONE, QG_NONE, {QG_NONE, QG_NONE, 0}, rule, confidence, QG_NONE};
    return d;
}

/* The main subject of the sentence for a participle cue (", saying"): the
 * source of the previous statement in the sentence, else its first mention. */
static uint32_t clause_subject(const attr *a, uint32_t before)
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
    for (uint32_t i = content_first(a); i < before; i++) {
        uint32_t m = a->mention_of[i];
        if (m != QG_NONE && a->quote_of[i] == QG_NONE && !(i > a->first && is_prep(a, i - 1)) &&
            !tok_poss(d, d->mentions.items[m].last)) {
            uint32_t k = d->mentions.items[m].kind;
            if (k != QG_MEN_PRONOUN || d->mentions.items[m].entity != QG_NONE)
                return m;
        }
    }
    return QG_NONE;
}

/* ---- direct quotes ---- */

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
    if (is_prep(a, j) || tok_fn(a->rules, d, j, QG_FN_SUBORD | QG_FN_CONJ))
        return false;
    for (uint32_t k = j; k < a->last && k < j + 16; k++) {
        if (tok(d, k)->kind == QG_TOK_QUOTE || (tok(d, k)->flags & QG_TF_SENT_END))
            return false;
        if (!cue_at(a, k, c))
            continue;
        if (c->attrs & (QG_CUE_FRAME | QG_CUE_NOUN | QG_CUE_PREP | QG_CUE_ING))
            return false;
        uint32_t joint;
        uint32_t m = subject_before(a, k, &joint);
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
static bool frame_after(attr *a, uint32_t qi)
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
    draft dr = new_draft(QG_R_QUOTE_AFTER, 950);
    uint32_t m;
    cue c;
    if (mention_starts_at(a, j, &m)) {
        const qg_mention *mm = &d->mentions.items[m];
        uint32_t k = mm->last;
        if (mm->appos_last != QG_NONE && tok_punct(d, mm->appos_last) == ',')
            k = mm->appos_last + 1;
        k = skip_fwd(a, k);
        while (k < a->last && tok_fn(a->rules, d, k, QG_FN_AUX))
            k++;
        if (!cue_at(a, k, &c) || (c.attrs & (QG_CUE_FRAME | QG_CUE_NOUN | QG_CUE_PREP))) {
            if (!frame_after_search(a, j, &dr, &c))
                return false;
        } else if ((c.attrs & QG_CUE_RELAY) && (mm->flags & QG_MF_OUTLET)) {
            /* Mehr quoted Salami as saying */
            uint32_t s2;
            if (mention_starts_at(a, c.last, &s2)) {
                uint32_t e = d->mentions.items[s2].last;
                cue c3;
                if (qg_tok_is(d, e, "as") && cue_at(a, e + 1, &c3))
                    c.last = c3.last;
                dr.source = s2;
                dr.rule = QG_R_QUOTE_RELAY;
            } else {
                return false; /* "..., Mehr reported": a frame, not a speaker */
            }
        } else {
            dr.source = m;
            cue c3; /* "X was quoted as saying" */
            if ((c.attrs & QG_CUE_RELAY) && qg_tok_is(d, c.last, "as") && cue_at(a, c.last + 1, &c3) &&
                (c3.attrs & QG_CUE_ING))
                c.last = c3.last;
        }
    } else if (cue_at(a, j, &c) && !(c.attrs & (QG_CUE_ING | QG_CUE_FRAME | QG_CUE_NOUN | QG_CUE_PREP))) {
        uint32_t k = skip_fwd(a, c.last);
        if (!mention_starts_at(a, k, &m))
            return false;
        dr.source = m;
        dr.rule = QG_R_QUOTE_AFTER_INVERTED;
        /* "said Ambassador Laura Bennett of the United States" */
        uint32_t e = d->mentions.items[m].last, pm;
        if ((qg_tok_is(d, e, "of") || qg_tok_is(d, e, "from")) && mention_starts_at(a, e + 1, &pm))
            dr.source_end = d->mentions.items[pm].last;
        else if ((qg_tok_is(d, e, "of") || qg_tok_is(d, e, "from")) && qg_tok_is(d, e + 1, "the") &&
                 mention_starts_at(a, e + 2, &pm))
            dr.source_end = d->mentions.items[pm].last;
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
    return emit(a, &dr) != NULL;
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
        /* emit() lowers the confidence of pronoun and nominal sources; the
         * first part's figure has that already, so start from its base */
        uint32_t base = prev->confidence;
        if (prev->source != QG_NONE && (d->mentions.items[prev->source].kind == QG_MEN_PRONOUN ||
                                        d->mentions.items[prev->source].kind == QG_MEN_NOMINAL))
            base += 100;
        draft dr = new_draft(QG_R_QUOTE_AFTER, base);
        dr.rule = prev->rule;
        dr.cue = *c;
        dr.source = prev->source;
        dr.joint = prev->source2;
        dr.speaker = prev->speaker;
        dr.first = q->open;
        dr.last = q->close != QG_NONE ? q->close + 1 : q->last;
        return emit(a, &dr) != NULL;
    }
    return false;
}

/* Before the quote: `Salami said: "..."`, `..., saying, "..."`, `insisted
 * that "..."`, `as Imam once said, '...'`. */
static bool frame_before(attr *a, uint32_t qi)
{
    qg_doc *d = a->doc;
    const qg_quote *q = &d->quotes.items[qi];
    if (q->open <= a->first)
        return false;
    /* The quote must end its clause, or it is a partial quote in a clause. */
    if (q->close != QG_NONE) {
        uint32_t n = q->close + 1;
        char np = tok_punct(d, n);
        bool comma_inside = q->last > q->first && tok_punct(d, q->last - 1) == ','; /* `"...," and ...` */
        if (n < a->last && !(tok(d, n)->flags & QG_TF_SENT_END) && np != ',' && np != ':' && np != ';' &&
            tok(d, n)->kind != QG_TOK_QUOTE && !tok_is_dash(d, n) && !comma_inside)
            return false;
    }
    /* A quote inside a quote has its frame inside the outer one: search there,
     * so that "He looked at me and said, '...'" finds "He". */
    if (q->parent != QG_NONE && !a->nested) {
        const qg_quote *outer = &d->quotes.items[q->parent];
        uint32_t save_first = a->first, save_last = a->last;
        a->first = outer->first > a->first ? outer->first : a->first;
        a->last = outer->last < a->last ? outer->last : a->last;
        a->nested = true;
        bool found = frame_before(a, qi);
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
            if (!cue_at(a, k, &hc) || (hc.attrs & (QG_CUE_PREP | QG_CUE_NOUN | QG_CUE_ING)))
                continue;
            draft hd = new_draft(QG_R_SPEECH_COLON, 700);
            hd.source = subject_before(a, k, &joint);
            if (hd.source == QG_NONE)
                break;
            hd.cue = hc;
            hd.first = q->open;
            hd.last = q->close != QG_NONE ? q->close + 1 : q->last;
            return emit(a, &hd) != NULL;
        }
    }
    uint32_t b = q->open - 1;
    if ((tok_punct(d, b) == ',' || tok_punct(d, b) == ':') && b > a->first)
        b--;
    if (qg_tok_is(d, b, "that") && b > a->first)
        b--;
    b = skip_back(a, b + 1);
    if (b <= a->first)
        return false;
    b--;
    cue c;
    /* `The minister told us, "..."`: step over the addressee */
    if (!cue_ending_at(a, b, &c) && b > a->first) {
        uint32_t m, ob = b;
        if (mention_ends_at(a, b, &m))
            ob = a->doc->mentions.items[m].first;
        else if (tok_attrs(a->rules, d, b, QG_LEX_PRONOUN) || tok_has(d, b, QG_LEX_GROUP))
            ob = b;
        if (ob > a->first && cue_ending_at(a, ob - 1, &c) && (c.attrs & QG_CUE_OBJ))
            b = ob - 1;
    }
    if (!cue_ending_at(a, b, &c) || (c.attrs & (QG_CUE_FRAME | QG_CUE_PREP)))
        return false;
    if (a->cue_used[c.first])
        return split_quote(a, qi, &c);
    draft dr = new_draft(QG_R_QUOTE_BEFORE, 900);
    dr.cue = c;
    if (c.attrs & QG_CUE_ING) {
        dr.source = clause_subject(a, c.first);
    } else {
        uint32_t joint;
        dr.source = subject_before(a, c.first, &joint);
        dr.source_end = a->np_end;
        dr.joint = joint;
        if (dr.source == QG_NONE) {
            uint32_t m; /* said X: "..." */
            if (mention_starts_at(a, c.last, &m))
                dr.source = m;
        }
    }
    if (dr.source == QG_NONE)
        return false;
    dr.first = q->open;
    dr.last = q->close != QG_NONE ? q->close + 1 : q->last;
    if (q->parent != QG_NONE)
        dr.rule = QG_R_NESTED;
    qg_statement *st = emit(a, &dr);
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

/* Content after a cue: skips an addressee (told reporters), dates, "that". */
static uint32_t content_start(const attr *a, const cue *c, bool *has_that)
{
    const qg_doc *d = a->doc;
    uint32_t k = skip_fwd(a, c->last);
    *has_that = false;
    if ((c->attrs & QG_CUE_OBJ) && !(c->attrs & QG_CUE_INF) && !qg_tok_is(d, k, "that")) {
        uint32_t m, obj = k;
        if (mention_starts_at(a, k, &m)) {
            k = d->mentions.items[m].last;
        } else {
            /* "told the council that", "told reporters at a briefing that" */
            uint32_t j = k;
            while (j < a->last && j < k + 8 && !qg_tok_is(d, j, "that") && !tok_punct(d, j) &&
                   tok(d, j)->kind != QG_TOK_QUOTE)
                j++;
            k = (j < a->last && (qg_tok_is(d, j, "that") || tok_punct(d, j) == ',' || tok_punct(d, j) == ':' ||
                                 tok(d, j)->kind == QG_TOK_QUOTE))
                    ? j
                    : k + 1;
        }
        k = skip_fwd(a, k);
        /* "warned residents against running generators": the object and its
         * complement are the content */
        if (qg_tok_is(d, k, "against") || qg_tok_is(d, k, "of"))
            k = obj;
    }
    /* "vowed to fight ...": an infinitive is the content, not a frame */
    bool infinitive = qg_tok_is(d, k, "to") && tok_lower(d, k + 1) && !tok_has(d, k + 1, QG_LEX_FUNCTION);
    /* "said in a statement it ...": skip a frame ending in a noun cue */
    if (is_prep(a, k) && !qg_tok_is(d, k, "that") && !infinitive) {
        for (uint32_t j = k + 1; j < a->last && j < k + 6; j++) {
            cue nc;
            if (tok_punct(d, j) || tok(d, j)->kind == QG_TOK_QUOTE)
                break;
            const qg_lex_entry *e = qg_rules_phrase(a->rules, d, j, a->last, QG_LEX_CUE);
            if (e && (e->attrs & QG_CUE_NOUN) && e->ntok == 1) {
                k = j + 1;
                uint32_t m; /* "with CNN", "to reporters" */
                if ((qg_tok_is(d, k, "with") || qg_tok_is(d, k, "to") || qg_tok_is(d, k, "on") ||
                     qg_tok_is(d, k, "for")) &&
                    mention_starts_at(a, k + 1, &m))
                    k = d->mentions.items[m].last;
                k = skip_fwd(a, k);
                (void)nc;
                break;
            }
        }
    }
    /* "said in a statement that", "said in an interview with CNN that" */
    if (is_prep(a, k) && !qg_tok_is(d, k, "that") && !infinitive) {
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
        bool demonstrative = (c->attrs & QG_CUE_NP) && n <= k + 3 &&
                             (n >= a->last || tok_punct(d, n) || (tok(d, n)->flags & QG_TF_SENT_END) ||
                              qg_tok_is(d, n, "and") || qg_tok_is(d, n, "but"));
        if (!demonstrative) {
            *has_that = true;
            k++;
        }
    }
    return k;
}

static bool content_opens_np(const attr *a, uint32_t k)
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
    if (qg_tok_is(d, k, "to") && tok_lower(d, k + 1) && !tok_has(d, k + 1, QG_LEX_FUNCTION))
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
static bool document_subject(attr *a, const cue *c)
{
    uint32_t joint;
    uint32_t m = subject_before(a, c->first, &joint);
    if (m == QG_NONE || a->doc->mentions.items[m].kind != QG_MEN_GROUP)
        return false;
    uint32_t h = a->doc->mentions.items[m].head;
    return h != QG_NONE && (tok_attrs(a->rules, a->doc, h, QG_LEX_GROUP) & QG_GROUP_DOCUMENT);
}

/* "the accusations", "the case in March 2023": a short definite noun
 * phrase names a topic already mentioned, not what was said. */
static bool anaphoric_np(const attr *a, uint32_t first, uint32_t last)
{
    const qg_doc *d = a->doc;
    uint32_t pm = a->mention_of[first];
    if (pm != QG_NONE && d->mentions.items[pm].kind == QG_MEN_NAME && d->mentions.items[pm].last >= last)
        return true; /* "praised Smith" */
    if (!tok_fn(a->rules, d, first, QG_FN_DET) || qg_tok_is(d, first, "a") || qg_tok_is(d, first, "an"))
        return false;
    /* "slammed the senator in a post on X": the frame is no content */
    for (uint32_t i = first + 1; i + 1 < last; i++) {
        const qg_lex_entry *e = is_prep(a, i) ? NULL : qg_rules_phrase(a->rules, d, i, last, QG_LEX_CUE);
        if (e && i >= first + 2 && is_prep(a, i - 2) && tok_fn(a->rules, d, i - 1, QG_FN_DET)) {
            last = i - 2;
            break;
        }
    }
    /* "slammed the senator", "ripped Gov. Ellery on Wednesday over her plan":
     * a person is the target, not what was said */
    uint32_t m = a->mention_of[first];
    if (m != QG_NONE && (a->doc->mentions.items[m].kind == QG_MEN_NAME ||
                         a->doc->mentions.items[m].kind == QG_MEN_NOMINAL)) {
        uint32_t after = skip_fwd(a, a->doc->mentions.items[m].last);
        if (after >= last || is_prep(a, after))
            return true;
    }
    uint32_t words = 0;
    for (uint32_t i = first; i < last; i++) {
        if (a->timex_of[i] != QG_NONE || (is_prep(a, i) && a->timex_of[i + 1] != QG_NONE))
            continue;
        if (tok(d, i)->kind == QG_TOK_QUOTE || qg_tok_is(d, i, "of") || qg_tok_is(d, i, "that"))
            return false;
        if (tok(d, i)->kind == QG_TOK_WORD)
            words++;
    }
    return words <= 3;
}

/* A cue with its content after it: "X said (that) ...", "X dismissed the
 * idea of ...", participles ", saying ...", "X advised Y not to ...". */
static void speech_after_cue(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    /* ", saying ...", "and adding ...", "on Thursday demanding ..." */
    bool participle = (c->attrs & QG_CUE_ING) && c->first > a->first &&
                      (tok_punct(d, c->first - 1) == ',' || qg_tok_is(d, c->first - 1, "and") ||
                       a->timex_of[c->first - 1] != QG_NONE);
    if ((c->attrs & QG_CUE_ING) && !participle)
        return; /* "speaking", "as saying": handled by their frames */
    /* "We were told that ...": a passive names the addressee, not the speaker */
    uint32_t b = c->first;
    while (b > a->first && is_ly_adverb(a, b - 1))
        b--;
    /* "did not say which sites": nothing was said */
    if (b > a->first && (tok_fn(a->rules, d, b - 1, QG_FN_NEG) || qg_tok_is(d, b - 1, "never")))
        return;
    if (b > a->first && (qg_tok_is(d, b - 1, "was") || qg_tok_is(d, b - 1, "were") || qg_tok_is(d, b - 1, "been") ||
                         qg_tok_is(d, b - 1, "being") || qg_tok_is(d, b - 1, "be")) &&
        !(c->attrs & QG_CUE_BASE))
        return;
    bool has_that = false;
    uint32_t k = content_start(a, c, &has_that);
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
            directive = qg_tok_is(d, j, "to") && tok_lower(d, j + 1) && !tok_has(d, j + 1, QG_LEX_FUNCTION) &&
                        j > k;
    if ((c->attrs & QG_CUE_WEAK) && !has_that && !directive && tok(d, k)->kind != QG_TOK_QUOTE &&
        !document_subject(a, c)) {
        /* "called the plan “reckless”": a quote early in the content */
        bool quoted = false;
        for (uint32_t j = k; j < a->last && j < k + 6 && !quoted; j++) {
            cue vc;
            if (tok_punct(d, j) || cue_at(a, j, &vc))
                break; /* "if he would call witnesses, McConnell said, ..." */
            quoted = tok(d, j)->kind == QG_TOK_QUOTE && a->quote_of[j] != QG_NONE &&
                     d->quotes.items[a->quote_of[j]].open == j;
        }
        if (!quoted)
            return;
    }
    bool clause = (c->attrs & (QG_CUE_CLAUSE | QG_CUE_INF)) != 0;
    bool np = (c->attrs & QG_CUE_NP) != 0;
    if (!has_that && !content_opens_np(a, k))
        return;
    if (!clause && !np)
        return;
    draft dr = new_draft(np && !has_that && !(c->attrs & QG_CUE_CLAUSE) ? QG_R_SPEECH_NP : QG_R_SPEECH_CLAUSE,
                         np && !has_that ? 700 : 850);
    if (np && !has_that && (c->attrs & QG_CUE_CLAUSE) && (c->attrs & QG_CUE_NP)) {
        /* "stressed the importance of": a noun phrase, not a clause */
        const qg_token *t = tok(d, k);
        if (tok_fn(a->rules, d, k, QG_FN_DET) || tok_poss(d, k + 1) ||
            (tok_attrs(a->rules, d, k, QG_LEX_PRONOUN) & QG_PRON_POSSESSIVE)) {
            dr.rule = QG_R_SPEECH_NP;
            dr.confidence = 700;
        }
        (void)t;
    }
    dr.cue = *c;
    if (participle) {
        dr.source = clause_subject(a, c->first);
        dr.rule = dr.rule == QG_R_SPEECH_NP ? QG_R_SPEECH_NP : QG_R_SPEECH_PARTICIPLE;
        dr.confidence = 800;
    } else {
        uint32_t joint;
        dr.source = subject_before(a, c->first, &joint);
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
    dr.last = clause_end(a, k);
    if (dr.last <= dr.first)
        return;
    if (dr.rule == QG_R_SPEECH_NP && anaphoric_np(a, dr.first, dr.last))
        return;
    emit(a, &dr);
}

/* Does [start, end) overlap a statement found in the current sentence? */
static bool overlaps_statement(const attr *a, uint32_t start, uint32_t end)
{
    const qg_doc *d = a->doc;
    for (uint32_t k = a->stmt_from; k < d->statements.count; k++)
        if (d->statements.items[k].start < end && start < d->statements.items[k].end)
            return true;
    return false;
}

/* The first token of the sentence's own words, after a wire dateline
 * ("WASHINGTON (AP) —", pattern `dateline` in rules/patterns.txt). */
static uint32_t content_first(const attr *a)
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

/* Content before the cue: "..., said the commander", "..., a spokesman said". */
static bool speech_before_cue(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    if (c->attrs & (QG_CUE_ING | QG_CUE_FRAME | QG_CUE_NOUN | QG_CUE_PREP))
        return false;
    uint32_t after = skip_fwd(a, c->last);
    uint32_t source = QG_NONE, joint = QG_NONE, source_end = QG_NONE;
    uint32_t comma;
    bool inverted = false;
    uint32_t m;
    if (mention_starts_at(a, after, &m) && c->first > a->first && tok_punct(d, c->first - 1) == ',') {
        /* inverted: ", said the commander of ... Hossein Salami on Thursday" */
        source = m;
        comma = c->first - 1;
        after = skip_fwd(a, d->mentions.items[m].last);
        inverted = true;
    } else {
        source = subject_before(a, c->first, &joint);
        source_end = a->np_end;
        if (source == QG_NONE || a->coordinated)
            return false; /* "X said ... and urged Y": no content before the cue */
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
        (mention_starts_at(a, after, &am) || tok_has(d, after, QG_LEX_GROUP | QG_LEX_PRONOUN) ||
         (tok_lower(d, after) && !tok_has(d, after, QG_LEX_FUNCTION)))) {
        uint32_t j = after;
        while (j < a->last && j < after + 10 && !tok_punct(d, j) && tok(d, j)->kind != QG_TOK_QUOTE &&
               !qg_tok_is(d, j, "that"))
            j++;
        if (j < a->last && (tok(d, j)->flags & QG_TF_SENT_END))
            after = j;
    }
    /* "..., the company disclosed in a securities filing.": where it was said */
    if (!inverted && after < a->last && is_prep(a, after) && !qg_tok_is(d, after, "that") &&
        !qg_tok_is(d, after, "to")) {
        uint32_t j = after + 1;
        while (j < a->last && j < after + 9 && !tok_punct(d, j) && tok(d, j)->kind != QG_TOK_QUOTE &&
               !qg_tok_is(d, j, "that") && !tok_has(d, j, QG_LEX_CUE))
            j++;
        if (j < a->last && (tok(d, j)->flags & QG_TF_SENT_END))
            after = j;
    }
    /* The frame must close the clause: ".", or ", adding ...". */
    if (after < a->last && !(tok(d, after)->flags & QG_TF_SENT_END) && tok_punct(d, after) != ',')
        return false;
    uint32_t start = content_first(a);
    uint32_t at_m;
    if ((c->attrs & QG_CUE_RELAY) && overlaps_statement(a, tok(d, start)->start, tok(d, comma - 1)->end))
        return true; /* "X said ..., the Tribune reported": the frame of X's statement */
    /* "According to X, ..." is its own frame; skip it. */
    if (cue_at(a, start, &(cue){0}) && mention_starts_at(a, start + 2, &at_m))
        start = d->mentions.items[at_m].last + 1;
    if (start >= comma)
        return false;
    draft dr = new_draft(QG_R_SPEECH_CLAUSE_AFTER, 850);
    dr.cue = *c;
    dr.source = source;
    dr.source_end = source_end;
    dr.joint = joint;
    dr.first = start;
    dr.last = comma;
    return emit(a, &dr) != NULL;
}

/* "Xinhua quoted Zhou, chairman of the company, as saying the expansion
 * would ...": the relayed speaker is the object, the content follows. */
static bool relay_as_saying(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    uint32_t m;
    cue ing;
    if (qg_tok_is(d, c->last, "as") && cue_at(a, c->last + 1, &ing) && (ing.attrs & QG_CUE_ING)) {
        /* passive: "McConnell was quoted as saying that ..." */
        uint32_t joint;
        uint32_t subj = subject_before(a, c->first, &joint);
        bool has_that = false;
        uint32_t start = content_start(a, &ing, &has_that);
        if (subj == QG_NONE || start >= a->last || (tok(d, start)->flags & QG_TF_SENT_END))
            return false;
        draft dr = new_draft(QG_R_QUOTE_RELAY, 850);
        dr.cue = (cue){c->first, ing.last, c->attrs};
        dr.source = subj;
        dr.source_end = a->np_end;
        dr.first = start;
        dr.last = clause_end(a, start);
        return emit(a, &dr) != NULL;
    }
    if (!mention_starts_at(a, c->last, &m))
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
    if (!qg_tok_is(d, k, "as") || !cue_at(a, k + 1, &ing) || !(ing.attrs & QG_CUE_ING))
        return false;
    bool has_that = false;
    uint32_t start = content_start(a, &ing, &has_that);
    if (start >= a->last || (tok(d, start)->flags & QG_TF_SENT_END))
        return false;
    draft dr = new_draft(QG_R_QUOTE_RELAY, 900);
    dr.cue = (cue){c->first, ing.last, c->attrs};
    dr.source = m;
    dr.first = start;
    dr.last = clause_end(a, start);
    return emit(a, &dr) != NULL;
}

/* "according to X": the rest of the sentence is X's. */
static void according_to(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    uint32_t m = QG_NONE, mend;
    if (mention_starts_at(a, c->last, &m) && !(tok(d, d->mentions.items[m].last)->flags & QG_TF_POSS) &&
        !(tok_lower(d, d->mentions.items[m].last) && !tok_has(d, d->mentions.items[m].last, QG_LEX_FUNCTION))) {
        mend = d->mentions.items[m].last;
    } else {
        /* "according to the mayor's budget office": the office, not the mayor */
        m = QG_NONE;
        /* "according to a large study published on Tuesday, ..." */
        mend = c->last;
        while (mend < a->last && tok_punct(d, mend) != ',' && !(tok(d, mend)->flags & QG_TF_SENT_END))
            mend++;
    }
    draft dr = new_draft(QG_R_SPEECH_ACCORDING_TO, m != QG_NONE ? 850 : 600);
    dr.cue = *c;
    dr.source = m;
    if (c->first == a->first || (c->first == a->first + 1 && tok_is_dash(d, a->first))) {
        dr.first = mend;
        dr.last = clause_end(a, mend + 1);
    } else {
        dr.first = content_first(a);
        dr.last = c->first;
    }
    emit(a, &dr);
}

/* "the claim by X that ...", "X's claim that ...". */
static void noun_cue(attr *a, const cue *c)
{
    qg_doc *d = a->doc;
    if (!qg_tok_is(d, c->last - 1, "that"))
        return; /* "Dawson's press conference": a frame noun, no content */
    uint32_t source = QG_NONE, m;
    uint32_t that = c->last - 1; /* phrase "claim that" ends with that */
    if (c->first > a->first + 1 && tok_poss(d, c->first - 1) && mention_ends_at(a, c->first - 2, &m))
        source = m;
    else if (qg_tok_is(d, c->first + 1, "by") && mention_starts_at(a, c->first + 2, &m))
        source = m;
    if (source == QG_NONE)
        return;
    (void)that;
    draft dr = new_draft(QG_R_SPEECH_NOUN, 700);
    dr.cue = (cue){c->first, c->first + 1, c->attrs};
    dr.source = source;
    dr.first = c->last;
    dr.last = clause_end(a, c->last);
    emit(a, &dr);
}

/* "claim by US Secretary of State Mike Pompeo that ...": a noun cue with the
 * source between the noun and "that". */
static void claim_by(attr *a, uint32_t i)
{
    qg_doc *d = a->doc;
    uint32_t m;
    if (!(qg_tok_is(d, i, "claim") || qg_tok_is(d, i, "claims") || qg_tok_is(d, i, "assertion")) ||
        !qg_tok_is(d, i + 1, "by") || !mention_starts_at(a, i + 2, &m))
        return;
    uint32_t e = d->mentions.items[m].last;
    if (!qg_tok_is(d, e, "that"))
        return;
    draft dr = new_draft(QG_R_SPEECH_NOUN, 700);
    dr.cue = (cue){i, i + 1, QG_CUE_NOUN};
    dr.source = m;
    dr.first = e + 1;
    dr.last = clause_end(a, e + 1);
    emit(a, &dr);
}

/* A bare colon as the cue: "Pelosi: 'We will not back down'" or, in a
 * headline, "Trump: Iran deal is dead". The source opens the sentence. */
static bool colon_cue(attr *a)
{
    qg_doc *d = a->doc;
    uint32_t first = content_first(a), m;
    if (!mention_starts_at(a, first, &m))
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
    draft dr = new_draft(QG_R_SPEECH_COLON, 700);
    dr.source = m;
    dr.cue = (cue){colon, colon + 1, 0};
    dr.first = colon + 1;
    dr.last = a->last;
    return emit(a, &dr) != NULL;
}

/* A frame ending in a colon at the end of its paragraph introduces the
 * next paragraph as a block quote, as partisan sites and wire copy quote
 * posts and statements: "Trump wrote on Truth Social:" + a paragraph. */
static void block_quote(attr *a)
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
        if (a->quote_of[i] == QG_NONE && cue_at(a, i, &k) && !(k.attrs & (QG_CUE_PREP | QG_CUE_NOUN))) {
            c = k;
            i = k.last - 1;
        }
    }
    if (c.first == QG_NONE || a->cue_used[c.first])
        return;
    uint32_t joint;
    draft dr = new_draft(QG_R_QUOTE_BLOCK, 750);
    dr.source = (c.attrs & QG_CUE_ING) ? clause_subject(a, c.first) : subject_before(a, c.first, &joint);
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
    qg_statement *st = emit(a, &dr);
    if (st)
        st->kind = QG_STMT_DIRECT; /* verbatim, set off as a block instead of by marks */
}

/* Headlines: "Iran's missile might not up for negotiations: Army commander". */
static void headline_colon(attr *a)
{
    qg_doc *d = a->doc;
    const qg_sentence *s = &d->sentences.items[a->sent];
    if (!(s->flags & QG_SF_HEADLINE))
        return;
    for (uint32_t i = a->first + 2; i + 1 < a->last; i++) {
        uint32_t m;
        if (tok_punct(d, i) == ':' && mention_starts_at(a, i + 1, &m) && d->mentions.items[m].last == a->last) {
            draft dr = new_draft(QG_R_SPEECH_HEADLINE, 600);
            dr.source = m;
            dr.first = a->first;
            dr.last = i;
            emit(a, &dr);
            return;
        }
    }
}

/* ---- passes ---- */

/* The token that starts at or after byte B (binary search). */
static uint32_t token_at_byte(const qg_doc *d, uint32_t b)
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

static void set_sentence(attr *a, uint32_t si)
{
    a->sent = si;
    a->first = a->doc->sentences.items[si].first;
    a->last = a->doc->sentences.items[si].last;
}

static bool inside_statement(const qg_doc *d, uint32_t from, uint32_t b)
{
    for (uint32_t k = from; k < d->statements.count; k++)
        if (d->statements.items[k].start <= b && b < d->statements.items[k].end)
            return true;
    return false;
}

/* Speech reported inside a direct quote: "I told our guys that we would
 * do it the right way," Mercer wrote. The quote is searched like a
 * sentence of its own; a first-person source is the quote's speaker. */
static void nested_speech(attr *a, uint32_t stmt_from, uint32_t stmt_to)
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
            if (a->quote_of[i] != qi || a->cue_used[i] || !cue_at(a, i, &c))
                continue;
            if (!(c.attrs & (QG_CUE_PREP | QG_CUE_NOUN | QG_CUE_FRAME | QG_CUE_RELAY)))
                speech_after_cue(a, &c);
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
                (tok_attrs(a->rules, d, d->mentions.items[st->source].first, QG_LEX_PRONOUN) & QG_PRON_FIRST))
                st->speaker = speaker;
        }
    }
}

/* Is byte B inside an "according to X" statement and in no other? Its
 * content may hold a speech event of its own: "According to court
 * documents, Keller assured investors that ..." */
static bool inside_according_to(const qg_doc *d, uint32_t from, uint32_t b)
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

static void sentence_pass(attr *a, uint32_t si)
{
    qg_doc *d = a->doc;
    set_sentence(a, si);
    uint32_t stmt_from = d->statements.count;
    a->stmt_from = stmt_from;
    /* 1. quotations with a frame after or before them */
    for (uint32_t i = a->first; i < a->last; i++) {
        uint32_t q = a->quote_of[i];
        if (q == QG_NONE || d->quotes.items[q].open != i || a->quote_used[q])
            continue;
        if (!frame_after(a, q))
            frame_before(a, q);
    }
    /* 2. cues with reported content */
    for (uint32_t i = a->first; i < a->last; i++) {
        cue c;
        if (a->cue_used[i] || a->quote_of[i] != QG_NONE || !cue_at(a, i, &c))
            continue;
        /* Speech inside reported speech counts only for noun cues: "dismissed
         * Pompeo's claim that ..." is two statements. */
        if (!(c.attrs & QG_CUE_NOUN) && inside_statement(d, stmt_from, tok(d, i)->start) &&
            !inside_according_to(d, stmt_from, tok(d, i)->start))
            continue;
        if (c.attrs & QG_CUE_PREP)
            according_to(a, &c);
        else if ((c.attrs & QG_CUE_RELAY) && relay_as_saying(a, &c))
            ;
        else if (c.attrs & QG_CUE_NOUN)
            noun_cue(a, &c);
        else if (!(c.attrs & QG_CUE_FRAME) && !speech_before_cue(a, &c))
            speech_after_cue(a, &c);
        i = c.last - 1;
    }
    for (uint32_t i = a->first; i < a->last; i++)
        if (a->quote_of[i] == QG_NONE)
            claim_by(a, i);
    if (d->statements.count == stmt_from && !colon_cue(a))
        headline_colon(a);
    block_quote(a);
    nested_speech(a, stmt_from, d->statements.count);
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
    set_sentence(a, si - 1);
    bool found = false;
    for (uint32_t i = a->first; i < a->last && !found; i++) {
        cue c;
        if (a->quote_of[i] != QG_NONE || !cue_at(a, i, &c) || (c.attrs & (QG_CUE_PREP | QG_CUE_NOUN | QG_CUE_ING)))
            continue;
        /* a frame whose content was found already is no frame for this quote */
        bool used = false;
        for (uint32_t k = 0; k < d->statements.count && !used; k++)
            used = d->statements.items[k].cue_first == c.first;
        uint32_t joint;
        uint32_t m = used ? QG_NONE : subject_before(a, c.first, &joint);
        if (m != QG_NONE) {
            dr->source = m;
            dr->source_end = a->np_end;
            dr->cue = c;
            dr->speaker = QG_NONE;
            found = true;
        }
        i = c.last - 1;
    }
    set_sentence(a, save);
    return found;
}

/* Quotes no frame claimed: continuations of the previous speaker, or
 * sentence-like quotes without a speaker. Statements are sorted by now, so
 * one forward walk finds each quote's predecessor. */
static void continuation_pass(attr *a)
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
        set_sentence(a, a->sent_of[q->open]);
        /* Only a quote that opens its sentence stands alone; one inside a
         * sentence is part of that sentence's statement or a scare quote. */
        uint32_t f = content_first(a);
        while (f < q->open && tok_is_dash(d, f))
            f++;
        if (f != q->open)
            continue;
        bool whole_sentence = q->close == QG_NONE || q->close + 1 >= a->last;
        /* Titles of bills and books are capitalized; speech is not. */
        if (caps * 2 >= words || (words < 5 && !whole_sentence))
            continue;
        draft dr = new_draft(QG_R_QUOTE_UNATTRIBUTED, 300);
        if (prev && prev->kind == QG_STMT_DIRECT && prev->speaker != QG_NONE) {
            uint32_t para_prev = d->sentences.items[a->sent_of[token_at_byte(d, prev->start)]].para;
            uint32_t para_now = d->sentences.items[a->sent].para;
            if ((q->flags & QG_QF_CONTINUED) || para_now <= para_prev + 1) {
                dr.rule = QG_R_QUOTE_CONTINUATION;
                dr.confidence = 750;
                dr.speaker = prev->speaker;
                /* `"A," he said. "B."` in one paragraph: one frame for both */
                if (para_now == para_prev && !(q->flags & QG_QF_CONTINUED)) {
                    dr.source = prev->source;
                    dr.source_end = prev->source_last;
                    dr.joint = prev->source2;
                    dr.cue = (cue){prev->cue_first, prev->cue_last, 0};
                }
            }
        }
        if (dr.rule == QG_R_QUOTE_UNATTRIBUTED && frame_before_paragraph(a, q, &dr)) {
            dr.rule = QG_R_QUOTE_CONTINUATION;
            dr.confidence = 700;
        }
        if (dr.rule == QG_R_QUOTE_UNATTRIBUTED && words < 5)
            continue;
        dr.first = q->open;
        dr.last = q->close != QG_NONE ? q->close + 1 : q->last;
        emit(a, &dr);
    }
}

/* said_on and reported_by from the statement's own sentence: the date
 * nearest the cue outside the content, an outlet in the frame. */
static void frame_links(attr *a, qg_statement *s)
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
    for (uint32_t i = sent->first; i < sent->last; i++) {
        uint32_t t = a->timex_of[i];
        if (t == QG_NONE || d->timexes.items[t].first != i || a->quote_of[i] != QG_NONE)
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
    for (uint32_t i = sent->first; i < sent->last; i++) {
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

/* A speaker's statements in one report share its date and outlet: later
 * statements inherit from earlier ones, and the lead (first paragraphs)
 * from the body. Only along runs of the same speaker, so that another
 * speaker's words in between end the occasion. */
static void inherit_links(attr *a)
{
    qg_doc *d = a->doc;
    uint32_t n = d->statements.count;
    for (uint32_t k = 1; k < n; k++) {
        qg_statement *s = &d->statements.items[k], *p = &d->statements.items[k - 1];
        if (s->speaker == QG_NONE || s->speaker != p->speaker)
            continue;
        if (s->date == QG_NONE && p->date != QG_NONE) {
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
        uint32_t t = token_at_byte(d, s->start);
        if (t >= d->tokens.count || d->sentences.items[a->sent_of[t]].para > 2)
            continue;
        if (s->speaker == QG_NONE || s->speaker != nx->speaker)
            continue;
        if (s->date == QG_NONE && nx->date != QG_NONE) {
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
    continuation_pass(&a);
    sort_statements(doc);
    for (uint32_t k = 0; k < doc->statements.count; k++)
        frame_links(&a, &doc->statements.items[k]);
    inherit_links(&a);
    return QG_OK;
}
