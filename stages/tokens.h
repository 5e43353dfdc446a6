/* tokens.h - small token predicates shared by the stages, so that every
 * stage asks "is this a determiner / a capitalized word / a cue" the same way. */
#ifndef QG_TOKENS_H
#define QG_TOKENS_H

#include "doc.h"
#include "rules.h"

static inline const qg_token *tok(const qg_doc *d, uint32_t i) { return &d->tokens.items[i]; }

static inline bool tok_has(const qg_doc *d, uint32_t i, uint32_t cls)
{
    return i < d->tokens.count && (d->tokens.items[i].lex & cls) != 0;
}

static inline bool tok_word(const qg_doc *d, uint32_t i)
{
    return i < d->tokens.count && d->tokens.items[i].kind == QG_TOK_WORD;
}

static inline bool tok_cap(const qg_doc *d, uint32_t i)
{
    return tok_word(d, i) && (d->tokens.items[i].flags & QG_TF_CAP) &&
           !(d->tokens.items[i].flags & QG_TF_POSS);
}

static inline bool tok_lower(const qg_doc *d, uint32_t i)
{
    return tok_word(d, i) && !(d->tokens.items[i].flags & QG_TF_CAP);
}

/* The single character of a one-byte punctuation token, else 0. */
static inline char tok_punct(const qg_doc *d, uint32_t i)
{
    if (i >= d->tokens.count || d->tokens.items[i].kind != QG_TOK_PUNCT || qg_tok_len(d, i) != 1)
        return 0;
    return qg_tok_text(d, i)[0];
}

static inline bool tok_is_dash(const qg_doc *d, uint32_t i)
{
    if (i >= d->tokens.count || d->tokens.items[i].kind != QG_TOK_PUNCT)
        return false;
    const unsigned char *s = (const unsigned char *)qg_tok_text(d, i);
    return s[0] == '-' || (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94));
}

static inline bool tok_poss(const qg_doc *d, uint32_t i)
{
    return i < d->tokens.count && (d->tokens.items[i].flags & QG_TF_POSS) &&
           d->tokens.items[i].kind == QG_TOK_WORD;
}

/* Attribute bits of token I in class CLS, or 0. */
static inline uint32_t tok_attrs(const qg_rules *r, const qg_doc *d, uint32_t i, uint32_t cls)
{
    if (!tok_has(d, i, cls))
        return 0;
    const qg_lex_entry *e = qg_rules_tok(r, d, i, cls);
    return e ? e->attrs : 0;
}

static inline bool tok_fn(const qg_rules *r, const qg_doc *d, uint32_t i, uint32_t fn_attr)
{
    return (tok_attrs(r, d, i, QG_LEX_FUNCTION) & fn_attr) != 0;
}

#endif
