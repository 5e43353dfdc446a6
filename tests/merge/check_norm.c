/* check_norm.c - unit tests for merge/norm.c: folding, name keys and the
 * near-duplicate test with its thresholds. */
#include "check_util.h"
#include "merge.h"

static void assert_fold(const char *in, const char *want)
{
    char *got = qg_merge_fold(in, strlen(in));
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(test_fold)
{
    assert_fold("Negotiation is poison.", "negotiation is poison");
    /* Curly and straight quotes, dashes and case give the same words. */
    assert_fold("\xE2\x80\x9CIt\xE2\x80\x99s over\xE2\x80\x9D \xE2\x80\x93 he", "its over he");
    assert_fold("\"It's  over\" - he", "its over he");
    /* Diacritics and compatibility forms fold away. */
    assert_fold("Jos\xC3\xA9 \xC3\x81lvarez", "jose alvarez");
    assert_fold("\xEF\xAC\x81nal", "final"); /* the fi ligature */
    assert_fold("al-Assad", "al assad");
    assert_fold("", "");
    assert_fold(" ,;: ", "");
}
END_TEST

static void assert_person(const char *in, const char *want)
{
    char *got = qg_merge_person_key(test_rules(), in);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(test_person_key)
{
    assert_person("Ali Khamenei", "ali khamenei");
    /* Honorifics from rules/honorifics.txt, name particles included. */
    assert_person("Ayatollah Seyed Ali Khamenei", "ali khamenei");
    assert_person("Sen. Maria Lopez", "maria lopez");
    assert_person("Rep. Janet Okafor", "janet okafor");
    assert_person("Dr. Evelyn Marsh", "evelyn marsh");
    assert_person("Brig. Gen. Hossein Salami", "hossein salami");
    assert_person("Brigadier General Hossein Salami", "hossein salami");
    /* A word is always left. */
    assert_person("Imam", "imam");
    assert_person("General", "general");
    /* Without rules nothing is stripped. */
    char *k = qg_merge_person_key(NULL, "Dr. Evelyn Marsh");
    ck_assert_str_eq(k, "dr evelyn marsh");
    free(k);
}
END_TEST

START_TEST(test_org_key_and_proper)
{
    char *k = qg_merge_org_key("The Washington Post");
    ck_assert_str_eq(k, "washington post");
    free(k);
    k = qg_merge_org_key("Theater Group");
    ck_assert_str_eq(k, "theater group");
    free(k);
    ck_assert(qg_merge_proper_name(test_rules(), "Tasnim"));
    ck_assert(qg_merge_proper_name(test_rules(), "\xC3\x89lys\xC3\xA9" "e"));
    ck_assert(!qg_merge_proper_name(test_rules(), "company"));
    ck_assert(!qg_merge_proper_name(test_rules(), "current administration"));
    ck_assert(!qg_merge_proper_name(test_rules(), "He"));
}
END_TEST

/* Word hashes of TEXT folded. */
static uint64_t *words(const char *text, size_t *n)
{
    char *f = qg_merge_fold(text, strlen(text));
    uint64_t *w = NULL;
    ck_assert_int_eq(qg_merge_word_hashes(f, &w, n), 0);
    free(f);
    return w;
}

static bool same(const char *a, const char *b)
{
    size_t na, nb;
    uint64_t *wa = words(a, &na), *wb = words(b, &nb);
    bool r = qg_merge_same_statement(wa, na, wb, nb);
    ck_assert_int_eq(r, qg_merge_same_statement(wb, nb, wa, na)); /* symmetric */
    free(wa);
    free(wb);
    return r;
}

START_TEST(test_same_statement)
{
    size_t n;
    uint64_t *w = words("one two  three", &n);
    ck_assert_uint_eq(n, 3);
    free(w);
    ck_assert(same("Negotiation is poison - with the US.", "\xE2\x80\x9CNegotiation is poison \xE2\x80\x93 with the US\xE2\x80\x9D"));
    /* One word left out of ten: 100% of the shorter in the longer, 90% length. */
    ck_assert(same("we will never stop improving our defense capabilities at all",
                   "we will never stop improving our defense capabilities at all now"));
    /* Ten words against twelve with two changed: under 90% overlap. */
    ck_assert(!same("we will never stop improving our defense capabilities at all",
                    "we will always stop improving their defense capabilities at all today too"));
    /* Contained, but far shorter than the other: a fragment, not the same quote. */
    ck_assert(!same("never stop improving defense", "we will never stop improving our defense capabilities"));
    /* Short texts never merge, even when equal. */
    ck_assert(!same("red line", "red line"));
    ck_assert(!same("a b c", "a b c"));
    ck_assert(same("a b c d", "a b c d"));
    /* The same words in another order still count (a multiset test). */
    ck_assert(same("talks are poison with the US", "with the US talks are poison"));
}
END_TEST

static Suite *norm_suite(void)
{
    Suite *s = suite_create("merge/norm");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_fold);
    tcase_add_test(tc, test_person_key);
    tcase_add_test(tc, test_org_key_and_proper);
    tcase_add_test(tc, test_same_statement);
    suite_add_tcase(s, tc);
    return s;
}

QG_CHECK_MAIN(norm_suite)
