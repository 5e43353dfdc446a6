/* check_tokenize.c - tests of the tokenize stage: token boundaries and kinds
 * (words, numbers, punctuation, quotation marks, URLs), apostrophes and the
 * possessive clitic, abbreviations keeping their period, line and paragraph
 * flags, case flags, byte offsets in non-ASCII text, and lexicon classes. */
#include "check_util.h"

/* Index of the token starting at the NTH occurrence of S (which it must
 * cover exactly); fails the test if there is none. */
static uint32_t tok_of(const qg_doc *doc, const char *s, int nth)
{
    long at = find_bytes(doc, s, nth);
    ck_assert_msg(at >= 0, "test bug: '%s' not in text", s);
    for (uint32_t i = 0; i < doc->tokens.count; i++)
        if (doc->tokens.items[i].start == (uint32_t)at) {
            ck_assert_msg(doc->tokens.items[i].end == (uint32_t)at + strlen(s),
                          "token at %ld is '%s', want '%s'", at, span_text(doc, i, i + 1), s);
            return i;
        }
    ck_abort_msg("no token starts at '%s' (byte %ld)", s, at);
    return QG_NONE;
}

/* Checks that TEXT tokenizes into exactly the strings W[0..n). */
static void expect_tokens(const char *text, const char *const *w, size_t n)
{
    qg_doc *doc = run_stages(text, NULL, "tokenize");
    for (uint32_t i = 0; i < doc->tokens.count && i < n; i++)
        ck_assert_msg(span_is(doc, i, i + 1, w[i]), "token %u is '%s', want '%s' in: %s", i,
                      span_text(doc, i, i + 1), w[i], text);
    ck_assert_msg(doc->tokens.count == n, "%u tokens, want %zu, in: %s", doc->tokens.count, n, text);
    qg_doc_free(doc);
}

#define EXPECT_TOKENS(text, ...)                                                                   \
    expect_tokens((text), (const char *const[]){__VA_ARGS__},                                      \
                  sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

static bool has(const qg_doc *doc, uint32_t i, unsigned flags)
{
    return (doc->tokens.items[i].flags & flags) == flags;
}

static bool lacks(const qg_doc *doc, uint32_t i, unsigned flags)
{
    return (doc->tokens.items[i].flags & flags) == 0;
}

/* ---- words, numbers, punctuation ---- */

START_TEST(words_and_numbers)
{
    EXPECT_TOKENS("The 1,000 people paid 3.5 on 2019-06-02, the 22nd.", "The", "1,000", "people", "paid",
                  "3.5", "on", "2019-06-02", ",", "the", "22nd", ".");
    qg_doc *doc = run_stages("The 1,000 people paid 3.5 on 2019-06-02, the 22nd and 1990s 10:30.", NULL,
                             "tokenize");
    ck_assert_uint_eq(doc->tokens.items[tok_of(doc, "The", 0)].kind, QG_TOK_WORD);
    ck_assert_uint_eq(doc->tokens.items[tok_of(doc, "people", 0)].kind, QG_TOK_WORD);
    const char *numbers[] = {"1,000", "3.5", "2019-06-02", "22nd", "1990s", "10:30"};
    for (size_t k = 0; k < sizeof numbers / sizeof *numbers; k++)
        ck_assert_msg(doc->tokens.items[tok_of(doc, numbers[k], 0)].kind == QG_TOK_NUMBER, "'%s' is no number",
                      numbers[k]);
    /* A trailing comma or period is not part of the number. */
    uint32_t last = doc->tokens.count - 1;
    ck_assert(span_is(doc, last, last + 1, "."));
    ck_assert_uint_eq(doc->tokens.items[last].kind, QG_TOK_PUNCT);
    qg_doc_free(doc);
}
END_TEST

START_TEST(punctuation)
{
    EXPECT_TOKENS("Wait (really)\xE2\x80\x94yes; no: ok? fine!", "Wait", "(", "really", ")", "\xE2\x80\x94", "yes",
                  ";", "no", ":", "ok", "?", "fine", "!");
    qg_doc *doc = run_stages("Wait (really)\xE2\x80\x94yes; no: ok? fine! $5", NULL, "tokenize");
    ck_assert_uint_eq(doc->tokens.items[tok_of(doc, "(", 0)].kind, QG_TOK_PUNCT);
    ck_assert_uint_eq(doc->tokens.items[tok_of(doc, "\xE2\x80\x94", 0)].kind, QG_TOK_PUNCT);
    ck_assert(has(doc, tok_of(doc, "?", 0), QG_TF_SENT_END));
    ck_assert(has(doc, tok_of(doc, "!", 0), QG_TF_SENT_END));
    ck_assert(lacks(doc, tok_of(doc, ";", 0), QG_TF_SENT_END));
    ck_assert(lacks(doc, tok_of(doc, ":", 0), QG_TF_SENT_END));
    /* Currency is a symbol, not punctuation. */
    ck_assert_uint_eq(doc->tokens.items[tok_of(doc, "$", 0)].kind, QG_TOK_SYMBOL);
    ck_assert_uint_eq(doc->tokens.items[tok_of(doc, "5", 0)].kind, QG_TOK_NUMBER);
    /* Whitespace before and after. */
    uint32_t w = tok_of(doc, "Wait", 0), p = tok_of(doc, "(", 0), r = tok_of(doc, "really", 0);
    ck_assert(has(doc, w, QG_TF_SPACE_AFTER) && lacks(doc, w, QG_TF_SPACE));
    ck_assert(has(doc, p, QG_TF_SPACE) && lacks(doc, p, QG_TF_SPACE_AFTER));
    ck_assert(lacks(doc, r, QG_TF_SPACE | QG_TF_SPACE_AFTER));
    qg_doc_free(doc);
}
END_TEST

START_TEST(ellipsis)
{
    EXPECT_TOKENS("Well... maybe.", "Well", "...", "maybe", ".");
    EXPECT_TOKENS("Well\xE2\x80\xA6 maybe", "Well", "\xE2\x80\xA6", "maybe");
    qg_doc *doc = run_stages("Well... maybe\xE2\x80\xA6", NULL, "tokenize");
    uint32_t e = tok_of(doc, "...", 0);
    ck_assert_uint_eq(doc->tokens.items[e].kind, QG_TOK_PUNCT);
    ck_assert(has(doc, e, QG_TF_SENT_END));
    ck_assert(has(doc, tok_of(doc, "\xE2\x80\xA6", 0), QG_TF_SENT_END));
    /* "Well" keeps no period: the dots are an ellipsis. */
    ck_assert(lacks(doc, tok_of(doc, "Well", 0), QG_TF_ABBR));
    qg_doc_free(doc);
}
END_TEST

/* ---- quotation marks ---- */

START_TEST(quotation_marks)
{
    const char *text = "\xE2\x80\x9C" "a\xE2\x80\x9D \xE2\x80\x98" "b\xE2\x80\x99 \xC2\xAB" "c\xC2\xBB ''d'' \"e\"";
    EXPECT_TOKENS(text, "\xE2\x80\x9C", "a", "\xE2\x80\x9D", "\xE2\x80\x98", "b", "\xE2\x80\x99", "\xC2\xAB", "c",
                  "\xC2\xBB", "''", "d", "''", "\"", "e", "\"");
    qg_doc *doc = run_stages(text, NULL, "tokenize");
    struct {
        uint32_t tok;
        unsigned want, not_want;
    } cases[] = {
        {0, QG_TF_Q_OPEN | QG_TF_Q_DOUBLE, QG_TF_Q_CLOSE},   /* “ */
        {2, QG_TF_Q_CLOSE | QG_TF_Q_DOUBLE, QG_TF_Q_OPEN},   /* ” */
        {3, QG_TF_Q_OPEN, QG_TF_Q_CLOSE | QG_TF_Q_DOUBLE},   /* ‘ */
        {5, QG_TF_Q_CLOSE, QG_TF_Q_OPEN | QG_TF_Q_DOUBLE},   /* ’ */
        {6, QG_TF_Q_OPEN | QG_TF_Q_DOUBLE, QG_TF_Q_CLOSE},   /* « */
        {8, QG_TF_Q_CLOSE | QG_TF_Q_DOUBLE, QG_TF_Q_OPEN},   /* » */
        {9, QG_TF_Q_OPEN | QG_TF_Q_DOUBLE, QG_TF_Q_CLOSE},   /* '' opening */
        {11, QG_TF_Q_CLOSE | QG_TF_Q_DOUBLE, QG_TF_Q_OPEN},  /* '' closing */
        {12, QG_TF_Q_OPEN | QG_TF_Q_DOUBLE, QG_TF_Q_CLOSE},  /* " opening */
        {14, QG_TF_Q_CLOSE | QG_TF_Q_DOUBLE, QG_TF_Q_OPEN},  /* " closing */
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        uint32_t i = cases[k].tok;
        ck_assert_msg(doc->tokens.items[i].kind == QG_TOK_QUOTE, "'%s' is no quote", span_text(doc, i, i + 1));
        ck_assert_msg(has(doc, i, cases[k].want) && lacks(doc, i, cases[k].not_want),
                      "quote %u '%s' has flags 0x%x", i, span_text(doc, i, i + 1), doc->tokens.items[i].flags);
    }
    qg_doc_free(doc);
    /* A straight mark between spaces may open or close. */
    doc = run_stages("a \" b", NULL, "tokenize");
    ck_assert_uint_eq(doc->tokens.count, 3);
    ck_assert(has(doc, 1, QG_TF_Q_OPEN | QG_TF_Q_CLOSE | QG_TF_Q_DOUBLE));
    qg_doc_free(doc);
    /* A closing-shaped mark in opening position can open (typo for “). */
    doc = run_stages("He said \xE2\x80\x9Dgo\xE2\x80\x9D now.", NULL, "tokenize");
    ck_assert(has(doc, tok_of(doc, "\xE2\x80\x9D", 0), QG_TF_Q_OPEN | QG_TF_Q_CLOSE));
    qg_doc_free(doc);
}
END_TEST

/* ---- apostrophes and clitics ---- */

START_TEST(apostrophes_inside_words)
{
    EXPECT_TOKENS("They won\xE2\x80\x99t and don't go.", "They", "won\xE2\x80\x99t", "and", "don't", "go", ".");
    EXPECT_TOKENS("O\xE2\x80\x99" "Brien spoke", "O\xE2\x80\x99" "Brien", "spoke");
    qg_doc *doc = run_stages("They won\xE2\x80\x99t go.", NULL, "tokenize");
    ck_assert_uint_eq(doc->tokens.items[1].kind, QG_TOK_WORD);
    ck_assert(lacks(doc, 1, QG_TF_POSS));
    qg_doc_free(doc);
}
END_TEST

START_TEST(possessive_clitic)
{
    EXPECT_TOKENS("Iran\xE2\x80\x99s power and Iran's army", "Iran", "\xE2\x80\x99s", "power", "and", "Iran", "'s",
                  "army");
    qg_doc *doc = run_stages("Iran\xE2\x80\x99s power and Iran's army", NULL, "tokenize");
    uint32_t s1 = tok_of(doc, "\xE2\x80\x99s", 0), s2 = tok_of(doc, "'s", 0);
    ck_assert_uint_eq(doc->tokens.items[s1].kind, QG_TOK_WORD);
    ck_assert(has(doc, s1, QG_TF_POSS) && lacks(doc, s1, QG_TF_SPACE));
    ck_assert(has(doc, s2, QG_TF_POSS));
    ck_assert(lacks(doc, tok_of(doc, "Iran", 0), QG_TF_POSS));
    /* The clitic is attached: no space after Iran. */
    ck_assert(lacks(doc, tok_of(doc, "Iran", 0), QG_TF_SPACE_AFTER));
    qg_doc_free(doc);
    /* "’sa" is no clitic: it stays inside the word. */
    EXPECT_TOKENS("Shi\xE2\x80\x99sa", "Shi\xE2\x80\x99sa");
    /* The plural possessive: a quote token marked as possible possessive. */
    doc = run_stages("the countries\xE2\x80\x99 leaders", NULL, "tokenize");
    ck_assert_uint_eq(doc->tokens.count, 4);
    ck_assert_uint_eq(doc->tokens.items[2].kind, QG_TOK_QUOTE);
    ck_assert(has(doc, 2, QG_TF_POSS | QG_TF_Q_CLOSE));
    qg_doc_free(doc);
}
END_TEST

START_TEST(hyphenated)
{
    EXPECT_TOKENS("the second-in-command, Rep. Smith, D-MN, and al-Assad met Sayyad-3 crews",
                  "the", "second-in-command", ",", "Rep.", "Smith", ",", "D-MN", ",", "and", "al-Assad", "met",
                  "Sayyad-3", "crews");
    qg_doc *doc = run_stages("the second-in-command D-MN al-Assad", NULL, "tokenize");
    ck_assert(has(doc, tok_of(doc, "D-MN", 0), QG_TF_CAP | QG_TF_UPPER));
    ck_assert(lacks(doc, tok_of(doc, "al-Assad", 0), QG_TF_CAP | QG_TF_UPPER));
    ck_assert(doc->tokens.items[tok_of(doc, "second-in-command", 0)].lex & QG_LEX_TITLE);
    qg_doc_free(doc);
    /* A trailing or spaced hyphen is punctuation. */
    EXPECT_TOKENS("pre- and post-war", "pre", "-", "and", "post-war");
}
END_TEST

/* ---- abbreviations and dotted forms ---- */

START_TEST(abbreviations_keep_period)
{
    EXPECT_TOKENS("Gen. Smith, Mr. J. Brown and U.S. troops, e.g. here.", "Gen.", "Smith", ",", "Mr.", "J.",
                  "Brown", "and", "U.S.", "troops", ",", "e.g.", "here", ".");
    qg_doc *doc = run_stages("Gen. Smith, Mr. J. Brown met Jan. 5 in Washington.", NULL, "tokenize");
    const char *abbr[] = {"Gen.", "Mr.", "J.", "Jan."};
    for (size_t k = 0; k < sizeof abbr / sizeof *abbr; k++) {
        uint32_t i = tok_of(doc, abbr[k], 0);
        ck_assert_msg(has(doc, i, QG_TF_ABBR), "'%s' lacks QG_TF_ABBR", abbr[k]);
        ck_assert_msg(lacks(doc, i, QG_TF_SENT_END), "'%s' has QG_TF_SENT_END", abbr[k]);
    }
    /* An ordinary word at the end does not take the period. */
    uint32_t w = tok_of(doc, "Washington", 0);
    ck_assert(lacks(doc, w, QG_TF_ABBR));
    ck_assert(span_is(doc, w + 1, w + 2, "."));
    ck_assert(has(doc, w + 1, QG_TF_SENT_END));
    qg_doc_free(doc);
}
END_TEST

/* Regression (found as a source bug while writing these tests): scan_word
 * scans "U.S." with its final period, so takes_period never saw a '.' and the
 * token lacked QG_TF_ABBR, which doc.h documents for exactly this case. The
 * sentences stage relies on the flag to end a sentence after "U.S.". */
START_TEST(dotted_acronym_has_abbr_flag)
{
    qg_doc *doc = run_stages("They met U.S. officials.", NULL, "tokenize");
    uint32_t i = tok_of(doc, "U.S.", 0);
    ck_assert_uint_eq(doc->tokens.items[i].kind, QG_TOK_WORD);
    ck_assert(has(doc, i, QG_TF_CAP | QG_TF_UPPER));
    ck_assert_msg(has(doc, i, QG_TF_ABBR), "'U.S.' lacks QG_TF_ABBR (flags 0x%x)",
                  doc->tokens.items[i].flags);
    qg_doc_free(doc);
}
END_TEST

/* ---- URLs ---- */

START_TEST(urls)
{
    EXPECT_TOKENS("See https://example.com/a/b, or www.presstv.co.uk.", "See", "https://example.com/a/b", ",", "or",
                  "www.presstv.co.uk", ".");
    EXPECT_TOKENS("Visit presstv.ir today", "Visit", "presstv.ir", "today");
    EXPECT_TOKENS("(http://x.org/p?q=1)", "(", "http://x.org/p?q=1", ")");
    qg_doc *doc = run_stages("See https://example.com/a/b and www.presstv.co.uk now", NULL, "tokenize");
    ck_assert_uint_eq(doc->tokens.items[tok_of(doc, "https://example.com/a/b", 0)].kind, QG_TOK_URL);
    ck_assert_uint_eq(doc->tokens.items[tok_of(doc, "www.presstv.co.uk", 0)].kind, QG_TOK_URL);
    qg_doc_free(doc);
}
END_TEST

/* ---- lines, paragraphs, case ---- */

START_TEST(line_and_paragraph_flags)
{
    qg_doc *doc = run_stages("One two.\nThree four.\n\nFive six.\n \n\tSeven.\r\n\r\nEight", NULL, "tokenize");
    uint32_t one = tok_of(doc, "One", 0), two = tok_of(doc, "two", 0), three = tok_of(doc, "Three", 0);
    uint32_t five = tok_of(doc, "Five", 0), seven = tok_of(doc, "Seven", 0), eight = tok_of(doc, "Eight", 0);
    ck_assert(has(doc, one, QG_TF_PARA | QG_TF_LINE));
    ck_assert(lacks(doc, two, QG_TF_PARA | QG_TF_LINE));
    ck_assert(has(doc, three, QG_TF_LINE) && lacks(doc, three, QG_TF_PARA));
    ck_assert(has(doc, five, QG_TF_PARA | QG_TF_LINE));
    /* A line holding only blanks is a blank line. */
    ck_assert(has(doc, seven, QG_TF_PARA | QG_TF_LINE | QG_TF_SPACE));
    ck_assert(has(doc, eight, QG_TF_PARA | QG_TF_LINE));
    /* Punctuation after the line break carries the flag too. */
    qg_doc_free(doc);
    doc = run_stages("A\n- b", NULL, "tokenize");
    ck_assert(has(doc, 1, QG_TF_LINE) && lacks(doc, 1, QG_TF_PARA));
    qg_doc_free(doc);
}
END_TEST

START_TEST(metadata_prefix_starts_paragraph)
{
    qg_doc *doc = run_stages("date 2019-06-02\nText here.", NULL, "tokenize");
    ck_assert_uint_gt(doc->body, 0);
    uint32_t t = tok_of(doc, "Text", 0);
    ck_assert_uint_eq(doc->tokens.items[t].start, doc->body);
    ck_assert(has(doc, t, QG_TF_PARA | QG_TF_LINE));
    qg_doc_free(doc);
}
END_TEST

START_TEST(case_flags)
{
    qg_doc *doc = run_stages("NATO Iran iPhone ok A \xC3\x89lys\xC3\xA9" "e \xC3\xA9t\xC3\xA9 IRGC\xE2\x80\x99s", NULL,
                             "tokenize");
    ck_assert(has(doc, tok_of(doc, "NATO", 0), QG_TF_CAP | QG_TF_UPPER));
    ck_assert(has(doc, tok_of(doc, "Iran", 0), QG_TF_CAP) && lacks(doc, tok_of(doc, "Iran", 0), QG_TF_UPPER));
    ck_assert(lacks(doc, tok_of(doc, "iPhone", 0), QG_TF_CAP | QG_TF_UPPER));
    ck_assert(lacks(doc, tok_of(doc, "ok", 0), QG_TF_CAP | QG_TF_UPPER));
    ck_assert(span_is(doc, 4, 5, "A") && has(doc, 4, QG_TF_CAP | QG_TF_UPPER));
    uint32_t e = tok_of(doc, "\xC3\x89lys\xC3\xA9" "e", 0);
    ck_assert(has(doc, e, QG_TF_CAP) && lacks(doc, e, QG_TF_UPPER));
    ck_assert(lacks(doc, tok_of(doc, "\xC3\xA9t\xC3\xA9", 0), QG_TF_CAP));
    ck_assert(has(doc, tok_of(doc, "IRGC", 0), QG_TF_CAP | QG_TF_UPPER));
    qg_doc_free(doc);
    /* Numbers have no case. */
    doc = run_stages("2019", NULL, "tokenize");
    ck_assert(lacks(doc, 0, QG_TF_CAP | QG_TF_UPPER));
    qg_doc_free(doc);
}
END_TEST

/* ---- byte offsets in non-ASCII text ---- */

START_TEST(non_ascii_offsets)
{
    /* Café NBSP Müller said “ok” 😀 — NBSP (C2 A0) is whitespace. */
    const char *text = "Caf\xC3\xA9\xC2\xA0M\xC3\xBCller said \xE2\x80\x9Cok\xE2\x80\x9D \xF0\x9F\x98\x80.";
    qg_doc *doc = run_stages(text, NULL, "tokenize");
    struct {
        uint32_t start, end;
        uint8_t kind;
    } want[] = {
        {0, 5, QG_TOK_WORD},    /* Café */
        {7, 14, QG_TOK_WORD},   /* Müller */
        {15, 19, QG_TOK_WORD},  /* said */
        {20, 23, QG_TOK_QUOTE}, /* “ */
        {23, 25, QG_TOK_WORD},  /* ok */
        {25, 28, QG_TOK_QUOTE}, /* ” */
        {29, 33, QG_TOK_SYMBOL}, /* 😀 */
        {33, 34, QG_TOK_PUNCT}, /* . */
    };
    size_t n = sizeof want / sizeof *want;
    ck_assert_uint_eq(doc->tokens.count, n);
    for (size_t k = 0; k < n; k++) {
        const qg_token *t = &doc->tokens.items[k];
        ck_assert_msg(t->start == want[k].start && t->end == want[k].end && t->kind == want[k].kind,
                      "token %zu '%s' is [%u,%u) kind %u, want [%u,%u) kind %u", k, span_text(doc, (uint32_t)k,
                      (uint32_t)k + 1), t->start, t->end, t->kind, want[k].start, want[k].end, want[k].kind);
    }
    ck_assert(has(doc, 1, QG_TF_SPACE | QG_TF_CAP));
    ck_assert(has(doc, 0, QG_TF_SPACE_AFTER));
    qg_doc_free(doc);
}
END_TEST

/* Invariants on a realistic text: tokens are ordered, non-empty, start and
 * end on character boundaries, and only whitespace lies between them. */
START_TEST(tokens_cover_text)
{
    const char *text =
        "date 2019-06-02\n\n\xE2\x80\x9CWe will never negotiate,\xE2\x80\x9D Rear Admiral Habibollah Sayyari, "
        "Iran\xE2\x80\x99s Army second-in-command, told Tasnim on Sunday.\n\nThe U.S. and Europe\xE2\x80\x99s "
        "leaders\xE2\x80\xA6 see www.presstv.co.uk (22nd of June; 1,000 people) \xC2\xAB" "d\xC3\xA9j\xC3\xA0"
        "\xC2\xBB 'ok' \xF0\x9F\x98\x80!";
    qg_doc *doc = run_stages(text, NULL, "tokenize");
    ck_assert_uint_gt(doc->tokens.count, 40);
    uint32_t prev = 0;
    for (uint32_t i = 0; i < doc->tokens.count; i++) {
        const qg_token *t = &doc->tokens.items[i];
        ck_assert_uint_lt(t->start, t->end);
        ck_assert_uint_le(t->end, doc->len);
        ck_assert_uint_le(prev, t->start);
        ck_assert_msg(((unsigned char)text[t->start] & 0xC0) != 0x80, "token %u starts mid-character", i);
        ck_assert_msg(t->end == doc->len || ((unsigned char)text[t->end] & 0xC0) != 0x80,
                      "token %u ends mid-character", i);
        for (uint32_t b = prev; b < t->start; b++)
            ck_assert_msg(text[b] == ' ' || text[b] == '\n', "non-space byte %u between tokens", b);
        bool spaced = t->start > prev;
        ck_assert_msg(i == 0 || spaced == ((t->flags & QG_TF_SPACE) != 0), "QG_TF_SPACE wrong on token %u", i);
        if (i > 0)
            ck_assert_msg(spaced == ((doc->tokens.items[i - 1].flags & QG_TF_SPACE_AFTER) != 0),
                          "QG_TF_SPACE_AFTER wrong on token %u", i - 1);
        prev = t->end;
    }
    qg_doc_free(doc);
}
END_TEST

/* ---- lexicon classes ---- */

START_TEST(lexicon_classes)
{
    qg_doc *doc = run_stages("Mr. Smith said officials in Washington told him, according to Rear Admiral Sayyari.",
                             NULL, "tokenize");
    struct {
        const char *w;
        uint32_t lex;
    } cases[] = {
        {"said", QG_LEX_CUE},       {"told", QG_LEX_CUE},          {"Mr.", QG_LEX_HONORIFIC},
        {"officials", QG_LEX_GROUP}, {"Washington", QG_LEX_ORG},   {"him", QG_LEX_PRONOUN},
        {"in", QG_LEX_FUNCTION},    {"according", QG_LEX_PHRASE}, {"Rear", QG_LEX_PHRASE},
        {"Admiral", QG_LEX_HONORIFIC},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        const qg_token *t = &doc->tokens.items[tok_of(doc, cases[k].w, 0)];
        ck_assert_msg((t->lex & cases[k].lex) == cases[k].lex, "'%s' has lex 0x%x, want 0x%x", cases[k].w, t->lex,
                      cases[k].lex);
        ck_assert_msg(t->word != QG_NONE, "'%s' has no word id", cases[k].w);
    }
    const qg_token *smith = &doc->tokens.items[tok_of(doc, "Smith", 0)];
    ck_assert_uint_eq(smith->lex & (QG_LEX_CUE | QG_LEX_HONORIFIC | QG_LEX_ORG | QG_LEX_FUNCTION), 0);
    const qg_token *x = &doc->tokens.items[tok_of(doc, "Sayyari", 0)];
    ck_assert_uint_eq(x->lex, 0);
    ck_assert_uint_eq(x->word, QG_NONE);
    /* Punctuation is never looked up. */
    const qg_token *comma = &doc->tokens.items[tok_of(doc, ",", 0)];
    ck_assert_uint_eq(comma->lex, 0);
    ck_assert_uint_eq(comma->word, QG_NONE);
    /* The same word in another case has the same id. */
    qg_doc_free(doc);
    doc = run_stages("SAID said Said", NULL, "tokenize");
    ck_assert_uint_eq(doc->tokens.items[0].word, doc->tokens.items[1].word);
    ck_assert_uint_eq(doc->tokens.items[2].word, doc->tokens.items[1].word);
    ck_assert(doc->tokens.items[0].lex & QG_LEX_CUE);
    qg_doc_free(doc);
}
END_TEST

START_TEST(empty_document)
{
    qg_doc *doc = run_stages("", NULL, "tokenize");
    ck_assert_uint_eq(doc->tokens.count, 0);
    ck_assert(doc->stages_done & QG_STAGE_BIT(QG_STAGE_TOKENIZE));
    qg_doc_free(doc);
    doc = run_stages("  \n\n\t \xC2\xA0\n", NULL, "tokenize");
    ck_assert_uint_eq(doc->tokens.count, 0);
    qg_doc_free(doc);
}
END_TEST

static Suite *tokenize_suite(void)
{
    Suite *s = suite_create("tokenize");
    TCase *basic = tcase_create("basic");
    tcase_add_test(basic, words_and_numbers);
    tcase_add_test(basic, punctuation);
    tcase_add_test(basic, ellipsis);
    tcase_add_test(basic, quotation_marks);
    tcase_add_test(basic, empty_document);
    suite_add_tcase(s, basic);
    TCase *words = tcase_create("words");
    tcase_add_test(words, apostrophes_inside_words);
    tcase_add_test(words, possessive_clitic);
    tcase_add_test(words, hyphenated);
    tcase_add_test(words, abbreviations_keep_period);
    tcase_add_test(words, dotted_acronym_has_abbr_flag);
    tcase_add_test(words, urls);
    tcase_add_test(words, lexicon_classes);
    suite_add_tcase(s, words);
    TCase *layout = tcase_create("layout");
    tcase_add_test(layout, line_and_paragraph_flags);
    tcase_add_test(layout, metadata_prefix_starts_paragraph);
    tcase_add_test(layout, case_flags);
    tcase_add_test(layout, non_ascii_offsets);
    tcase_add_test(layout, tokens_cover_text);
    suite_add_tcase(s, layout);
    return s;
}

QG_CHECK_MAIN(tokenize_suite)
