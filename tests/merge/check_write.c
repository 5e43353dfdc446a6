/* check_write.c - unit tests for merge/write.c: the CSV quoting (RFC 4180)
 * and the GraphML escaping, on text that needs both. */
#include "check_util.h"
#include "merge_util.h"

static qg_merge *sample(void)
{
    qg_merge *m = qg_merge_new(test_rules());
    add_ok(m, GRAPH("a,1", PERSON("p1", "Ann \\\"Bo\\\" Lee") "," TITLE("t1", "Mayor") ","
                    STATEMENT("s1", "fish & chips, <b>bold</b>\\nnext line\\u0001 end"),
                    SAID("p1", "s1") "," EDGE("has_title", "p1", "t1")));
    ck_assert_int_eq(qg_merge_resolve(m), 0);
    return m;
}

/* 0: nodes.csv, 1: edges.csv, 2: GraphML. */
static char *written(qg_merge *m, int which)
{
    FILE *f[2] = {tmpfile(), tmpfile()};
    ck_assert(f[0] && f[1]);
    if (which < 2)
        ck_assert_int_eq(qg_merge_write_csv(m, f[0], f[1]), 0);
    else
        ck_assert_int_eq(qg_merge_write_graphml(m, f[0]), 0);
    fclose(f[which == 1 ? 0 : 1]);
    return slurp(f[which == 1 ? 1 : 0]);
}

START_TEST(test_csv)
{
    qg_merge *m = sample();
    char *nodes = written(m, 0), *edges = written(m, 1);
    ck_assert_str_eq(nodes,
                     "id,type,name,kind,value,outlet,titles,documents,occurrences\r\n"
                     "person:ann-bo-lee,person,\"Ann \"\"Bo\"\" Lee\",,,,Mayor,\"a,1\",1\r\n"
                     "title:mayor,title,Mayor,role,,,,\"a,1\",1\r\n"
                     "statement:1,statement,\"fish & chips, <b>bold</b>\nnext line\001 end\",direct,,,,\"a,1\",1\r\n");
    ck_assert_str_eq(edges,
                     "source,target,type,rule,documents,count,confidence\r\n"
                     "person:ann-bo-lee,title:mayor,has_title,title.prenominal,\"a,1\",1,0.9\r\n"
                     "person:ann-bo-lee,statement:1,said,quote.frame.after,\"a,1\",1,0.95\r\n");
    free(nodes);
    free(edges);
    qg_merge_free(m);
}
END_TEST

START_TEST(test_graphml)
{
    qg_merge *m = sample();
    char *xml = written(m, 2);
    ck_assert_ptr_nonnull(strstr(xml, "<data key=\"n_name\">Ann &quot;Bo&quot; Lee</data>"));
    /* Escaped, the line break kept, the control character (not allowed in XML 1.0) left out. */
    ck_assert_ptr_nonnull(strstr(xml, "<data key=\"n_name\">fish &amp; chips, &lt;b&gt;bold&lt;/b&gt;\nnext line end</data>"));
    ck_assert_ptr_nonnull(strstr(xml, "<edge source=\"person:ann-bo-lee\" target=\"statement:1\">"));
    ck_assert_ptr_nonnull(strstr(xml, "<data key=\"e_documents\">a,1</data>"));
    ck_assert_ptr_nonnull(strstr(xml, "</graph>\n</graphml>\n"));
    free(xml);
    qg_merge_free(m);
}
END_TEST

START_TEST(test_jsonl_records)
{
    qg_merge *m = sample();
    char *out = jsonl_of(m);
    /* Documents, entities, statements, edges; each line one record. */
    const char *doc = strstr(out, "\"record\":\"document\""), *ent = strstr(out, "\"record\":\"entity\""),
               *st = strstr(out, "\"record\":\"statement\""), *edge = strstr(out, "\"record\":\"edge\"");
    ck_assert(doc && ent && st && edge && doc < ent && ent < st && st < edge);
    ck_assert_ptr_nonnull(strstr(out, "\"titles\":[\"title:mayor\"]"));
    ck_assert_ptr_nonnull(strstr(out, "\"speakers\":[\"person:ann-bo-lee\"],\"reported_by\":[]"));
    ck_assert_ptr_nonnull(strstr(out, "\\n"));
    size_t lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    ck_assert_uint_eq(lines, 6);
    free(out);
    qg_merge_free(m);
}
END_TEST

static Suite *write_suite(void)
{
    Suite *s = suite_create("merge/write");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_csv);
    tcase_add_test(tc, test_graphml);
    tcase_add_test(tc, test_jsonl_records);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(write_suite)
