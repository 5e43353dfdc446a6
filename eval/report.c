/* report.c - render the results of qg_eval_score as an aligned text table,
 * a mismatch listing for auditors, or one JSON object. */
#include "score.h"

#include <string.h>

/* ---- shared helpers --------------------------------------------------- */

typedef struct {
    size_t b0, b1; /* byte range in the gold text */
} byte_range;

static byte_range span_bytes(const qg_eval *ev, size_t doc, long s, long e)
{
    byte_range r = {qg_eval_doc_byte_offset(ev, doc, s), qg_eval_doc_byte_offset(ev, doc, e)};
    if (r.b1 < r.b0)
        r.b1 = r.b0;
    return r;
}

/* At most this many bytes of context on either side of the span: one
 * "sentence" of a text without ". " could otherwise be the whole article. */
#define CONTEXT_MAX 400

/* The sentence around a span, approximated as the text between the
 * previous and the next ". " or newline (both ASCII, so bytes will do). */
static byte_range sentence_bytes(const char *t, size_t len, byte_range sp)
{
    size_t start = 0, end = len;
    for (size_t pos = sp.b0; pos > 0; pos--) {
        size_t c = pos - 1;
        if (t[c] == '\n') {
            start = c + 1;
            break;
        }
        if (t[c] == '.' && c + 2 <= sp.b0 && t[c + 1] == ' ') {
            start = c + 2;
            break;
        }
    }
    /* a span that ends with its sentence's period ends the sentence */
    size_t from = sp.b1 > sp.b0 && t[sp.b1 - 1] == '.' ? sp.b1 - 1 : sp.b1;
    for (size_t pos = from; pos < len; pos++) {
        if (t[pos] == '\n') {
            end = pos;
            break;
        }
        if (t[pos] == '.' && (pos + 1 == len || t[pos + 1] == ' ')) {
            end = pos + 1;
            break;
        }
    }
    if (end < sp.b1)
        end = sp.b1;
    while (start < sp.b0 && (t[start] == ' ' || t[start] == '\t' || t[start] == '\r'))
        start++;
    while (end > sp.b1 && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\r'))
        end--;
    /* cut long context at a UTF-8 character boundary */
    if (sp.b0 - start > CONTEXT_MAX) {
        start = sp.b0 - CONTEXT_MAX;
        while (start < sp.b0 && ((unsigned char)t[start] & 0xC0) == 0x80)
            start++;
    }
    if (end - sp.b1 > CONTEXT_MAX) {
        end = sp.b1 + CONTEXT_MAX;
        while (end > sp.b1 && ((unsigned char)t[end] & 0xC0) == 0x80)
            end--;
    }
    return (byte_range){start, end};
}

static const char *kind_name(qg_eval_mismatch_kind k)
{
    return k == QG_EVAL_MISSED ? "missed" : k == QG_EVAL_SPURIOUS ? "spurious" : "wrong_speaker";
}

static const char *status_name(qg_eval_doc_status s)
{
    return s == QG_EVAL_DOC_OK ? "ok" : s == QG_EVAL_DOC_MISSING ? "missing" : "error";
}

/* ---- text ------------------------------------------------------------- */

/* Writes bytes with control characters escaped, so one mismatch stays on
 * its lines whatever the text holds. */
static void put_escaped(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7F)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
    }
}

static void put_row(FILE *out, const char *label, const qg_eval_prf *m)
{
    fprintf(out, "%-22s%5.3f   %5.3f  %5.3f  %6zu %5zu %5zu\n", label, m->p, m->r, m->f1, m->tp, m->predicted,
            m->gold);
}

static void put_table(FILE *out, const qg_eval_metrics *m)
{
    fprintf(out, "%-22s%-8s%-7s%-5s  %6s %5s %5s\n", "", "P", "R", "F1", "tp", "pred", "gold");
    put_row(out, "statements (overlap)", &m->statements_overlap);
    put_row(out, "statements (exact)", &m->statements_exact);
    put_row(out, "attribution", &m->attribution);
    put_row(out, "sources (exact)", &m->sources);
    put_row(out, "sources (overlap)", &m->sources_overlap);
    put_row(out, "cues (exact)", &m->cues);
    put_row(out, "cues (overlap)", &m->cues_overlap);
    put_row(out, "direct (overlap)", &m->direct);
    fprintf(out, "%-22s%.2f (%zu/%zu)   direct: %.2f (%zu/%zu)\n", "speaker accuracy", m->speaker_all.accuracy,
            m->speaker_all.correct, m->speaker_all.total, m->speaker_direct.accuracy, m->speaker_direct.correct,
            m->speaker_direct.total);
    put_row(out, "titles", &m->titles);
    put_row(out, "dates (overlap)", &m->dates);
    fprintf(out, "%-22s%.2f (%zu/%zu)\n", "date values", m->date_values.accuracy, m->date_values.correct,
            m->date_values.total);
    fprintf(out, "%-22s%.2f (%zu/%zu)   on gold null: %zu   edges: %zu, inherited %zu\n", "said_on accuracy",
            m->said_on.acc.accuracy, m->said_on.acc.correct, m->said_on.acc.total, m->said_on.extra, m->said_on.edges,
            m->said_on.inherited);
    fprintf(out, "%-22s%.2f (%zu/%zu)   on gold null: %zu\n", "reported_by accuracy", m->reported_by.acc.accuracy,
            m->reported_by.acc.correct, m->reported_by.acc.total, m->reported_by.extra);
}

static void put_per_doc(const qg_eval *ev, FILE *out)
{
    size_t n = qg_eval_doc_count(ev), w = strlen("document");
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(qg_eval_doc(ev, i)->id);
        w = l > w ? l : w;
    }
    fprintf(out, "\n%-*s  %5s %5s  %-7s%-7s%-7s%s\n", (int)w, "document", "gold", "pred", "stmt", "exact",
            "attr", "(F1)");
    for (size_t i = 0; i < n; i++) {
        const qg_eval_doc_result *r = qg_eval_doc(ev, i);
        const qg_eval_metrics *m = &r->metrics;
        fprintf(out, "%-*s  %5zu %5zu  %5.3f  %5.3f  %5.3f", (int)w, r->id, m->gold, m->predicted,
                m->statements_overlap.f1, m->statements_exact.f1, m->attribution.f1);
        if (r->status == QG_EVAL_DOC_MISSING)
            fputs("  missing: no prediction record", out);
        else if (r->status == QG_EVAL_DOC_ERROR)
            fprintf(out, "  error record: %s: %s", r->error_code, r->error_message);
        fputc('\n', out);
    }
}

static void put_text_line(FILE *out, const char *label, const char *t, byte_range r)
{
    fprintf(out, "    %-10s", label);
    put_escaped(out, t + r.b0, r.b1 - r.b0);
    fputc('\n', out);
}

static void put_pred(FILE *out, const qg_eval_mismatch *m)
{
    fprintf(out, "statement %s (%s) [%ld,%ld), ", m->pred_statement, m->pred_kind, m->pred_start, m->pred_end);
    if (m->pred_speaker)
        fprintf(out, "speaker \"%s\" (%s %s)", m->pred_speaker, m->pred_speaker_type, m->pred_speaker_id);
    else
        fputs("no speaker", out);
    if (m->pred_rule)
        fprintf(out, ", rule %s", m->pred_rule);
}

int qg_eval_report_errors(const qg_eval *ev, FILE *out)
{
    size_t n = qg_eval_mismatch_count(ev), count[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++)
        count[qg_eval_mismatch_at(ev, i)->kind]++;
    fprintf(out, "mismatches: %zu missed, %zu spurious, %zu wrong speaker (spans: code points [start,end))\n",
            count[QG_EVAL_MISSED], count[QG_EVAL_SPURIOUS], count[QG_EVAL_WRONG_SPEAKER]);
    for (size_t i = 0; i < n; i++) {
        const qg_eval_mismatch *m = qg_eval_mismatch_at(ev, i);
        const qg_eval_doc_result *d = qg_eval_doc(ev, m->doc);
        size_t len;
        const char *t = qg_eval_doc_text(ev, m->doc, &len);
        int spurious = m->kind == QG_EVAL_SPURIOUS;
        long s = spurious ? m->pred_start : m->gold_start, e = spurious ? m->pred_end : m->gold_end;
        byte_range sp = span_bytes(ev, m->doc, s, e);

        fprintf(out, "%s %s [%ld,%ld): ", d->id, kind_name(m->kind), s, e);
        if (m->kind == QG_EVAL_MISSED) {
            fprintf(out, "gold speaker %s%s%s, %s", m->gold_speaker ? "\"" : "",
                    m->gold_speaker ? m->gold_speaker : "null", m->gold_speaker ? "\"" : "",
                    m->gold_direct ? "direct" : "not direct");
            if (d->status != QG_EVAL_DOC_OK)
                fprintf(out, " (document %s)", d->status == QG_EVAL_DOC_MISSING ? "not predicted" : "error record");
        } else if (m->kind == QG_EVAL_WRONG_SPEAKER) {
            fprintf(out, "gold speaker %s%s%s; predicted ", m->gold_speaker ? "\"" : "",
                    m->gold_speaker ? m->gold_speaker : "null", m->gold_speaker ? "\"" : "");
            put_pred(out, m);
        } else {
            put_pred(out, m);
        }
        fputc('\n', out);
        put_text_line(out, "text:", t, sp);
        put_text_line(out, "sentence:", t, sentence_bytes(t, len, sp));
    }
    return ferror(out) ? -1 : 0;
}

int qg_eval_report_text(const qg_eval *ev, FILE *out, unsigned flags)
{
    const qg_eval_metrics *m = qg_eval_totals(ev);
    fprintf(out, "quotegraph eval: %zu documents, %zu gold attributions, %zu predicted\n", qg_eval_doc_count(ev),
            m->gold, m->predicted);
    if (qg_eval_missing_count(ev) || qg_eval_error_record_count(ev))
        fprintf(out, "documents without predictions: %zu missing, %zu error records (scored as empty)\n",
                qg_eval_missing_count(ev), qg_eval_error_record_count(ev));
    put_table(out, m);
    size_t n = qg_eval_doc_count(ev);
    if (m->title_documents < n || m->date_documents < n)
        fprintf(out, "(titles scored on %zu documents, dates on %zu: the others' gold has no \"people\" / \"dates\")\n",
                m->title_documents, m->date_documents);
    if (flags & QG_EVAL_REPORT_PER_DOC)
        put_per_doc(ev, out);
    if (flags & QG_EVAL_REPORT_ERRORS) {
        fputc('\n', out);
        qg_eval_report_errors(ev, out);
    }
    return ferror(out) ? -1 : 0;
}

/* ---- JSON ------------------------------------------------------------- */

/* json_object_set_new on a NULL value fails; one error flag per object
 * keeps the builders free of a check per key. */
static void put(json_t *obj, const char *key, json_t *value, int *failed)
{
    if (json_object_set_new(obj, key, value) < 0)
        *failed = 1;
}

static json_t *prf_json(const qg_eval_prf *m, int *failed)
{
    json_t *o = json_object();
    if (!o) {
        *failed = 1;
        return NULL;
    }
    put(o, "p", json_real(m->p), failed);
    put(o, "r", json_real(m->r), failed);
    put(o, "f1", json_real(m->f1), failed);
    put(o, "tp", json_integer((json_int_t)m->tp), failed);
    put(o, "predicted", json_integer((json_int_t)m->predicted), failed);
    put(o, "gold", json_integer((json_int_t)m->gold), failed);
    return o;
}

static json_t *acc_json(const qg_eval_accuracy *a, int *failed)
{
    json_t *o = json_object();
    if (!o) {
        *failed = 1;
        return NULL;
    }
    put(o, "correct", json_integer((json_int_t)a->correct), failed);
    put(o, "total", json_integer((json_int_t)a->total), failed);
    put(o, "accuracy", json_real(a->accuracy), failed);
    return o;
}

/* Adds the figures of m to o (shared by the totals and per_doc). */
static void put_metrics(json_t *o, const qg_eval_metrics *m, int *failed)
{
    put(o, "gold", json_integer((json_int_t)m->gold), failed);
    put(o, "predicted", json_integer((json_int_t)m->predicted), failed);
    put(o, "statements_overlap", prf_json(&m->statements_overlap, failed), failed);
    put(o, "statements_exact", prf_json(&m->statements_exact, failed), failed);
    put(o, "attribution", prf_json(&m->attribution, failed), failed);
    put(o, "sources", prf_json(&m->sources, failed), failed);
    put(o, "cues", prf_json(&m->cues, failed), failed);
    put(o, "sources_overlap", prf_json(&m->sources_overlap, failed), failed);
    put(o, "cues_overlap", prf_json(&m->cues_overlap, failed), failed);
    put(o, "direct", prf_json(&m->direct, failed), failed);
    json_t *sa = json_object();
    if (!sa)
        *failed = 1;
    else {
        put(sa, "all", acc_json(&m->speaker_all, failed), failed);
        put(sa, "direct", acc_json(&m->speaker_direct, failed), failed);
    }
    put(o, "speaker_accuracy", sa, failed);
    json_t *t = prf_json(&m->titles, failed), *d = prf_json(&m->dates, failed);
    if (t)
        put(t, "documents", json_integer((json_int_t)m->title_documents), failed);
    if (d)
        put(d, "documents", json_integer((json_int_t)m->date_documents), failed);
    put(o, "titles", t, failed);
    put(o, "dates", d, failed);
    put(o, "date_values", acc_json(&m->date_values, failed), failed);
    json_t *so = acc_json(&m->said_on.acc, failed), *rb = acc_json(&m->reported_by.acc, failed);
    if (so) {
        put(so, "on_gold_null", json_integer((json_int_t)m->said_on.extra), failed);
        put(so, "edges", json_integer((json_int_t)m->said_on.edges), failed);
        put(so, "inherited", json_integer((json_int_t)m->said_on.inherited), failed);
    }
    if (rb)
        put(rb, "on_gold_null", json_integer((json_int_t)m->reported_by.extra), failed);
    put(o, "said_on", so, failed);
    put(o, "reported_by", rb, failed);
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *span_json(long s, long e)
{
    return json_pack("[I,I]", (json_int_t)s, (json_int_t)e);
}

static json_t *mismatch_json(const qg_eval *ev, const qg_eval_mismatch *m, int *failed)
{
    json_t *o = json_object();
    if (!o) {
        *failed = 1;
        return NULL;
    }
    size_t len;
    const char *t = qg_eval_doc_text(ev, m->doc, &len);
    put(o, "doc", json_string(qg_eval_doc(ev, m->doc)->id), failed);
    put(o, "kind", json_string(kind_name(m->kind)), failed);
    int spurious = m->kind == QG_EVAL_SPURIOUS;
    byte_range main = span_bytes(ev, m->doc, spurious ? m->pred_start : m->gold_start,
                                 spurious ? m->pred_end : m->gold_end);
    if (!spurious) {
        byte_range r = span_bytes(ev, m->doc, m->gold_start, m->gold_end);
        json_t *g = json_object();
        if (!g)
            *failed = 1;
        else {
            put(g, "span", span_json(m->gold_start, m->gold_end), failed);
            put(g, "text", json_stringn(t + r.b0, r.b1 - r.b0), failed);
            put(g, "speaker", str_or_null(m->gold_speaker), failed);
            put(g, "direct", json_boolean(m->gold_direct), failed);
        }
        put(o, "gold", g, failed);
    }
    if (m->kind != QG_EVAL_MISSED) {
        byte_range r = span_bytes(ev, m->doc, m->pred_start, m->pred_end);
        json_t *p = json_object();
        if (!p)
            *failed = 1;
        else {
            put(p, "statement", str_or_null(m->pred_statement), failed);
            put(p, "kind", str_or_null(m->pred_kind), failed);
            put(p, "span", span_json(m->pred_start, m->pred_end), failed);
            put(p, "text", json_stringn(t + r.b0, r.b1 - r.b0), failed);
            put(p, "speaker", str_or_null(m->pred_speaker), failed);
            put(p, "speaker_id", str_or_null(m->pred_speaker_id), failed);
            put(p, "speaker_type", str_or_null(m->pred_speaker_type), failed);
            put(p, "rule", str_or_null(m->pred_rule), failed);
        }
        put(o, "predicted", p, failed);
    }
    byte_range sent = sentence_bytes(t, len, main);
    put(o, "sentence", json_stringn(t + sent.b0, sent.b1 - sent.b0), failed);
    return o;
}

json_t *qg_eval_report_json_new(const qg_eval *ev, unsigned flags)
{
    int failed = 0;
    json_t *root = json_object(), *per_doc = json_array(), *warnings = json_array();
    json_t *errors = (flags & QG_EVAL_REPORT_ERRORS) ? json_array() : NULL;
    if (!root || !per_doc || !warnings || ((flags & QG_EVAL_REPORT_ERRORS) && !errors)) {
        json_decref(per_doc);
        json_decref(warnings);
        json_decref(errors);
        failed = 1;
        goto out;
    }
    put(root, "documents", json_integer((json_int_t)qg_eval_doc_count(ev)), &failed);
    put_metrics(root, qg_eval_totals(ev), &failed);
    put(root, "missing", json_integer((json_int_t)qg_eval_missing_count(ev)), &failed);
    put(root, "error_records", json_integer((json_int_t)qg_eval_error_record_count(ev)), &failed);

    for (size_t i = 0; i < qg_eval_doc_count(ev); i++) {
        const qg_eval_doc_result *r = qg_eval_doc(ev, i);
        json_t *d = json_object();
        if (!d) {
            failed = 1;
            break;
        }
        put(d, "id", json_string(r->id), &failed);
        put(d, "status", json_string(status_name(r->status)), &failed);
        if (r->status == QG_EVAL_DOC_ERROR)
            put(d, "error", json_pack("{s:s,s:s}", "code", r->error_code, "message", r->error_message), &failed);
        put_metrics(d, &r->metrics, &failed);
        if (json_array_append_new(per_doc, d) < 0)
            failed = 1;
    }
    put(root, "per_doc", per_doc, &failed);

    for (size_t i = 0; i < qg_eval_warning_count(ev); i++) {
        const qg_eval_error *w = qg_eval_warning(ev, i);
        if (json_array_append_new(warnings, json_pack("{s:s,s:i,s:s}", "file", w->file, "line", w->line,
                                                      "message", w->text)) < 0)
            failed = 1;
    }
    put(root, "warnings", warnings, &failed);

    if (errors) {
        for (size_t i = 0; i < qg_eval_mismatch_count(ev); i++)
            if (json_array_append_new(errors, mismatch_json(ev, qg_eval_mismatch_at(ev, i), &failed)) < 0)
                failed = 1;
        put(root, "errors", errors, &failed);
    }
out:
    if (failed) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int qg_eval_report_json(const qg_eval *ev, FILE *out, unsigned flags)
{
    json_t *root = qg_eval_report_json_new(ev, flags);
    int rc = -1;
    /* six significant digits: the counts beside each ratio are exact */
    if (root && json_dumpf(root, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) == 0 &&
        fputc('\n', out) != EOF && !ferror(out))
        rc = 0;
    json_decref(root);
    return rc;
}
