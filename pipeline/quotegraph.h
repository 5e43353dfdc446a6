/* quotegraph.h - the library's public interface.
 *
 * Typical use:
 *     qg_error err;
 *     qg_rules *rules = qg_rules_load(QG_DEFAULT_RULES_DIR, &err);
 *     qg_pipeline *p = qg_pipeline_new(rules, &opts);
 *     qg_doc *doc = qg_doc_new(p, id, path, text, len, &err);  // per document
 *     qg_pipeline_run(p, doc, &err);
 *     qg_write_graph(doc, out);
 *     qg_doc_free(doc);
 *
 * The library never prints and never exits: every failure is a status plus a
 * filled qg_error. The one exception is running out of memory, which aborts
 * with a message (arena.c): no partial result would be worth returning. Ownership: a function named _new or _load returns memory
 * the caller frees with the matching _free; everything reachable from a
 * qg_doc belongs to that document's arena and dies with qg_doc_free. */
#ifndef QUOTEGRAPH_H
#define QUOTEGRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define QG_VERSION "0.1.0"
#define QG_SCHEMA "quotegraph/1"
#define QG_LAYERS_SCHEMA "quotegraph-layers/1"

typedef enum {
    QG_OK = 0,
    QG_ERR_IO,        /* a file could not be read or written */
    QG_ERR_RULES,     /* a rules file is missing or malformed */
    QG_ERR_UTF8,      /* the input is not valid UTF-8 */
    QG_ERR_BINARY,    /* the input holds NUL bytes */
    QG_ERR_TOO_LARGE, /* the input exceeds the document size limit */
    QG_ERR_INPUT,     /* malformed input record (JSON lines, layers file) */
    QG_ERR_USAGE      /* an option value that makes no sense */
} qg_status;

/* Where and why something failed. FILE and LINE are empty/0 when they do not
 * apply; COLUMN counts bytes from 1. OFFSET is a byte offset into the input
 * for document errors (invalid UTF-8), else -1. */
typedef struct {
    qg_status status;
    char file[512];
    int line;
    int column;
    long offset;
    char message[512];
} qg_error;

/* Stable machine-readable code of STATUS for error records: "invalid-utf8", ... */
const char *qg_status_code(qg_status status);

typedef struct qg_rules qg_rules;
typedef struct qg_doc qg_doc;
typedef struct qg_pipeline qg_pipeline;

/* Loads every rules file from DIR. Returns NULL and fills ERR (file, line,
 * column, message) on the first error. Free with qg_rules_free. */
qg_rules *qg_rules_load(const char *dir, qg_error *err);
void qg_rules_free(qg_rules *r);

/* Hard limit on one document, so that one pathological file cannot take the
 * machine; documents above it get a too-large error record. */
#define QG_MAX_DOC_BYTES (64u * 1024u * 1024u)

/* Default limits on one sentence and on quotation nesting. Both degrade
 * gracefully rather than fail: a longer run of tokens is split into
 * sentences of at most the limit, and a quote mark that would open a
 * quotation deeper than the limit is not paired. */
#define QG_MAX_SENTENCE_TOKENS 400u
#define QG_MAX_QUOTE_DEPTH 16u
#define QG_MAX_QUOTE_DEPTH_CAP 64u /* the largest max_quote_depth accepted */

typedef struct {
    uint32_t stages;    /* bit set of stages to run (qg_stage_mask); 0 = all */
    int timing;         /* nonzero: measure each stage's time (qg_pipeline_stage_seconds) */
    int replace_utf8;   /* nonzero: invalid UTF-8 becomes U+FFFD instead of an error */
    size_t max_doc_bytes;         /* 0 = QG_MAX_DOC_BYTES; larger values are capped to it */
    uint32_t max_sentence_tokens; /* 0 = QG_MAX_SENTENCE_TOKENS */
    uint32_t max_quote_depth;     /* 0 = QG_MAX_QUOTE_DEPTH; at most QG_MAX_QUOTE_DEPTH_CAP */
    int trace;          /* nonzero: record each document's decisions (trace.h, quotegraph explain) */
} qg_options;

/* Returns a pipeline over RULES (borrowed: must outlive it), or NULL when
 * malloc fails. A pipeline holds per-thread scratch: use one per thread. */
qg_pipeline *qg_pipeline_new(const qg_rules *rules, const qg_options *opts);
void qg_pipeline_free(qg_pipeline *p);

/* Creates a document from TEXT[0..len) (copied). ID and SOURCE are copied;
 * SOURCE may be NULL. DATE_ISO ("YYYY-MM-DD") may be NULL; otherwise a
 * leading `date YYYY-MM-DD` line sets it. Returns NULL with ERR filled for
 * invalid UTF-8 (unless opts.replace_utf8: then each ill-formed sequence
 * becomes U+FFFD, as Python's errors="replace" decodes it), NUL bytes or a
 * document over opts.max_doc_bytes. */
qg_doc *qg_doc_new(qg_pipeline *p, const char *id, const char *source, const char *text,
                   size_t len, const char *date_iso, qg_error *err);
void qg_doc_free(qg_doc *doc);

/* How many ill-formed UTF-8 sequences qg_doc_new replaced in DOC. */
uint32_t qg_doc_replaced(const qg_doc *doc);

/* Runs the selected stages that have not run yet, in table order. */
qg_status qg_pipeline_run(qg_pipeline *p, qg_doc *doc, qg_error *err);

/* Seconds spent in stage number STAGE by this pipeline so far (0 unless the
 * pipeline was made with opts.timing). */
double qg_pipeline_stage_seconds(const qg_pipeline *p, int stage);

/* Writes DOC's graph as one JSON line (schema quotegraph/1) to OUT.
 * Returns 0, or -1 if writing failed. */
int qg_write_graph(const qg_doc *doc, const qg_rules *rules, FILE *out);

/* Writes DOC with every layer its stages produced (schema quotegraph-layers/1)
 * as one JSON line. Returns 0, or -1 if writing failed. */
int qg_write_layers(const qg_doc *doc, const qg_rules *rules, FILE *out);

/* Rebuilds a document from one line written by qg_write_layers. Returns NULL
 * with ERR filled if the line is malformed or was made with other rules. */
qg_doc *qg_read_layers(qg_pipeline *p, const char *line, size_t len, qg_error *err);

/* Writes an error record for a document that could not be processed. */
int qg_write_error(const char *id, const char *source, const qg_error *err, FILE *out);

/* Parses "YYYY-MM-DD" into *Y, *M, *D; returns 0, or -1 if it is no valid date. */
int qg_parse_iso_date(const char *s, size_t len, int *y, int *m, int *d);

#endif
