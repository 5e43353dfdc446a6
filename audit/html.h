/* html.h - the HTML building blocks of `quotegraph audit`: escaping, and text
 * with highlighted spans that may nest or overlap.
 *
 * Spans are Unicode code point offsets, end excluded, as in the graph. The
 * text must be valid UTF-8 (the caller checks; qg_html_cp_count says). */
#ifndef QG_AUDIT_HTML_H
#define QG_AUDIT_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Writes S[0..len) with & < > " ' escaped, so it fits both text and quoted
 * attribute values. */
void qg_html_escape(FILE *out, const char *s, size_t len);

/* qg_html_escape of a NUL-terminated string; NULL writes nothing. */
void qg_html_puts(FILE *out, const char *s);

/* The number of code points in S[0..len), or -1 when it is not valid UTF-8. */
long qg_html_cp_count(const char *s, size_t len);

/* A highlighted range. KIND orders spans with the same range (lower opens
 * first, so it is outside); REF is the caller's. */
typedef struct {
    size_t start, end;
    int kind;
    size_t ref;
} qg_html_span;

/* The order qg_html_spans opens spans in: start, then longer first, then
 * kind, then ref (a qsort comparator over qg_html_span). */
int qg_html_span_cmp(const void *a, const void *b);

/* Writes the opening tag of S; CONTINUED is true for the second and later
 * pieces of a span that had to be closed and reopened around another. */
typedef void (*qg_html_open_fn)(void *ctx, FILE *out, const qg_html_span *s, bool continued);
/* Writes the closing tag of S. */
typedef void (*qg_html_close_fn)(void *ctx, FILE *out, const qg_html_span *s);

/* Writes TEXT[0..len) escaped, with every span of SPANS[0..n) opened and
 * closed around its text. The output is properly nested: where spans
 * overlap without nesting, the inner one is closed at the outer one's end
 * and reopened (CONTINUED) after it. Longer spans are outside shorter ones
 * that start at the same offset. Empty spans and spans past the text are
 * left out. One sweep over the sorted boundaries: O(n log n + len + the
 * reopened pieces). SPANS is reordered. Returns 0, or -1 when out of memory
 * (nothing written then). */
int qg_html_spans(FILE *out, const char *text, size_t len, qg_html_span *spans, size_t n,
                  qg_html_open_fn open, qg_html_close_fn close, void *ctx);

#endif
