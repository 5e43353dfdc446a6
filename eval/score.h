/* score.h - score quotegraph predictions against gold quote attributions.
 *
 * Usage: qg_eval_new, load the gold (one file), load one or more prediction
 * streams, qg_eval_score, then read the figures or render them with the
 * qg_eval_report_* functions (report.c).  The library never prints except
 * through the report functions and never exits; failures fill a
 * caller-supplied qg_eval_error (NULL is allowed).
 *
 * Both files give spans as Unicode code point offsets, end excluded, into the
 * gold document's text.  Spans are compared after trimming whitespace, quote
 * marks (" “ ” ‘ ’ « » ') and the punctuation . , ; : from both ends.
 */
#ifndef QG_EVAL_SCORE_H
#define QG_EVAL_SCORE_H

#include <stddef.h>
#include <stdio.h>
#include <jansson.h>

/* Where and why loading failed, or a warning.  line is 1-based; 0 means the
 * message is about the file as a whole (e.g. it cannot be opened). */
typedef struct {
    char file[256];
    int line;
    char text[256];
} qg_eval_error;

/* Precision/recall/F1 with the counts behind them.  predicted and gold are
 * the denominators of P and R; ratios are 0.0 when a denominator is 0. */
typedef struct {
    size_t tp, predicted, gold;
    double p, r, f1;
} qg_eval_prf;

typedef struct {
    size_t correct, total;
    double accuracy; /* 0.0 when total is 0 */
} qg_eval_accuracy;

typedef struct {
    size_t gold, predicted;          /* attributions */
    qg_eval_prf statements_overlap;  /* > 50% of trimmed gold content covered */
    qg_eval_prf statements_exact;    /* trimmed spans identical */
    qg_eval_prf attribution;         /* overlap match and right speaker */
    qg_eval_prf sources;             /* exact trimmed source span on matched pairs */
    qg_eval_prf cues;                /* exact trimmed cue span on matched pairs */
    qg_eval_prf sources_overlap;     /* > 50% of the trimmed gold source covered, matched pairs */
    qg_eval_prf cues_overlap;        /* > 50% of the trimmed gold cue covered, matched pairs */
    qg_eval_prf direct;              /* overlap, gold direct vs predicted kind "direct" */
    qg_eval_accuracy speaker_all;    /* right speakers / overlap-matched statements */
    qg_eval_accuracy speaker_direct; /* the same on the direct subset */

    /* Titles, dates and the links of statements.  Each counts only the
     * documents whose gold gives the field: a document without "people" is
     * not scored for titles, one without "dates" not for dates, an
     * attribution without "date" / "reported_by" not for those. */
    size_t title_documents, date_documents; /* documents scored for each */
    qg_eval_prf titles;           /* per gold person (matched to the predicted persons by
                                     name, alias or mention): has_title title names
                                     against the gold titles, case and space folded */
    qg_eval_prf dates;            /* date node mentions, > 50% of the trimmed gold span covered */
    qg_eval_accuracy date_values; /* matched dates whose node value is the gold value (null too) */
    struct {
        qg_eval_accuracy acc;     /* overlap-matched attributions with a non-null gold date:
                                     the statement's said_on date has that value */
        size_t extra;             /* matched, gold date null: a said_on date with a value */
        size_t edges, inherited;  /* predicted said_on edges; of them, rule date.inherited */
    } said_on;
    struct {
        qg_eval_accuracy acc;     /* overlap-matched attributions with a non-null gold
                                     reported_by: the reported_by target is it (by name,
                                     alias or mention; a leading "the" ignored) */
        size_t extra;             /* matched, gold reported_by null: an edge all the same */
    } reported_by;
} qg_eval_metrics;

typedef enum {
    QG_EVAL_DOC_OK,      /* predictions present */
    QG_EVAL_DOC_MISSING, /* no prediction record: every gold attribution is missed */
    QG_EVAL_DOC_ERROR    /* error record: scored as a document without predictions */
} qg_eval_doc_status;

/* Per gold document, in gold file order.  Strings are owned by the qg_eval. */
typedef struct {
    const char *id;
    qg_eval_doc_status status;
    const char *error_code;    /* QG_EVAL_DOC_ERROR only, else NULL */
    const char *error_message; /* QG_EVAL_DOC_ERROR only, else NULL */
    qg_eval_metrics metrics;
} qg_eval_doc_result;

typedef enum {
    QG_EVAL_MISSED,       /* false negative: gold attribution without a match */
    QG_EVAL_SPURIOUS,     /* false positive: predicted attribution without a match */
    QG_EVAL_WRONG_SPEAKER /* overlap match whose speaker is wrong */
} qg_eval_mismatch_kind;

/* One line of the --errors listing (from the statement overlap matching).
 * Spans are untrimmed as given in the files; start is -1 for "none".
 * Strings are owned by the qg_eval; any of them may be NULL. */
typedef struct {
    qg_eval_mismatch_kind kind;
    size_t doc;                   /* index into qg_eval_doc() */
    long gold_start, gold_end;    /* gold content (MISSED, WRONG_SPEAKER) */
    long pred_start, pred_end;    /* predicted content (SPURIOUS, WRONG_SPEAKER) */
    const char *gold_speaker;     /* NULL: gold speaker is null */
    int gold_direct;
    const char *pred_statement;   /* statement node id */
    const char *pred_kind;        /* "direct", "mixed", "indirect" */
    const char *pred_speaker;     /* speaker node name; NULL: no said edge */
    const char *pred_speaker_id;  /* speaker node id */
    const char *pred_speaker_type;/* "person", "group", ... */
    const char *pred_rule;        /* rule of the said edge */
} qg_eval_mismatch;

typedef struct qg_eval qg_eval;

/* A new, empty evaluation; NULL when out of memory.  Free with qg_eval_free. */
qg_eval *qg_eval_new(void);
void qg_eval_free(qg_eval *ev);

/* Load gold documents (the format of shared/gold/README.md) from a file, an
 * open stream, or a NUL-terminated string; name is used in messages.  May be
 * called more than once; document ids must be unique across calls.
 * Returns 0, or -1 with *err filled; on failure nothing of that input is kept. */
int qg_eval_load_gold_file(qg_eval *ev, const char *path, qg_eval_error *err);
int qg_eval_load_gold_stream(qg_eval *ev, FILE *fp, const char *name, qg_eval_error *err);
int qg_eval_load_gold_string(qg_eval *ev, const char *data, const char *name, qg_eval_error *err);

/* Load quotegraph/1 prediction records (JSON lines), the same three ways.
 * Unknown keys are ignored.  A document id may occur only once over all
 * prediction inputs.  Returns 0, or -1 with *err filled; on failure nothing of
 * that input is kept. */
int qg_eval_load_pred_file(qg_eval *ev, const char *path, qg_eval_error *err);
int qg_eval_load_pred_stream(qg_eval *ev, FILE *fp, const char *name, qg_eval_error *err);
int qg_eval_load_pred_string(qg_eval *ev, const char *data, const char *name, qg_eval_error *err);

/* Match and count.  Call after loading; may be called again after loading
 * more (results are recomputed).  Prediction documents that are not in the
 * gold become warnings.  Returns 0, or -1 when out of memory. */
int qg_eval_score(qg_eval *ev);

/* The number of gold documents loaded (valid before scoring too). */
size_t qg_eval_doc_count(const qg_eval *ev);

/* Results of the last qg_eval_score (qg_eval_doc: NULL before it or when i
 * is out of range).  Pointers are borrowed and stay valid until the next
 * load, qg_eval_score or qg_eval_free. */
const qg_eval_metrics *qg_eval_totals(const qg_eval *ev);
const qg_eval_doc_result *qg_eval_doc(const qg_eval *ev, size_t i);
size_t qg_eval_mismatch_count(const qg_eval *ev);
const qg_eval_mismatch *qg_eval_mismatch_at(const qg_eval *ev, size_t i);
size_t qg_eval_warning_count(const qg_eval *ev);
const qg_eval_error *qg_eval_warning(const qg_eval *ev, size_t i);
size_t qg_eval_missing_count(const qg_eval *ev);      /* gold documents without a record */
size_t qg_eval_error_record_count(const qg_eval *ev); /* gold documents with an error record */

/* The gold text of document i, UTF-8, and the byte offset of code point
 * offset cp in it (cp is clamped to the text).  Borrowed. */
const char *qg_eval_doc_text(const qg_eval *ev, size_t i, size_t *len_bytes);
size_t qg_eval_doc_byte_offset(const qg_eval *ev, size_t i, long cp);

/* --- report.c ---------------------------------------------------------- */

enum {
    QG_EVAL_REPORT_PER_DOC = 1u << 0, /* one line / one object per document */
    QG_EVAL_REPORT_ERRORS = 1u << 1   /* list every mismatch */
};

/* The aligned table (and, by flags, per-document lines and the mismatch
 * listing) on out.  Returns 0, or -1 when writing failed (see ferror). */
int qg_eval_report_text(const qg_eval *ev, FILE *out, unsigned flags);

/* The mismatch listing alone: per mismatch the document id, the span, the
 * text and the sentence around it.  Returns 0, or -1 when writing failed. */
int qg_eval_report_errors(const qg_eval *ev, FILE *out);

/* The figures as a new JSON object (caller json_decref's it); NULL when out
 * of memory.  Keys, in order: documents, gold, predicted,
 * statements_overlap, statements_exact, attribution, sources, cues, direct
 * (each {p,r,f1,tp,predicted,gold}), speaker_accuracy{all,direct} (each
 * {correct,total,accuracy}), titles and dates (each {p,r,f1,tp,predicted,
 * gold,documents}), date_values {correct,total,accuracy}, said_on
 * {correct,total,accuracy,on_gold_null,edges,inherited}, reported_by
 * {correct,total,accuracy,on_gold_null}, missing, error_records, per_doc (always: id,
 * status "ok"|"missing"|"error", error{code,message} when status is
 * "error", then the same figures), warnings [{file,line,message}], and with
 * the ERRORS flag errors [{doc, kind "missed"|"spurious"|"wrong_speaker",
 * gold{span,text,speaker,direct}, predicted{statement,kind,span,text,
 * speaker,speaker_id,speaker_type,rule}, sentence}]. */
json_t *qg_eval_report_json_new(const qg_eval *ev, unsigned flags);

/* qg_eval_report_json_new dumped compactly, key order preserved, one line.
 * Returns 0, or -1 when out of memory or writing failed. */
int qg_eval_report_json(const qg_eval *ev, FILE *out, unsigned flags);

#endif
