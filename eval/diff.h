/* diff.h - what changed between two runs of quotegraph: documents matched by
 * id, statements within a document by content span.
 *
 * Usage: parse each quotegraph/1 record of both runs with
 * qg_diff_graph_parse, compare the two records of one document id (either may
 * be missing) with qg_diff_compare, then render the result with
 * qg_diff_doc_write_text or qg_diff_doc_json_new and add its counts to the
 * totals.  Nothing here reads files or prints except to the stream it is
 * given; the command (cli/cmd_diff.c) does the I/O.
 *
 * Statements are matched one to one, in span order: first pairs with the same
 * content span, then, for each old statement left, the new one left that
 * covers the most of it, if that is more than half of the old span (an empty
 * old span matches only exactly).  The old run is the reference, as the gold
 * is for `quotegraph eval`. */
#ifndef QG_EVAL_DIFF_H
#define QG_EVAL_DIFF_H

#include <stddef.h>
#include <stdio.h>
#include <jansson.h>

/* A span with its text; s < 0 means none (JSON null). */
typedef struct {
    long s, e;
    char *text;
} qg_diff_span;

/* A speaker of a statement: the node's name and type, and the `source` of
 * its said edge. */
typedef struct {
    char *name, *type;
    qg_diff_span source;
} qg_diff_speaker;

typedef struct {
    char *id; /* statement node id, local to its record */
    long s, e;
    char *text, *kind, *rule;
    qg_diff_span cue;          /* of the first said edge (joint speakers share it) */
    qg_diff_speaker *speakers; /* by name, then source start; none: unattributed */
    size_t nspeakers;
} qg_diff_stmt;

/* One record.  An error record has error_code set and no statements. */
typedef struct {
    char *id;
    char *error_code, *error_message;
    qg_diff_stmt *stmts; /* span order: start, end, then node order */
    size_t nstmts;
} qg_diff_graph;

/* Parses one quotegraph/1 line LINE[0..len).  Returns a new graph (free with
 * qg_diff_graph_free), or NULL with the reason in WHY (also "out of memory"). */
qg_diff_graph *qg_diff_graph_parse(const char *line, size_t len, char *why, size_t whylen);
void qg_diff_graph_free(qg_diff_graph *g);

/* What changed in a matched statement (bits of qg_diff_change.what). */
enum {
    QG_DIFF_SPEAKER = 1u << 0,    /* other speakers, or none now; the old had one */
    QG_DIFF_ATTRIBUTED = 1u << 1, /* had no speaker, has one now */
    QG_DIFF_SOURCE = 1u << 2,     /* same speakers, another source span */
    QG_DIFF_CUE = 1u << 3,        /* another cue span */
    QG_DIFF_KIND = 1u << 4,       /* direct, mixed, indirect */
    QG_DIFF_SPAN = 1u << 5,       /* matched by overlap: another content span */
    QG_DIFF_RULE = 1u << 6        /* another statement rule */
};

typedef enum { QG_DIFF_LOST, QG_DIFF_GAINED, QG_DIFF_CHANGED } qg_diff_change_kind;

/* One statement-level change.  OLD is NULL for GAINED, NEW for LOST; both
 * borrow from the graphs given to qg_diff_compare. */
typedef struct {
    qg_diff_change_kind kind;
    unsigned what; /* CHANGED only: QG_DIFF_* bits, never 0 */
    const qg_diff_stmt *old, *new;
} qg_diff_change;

typedef enum {
    QG_DIFF_DOC_SAME,      /* nothing changed (also: an error record in both runs) */
    QG_DIFF_DOC_CHANGED,   /* graph records in both runs with statement changes */
    QG_DIFF_DOC_ADDED,     /* only in the new run */
    QG_DIFF_DOC_REMOVED,   /* only in the old run */
    QG_DIFF_DOC_BROKEN,    /* a graph before, an error record now */
    QG_DIFF_DOC_RECOVERED  /* an error record before, a graph now */
} qg_diff_doc_status;

/* Counts that add up over documents.  Statements of added and recovered
 * documents count as gained, those of removed and broken ones as lost, so
 * that stmts_new - stmts_old == gained - lost. */
typedef struct {
    size_t docs_old, docs_new, changed_docs; /* changed_docs: status other than SAME */
    size_t added, removed, broken, recovered;
    size_t stmts_old, stmts_new, gained, lost, changed;
    size_t speaker, attributed, source, cue, kind, span, rule; /* changed statements by bit */
} qg_diff_counts;

typedef struct {
    const char *id;
    qg_diff_doc_status status;
    const qg_diff_graph *old, *new; /* borrowed; NULL when absent */
    qg_diff_change *changes;        /* span order (old span, else new span) */
    size_t nchanges;
    qg_diff_counts counts;
} qg_diff_doc;

/* Compares the two records of one document; OLD or NEW (not both) may be
 * NULL.  Fills *OUT, which borrows from both graphs; free with
 * qg_diff_doc_clear.  Returns 0, or -1 when out of memory. */
int qg_diff_compare(const qg_diff_graph *old, const qg_diff_graph *new, qg_diff_doc *out);
void qg_diff_doc_clear(qg_diff_doc *d);

void qg_diff_counts_add(qg_diff_counts *to, const qg_diff_counts *from);

/* When `quotegraph diff` exits 1 (--fail-on). */
typedef enum {
    QG_DIFF_FAIL_LOST,    /* lost statements, speaker changes, removed or broken documents */
    QG_DIFF_FAIL_CHANGED, /* that, or any change to a matched statement */
    QG_DIFF_FAIL_ANY,     /* any difference, gains included */
    QG_DIFF_FAIL_NONE     /* never */
} qg_diff_fail_on;

/* Parses "lost", "changed", "any", "none"; returns 0, or -1. */
int qg_diff_fail_on_parse(const char *s, qg_diff_fail_on *out);
const char *qg_diff_fail_on_name(qg_diff_fail_on f);

/* Whether the counts meet the condition F. */
int qg_diff_fails(const qg_diff_counts *c, qg_diff_fail_on f);

/* One line per change of D ("ID [s,e] "excerpt": what"), nothing when D is
 * SAME.  Returns 0, or -1 when writing failed. */
int qg_diff_doc_write_text(const qg_diff_doc *d, FILE *out);

/* The closing line with the counts.  Returns 0, or -1 when writing failed. */
int qg_diff_summary_write_text(const qg_diff_counts *c, FILE *out);

/* D as a new JSON object (docs/auditing.md has the keys); NULL when out of
 * memory. */
json_t *qg_diff_doc_json_new(const qg_diff_doc *d);

/* {"summary": counts, "fail_on": name, "failed": bool} as a new object. */
json_t *qg_diff_summary_json_new(const qg_diff_counts *c, qg_diff_fail_on f);

#endif
