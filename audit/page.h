/* page.h - the pages of `quotegraph audit`: one HTML page per graph record
 * (the text with its statements, speakers, cues, titles and dates marked,
 * and the table of statements) and the index of all documents.
 *
 * Pages are self-contained: inline CSS, no script, no external resources.
 * Nothing here prints to stderr or exits. */
#ifndef QG_AUDIT_PAGE_H
#define QG_AUDIT_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <jansson.h>

#include "score.h"

typedef struct {
    size_t statements; /* statement nodes */
    size_t attributed; /* statements with a said edge */
    size_t people;     /* person nodes */
} qg_audit_counts;

/* What the gold says about one document: its scores and its mismatches
 * (spans in the gold text, which must be the page's text). */
typedef struct {
    const qg_eval_doc_result *score;
    const qg_eval_mismatch *const *mismatches;
    size_t n;
} qg_audit_gold;

/* Writes the page of graph record REC (quotegraph/1, not an error record)
 * over TEXT[0..len), valid UTF-8 of doc.length code points, to OUT. GOLD may
 * be NULL. Fills *COUNTS. Returns 0, or -1 with a message in ERR[0..errsize)
 * when the record is malformed (a span past the text, an edge to no node)
 * or memory runs out; OUT may then hold part of a page. */
int qg_audit_page(FILE *out, const json_t *rec, const char *text, size_t len,
                  const qg_audit_gold *gold, qg_audit_counts *counts, char *err, size_t errsize);

/* The counts of graph record REC without rendering it (for documents whose
 * text is missing). */
void qg_audit_count(const json_t *rec, qg_audit_counts *counts);

/* One line of the index. */
typedef struct {
    const char *id;
    const char *href;  /* the document's page; NULL when there is none */
    const char *error; /* why there is no page; NULL when there is one */
    qg_audit_counts counts;
    const qg_eval_doc_result *score; /* NULL: not scored */
    size_t missed, spurious, wrong_speaker;
} qg_audit_row;

/* Writes index.html for ROWS[0..n) to OUT, rows with an error first, then
 * scored rows by attribution F1, worst first, then by id. TOTALS (NULL:
 * no gold) adds the score columns. ROWS is reordered. */
void qg_audit_index(FILE *out, qg_audit_row *rows, size_t n, const qg_eval_metrics *totals);

#endif
