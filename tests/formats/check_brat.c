/* check_brat.c - unit tests for formats/brat_*.c: note escaping, the .ann
 * lines written for a graph (code point offsets over multi-byte text, spans
 * cut at line breaks), reading them back as gold, and the line-numbered
 * errors for malformed .ann files. The commands are tested by the CLI cases
 * brat-* in tests/cli/. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brat.h"

/* "José" and the curly quotes are two and three bytes: byte and code point
 * offsets part after the first of them. Code points: "José said “Hola.”\n"
 * is 0-16 with J=0, s=5, “=10, H=11, ”=16; the second line starts at 18. */
static const char text[] = "José said “Hola.”\nThe minister said Ωmega was late.\n";

/* A graph over TEXT, as quotegraph writes one. */
static const char graph_json[] =
    "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"t\",\"source\":null,\"date\":null,\"length\":52},"
    "\"nodes\":["
    "{\"id\":\"p1\",\"type\":\"person\",\"name\":\"José\",\"mentions\":["
    "{\"span\":[0,4],\"text\":\"José\"},{\"span\":[18,30],\"text\":\"The minister\"}]},"
    "{\"id\":\"p2\",\"type\":\"person\",\"name\":\"Nobody\",\"mentions\":["
    "{\"span\":[0,4],\"text\":\"José\"}]},"
    "{\"id\":\"t1\",\"type\":\"title\",\"name\":\"minister\",\"kind\":\"role\",\"mentions\":["
    "{\"span\":[22,30],\"text\":\"minister\"}]},"
    "{\"id\":\"s1\",\"type\":\"statement\",\"kind\":\"direct\",\"span\":[11,16],\"text\":\"Hola.\","
    "\"rule\":\"quote.frame.before\"},"
    "{\"id\":\"s2\",\"type\":\"statement\",\"kind\":\"indirect\",\"span\":[36,50],"
    "\"text\":\"Ωmega was late\",\"rule\":\"speech.clause\"}],"
    "\"edges\":["
    "{\"type\":\"has_title\",\"from\":\"p1\",\"to\":\"t1\",\"rule\":\"title.prenominal\",\"confidence\":0.9},"
    "{\"type\":\"said\",\"from\":\"p1\",\"to\":\"s1\",\"rule\":\"quote.frame.before\",\"confidence\":0.9,"
    "\"source\":{\"span\":[0,4],\"text\":\"José\"},\"cue\":{\"span\":[5,9],\"text\":\"said\"}},"
    "{\"type\":\"said\",\"from\":\"p1\",\"to\":\"s2\",\"rule\":\"speech.clause\",\"confidence\":0.75,"
    "\"source\":{\"span\":[18,30],\"text\":\"The minister\"},\"cue\":null}]}";

static json_t *load(const char *s)
{
    json_error_t e;
    json_t *j = json_loads(s, 0, &e);
    ck_assert_msg(j != NULL, "bad test JSON: %s", e.text);
    return j;
}

/* The .ann of GRAPH over TXT; the return value of the writer in *RC. */
static char *write_ann(json_t *graph, const char *txt, int *rc, qg_brat_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    *rc = qg_brat_write_ann(graph, txt, strlen(txt), f, err);
    fclose(f);
    return buf;
}

START_TEST(test_escape)
{
    char *e = qg_brat_escape("a;b\\c\nd\te\rf");
    ck_assert_str_eq(e, "a\\;b\\\\c\\nd\\te\\rf");
    char *u, why[100];
    ck_assert_int_eq(qg_brat_unescape(e, strlen(e), &u, why, sizeof why), 0);
    ck_assert_str_eq(u, "a;b\\c\nd\te\rf");
    free(u);
    free(e);
    ck_assert_int_eq(qg_brat_unescape("a\\x", 3, &u, why, sizeof why), -1);
    ck_assert_ptr_null(u);
    ck_assert_ptr_nonnull(strstr(why, "unknown escape '\\x'"));
    ck_assert_int_eq(qg_brat_unescape("a\\", 2, &u, why, sizeof why), -1);
    ck_assert_ptr_nonnull(strstr(why, "lone backslash"));
    ck_assert_int_eq(qg_brat_unescape("\\é", 3, &u, why, sizeof why), -1);
    ck_assert_str_eq(why, "a backslash before a character that needs no escape");
}
END_TEST

START_TEST(test_excerpt)
{
    char out[6];
    /* "aé" + newline + "b": 5 bytes fit whole, the line break as a space. */
    ck_assert_str_eq(qg_brat_excerpt(out, sizeof out, "a\xc3\xa9\nb", 5), "a\xc3\xa9 b");
    /* A 3-byte quotation mark that does not fit whole is left out. */
    ck_assert_str_eq(qg_brat_excerpt(out, sizeof out, "abcd\xe2\x80\x9c", 7), "abcd");
    ck_assert_str_eq(qg_brat_excerpt(out, sizeof out, "abc\xe2\x80\x9c", 6), "abc");
}
END_TEST

START_TEST(test_types)
{
    ck_assert_int_eq(qg_brat_type_find("Statement", 9), QG_BRAT_STATEMENT);
    ck_assert_int_eq(qg_brat_type_find("Date", 4), QG_BRAT_DATE);
    ck_assert_int_eq(qg_brat_type_find("Dat", 3), -1);
    ck_assert_str_eq(qg_brat_type_name(QG_BRAT_CUE), "Cue");
    /* Every type is declared in annotation.conf. */
    for (int t = 0; t < QG_BRAT_NTYPES; t++) {
        char line[40];
        snprintf(line, sizeof line, "\n%s\n", qg_brat_type_name((qg_brat_type)t));
        ck_assert_ptr_nonnull(strstr(qg_brat_annotation_conf, line));
    }
}
END_TEST

START_TEST(test_write_code_points)
{
    json_t *g = load(graph_json);
    qg_brat_error err;
    int rc;
    char *ann = write_ann(g, text, &rc, &err);
    ck_assert_int_eq(rc, 0);
    /* Offsets count code points, not bytes: "Hola." is 11-16 although its
     * bytes start at 14. */
    ck_assert_ptr_nonnull(strstr(ann, "T1\tStatement 11 16\tHola.\nA1\tKind T1 direct\n"
                                      "#1\tAnnotatorNotes T1\tspeaker=José; rule=quote.frame.before\n"
                                      "T2\tSource 0 4\tJosé\nR1\tSaid Arg1:T2 Arg2:T1\t\n"
                                      "T3\tCue 5 9\tsaid\nR2\tCueOf Arg1:T3 Arg2:T1\t\n"));
    ck_assert_ptr_nonnull(strstr(ann, "\tStatement 36 50\tΩmega was late\n"));
    /* A mention that is also a Source is its own entity; two persons with
     * one mention span share the entity, which keeps the first name. */
    ck_assert_ptr_nonnull(strstr(ann, "\tPerson 0 4\tJosé\n"));
    ck_assert_ptr_null(strstr(ann, "name=Nobody"));
    ck_assert_ptr_nonnull(strstr(ann, "\tTitle 22 30\tminister\n"));
    free(ann);
    json_decref(g);
}
END_TEST

START_TEST(test_write_line_breaks)
{
    /* A statement across the line break becomes two fragments. */
    json_t *g = load(graph_json);
    json_t *s2 = json_array_get(json_object_get(g, "nodes"), 4);
    json_object_set_new(s2, "span", json_pack("[i,i]", 12, 21));
    json_object_set_new(s2, "text", json_string("ola.”\nThe"));
    qg_brat_error err;
    int rc;
    char *ann = write_ann(g, text, &rc, &err);
    ck_assert_int_eq(rc, 0);
    ck_assert_ptr_nonnull(strstr(ann, "\tStatement 12 17;18 21\tola.” The\n"));
    free(ann);
    json_decref(g);
}
END_TEST

START_TEST(test_write_errors)
{
    qg_brat_error err;
    int rc;
    json_t *g = load(graph_json);
    /* Another text of the same length: the spans do not hold their text. */
    char *other = strdup(text);
    memcpy(other + 6, "sayd", 4); /* "said", after the 6 bytes of "José " */
    char *ann = write_ann(g, other, &rc, &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_ptr_nonnull(strstr(err.text, "is this the text that was annotated?"));
    free(ann);
    free(other);

    ann = write_ann(g, "short", &rc, &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_str_eq(err.text, "the text has 5 characters, the graph's doc.length is 52");
    free(ann);
    ann = write_ann(g, "Jos\xc3", &rc, &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_ptr_nonnull(strstr(err.text, "not valid UTF-8"));
    free(ann);
    json_decref(g);

    g = load("{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"x\",\"source\":null,\"date\":null,"
             "\"length\":null},\"error\":{\"code\":\"binary\",\"message\":\"m\",\"offset\":1}}");
    ann = write_ann(g, "", &rc, &err);
    ck_assert_int_eq(rc, -1);
    ck_assert_str_eq(err.text, "an error record (binary) has no annotations");
    free(ann);
    json_decref(g);
}
END_TEST

static json_t *read_ok(const char *ann)
{
    qg_brat_error err = {0};
    json_t *rec = qg_brat_read_ann("t", text, strlen(text), ann, strlen(ann), &err);
    ck_assert_msg(rec != NULL, "line %d: %s", err.line, err.text);
    return rec;
}

START_TEST(test_round_trip)
{
    json_t *g = load(graph_json);
    qg_brat_error err;
    int rc;
    char *ann = write_ann(g, text, &rc, &err);
    ck_assert_int_eq(rc, 0);
    json_t *rec = read_ok(ann);
    char *s = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER);
    ck_assert_str_eq(
        s, "{\"id\":\"t\",\"date\":null,\"text\":\"José said “Hola.”\\nThe minister said Ωmega was "
           "late.\\n\",\"attributions\":["
           "{\"content\":[11,16],\"content_text\":\"Hola.\",\"direct\":true,\"source\":[0,4],"
           "\"source_text\":\"José\",\"cue\":[5,9],\"cue_text\":\"said\",\"speaker\":\"José\","
           "\"date\":null,\"reported_by\":null},"
           "{\"content\":[36,50],\"content_text\":\"Ωmega was late\",\"direct\":false,"
           "\"source\":[18,30],\"source_text\":\"The minister\",\"cue\":null,\"cue_text\":null,"
           "\"speaker\":\"José\",\"date\":null,\"reported_by\":null}],"
           "\"people\":[{\"name\":\"José\",\"aliases\":[\"José\",\"The minister\"],"
           "\"titles\":[\"minister\"]}],\"dates\":[]}");
    free(s);
    json_decref(rec);
    free(ann);
    json_decref(g);
}
END_TEST

START_TEST(test_read_fields)
{
    /* Lines in any order, notes with escapes, a discontinuous span read as
     * its covering span, CRLF line ends, the publication date. */
    json_t *rec = read_ok("#1\tAnnotatorNotes T1\tspeaker=A\\; B; date=2024-03; note=two\\nlines; "
                          "reported_by=Mehr; rule=x\r\n"
                          "T1\tStatement 12 17;18 21\tola.” The\r\n"
                          "A1\tKind T1 mixed\n"
                          "\n"
                          "T2\tDate 36 41\tΩmega\n"
                          "#2\tAnnotatorNotes T2\tvalue=2020-01-02\n"
                          "A2\tPublication T2\n");
    json_t *a = json_array_get(json_object_get(rec, "attributions"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(rec, "date")), "2020-01-02");
    ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(a, "content"), 0)), 12);
    ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(a, "content"), 1)), 21);
    ck_assert_str_eq(json_string_value(json_object_get(a, "content_text")), "ola.”\nThe");
    ck_assert(json_is_false(json_object_get(a, "direct")));
    ck_assert_str_eq(json_string_value(json_object_get(a, "speaker")), "A; B");
    ck_assert_str_eq(json_string_value(json_object_get(a, "date")), "2024-03");
    ck_assert_str_eq(json_string_value(json_object_get(a, "reported_by")), "Mehr");
    ck_assert_str_eq(json_string_value(json_object_get(a, "note")), "two\nlines");
    json_t *d = json_array_get(json_object_get(rec, "dates"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(d, "text")), "Ωmega");
    json_decref(rec);

    /* Attributions come out sorted by content start; "speaker=" is null. */
    rec = read_ok("T1\tStatement 36 50\tΩmega was late\n"
                  "T2\tStatement 11 16\tHola.\n"
                  "#1\tAnnotatorNotes T2\tspeaker=\n");
    a = json_object_get(rec, "attributions");
    ck_assert_int_eq(json_integer_value(json_array_get(
                         json_object_get(json_array_get(a, 0), "content"), 0)),
                     11);
    ck_assert(json_is_null(json_object_get(json_array_get(a, 0), "speaker")));
    json_decref(rec);
}
END_TEST

/* ANN must fail at LINE with a message containing WANT. */
static void read_fails(const char *ann, int line, const char *want)
{
    qg_brat_error err = {0};
    json_t *rec = qg_brat_read_ann("t", text, strlen(text), ann, strlen(ann), &err);
    ck_assert_msg(rec == NULL, "accepted: %s", ann);
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(strstr(err.text, want) != NULL, "\"%s\" lacks \"%s\"", err.text, want);
}

START_TEST(test_read_malformed)
{
    const char *s = "T1\tStatement 11 16\tHola.\n";
    const char *src = "T1\tStatement 11 16\tHola.\nT2\tSource 0 4\tJosé\n";
    read_fails("T1 Statement 11 16 Hola.\n", 1, "no tab");
    read_fails("T1\tStatement 11 16\n", 1, "ID<TAB>TYPE START END<TAB>TEXT");
    read_fails("T1\tSpeaker 0 4\tJosé\n", 1, "unknown entity type 'Speaker'");
    read_fails("T1\tStatement 11\tHola.\n", 1, "offsets must be");
    read_fails("T1\tStatement 11 x\tHola.\n", 1, "offsets must be");
    read_fails("T1\tStatement 11 99\tHola.\n", 1, "not within the text (52 characters)");
    read_fails("T1\tStatement 16 11\tHola.\n", 1, "not within the text");
    /* Byte offsets, the classic mistake: "Hola." is at bytes 14-19. */
    read_fails("\nT1\tStatement 14 19\tHola.\n", 2, "the text of span 14 19 is \"a.”");
    read_fails("T1\tStatement 11 16\tHola.!\n", 1, "longer than its span");
    read_fails("T1\tStatement 18 21;12 17\tThe ola.”\n", 1, "starts before the previous");
    read_fails("T1\tStatement 11 16\tHola.\nT1\tCue 5 9\tsaid\n", 2, "'T1' is used twice");
    read_fails("E1\tSay:T1\n", 1, "'E' annotations are not part");
    read_fails("X1\tfoo\n", 1, "unknown annotation id 'X1'");
    char buf[200];
    snprintf(buf, sizeof buf, "%sR1\tSaid Arg1:T9 Arg2:T1\t\n", s);
    read_fails(buf, 2, "no annotation 'T9'");
    snprintf(buf, sizeof buf, "%sR1\tSaid Arg1:T1\n", s);
    read_fails(buf, 2, "Arg1:ID Arg2:ID");
    snprintf(buf, sizeof buf, "%sR1\tQuoted Arg1:T2 Arg2:T1\n", src);
    read_fails(buf, 3, "unknown relation 'Quoted'");
    snprintf(buf, sizeof buf, "%sR1\tSaid Arg1:T1 Arg2:T2\n", src);
    read_fails(buf, 3, "Said goes from a Source to a Statement, not from a Statement to a Source");
    snprintf(buf, sizeof buf, "%sR1\tSaid Arg1:T2 Arg2:T1\nR2\tSaid Arg1:T2 Arg2:T1\n", src);
    read_fails(buf, 4, "second Said relation");
    snprintf(buf, sizeof buf, "%sR1\tSaid Arg1:R1 Arg2:T1\n", src);
    read_fails(buf, 3, "'R1' is not a text-bound");
    snprintf(buf, sizeof buf, "%sA1\tKind T1 quoted\n", s);
    read_fails(buf, 2, "Kind is direct, mixed or indirect, not 'quoted'");
    snprintf(buf, sizeof buf, "%sA1\tKind T2 direct\n", src);
    read_fails(buf, 3, "Kind belongs on a Statement, not a Source");
    snprintf(buf, sizeof buf, "%sA1\tNegated T1\n", s);
    read_fails(buf, 2, "unknown attribute 'Negated'");
    snprintf(buf, sizeof buf, "%sA1\tPublication T1\n", s);
    read_fails(buf, 2, "Publication is a flag on a Date");
    snprintf(buf, sizeof buf, "%s#1\tAnnotatorNotes T1\tspeakr=José\n", s);
    read_fails(buf, 2, "a Statement note has no key 'speakr'");
    snprintf(buf, sizeof buf, "%s#1\tAnnotatorNotes T1\tspeaker José\n", s);
    read_fails(buf, 2, "not key=value");
    snprintf(buf, sizeof buf, "%s#1\tAnnotatorNotes T1\tspeaker=Jo\\sé\n", s);
    read_fails(buf, 2, "unknown escape '\\s'");
    snprintf(buf, sizeof buf, "%s#1\tAnnotatorNotes T1\tdate=June 2019\n", s);
    read_fails(buf, 2, "date 'June 2019' is not YYYY");
    snprintf(buf, sizeof buf, "%s#1\tAnnotatorNotes T1\tdate=2019-13\n", s);
    read_fails(buf, 2, "is not YYYY");
    snprintf(buf, sizeof buf, "%s#1\tAnnotatorNotes T1\tspeaker=A; speaker=B\n", s);
    read_fails(buf, 2, "key 'speaker' twice");
    snprintf(buf, sizeof buf, "%s#1\tAnnotatorNotes T1\tx\n#2\tAnnotatorNotes T1\tnote=y\n", s);
    read_fails(buf, 2, "not key=value");
    snprintf(buf, sizeof buf, "%s#1\tAnnotatorNotes T1\tnote=x\n#2\tAnnotatorNotes T1\tnote=y\n", s);
    read_fails(buf, 3, "a second note for T1");
    snprintf(buf, sizeof buf, "%s#1\tComment T1\tnote=x\n", s);
    read_fails(buf, 2, "unknown note type 'Comment'");
    read_fails("T1\tPerson 0 4\tJosé\n", 1, "a Person needs a note name=NAME");
    read_fails("T1\tTitle 22 30\tminister\n", 1, "a Title needs a note person=NAME");
    read_fails("T1\tDate 0 4\tJosé\nA1\tPublication T1\n", 1, "needs a note value=");
}
END_TEST

START_TEST(test_read_bad_text)
{
    qg_brat_error err;
    json_t *rec = qg_brat_read_ann("t", "a\xff", 2, "", 0, &err);
    ck_assert_ptr_null(rec);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.text, "the text is not valid UTF-8 (byte 1)");
    /* An empty .ann is a document without annotations. */
    rec = qg_brat_read_ann("t", "abc", 3, "", 0, &err);
    ck_assert_ptr_nonnull(rec);
    ck_assert_uint_eq(json_array_size(json_object_get(rec, "attributions")), 0);
    json_decref(rec);
}
END_TEST

static Suite *brat_suite(void)
{
    Suite *s = suite_create("brat");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_escape);
    tcase_add_test(tc, test_excerpt);
    tcase_add_test(tc, test_types);
    tcase_add_test(tc, test_write_code_points);
    tcase_add_test(tc, test_write_line_breaks);
    tcase_add_test(tc, test_write_errors);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_read_fields);
    tcase_add_test(tc, test_read_malformed);
    tcase_add_test(tc, test_read_bad_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(brat_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
