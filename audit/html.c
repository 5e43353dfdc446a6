/* html.c - HTML escaping and the span sweep behind the audit pages: the text
 * is cut at every span boundary and elements are opened and closed so that
 * they nest, whatever the spans do. */
#include "html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void qg_html_escape(FILE *out, const char *s, size_t len)
{
    const char *run = s, *end = s + len;
    for (const char *p = s; p < end; p++) {
        const char *ent;
        switch (*p) {
        case '&': ent = "&amp;"; break;
        case '<': ent = "&lt;"; break;
        case '>': ent = "&gt;"; break;
        case '"': ent = "&quot;"; break;
        case '\'': ent = "&#39;"; break;
        default: continue;
        }
        fwrite(run, 1, (size_t)(p - run), out);
        fputs(ent, out);
        run = p + 1;
    }
    fwrite(run, 1, (size_t)(end - run), out);
}

void qg_html_puts(FILE *out, const char *s)
{
    if (s)
        qg_html_escape(out, s, strlen(s));
}

/* The code points of valid UTF-8: every byte but continuation bytes. */
static size_t cp_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t b = 0; b < len; b++)
        n += ((unsigned char)s[b] & 0xC0) != 0x80;
    return n;
}

long qg_html_cp_count(const char *s, size_t len)
{
    return qg_utf8_validate(s, len) >= 0 ? -1 : (long)cp_count(s, len);
}

int qg_html_span_cmp(const void *a, const void *b)
{
    const qg_html_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* longer first: outside */
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->ref < y->ref ? -1 : x->ref > y->ref;
}

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Does span A belong outside span B when both are opened at one offset? */
static bool outside(const qg_html_span *a, const qg_html_span *b)
{
    return a->end != b->end ? a->end > b->end : a->kind < b->kind;
}

int qg_html_spans(FILE *out, const char *text, size_t len, qg_html_span *spans, size_t n,
                  qg_html_open_fn open, qg_html_close_fn close, void *ctx)
{
    size_t ncp = cp_count(text, len);

    qsort(spans, n, sizeof *spans, qg_html_span_cmp);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (spans[k].start < spans[k].end && spans[k].end <= ncp)
            spans[m++] = spans[k];

    size_t *stack = malloc((m ? m : 1) * sizeof *stack);
    size_t *group = malloc((m ? m : 1) * sizeof *group);
    size_t *ends = malloc((m ? m : 1) * sizeof *ends);
    if (!stack || !group || !ends) {
        free(stack);
        free(group);
        free(ends);
        return -1;
    }
    for (size_t k = 0; k < m; k++)
        ends[k] = spans[k].end;
    qsort(ends, m, sizeof *ends, size_cmp);

    size_t depth = 0, next = 0, e = 0, cp = 0;
    const char *p = text, *end = text + len;
    for (;;) {
        /* Close: everything from the lowest span ending here up; the ones
         * above it that go on are reopened below. */
        size_t ng = 0, k = 0;
        while (k < depth && spans[stack[k]].end != cp)
            k++;
        if (k < depth) {
            for (size_t t = depth; t-- > k;)
                close(ctx, out, &spans[stack[t]]);
            for (size_t t = k + 1; t < depth; t++)
                if (spans[stack[t]].end > cp)
                    group[ng++] = stack[t];
            depth = k;
        }
        size_t first_new = next;
        while (next < m && spans[next].start == cp)
            group[ng++] = next++;
        /* Open longest first; insertion sort, as the group is nearly sorted. */
        for (size_t a = 1; a < ng; a++) {
            size_t v = group[a], b = a;
            while (b > 0 && outside(&spans[v], &spans[group[b - 1]])) {
                group[b] = group[b - 1];
                b--;
            }
            group[b] = v;
        }
        for (size_t a = 0; a < ng; a++) {
            open(ctx, out, &spans[group[a]], group[a] < first_new);
            stack[depth++] = group[a];
        }
        if (cp >= ncp)
            break;

        while (e < m && ends[e] <= cp)
            e++;
        size_t nb = ncp;
        if (next < m && spans[next].start < nb)
            nb = spans[next].start;
        if (e < m && ends[e] < nb)
            nb = ends[e];
        const char *q = p;
        while (p < end && cp < nb) {
            p++;
            while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
                p++;
            cp++;
        }
        qg_html_escape(out, q, (size_t)(p - q));
    }
    free(stack);
    free(group);
    free(ends);
    return 0;
}
