/* tokenize.c - splits the text into tokens in one pass.
 * Reads: the text. Adds: tokens (with line/paragraph flags, quote-mark
 * shapes, and each token's lexicon classes looked up once in the rules). */
#include <string.h>

#include "stage.h"
#include "text.h"

typedef struct {
    qg_doc *doc;
    const qg_stage_ctx *ctx;
    const char *s;
    size_t len;
} lexer;

static int32_t cp_at(const lexer *lx, size_t i, int *n)
{
    int32_t cp = 0;
    if (i >= lx->len) {
        *n = 0;
        return -1;
    }
    *n = qg_utf8_decode(lx->s, lx->len, i, &cp);
    return cp;
}

static int32_t cp_before(const lexer *lx, size_t i)
{
    if (i == 0)
        return -1;
    size_t k = i - 1;
    while (k > 0 && ((unsigned char)lx->s[k] & 0xC0) == 0x80)
        k--;
    int n;
    return cp_at(lx, k, &n);
}

static inline bool is_word_char(int32_t cp) { return qg_cp_is_letter(cp) || qg_cp_is_digit(cp); }

static bool is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Letter, then any of: letters, digits, an inner hyphen or apostrophe that is
 * followed by a word character (al-Assad, won’t), a dotted acronym (U.S.). */
static size_t scan_word(const lexer *lx, size_t i)
{
    int n;
    size_t start = i;
    int32_t cp = cp_at(lx, i, &n);
    /* Dotted acronyms and initials: U.S., D.C., p.m. */
    if (qg_cp_is_letter(cp) && n == 1 && i + 2 < lx->len && lx->s[i + 1] == '.' &&
        (unsigned char)lx->s[i + 2] < 0x80 && qg_cp_is_letter(lx->s[i + 2]) &&
        (i + 3 >= lx->len || lx->s[i + 3] == '.')) {
        size_t k = i;
        while (k + 1 < lx->len && (unsigned char)lx->s[k] < 0x80 && qg_cp_is_letter(lx->s[k]) &&
               lx->s[k + 1] == '.')
            k += 2;
        return k;
    }
    while (i < lx->len) {
        cp = cp_at(lx, i, &n);
        if (is_word_char(cp)) {
            i += (size_t)n;
            continue;
        }
        /* party and state tags: "D-N.Y.", "R-S.C." */
        if (cp == '.' && i > start && i + 2 < lx->len && lx->s[i + 1] >= 'A' && lx->s[i + 1] <= 'Z' &&
            lx->s[i + 2] == '.' && (i + 3 >= lx->len || !is_word_char((unsigned char)lx->s[i + 3])) &&
            memchr(lx->s + start, '-', i - start)) {
            i += 3;
            break;
        }
        if ((cp == '-' || cp == 0x2010 || cp == '&' || is_apostrophe(cp)) && i > start) {
            int m;
            int32_t next = cp_at(lx, i + (size_t)n, &m);
            if (is_word_char(next)) {
                /* ’s and 's are clitics of their own: Iran’s -> Iran ’s. */
                if (is_apostrophe(cp) && (next == 's' || next == 'S')) {
                    int k;
                    int32_t after = cp_at(lx, i + (size_t)n + 1, &k);
                    if (!is_word_char(after))
                        break;
                }
                i += (size_t)n;
                continue;
            }
        }
        break;
    }
    return i;
}

static size_t scan_number(const lexer *lx, size_t i)
{
    int n;
    while (i < lx->len) {
        int32_t cp = cp_at(lx, i, &n);
        if (qg_cp_is_digit(cp)) {
            i += (size_t)n;
            continue;
        }
        if ((cp == '.' || cp == ',' || cp == ':' || cp == '-' || cp == '/') && i + 1 < lx->len &&
            lx->s[i + 1] >= '0' && lx->s[i + 1] <= '9') {
            i++;
            continue;
        }
        break;
    }
    /* Ordinals and units glued to the digits: 3rd, 22nd, 1990s. */
    while (i < lx->len && (unsigned char)lx->s[i] < 0x80 && qg_cp_is_letter(lx->s[i]))
        i++;
    return i;
}

static bool url_start(const lexer *lx, size_t i)
{
    const char *p = lx->s + i;
    size_t left = lx->len - i;
    if ((*p | 32) != 'h' && (*p | 32) != 'w')
        return false; /* nearly every token: no string compare */
    return (left > 7 && strncmp(p, "http://", 7) == 0) || (left > 8 && strncmp(p, "https://", 8) == 0) ||
           (left > 4 && strncasecmp(p, "www.", 4) == 0);
}

static size_t match_url(const lexer *lx, size_t i)
{
    const pcre2_code *re = qg_rules_pattern(lx->ctx->rules, "url");
    int rc = pcre2_match(re, (PCRE2_SPTR)lx->s, lx->len, i, PCRE2_ANCHORED, lx->ctx->match,
                         lx->ctx->limits);
    if (rc < 1)
        return i;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(lx->ctx->match);
    return ov[1];
}

static void set_case_flags(const lexer *lx, qg_token *t)
{
    bool first = true, any_lower = false, any_letter = false;
    for (size_t i = t->start; i < t->end;) {
        int n;
        int32_t cp = cp_at(lx, i, &n);
        if (qg_cp_is_letter(cp)) {
            if (first && qg_cp_is_upper(cp))
                t->flags |= QG_TF_CAP;
            first = false;
            any_letter = true;
            if (qg_cp_is_lower(cp))
                any_lower = true;
        }
        i += (size_t)n;
    }
    if (any_letter && !any_lower && (t->flags & QG_TF_CAP))
        t->flags |= QG_TF_UPPER;
}

static qg_token *push(lexer *lx, size_t start, size_t end, qg_token_kind kind, uint16_t flags)
{
    qg_token *t = QG_VEC_PUSH(lx->doc->arena, lx->doc->tokens);
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->kind = (uint8_t)kind;
    t->flags = flags;
    t->word = QG_NONE;
    return t;
}

static void lookup(lexer *lx, qg_token *t)
{
    t->word = qg_rules_word(lx->ctx->rules, lx->s + t->start, t->end - t->start, &t->lex);
}

/* Shapes tell direction for curly marks; a straight mark's direction comes
 * from its neighbours: space before and a character after opens. */
static uint16_t quote_flags(const lexer *lx, size_t start, size_t end, int32_t cp)
{
    uint16_t f = 0;
    if (qg_cp_is_double_quote(cp) || end - start == 2 /* '' */)
        f |= QG_TF_Q_DOUBLE;
    int32_t before = cp_before(lx, start);
    int n;
    int32_t after = cp_at(lx, end, &n);
    bool space_before = before < 0 || qg_cp_is_space(before) || before == '(' || before == '[' ||
                        before == 0x2014 || before == 0x2013 || before == '-' || before == '/' ||
                        qg_cp_is_double_quote(before) || qg_cp_is_single_quote(before);
    bool space_after = after < 0 || qg_cp_is_space(after) || after == ',' || after == '.' ||
                       after == ';' || after == ':' || after == ')' || after == '?' || after == '!' ||
                       after == 0x2014 || after == 0x2013 || qg_cp_is_double_quote(after) ||
                       qg_cp_is_single_quote(after);
    switch (cp) {
    case 0x201C: case 0x00AB: case 0x2039: case 0x201E: case 0x2018: case 0x201A: case 0x201B:
    case 0x201F: case 0x301D:
        f |= QG_TF_Q_OPEN;
        break;
    case 0x201D: case 0x00BB: case 0x203A: case 0x2019: case 0x301E:
        f |= QG_TF_Q_CLOSE;
        /* A closing-shaped mark in opening position is a typo for an opener. */
        if (space_before && !space_after)
            f |= QG_TF_Q_OPEN;
        break;
    default:
        if (space_before && !space_after)
            f |= QG_TF_Q_OPEN;
        else if (!space_before && space_after)
            f |= QG_TF_Q_CLOSE;
        else
            f |= QG_TF_Q_OPEN | QG_TF_Q_CLOSE;
    }
    return f;
}

/* Keeps the period of known abbreviations (Gen., Mr.) and initials (J.). */
static bool takes_period(lexer *lx, size_t start, size_t end)
{
    if (end >= lx->len || lx->s[end] != '.')
        return false;
    if (end + 1 < lx->len && lx->s[end + 1] == '.')
        return false; /* an ellipsis */
    int n;
    int32_t first = cp_at(lx, start, &n);
    if ((size_t)n == end - start && qg_cp_is_upper(first))
        return true;
    if (end - start >= 2 && lx->s[end - 2] == '.')
        return true; /* U.S. scanned as U.S */
    uint32_t lex = 0;
    qg_rules_word(lx->ctx->rules, lx->s + start, end + 1 - start, &lex);
    return (lex & (QG_LEX_ABBREV | QG_LEX_HONORIFIC)) != 0;
}

qg_status qg_stage_tokenize(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err)
{
    (void)err;
    lexer lx = {doc, ctx, doc->text, doc->len};
    size_t i = 0;
    uint16_t pending = QG_TF_PARA | QG_TF_LINE;
    int newlines = 0;
    bool space = false;
    while (i < lx.len) {
        int n;
        int32_t cp = cp_at(&lx, i, &n);
        if (qg_cp_is_space(cp) || cp < 0x20 || cp == 0x7F) {
            if (cp == '\n') {
                newlines++;
                pending |= QG_TF_LINE;
                if (newlines >= 2)
                    pending |= QG_TF_PARA;
            }
            space = true;
            i += (size_t)n;
            continue;
        }
        if (i == doc->body && doc->body > 0)
            pending |= QG_TF_PARA | QG_TF_LINE; /* the article after a metadata prefix */
        uint16_t flags = pending | (space ? QG_TF_SPACE : 0);
        if (doc->tokens.count && space)
            doc->tokens.items[doc->tokens.count - 1].flags |= QG_TF_SPACE_AFTER;
        pending = 0;
        newlines = 0;
        space = false;
        size_t start = i;
        qg_token *t;
        if (url_start(&lx, i) && (i = match_url(&lx, start)) > start) {
            t = push(&lx, start, i, QG_TOK_URL, flags);
        } else if (qg_cp_is_letter(cp)) {
            i = scan_word(&lx, start);
            if (lx.s[i - 1] == '.') {
                flags |= QG_TF_ABBR; /* a dotted acronym scanned with its period: U.S. */
            } else if (takes_period(&lx, start, i)) {
                i++;
                flags |= QG_TF_ABBR;
            } else if (i < lx.len && lx.s[i] == '.' && i + 1 < lx.len && lx.s[i + 1] != '.' &&
                       (unsigned char)lx.s[i + 1] < 0x80 && qg_cp_is_lower(lx.s[i + 1])) {
                /* host names without a scheme: presstv.co.uk */
                size_t u = match_url(&lx, start);
                if (u > i) {
                    t = push(&lx, start, u, QG_TOK_URL, flags);
                    i = u;
                    continue;
                }
            }
            t = push(&lx, start, i, QG_TOK_WORD, flags);
            set_case_flags(&lx, t);
            lookup(&lx, t);
        } else if (qg_cp_is_digit(cp)) {
            i = scan_number(&lx, start);
            t = push(&lx, start, i, QG_TOK_NUMBER, flags);
            lookup(&lx, t);
        } else if (is_apostrophe(cp) && (i + (size_t)n < lx.len) &&
                   (lx.s[i + n] == 's' || lx.s[i + n] == 'S') && start > 0 &&
                   is_word_char(cp_before(&lx, start)) &&
                   !is_word_char(cp_at(&lx, i + (size_t)n + 1, &(int){0}))) {
            /* the possessive clitic ’s */
            i += (size_t)n + 1;
            t = push(&lx, start, i, QG_TOK_WORD, flags | QG_TF_POSS);
            lookup(&lx, t);
        } else if (qg_cp_is_double_quote(cp) || qg_cp_is_single_quote(cp)) {
            i += (size_t)n;
            /* Two apostrophes or backticks stand for a double quote (''Today''). */
            if ((cp == '\'' || cp == '`') && i < lx.len && lx.s[i] == (char)cp)
                i++;
            uint16_t qf = quote_flags(&lx, start, i, cp);
            /* A trailing apostrophe of a plural possessive (countries’) is
             * marked as a possible close; the quotes stage decides. */
            t = push(&lx, start, i, QG_TOK_QUOTE, flags | qf);
            if (is_apostrophe(cp) && i - start == (size_t)n && is_word_char(cp_before(&lx, start)))
                t->flags |= QG_TF_POSS;
        } else if (cp == '.' && i + 2 < lx.len && lx.s[i + 1] == '.' && lx.s[i + 2] == '.') {
            i += 3;
            push(&lx, start, i, QG_TOK_PUNCT, flags | QG_TF_SENT_END);
        } else {
            i += (size_t)n;
            bool punct = cp < 0x80 ? (cp != '$' && cp != '+' && cp != '<' && cp != '=' && cp != '>' &&
                                      cp != '^' && cp != '|' && cp != '~')
                                   : (cp >= 0x2010 && cp <= 0x206F);
            uint16_t f = flags;
            if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026)
                f |= QG_TF_SENT_END;
            push(&lx, start, i, punct ? QG_TOK_PUNCT : QG_TOK_SYMBOL, f);
        }
    }
    return QG_OK;
}
