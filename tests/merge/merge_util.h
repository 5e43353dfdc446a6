/* merge_util.h - builders shared by the merge unit tests: small quotegraph/1
 * records as JSON text. */
#ifndef QG_TEST_MERGE_UTIL_H
#define QG_TEST_MERGE_UTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/* A person node. */
#define PERSON(id, name) \
    "{\"id\":\"" id "\",\"type\":\"person\",\"name\":\"" name "\",\"mentions\":[{\"span\":[0,1],\"text\":\"" name "\"}]}"
#define ORG(id, name) \
    "{\"id\":\"" id "\",\"type\":\"organization\",\"name\":\"" name "\",\"outlet\":true,\"mentions\":[]}"
#define TITLE(id, name) \
    "{\"id\":\"" id "\",\"type\":\"title\",\"name\":\"" name "\",\"kind\":\"role\",\"mentions\":[]}"
#define DATE(id, value) \
    "{\"id\":\"" id "\",\"type\":\"date\",\"value\":" value ",\"granularity\":null,\"mentions\":[]}"
#define STATEMENT(id, text) \
    "{\"id\":\"" id "\",\"type\":\"statement\",\"kind\":\"direct\",\"span\":[2,9],\"text\":\"" text "\",\"rule\":\"quote.frame.after\"}"
#define SAID(from, to) \
    "{\"type\":\"said\",\"from\":\"" from "\",\"to\":\"" to "\",\"rule\":\"quote.frame.after\",\"confidence\":0.95,\"source\":null,\"cue\":null}"
#define EDGE(type, from, to) \
    "{\"type\":\"" type "\",\"from\":\"" from "\",\"to\":\"" to "\",\"rule\":\"title.prenominal\",\"confidence\":0.9}"
#define GRAPH(doc, nodes, edges) \
    "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"" doc "\",\"source\":null,\"date\":null,\"length\":10},\"nodes\":[" nodes "],\"edges\":[" edges "]}"

/* Adds LINE to M and checks the status. */
static inline void add_ok(qg_merge *m, const char *line)
{
    char why[256];
    qg_merge_status st = qg_merge_add_line(m, line, strlen(line), why, sizeof why);
    ck_assert_msg(st == QG_MERGE_ADDED, "status %d: %s", (int)st, why);
}

/* Checks the counts of a resolved merger: documents, entities, statements,
 * edges; -1 skips one. */
static inline void assert_counts(const qg_merge *m, long docs, long ents, long sts, long edges)
{
    size_t got[4];
    long want[4] = {docs, ents, sts, edges};
    qg_merge_counts(m, &got[0], &got[1], &got[2], &got[3]);
    for (int i = 0; i < 4; i++)
        ck_assert_msg(want[i] < 0 || got[i] == (size_t)want[i], "count %d: %zu, expected %ld", i, got[i],
                      want[i]);
}

/* What WRITE puts into a file, read back into a malloc'd string. (Through
 * a temporary file: GCC mistakes open_memstream buffers for dangling.) */
static inline char *slurp(FILE *f)
{
    long n = ftell(f);
    ck_assert_int_ge(n, 0);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    rewind(f);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The whole JSON-lines output of a resolved merger, malloc'd. */
static inline char *jsonl_of(qg_merge *m)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(qg_merge_write_jsonl(m, f), 0);
    return slurp(f);
}

/* The JSON-lines output of a resolved merger holds NEEDLE. */
static inline void assert_jsonl_has(qg_merge *m, const char *needle)
{
    char *out = jsonl_of(m);
    ck_assert_msg(strstr(out, needle) != NULL, "output lacks %s", needle);
    free(out);
}

#endif
