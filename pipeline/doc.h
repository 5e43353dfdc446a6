/* doc.h - the document model that every stage reads and extends.
 *
 * A document is its original text plus layers, each an array in the
 * document's arena. Layers refer to the text by byte offsets and to each
 * other by index; code point offsets appear only at the JSON boundary
 * (qg_doc_cp), so stages never pay for Unicode indexing. Each stage owns the
 * layers it adds (see the stage table in stage.c) and only reads the rest. */
#ifndef QG_DOC_H
#define QG_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"

#define QG_NONE UINT32_MAX /* "no index" in any layer reference */

/* ---- tokens (stage: tokenize) ---- */
typedef enum {
    QG_TOK_WORD,   /* letters, digits inside words, inner hyphens and apostrophes */
    QG_TOK_NUMBER, /* digits with inner , . : */
    QG_TOK_PUNCT,  /* one punctuation character (dashes, brackets, ...) */
    QG_TOK_QUOTE,  /* a quotation mark: " “ ” ‘ ’ « » ‹ › ' or two apostrophes '' */
    QG_TOK_URL,    /* URLs, e-mail addresses, www. hosts */
    QG_TOK_SYMBOL  /* anything else (currency, emoji, ...) */
} qg_token_kind;

enum {
    QG_TF_CAP = 1u << 0,       /* first letter is upper case */
    QG_TF_UPPER = 1u << 1,     /* every letter is upper case (acronyms) */
    QG_TF_SPACE = 1u << 2,     /* whitespace precedes the token */
    QG_TF_LINE = 1u << 3,      /* first token of a line */
    QG_TF_PARA = 1u << 4,      /* first token of a paragraph (blank line, or document start) */
    QG_TF_POSS = 1u << 5,      /* possessive clitic: ’s 's ’ */
    QG_TF_ABBR = 1u << 6,      /* word with a final period kept (Gen., U.S.) */
    QG_TF_Q_DOUBLE = 1u << 7,  /* quote mark of the double family (" “ ” « » '') */
    QG_TF_Q_OPEN = 1u << 8,    /* quote mark can open (by shape or position) */
    QG_TF_Q_CLOSE = 1u << 9,   /* quote mark can close (by shape or position) */
    QG_TF_SENT_END = 1u << 10, /* . ! ? or … that may end a sentence */
    QG_TF_SPACE_AFTER = 1u << 11
};

/* Lexicon classes: one bit per rules file, looked up once per token. */
enum {
    QG_LEX_CUE = 1u << 0,
    QG_LEX_HONORIFIC = 1u << 1,
    QG_LEX_TITLE = 1u << 2,
    QG_LEX_ORG = 1u << 3,
    QG_LEX_PRONOUN = 1u << 4,
    QG_LEX_DATE = 1u << 5,
    QG_LEX_ABBREV = 1u << 6,
    QG_LEX_FUNCTION = 1u << 7,
    QG_LEX_GROUP = 1u << 8,
    QG_LEX_MODIFIER = 1u << 9,
    QG_LEX_FIRSTNAME = 1u << 10,
    QG_LEX_PHRASE = 1u << 15 /* starts a multi-word entry of some class */
};

typedef struct {
    uint32_t start, end; /* bytes, end exclusive */
    uint32_t lex;        /* QG_LEX_* classes of the token's folded form */
    uint32_t word;       /* rules word id of the folded form (qg_rules_word), or QG_NONE */
    uint16_t flags;      /* QG_TF_* */
    uint8_t kind;        /* qg_token_kind */
    uint8_t reserved;
} qg_token;

/* ---- sentences (stage: sentences) ---- */
typedef struct {
    uint32_t first, last; /* token range, last exclusive */
    uint32_t para;        /* paragraph number, from 0 */
    uint32_t flags;       /* QG_SF_* */
} qg_sentence;

enum {
    QG_SF_HEADLINE = 1u << 0, /* a line without final punctuation (headline, byline, caption) */
    QG_SF_PARA_START = 1u << 1
};

/* ---- dates (stage: dates) ---- */
typedef enum { QG_GRAN_NONE, QG_GRAN_YEAR, QG_GRAN_MONTH, QG_GRAN_DAY } qg_granularity;

typedef struct {
    uint32_t first, last;  /* token range of the expression, last exclusive */
    int32_t year;          /* 0 = unknown */
    int32_t month, day;    /* 0 = unknown */
    uint32_t granularity;  /* qg_granularity of the value; NONE = value null */
    uint32_t rule;         /* provenance rule id (provenance.def) */
} qg_timex;

/* ---- mentions and entities (stages: mentions, coref) ---- */
typedef enum {
    QG_ENT_PERSON,
    QG_ENT_ORG,
    QG_ENT_GROUP,
    QG_ENT_TITLE
} qg_entity_type;

typedef enum {
    QG_MEN_NAME,     /* a proper name, maybe with title and honorific */
    QG_MEN_NOMINAL,  /* the general, a senior commander */
    QG_MEN_PRONOUN,  /* he, she, they, who */
    QG_MEN_ORG,      /* Mehr, the Pentagon, Washington */
    QG_MEN_GROUP     /* officials, a source, Top Iranian commanders */
} qg_mention_kind;

enum { QG_GENDER_UNKNOWN, QG_GENDER_MALE, QG_GENDER_FEMALE, QG_GENDER_PLURAL, QG_GENDER_NEUTER };

typedef struct {
    uint32_t first, last;        /* token range of the whole mention (source span) */
    uint32_t name_first;         /* token range of the bare name (NAME kind), else QG_NONE */
    uint32_t name_last;
    uint32_t title_first;        /* token range of a pre-nominal title, else QG_NONE */
    uint32_t title_last;
    uint32_t appos_first;        /* token range of an appositive title after the name */
    uint32_t appos_last;
    uint32_t kind;               /* qg_mention_kind */
    uint32_t gender;             /* QG_GENDER_* */
    uint32_t entity;             /* index into entities (coref), QG_NONE before */
    uint32_t head;               /* head token of a nominal / title, else QG_NONE */
    uint32_t rule;               /* provenance rule id (provenance.def) */
    uint32_t canon;              /* org canonical name: rules string id, or QG_NONE */
    uint32_t flags;              /* QG_MF_* */
} qg_mention;

enum {
    QG_MF_OUTLET = 1u << 0,      /* a news outlet or agency */
    QG_MF_INDEFINITE = 1u << 1,  /* a/an nominal: introduces someone, refers forward in a lead */
    QG_MF_COUNTRY = 1u << 2,     /* a country or its capital standing for it */
    QG_MF_NOMINAL = 1u << 3,     /* an organization by its kind: the department, the company */
    QG_MF_SHORT = 1u << 4,       /* a short form of an organization named before: Korvex */
    QG_MF_ACRONYM = 1u << 5,     /* an acronym: the FBI, ODOT; coreference expands it */
    QG_MF_INNER = 1u << 6        /* an organization inside a person's title or apposition
                                    ("commander of the IRGC"): member_of, never a speaker;
                                    it lies inside that mention and sorts after it */
};

typedef struct {
    uint32_t type;           /* qg_entity_type */
    uint32_t gender;         /* QG_GENDER_* */
    uint32_t name_mention;   /* mention whose bare name is the canonical name */
    uint32_t canon;          /* rules string id for a canonical name (orgs), or QG_NONE */
    uint32_t first_mention;  /* earliest mention, for stable ids */
    uint32_t outlet;         /* 1 if the organization is a news outlet */
} qg_entity;

/* ---- quotations (stage: quotes) ---- */
enum {
    QG_QF_CONTINUED = 1u << 0,  /* runs on from an unclosed quote in the previous paragraph */
    QG_QF_UNCLOSED = 1u << 1,   /* no closing mark before the paragraph ended */
    QG_QF_NESTED = 1u << 2,     /* inside another quotation */
    QG_QF_SINGLE = 1u << 3      /* single quotation marks */
};

typedef struct {
    uint32_t open, close;   /* token indexes of the marks; close = QG_NONE if unclosed */
    uint32_t first, last;   /* content token range, last exclusive */
    uint32_t parent;        /* enclosing quote index, or QG_NONE */
    uint32_t flags;         /* QG_QF_* */
} qg_quote;

/* ---- statements (stage: attribution) ---- */
typedef enum { QG_STMT_DIRECT, QG_STMT_MIXED, QG_STMT_INDIRECT } qg_statement_kind;

typedef struct {
    uint32_t start, end;     /* content, bytes */
    uint32_t kind;           /* qg_statement_kind */
    uint32_t quote;          /* the quotation it is, for direct ones, else QG_NONE */
    uint32_t source;         /* mention index of the local source, or QG_NONE */
    uint32_t source_last;    /* token after the source phrase when it runs past the mention
                                ("officials in Colombo"), else QG_NONE */
    uint32_t speaker;        /* entity index, or QG_NONE */
    uint32_t speaker2;       /* second speaker of a joint source ("X and Y said"), or QG_NONE */
    uint32_t source2;        /* its mention */
    uint32_t cue_first;      /* cue token range, or QG_NONE */
    uint32_t cue_last;
    uint32_t date;           /* timex index of the utterance date, or QG_NONE */
    uint32_t outlet;         /* entity index of the relaying outlet, or QG_NONE */
    uint32_t rule;           /* provenance rule id of the attribution rule (provenance.def) */
    uint32_t confidence;     /* per mille */
    uint32_t date_rule;      /* provenance rule ids of the said_on and reported_by links */
    uint32_t outlet_rule;
} qg_statement;

/* ---- decision trace (opt-in: qg_options.trace; trace.h) ---- */
typedef struct {
    uint32_t reason;  /* qg_trace_reason (trace.def) */
    uint32_t rule;    /* provenance rule id, or QG_R_NONE (0) */
    uint32_t a, b, c; /* indexes or byte offsets; trace.def says which per stage */
    int32_t score;    /* confidence per mille, or 0 */
} qg_trace_rec;

/* A date as given to the document (publication date). */
typedef struct {
    int32_t year, month, day; /* all 0 = none */
} qg_date;

typedef struct qg_doc {
    qg_arena *arena;
    struct qg_pipeline *owner; /* gets the arena back on qg_doc_free */
    const char *id;
    const char *source; /* path it was read from, or NULL */
    const char *text;   /* original bytes, valid UTF-8, NUL-terminated */
    uint32_t len;       /* bytes */
    uint32_t body;      /* first byte after a `date YYYY-MM-DD` metadata line, else 0 */
    uint32_t replaced;  /* ill-formed UTF-8 sequences replaced by U+FFFD */
    qg_date date;
    uint32_t *cp_marks; /* code points before each 64-byte block (qg_doc_cp) */
    uint32_t stages_done; /* bit i set when stage i has run */
    uint32_t tracing;     /* nonzero: stages append to trace (qg_options.trace) */

    QG_VEC(qg_token) tokens;
    QG_VEC(qg_sentence) sentences;
    QG_VEC(qg_timex) timexes;
    QG_VEC(qg_mention) mentions;
    QG_VEC(qg_entity) entities;
    QG_VEC(qg_quote) quotes;
    QG_VEC(qg_statement) statements;
    QG_VEC(qg_trace_rec) trace;
} qg_doc;

/* Code point offset of byte offset B (which must lie on a character boundary). */
uint32_t qg_doc_cp(const qg_doc *doc, uint32_t b);

/* Byte offset of code point offset CP; doc->len if CP is past the end. */
uint32_t qg_doc_byte(const qg_doc *doc, uint32_t cp);

/* Builds the offset index; called once when the document is created. */
void qg_doc_index(qg_doc *doc);

/* Pointer to and length of token I's text. */
static inline const char *qg_tok_text(const qg_doc *d, uint32_t i) { return d->text + d->tokens.items[i].start; }
static inline uint32_t qg_tok_len(const qg_doc *d, uint32_t i) { return d->tokens.items[i].end - d->tokens.items[i].start; }

/* True if token I's text equals the NUL-terminated ASCII word W (lower
 * case), ignoring the token's case; false past the last token. The first
 * letter is compared inline because nearly every call fails there. */
bool qg_tok_is_tail(const qg_doc *d, uint32_t i, const char *w);

static inline bool qg_tok_is(const qg_doc *d, uint32_t i, const char *w)
{
    if (i >= d->tokens.count)
        return false;
    char c = d->text[d->tokens.items[i].start];
    if (c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
    return c == w[0] && qg_tok_is_tail(d, i, w);
}

#endif
