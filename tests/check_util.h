/* check_util.h - helpers shared by the Check test executables.
 *
 * Every test binary includes this once and gets:
 *   test_rules()                  the real rules from QG_DEFAULT_RULES_DIR, loaded once
 *   run_stages(text, date, list)  a document run through the stages in LIST
 *                                 (comma-separated names, their prerequisites
 *                                 included); DATE is "YYYY-MM-DD" or NULL
 *   span_text(doc, first, last)   the text of a token range (static buffer)
 *   span_is(doc, first, last, s)  does a token range cover exactly the bytes S?
 *   find_bytes(doc, s, nth)       byte offset of the NTH occurrence of S
 *   QG_CHECK_MAIN(suite_fn)       a main() running suite_fn() with CK_NORMAL,
 *                                 exiting with EXIT_FAILURE on any failure
 *
 * Documents from run_stages are freed with qg_doc_free. Their pipelines are
 * cached per stage set and live until the process exits, because a document
 * hands its arena back to its pipeline when freed. The caches are
 * function-local statics: tests are single-threaded (Check forks per test). */
#ifndef QG_CHECK_UTIL_H
#define QG_CHECK_UTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "quotegraph.h"
#include "stage.h"

#ifndef QG_DEFAULT_RULES_DIR
#error "QG_DEFAULT_RULES_DIR must name the rules directory (the Makefile passes it)"
#endif

/* The rules, loaded on first use; a load failure fails the calling test. */
static inline const qg_rules *test_rules(void)
{
    static qg_rules *rules;
    if (!rules) {
        qg_error err = {0};
        rules = qg_rules_load(QG_DEFAULT_RULES_DIR, &err);
        ck_assert_msg(rules != NULL, "rules: %s:%d:%d: %s", err.file, err.line, err.column, err.message);
    }
    return rules;
}

/* A pipeline running the stages in LIST (and what they need), cached. */
static inline qg_pipeline *test_pipeline(const char *list)
{
    enum { MAX_PIPELINES = 16 };
    static struct {
        uint32_t mask;
        qg_pipeline *p;
    } cache[MAX_PIPELINES];
    qg_error err = {0};
    uint32_t mask = 0;
    ck_assert_msg(qg_stage_mask(list, &mask, &err) == 0, "stages '%s': %s", list, err.message);
    for (int i = 0; i < MAX_PIPELINES; i++) {
        if (cache[i].p && cache[i].mask == mask)
            return cache[i].p;
        if (!cache[i].p) {
            qg_options opts = {.stages = mask};
            cache[i].p = qg_pipeline_new(test_rules(), &opts);
            ck_assert_msg(cache[i].p != NULL, "qg_pipeline_new failed");
            cache[i].mask = mask;
            return cache[i].p;
        }
    }
    ck_abort_msg("more than %d distinct stage sets", MAX_PIPELINES);
    return NULL;
}

/* TEXT run through the stages in LIST; DATE ("YYYY-MM-DD") may be NULL. */
static inline qg_doc *run_stages(const char *text, const char *date, const char *list)
{
    qg_pipeline *p = test_pipeline(list);
    qg_error err = {0};
    qg_doc *doc = qg_doc_new(p, "test", NULL, text, strlen(text), date, &err);
    ck_assert_msg(doc != NULL, "qg_doc_new: %s", err.message);
    ck_assert_msg(qg_pipeline_run(p, doc, &err) == QG_OK, "qg_pipeline_run: %s", err.message);
    return doc;
}

/* TEXT run through a new pipeline made with OPTS (stages, limits), stored
 * in *P; the caller frees the document, then *P. */
static inline qg_doc *run_with_options(const char *text, const qg_options *opts, qg_pipeline **p)
{
    *p = qg_pipeline_new(test_rules(), opts);
    ck_assert_msg(*p != NULL, "qg_pipeline_new failed");
    qg_error err = {0};
    qg_doc *doc = qg_doc_new(*p, "test", NULL, text, strlen(text), NULL, &err);
    ck_assert_msg(doc != NULL, "qg_doc_new: %s", err.message);
    ck_assert_msg(qg_pipeline_run(*p, doc, &err) == QG_OK, "qg_pipeline_run: %s", err.message);
    return doc;
}

/* The text of tokens [first, last), in a static buffer (truncated to fit). */
static inline const char *span_text(const qg_doc *doc, uint32_t first, uint32_t last)
{
    static char buf[512];
    if (first >= last || last > doc->tokens.count)
        return "";
    uint32_t s = doc->tokens.items[first].start, e = doc->tokens.items[last - 1].end;
    int n = (int)(e - s < sizeof buf - 1 ? e - s : sizeof buf - 1);
    snprintf(buf, sizeof buf, "%.*s", n, doc->text + s);
    return buf;
}

/* The canonical name of entity E ("" for QG_NONE): the rules' canonical
 * string, else the bare name of its name mention (the whole mention for
 * non-names, an organization's without a leading "the"). */
static inline const char *test_entity_name(const qg_doc *doc, uint32_t e)
{
    static char buf[520];
    if (e == QG_NONE)
        return "";
    const qg_entity *ent = &doc->entities.items[e];
    if (ent->canon != QG_NONE) {
        snprintf(buf, sizeof buf, "%s", qg_rules_str(test_rules(), ent->canon));
        return buf;
    }
    const qg_mention *m = &doc->mentions.items[ent->name_mention];
    bool named = m->kind == QG_MEN_NAME || m->name_first != QG_NONE; /* "Mehr news agency": Mehr */
    uint32_t f = named ? m->name_first : m->first;
    uint32_t l = named ? m->name_last : m->last;
    if (m->kind == QG_MEN_ORG && qg_tok_is(doc, f, "the") && l > f + 1)
        f++; /* "the Department of ..." is named without its article */
    snprintf(buf, sizeof buf, "%s", span_text(doc, f, l));
    return buf;
}

/* Do tokens [first, last) cover exactly the bytes of S? */
static inline bool span_is(const qg_doc *doc, uint32_t first, uint32_t last, const char *s)
{
    if (first >= last || last > doc->tokens.count)
        return false;
    uint32_t b = doc->tokens.items[first].start, e = doc->tokens.items[last - 1].end;
    return e - b == strlen(s) && memcmp(doc->text + b, s, e - b) == 0;
}

/* Byte offset of the NTH (from 0) occurrence of S in the document, or -1. */
static inline long find_bytes(const qg_doc *doc, const char *s, int nth)
{
    const char *p = doc->text;
    while ((p = strstr(p, s)) != NULL) {
        if (nth-- == 0)
            return (long)(p - doc->text);
        p++;
    }
    return -1;
}

#define QG_CHECK_MAIN(suite_fn)                                                \
    int main(void)                                                             \
    {                                                                          \
        SRunner *sr_ = srunner_create(suite_fn());                             \
        srunner_run_all(sr_, CK_NORMAL);                                       \
        int failed_ = srunner_ntests_failed(sr_);                              \
        srunner_free(sr_);                                                     \
        return failed_ ? EXIT_FAILURE : EXIT_SUCCESS;                          \
    }

#endif
