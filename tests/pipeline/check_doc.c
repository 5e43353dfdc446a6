/* check_doc.c - tests of documents (pipeline/doc.c, pipeline/text.c): the
 * byte <-> code point index, ISO date parsing, creation errors (invalid
 * UTF-8, NUL bytes, size limit, bad date), the `date` metadata line, and
 * status codes. */
#include "check_util.h"

static qg_doc *new_doc(const char *text, size_t len, const char *date)
{
    qg_error err = {0};
    qg_doc *doc = qg_doc_new(test_pipeline("tokenize"), "d1", "src.txt", text, len, date, &err);
    ck_assert_msg(doc != NULL, "qg_doc_new: %s", err.message);
    return doc;
}

/* Checks qg_doc_cp and qg_doc_byte at every character boundary of TEXT. */
static void check_round_trip(const char *text, size_t len)
{
    qg_doc *doc = new_doc(text, len, NULL);
    uint32_t cp = 0;
    for (uint32_t b = 0; b <= len; b++) {
        if (b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
            continue; /* not a boundary */
        ck_assert_msg(qg_doc_cp(doc, b) == cp, "len %zu: cp(%u) = %u, want %u", len, b, qg_doc_cp(doc, b), cp);
        ck_assert_msg(qg_doc_byte(doc, cp) == b, "len %zu: byte(%u) = %u, want %u", len, cp, qg_doc_byte(doc, cp),
                      b);
        cp++;
    }
    /* Past the end: the length. */
    ck_assert_uint_eq(qg_doc_byte(doc, cp), (uint32_t)len);
    ck_assert_uint_eq(qg_doc_byte(doc, cp + 100), (uint32_t)len);
    ck_assert_uint_eq(qg_doc_cp(doc, (uint32_t)len + 5), cp - 1);
    qg_doc_free(doc);
}

START_TEST(cp_ascii)
{
    char text[300];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + i % 26);
    const size_t lens[] = {0, 1, 63, 64, 65, 127, 128, 129, 300};
    for (size_t k = 0; k < sizeof lens / sizeof *lens; k++)
        check_round_trip(text, lens[k]);
}
END_TEST

START_TEST(cp_multibyte)
{
    /* é (2), “ (3), 😀 (4) and ASCII, mixed. */
    const char *pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "bc"};
    char text[1200];
    size_t len = 0;
    for (int k = 0; len + 8 < sizeof text; k++) {
        const char *p = pieces[(k * 7 + k / 3) % 5];
        memcpy(text + len, p, strlen(p));
        len += strlen(p);
    }
    for (size_t n = len; n > 0 && n + 200 > len; n--)
        if (((unsigned char)text[n] & 0xC0) != 0x80 || n == len)
            check_round_trip(text, n);
}
END_TEST

START_TEST(cp_across_block_boundary)
{
    /* A 4-byte emoji on bytes 62..65 and a 3-byte mark on 126..128 straddle
     * the 64-byte blocks of the index; 192 ends exactly on a block. */
    char text[200];
    memset(text, 'x', sizeof text);
    memcpy(text + 62, "\xF0\x9F\x98\x80", 4);
    memcpy(text + 126, "\xE2\x80\x9C", 3);
    memcpy(text + 190, "\xC3\xA9", 2);
    check_round_trip(text, 192);
    check_round_trip(text, 200);
    check_round_trip(text, 66);
    qg_doc *doc = new_doc(text, 200, NULL);
    ck_assert_uint_eq(qg_doc_cp(doc, 62), 62);
    ck_assert_uint_eq(qg_doc_cp(doc, 66), 63);
    ck_assert_uint_eq(qg_doc_byte(doc, 63), 66);
    ck_assert_uint_eq(qg_doc_cp(doc, 129), 124);
    ck_assert_uint_eq(qg_doc_cp(doc, 200), 200 - 3 - 2 - 1);
    qg_doc_free(doc);
    /* A document of emoji only. */
    char emoji[4 * 50];
    for (int k = 0; k < 50; k++)
        memcpy(emoji + 4 * k, "\xF0\x9F\x98\x80", 4);
    check_round_trip(emoji, sizeof emoji);
}
END_TEST

START_TEST(iso_dates)
{
    int y = 0, m = 0, d = 0;
    ck_assert_int_eq(qg_parse_iso_date("2019-06-02", 10, &y, &m, &d), 0);
    ck_assert(y == 2019 && m == 6 && d == 2);
    ck_assert_int_eq(qg_parse_iso_date("2019-06-02xyz", 10, &y, &m, &d), 0);
    ck_assert_int_eq(qg_parse_iso_date("2019-12-31", 10, &y, &m, &d), 0);
    ck_assert(y == 2019 && m == 12 && d == 31);
    /* Leap years. */
    ck_assert_int_eq(qg_parse_iso_date("2020-02-29", 10, &y, &m, &d), 0);
    ck_assert_int_eq(qg_parse_iso_date("2000-02-29", 10, &y, &m, &d), 0);
    ck_assert_int_eq(qg_parse_iso_date("2019-02-29", 10, &y, &m, &d), -1);
    ck_assert_int_eq(qg_parse_iso_date("1900-02-29", 10, &y, &m, &d), -1);
    ck_assert_int_eq(qg_parse_iso_date("2019-02-30", 10, &y, &m, &d), -1);
    /* Bad months and days. */
    const char *bad[] = {"2019-13-01", "2019-00-10", "2019-04-31", "2019-06-00", "2019-06-32", "0000-01-01",
                         "2019-6-02x", "2019/06/02", "2019-06-0x", "20190-6-02", "2019-06-2 ", " 2019-06-0"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        y = m = d = 7;
        ck_assert_msg(qg_parse_iso_date(bad[k], 10, &y, &m, &d) == -1, "'%s' parsed", bad[k]);
        ck_assert_msg(y == 7 && m == 7 && d == 7, "'%s' wrote its outputs", bad[k]);
    }
    ck_assert_int_eq(qg_parse_iso_date("2019-06-02", 9, &y, &m, &d), -1);
    ck_assert_int_eq(qg_parse_iso_date("2019-06-021", 11, &y, &m, &d), -1);
    ck_assert_int_eq(qg_parse_iso_date("", 0, &y, &m, &d), -1);
}
END_TEST

static void expect_doc_error(const char *text, size_t len, const char *date, qg_status st, long offset)
{
    qg_error err = {0};
    qg_doc *doc = qg_doc_new(test_pipeline("tokenize"), "bad", NULL, text, len, date, &err);
    ck_assert_msg(doc == NULL, "document accepted");
    ck_assert_msg(err.status == st, "status %d, want %d (%s)", err.status, st, err.message);
    ck_assert_msg(err.offset == offset, "offset %ld, want %ld (%s)", err.offset, offset, err.message);
    ck_assert(err.message[0] != '\0');
}

START_TEST(invalid_utf8)
{
    expect_doc_error("abc\xFF" "def", 7, NULL, QG_ERR_UTF8, 3);
    expect_doc_error("\x80", 1, NULL, QG_ERR_UTF8, 0);
    expect_doc_error("ok \xC0\x80", 5, NULL, QG_ERR_UTF8, 3);        /* overlong NUL */
    expect_doc_error("ab\xE0\x80\xAF", 5, NULL, QG_ERR_UTF8, 2);     /* overlong 3-byte */
    expect_doc_error("x\xED\xA0\x80y", 5, NULL, QG_ERR_UTF8, 1);     /* surrogate */
    expect_doc_error("ab\xE2\x80", 4, NULL, QG_ERR_UTF8, 2);         /* truncated at the end */
    expect_doc_error("\xF4\x90\x80\x80", 4, NULL, QG_ERR_UTF8, 0);   /* past U+10FFFF */
    expect_doc_error("\xC3\xA9\xC3(", 4, NULL, QG_ERR_UTF8, 2);
    /* after ASCII runs that are read eight bytes at a time */
    char buf[40];
    for (size_t at = 0; at < 32; at++) {
        memset(buf, 'a', sizeof buf);
        buf[at] = (char)0xFF;
        expect_doc_error(buf, sizeof buf, NULL, QG_ERR_UTF8, (long)at);
        buf[at] = (char)0xC3; /* a valid pair, then the bad byte one further on */
        buf[at + 1] = (char)0xA9;
        buf[at + 5] = (char)0x80;
        expect_doc_error(buf, sizeof buf, NULL, QG_ERR_UTF8, (long)at + 5);
    }
    qg_error err = {0};
    ck_assert_ptr_null(qg_doc_new(test_pipeline("tokenize"), "x", NULL, "a\xFF", 2, NULL, &err));
    ck_assert_str_eq(err.message, "invalid UTF-8 at byte 1");
    ck_assert_str_eq(qg_status_code(err.status), "invalid-utf8");
}
END_TEST

/* --invalid-utf8=replace: one U+FFFD per maximal subpart, as Python's
 * bytes.decode("utf-8", errors="replace") gives (expected strings and
 * counts checked with CPython 3.11). */
static void expect_replaced(const char *in, size_t len, const char *want, uint32_t count)
{
    qg_options opts = {0};
    qg_pipeline *p = qg_pipeline_new(test_rules(), &opts);
    opts.replace_utf8 = 1;
    qg_pipeline *pr = qg_pipeline_new(test_rules(), &opts);
    qg_error err = {0};
    ck_assert_ptr_null(qg_doc_new(p, "x", NULL, in, len, NULL, &err)); /* the default stays an error */
    qg_doc *doc = qg_doc_new(pr, "x", NULL, in, len, NULL, &err);
    ck_assert_msg(doc != NULL, "%s", err.message);
    ck_assert_uint_eq(doc->len, strlen(want));
    ck_assert_msg(memcmp(doc->text, want, doc->len) == 0, "replaced text differs for input of %zu bytes", len);
    ck_assert_uint_eq(qg_doc_replaced(doc), count);
    qg_doc_free(doc);
    qg_pipeline_free(p);
    qg_pipeline_free(pr);
}

#define FFFD "\xEF\xBF\xBD"

START_TEST(invalid_utf8_replaced)
{
    expect_replaced("abc\xFF" "def", 7, "abc" FFFD "def", 1);
    expect_replaced("x\xED\xA0\x80y", 5, "x" FFFD FFFD FFFD "y", 3);    /* surrogate: three subparts */
    expect_replaced("ab\xE2\x80", 4, "ab" FFFD, 1);                       /* truncated: one subpart */
    expect_replaced("\xF0\x9F\x98 y", 5, FFFD " y", 1);
    expect_replaced("\xC0\x80", 2, FFFD FFFD, 2);                          /* overlong: no valid lead */
    expect_replaced("\xC3\xA9\xC3(", 4, "\xC3\xA9" FFFD "(", 1);
    expect_replaced("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 4);      /* past U+10FFFF */
}
END_TEST

START_TEST(nul_bytes)
{
    expect_doc_error("ab\0cd", 5, NULL, QG_ERR_BINARY, 2);
    expect_doc_error("\0", 1, NULL, QG_ERR_BINARY, 0);
}
END_TEST

START_TEST(too_large)
{
    /* qg_doc_new checks the length before it reads the text. */
    char small[16] = "tiny";
    expect_doc_error(small, (size_t)QG_MAX_DOC_BYTES + 1, NULL, QG_ERR_TOO_LARGE, -1);
    /* A lower limit by option; zero or a higher one means the hard limit. */
    static const struct {
        size_t limit, len;
        bool ok;
    } cases[] = {{4, 4, true}, {4, 5, false}, {0, 5, true}, {(size_t)QG_MAX_DOC_BYTES * 2, 5, true}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        qg_options opts = {.max_doc_bytes = cases[c].limit};
        qg_pipeline *p = qg_pipeline_new(test_rules(), &opts);
        ck_assert(p != NULL);
        qg_error err = {0};
        qg_doc *doc = qg_doc_new(p, "t", NULL, "tiny!", cases[c].len, NULL, &err);
        ck_assert_msg((doc != NULL) == cases[c].ok, "limit %zu, %zu bytes", cases[c].limit, cases[c].len);
        if (!doc) {
            ck_assert_int_eq(err.status, QG_ERR_TOO_LARGE);
            ck_assert_str_eq(err.message, "document is 5 bytes; the limit is 4");
        }
        qg_doc_free(doc);
        qg_pipeline_free(p);
    }
}
END_TEST

START_TEST(bad_date_argument)
{
    expect_doc_error("Text.", 5, "2019-02-30", QG_ERR_INPUT, -1);
    expect_doc_error("Text.", 5, "June 2", QG_ERR_INPUT, -1);
    /* An empty date is no date. */
    qg_doc *doc = new_doc("Text.", 5, "");
    ck_assert_int_eq(doc->date.year, 0);
    qg_doc_free(doc);
}
END_TEST

START_TEST(document_fields)
{
    const char *text = "Caf\xC3\xA9 text.";
    qg_doc *doc = new_doc(text, strlen(text), "2024-03-17");
    ck_assert_str_eq(doc->id, "d1");
    ck_assert_str_eq(doc->source, "src.txt");
    ck_assert_uint_eq(doc->len, strlen(text));
    ck_assert_str_eq(doc->text, text);
    ck_assert_ptr_ne(doc->text, text); /* copied */
    ck_assert(doc->date.year == 2024 && doc->date.month == 3 && doc->date.day == 17);
    ck_assert_uint_eq(doc->body, 0);
    ck_assert_uint_eq(doc->stages_done, 0);
    ck_assert_uint_eq(doc->tokens.count, 0);
    qg_doc_free(doc);
    qg_error err = {0};
    doc = qg_doc_new(test_pipeline("tokenize"), NULL, NULL, "x", 1, NULL, &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(doc->id, "");
    ck_assert_ptr_null(doc->source);
    qg_doc_free(doc);
    qg_doc_free(NULL);
}
END_TEST

START_TEST(metadata_date_line)
{
    const char *text = "date 2019-06-02\nHello there.";
    qg_doc *doc = new_doc(text, strlen(text), NULL);
    ck_assert(doc->date.year == 2019 && doc->date.month == 6 && doc->date.day == 2);
    ck_assert_uint_eq(doc->body, 16);
    ck_assert_str_eq(doc->text, text); /* the text keeps the line */
    qg_doc_free(doc);
    /* CRLF, a prefix on the same line, and trailing blanks. */
    text = "date 2019-06-02\r\nHello.";
    doc = new_doc(text, strlen(text), NULL);
    ck_assert_uint_eq(doc->body, 17);
    ck_assert_int_eq(doc->date.day, 2);
    qg_doc_free(doc);
    text = "date 2019-06-02 Hello.";
    doc = new_doc(text, strlen(text), NULL);
    ck_assert_uint_eq(doc->body, 16);
    qg_doc_free(doc);
    text = "date 2019-06-02";
    doc = new_doc(text, strlen(text), NULL);
    ck_assert_uint_eq(doc->body, 15);
    ck_assert_int_eq(doc->date.year, 2019);
    qg_doc_free(doc);
}
END_TEST

START_TEST(no_metadata_date)
{
    const char *texts[] = {"date 2019-02-30\nHello.", "Hello.\ndate 2019-06-02\n",
                           "date: 2019-06-02\nHello.", "update 2019-06-02\nHello.", "date 2019-06-021\nHello."};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        qg_doc *doc = new_doc(texts[k], strlen(texts[k]), NULL);
        ck_assert_msg(doc->body == 0 && doc->date.year == 0, "'%s': body %u, year %d", texts[k], doc->body,
                      doc->date.year);
        qg_doc_free(doc);
    }
}
END_TEST

START_TEST(date_argument_wins)
{
    const char *text = "date 2019-06-02\nHello.";
    qg_doc *doc = new_doc(text, strlen(text), "2020-01-31");
    ck_assert(doc->date.year == 2020 && doc->date.month == 1 && doc->date.day == 31);
    ck_assert_uint_eq(doc->body, 16); /* the line is still metadata */
    qg_doc_free(doc);
}
END_TEST

START_TEST(status_codes)
{
    ck_assert_str_eq(qg_status_code(QG_OK), "ok");
    ck_assert_str_eq(qg_status_code(QG_ERR_IO), "unreadable");
    ck_assert_str_eq(qg_status_code(QG_ERR_RULES), "bad-rules");
    ck_assert_str_eq(qg_status_code(QG_ERR_UTF8), "invalid-utf8");
    ck_assert_str_eq(qg_status_code(QG_ERR_BINARY), "binary");
    ck_assert_str_eq(qg_status_code(QG_ERR_TOO_LARGE), "too-large");
    ck_assert_str_eq(qg_status_code(QG_ERR_INPUT), "bad-input");
    ck_assert_str_eq(qg_status_code(QG_ERR_USAGE), "usage");
    ck_assert_str_eq(qg_status_code((qg_status)99), "error");
}
END_TEST

START_TEST(tok_is)
{
    qg_doc *doc = run_stages("The SAID said", NULL, "tokenize");
    ck_assert(qg_tok_is(doc, 0, "the"));
    ck_assert(!qg_tok_is(doc, 0, "th"));
    ck_assert(!qg_tok_is(doc, 0, "then"));
    ck_assert(qg_tok_is(doc, 1, "said"));
    ck_assert(qg_tok_is(doc, 2, "said"));
    qg_doc_free(doc);
}
END_TEST

static Suite *doc_suite(void)
{
    Suite *s = suite_create("doc");
    TCase *index = tcase_create("index");
    tcase_add_test(index, cp_ascii);
    tcase_add_test(index, cp_multibyte);
    tcase_add_test(index, cp_across_block_boundary);
    tcase_add_test(index, tok_is);
    suite_add_tcase(s, index);
    TCase *create = tcase_create("create");
    tcase_add_test(create, iso_dates);
    tcase_add_test(create, invalid_utf8);
    tcase_add_test(create, invalid_utf8_replaced);
    tcase_add_test(create, nul_bytes);
    tcase_add_test(create, too_large);
    tcase_add_test(create, bad_date_argument);
    tcase_add_test(create, document_fields);
    tcase_add_test(create, metadata_date_line);
    tcase_add_test(create, no_metadata_date);
    tcase_add_test(create, date_argument_wins);
    tcase_add_test(create, status_codes);
    suite_add_tcase(s, create);
    return s;
}

QG_CHECK_MAIN(doc_suite)
