/* merge.h - merge per-document graphs (quotegraph/1) into one corpus graph
 * (quotegraph-corpus/1, docs/merge.md).
 *
 * The merger keeps every per-document observation it is given (an entity,
 * a statement or an edge of one document, keyed by document id and local
 * node id) and nothing else; the corpus graph is a function of that set
 * alone. Its own output records carry every observation back, so reading a
 * merged file is the same as reading the documents it came from: merging is
 * associative, commutative and idempotent by construction.
 *
 * Usage: qg_merge_new, qg_merge_add_line per input line, qg_merge_resolve,
 * then one of the writers. Nothing here prints or exits. */
#ifndef QG_MERGE_H
#define QG_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "quotegraph.h"

#define QG_CORPUS_SCHEMA "quotegraph-corpus/1"

/* Near-duplicate statements (docs/merge.md): the shorter text needs at least
 * MIN_TOKENS tokens and LENGTH_PCT percent of the longer's length, and
 * OVERLAP_PCT percent of its tokens must occur in the longer one. */
#define QG_MERGE_MIN_TOKENS 4
#define QG_MERGE_LENGTH_PCT 80
#define QG_MERGE_OVERLAP_PCT 90
/* A 3-token shingle shared by more distinct statement texts than this is a
 * stock phrase; it proposes no candidates (keeps the work near linear). */
#define QG_MERGE_SHINGLE_CAP 256

typedef struct qg_merge qg_merge;

/* A new, empty merger. RULES (borrowed, may be NULL) supplies the
 * honorifics and titles stripped from person names. NULL when out of memory. */
qg_merge *qg_merge_new(const qg_rules *rules);
void qg_merge_free(qg_merge *m);

typedef enum {
    QG_MERGE_ADDED = 0,       /* the record's observations were added */
    QG_MERGE_ERROR_RECORD = 1, /* a quotegraph/1 error record: skipped, WHY says which */
    QG_MERGE_MALFORMED = -1,  /* not a record this reader knows: nothing added, WHY says why */
    QG_MERGE_NOMEM = -2
} qg_merge_status;

/* Adds one JSON line: a quotegraph/1 graph record or any quotegraph-corpus/1
 * record. A record is taken whole or not at all. Observations already held
 * (the same document and node id, or the same document edge) are kept once.
 * WHY (WHYLEN bytes, may be NULL) gets a message without file or line. */
qg_merge_status qg_merge_add_line(qg_merge *m, const char *line, size_t len, char *why,
                                  size_t whylen);

/* Resolves entities and statements across documents and lifts the edges.
 * Call once after the last qg_merge_add_line. Returns 0, or -1 when out of
 * memory. */
int qg_merge_resolve(qg_merge *m);

/* Edge observations whose end nodes no input record supplied (a merged file
 * cut short); they are left out of the output. Valid after resolving. */
size_t qg_merge_dangling(const qg_merge *m);

/* Counts after resolving: documents, corpus entities (all node types but
 * statements), statements, edges. */
void qg_merge_counts(const qg_merge *m, size_t *docs, size_t *entities, size_t *statements,
                     size_t *edges);

/* The corpus graph, sorted, as quotegraph-corpus/1 JSON lines; nodes.csv
 * and edges.csv (RFC 4180); GraphML. Return 0, or -1 when out of memory or
 * a write failed (see ferror). */
int qg_merge_write_jsonl(const qg_merge *m, FILE *out);
int qg_merge_write_csv(const qg_merge *m, FILE *nodes, FILE *edges);
int qg_merge_write_graphml(const qg_merge *m, FILE *out);

/* The corpus id of the entity or statement that node NODE of document DOC
 * became, or NULL. Borrowed; valid after resolving, until qg_merge_free. */
const char *qg_merge_lookup(const qg_merge *m, const char *doc, const char *node);

/* --- norm.c: the normalizations, exposed for tests and the gold scorer ---- */

/* S[0..len) folded for matching: compatibility decomposition, marks
 * stripped, case folded, curly quotes straightened; then the words (runs of
 * letters and digits; an apostrophe inside a word is dropped) joined by one
 * space. A new string (caller frees), possibly empty; NULL when out of memory. */
char *qg_merge_fold(const char *s, size_t len);

/* The matching key of a person name: qg_merge_fold of NAME after leading
 * honorifics and titles known to RULES (may be NULL) are stripped, keeping
 * at least one word ("Ayatollah Seyed Ali Khamenei" -> "ali khamenei"). A new
 * string; NULL when out of memory. */
char *qg_merge_person_key(const qg_rules *rules, const char *name);

/* Can NAME be matched across documents? Not when it has no capital letter
 * ("company", "the administration": an organization by its kind) or is one
 * word that RULES (may be NULL) list as a pronoun ("You" taken for a name). */
bool qg_merge_proper_name(const qg_rules *rules, const char *name);

/* The matching key of an organization: qg_merge_fold without a leading
 * "the". A new string; NULL when out of memory. */
char *qg_merge_org_key(const char *name);

/* Hashes of the words of a folded string into a new array (*N entries;
 * caller frees; NULL with *N == 0 for no words). Returns 0, or -1 when out
 * of memory. */
int qg_merge_word_hashes(const char *folded, uint64_t **out, size_t *n);

/* Are two statements with these word hashes the same statement? (The
 * thresholds above; symmetric.) */
bool qg_merge_same_statement(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

#endif
