/* doc.c - creating a document: validation, the metadata date line, and the
 * byte <-> code point index used at the JSON boundary. */
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline_internal.h"
#include "rules.h"
#include "text.h"

#define CP_BLOCK 64u

/* UTF-8 continuation bytes (10xxxxxx) among the 8 bytes at S: bit 7 set
 * and bit 6 clear. Spans are written by the ten thousand, so the count goes
 * a word at a time. */
static uint32_t continuation_bytes8(const char *s)
{
    uint64_t x;
    memcpy(&x, s, sizeof x);
    uint64_t marks = (x & ~(x << 1) & 0x8080808080808080ull) >> 7; /* one 0/1 per byte */
    return (uint32_t)((marks * 0x0101010101010101ull) >> 56);    /* their sum */
}

/* Code points that start in TEXT[from..to). */
static uint32_t count_cps(const char *text, uint32_t from, uint32_t to)
{
    uint32_t cp = to - from, i = from;
    for (; i + 8 <= to; i += 8)
        cp -= continuation_bytes8(text + i);
    for (; i < to; i++)
        if (((unsigned char)text[i] & 0xC0) == 0x80)
            cp--;
    return cp;
}

void qg_doc_index(qg_doc *doc)
{
    uint32_t nblocks = doc->len / CP_BLOCK + 2;
    doc->cp_marks = qg_arena_alloc(doc->arena, nblocks * sizeof *doc->cp_marks);
    uint32_t cp = 0;
    for (uint32_t b = 0; b < doc->len; b += CP_BLOCK) {
        doc->cp_marks[b / CP_BLOCK] = cp;
        uint32_t end = doc->len - b < CP_BLOCK ? doc->len : b + CP_BLOCK;
        cp += count_cps(doc->text, b, end);
    }
    doc->cp_marks[doc->len / CP_BLOCK + (doc->len % CP_BLOCK ? 1 : 0)] = cp;
    if (doc->len % CP_BLOCK == 0)
        doc->cp_marks[doc->len / CP_BLOCK] = cp;
}

uint32_t qg_doc_cp(const qg_doc *doc, uint32_t b)
{
    if (b > doc->len)
        b = doc->len;
    uint32_t blk = b / CP_BLOCK;
    return doc->cp_marks[blk] + count_cps(doc->text, blk * CP_BLOCK, b);
}

uint32_t qg_doc_byte(const qg_doc *doc, uint32_t cp)
{
    /* Binary search for the last block starting at or before CP, then walk. */
    uint32_t lo = 0, hi = doc->len / CP_BLOCK;
    while (lo < hi) {
        uint32_t mid = (lo + hi + 1) / 2;
        if (doc->cp_marks[mid] <= cp && mid * CP_BLOCK <= doc->len)
            lo = mid;
        else
            hi = mid - 1;
    }
    uint32_t b = lo * CP_BLOCK, at = doc->cp_marks[lo];
    while (b < doc->len) {
        if (((unsigned char)doc->text[b] & 0xC0) != 0x80) {
            if (at == cp)
                return b;
            at++;
        }
        b++;
    }
    return doc->len;
}

bool qg_tok_is_tail(const qg_doc *d, uint32_t i, const char *w)
{
    const char *s = qg_tok_text(d, i);
    uint32_t n = qg_tok_len(d, i);
    for (uint32_t k = 0; k < n; k++) {
        char c = s[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (!w[k] || c != w[k])
            return false;
    }
    return w[n] == '\0';
}

int qg_parse_iso_date(const char *s, size_t len, int *y, int *m, int *d)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int mm = (s[5] - '0') * 10 + (s[6] - '0');
    int dd = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (yy < 1 || mm < 1 || mm > 12 || dd < 1 || dd > mdays[mm - 1])
        return -1;
    bool leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
    if (mm == 2 && dd == 29 && !leap)
        return -1;
    *y = yy;
    *m = mm;
    *d = dd;
    return 0;
}

static void doc_error(qg_error *err, qg_status st, long offset, const char *msg)
{
    err->status = st;
    err->file[0] = '\0';
    err->line = 0;
    err->column = 0;
    err->offset = offset;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

/* A leading `date YYYY-MM-DD` line (or prefix, as in some scraped files)
 * gives the publication date; the rest of the text is the article. */
static void read_metadata(qg_pipeline *p, qg_doc *doc)
{
    const pcre2_code *re = qg_rules_pattern(p->rules, "metadata_date");
    int rc = pcre2_match(re, (PCRE2_SPTR)doc->text, doc->len, 0, PCRE2_ANCHORED, p->match, p->limits);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->match);
    if (rc < 2 || ov[2] == PCRE2_UNSET)
        return; /* an edited pattern may leave its group unset */
    int y, m, d;
    if (qg_parse_iso_date(doc->text + ov[2], ov[3] - ov[2], &y, &m, &d) != 0)
        return;
    doc->body = (uint32_t)ov[1];
    if (!doc->date.year)
        doc->date = (qg_date){y, m, d};
}

static qg_doc *doc_create(qg_pipeline *p, const char *id, const char *source, const char *text, size_t len,
                          const char *date_iso, qg_error *err);

qg_doc *qg_doc_new(qg_pipeline *p, const char *id, const char *source, const char *text,
                   size_t len, const char *date_iso, qg_error *err)
{
    size_t limit = p->opts.max_doc_bytes;
    if (len > limit) {
        char msg[128];
        snprintf(msg, sizeof msg, "document is %zu bytes; the limit is %zu", len, limit);
        doc_error(err, QG_ERR_TOO_LARGE, -1, msg);
        return NULL;
    }
    long bad = qg_utf8_validate(text, len);
    char *repaired = NULL;
    size_t replaced = 0;
    if (bad >= 0 && p->opts.replace_utf8) {
        repaired = malloc(3 * len); /* each bad byte may become 3 (U+FFFD) */
        if (!repaired) {
            doc_error(err, QG_ERR_IO, -1, "out of memory");
            return NULL;
        }
        len = qg_utf8_replace(text, len, repaired, &replaced);
        text = repaired;
        if (len > limit) {
            free(repaired);
            char msg[128];
            snprintf(msg, sizeof msg, "document is %zu bytes after replacing invalid UTF-8; the limit is %zu", len,
                     limit);
            doc_error(err, QG_ERR_TOO_LARGE, -1, msg);
            return NULL;
        }
    } else if (bad >= 0) {
        char msg[128];
        snprintf(msg, sizeof msg, "invalid UTF-8 at byte %ld", bad);
        doc_error(err, QG_ERR_UTF8, bad, msg);
        return NULL;
    }
    qg_doc *doc = doc_create(p, id, source, text, len, date_iso, err);
    free(repaired);
    if (doc)
        doc->replaced = (uint32_t)replaced;
    return doc;
}

uint32_t qg_doc_replaced(const qg_doc *doc) { return doc->replaced; }

/* qg_doc_new after the encoding checks: TEXT is valid UTF-8. */
static qg_doc *doc_create(qg_pipeline *p, const char *id, const char *source, const char *text, size_t len,
                          const char *date_iso, qg_error *err)
{
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        char msg[128];
        snprintf(msg, sizeof msg, "NUL byte at byte %ld: binary data, not text", (long)(nul - text));
        doc_error(err, QG_ERR_BINARY, (long)(nul - text), msg);
        return NULL;
    }
    qg_date date = {0, 0, 0};
    if (date_iso && *date_iso) {
        int y, m, d;
        if (qg_parse_iso_date(date_iso, strlen(date_iso), &y, &m, &d) != 0) {
            char msg[128];
            snprintf(msg, sizeof msg, "'%.20s' is not a date (YYYY-MM-DD)", date_iso);
            doc_error(err, QG_ERR_INPUT, -1, msg);
            return NULL;
        }
        date = (qg_date){y, m, d};
    }
    qg_arena *a = qg_pipeline_take_arena(p);
    if (!a) {
        doc_error(err, QG_ERR_IO, -1, "out of memory");
        return NULL;
    }
    qg_doc *doc = qg_arena_alloc(a, sizeof *doc);
    doc->arena = a;
    doc->owner = p;
    doc->tracing = p->opts.trace != 0;
    doc->id = qg_arena_strndup(a, id ? id : "", id ? strlen(id) : 0);
    doc->source = source ? qg_arena_strndup(a, source, strlen(source)) : NULL;
    doc->text = qg_arena_strndup(a, text, len);
    doc->len = (uint32_t)len;
    doc->date = date;
    qg_doc_index(doc);
    read_metadata(p, doc);
    return doc;
}

void qg_doc_free(qg_doc *doc)
{
    if (doc)
        qg_pipeline_give_arena(doc->owner, doc->arena);
}
