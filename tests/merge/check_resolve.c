/* check_resolve.c - unit tests for merge/resolve.c: which document nodes
 * become one corpus node, and that the answer does not depend on order. */
#include "check_util.h"
#include "merge_util.h"

static qg_merge *merged(const char *const *lines, size_t n)
{
    qg_merge *m = qg_merge_new(test_rules());
    ck_assert_ptr_nonnull(m);
    for (size_t i = 0; i < n; i++)
        add_ok(m, lines[i]);
    ck_assert_int_eq(qg_merge_resolve(m), 0);
    return m;
}

static void assert_id(qg_merge *m, const char *doc, const char *node, const char *want)
{
    const char *got = qg_merge_lookup(m, doc, node);
    ck_assert_msg(got && strcmp(got, want) == 0, "%s/%s: got %s, want %s", doc, node, got ? got : "NULL", want);
}

START_TEST(test_persons)
{
    const char *lines[] = {
        GRAPH("a", PERSON("p1", "Ali Khamenei") "," PERSON("p2", "Jos\xC3\xA9 Ruiz"), ""),
        GRAPH("b", PERSON("p1", "Ayatollah Seyed Ali Khamenei") "," PERSON("p2", "Khamenei") "," PERSON("p3", "Jose Ruiz"), ""),
        GRAPH("c", PERSON("p1", "Lee") "," PERSON("p2", "Ann Lee") "," PERSON("p3", "Bo Lee") "," PERSON("p4", "Imam"), ""),
        GRAPH("d", PERSON("p1", "Imam") "," PERSON("p2", "Mohammad Zarif") "," PERSON("p3", "Mohammad Javad Zarif"), ""),
    };
    qg_merge *m = merged(lines, 4);
    /* Honorifics stripped; diacritics folded. */
    assert_id(m, "a", "p1", "person:ali-khamenei");
    assert_id(m, "b", "p1", "person:ali-khamenei");
    assert_id(m, "a", "p2", "person:jose-ruiz");
    assert_id(m, "b", "p3", "person:jose-ruiz");
    /* A surname joins the one full name that ends in it... */
    assert_id(m, "b", "p2", "person:ali-khamenei");
    /* ... but two Lees leave a lone "Lee" in its document. */
    assert_id(m, "c", "p1", "person:c/p1");
    assert_id(m, "c", "p2", "person:ann-lee");
    assert_id(m, "c", "p3", "person:bo-lee");
    /* A shorter name joins a longer one holding its words in order. */
    assert_id(m, "d", "p2", "person:mohammad-javad-zarif");
    /* Equal one-word names with no full name are one person. */
    assert_id(m, "c", "p4", "person:imam");
    assert_id(m, "d", "p1", "person:imam");
    /* The canonical name is the fullest, most frequent one. */
    assert_jsonl_has(m, "\"id\":\"person:ali-khamenei\",\"type\":\"person\",\"name\":\"Ali Khamenei\"");
    qg_merge_free(m);
}
END_TEST

START_TEST(test_other_entities)
{
    const char *lines[] = {
        GRAPH("a", ORG("o1", "Washington Post") "," ORG("o2", "company") "," TITLE("t1", "Supreme Leader") ","
                   DATE("d1", "\"2019-06-02\"") "," DATE("d2", "null") "," "{\"id\":\"g1\",\"type\":\"group\",\"name\":\"officials\",\"mentions\":[]}", ""),
        GRAPH("b", ORG("o1", "The Washington Post") "," ORG("o2", "company") "," TITLE("t1", "supreme leader") ","
                   DATE("d1", "\"2019-06-02\"") "," DATE("d2", "null") "," "{\"id\":\"g1\",\"type\":\"group\",\"name\":\"officials\",\"mentions\":[]}", ""),
    };
    qg_merge *m = merged(lines, 2);
    assert_id(m, "a", "o1", "organization:washington-post");
    assert_id(m, "b", "o1", "organization:washington-post");
    assert_id(m, "a", "o2", "organization:a/o2"); /* no proper name */
    assert_id(m, "a", "t1", "title:supreme-leader");
    assert_id(m, "b", "t1", "title:supreme-leader");
    assert_id(m, "a", "d1", "date:2019-06-02");
    assert_id(m, "b", "d1", "date:2019-06-02");
    assert_id(m, "a", "d2", "date:a/d2");
    assert_id(m, "b", "d2", "date:b/d2");
    assert_id(m, "a", "g1", "group:a/g1");
    assert_id(m, "b", "g1", "group:b/g1");
    qg_merge_free(m);
}
END_TEST

START_TEST(test_statements_and_edges)
{
    const char *lines[] = {
        GRAPH("a", PERSON("p1", "Ali Khamenei") "," STATEMENT("s1", "Negotiation is poison, even more so now") ","
                   STATEMENT("s2", "No"), SAID("p1", "s1") "," SAID("p1", "s2")),
        GRAPH("b", PERSON("p1", "Khamenei") "," STATEMENT("s1", "\xE2\x80\x9CNegotiation is poison \xE2\x80\x93 even more so now.\xE2\x80\x9D") ","
                   STATEMENT("s2", "No"), SAID("p1", "s1") "," SAID("p1", "s2")),
    };
    qg_merge *m = merged(lines, 2);
    const char *s = qg_merge_lookup(m, "a", "s1");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(qg_merge_lookup(m, "b", "s1"), s);
    /* Short statements stay apart. */
    ck_assert_str_ne(qg_merge_lookup(m, "a", "s2"), qg_merge_lookup(m, "b", "s2"));
    assert_counts(m, 2, 1, 3, 3); /* 3 edges: one said edge carried by both documents */
    assert_jsonl_has(m, "\"documents\":2,\"count\":2,\"support\":[{\"doc\":\"a\"");
    qg_merge_free(m);
}
END_TEST

START_TEST(test_order_does_not_matter)
{
    const char *lines[] = {
        GRAPH("a", PERSON("p1", "Ann Lee") "," STATEMENT("s1", "we will build the new bridge next year"), SAID("p1", "s1")),
        GRAPH("b", PERSON("p1", "Lee") "," STATEMENT("s1", "We will build the new bridge next year!"), SAID("p1", "s1")),
        GRAPH("c", PERSON("p1", "Bo Lee") "," STATEMENT("s1", "we will build a new bridge"), SAID("p1", "s1")),
    };
    const char *rev[] = {lines[2], lines[1], lines[0]};
    qg_merge *m1 = merged(lines, 3), *m2 = merged(rev, 3);
    char *o1 = jsonl_of(m1), *o2 = jsonl_of(m2);
    ck_assert_str_eq(o1, o2);
    free(o1);
    free(o2);
    qg_merge_free(m1);
    qg_merge_free(m2);
}
END_TEST

START_TEST(test_many_near_duplicates)
{
    /* 3000 distinct texts with a shared stock phrase, and one near pair:
     * the shingle cap keeps this fast, the pair is still found. */
    qg_merge *m = qg_merge_new(NULL);
    char line[512];
    for (int i = 0; i < 3000; i++) {
        snprintf(line, sizeof line,
                 GRAPH("d%d", STATEMENT("s1", "he said that w%d x%d y%d z%d"), ""), i, i, i, i, i);
        add_ok(m, line);
    }
    add_ok(m, GRAPH("e1", STATEMENT("s1", "he said that w7 x7 y7 z7 v7"), ""));
    ck_assert_int_eq(qg_merge_resolve(m), 0);
    ck_assert_str_eq(qg_merge_lookup(m, "e1", "s1"), qg_merge_lookup(m, "d7", "s1"));
    ck_assert_str_ne(qg_merge_lookup(m, "d8", "s1"), qg_merge_lookup(m, "d7", "s1"));
    assert_counts(m, 3001, 0, 3000, 0);
    qg_merge_free(m);
}
END_TEST

START_TEST(test_many_namesakes)
{
    /* 20000 people called Smith: a lone "Smith" stays in its document and
     * "Ann Smith" joins "Ann Q Smith", without comparing every pair. */
    qg_merge *m = qg_merge_new(NULL);
    char line[512];
    for (int i = 0; i < 20000; i++) {
        snprintf(line, sizeof line, GRAPH("d%d", PERSON("p1", "Given%d Smith") "," PERSON("p2", "John X%d Smith"), ""),
                 i, i, i, i, i);
        add_ok(m, line);
    }
    add_ok(m, GRAPH("e", PERSON("p1", "Smith") "," PERSON("p2", "Ann Smith") "," PERSON("p3", "Ann Q Smith"), ""));
    ck_assert_int_eq(qg_merge_resolve(m), 0);
    assert_id(m, "e", "p1", "person:e/p1");
    assert_id(m, "e", "p2", "person:ann-q-smith");
    assert_id(m, "d7", "p1", "person:given7-smith");
    assert_id(m, "d7", "p2", "person:john-x7-smith");
    qg_merge_free(m);
}
END_TEST

static Suite *resolve_suite(void)
{
    Suite *s = suite_create("merge/resolve");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_persons);
    tcase_add_test(tc, test_other_entities);
    tcase_add_test(tc, test_statements_and_edges);
    tcase_add_test(tc, test_order_does_not_matter);
    tcase_add_test(tc, test_many_near_duplicates);
    tcase_add_test(tc, test_many_namesakes);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(resolve_suite)
