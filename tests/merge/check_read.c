/* check_read.c - unit tests for merge/read.c: which lines are taken, which
 * are refused and why, duplicates, and corpus records read back. */
#include "check_util.h"
#include "merge_util.h"

static qg_merge_status add(qg_merge *m, const char *line, char *why, size_t n)
{
    return qg_merge_add_line(m, line, strlen(line), why, n);
}

START_TEST(test_refused)
{
    qg_merge *m = qg_merge_new(NULL);
    char why[256];
    static const struct {
        const char *line, *why;
    } cases[] = {
        {"nope", "invalid JSON"},
        {"[1]", "no \"schema\""},
        {"{\"schema\":\"quotegraph/2\"}", "unknown schema \"quotegraph/2\""},
        {"{\"schema\":\"quotegraph/1\",\"nodes\":[],\"edges\":[]}", "no \"doc\".\"id\" string"},
        {GRAPH("d", "{\"id\":\"x1\",\"type\":\"planet\"}", ""), "node 1 needs an \"id\" and a known \"type\""},
        {GRAPH("d", PERSON("p1", "A B") "," PERSON("p1", "C D"), ""), "node id 'p1' given twice"},
        {GRAPH("d", PERSON("p1", "A B"), SAID("p1", "s9")), "edge 1 does not join two of its nodes"},
        {GRAPH("d", "{\"id\":\"s1\",\"type\":\"statement\",\"kind\":\"direct\",\"span\":[1],\"text\":\"x\",\"rule\":\"r\"}", ""),
         "\"span\" must be [start, end]"},
        {GRAPH("d", "{\"id\":\"p1\",\"type\":\"person\",\"name\":\"A\",\"mentions\":[{\"span\":[0,1]}]}", ""),
         "mention 1 is not a {\"span\",\"text\"} object"},
        {"{\"schema\":\"quotegraph-corpus/1\",\"record\":\"entity\",\"type\":\"person\",\"occurrences\":[{\"doc\":\"d\"}]}",
         "\"doc\" and \"node\" must be strings"},
        {"{\"schema\":\"quotegraph-corpus/1\",\"record\":\"edge\",\"type\":\"said\"}", "\"support\" must be an array"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_int_eq(add(m, cases[i].line, why, sizeof why), QG_MERGE_MALFORMED);
        ck_assert_msg(strstr(why, cases[i].why), "case %zu: '%s' lacks '%s'", i, why, cases[i].why);
    }
    /* Nothing of a refused record stays: the half-read "d" left no document. */
    ck_assert_int_eq(qg_merge_resolve(m), 0);
    assert_counts(m, 0, 0, 0, 0);
    qg_merge_free(m);
}
END_TEST

START_TEST(test_error_record)
{
    qg_merge *m = qg_merge_new(NULL);
    char why[256];
    const char *line = "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"bad\"},\"error\":{\"code\":\"too-large\",\"message\":\"m\"}}";
    ck_assert_int_eq(add(m, line, why, sizeof why), QG_MERGE_ERROR_RECORD);
    ck_assert_str_eq(why, "error record of document 'bad' skipped (too-large)");
    /* WHY may be NULL. */
    ck_assert_int_eq(add(m, "x", NULL, 0), QG_MERGE_MALFORMED);
    qg_merge_free(m);
}
END_TEST

START_TEST(test_duplicates_once)
{
    qg_merge *m = qg_merge_new(NULL);
    const char *g = GRAPH("d", PERSON("p1", "Ann Lee") "," STATEMENT("s1", "one two three four"), SAID("p1", "s1"));
    add_ok(m, g);
    add_ok(m, g);
    ck_assert_int_eq(qg_merge_resolve(m), 0);
    assert_counts(m, 1, 1, 1, 1);
    assert_jsonl_has(m, "\"count\":1,");
    qg_merge_free(m);
}
END_TEST

START_TEST(test_corpus_records_read_back)
{
    /* Every record kind of the output goes back in and gives the same bytes. */
    qg_merge *a = qg_merge_new(NULL);
    add_ok(a, GRAPH("d1", PERSON("p1", "Ann Lee") "," TITLE("t1", "Mayor") "," DATE("d1", "\"2020-01-02\"") ","
                    STATEMENT("s1", "one two three four") "," ORG("o1", "Tasnim") "," ORG("o2", "Halden Institute"),
                    SAID("p1", "s1") "," EDGE("has_title", "p1", "t1") "," EDGE("said_on", "s1", "d1") ","
                    EDGE("reported_by", "s1", "o1") "," EDGE("member_of", "p1", "o2")));
    ck_assert_int_eq(qg_merge_resolve(a), 0);
    char *first = jsonl_of(a);
    ck_assert_ptr_nonnull(strstr(first, "\"type\":\"member_of\",\"from\":\"person:ann-lee\","
                                        "\"to\":\"organization:halden-institute\""));
    qg_merge *b = qg_merge_new(NULL);
    for (char *line = first, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        char why[256];
        ck_assert_int_eq(qg_merge_add_line(b, line, (size_t)(nl - line), why, sizeof why), QG_MERGE_ADDED);
    }
    ck_assert_int_eq(qg_merge_resolve(b), 0);
    char *second = jsonl_of(b);
    ck_assert_str_eq(first, second);
    ck_assert_uint_eq(qg_merge_dangling(b), 0);
    free(first);
    free(second);
    qg_merge_free(a);
    qg_merge_free(b);
}
END_TEST

START_TEST(test_dangling_edges)
{
    /* An edge record without its nodes is left out and counted. */
    qg_merge *m = qg_merge_new(NULL);
    add_ok(m, "{\"schema\":\"quotegraph-corpus/1\",\"record\":\"edge\",\"type\":\"said\",\"support\":["
              "{\"doc\":\"d\",\"from\":\"p1\",\"to\":\"s1\",\"rule\":\"r\",\"confidence\":1}]}");
    ck_assert_int_eq(qg_merge_add_line(m, "x", 1, NULL, 0), QG_MERGE_MALFORMED);
    ck_assert_int_eq(qg_merge_resolve(m), 0);
    ck_assert_uint_eq(qg_merge_dangling(m), 1);
    qg_merge_free(m);
}
END_TEST

START_TEST(test_truncated_lines)
{
    /* Every cut of a graph record and of a corpus record is refused whole. */
    qg_merge *a = qg_merge_new(NULL);
    const char *g = GRAPH("d", PERSON("p1", "Ann Lee") "," STATEMENT("s1", "one two three four"), SAID("p1", "s1"));
    add_ok(a, g);
    ck_assert_int_eq(qg_merge_resolve(a), 0);
    char *corpus = jsonl_of(a);
    size_t nlines = 0;
    for (const char *line = g; *line; nlines++) {
        size_t len = strcspn(line, "\n");
        for (size_t cut = 0; cut < len; cut++) {
            qg_merge *m = qg_merge_new(NULL);
            ck_assert_int_eq(qg_merge_add_line(m, line, cut, NULL, 0), QG_MERGE_MALFORMED);
            qg_merge_free(m);
        }
        line = line == g ? corpus : line + len + 1; /* the graph, then each corpus line */
    }
    ck_assert_uint_eq(nlines, 1 + 4); /* document, entity, statement, edge */
    free(corpus);
    qg_merge_free(a);
}
END_TEST

static Suite *read_suite(void)
{
    Suite *s = suite_create("merge/read");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_refused);
    tcase_add_test(tc, test_error_record);
    tcase_add_test(tc, test_duplicates_once);
    tcase_add_test(tc, test_corpus_records_read_back);
    tcase_add_test(tc, test_dangling_edges);
    tcase_add_test(tc, test_truncated_lines);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(read_suite)
