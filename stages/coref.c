/* coref.c - groups mentions into entities: a person's full name, surname
 * and honorific forms become one person; nominals ("the general") go to the
 * person holding that title; pronouns to the most recent compatible person.
 * Reads: tokens, mentions. Adds: entities, and each mention's entity. */
#include <string.h>

#include "stage.h"
#include "layout.h"
#include "tokens.h"
#include "trace.h"

#define MAX_TITLE_WORDS 24
/* How many mentions away an antecedent may be: keeps long documents linear. */
#define WINDOW 256u
/* Sentences of running text that count as the lead (captions included). */
#define LEAD_SENTENCES 4u

enum { /* kinds of office, from title and honorific attributes */
    OFFICE_MILITARY = 1u << 0,
    OFFICE_POLITICAL = 1u << 1,
    OFFICE_RELIGIOUS = 1u << 2
};

typedef struct {
    uint64_t words[MAX_TITLE_WORDS]; /* hashes of the folded words of its titles */
    uint32_t nwords;
    uint32_t office;                 /* OFFICE_* */
    uint32_t last_mention;           /* most recent mention (for recency) */
} person_info;

typedef struct {
    qg_doc *doc;
    const qg_rules *rules;
    person_info *info; /* parallel to entities */
    uint64_t *keys;    /* open-addressing map: name key -> entity + 1 */
    uint32_t *vals;
    uint32_t cap;
    uint32_t *quote_of; /* per token: innermost quote, or QG_NONE */
    uint32_t *sent_of;  /* per token: sentence */
    uint32_t *body_index; /* per sentence: full sentences (not headlines) before it */
} coref;

static uint64_t hash_folded(const qg_doc *d, uint32_t first, uint32_t last)
{
    char buf[256];
    uint64_t h = 1469598103934665603ull;
    for (uint32_t i = first; i < last; i++) {
        size_t n = qg_fold(qg_tok_text(d, i), qg_tok_len(d, i), buf, sizeof buf);
        for (size_t k = 0; k < n; k++)
            h = (h ^ (unsigned char)buf[k]) * 1099511628211ull;
        h = (h ^ ' ') * 1099511628211ull;
    }
    return h | 1;
}

static uint32_t *map_slot(coref *c, uint64_t key)
{
    uint32_t i = (uint32_t)key & (c->cap - 1);
    while (c->keys[i] && c->keys[i] != key)
        i = (i + 1) & (c->cap - 1);
    c->keys[i] = key;
    return &c->vals[i];
}

static uint32_t new_entity(coref *c, uint32_t type, uint32_t mention)
{
    qg_doc *d = c->doc;
    qg_entity *e = QG_VEC_PUSH(d->arena, d->entities);
    e->type = type;
    e->gender = d->mentions.items[mention].gender;
    e->name_mention = mention;
    e->canon = d->mentions.items[mention].canon;
    e->first_mention = mention;
    e->outlet = (d->mentions.items[mention].flags & QG_MF_OUTLET) ? 1 : 0;
    return d->entities.count - 1;
}

static void add_title_words(coref *c, uint32_t ent, uint32_t first, uint32_t last)
{
    if (first == QG_NONE)
        return;
    person_info *pi = &c->info[ent];
    for (uint32_t i = first; i < last && pi->nwords < MAX_TITLE_WORDS; i++) {
        const qg_token *t = tok(c->doc, i);
        if (t->kind != QG_TOK_WORD || (t->lex & QG_LEX_FUNCTION))
            continue;
        uint32_t ta = tok_attrs(c->rules, c->doc, i, QG_LEX_TITLE);
        uint32_t ha = tok_attrs(c->rules, c->doc, i, QG_LEX_HONORIFIC);
        if ((ta & QG_TITLE_MILITARY) || (ha & QG_HON_MILITARY))
            pi->office |= OFFICE_MILITARY;
        if ((ta & QG_TITLE_POLITICAL) || (ha & QG_HON_POLITICAL))
            pi->office |= OFFICE_POLITICAL;
        if ((ta & QG_TITLE_RELIGIOUS) || (ha & QG_HON_RELIGIOUS))
            pi->office |= OFFICE_RELIGIOUS;
        pi->words[pi->nwords++] = hash_folded(c->doc, i, i + 1);
    }
}

static void attach(coref *c, uint32_t mention, uint32_t ent)
{
    qg_doc *d = c->doc;
    qg_mention *m = &d->mentions.items[mention];
    m->entity = ent;
    qg_entity *e = &d->entities.items[ent];
    if (e->gender == QG_GENDER_UNKNOWN && m->gender != QG_GENDER_UNKNOWN &&
        m->gender != QG_GENDER_PLURAL && e->type == QG_ENT_PERSON)
        e->gender = m->gender;
    if (e->type == QG_ENT_PERSON) {
        c->info[ent].last_mention = mention;
        add_title_words(c, ent, m->title_first, m->title_last);
        add_title_words(c, ent, m->appos_first, m->appos_last);
        /* The canonical name is the longest bare name seen. */
        if (m->kind == QG_MEN_NAME) {
            const qg_mention *best = &d->mentions.items[e->name_mention];
            if (best->kind != QG_MEN_NAME ||
                m->name_last - m->name_first > best->name_last - best->name_first)
                e->name_mention = mention;
        }
    }
}

/* A person by surname; given names must agree when both are spelled out. */
static void resolve_name(coref *c, uint32_t mi)
{
    qg_doc *d = c->doc;
    qg_mention *m = &d->mentions.items[mi];
    uint64_t key = hash_folded(d, m->name_last - 1, m->name_last);
    uint32_t *slot = map_slot(c, key);
    if (*slot) {
        uint32_t ent = *slot - 1;
        const qg_mention *nm = &d->mentions.items[d->entities.items[ent].name_mention];
        bool both_full = m->name_last - m->name_first > 1 && nm->kind == QG_MEN_NAME &&
                         nm->name_last - nm->name_first > 1;
        if (!both_full || hash_folded(d, m->name_first, m->name_first + 1) ==
                              hash_folded(d, nm->name_first, nm->name_first + 1)) {
            attach(c, mi, qg_trace_pick(d, QG_T_NAME_SURNAME, mi, d->entities.items[ent].name_mention, ent));
            return;
        }
        qg_trace(d, QG_T_NAME_GIVEN_DIFFER, 0, mi, d->entities.items[ent].name_mention, ent, 0);
    }
    uint32_t ent = new_entity(c, QG_ENT_PERSON, mi);
    qg_trace(d, QG_T_NAME_NEW, 0, mi, mi, ent, 0);
    *slot = ent + 1;
    attach(c, mi, ent);
}

/* Does the canonical name CANON hold the word of token T ("Department of
 * Defense" for "the department")? */
static bool canon_has_word(const coref *c, uint32_t canon, const qg_doc *d, uint32_t t)
{
    char word[128];
    size_t wn = qg_fold(qg_tok_text(d, t), qg_tok_len(d, t), word, sizeof word);
    const char *name = qg_rules_str(c->rules, canon);
    char folded[512];
    size_t fn = qg_fold(name, strlen(name), folded, sizeof folded);
    for (size_t k = 0; wn && k + wn <= fn; k++)
        if ((k == 0 || folded[k - 1] == ' ') && memcmp(folded + k, word, wn) == 0 &&
            (k + wn == fn || folded[k + wn] == ' '))
            return true;
    return false;
}

/* "the department": the latest organization whose name has that word. */
static uint32_t org_nominal_target(coref *c, uint32_t mi)
{
    qg_doc *d = c->doc;
    const qg_mention *m = &d->mentions.items[mi];
    uint64_t head = hash_folded(d, m->head, m->head + 1);
    for (uint32_t k = mi; k-- > 0 && mi - k <= WINDOW;) {
        const qg_mention *p = &d->mentions.items[k];
        if (p->kind != QG_MEN_ORG || p->entity == QG_NONE || (p->flags & QG_MF_NOMINAL))
            continue;
        for (uint32_t t = p->first; t < p->last; t++)
            if (hash_folded(d, t, t + 1) == head)
                return p->entity;
        if (p->canon != QG_NONE && canon_has_word(c, p->canon, d, m->head))
            return p->entity;
    }
    /* "the company", "the chipmaker": the last company named; "the agency":
     * the last public body named (a name ending in Agency, Department,
     * Administration, ...). Other kinds stay unresolved rather than borrow
     * a wrong name. */
    uint32_t kind = tok_attrs(c->rules, d, m->head, QG_LEX_ORG) & (QG_ORG_CORPORATE | QG_ORG_GOVERNMENT);
    if (!kind) {
        /* "the group", "the union", "the alliance": the last organization
         * that is neither a company, a public body, an outlet nor a country */
        for (uint32_t k = mi; k-- > 0 && mi - k <= WINDOW;) {
            const qg_mention *p = &d->mentions.items[k];
            if (p->kind == QG_MEN_ORG && p->entity != QG_NONE && c->quote_of[p->first] == QG_NONE &&
                !(p->flags & (QG_MF_NOMINAL | QG_MF_OUTLET | QG_MF_COUNTRY | QG_MF_ACRONYM | QG_MF_INNER)) &&
                !(tok_attrs(c->rules, d, p->last - 1, QG_LEX_ORG) & (QG_ORG_GOVERNMENT | QG_ORG_SUFFIX)))
                return p->entity;
        }
        return QG_NONE;
    }
    /* In the nearest sentence with a candidate, the earliest one: the
     * subject ("Korvex forecast revenue below Wall Street estimates"), not
     * an employer in an apposition ("analyst at Halvorsen Capital"). */
    uint32_t best = QG_NONE, best_sent = QG_NONE;
    for (uint32_t k = mi; k-- > 0 && mi - k <= WINDOW;) {
        const qg_mention *p = &d->mentions.items[k];
        if (best_sent != QG_NONE && c->sent_of[p->first] != best_sent)
            break;
        if (p->kind != QG_MEN_ORG || p->entity == QG_NONE || (p->flags & (QG_MF_NOMINAL | QG_MF_OUTLET | QG_MF_COUNTRY | QG_MF_ACRONYM | QG_MF_INNER)) ||
            c->quote_of[p->first] != QG_NONE)
            continue;
        bool public_body = (tok_attrs(c->rules, d, p->last - 1, QG_LEX_ORG) & QG_ORG_GOVERNMENT) != 0;
        if ((kind & QG_ORG_CORPORATE) ? !public_body : public_body) {
            best = p->entity;
            best_sent = c->sent_of[p->first];
        }
    }
    return best;
}

/* The mention that possesses organization nominal MI ("Cornwell" in
 * "Cornwell's office"), or QG_NONE. */
static uint32_t possessed_by(const coref *c, uint32_t mi)
{
    const qg_doc *d = c->doc;
    const qg_mention *m = &d->mentions.items[mi];
    if (mi == 0 || m->first == 0 || !(d->tokens.items[m->first - 1].flags & QG_TF_POSS) ||
        d->mentions.items[mi - 1].last + 1 != m->first)
        return QG_NONE;
    uint32_t k = d->mentions.items[mi - 1].kind;
    return (k == QG_MEN_NAME || k == QG_MEN_NOMINAL) ? mi - 1 : QG_NONE;
}

/* Does acronym A (upper case) stand for the words [FIRST, LAST)? Its
 * letters are the initials of the capitalized words ("Federal Bureau of
 * Investigation"), of all words ("Oregon Department of Transportation"),
 * or begin those ("Centers for Disease Control and Prevention": CDC). */
static bool initials_match(const qg_doc *d, const char *a, uint32_t n, uint32_t first, uint32_t last)
{
    char caps[16] = {0}, all[16] = {0};
    uint32_t nc = 0, na = 0;
    for (uint32_t t = first; t < last && na < sizeof all; t++) {
        if (!tok_word(d, t) || qg_tok_is(d, t, "the"))
            continue;
        char ch = qg_tok_text(d, t)[0];
        all[na++] = (char)(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
        if (tok_cap(d, t) && nc < sizeof caps)
            caps[nc++] = ch;
    }
    return (nc == n && memcmp(caps, a, n) == 0) || (na == n && memcmp(all, a, n) == 0) ||
           (n >= 3 && nc > n && memcmp(caps, a, n) == 0);
}

/* The organization an acronym stands for: the name just before it in
 * parentheses ("the Federal Bureau of Investigation (FBI)"), else the
 * latest organization whose initials it spells. */
static uint32_t paren_target(const coref *c, uint32_t mi)
{
    const qg_doc *d = c->doc;
    const qg_mention *m = &d->mentions.items[mi];
    if (mi > 0 && m->first > 0 && qg_tok_is(d, m->first - 1, "(") &&
        d->mentions.items[mi - 1].last + 1 == m->first && d->mentions.items[mi - 1].kind == QG_MEN_ORG)
        return d->mentions.items[mi - 1].entity;
    return QG_NONE;
}

static uint32_t acronym_target(coref *c, uint32_t mi)
{
    const qg_doc *d = c->doc;
    const qg_mention *m = &d->mentions.items[mi];
    uint32_t at = m->last - 1, n = qg_tok_len(d, at);
    const char *a = qg_tok_text(d, at);
    uint32_t paren = paren_target(c, mi);
    if (paren != QG_NONE)
        return paren;
    for (uint32_t k = mi; k-- > 0 && mi - k <= WINDOW;) {
        const qg_mention *p = &d->mentions.items[k];
        if (p->kind == QG_MEN_ORG && p->entity != QG_NONE && !(p->flags & (QG_MF_NOMINAL | QG_MF_ACRONYM)) &&
            initials_match(d, a, n, p->first, p->last))
            return p->entity;
    }
    return QG_NONE;
}

static void resolve_org(coref *c, uint32_t mi)
{
    qg_doc *d = c->doc;
    qg_mention *m = &d->mentions.items[mi];
    uint64_t key;
    if (m->canon != QG_NONE) {
        const char *s = qg_rules_str(c->rules, m->canon);
        key = 1469598103934665603ull;
        for (; *s; s++)
            key = (key ^ (unsigned char)*s) * 1099511628211ull;
        key |= 1;
    } else {
        uint32_t f = m->first, l = m->last;
        if (qg_tok_is(d, f, "the"))
            f++;
        if (m->name_first != QG_NONE) { /* "Mehr news agency" is Mehr */
            f = m->name_first;
            l = m->name_last;
        }
        key = hash_folded(d, f, l);
    }
    key ^= 2; /* keep organizations apart from person surnames */
    /* short forms ("Korvex") under the first word of full names ("Korvex
     * Semiconductor"), kept apart by one more bit */
    uint32_t f0 = qg_tok_is(d, m->first, "the") ? m->first + 1 : m->first;
    uint64_t first_key = (hash_folded(d, f0, f0 + 1) ^ 4) | 1;
    if (m->flags & QG_MF_SHORT) {
        uint32_t *fs = map_slot(c, first_key);
        if (*fs) {
            attach(c, mi, *fs - 1);
            return;
        }
    }
    if ((m->flags & QG_MF_ACRONYM) && !*map_slot(c, key)) {
        uint32_t ent = acronym_target(c, mi);
        if (ent != QG_NONE) {
            *map_slot(c, key) = ent + 1;
            attach(c, mi, ent);
            return;
        }
    } else if (m->flags & QG_MF_ACRONYM) {
        /* "IRGC Commander says ..." in the headline, then "the Islamic
         * Revolutionary Guard Corps (IRGC)": the acronym seen first is the
         * organization spelled out now; its earlier mentions move over. */
        uint32_t *slot = map_slot(c, key), old = *slot - 1, ent = paren_target(c, mi);
        if (ent != QG_NONE && ent != old) {
            for (uint32_t k = 0; k < mi; k++)
                if (d->mentions.items[k].entity == old)
                    d->mentions.items[k].entity = ent;
            if (d->entities.items[old].first_mention < d->entities.items[ent].first_mention)
                d->entities.items[ent].first_mention = d->entities.items[old].first_mention;
            *slot = ent + 1;
            attach(c, mi, ent);
            return;
        }
    }
    /* "Cornwell's office", "the governor's office": resolved with the
     * nominals, once the possessor is known (resolve_possessed) */
    if ((m->flags & QG_MF_NOMINAL) && possessed_by(c, mi) != QG_NONE)
        return;
    if (m->flags & QG_MF_NOMINAL) {
        uint32_t ent = org_nominal_target(c, mi);
        if (ent != QG_NONE) {
            attach(c, mi, ent);
            return;
        }
    }
    uint32_t *slot = map_slot(c, key);
    if (!*slot && m->last == f0 + 1 && (tok_attrs(c->rules, d, f0, QG_LEX_ORG) & QG_ORG_OUTLET)) {
        /* "The Post" after "The Washington Post", "the Times" after "the Los
         * Angeles Times": an outlet by the last word of its name (only
         * outlets: "the House" is not "the White House") */
        uint64_t word = hash_folded(d, f0, f0 + 1);
        for (uint32_t k = mi; k-- > 0 && mi - k <= WINDOW && !*slot;) {
            const qg_mention *p = &d->mentions.items[k];
            if (p->kind == QG_MEN_ORG && p->entity != QG_NONE && p->last > p->first + 1 &&
                !(p->flags & QG_MF_NOMINAL) && hash_folded(d, p->last - 1, p->last) == word)
                *slot = p->entity + 1;
        }
    }
    if (!*slot)
        *slot = new_entity(c, QG_ENT_ORG, mi) + 1;
    uint32_t ent = *slot - 1;
    attach(c, mi, ent);
    if (m->last > f0 + 1 && !(m->flags & (QG_MF_NOMINAL | QG_MF_SHORT))) {
        uint32_t *fs = map_slot(c, first_key);
        if (!*fs)
            *fs = ent + 1;
    }
}

/* What a nominal names: the hash of its head word ("general" in "the
 * Iranian general") and the kinds of office its title word belongs to. */
static uint32_t nominal_key(const coref *c, uint32_t mi, uint64_t *head)
{
    const qg_doc *d = c->doc;
    const qg_mention *m = &d->mentions.items[mi];
    uint32_t head_tok = m->title_last - 1;
    *head = hash_folded(d, head_tok, head_tok + 1);
    uint32_t ta = tok_attrs(c->rules, d, m->head, QG_LEX_TITLE);
    return ((ta & QG_TITLE_MILITARY) ? OFFICE_MILITARY : 0) | ((ta & QG_TITLE_POLITICAL) ? OFFICE_POLITICAL : 0) |
           ((ta & QG_TITLE_RELIGIOUS) ? OFFICE_RELIGIOUS : 0);
}

/* The person a nominal refers to: the holder of the same title word, else
 * of the same kind of office; backwards first, forwards for indefinite and
 * headline nominals ("A senior commander says ..." before the name). */
static uint32_t nominal_target(coref *c, uint32_t mi)
{
    qg_doc *d = c->doc;
    uint64_t head;
    uint32_t office = nominal_key(c, mi, &head);
    uint32_t best_office = QG_NONE;
    /* The most recent holder: walk back over earlier mentions. */
    uint32_t best_k = QG_NONE;
    for (uint32_t k = mi; k-- > 0 && mi - k <= WINDOW;) {
        const qg_mention *p = &d->mentions.items[k];
        if (p->entity == QG_NONE || d->entities.items[p->entity].type != QG_ENT_PERSON)
            continue;
        const person_info *pi = &c->info[p->entity];
        for (uint32_t w = 0; w < pi->nwords; w++)
            if (pi->words[w] == head)
                return qg_trace_pick(d, QG_T_NOM_TITLE, mi, k, p->entity);
        /* Ranks vary within an office ("the general" for a rear admiral);
         * political and other titles do not stand in for each other. */
        if (best_office == QG_NONE && (pi->office & office & (OFFICE_MILITARY | OFFICE_RELIGIOUS)))
            best_office = p->entity, best_k = k;
    }
    return best_office != QG_NONE ? qg_trace_pick(d, QG_T_NOM_OFFICE, mi, best_k, best_office) : QG_NONE;
}

/* "By Hannah Brooks": the reporter, never the person a headline means */
static bool in_byline(const coref *c, const qg_mention *p)
{
    const qg_doc *d = c->doc;
    const qg_sentence *s = &d->sentences.items[c->sent_of[p->first]];
    return (s->flags & QG_SF_HEADLINE) && qg_tok_is(d, s->first, "by") && p->first <= s->first + 1;
}

/* Forward resolution needs the entities of later mentions, so it runs in
 * a second pass over mentions still unresolved. */
static uint32_t nominal_forward(coref *c, uint32_t mi)
{
    qg_doc *d = c->doc;
    uint64_t head;
    uint32_t office = nominal_key(c, mi, &head);
    uint32_t first_person = QG_NONE, by_office = QG_NONE, first_k = QG_NONE, office_k = QG_NONE;
    for (uint32_t k = mi + 1; k < d->mentions.count && k - mi <= WINDOW; k++) {
        const qg_mention *p = &d->mentions.items[k];
        if (p->kind != QG_MEN_NAME || p->entity == QG_NONE ||
            d->entities.items[p->entity].type != QG_ENT_PERSON || in_byline(c, p))
            continue;
        const person_info *pi = &c->info[p->entity];
        for (uint32_t w = 0; w < pi->nwords; w++)
            if (pi->words[w] == head)
                return qg_trace_pick(d, QG_T_NOM_FORWARD_TITLE, mi, k, p->entity);
        if (by_office == QG_NONE && (pi->office & office))
            by_office = p->entity, office_k = k;
        if (first_person == QG_NONE)
            first_person = p->entity, first_k = k;
    }
    /* "the senator" is not whoever comes next: a title with an office
     * needs a holder of that office */
    return by_office != QG_NONE ? qg_trace_pick(d, QG_T_NOM_FORWARD_OFFICE, mi, office_k, by_office)
           : office || first_person == QG_NONE ? QG_NONE
                                               : qg_trace_pick(d, QG_T_NOM_FORWARD_FIRST, mi, first_k, first_person);
}

static bool gender_ok(uint32_t want, uint32_t have)
{
    return want == QG_GENDER_UNKNOWN || have == QG_GENDER_UNKNOWN || want == have;
}

static bool pronoun_fits(const coref *c, const qg_mention *pron, const qg_mention *cand)
{
    if (cand->entity == QG_NONE || cand->kind == QG_MEN_PRONOUN || (cand->flags & QG_MF_INNER))
        return false; /* "the head of the agency ... it said": not the agency in the title */
    const qg_entity *e = &c->doc->entities.items[cand->entity];
    if (pron->gender == QG_GENDER_PLURAL)
        return e->type == QG_ENT_GROUP || (e->type == QG_ENT_ORG && !e->outlet);
    if (pron->gender == QG_GENDER_NEUTER) /* "it said": an organization */
        return e->type == QG_ENT_ORG && !e->outlet;
    return e->type == QG_ENT_PERSON && gender_ok(pron->gender, e->gender);
}

/* he/she/they, in the order a reader looks: earlier in the same sentence
 * (nearest first), then each earlier sentence's subject (its first
 * mention), then the rest of that sentence. Mentions inside quotations are
 * the quoted speaker's words and are skipped unless the pronoun is quoted
 * too. who: the mention right before ", who". */
static uint32_t pronoun_target(coref *c, uint32_t mi)
{
    qg_doc *d = c->doc;
    const qg_mention *m = &d->mentions.items[mi];
    uint32_t pattrs = tok_attrs(c->rules, d, m->first, QG_LEX_PRONOUN);
    if (pattrs & QG_PRON_RELATIVE) {
        uint32_t k = mi;
        while (k > 0 && (d->mentions.items[k - 1].flags & QG_MF_INNER))
            k--; /* "Senate President Owen Mercer, who": Mercer, not the Senate */
        if (k > 0) {
            const qg_mention *p = &d->mentions.items[k - 1];
            uint32_t end = p->appos_last != QG_NONE ? p->appos_last : p->last;
            if (end + 1 == m->first || p->last + 1 == m->first || p->last == m->first)
                return qg_trace_pick(d, QG_T_PRON_RELATIVE, mi, mi - 1, p->entity);
        }
        return QG_NONE;
    }
    if (pattrs & QG_PRON_FIRST)
        return qg_trace_pick(d, QG_T_PRON_FIRST, mi, QG_NONE, QG_NONE);
    uint32_t own_quote = c->quote_of[m->first];
    uint32_t sent = c->sent_of[m->first];
    uint32_t k = mi;
    /* Same sentence, nearest first. */
    while (k > 0 && c->sent_of[d->mentions.items[k - 1].first] == sent) {
        k--;
        const qg_mention *p = &d->mentions.items[k];
        if (c->quote_of[p->first] != QG_NONE && c->quote_of[p->first] != own_quote) {
            qg_trace(d, QG_T_PRON_QUOTED, 0, mi, k, p->entity, 0);
            continue;
        }
        /* "In an interview with Rolling Stone, she said": the object of a
         * preposition is her antecedent only when its gender says so */
        if (p->first > 0 && tok_fn(c->rules, d, p->first - 1, QG_FN_PREP) &&
            (m->gender == QG_GENDER_MALE || m->gender == QG_GENDER_FEMALE) && p->entity != QG_NONE &&
            d->entities.items[p->entity].gender != m->gender) {
            qg_trace(d, QG_T_PRON_PREP, 0, mi, k, p->entity, 0);
            continue;
        }
        if (pronoun_fits(c, m, p))
            return qg_trace_pick(d, QG_T_PRON_SAME_SENTENCE, mi, k, p->entity);
        qg_trace(d, p->kind == QG_MEN_PRONOUN ? QG_T_PRON_PRONOUN : QG_T_PRON_DISAGREE, 0, mi, k, p->entity, 0);
    }
    /* Earlier sentences: subject first, then the others from the right. */
    uint32_t looked = 0;
    while (k > 0 && looked < WINDOW) {
        uint32_t s = c->sent_of[d->mentions.items[k - 1].first];
        uint32_t first = k;
        while (first > 0 && c->sent_of[d->mentions.items[first - 1].first] == s)
            first--;
        uint32_t subject = QG_NONE;
        for (uint32_t j = first; j < k; j++) {
            const qg_mention *p = &d->mentions.items[j];
            if (c->quote_of[p->first] != QG_NONE && c->quote_of[p->first] != own_quote)
                continue;
            if (subject == QG_NONE && pronoun_fits(c, m, p))
                subject = qg_trace_pick(d, QG_T_PRON_SUBJECT, mi, j, p->entity);
            break;
        }
        if (subject != QG_NONE)
            return subject;
        for (uint32_t j = k; j-- > first;) {
            const qg_mention *p = &d->mentions.items[j];
            if (c->quote_of[p->first] != QG_NONE && c->quote_of[p->first] != own_quote) {
                qg_trace(d, QG_T_PRON_QUOTED, 0, mi, j, p->entity, 0);
                continue;
            }
            if (pronoun_fits(c, m, p))
                return qg_trace_pick(d, QG_T_PRON_EARLIER, mi, j, p->entity);
            qg_trace(d, p->kind == QG_MEN_PRONOUN ? QG_T_PRON_PRONOUN : QG_T_PRON_DISAGREE, 0, mi, j, p->entity, 0);
        }
        looked += k - first;
        k = first;
    }
    return qg_trace_pick(d, QG_T_PRON_NONE, mi, QG_NONE, QG_NONE);
}

qg_status qg_stage_coref(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err)
{
    (void)err;
    uint32_t nm = doc->mentions.count;
    coref c = {doc, ctx->rules, qg_arena_alloc(doc->arena, (nm + 1) * sizeof(person_info)), NULL, NULL, 1,
               qg_layout_quotes(doc), qg_layout_sentences(doc), NULL};
    while (c.cap < nm * 2 + 16)
        c.cap <<= 1;
    c.body_index = qg_arena_alloc(doc->arena, (doc->sentences.count + 1) * sizeof *c.body_index);
    for (uint32_t k = 0, body = 0; k < doc->sentences.count; k++) {
        c.body_index[k] = body;
        if (!(doc->sentences.items[k].flags & QG_SF_HEADLINE))
            body++;
    }
    c.keys = qg_arena_alloc(doc->arena, c.cap * sizeof *c.keys);
    c.vals = qg_arena_alloc(doc->arena, c.cap * sizeof *c.vals);

    /* Pass 1: names and organizations, which need no antecedent. */
    for (uint32_t i = 0; i < nm; i++) {
        qg_mention *m = &doc->mentions.items[i];
        if (m->kind == QG_MEN_NAME)
            resolve_name(&c, i);
        else if (m->kind == QG_MEN_ORG)
            resolve_org(&c, i);
        else if (m->kind == QG_MEN_GROUP)
            attach(&c, i, new_entity(&c, QG_ENT_GROUP, i));
    }
    /* Pass 2: nominals, groups and pronouns, in text order. */
    for (uint32_t i = 0; i < nm; i++) {
        qg_mention *m = &doc->mentions.items[i];
        uint32_t ent = QG_NONE;
        switch (m->kind) {
        case QG_MEN_NOMINAL: {
            /* "Its chief executive, Paul Brennan, wrote": the apposed name
             * (past mentions inside this one: "A spokeswoman for the
             * Pentagon, Sabrina Singh,"). */
            uint32_t ap = i + 1;
            while (ap < nm && doc->mentions.items[ap].first <= m->last)
                ap++;
            if (ap < nm && tok_punct(doc, m->last) == ',' && doc->mentions.items[ap].first == m->last + 1 &&
                (doc->mentions.items[ap].kind == QG_MEN_NAME || doc->mentions.items[ap].kind == QG_MEN_ORG) &&
                doc->mentions.items[ap].entity != QG_NONE) {
                ent = qg_trace_pick(doc, QG_T_NOM_APPOSED, i, ap, doc->mentions.items[ap].entity);
                break;
            }
            uint32_t ha = tok_attrs(c.rules, doc, m->head, QG_LEX_TITLE);
            bool indefinite = (m->flags & QG_MF_INDEFINITE) != 0;
            bool article = qg_tok_is(doc, m->first, "the") || indefinite;
            /* A lead or headline may name its speaker only later: "A senior
             * commander says ..." then "Brigadier General X said". */
            bool lead = c.body_index[c.sent_of[m->first]] < LEAD_SENTENCES ||
                        (doc->sentences.items[c.sent_of[m->first]].flags & QG_SF_HEADLINE);
            if (indefinite && ((ha & QG_TITLE_GENERIC) || !lead || qg_tok_is(doc, m->first, "one") ||
                               qg_tok_is(doc, m->first, "another"))) {
                qg_trace(doc, QG_T_NOM_UNNAMED, 0, i, QG_NONE, QG_NONE, 0);
                break; /* "a spokesman for Zarif", "one Trump adviser": someone unnamed */
            }
            if (indefinite || (!article && lead))
                ent = nominal_forward(&c, i);
            else
                ent = nominal_target(&c, i);
            if (ent == QG_NONE && !indefinite && lead)
                ent = nominal_forward(&c, i);
            if (ent == QG_NONE)
                qg_trace(doc, QG_T_NOM_NONE, 0, i, QG_NONE, QG_NONE, 0);
            break;
        }
        case QG_MEN_PRONOUN:
            ent = pronoun_target(&c, i);
            break;
        case QG_MEN_ORG: {
            /* "Cornwell's office said": the possessor, when a person,
             * speaks through it; else the office is the organization's */
            uint32_t owner = m->entity == QG_NONE ? possessed_by(&c, i) : QG_NONE;
            if (owner == QG_NONE)
                continue;
            uint32_t oe = doc->mentions.items[owner].entity;
            ent = (oe != QG_NONE && doc->entities.items[oe].type == QG_ENT_PERSON) ? oe : org_nominal_target(&c, i);
            if (ent == QG_NONE) {
                attach(&c, i, new_entity(&c, QG_ENT_ORG, i));
                continue;
            }
            break;
        }
        default:
            continue;
        }
        if (ent != QG_NONE) {
            attach(&c, i, ent);
            if (m->kind == QG_MEN_PRONOUN && m->gender != QG_GENDER_UNKNOWN &&
                m->gender != QG_GENDER_PLURAL && doc->entities.items[ent].type == QG_ENT_PERSON &&
                doc->entities.items[ent].gender == QG_GENDER_UNKNOWN)
                doc->entities.items[ent].gender = m->gender;
        } else if (m->kind != QG_MEN_PRONOUN) {
            attach(&c, i, new_entity(&c, QG_ENT_GROUP, i));
        }
    }
    return QG_OK;
}
