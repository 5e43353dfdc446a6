/* rules.h - the linguistic data that stages consult: lexicons and patterns.
 *
 * Every word list lives in a text file under rules/ (format: docs/rules.md).
 * The loader folds every form (NFC, case fold, curly apostrophes to ') into
 * one hash table, so a token needs a single lookup to learn all the classes
 * it belongs to; multi-word forms are found through their first word. PCRE2
 * patterns are compiled once, with JIT where available. A loaded qg_rules is
 * read-only and may be shared by threads. */
#ifndef QG_RULES_H
#define QG_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "doc.h"
#include "quotegraph.h"

/* Attribute bits, one namespace per file; docs/rules.md lists their meaning. */
enum { /* cues.txt */
    QG_CUE_CLAUSE = 1u << 0,   /* takes a reported clause: said (that) ... */
    QG_CUE_NP = 1u << 1,       /* takes a content noun phrase: dismissed the idea of ... */
    QG_CUE_OBJ = 1u << 2,      /* an addressee object comes first: told reporters that ... */
    QG_CUE_NOUN = 1u << 3,     /* a noun: the claim that ..., in a statement */
    QG_CUE_PREP = 1u << 4,     /* a preposition: according to X */
    QG_CUE_RELAY = 1u << 5,    /* an outlet relays: quoted X as saying, reported */
    QG_CUE_ING = 1u << 6,      /* set by the loader on -ing forms: saying, adding */
    QG_CUE_FRAME = 1u << 7,    /* frames without content: speaking to, asked about */
    QG_CUE_INF = 1u << 8,      /* a directive with infinitive: advised X not to ... */
    QG_CUE_WEAK = 1u << 9,     /* needs clear content to count: called, shows */
    QG_CUE_NOUNFORM = 1u << 10, /* the base form is also a noun: post, report, claim */
    QG_CUE_BASE = 1u << 11     /* set by the loader on the first (base) form */
};
enum { /* honorifics.txt */
    QG_HON_MALE = 1u << 0,
    QG_HON_FEMALE = 1u << 1,
    QG_HON_RANK = 1u << 2,     /* a title in its own right: General, Senator, Ayatollah */
    QG_HON_NAME = 1u << 3,     /* part of the name, not a title: Seyed, Sheikh */
    QG_HON_MILITARY = 1u << 4,
    QG_HON_RELIGIOUS = 1u << 5,
    QG_HON_POLITICAL = 1u << 6
};
enum { /* titles.txt */
    QG_TITLE_MALE = 1u << 0,
    QG_TITLE_FEMALE = 1u << 1,
    QG_TITLE_MILITARY = 1u << 2,
    QG_TITLE_POLITICAL = 1u << 3,
    QG_TITLE_RELIGIOUS = 1u << 4,
    QG_TITLE_GENERIC = 1u << 5, /* official, spokesman: a role rather than an office */
    QG_TITLE_MEDIA = 1u << 6
};
enum { /* organizations.txt */
    QG_ORG_COUNTRY = 1u << 0,
    QG_ORG_OUTLET = 1u << 1,
    QG_ORG_METONYM = 1u << 2,   /* a capital standing for its government */
    QG_ORG_DEMONYM = 1u << 3,   /* Iranian, American: a modifier, not a speaker */
    QG_ORG_HEAD = 1u << 4,      /* ends an organization name: Ministry, Agency, Corps */
    QG_ORG_ORG = 1u << 5,
    QG_ORG_PLACE = 1u << 6,     /* a city or region: never a speaker on its own */
    QG_ORG_SUFFIX = 1u << 7,    /* Inc., Ltd.: left out of canonical names */
    QG_ORG_CORPORATE = 1u << 8, /* company, firm: names a company by its kind */
    QG_ORG_GOVERNMENT = 1u << 9 /* Agency, Department: heads of public bodies */
};
enum { /* pronouns.txt */
    QG_PRON_MALE = 1u << 0,
    QG_PRON_FEMALE = 1u << 1,
    QG_PRON_PLURAL = 1u << 2,
    QG_PRON_NEUTER = 1u << 3,
    QG_PRON_FIRST = 1u << 4,
    QG_PRON_RELATIVE = 1u << 5,
    QG_PRON_SUBJECT = 1u << 6,
    QG_PRON_POSSESSIVE = 1u << 7
};
enum { /* dates.txt; the number after = is the entry's value */
    QG_DATE_MONTH = 1u << 0,    /* value: 1-12 */
    QG_DATE_WEEKDAY = 1u << 1,  /* value: 1 (Monday) - 7 (Sunday) */
    QG_DATE_DAYREL = 1u << 2,   /* value: days from the document date: yesterday = -1 */
    QG_DATE_SHIFT = 1u << 3,    /* value: -1 last/past, 0 this, +1 next */
    QG_DATE_UNIT = 1u << 4,     /* value: 1 day, 2 week, 3 month, 4 year, 5 decade */
    QG_DATE_AGO = 1u << 5,
    QG_DATE_PART = 1u << 6,     /* early, late, more than: modifiers kept in the span (see dates.txt) */
    QG_DATE_NUMBER = 1u << 7,   /* value: a number word: two = 2 */
    QG_DATE_SEASON = 1u << 8    /* spring, fall: a period with no ISO value */
};
enum { /* function_words.txt */
    QG_FN_DET = 1u << 0,
    QG_FN_PREP = 1u << 1,
    QG_FN_CONJ = 1u << 2,
    QG_FN_AUX = 1u << 3,
    QG_FN_ADV = 1u << 4,
    QG_FN_SUBORD = 1u << 5,     /* that, whether, if */
    QG_FN_OTHER = 1u << 6,
    QG_FN_NEG = 1u << 7,
    QG_FN_FUTURE = 1u << 8,     /* the clause looks ahead: will, expected, until */
    QG_FN_PAST = 1u << 9        /* the clause looks back: was, had */
};
enum { /* groups.txt */
    QG_GROUP_PLURAL = 1u << 0,
    QG_GROUP_SINGULAR = 1u << 1,
    QG_GROUP_DOCUMENT = 1u << 2  /* a report, a poll: a source that is no person */
};
enum { /* first_names.txt */
    QG_NAME_MALE = 1u << 0,
    QG_NAME_FEMALE = 1u << 1
};

/* One lexicon entry: a form in one class. */
typedef struct {
    uint32_t cls;       /* one QG_LEX_* bit */
    uint32_t attrs;     /* that class's attribute bits */
    int32_t value;      /* the key=N attribute, else 0 */
    uint32_t canon;     /* string id of `=> canonical`, else QG_NONE */
    uint32_t ntok;      /* number of words in the form */
    uint32_t origin;    /* string id of "file:line" */
    bool exact_case;    /* the `case` attribute: match the form's case exactly */
    const char *form;   /* the form as written in the file */
} qg_lex_entry;

/* Hex digest of the loaded rule files, recorded in layer files so that a
 * resumed run can refuse rules other than those it started with. */
const char *qg_rules_digest(const qg_rules *r);

/* Word id of the folded form of S[0..len), or QG_NONE. Fills *LEX with the
 * union of its classes (with QG_LEX_PHRASE when a multi-word form starts with it). */
uint32_t qg_rules_word(const qg_rules *r, const char *s, size_t len, uint32_t *lex);

/* The entry of class CLS for token I of DOC (single-word forms), or NULL. */
const qg_lex_entry *qg_rules_tok(const qg_rules *r, const qg_doc *doc, uint32_t i, uint32_t cls);

/* The longest multi-word or single-word entry of class CLS starting at token
 * I and ending before token LIMIT, or NULL. */
const qg_lex_entry *qg_rules_phrase(const qg_rules *r, const qg_doc *doc, uint32_t i,
                                    uint32_t limit, uint32_t cls);

/* String of id ID (canonical names, origins). */
const char *qg_rules_str(const qg_rules *r, uint32_t id);

/* The compiled pattern named NAME in patterns.txt; loading fails if a pattern
 * that a stage needs is missing, so this never returns NULL for those names. */
const pcre2_code *qg_rules_pattern(const qg_rules *r, const char *name);

/* The named patterns in file order, for listings: how many, and pattern I's
 * name, with its origin "patterns.txt:LINE" in *ORIGIN (I < the count). */
uint32_t qg_rules_pattern_count(const qg_rules *r);
const char *qg_rules_pattern_name(const qg_rules *r, uint32_t i, const char **origin);

/* The lexicon entries in file and line order, for listings (I < the count). */
uint32_t qg_rules_entry_count(const qg_rules *r);
const qg_lex_entry *qg_rules_entry(const qg_rules *r, uint32_t i);

/* Folds S[0..len) for lexicon lookup into OUT (capacity CAP): NFC, case
 * fold, ’ ‘ to '. Returns the folded length, or 0 if it does not fit. */
size_t qg_fold(const char *s, size_t len, char *out, size_t cap);

#endif
