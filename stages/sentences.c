/* sentences.c - groups tokens into sentences and paragraphs.
 * Reads: tokens. Adds: sentences. Paragraph breaks always end a sentence; a
 * line without final punctuation (headline, byline, caption) is a sentence
 * of its own; a period inside an open quotation does not end the sentence,
 * so that a quote and its frame ("...," he said) stay together. */
#include "stage.h"

/* No sentence of prose runs QG_MAX_SENTENCE_TOKENS long; text without
 * punctuation (tables, lists, garbage) is cut at ctx->max_sentence_tokens
 * so that every later stage's work per sentence stays bounded and the whole
 * run stays linear. */

static bool tok_cap(const qg_doc *d, uint32_t i)
{
    return i < d->tokens.count && (d->tokens.items[i].flags & QG_TF_CAP);
}

static bool starts_sentence_shape(const qg_doc *d, uint32_t i)
{
    if (i >= d->tokens.count)
        return true;
    const qg_token *t = &d->tokens.items[i];
    if (t->flags & (QG_TF_CAP | QG_TF_PARA))
        return true;
    if (t->kind == QG_TOK_NUMBER || (t->kind == QG_TOK_QUOTE && (t->flags & QG_TF_Q_OPEN)))
        return true;
    return t->kind == QG_TOK_PUNCT && (qg_tok_text(d, i)[0] == '(' || qg_tok_text(d, i)[0] == '[');
}

/* Does a period-bearing abbreviation (U.S., Inc.) end the sentence? Only
 * when what follows clearly opens a new one: a function word or a quote. */
static bool abbr_ends(const qg_doc *d, const qg_stage_ctx *ctx, uint32_t i)
{
    const qg_token *t = &d->tokens.items[i];
    if (!(t->flags & QG_TF_ABBR) || (t->lex & QG_LEX_HONORIFIC))
        return false;
    uint32_t n = i + 1;
    if (qg_tok_len(d, i) == 2) {
        /* An initial (J. Smith) goes on, unless a quote, a paragraph or a
         * function word follows: "a post on X. The senator ...". */
        if (n >= d->tokens.count || (d->tokens.items[n].flags & QG_TF_PARA))
            return true;
        const qg_token *nt = &d->tokens.items[n];
        if (nt->kind == QG_TOK_QUOTE && (nt->flags & QG_TF_Q_OPEN) && !(nt->flags & QG_TF_Q_CLOSE))
            return true;
        return (nt->flags & QG_TF_CAP) && (qg_rules_tok(ctx->rules, d, n, QG_LEX_FUNCTION) ||
                                           qg_rules_tok(ctx->rules, d, n, QG_LEX_PRONOUN));
    }
    if (n >= d->tokens.count)
        return true;
    const qg_token *nt = &d->tokens.items[n];
    if (nt->flags & (QG_TF_PARA | QG_TF_LINE))
        return true;
    if (nt->kind == QG_TOK_QUOTE && (nt->flags & QG_TF_Q_OPEN) && !(nt->flags & QG_TF_Q_CLOSE))
        return true;
    if (!(nt->flags & QG_TF_CAP))
        return false;
    const qg_lex_entry *fn = qg_rules_tok(ctx->rules, d, n, QG_LEX_FUNCTION);
    const qg_lex_entry *pr = qg_rules_tok(ctx->rules, d, n, QG_LEX_PRONOUN);
    return fn != NULL || pr != NULL;
}

/* Does a quote's frame start at I: a name or pronoun and a verb of
 * saying that ends the sentence ("Thornton asked.", "she said,"), or the
 * verb first ("asked Thornton.")? A question or exclamation inside the
 * quote then does not end the sentence. */
static bool frame_follows(const qg_doc *d, uint32_t i)
{
    uint32_t n = d->tokens.count, k = i;
    const qg_token *t = &d->tokens.items[k];
    if (t->flags & QG_TF_PARA)
        return false;
    bool verb_first = (t->lex & QG_LEX_CUE) != 0;
    if (verb_first)
        k++;
    uint32_t words = 0;
    while (k < n && words < 4 && d->tokens.items[k].kind == QG_TOK_WORD &&
           ((d->tokens.items[k].flags & QG_TF_CAP) || (words == 0 && (d->tokens.items[k].lex & QG_LEX_PRONOUN))) &&
           !(d->tokens.items[k].lex & QG_LEX_FUNCTION)) {
        k++;
        words++;
        if (d->tokens.items[k - 1].lex & QG_LEX_PRONOUN)
            break;
    }
    if (words == 0 || k >= n)
        return false;
    if (!verb_first) {
        if (!(d->tokens.items[k].lex & QG_LEX_CUE))
            return false;
        k++;
    }
    return k < n && (qg_tok_is(d, k, ".") || qg_tok_is(d, k, ","));
}

static bool is_closer(const qg_doc *d, uint32_t i)
{
    const qg_token *t = &d->tokens.items[i];
    if (t->kind == QG_TOK_QUOTE)
        return (t->flags & QG_TF_Q_CLOSE) != 0;
    if (t->kind != QG_TOK_PUNCT)
        return false;
    char c = qg_tok_text(d, i)[0];
    return c == ')' || c == ']';
}

qg_status qg_stage_sentences(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err)
{
    (void)err;
    uint32_t n = doc->tokens.count;
    uint32_t start = 0, para = 0;
    int depth = 0; /* open double quotations in this paragraph */
    uint32_t max_tokens = ctx->max_sentence_tokens ? ctx->max_sentence_tokens : QG_MAX_SENTENCE_TOKENS;
    for (uint32_t i = 0; i < n; i++) {
        const qg_token *t = &doc->tokens.items[i];
        bool brk_before = false;
        if (i > start && (t->flags & QG_TF_PARA)) {
            brk_before = true;
        } else if (i > start && (t->flags & QG_TF_LINE)) {
            /* A line break inside a wrapped sentence is followed by lower case. */
            const qg_token *p = &doc->tokens.items[i - 1];
            bool prev_final = (p->flags & QG_TF_SENT_END) || is_closer(doc, i - 1);
            brk_before = prev_final || tok_cap(doc, i) || t->kind != QG_TOK_WORD;
        }
        if (!brk_before && i - start >= max_tokens)
            brk_before = true;
        if (brk_before) {
            qg_sentence *s = QG_VEC_PUSH(doc->arena, doc->sentences);
            *s = (qg_sentence){start, i, para, 0};
            start = i;
        }
        if (t->flags & QG_TF_PARA) {
            if (i > 0)
                para++;
            depth = 0;
        }
        if (t->kind == QG_TOK_QUOTE && (t->flags & QG_TF_Q_DOUBLE)) {
            bool open = t->flags & QG_TF_Q_OPEN, close = t->flags & QG_TF_Q_CLOSE;
            if (open && !close)
                depth++;
            else if (close && !open)
                depth = depth > 0 ? depth - 1 : 0;
            else
                depth = depth > 0 ? 0 : 1;
        }
        bool ends = (t->flags & QG_TF_SENT_END) || abbr_ends(doc, ctx, i);
        if (!ends)
            continue;
        /* Take closing quotes and brackets that follow the period along. */
        uint32_t j = i + 1;
        int d2 = depth;
        while (j < n && is_closer(doc, j) && !(doc->tokens.items[j].flags & QG_TF_SPACE)) {
            if (doc->tokens.items[j].kind == QG_TOK_QUOTE && (doc->tokens.items[j].flags & QG_TF_Q_DOUBLE))
                d2 = d2 > 0 ? d2 - 1 : 0;
            j++;
        }
        if (d2 > 0)
            continue; /* the quotation goes on */
        if (j > i + 1 && j < n && (qg_tok_is(doc, i, "?") || qg_tok_is(doc, i, "!")) && frame_follows(doc, j))
            continue; /* `"... aren't you?" Thornton asked.` */
        if (j < n && !starts_sentence_shape(doc, j))
            continue;
        if (j < n && (doc->tokens.items[j].flags & QG_TF_PARA))
            continue; /* the paragraph break will close it */
        depth = d2;
        qg_sentence *s = QG_VEC_PUSH(doc->arena, doc->sentences);
        *s = (qg_sentence){start, j, para, 0};
        start = j;
        i = j - 1;
    }
    if (start < n) {
        qg_sentence *s = QG_VEC_PUSH(doc->arena, doc->sentences);
        *s = (qg_sentence){start, n, para, 0};
    }
    /* Flags: paragraph starts, and lines that end without punctuation. */
    for (uint32_t k = 0; k < doc->sentences.count; k++) {
        qg_sentence *s = &doc->sentences.items[k];
        const qg_token *first = &doc->tokens.items[s->first];
        if (first->flags & QG_TF_PARA)
            s->flags |= QG_SF_PARA_START;
        uint32_t last = s->last - 1;
        while (last > s->first && is_closer(doc, last))
            last--;
        /* a line ending in a colon introduces what follows; no headline */
        if (!(doc->tokens.items[last].flags & QG_TF_SENT_END) &&
            doc->tokens.items[last].kind != QG_TOK_QUOTE && doc->text[doc->tokens.items[last].start] != ':' &&
            (s->last >= n || (doc->tokens.items[s->last].flags & QG_TF_LINE)))
            s->flags |= QG_SF_HEADLINE;
    }
    return QG_OK;
}
