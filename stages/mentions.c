/* mentions.c - finds the things that can speak: people (with titles and
 * honorifics), organizations and outlets, unnamed groups, nominals that
 * repeat a title ("the general"), and pronouns.
 * Reads: tokens, sentences, timexes. Adds: mentions, in text order. */
#include <stdlib.h>
#include <string.h>

#include "stage.h"
#include "tokens.h"

#include "provenance.h"


typedef struct {
    qg_doc *doc;
    const qg_rules *rules;
    uint8_t *used;     /* token already inside a mention or a date */
    uint8_t *midcap;   /* per token: its text occurs capitalized mid-sentence */
    uint32_t sent_first, sent_last;
    bool headline;
    bool lone_pass;    /* second pass: single-word names are allowed */
    bool titlecase;    /* the sentence is a headline in title case */
    uint64_t *surnames; /* hash set of last words of names found in the first pass */
    uint32_t surnames_cap;
    uint64_t *orgwords; /* hash set of first words of organization names ("Korvex") */
    const qg_stage_ctx *ctx; /* match data for the patterns */
    const pcre2_code *callsign; /* patterns.txt outlet_callsign, or NULL */
} scan;

static uint64_t word_hash(const qg_doc *d, uint32_t i)
{
    uint64_t h = 1469598103934665603ull;
    for (uint32_t b = d->tokens.items[i].start; b < d->tokens.items[i].end; b++)
        h = (h ^ (unsigned char)d->text[b]) * 1099511628211ull;
    return h | 1;
}

static uint64_t *set_slot(uint64_t *set, uint32_t cap, uint64_t h)
{
    uint32_t k = (uint32_t)h & (cap - 1);
    while (set[k] && set[k] != h)
        k = (k + 1) & (cap - 1);
    return &set[k];
}

static uint64_t *surname_slot(const scan *s, uint64_t h)
{
    return set_slot(s->surnames, s->surnames_cap, h);
}

static uint64_t *orgword_slot(const scan *s, uint64_t h)
{
    return set_slot(s->orgwords, s->surnames_cap, h);
}

/* ---- token classes for names ---- */

static bool is_particle(const qg_doc *d, uint32_t i)
{
    static const char *const particles[] = {"al", "bin", "ibn", "de", "da", "van", "von", "del",
                                            "der", "di", "la", "le", "el", "abu", "bint", NULL};
    if (!tok_lower(d, i))
        return false;
    for (int k = 0; particles[k]; k++)
        if (qg_tok_is(d, i, particles[k]))
            return true;
    return false;
}

/* A capitalized word that can be part of a person's name: not a known
 * function word, title, honorific, organization, date, cue or pronoun. */
/* "al-Assad", "bin-Laden", "el-Sisi": a lower-case particle joined to a name. */
static bool particle_name(const qg_doc *d, uint32_t i)
{
    const char *t = qg_tok_text(d, i);
    uint32_t n = qg_tok_len(d, i);
    for (uint32_t k = 1; k < n && k <= 4; k++)
        if (t[k] == '-')
            return k + 1 < n && t[k + 1] >= 'A' && t[k + 1] <= 'Z' && t[0] >= 'a' && t[0] <= 'z';
    return false;
}

static bool name_word(const scan *s, uint32_t i)
{
    const qg_doc *d = s->doc;
    /* A particle name is lower-case, so only lower-case words are tried. */
    if (!tok_cap(d, i))
        return tok_word(d, i) && !s->used[i] && i > s->sent_first && tok_cap(d, i - 1) && particle_name(d, i);
    if (s->used[i])
        return false;
    const qg_token *t = tok(d, i);
    if ((t->flags & QG_TF_UPPER) && qg_tok_len(d, i) > 1 && !(t->flags & QG_TF_ABBR))
        return false; /* acronyms name organizations */
    if ((t->flags & QG_TF_ABBR) && qg_tok_len(d, i) != 2)
        return false;
    uint32_t blocked = QG_LEX_FUNCTION | QG_LEX_HONORIFIC | QG_LEX_TITLE | QG_LEX_ORG |
                       QG_LEX_DATE | QG_LEX_PRONOUN | QG_LEX_CUE | QG_LEX_GROUP | QG_LEX_MODIFIER;
    /* "Liu He", "Kim Il Sung": a capitalized pronoun inside a name */
    if ((t->lex & blocked) == QG_LEX_PRONOUN && i > s->sent_first && tok_cap(d, i - 1) &&
        !(tok(d, i - 1)->lex & (QG_LEX_FUNCTION | QG_LEX_PRONOUN)))
        return true;
    if (t->lex & blocked) {
        /* A given name that is also a common word (Mark, Grace) still counts
         * when a capitalized word follows it; a surname that is also a
         * place (Jim Jordan) when a given name precedes it or it is the
         * surname of someone already named. */
        bool given = (t->lex & QG_LEX_FIRSTNAME) && tok_cap(d, i + 1);
        bool place_surname = (t->lex & blocked) == QG_LEX_ORG &&
                             ((i > s->sent_first && tok_cap(d, i - 1) && tok_has(d, i - 1, QG_LEX_FIRSTNAME)) ||
                              (s->lone_pass && *surname_slot(s, word_hash(d, i))));
        if (!given && !place_surname)
            return false;
    }
    for (uint32_t k = t->start; k < t->end; k++)
        if (d->text[k] >= '0' && d->text[k] <= '9')
            return false;
    /* the first word of a listed organization or place: "Truth Social" */
    if (t->lex & QG_LEX_PHRASE) {
        const qg_lex_entry *e = qg_rules_phrase(s->rules, d, i, s->sent_last, QG_LEX_ORG);
        if (e && e->ntok > 1)
            return false;
    }
    return true;
}

static bool honorific_at(const scan *s, uint32_t i, uint32_t *len, uint32_t *attrs)
{
    const qg_lex_entry *e = qg_rules_phrase(s->rules, s->doc, i, s->sent_last, QG_LEX_HONORIFIC);
    if (!e)
        return false;
    *len = e->ntok;
    *attrs = e->attrs;
    return true;
}

/* ---- persons ---- */

static bool ends_with(const qg_doc *d, uint32_t i, const char *suffix)
{
    size_t n = qg_tok_len(d, i), k = strlen(suffix);
    return n > k + 2 && memcmp(qg_tok_text(d, i) + n - k, suffix, k) == 0;
}

static bool is_function_like(const scan *s, uint32_t i)
{
    const qg_doc *d = s->doc;
    uint32_t n = qg_tok_len(d, i);
    const char *t = qg_tok_text(d, i);
    return tok_has(d, i, QG_LEX_FUNCTION | QG_LEX_CUE | QG_LEX_PRONOUN | QG_LEX_DATE) ||
           (n > 3 && t[n - 2] == 'l' && t[n - 1] == 'y') || (n > 3 && memcmp(t + n - 2, "ed", 2) == 0);
}

/* Walks left from the name core over a title: "Deputy Chief of Staff of
 * Iran's Armed Forces Brigadier General". Returns the first token of the
 * title material (== core if none); *DET is the determiner before it. */
static uint32_t title_prefix(const scan *s, uint32_t core, uint32_t *det, uint32_t *gender)
{
    const qg_doc *d = s->doc;
    uint32_t i = core;
    *det = QG_NONE;
    while (i > s->sent_first) {
        uint32_t p = i - 1;
        const qg_token *t = tok(d, p);
        if (s->used[p])
            break;
        uint32_t hattrs = tok_attrs(s->rules, d, p, QG_LEX_HONORIFIC);
        if (hattrs) {
            if (hattrs & QG_HON_MALE)
                *gender = QG_GENDER_MALE;
            if (hattrs & QG_HON_FEMALE)
                *gender = QG_GENDER_FEMALE;
            i = p;
            continue;
        }
        if ((t->lex & (QG_LEX_TITLE | QG_LEX_MODIFIER)) || ((t->lex & QG_LEX_ORG) && (t->flags & QG_TF_CAP))) {
            i = p;
            continue;
        }
        if (tok_poss(d, p) && p > s->sent_first) {
            /* Iran's / the country's: a possessor inside the title. */
            uint32_t q = p - 1;
            if (tok_cap(d, q) || tok_has(d, q, QG_LEX_TITLE | QG_LEX_ORG)) {
                i = q;
                continue;
            }
            if (tok_lower(d, q) && !tok_has(d, q, QG_LEX_FUNCTION | QG_LEX_CUE)) {
                i = q;
                if (q > s->sent_first && tok_fn(s->rules, d, q - 1, QG_FN_DET))
                    *det = q - 1;
                return i;
            }
            break;
        }
        if (tok_punct(d, p) == ')' && p >= s->sent_first + 2 && tok_punct(d, p - 2) == '(' &&
            tok(d, p - 1)->kind == QG_TOK_WORD && (tok(d, p - 1)->flags & QG_TF_UPPER)) {
            i = p - 2; /* (IRGC) after an organization */
            continue;
        }
        if (t->flags & QG_TF_UPPER && t->kind == QG_TOK_WORD) {
            i = p;
            continue;
        }
        if (tok_cap(d, p) && !tok_has(d, p, QG_LEX_FUNCTION | QG_LEX_CUE | QG_LEX_PRONOUN) &&
            i < core && !ends_with(d, p, "ing") && !(p == s->sent_first && ends_with(d, p, "ed"))) {
            i = p; /* a word of an organization inside the title: Civil Defense Organization */
            continue;
        }
        if ((qg_tok_is(d, p, "of") || qg_tok_is(d, p, "for") || qg_tok_is(d, p, "the")) && i < core &&
            p > s->sent_first) {
            /* "of" joins two title parts only when a title word precedes it. */
            uint32_t q = p - 1;
            if (qg_tok_is(d, p, "the") && (qg_tok_is(d, q, "of") || qg_tok_is(d, q, "for"))) {
                i = p;
                continue;
            }
            if (!qg_tok_is(d, p, "the") &&
                (tok_has(d, q, QG_LEX_TITLE | QG_LEX_HONORIFIC | QG_LEX_ORG) || tok_cap(d, q))) {
                i = p;
                continue;
            }
        }
        if (tok_fn(s->rules, d, p, QG_FN_DET) && !qg_tok_is(d, p, "no")) {
            *det = p;
            break;
        }
        /* A role noun right before the name: "rancher Dale Whitcomb" */
        if (i == core && tok_lower(d, p) && !is_function_like(s, p) && !tok_has(d, p, QG_LEX_GROUP) &&
            (p == s->sent_first || tok_punct(d, p - 1) || tok(d, p - 1)->kind == QG_TOK_QUOTE ||
             tok_has(d, p - 1, QG_LEX_CUE))) {
            i = p;
            continue;
        }
        /* One lower-case noun compounding a title word: "library director". */
        if (tok_lower(d, p) && i < core && tok_has(d, i, QG_LEX_TITLE) && !is_function_like(s, p) &&
            (p == s->sent_first || tok_punct(d, p - 1) || tok_fn(s->rules, d, p - 1, QG_FN_DET) ||
             tok_has(d, p - 1, QG_LEX_MODIFIER) || (tok(d, p - 1)->flags & QG_TF_POSS))) {
            i = p;
            continue;
        }
        break;
    }
    /* A title never starts with "of", "for" or "the". */
    while (i < core && (qg_tok_is(d, i, "of") || qg_tok_is(d, i, "for") || qg_tok_is(d, i, "the")))
        i++;
    return i;
}

/* Appositive title after a name: "Pourdastan, the second-in-command of the
 * Iranian Army," or "Smith, a spokesman, said". */
static void appositive(scan *s, qg_mention *m)
{
    const qg_doc *d = s->doc;
    uint32_t i = m->last;
    if (tok_punct(d, i) != ',' || i + 1 >= s->sent_last)
        return;
    uint32_t j = i + 1;
    if (tok_fn(s->rules, d, j, QG_FN_DET) || tok_poss(d, j + 1))
        j++;
    uint32_t start = j;
    bool has_title = false;
    uint32_t k = j;
    for (; k < s->sent_last && k < j + 12; k++) {
        char c = tok_punct(d, k);
        if (c == ',' || c == '.' || c == ';' || c == ':' || tok(d, k)->kind == QG_TOK_QUOTE)
            break;
        if (tok_has(d, k, QG_LEX_CUE) && !tok_has(d, k, QG_LEX_TITLE))
            return;
        if (tok_has(d, k, QG_LEX_PRONOUN) && !tok_has(d, k, QG_LEX_FUNCTION))
            return;
        if (tok_has(d, k, QG_LEX_TITLE))
            has_title = true;
    }
    if (!has_title || k == start)
        return;
    m->appos_first = start;
    m->appos_last = k;
    /* The apposition describes this person; it is no mention of its own. */
    for (uint32_t t = i + 1; t < k; t++)
        s->used[t] = 1;
}

/* Is the single-word name at I really a name? Without a title or given
 * name, it must behave like one: followed by a verb-ish word, punctuation,
 * a possessive, or occur capitalized mid-sentence elsewhere. */
static bool lone_name_ok(const scan *s, uint32_t i, bool sentence_initial)
{
    const qg_doc *d = s->doc;
    if (tok_has(d, i, QG_LEX_FIRSTNAME))
        return true;
    /* The surname of someone named in full elsewhere in the article. */
    if (*surname_slot(s, word_hash(d, i)))
        return true;
    /* An unknown capitalized word acts as a name when it acts as a speaker
     * or possessor: "Smith said", "Smith's", "said Smith.", "quoted Smith
     * as saying"; "our Country." or "Takfiri terrorists" do not. */
    uint32_t n = i + 1;
    bool after_cue = i > s->sent_first && (tok_has(d, i - 1, QG_LEX_CUE) ||
                                           (qg_tok_is(d, i - 1, "to") && i >= s->sent_first + 2 &&
                                            qg_tok_is(d, i - 2, "according")));
    if (qg_tok_is(d, n, "and") && name_word(s, n + 1) && name_word(s, n + 2))
        return true; /* "Gus and Helen Pappas" */
    if (tok_punct(d, n) == ':' && sentence_initial && n + 1 < s->sent_last &&
        (s->headline || tok(d, n + 1)->kind == QG_TOK_QUOTE))
        return true; /* "Pelosi: 'We will not back down'" */
    bool next_ok = tok_poss(d, n) || tok_has(d, n, QG_LEX_CUE) || tok_fn(s->rules, d, n, QG_FN_AUX | QG_FN_ADV) ||
                   (qg_tok_is(d, n, "as") && tok_has(d, n + 1, QG_LEX_CUE)) || /* quoted X as saying */
                   (after_cue && (n >= s->sent_last || tok_punct(d, n)));
    /* "Trump insists ...": a capitalized word right before a speech verb
     * is a name even at a sentence start. */
    if (sentence_initial)
        return next_ok && (s->midcap[i] || tok_has(d, n, QG_LEX_CUE));
    return next_ok;
}

static qg_mention *add_mention(scan *s, uint32_t first, uint32_t last, uint32_t kind, uint32_t rule)
{
    qg_mention *m = QG_VEC_PUSH(s->doc->arena, s->doc->mentions);
    m->first = first;
    m->last = last;
    m->kind = kind;
    m->rule = rule;
    m->entity = QG_NONE;
    m->head = QG_NONE;
    m->canon = QG_NONE;
    m->flags = 0; /* the slot of a mention taken back (inner_orgs) is reused */
    m->gender = QG_GENDER_UNKNOWN;
    m->name_first = m->name_last = QG_NONE;
    m->title_first = m->title_last = QG_NONE;
    m->appos_first = m->appos_last = QG_NONE;
    for (uint32_t k = first; k < last; k++)
        s->used[k] = 1;
    return m;
}

static uint32_t org_at(scan *s, uint32_t i);

/* Organizations named inside the title words [FIRST, LAST) of a person
 * ("IRGC navy commander", "head of Iran's Civil Defense Organization",
 * "analyst at Crestline Securities"): mentions of their own, flagged
 * QG_MF_INNER, for the member_of edge. Title and honorific words end a
 * name, so "Chief of Staff" is no organization; a country ("US Rep.",
 * "Iran's") is where the office is, not whom the person works for. */
static const qg_lex_entry *title_words_at(const scan *s, uint32_t i, uint32_t last)
{
    if (!tok_has(s->doc, i, QG_LEX_TITLE | QG_LEX_HONORIFIC | QG_LEX_PHRASE))
        return NULL;
    const qg_lex_entry *te = qg_rules_phrase(s->rules, s->doc, i, last, QG_LEX_TITLE);
    return te ? te : qg_rules_phrase(s->rules, s->doc, i, last, QG_LEX_HONORIFIC);
}

static void inner_orgs(scan *s, uint32_t first, uint32_t last)
{
    qg_doc *d = s->doc;
    uint32_t save = s->sent_last;
    for (uint32_t i = first; i < last;) {
        const qg_lex_entry *te = title_words_at(s, i, last);
        if (te || !tok_cap(d, i)) {
            i += te ? te->ntok : 1;
            continue;
        }
        uint32_t stop = i + 1; /* "the Army for Coordination Rear Admiral" */
        while (stop < last && !title_words_at(s, stop, last))
            stop++;
        uint32_t n = d->mentions.count;
        s->sent_last = stop;
        s->used[i] = 0;
        uint32_t e = org_at(s, i);
        s->sent_last = save;
        s->used[i] = 1;
        if (e > i && d->mentions.count > n) {
            /* A lone head word ("Board President", "Health Reporter",
             * "Energy Minister") says which office, not which body. */
            const qg_mention *o = &d->mentions.items[n];
            bool vague = o->last == o->first + 1 && !(o->flags & (QG_MF_ACRONYM | QG_MF_SHORT)) &&
                         (o->rule == QG_R_MENTION_ORG_HEAD ||
                          (tok_attrs(s->rules, d, o->first, QG_LEX_ORG) & QG_ORG_CORPORATE));
            if ((o->flags & QG_MF_COUNTRY) || vague)
                d->mentions.count = n;
            else
                d->mentions.items[n].flags |= QG_MF_INNER;
        }
        i = e > i ? e : i + 1;
    }
}

/* Tries a person mention whose name core starts at I. Returns the token
 * after the core, or I if there is none. */
static uint32_t person_at(scan *s, uint32_t i)
{
    const qg_doc *d = s->doc;
    if (!name_word(s, i))
        return i;
    if (s->titlecase && !(s->lone_pass && *surname_slot(s, word_hash(d, i))))
        return i;
    uint32_t e = i + 1;
    while (e < s->sent_last) {
        if (name_word(s, e)) {
            e++;
        } else if (is_particle(d, e) && name_word(s, e + 1)) {
            e += 2;
        } else {
            break;
        }
    }
    /* A lone initial ("X.", "A.") is no name. */
    if (e == i + 1 && (tok(d, i)->flags & QG_TF_ABBR) && qg_tok_len(d, i) == 2)
        return e;
    /* A capitalized run ending in an organization word is an organization. */
    if (e < s->sent_last && tok_cap(d, e) && (tok_attrs(s->rules, d, e, QG_LEX_ORG) & QG_ORG_HEAD))
        return i;
    /* "Cal Fire Battalion Chief Andrea Solis": a run before a title that
     * precedes another name belongs to that title. */
    if (e < s->sent_last && tok_cap(d, e) && tok_has(d, e, QG_LEX_TITLE | QG_LEX_HONORIFIC)) {
        uint32_t k = e;
        while (k < s->sent_last && k < e + 4 && tok_cap(d, k) && tok_has(d, k, QG_LEX_TITLE | QG_LEX_HONORIFIC))
            k++;
        if (name_word(s, k))
            return e;
    }
    uint32_t gender = QG_GENDER_UNKNOWN;
    uint32_t det = QG_NONE;
    uint32_t start = title_prefix(s, i, &det, &gender);
    /* A prefix of organization words alone ("the Nursing Alliance Cymru")
     * is no title: a person's title holds a title or honorific word. */
    bool titled = start + 1 == i && tok_lower(d, start); /* "rancher Dale Whitcomb" */
    for (uint32_t k = start; k < i && !titled; k++)
        titled = tok_has(d, k, QG_LEX_TITLE | QG_LEX_HONORIFIC);
    if (!titled) {
        start = i;
        det = QG_NONE;
    }
    bool initial = i == s->sent_first ||
                   (i > s->sent_first && tok(d, i - 1)->kind == QG_TOK_QUOTE && (tok(d, i - 1)->flags & QG_TF_Q_OPEN));
    if (start == i && e == i + 1 && (!s->lone_pass || !lone_name_ok(s, i, initial)))
        return e;
    if (start == i && e > i + 1 && i == s->sent_first && !s->midcap[i] && !tok_has(d, i, QG_LEX_FIRSTNAME) &&
        tok_has(d, i, QG_LEX_FUNCTION))
        return i;
    /* A bare name right after "of"/"in"/"at"/"from" is a place or an organization. */
    if (start == i && i > s->sent_first && !tok_has(d, i, QG_LEX_FIRSTNAME) &&
        (qg_tok_is(d, i - 1, "of") || qg_tok_is(d, i - 1, "in") || qg_tok_is(d, i - 1, "at") ||
         qg_tok_is(d, i - 1, "from") || qg_tok_is(d, i - 1, "for") || qg_tok_is(d, i - 1, "the")))
        return e;
    uint32_t first = det != QG_NONE ? det : start;
    qg_mention *m = add_mention(s, first, e, QG_MEN_NAME, QG_R_MENTION_NAME);
    m->name_first = i;
    m->name_last = e;
    *surname_slot(s, word_hash(d, e - 1)) = word_hash(d, e - 1);
    /* Name honorifics (Seyed) are part of the name, not of the title. */
    uint32_t tl = i;
    while (tl > start && (tok_attrs(s->rules, d, tl - 1, QG_LEX_HONORIFIC) & QG_HON_NAME))
        tl--;
    if (start < tl) {
        m->title_first = start;
        m->title_last = tl;
    }
    if (gender == QG_GENDER_UNKNOWN) {
        uint32_t na = tok_attrs(s->rules, d, i, QG_LEX_FIRSTNAME);
        if (na & QG_NAME_MALE)
            gender = QG_GENDER_MALE;
        else if (na & QG_NAME_FEMALE)
            gender = QG_GENDER_FEMALE;
    }
    for (uint32_t k = start; k < tl && gender == QG_GENDER_UNKNOWN; k++) {
        uint32_t ta = tok_attrs(s->rules, d, k, QG_LEX_TITLE);
        if (ta & QG_TITLE_MALE)
            gender = QG_GENDER_MALE;
        if (ta & QG_TITLE_FEMALE)
            gender = QG_GENDER_FEMALE;
    }
    m->gender = gender;
    appositive(s, m);
    /* m moves when the vector grows: read its ranges first */
    uint32_t af = m->appos_first, al = m->appos_last;
    if (start < tl)
        inner_orgs(s, start, tl);
    if (af != QG_NONE)
        inner_orgs(s, af, al);
    return e;
}

/* A title or honorific with no name: "Imam once said", used as a person. */
static uint32_t bare_honorific_at(scan *s, uint32_t i)
{
    uint32_t len = 0, attrs = 0;
    if (s->used[i] || !tok_cap(s->doc, i) || !honorific_at(s, i, &len, &attrs))
        return i;
    if (!(attrs & QG_HON_RELIGIOUS) || i == s->sent_first)
        return i;
    uint32_t n = i + len;
    if (!(tok_has(s->doc, n, QG_LEX_CUE) || tok_fn(s->rules, s->doc, n, QG_FN_ADV | QG_FN_AUX)))
        return i;
    qg_mention *m = add_mention(s, i, n, QG_MEN_NAME, QG_R_MENTION_NAME);
    m->name_first = i;
    m->name_last = n;
    m->title_first = i;
    m->title_last = n;
    m->gender = (attrs & QG_HON_FEMALE) ? QG_GENDER_FEMALE : QG_GENDER_MALE;
    return n;
}

/* ---- nominals and groups ---- */

/* "the general", "A senior Iranian military commander", "the president's
 * chief of staff", "A spokesman for Zarif"; in headlines also without a
 * determiner: "IRGC Commander says". */
static uint32_t nominal_at(scan *s, uint32_t i)
{
    const qg_doc *d = s->doc;
    /* "one Trump adviser", "another GOP senator": unnamed, like "a" */
    bool det = (tok_fn(s->rules, d, i, QG_FN_DET) &&
                (qg_tok_is(d, i, "the") || qg_tok_is(d, i, "a") || qg_tok_is(d, i, "an") ||
                 qg_tok_is(d, i, "one") || qg_tok_is(d, i, "another"))) ||
               (tok_attrs(s->rules, d, i, QG_LEX_PRONOUN) & QG_PRON_POSSESSIVE);
    /* "Norveta's chief medical officer": a possessor is as good as "the" */
    bool possessed = i > s->sent_first && (tok(d, i - 1)->flags & QG_TF_POSS);
    det = det || possessed;
    bool bare_ok = s->headline || i == s->sent_first || (i > s->sent_first && tok_punct(d, i - 1) == ':') ||
                   (i == s->sent_first + 1 && tok(d, s->sent_first)->kind == QG_TOK_QUOTE); /* "Coach told us */
    if (!det && !bare_ok)
        return i;
    uint32_t j = det && !possessed ? i + 1 : i;
    uint32_t head = QG_NONE, head_len = 0;
    uint32_t possessor_head = QG_NONE, possessor_len = 0;
    uint32_t k = j;
    while (k < s->sent_last && k < j + 8 && !s->used[k]) {
        const qg_token *t = tok(d, k);
        /* A listed organization before the title is one modifier, even when
         * its first word is a title too: "a Justice Department spokesman";
         * with no title after it, "the Justice Department" is no nominal. */
        if (head == QG_NONE && tok_cap(d, k)) {
            const qg_lex_entry *org = qg_rules_phrase(s->rules, d, k, s->sent_last, QG_LEX_ORG);
            if (org && org->ntok > 1) {
                k += org->ntok;
                continue;
            }
        }
        const qg_lex_entry *te = qg_rules_phrase(s->rules, d, k, s->sent_last, QG_LEX_TITLE);
        if (te && !(t->lex & QG_LEX_FUNCTION)) {
            head = k;
            head_len = te->ntok;
            k += te->ntok;
            /* "deputy trade minister": modifiers between title words */
            uint32_t look = k;
            while (look < s->sent_last && look < k + 2 && tok_lower(d, look) &&
                   tok_has(d, look, QG_LEX_MODIFIER) && !tok_has(d, look, QG_LEX_TITLE))
                look++;
            if (look > k && tok_has(d, look, QG_LEX_TITLE) && !tok_has(d, look, QG_LEX_FUNCTION))
                k = look;
            continue;
        }
        if (head != QG_NONE) {
            /* "the president's chief of staff": the possessor is not the
             * head, unless no title follows ("the minister's statements"). */
            if (tok_poss(d, k) && k + 1 < s->sent_last && possessor_head == QG_NONE) {
                possessor_head = head;
                possessor_len = head_len;
                head = QG_NONE;
                k++;
                continue;
            }
            break;
        }
        if (t->lex & (QG_LEX_MODIFIER | QG_LEX_ORG) || (t->flags & QG_TF_UPPER && t->kind == QG_TOK_WORD) ||
            (tok_cap(d, k) && !(t->lex & (QG_LEX_FUNCTION | QG_LEX_PRONOUN | QG_LEX_CUE)))) {
            k++;
            continue;
        }
        if (tok_poss(d, k) && k > j) {
            k++;
            continue;
        }
        /* "The pharmacy's owner": a possessor noun before the title */
        if (tok_lower(d, k) && (tok(d, k + 1)->flags & QG_TF_POSS) && !tok_has(d, k, QG_LEX_FUNCTION | QG_LEX_PRONOUN)) {
            k += 2;
            continue;
        }
        break;
    }
    if (head == QG_NONE && possessor_head != QG_NONE) {
        head = possessor_head;
        head_len = possessor_len;
    }
    if (head == QG_NONE)
        return i;
    /* "The Meridian County Health Authority": a capitalized head that also
     * ends organization names names an organization, not a person */
    if (tok_attrs(s->rules, d, head, QG_LEX_ORG) & QG_ORG_HEAD) {
        if (tok_cap(d, head) && head > j)
            return i;
        /* "the health authority said": the organization nominal, unless a
         * name follows ("the highest authority Supreme Leader Ali Khamenei") */
        if (!tok_cap(d, head) && !name_word(s, head + head_len))
            return i;
    }
    uint32_t e = head + head_len;
    /* A name right after the title makes it a person mention, handled there. */
    if (name_word(s, e))
        return i;
    /* "of the Iranian Armed Forces", "for Zarif": a short complement. */
    if ((qg_tok_is(d, e, "of") || qg_tok_is(d, e, "for")) && e + 1 < s->sent_last) {
        uint32_t c = e + 1;
        if (qg_tok_is(d, c, "the"))
            c++;
        uint32_t c0 = c;
        while (c < s->sent_last && c < c0 + 8 &&
               (tok_cap(d, c) || tok_poss(d, c) || tok_has(d, c, QG_LEX_MODIFIER | QG_LEX_ORG | QG_LEX_TITLE) ||
                (qg_tok_is(d, c, "and") && tok_cap(d, c + 1) && c > c0)))
            c++;
        /* "for Zarif", "of the Iranian Armed Forces", "for the mayor" */
        if (c > c0 && (tok_cap(d, c - 1) || tok_has(d, c - 1, QG_LEX_TITLE)))
            e = c;
    }
    /* Capitalized "Army commander" in running text is a title fragment; only
     * headlines and determiners make nominals of it. */
    if (!det && !s->headline && !(tok(d, j)->flags & QG_TF_CAP))
        return i;
    uint32_t tattrs = tok_attrs(s->rules, d, head, QG_LEX_TITLE);
    uint32_t gattrs = tok_attrs(s->rules, d, head, QG_LEX_GROUP);
    bool plural = (gattrs & QG_GROUP_PLURAL) != 0;
    qg_mention *m = add_mention(s, i, e, plural ? QG_MEN_GROUP : QG_MEN_NOMINAL, QG_R_MENTION_NOMINAL);
    m->head = head;
    if (det && !possessed && !qg_tok_is(d, i, "the") && !(tok_attrs(s->rules, d, i, QG_LEX_PRONOUN) & QG_PRON_POSSESSIVE))
        m->flags |= QG_MF_INDEFINITE;
    m->title_first = j;
    m->title_last = head + head_len;
    m->gender = (tattrs & QG_TITLE_FEMALE) ? QG_GENDER_FEMALE
                : (tattrs & QG_TITLE_MALE) ? QG_GENDER_MALE
                : plural ? QG_GENDER_PLURAL : QG_GENDER_UNKNOWN;
    /* "the IRGC commander", "a senior commander of the Iranian Armed Forces";
     * not in headlines and bylines ("Courier Staff Writer"), whose nominals
     * are resolved least reliably */
    if (!plural && !s->headline)
        inner_orgs(s, j, e);
    return e;
}

/* "Top Iranian officials and military commanders", "sources", "a source". */
static uint32_t group_at(scan *s, uint32_t i)
{
    const qg_doc *d = s->doc;
    uint32_t g = tok_attrs(s->rules, d, i, QG_LEX_GROUP);
    if (!g || s->used[i])
        return i;
    if (name_word(s, i + 1) || (tok_cap(d, i) && tok_cap(d, i + 1)))
        return i; /* inside a name: "Tech Workers Guild" */
    if ((tok(d, i + 1)->flags & QG_TF_POSS) && tok_has(d, i + 2, QG_LEX_GROUP))
        return i; /* "Dock workers' unions": the head comes later */
    if ((g & QG_GROUP_DOCUMENT) && i >= s->sent_first + 2 && tok_fn(s->rules, d, i - 1, QG_FN_DET) &&
        (qg_tok_is(d, i - 2, "in") || qg_tok_is(d, i - 2, "on")))
        return i; /* "in a memo", "in a letter": where it was said, not who */
    if (g & QG_GROUP_DOCUMENT) {
        /* "a poll", "the report", "a new study": a document needs a determiner
         * or a modifier, else it is a verb ("report", "poll") or a topic. */
        /* "..., study finds", "..., CDC report finds" */
        uint32_t p = i > s->sent_first + 1 && tok_cap(d, i - 1) ? i - 1 : i;
        bool headline_source = s->headline && p > s->sent_first && tok_punct(d, p - 1) == ',' &&
                               tok_has(d, i + 1, QG_LEX_CUE);
        if (!headline_source &&
            (i == s->sent_first || !(tok_fn(s->rules, d, i - 1, QG_FN_DET) || tok_has(d, i - 1, QG_LEX_MODIFIER) ||
                                     tok_lower(d, i - 1) || tok(d, i - 1)->kind == QG_TOK_NUMBER)))
            return i;
    } else if (g & QG_GROUP_SINGULAR) {
        /* "a source", "an official", "one investor": singular heads need an
         * indefinite article. */
        /* "the source, who ...", "the official said": a definite one set
         * off or speaking ("the source of the leak" is no speaker; "the group"
         * is an organization nominal) */
        bool definite = i > s->sent_first && qg_tok_is(d, i - 1, "the") && !tok_has(d, i, QG_LEX_ORG) &&
                        (tok_punct(d, i + 1) == ',' || tok_has(d, i + 1, QG_LEX_CUE));
        if (!definite &&
            (i == s->sent_first || !(qg_tok_is(d, i - 1, "a") || qg_tok_is(d, i - 1, "an") ||
                                     qg_tok_is(d, i - 1, "one") || tok_has(d, i - 1, QG_LEX_MODIFIER))))
            return i;
    }
    uint32_t start = i;
    while (start > s->sent_first) {
        uint32_t p = start - 1;
        if (s->used[p])
            break;
        const qg_token *t = tok(d, p);
        if ((t->lex & (QG_LEX_MODIFIER | QG_LEX_GROUP | QG_LEX_ORG)) ||
            (t->kind == QG_TOK_WORD && (t->flags & QG_TF_UPPER)) ||
            t->kind == QG_TOK_NUMBER || /* "three people familiar with", "a 2019 report" */
            (tok_cap(d, p) && !(t->lex & (QG_LEX_FUNCTION | QG_LEX_PRONOUN | QG_LEX_CUE | QG_LEX_DATE)))) {
            start = p;
            continue;
        }
        /* "Dock workers' unions": a possessor noun */
        if ((t->flags & QG_TF_POSS) && p > s->sent_first && tok_word(d, p - 1) && !s->used[p - 1] &&
            !tok_has(d, p - 1, QG_LEX_FUNCTION | QG_LEX_PRONOUN)) {
            start = p - 1;
            continue;
        }
        if (qg_tok_is(d, p, "and") && p > s->sent_first &&
            tok_has(d, p - 1, QG_LEX_GROUP | QG_LEX_MODIFIER | QG_LEX_ORG)) {
            start = p;
            if (s->used[p - 1])
                break; /* joined to the group before, below */
            continue;
        }
        if (tok_fn(s->rules, d, p, QG_FN_DET) || qg_tok_is(d, p, "many") || qg_tok_is(d, p, "some") ||
            (qg_tok_is(d, p, "one") && (g & QG_GROUP_SINGULAR)))
            start = p;
        break;
    }
    /* "one of the people", "two of the senators", "some of the officials" */
    if (start >= s->sent_first + 2 && qg_tok_is(d, start - 1, "of") && !s->used[start - 2] &&
        (tok(d, start - 2)->kind == QG_TOK_NUMBER ||
         (tok_attrs(s->rules, d, start - 2, QG_LEX_DATE) && qg_rules_tok(s->rules, d, start - 2, QG_LEX_DATE) &&
          (qg_rules_tok(s->rules, d, start - 2, QG_LEX_DATE)->attrs & QG_DATE_NUMBER)) ||
         qg_tok_is(d, start - 2, "some") || qg_tok_is(d, start - 2, "many") || qg_tok_is(d, start - 2, "several") ||
         qg_tok_is(d, start - 2, "most") || qg_tok_is(d, start - 2, "both") || qg_tok_is(d, start - 2, "each")))
        start -= 2;
    /* "officials and military commanders": one group, the first extended */
    if (qg_tok_is(d, start, "and") && d->mentions.count > 0) {
        qg_mention *prev = &d->mentions.items[d->mentions.count - 1];
        if (prev->kind == QG_MEN_GROUP && prev->last == start) {
            for (uint32_t k = prev->last; k <= i; k++)
                s->used[k] = 1;
            prev->last = i + 1;
            return i + 1;
        }
    }
    qg_mention *m = add_mention(s, start, i + 1, QG_MEN_GROUP, QG_R_MENTION_GROUP);
    m->head = i;
    m->gender = (g & QG_GROUP_PLURAL) ? QG_GENDER_PLURAL : QG_GENDER_UNKNOWN;
    return i + 1;
}

/* "Economists warn ...", "Transit advocates have long argued ...": a plural
 * noun of people by what they do (pattern group_plural) that speaks. */
static uint32_t plural_speakers_at(scan *s, uint32_t i, const qg_stage_ctx *ctx)
{
    const qg_doc *d = s->doc;
    if (s->used[i] || !tok_word(d, i) ||
        tok_has(d, i, QG_LEX_FUNCTION | QG_LEX_CUE | QG_LEX_PRONOUN | QG_LEX_DATE | QG_LEX_ORG | QG_LEX_FIRSTNAME) ||
        (tok_cap(d, i) && i != s->sent_first))
        return i; /* "Reuters said": a name, not a plural */
    uint32_t n = i + 1;
    /* "Ranchers in the area say": a short phrase of place between */
    if ((qg_tok_is(d, n, "in") || qg_tok_is(d, n, "at") || qg_tok_is(d, n, "from") || qg_tok_is(d, n, "across"))) {
        uint32_t k = n + 1;
        while (k < s->sent_last && k < n + 4 && tok_word(d, k) && !tok_has(d, k, QG_LEX_CUE))
            k++;
        if (tok_has(d, k, QG_LEX_CUE))
            n = k;
    }
    while (n < s->sent_last && n < i + 8 && tok_fn(s->rules, d, n, QG_FN_AUX | QG_FN_ADV))
        n++;
    if (!tok_has(d, n, QG_LEX_CUE) || (tok(d, i)->flags & QG_TF_UPPER))
        return i;
    const pcre2_code *re = qg_rules_pattern(s->rules, "group_plural");
    if (pcre2_match(re, (PCRE2_SPTR)qg_tok_text(d, i), qg_tok_len(d, i), 0, 0, ctx->match, ctx->limits) < 1)
        return i;
    uint32_t start = i;
    while (start > s->sent_first && !s->used[start - 1] &&
           (tok_has(d, start - 1, QG_LEX_MODIFIER | QG_LEX_ORG) ||
            (tok_lower(d, start - 1) && !tok_has(d, start - 1, QG_LEX_FUNCTION | QG_LEX_CUE | QG_LEX_PRONOUN) &&
             start - 1 > s->sent_first && tok_fn(s->rules, d, start - 2, QG_FN_DET)) ||
            (tok_cap(d, start - 1) && start - 1 == s->sent_first)))
        start--;
    if (start > s->sent_first && tok_fn(s->rules, d, start - 1, QG_FN_DET) && !s->used[start - 1])
        start--;
    qg_mention *m = add_mention(s, start, i + 1, QG_MEN_GROUP, QG_R_MENTION_GROUP);
    m->head = i;
    m->gender = QG_GENDER_PLURAL;
    return i + 1;
}

/* ---- organizations ---- */

/* "the department", "the company": an organization named by its kind,
 * which coreference ties to the last organization of that kind. */
static uint32_t org_nominal_at(scan *s, uint32_t i)
{
    const qg_doc *d = s->doc;
    if (s->used[i])
        return i;
    /* "the company", "her campaign", "Collier's campaign"; in a headline
     * also bare: "..., company says" */
    bool det = qg_tok_is(d, i, "the") || (tok_attrs(s->rules, d, i, QG_LEX_PRONOUN) & QG_PRON_POSSESSIVE);
    bool possessed = i > s->sent_first && (tok(d, i - 1)->flags & QG_TF_POSS);
    if (!det && !possessed && !(s->headline && tok_lower(d, i) && tok_has(d, i + 1, QG_LEX_CUE)))
        return i;
    /* The last head word the words from here reach: "her campaign said",
     * "the weather service", "Kestria's central bank", "the Boston-based
     * company", "the campaign finance office". */
    uint32_t k = QG_NONE;
    for (uint32_t j = (det && !possessed) ? i + 1 : i; j < s->sent_last && j < i + 5 && !s->used[j]; j++) {
        uint32_t ha = tok_attrs(s->rules, d, j, QG_LEX_ORG);
        if (tok_cap(d, j) && (ha & QG_ORG_OUTLET) && !(ha & QG_ORG_HEAD))
            return i; /* "the semi-official Mehr news agency": Mehr, by name */
        if (tok_lower(d, j) && (ha & QG_ORG_HEAD) && !(ha & (QG_ORG_OUTLET | QG_ORG_PLACE)) && !tok_cap(d, j + 1))
            k = j;
        bool word = (tok_has(d, j, QG_LEX_MODIFIER) && tok_lower(d, j)) || ends_with(d, j, "-based") ||
                    (tok_cap(d, j) && !tok_has(d, j, QG_LEX_FUNCTION) && tok_lower(d, j + 1)) ||
                    (tok_lower(d, j) && tok_word(d, j + 1) &&
                     !tok_has(d, j, QG_LEX_FUNCTION | QG_LEX_CUE | QG_LEX_PRONOUN | QG_LEX_DATE | QG_LEX_GROUP));
        if (!word || (tok(d, j)->flags & QG_TF_POSS))
            break;
    }
    if (k == QG_NONE)
        return i; /* "the news", "the post" name no organization */
    qg_mention *m = add_mention(s, i, k + 1, QG_MEN_ORG, QG_R_MENTION_ORG_HEAD);
    m->head = k;
    m->flags |= QG_MF_NOMINAL;
    m->gender = QG_GENDER_NEUTER;
    return k + 1;
}

/* "The FBI said", "NASA", "ODOT says": two to six capital letters name an
 * organization, unless the words around are capitals too (an all-caps
 * headline or dateline) or the word is a Roman numeral ("Henry Ford III"). */
static bool acronym(const scan *s, uint32_t i)
{
    const qg_doc *d = s->doc;
    const qg_token *t = tok(d, i);
    uint32_t n = qg_tok_len(d, i);
    if (t->kind != QG_TOK_WORD || !(t->flags & QG_TF_UPPER) || n < 2 || n > 6 ||
        (t->lex & (QG_LEX_FUNCTION | QG_LEX_PRONOUN | QG_LEX_HONORIFIC | QG_LEX_TITLE | QG_LEX_DATE | QG_LEX_CUE)))
        return false;
    const char *w = qg_tok_text(d, i);
    bool roman = true;
    for (uint32_t k = 0; k < n; k++) {
        if (w[k] < 'A' || w[k] > 'Z')
            return false;
        roman = roman && (w[k] == 'I' || w[k] == 'V' || w[k] == 'X');
    }
    bool caps_around = (i > s->sent_first && (tok(d, i - 1)->flags & QG_TF_UPPER) && tok_word(d, i - 1)) ||
                       (i + 1 < s->sent_last && (tok(d, i + 1)->flags & QG_TF_UPPER) && tok_word(d, i + 1));
    /* "ERIE, Pa. —": a dateline; "an MRI": a thing, not an organization */
    bool dateline = i == s->sent_first && i + 1 < s->sent_last &&
                    (tok_punct(d, i + 1) == ',' || tok_punct(d, i + 1) == '(' || tok_is_dash(d, i + 1));
    bool article = i > s->sent_first && (qg_tok_is(d, i - 1, "a") || qg_tok_is(d, i - 1, "an"));
    return !roman && !caps_around && !dateline && !article;
}

static uint32_t org_at(scan *s, uint32_t i)
{
    const qg_doc *d = s->doc;
    if (s->used[i])
        return i;
    const qg_lex_entry *e = qg_rules_phrase(s->rules, d, i, s->sent_last, QG_LEX_ORG);
    /* "the Tehran Times", "The Washington Examiner": a place before a head word */
    if (e && e->ntok == 1 && (e->attrs & (QG_ORG_COUNTRY | QG_ORG_METONYM | QG_ORG_PLACE)) && tok_cap(d, i + 1) &&
        (tok_attrs(s->rules, d, i + 1, QG_LEX_ORG) & QG_ORG_HEAD))
        e = NULL;
    /* "Jordan wrote" after "Jim Jordan": the person, not the country. */
    if (e && e->ntok == 1 && (e->attrs & (QG_ORG_COUNTRY | QG_ORG_METONYM)) && *surname_slot(s, word_hash(d, i)))
        return i;
    if (e && !(e->attrs & (QG_ORG_DEMONYM | QG_ORG_PLACE | QG_ORG_HEAD)) &&
        (tok(d, i)->flags & QG_TF_CAP)) {
        uint32_t end = i + e->ntok;
        /* "Mehr news agency", "the Kayhan newspaper": a lower-case outlet
         * word from organizations.txt (no head word: not "Mehr news") */
        const qg_lex_entry *kind = tok_lower(d, end) ? qg_rules_phrase(s->rules, d, end, s->sent_last, QG_LEX_ORG) : NULL;
        bool described = kind && (kind->attrs & QG_ORG_OUTLET) && !(kind->attrs & QG_ORG_HEAD);
        if (described)
            end += kind->ntok;
        else if (tok_cap(d, end) && (tok_attrs(s->rules, d, end, QG_LEX_ORG) & QG_ORG_OUTLET))
            end++; /* "Breitbart News" */
        /* "The Pentagon"; "the semi-official Mehr news agency" with up to
         * two words describing the outlet */
        uint32_t first = i, b = i;
        while (described && b > s->sent_first + 1 && b + 2 > i && tok_lower(d, b - 1) && !s->used[b - 1] &&
               !tok_has(d, b - 1, QG_LEX_FUNCTION | QG_LEX_CUE | QG_LEX_PRONOUN))
            b--;
        if (b > s->sent_first && qg_tok_is(d, b - 1, "the") && !s->used[b - 1])
            first = b - 1;
        qg_mention *m = add_mention(s, first, end, QG_MEN_ORG, QG_R_MENTION_ORG_LEXICON);
        m->canon = e->canon;
        if (described) {
            m->name_first = i; /* named "Mehr", as where it stands alone */
            m->name_last = i + e->ntok;
        }
        if ((e->attrs & QG_ORG_OUTLET) || (end > i + e->ntok))
            m->flags |= QG_MF_OUTLET;
        if (e->attrs & (QG_ORG_COUNTRY | QG_ORG_METONYM))
            m->flags |= QG_MF_COUNTRY;
        m->gender = QG_GENDER_NEUTER;
        return end;
    }
    /* A capitalized run ending in a head word: "Civil Defense Organization". */
    if (!tok_cap(d, i) || s->titlecase)
        return i;
    if (acronym(s, i)) {
        uint32_t first = i > s->sent_first && qg_tok_is(d, i - 1, "the") && !s->used[i - 1] ? i - 1 : i;
        qg_mention *m = add_mention(s, first, i + 1, QG_MEN_ORG, QG_R_MENTION_ORG_HEAD);
        m->gender = QG_GENDER_NEUTER;
        m->flags |= QG_MF_ACRONYM;
        /* "tells KXYZ": a broadcaster's call sign is an outlet */
        if (s->callsign && pcre2_match(s->callsign, (PCRE2_SPTR)qg_tok_text(d, i), qg_tok_len(d, i), 0, 0,
                                       s->ctx->match, s->ctx->limits) > 0)
            m->flags |= QG_MF_OUTLET;
        return i + 1;
    }
    /* "Korvex said" after "Korvex Semiconductor": the short form */
    if (*orgword_slot(s, word_hash(d, i)) && !tok_cap(d, i + 1)) {
        qg_mention *m = add_mention(s, i, i + 1, QG_MEN_ORG, QG_R_MENTION_ORG_HEAD);
        m->gender = QG_GENDER_NEUTER;
        m->flags |= QG_MF_SHORT;
        return i + 1;
    }
    uint32_t k = i;
    uint32_t last_head = QG_NONE, ampersand = QG_NONE;
    while (k < s->sent_last && k < i + 10) {
        /* a capitalized speech verb ends the name ("Acme Says"), unless it is
         * also an organization word ("State", "Post") */
        if (tok_cap(d, k) && !tok_has(d, k, QG_LEX_PRONOUN | QG_LEX_DATE) &&
            !(k > i && tok_has(d, k, QG_LEX_CUE) && !tok_has(d, k, QG_LEX_ORG))) {
            if (tok_attrs(s->rules, d, k, QG_LEX_ORG) & (QG_ORG_HEAD | QG_ORG_SUFFIX))
                last_head = k;
            k++;
        } else if ((qg_tok_is(d, k, "of") || qg_tok_is(d, k, "and") || qg_tok_is(d, k, "for")) &&
                   tok_cap(d, k + (qg_tok_is(d, k + 1, "the") ? 2 : 1))) {
            k += qg_tok_is(d, k + 1, "the") ? 2 : 1;
        } else if (k > i && (tok(d, k)->flags & QG_TF_POSS) && tok_cap(d, k + 1)) {
            k++; /* Writers' Freedom Coalition */
        } else if (k > i && qg_tok_is(d, k, "&") && tok_cap(d, k + 1) && !tok_has(d, k + 1, QG_LEX_FUNCTION)) {
            ampersand = k++; /* "Procter & Gamble", "Harbor & Pine": a firm's name */
        } else {
            break;
        }
    }
    uint32_t first = i;
    if (last_head == QG_NONE && ampersand != QG_NONE) {
        /* only the words joined by "&": not "Shares of" before them */
        last_head = k - 1;
        first = ampersand;
        while (first > i && tok_cap(d, first - 1) && !tok_has(d, first - 1, QG_LEX_FUNCTION))
            first--;
    }
    if (last_head == QG_NONE)
        return i;
    uint32_t end = k;
    /* Do not take a trailing "of X" that did not end in a head word. */
    while (end > last_head + 1 && !tok_cap(d, end - 1))
        end--;
    if (first > s->sent_first && qg_tok_is(d, first - 1, "the"))
        first--;
    qg_mention *m = add_mention(s, first, end, QG_MEN_ORG, QG_R_MENTION_ORG_HEAD);
    m->gender = QG_GENDER_NEUTER;
    if (tok_attrs(s->rules, d, last_head, QG_LEX_ORG) & QG_ORG_OUTLET)
        m->flags |= QG_MF_OUTLET; /* The Columbus Post-Dispatch */
    if (end > i + 1 && !tok_has(d, i, QG_LEX_ORG | QG_LEX_FUNCTION))
        *orgword_slot(s, word_hash(d, i)) = word_hash(d, i);
    return end;
}

/* ---- pronouns ---- */

static uint32_t pronoun_at(scan *s, uint32_t i)
{
    uint32_t a = tok_attrs(s->rules, s->doc, i, QG_LEX_PRONOUN);
    if (!(a & (QG_PRON_SUBJECT | QG_PRON_RELATIVE)) || s->used[i])
        return i;
    /* "He" capitalized after a capitalized word is part of a name ("Vice
     * Premier Liu He"); after a dash, colon or bracket it is still "he" */
    if (tok_cap(s->doc, i) && i > s->sent_first && tok_word(s->doc, i - 1) && tok_cap(s->doc, i - 1) &&
        !(tok(s->doc, i - 1)->lex & (QG_LEX_FUNCTION | QG_LEX_PRONOUN)) && !(tok(s->doc, i)->flags & QG_TF_UPPER) &&
        !qg_tok_is(s->doc, i, "i"))
        return i;
    /* "it" stands for a speaker only as the subject of a speech verb: "it said" */
    if ((a & QG_PRON_NEUTER) && !(a & QG_PRON_RELATIVE)) {
        uint32_t n = i + 1;
        while (n < s->sent_last && n < i + 4 && tok_fn(s->rules, s->doc, n, QG_FN_AUX | QG_FN_ADV))
            n++;
        if (!tok_has(s->doc, n, QG_LEX_CUE))
            return i;
    }
    /* Only the relative right after a mention or its comma introduces a
     * speaker: "Smith, who said", "Republicans who say". */
    if ((a & QG_PRON_RELATIVE) &&
        !(i > s->sent_first && (tok_punct(s->doc, i - 1) == ',' || s->used[i - 1])))
        return i;
    qg_mention *m = add_mention(s, i, i + 1, QG_MEN_PRONOUN, QG_R_MENTION_PRONOUN);
    m->gender = (a & QG_PRON_MALE) ? QG_GENDER_MALE
                : (a & QG_PRON_FEMALE) ? QG_GENDER_FEMALE
                : (a & QG_PRON_PLURAL) ? QG_GENDER_PLURAL
                : (a & QG_PRON_NEUTER) ? QG_GENDER_NEUTER : QG_GENDER_UNKNOWN;
    m->head = i;
    return i + 1;
}

/* ---- the pass ---- */

/* Capitalized words seen away from sentence starts: evidence that a
 * sentence-initial capitalized word is a name rather than "Asked" or "Only". */
static void mark_midcap(scan *s)
{
    const qg_doc *d = s->doc;
    uint32_t n = d->tokens.count;
    /* Hash the text of mid-sentence capitalized words, then look up starts. */
    uint32_t cap = 1;
    while (cap < n * 2 + 16)
        cap <<= 1;
    uint64_t *set = qg_arena_alloc(d->arena, cap * sizeof *set);
    uint8_t *initial = qg_arena_alloc(d->arena, n + 1);
    for (uint32_t k = 0; k < d->sentences.count; k++) {
        initial[d->sentences.items[k].first] = 1;
        uint32_t f = d->sentences.items[k].first;
        if (f + 1 < n && tok(d, f)->kind == QG_TOK_QUOTE)
            initial[f + 1] = 1;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (!tok_cap(d, i))
            continue;
        uint64_t h = 1469598103934665603ull;
        for (uint32_t b = tok(d, i)->start; b < tok(d, i)->end; b++)
            h = (h ^ (unsigned char)d->text[b]) * 1099511628211ull;
        h |= 1;
        uint32_t slot = (uint32_t)h & (cap - 1);
        if (!initial[i] && !(i > 0 && tok(d, i - 1)->kind == QG_TOK_QUOTE)) {
            while (set[slot] && set[slot] != h)
                slot = (slot + 1) & (cap - 1);
            set[slot] = h;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        if (!tok_cap(d, i))
            continue;
        uint64_t h = 1469598103934665603ull;
        for (uint32_t b = tok(d, i)->start; b < tok(d, i)->end; b++)
            h = (h ^ (unsigned char)d->text[b]) * 1099511628211ull;
        h |= 1;
        uint32_t slot = (uint32_t)h & (cap - 1);
        while (set[slot] && set[slot] != h)
            slot = (slot + 1) & (cap - 1);
        s->midcap[i] = set[slot] == h;
    }
}

/* Mentions never overlap, but for organizations inside a person's title
 * (QG_MF_INNER), which may start where it starts and sort after it. */
static int by_first(const void *a, const void *b)
{
    const qg_mention *p = a, *q = b;
    if (p->first != q->first)
        return (p->first > q->first) - (p->first < q->first);
    return (p->last < q->last) - (p->last > q->last);
}

static void set_sentence(scan *s, uint32_t si)
{
    const qg_doc *d = s->doc;
    const qg_sentence *sent = &d->sentences.items[si];
    s->sent_first = sent->first;
    s->sent_last = sent->last;
    s->headline = (sent->flags & QG_SF_HEADLINE) != 0;
    /* "Federal Agency Spent $1.4 Million On Office Art": in a headline in
     * title case, capitals say nothing about names. */
    s->titlecase = false;
    if (!s->headline)
        return;
    uint32_t words = 0, caps = 0;
    for (uint32_t i = sent->first; i < sent->last; i++)
        if (tok_word(d, i) && !tok_has(d, i, QG_LEX_FUNCTION)) {
            words++;
            caps += tok_cap(d, i) ? 1 : 0;
        }
    s->titlecase = words >= 5 && caps * 10 >= words * 8;
}

static void sort_mentions(qg_doc *doc)
{
    if (doc->mentions.count > 1)
        qsort(doc->mentions.items, doc->mentions.count, sizeof *doc->mentions.items, by_first);
}

qg_status qg_stage_mentions(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err)
{
    (void)err;
    uint32_t n = doc->tokens.count;
    scan s = {doc, ctx->rules, qg_arena_alloc(doc->arena, n + 1), qg_arena_alloc(doc->arena, n + 1),
              0, 0, false, false, false, NULL, 0, NULL, ctx, qg_rules_pattern(ctx->rules, "outlet_callsign")};
    for (uint32_t k = 0; k < doc->timexes.count; k++)
        for (uint32_t i = doc->timexes.items[k].first; i < doc->timexes.items[k].last; i++)
            s.used[i] = 1;
    mark_midcap(&s);
    s.surnames_cap = 64;
    while (s.surnames_cap < n)
        s.surnames_cap <<= 1;
    s.surnames = qg_arena_alloc(doc->arena, s.surnames_cap * sizeof *s.surnames);
    s.orgwords = qg_arena_alloc(doc->arena, s.surnames_cap * sizeof *s.orgwords);
    /* Pass 1: names with a title, an honorific or more than one word, so
     * that pass 2 knows the surnames a lone "Salami" or "Trump" stands for. */
    for (uint32_t si = 0; si < doc->sentences.count; si++) {
        set_sentence(&s, si);
        for (uint32_t i = s.sent_first; i < s.sent_last;) {
            uint32_t e = person_at(&s, i);
            if (e == i)
                e = bare_honorific_at(&s, i);
            i = e > i ? e : i + 1;
        }
    }
    s.lone_pass = true;
    for (uint32_t si = 0; si < doc->sentences.count; si++) {
        set_sentence(&s, si);
        /* Nominals before organizations: "the US president" is a person;
         * before lone names: "a spokesman for Zarif" is the spokesman. */
        for (uint32_t i = s.sent_first; i < s.sent_last;) {
            uint32_t e = nominal_at(&s, i);
            if (e == i)
                e = group_at(&s, i);
            if (e == i)
                e = plural_speakers_at(&s, i, ctx);
            i = e > i ? e : i + 1;
        }
        /* Organizations before lone names: "Nursing Alliance Cymru". */
        for (uint32_t i = s.sent_first; i < s.sent_last;) {
            uint32_t e = org_at(&s, i);
            if (e == i)
                e = org_nominal_at(&s, i);
            i = e > i ? e : i + 1;
        }
        for (uint32_t i = s.sent_first; i < s.sent_last;) {
            uint32_t e = person_at(&s, i);
            if (e == i)
                e = pronoun_at(&s, i);
            i = e > i ? e : i + 1;
        }
    }
    sort_mentions(doc);
    return QG_OK;
}
