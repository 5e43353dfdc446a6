/* check_record_fast.c - the fast path for --jsonl records (cli/record_fast.c)
 * gives what jansson gives, or hands the line over. */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"

/* What the full parser makes of LINE's "id", "text" and "date". */
static void expect_like_jansson(const char *line, size_t len)
{
    qg_record fast;
    ck_assert_int_eq(qg_record_parse_fast(line, len, &fast), 0);
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
    ck_assert_ptr_nonnull(root);
    json_t *text = json_object_get(root, "text");
    ck_assert_uint_eq(fast.len, json_string_length(text));
    ck_assert_int_eq(memcmp(fast.text, json_string_value(text), fast.len), 0);
    json_t *id = json_object_get(root, "id");
    if (json_is_string(id)) {
        ck_assert_str_eq(fast.id, json_string_value(id));
    } else if (json_is_integer(id)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        ck_assert_str_eq(fast.id, buf);
    } else {
        ck_assert_ptr_null(fast.id);
    }
    json_t *date = json_object_get(root, "date");
    if (json_is_string(date))
        ck_assert_str_eq(fast.date, json_string_value(date));
    else
        ck_assert_ptr_null(fast.date);
    json_decref(root);
    qg_record_free(&fast);
}

static void expect_handed_over(const char *line)
{
    qg_record fast;
    ck_assert_msg(qg_record_parse_fast(line, strlen(line), &fast) == 1, "fast path took: %s", line);
    ck_assert_ptr_null(fast.text);
    ck_assert_ptr_null(fast.owned);
}

START_TEST(test_same_as_jansson)
{
    static const char *lines[] = {
        "{\"id\":\"a\",\"text\":\"He said.\"}",
        " { \"text\" : \"x\" , \"id\" : 42 , \"date\" : \"2019-06-02\" } ",
        "{\"id\":-7,\"text\":\"\",\"date\":null}",
        "{\"id\":null,\"text\":\"t\",\"extra\":true,\"more\":false,\"n\":12}",
        "{\"text\":\"\\\"Quoted,\\\" she said.\\n\\tTab \\/ slash \\\\ back\"}",
        "{\"text\":\"caf\\u00e9 \\u201cq\\u201d \\ud83d\\ude00 \\u0000 nul\"}",
        "{\"text\":\"raw UTF-8: \xe2\x80\x9cYes\xe2\x80\x9d, caf\xc3\xa9\"}",
        "{\"id\":\"\\u0041B\",\"url\":\"http:\\/\\/x\",\"text\":\"b\\f\\r\\b\"}",
        "{\"text\":\"a\",\"id\":123456789012345678}",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        expect_like_jansson(lines[i], strlen(lines[i]));
}
END_TEST

START_TEST(test_hands_over)
{
    static const char *lines[] = {
        "",
        "[]",
        "{}",                                        /* no text: jansson's message */
        "{\"text\":\"a\"",                           /* unterminated object */
        "{\"text\":\"a}",                            /* unterminated string */
        "{\"text\":\"a\"} x",                        /* trailing content */
        "{\"text\":\"a\",}",                         /* trailing comma */
        "{\"text\":\"a\",\"text\":\"b\"}",           /* duplicate key */
        "{\"text\":\"a\",\"meta\":{\"k\":1}}",       /* nesting */
        "{\"text\":\"a\",\"tags\":[1]}",
        "{\"text\":\"a\",\"id\":1.5}",               /* a real */
        "{\"text\":\"a\",\"id\":01}",                /* a leading zero */
        "{\"text\":\"a\",\"id\":-0}",
        "{\"text\":\"a\",\"id\":1234567890123456789}", /* too long to trust */
        "{\"text\":null}",
        "{\"text\":3}",
        "{\"text\":\"a\",\"date\":5}",
        "{\"text\":\"a\",\"id\":true}",
        "{\"text\":\"\\ud800\"}",                    /* lone surrogates */
        "{\"text\":\"\\udc00\"}",
        "{\"text\":\"\\ud800\\u0041\"}",
        "{\"text\":\"\\x\"}",                        /* bad escape */
        "{\"text\":\"\\u12g4\"}",
        "{\"text\":\"tab\there\"}",                  /* raw control character */
        "{\"text\":\"\xff\"}",                       /* invalid UTF-8 */
        "{\"te\\u0000xt\":\"a\"}",                   /* NUL in a key */
        "{\"text\":\"a\",\"id\":\"x\\u0000y\"}",     /* NUL in the id */
        "{\"text\":\"a\" \"id\":1}",                 /* missing comma */
        "{\"text\" \"a\"}",                          /* missing colon */
        "{\"text\":nul}",
        "{'text':'a'}",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        expect_handed_over(lines[i]);
}
END_TEST

/* A NUL byte inside "text" is data (qg_doc_new reports a binary document). */
START_TEST(test_nul_in_text)
{
    static const char line[] = "{\"text\":\"a\\u0000b\"}";
    qg_record r;
    ck_assert_int_eq(qg_record_parse_fast(line, sizeof line - 1, &r), 0);
    ck_assert_uint_eq(r.len, 3);
    ck_assert_int_eq(memcmp(r.text, "a\0b", 3), 0);
    qg_record_free(&r);
}
END_TEST

/* Through the public entry point, both paths fill the same fields. */
START_TEST(test_record_parse_uses_both)
{
    qg_record r;
    qg_error err;
    memset(&err, 0, sizeof err);
    static const char flat[] = "{\"id\":\"f\",\"text\":\"x\"}";
    ck_assert_int_eq(qg_record_parse(flat, sizeof flat - 1, &r, &err), 0);
    ck_assert_ptr_nonnull(r.owned);
    ck_assert_str_eq(r.id, "f");
    qg_record_free(&r);
    static const char nested[] = "{\"id\":\"s\",\"text\":\"x\",\"meta\":{}}";
    ck_assert_int_eq(qg_record_parse(nested, sizeof nested - 1, &r, &err), 0);
    ck_assert_ptr_null(r.owned);
    ck_assert_ptr_nonnull(r.json);
    ck_assert_str_eq(r.id, "s");
    qg_record_free(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cli-record-fast");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_same_as_jansson);
    tcase_add_test(tc, test_hands_over);
    tcase_add_test(tc, test_nul_in_text);
    tcase_add_test(tc, test_record_parse_uses_both);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
