/* check_input.c - unit tests for cli/input.c: ids, directory order, reading
 * with limits, lines and JSON-lines records. The command-line behaviour as a
 * whole is tested by the cases next to this file (run.sh). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

#ifndef QG_SOURCE_DIR
#error "QG_SOURCE_DIR must name the source tree (the Makefile passes it)"
#endif

#define DATA QG_SOURCE_DIR "/tests/cli/data"

static void id_is(const char *path, const char *want)
{
    char *id = qg_path_id(path);
    ck_assert_ptr_nonnull(id);
    ck_assert_str_eq(id, want);
    free(id);
}

START_TEST(test_path_id)
{
    id_is("corpus/ap_budget.txt", "ap_budget");
    id_is("ap.txt", "ap");
    id_is("a.tar.gz", "a.tar");
    id_is("noext", "noext");
    id_is("dir.d/file", "file");
    id_is("x/.hidden", ".hidden");
}
END_TEST

START_TEST(test_directory_order)
{
    qg_input_list list = {0};
    ck_assert_int_eq(qg_inputs_add(&list, DATA "/dir", true, "stdin"), 0);
    ck_assert_uint_eq(list.n, 3);
    /* Byte order: upper case before lower case, "b.txt" before "sub/". */
    ck_assert_str_eq(list.items[0].id, "Z");
    ck_assert_str_eq(list.items[1].id, "b");
    ck_assert_str_eq(list.items[2].id, "sub/a");
    ck_assert_str_eq(list.items[2].path, DATA "/dir/sub/a.txt");
    for (size_t i = 0; i < list.n; i++)
        ck_assert_int_eq(list.items[i].errnum, 0);
    qg_inputs_free(&list);

    /* A trailing slash does not double in the paths. */
    ck_assert_int_eq(qg_inputs_add(&list, DATA "/dir/", true, "stdin"), 0);
    ck_assert_str_eq(list.items[0].path, DATA "/dir/Z.txt");
    qg_inputs_free(&list);
}
END_TEST

START_TEST(test_empty_directory)
{
    /* No files: nothing appended (and, under UBSan, no qsort of NULL). */
    char dir[] = "/tmp/qg-empty.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    qg_input_list list = {0};
    ck_assert_int_eq(qg_inputs_add(&list, dir, true, "stdin"), 0);
    ck_assert_uint_eq(list.n, 0);
    qg_inputs_free(&list);
    rmdir(dir);
}
END_TEST

START_TEST(test_other_inputs)
{
    qg_input_list list = {0};
    ck_assert_int_eq(qg_inputs_add(&list, "-", true, "mine"), 0);
    ck_assert_int_eq(qg_inputs_add(&list, "no/such/file.txt", true, "stdin"), 0);
    ck_assert_int_eq(qg_inputs_add(&list, DATA "/dir", false, "stdin"), 0);
    ck_assert_uint_eq(list.n, 3);
    ck_assert_ptr_null(list.items[0].path);
    ck_assert_str_eq(list.items[0].id, "mine");
    ck_assert_str_eq(list.items[1].id, "file");
    /* Without expansion a directory is one (unreadable) input. */
    ck_assert_str_eq(list.items[2].path, DATA "/dir");
    qg_inputs_free(&list);
}
END_TEST

START_TEST(test_read_path)
{
    char *buf = NULL;
    size_t len = 0;
    qg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(qg_read_path(DATA "/dated.txt", 1000, &buf, &len, &err), 0);
    ck_assert_uint_gt(len, 16);
    ck_assert_int_eq(strncmp(buf, "date 2019-06-02\n", 16), 0);
    ck_assert_int_eq(buf[len], '\0');
    free(buf);
    buf = NULL;

    ck_assert_int_eq(qg_read_path(DATA "/dated.txt", 10, &buf, &len, &err), -1);
    ck_assert_int_eq(err.status, QG_ERR_TOO_LARGE);
    ck_assert_ptr_null(buf);

    ck_assert_int_eq(qg_read_path(DATA "/no-such-file.txt", 10, &buf, &len, &err), -1);
    ck_assert_int_eq(err.status, QG_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "No such file"));

    ck_assert_int_eq(qg_read_path(DATA "/dir", 10, &buf, &len, &err), -1);
    ck_assert_int_eq(err.status, QG_ERR_IO);
}
END_TEST

static FILE *stream_of(const char *s, size_t len)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(s, 1, len, f), len);
    rewind(f);
    return f;
}

START_TEST(test_read_stream_limit)
{
    /* Exactly at the limit is fine; one byte more is too large. */
    FILE *f = stream_of("12345", 5);
    char *buf = NULL;
    size_t len = 0;
    qg_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(qg_read_stream(f, 5, &buf, &len, &err), 0);
    ck_assert_uint_eq(len, 5);
    ck_assert_str_eq(buf, "12345");
    free(buf);
    rewind(f);
    ck_assert_int_eq(qg_read_stream(f, 4, &buf, &len, &err), -1);
    ck_assert_int_eq(err.status, QG_ERR_TOO_LARGE);
    fclose(f);
}
END_TEST

START_TEST(test_read_line)
{
    static const char text[] = "a\r\nbb\n\nccc";
    FILE *f = stream_of(text, sizeof text - 1);
    qg_line line = {0};
    const char *want[] = {"a", "bb", "", "ccc"};
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(qg_read_line(f, 100, &line), 1);
        ck_assert_str_eq(line.s, want[i]);
        ck_assert_uint_eq(line.len, strlen(want[i]));
        ck_assert(!line.too_long);
    }
    ck_assert_int_eq(qg_read_line(f, 100, &line), 0);

    /* A long line is consumed whole: the next line starts after it. */
    rewind(f);
    ck_assert_int_eq(qg_read_line(f, 2, &line), 1);
    ck_assert_int_eq(qg_read_line(f, 2, &line), 1);
    ck_assert_str_eq(line.s, "bb");
    ck_assert_int_eq(qg_read_line(f, 2, &line), 1);
    ck_assert_int_eq(qg_read_line(f, 2, &line), 1);
    ck_assert(line.too_long); /* "ccc" */
    ck_assert_int_eq(qg_read_line(f, 2, &line), 0);
    qg_line_free(&line);
    fclose(f);
}
END_TEST

static int parse(const char *json, qg_record *rec, qg_error *err)
{
    memset(err, 0, sizeof *err);
    return qg_record_parse(json, strlen(json), rec, err);
}

START_TEST(test_record)
{
    qg_record rec;
    qg_error err;
    ck_assert_int_eq(parse("{\"id\":\"a\",\"text\":\"Hi.\",\"date\":\"2019-06-02\",\"x\":1}", &rec, &err), 0);
    ck_assert_str_eq(rec.id, "a");
    ck_assert_str_eq(rec.text, "Hi.");
    ck_assert_uint_eq(rec.len, 3);
    ck_assert_str_eq(rec.date, "2019-06-02");
    qg_record_free(&rec);

    ck_assert_int_eq(parse("{\"id\":42,\"text\":\"a\\u0000b\",\"date\":null}", &rec, &err), 0);
    ck_assert_str_eq(rec.id, "42");
    ck_assert_uint_eq(rec.len, 3); /* the NUL byte is kept for qg_doc_new to refuse */
    ck_assert_ptr_null(rec.date);
    qg_record_free(&rec);

    ck_assert_int_eq(parse("{\"text\":\"no id\"}", &rec, &err), 0);
    ck_assert_ptr_null(rec.id);
    qg_record_free(&rec);

    /* Errors keep the id when it could be read. */
    ck_assert_int_eq(parse("{\"id\":\"b\"}", &rec, &err), -1);
    ck_assert_int_eq(err.status, QG_ERR_INPUT);
    ck_assert_str_eq(rec.id, "b");
    qg_record_free(&rec);

    ck_assert_int_eq(parse("{\"id\":\"c\",\"text\":3}", &rec, &err), -1);
    qg_record_free(&rec);
    ck_assert_int_eq(parse("{\"id\":[1],\"text\":\"x\"}", &rec, &err), -1);
    qg_record_free(&rec);
    ck_assert_int_eq(parse("{\"id\":\"d\",\"text\":\"x\",\"date\":5}", &rec, &err), -1);
    qg_record_free(&rec);
    ck_assert_int_eq(parse("[1,2]", &rec, &err), -1);
    qg_record_free(&rec);
    ck_assert_int_eq(parse("{\"id\": oops", &rec, &err), -1);
    ck_assert_ptr_null(rec.id);
    ck_assert_ptr_nonnull(strstr(err.message, "invalid JSON"));
    qg_record_free(&rec);
}
END_TEST

static Suite *input_suite(void)
{
    Suite *s = suite_create("cli-input");
    TCase *tc = tcase_create("input");
    tcase_add_test(tc, test_path_id);
    tcase_add_test(tc, test_directory_order);
    tcase_add_test(tc, test_empty_directory);
    tcase_add_test(tc, test_other_inputs);
    tcase_add_test(tc, test_read_path);
    tcase_add_test(tc, test_read_stream_limit);
    tcase_add_test(tc, test_read_line);
    tcase_add_test(tc, test_record);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(input_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
