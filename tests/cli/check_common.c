/* check_common.c - unit tests for cli/common.c: whole-or-nothing file
 * writes and the usage message. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

START_TEST(test_write_file)
{
    char dir[] = "/tmp/qg-util.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64], tmp[80], buf[16] = "";
    snprintf(path, sizeof path, "%s/out.txt", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    ck_assert_int_eq(qg_write_file(path, "héllo\n", 7), 0);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fread(buf, 1, sizeof buf, f), 7);
    fclose(f);
    ck_assert_str_eq(buf, "héllo\n");
    ck_assert_int_ne(access(tmp, F_OK), 0); /* the temporary is gone */

    /* A missing folder: -1, errno set, nothing left behind. */
    char bad[80];
    snprintf(bad, sizeof bad, "%s/missing/out.txt", dir);
    errno = 0;
    ck_assert_int_eq(qg_write_file(bad, "x", 1), -1);
    ck_assert_int_eq(errno, ENOENT);
    unlink(path);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_option_forms)
{
    char *argv[] = {"cmd", "-o", "a", "--output=b", "--output", "c", "--outputx", "--format", NULL};
    int argc = 8, i = 1;
    const char *v = NULL;
    ck_assert(qg_option(argc, argv, &i, "-o", "--output", &v));
    ck_assert_str_eq(v, "a");
    ck_assert_int_eq(i, 2);
    i = 3;
    ck_assert(qg_option(argc, argv, &i, "-o", "--output", &v));
    ck_assert_str_eq(v, "b");
    ck_assert_int_eq(i, 3);
    i = 4;
    ck_assert(qg_option(argc, argv, &i, NULL, "--output", &v));
    ck_assert_str_eq(v, "c");
    ck_assert_int_eq(i, 5);
    i = 6; /* a longer name is another option */
    ck_assert(!qg_option(argc, argv, &i, "-o", "--output", &v));
    i = 1; /* no short form given */
    ck_assert(!qg_option(argc, argv, &i, NULL, "--output", &v));
    i = 7; /* the value is missing */
    ck_assert(qg_option(argc, argv, &i, NULL, "--format", &v));
    ck_assert_ptr_null(v);
    ck_assert_int_eq(i, 7);
}
END_TEST

START_TEST(test_usage_error)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(mem);
    FILE *saved = stderr;
    stderr = mem;
    int rc = qg_usage_error("import", "import: unknown option '%s'", "-x");
    stderr = saved;
    fclose(mem);
    ck_assert_int_eq(rc, QG_EXIT_USAGE);
    ck_assert_str_eq(buf, "quotegraph: import: unknown option '-x'\nTry 'quotegraph import --help'.\n");
    free(buf);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cli-common");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_write_file);
    tcase_add_test(tc, test_usage_error);
    tcase_add_test(tc, test_option_forms);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
