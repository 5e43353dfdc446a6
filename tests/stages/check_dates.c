/* check_dates.c - tests of the dates stage: spans, values and granularity of
 * absolute, weekday and relative expressions, with and without a document
 * date, the seed articles' dates, and expressions that are not dates. */
#include "check_util.h"
#include "provenance.h"

/* One expected timex: its exact text and value ("YYYY[-MM[-DD]]" or NULL). */
typedef struct {
    const char *span;
    const char *value;
} want;

/* The value of T as the JSON writer would give it, or NULL. */
static const char *value_of(const qg_timex *t, char *buf, size_t cap)
{
    switch (t->granularity) {
    case QG_GRAN_YEAR: snprintf(buf, cap, "%04d", (int)t->year); return buf;
    case QG_GRAN_MONTH: snprintf(buf, cap, "%04d-%02d", (int)t->year, (int)t->month); return buf;
    case QG_GRAN_DAY:
        snprintf(buf, cap, "%04d-%02d-%02d", (int)t->year, (int)t->month, (int)t->day);
        return buf;
    default: return NULL;
    }
}

/* Runs TEXT and checks that its timexes are exactly W[0..n), in order, each
 * at the next occurrence of its text after the previous one. */
static void expect_dates(const char *text, const char *date, const want *w, size_t n)
{
    qg_doc *doc = run_stages(text, date, "dates");
    for (uint32_t k = 0; k < doc->timexes.count; k++) {
        const qg_timex *t = &doc->timexes.items[k];
        char buf[16];
        const char *v = value_of(t, buf, sizeof buf);
        ck_assert_msg(k < n, "unexpected timex '%s' (%s) in: %s", span_text(doc, t->first, t->last),
                      v ? v : "null", text);
    }
    ck_assert_msg(doc->timexes.count == n, "%u timexes, want %zu, in: %s", doc->timexes.count, n, text);
    long from = 0;
    for (size_t k = 0; k < n; k++) {
        const qg_timex *t = &doc->timexes.items[k];
        const char *at = strstr(text + from, w[k].span);
        ck_assert_msg(at != NULL, "test bug: '%s' not in text", w[k].span);
        long start = (long)(at - text);
        ck_assert_msg(t->first < t->last && t->last <= doc->tokens.count, "bad token range");
        ck_assert_msg(span_is(doc, t->first, t->last, w[k].span) && doc->tokens.items[t->first].start == start,
                      "timex %zu is '%s' at %u, want '%s' at %ld", k, span_text(doc, t->first, t->last),
                      doc->tokens.items[t->first].start, w[k].span, start);
        char buf[16];
        const char *v = value_of(t, buf, sizeof buf);
        if (w[k].value)
            ck_assert_msg(v && strcmp(v, w[k].value) == 0, "'%s' = %s, want %s", w[k].span, v ? v : "null",
                          w[k].value);
        else
            ck_assert_msg(v == NULL, "'%s' = %s, want null", w[k].span, v);
        ck_assert_uint_eq(t->rule, QG_R_DATE_EXPRESSION);
        from = start + (long)strlen(w[k].span);
    }
    qg_doc_free(doc);
}

#define EXPECT(text, date, ...)                                                                    \
    expect_dates((text), (date), (const want[]){__VA_ARGS__},                                      \
                 sizeof((const want[]){__VA_ARGS__}) / sizeof(want))
#define EXPECT_NONE(text, date) expect_dates((text), (date), NULL, 0)

#define DOC_DATE "2019-06-02" /* a Sunday */

/* ---- absolute dates ---- */

START_TEST(full_dates)
{
    EXPECT("The picture was released on July 22, 2017, the ministry said.", NULL,
           {"July 22, 2017", "2017-07-22"});
    EXPECT("It was released on July 22 2017 in Tehran.", NULL, {"July 22 2017", "2017-07-22"});
    EXPECT("It was released on 22 July 2017 in Tehran.", NULL, {"22 July 2017", "2017-07-22"});
    EXPECT("They rallied on March 08, 2019 in Washington.", NULL, {"March 08, 2019", "2019-03-08"});
    EXPECT("The deal was signed on June 2nd, 2015.", NULL, {"June 2nd, 2015", "2015-06-02"});
    /* A weekday before a full date of that weekday takes its value. */
    EXPECT("It happened on Sunday, June 2, 2019, officials said.", NULL, {"Sunday", "2019-06-02"},
           {"June 2, 2019", "2019-06-02"});
    EXPECT("A firefighter in Oroville, Calif., on Saturday, Aug. 22, 2020. (AP Photo)", NULL,
           {"Saturday", "2020-08-22"}, {"Aug. 22, 2020", "2020-08-22"});
}
END_TEST

START_TEST(month_and_year)
{
    EXPECT("the Leader said in October 2017.", NULL, {"October 2017", "2017-10"});
    EXPECT("the Leader said in October 2017.", DOC_DATE, {"October 2017", "2017-10"});
}
END_TEST

START_TEST(month_day_without_year)
{
    EXPECT("Trump on October 13 refused to certify the deal.", NULL, {"October 13", NULL});
    /* The occurrence nearest the document date, past or future. */
    EXPECT("Trump on October 13 refused to certify the deal.", DOC_DATE, {"October 13", "2019-10-13"});
    EXPECT("Trump on December 13 refused to certify the deal.", DOC_DATE, {"December 13", "2018-12-13"});
    EXPECT("The budget takes effect July 1.", "2024-03-17", {"July 1", "2024-07-01"});
    EXPECT("It was signed on February 29.", "2019-06-02", {"February 29", "2016-02-29"});
    EXPECT("It opens on February 29.", "2019-06-02", {"February 29", "2020-02-29"});
    EXPECT("It was signed 5000 years ago.", DOC_DATE, {"5000 years ago", NULL});
    EXPECT("It began on 22 July.", NULL, {"22 July", NULL});
    /* The partial value is kept even when the value is null. */
    qg_doc *doc = run_stages("Trump on October 13 refused.", NULL, "dates");
    ck_assert_uint_eq(doc->timexes.count, 1);
    ck_assert_int_eq(doc->timexes.items[0].month, 10);
    ck_assert_int_eq(doc->timexes.items[0].day, 13);
    ck_assert_int_eq(doc->timexes.items[0].year, 0);
    ck_assert_uint_eq(doc->timexes.items[0].granularity, QG_GRAN_NONE);
    qg_doc_free(doc);
}
END_TEST

START_TEST(month_alone)
{
    EXPECT("In June, the country's highest authority spoke.", NULL, {"June", NULL});
    EXPECT("In June, the country's highest authority spoke.", DOC_DATE, {"June", "2019-06"});
    EXPECT("Tangsiri said in September that the program is developing.", DOC_DATE, {"September", "2019-09"});
    /* Six months either way: the past wins. */
    EXPECT("Tangsiri said in December that the program is developing.", DOC_DATE, {"December", "2018-12"});
    EXPECT("Negotiators would meet again in January.", "2023-11-09", {"January", "2024-01"});
    EXPECT("Prices rose in early June.", DOC_DATE, {"early June", "2019-06"});
    EXPECT("Prices rose last June and will rise next March.", DOC_DATE, {"last June", "2018-06"},
           {"next March", "2020-03"});
    /* Year boundary. */
    EXPECT("He spoke in December and on December 20.", "2019-01-15", {"December", "2018-12"},
           {"December 20", "2018-12-20"});
    /* A clause that looks back takes the last such month, one that looks
     * ahead the next, whichever is nearer. */
    EXPECT("Rivers, who signed an extension in March, posted a photo.", "2023-11-13", {"March", "2023-03"});
    EXPECT("The plant was closed in March.", "2023-11-13", {"March", "2023-03"});
    EXPECT("The plant is closed until June.", "2023-03-13", {"June", "2023-06"});
    EXPECT("The plant will close in January.", "2023-03-13", {"January", "2024-01"});
    EXPECT("The plant reopens in January.", "2023-03-13", {"January", "2023-01"});
    /* A speech cue ends the clause: the month dates the saying. */
    EXPECT("Prices were high, he said in December.", "2019-01-15", {"December", "2018-12"});
}
END_TEST

START_TEST(years)
{
    EXPECT("The US withdrew from the Iran nuclear deal in 2018, arguing it was flawed.", NULL, {"2018", "2018"});
    EXPECT("Iran was complying with the 2015 nuclear deal between Tehran and the P5+1.", NULL, {"2015", "2015"});
    EXPECT("Sanctions since 2012 and the 2016 elections mattered.", NULL, {"2012", "2012"}, {"2016", "2016"});
    EXPECT("Growth slowed in late 2018.", NULL, {"late 2018", "2018"});
    EXPECT("Tehran changed in the 1990s.", NULL, {"the 1990s", NULL});
}
END_TEST

START_TEST(numeric_dates)
{
    EXPECT("date 2019-06-02 was printed, and 6/2/2019 too.", NULL, {"2019-06-02", "2019-06-02"},
           {"6/2/2019", "2019-06-02"});
    EXPECT("It was filed 06/02/19 and 2019-02-30 is no date.", NULL, {"06/02/19", "2019-06-02"});
}
END_TEST

/* ---- weekdays ---- */

START_TEST(weekdays_without_date)
{
    EXPECT("Hossein Salami said on Thursday that the country will never stop.", NULL, {"Thursday", NULL});
    EXPECT("Pompeo said on Tuesday that Iran appeared ready, and Vaezi replied Wednesday.", NULL,
           {"Tuesday", NULL}, {"Wednesday", NULL});
}
END_TEST

START_TEST(weekdays_with_date)
{
    /* 2019-06-02 is a Sunday: a bare Sunday is that day (news style). */
    EXPECT("Speaking to Tasnim on Sunday, Sayyari said so.", DOC_DATE, {"Sunday", "2019-06-02"});
    EXPECT("He said on Thursday that talks are off.", DOC_DATE, {"Thursday", "2019-05-30"});
    EXPECT("He left last Sunday and returns next Tuesday.", DOC_DATE, {"last Sunday", "2019-05-26"},
           {"next Tuesday", "2019-06-04"});
    EXPECT("Late Saturday the vote passed.", DOC_DATE, {"Late Saturday", "2019-06-01"});
    EXPECT("It had burned 18,000 acres by Sunday morning and on Friday night.", DOC_DATE,
           {"Sunday morning", "2019-06-02"}, {"Friday night", "2019-05-31"});
    /* A clause that looks ahead takes the first such day on or after the
     * document date; a cue or a comma ends the clause. */
    EXPECT("Dombrowski will campaign in Pittsburgh on Tuesday, his campaign said.", DOC_DATE,
           {"Tuesday", "2019-06-04"});
    EXPECT("He is expected to make his debut Saturday and play Sunday.", DOC_DATE, {"Saturday", "2019-06-08"},
           {"Sunday", "2019-06-02"});
    EXPECT("Gusts were forecast through Monday.", DOC_DATE, {"Monday", "2019-06-03"});
    EXPECT("\xE2\x80\x9CI\xE2\x80\x99ll be rooting for them Saturday.\xE2\x80\x9D", DOC_DATE,
           {"Saturday", "2019-06-08"});
    EXPECT("The store will reopen, the owner said Friday.", DOC_DATE, {"Friday", "2019-05-31"});
    EXPECT("The store will reopen, he said on Wednesday.", DOC_DATE, {"Wednesday", "2019-05-29"});
}
END_TEST

/* ---- relative expressions ---- */

START_TEST(deictic_days)
{
    EXPECT("He spoke today, yesterday and will speak tomorrow.", DOC_DATE, {"today", "2019-06-02"},
           {"yesterday", "2019-06-01"}, {"tomorrow", "2019-06-03"});
    EXPECT("He spoke today, yesterday and will speak tomorrow.", NULL, {"today", NULL}, {"yesterday", NULL},
           {"tomorrow", NULL});
    EXPECT("The strike came last night and yesterday afternoon.", DOC_DATE, {"last night", "2019-06-01"},
           {"yesterday afternoon", "2019-06-01"});
}
END_TEST

START_TEST(shifted_units)
{
    EXPECT("In comments last month, Khamenei dismissed the idea.", DOC_DATE, {"last month", "2019-05"});
    EXPECT("Last year and this year differ, and next month will tell.", DOC_DATE, {"Last year", "2018"},
           {"this year", "2019"}, {"next month", "2019-07"});
    /* A week gets the month it lies in, else its year. */
    EXPECT("Officials met last week and earlier this week.", DOC_DATE, {"last week", "2019-05"},
           {"earlier this week", "2019"});
    EXPECT("Officials met last week.", NULL, {"last week", NULL});
    EXPECT("He is expected to sign next week.", "2024-03-17", {"next week", "2024-03"});
    EXPECT("The shortfall reached $18 million by the end of last month.", "2024-03-17",
           {"the end of last month", "2024-02"});
    EXPECT("It lost 300,000 subscribers in the fourth quarter of 2023.", NULL,
           {"the fourth quarter of 2023", "2023"});
    EXPECT("He said earlier this month that sanctions failed late last year.", DOC_DATE,
           {"earlier this month", "2019-06"}, {"late last year", "2018"});
    EXPECT("In comments last month, Khamenei dismissed the idea.", NULL, {"last month", NULL});
    EXPECT("In comments last month, Khamenei spoke.", "2019-01-15", {"last month", "2018-12"});
}
END_TEST

START_TEST(ago)
{
    EXPECT("The agreement was reached more than two years ago.", DOC_DATE, {"more than two years ago", NULL});
    EXPECT("It fell two weeks ago and rose three days ago.", DOC_DATE, {"two weeks ago", "2019-05"},
           {"three days ago", "2019-05-30"});
    EXPECT("A year ago and two months ago, and 25 years ago.", DOC_DATE, {"A year ago", "2018"},
           {"two months ago", "2019-04"}, {"25 years ago", "1994"});
    EXPECT("That was a few days ago, or years ago.", DOC_DATE, {"a few days ago", NULL}, {"years ago", NULL});
    EXPECT("It fell three days ago.", NULL, {"three days ago", NULL});
}
END_TEST

START_TEST(seasons)
{
    EXPECT("She filed for divorce last fall and will tour next spring.", DOC_DATE, {"last fall", NULL},
           {"next spring", NULL});
    EXPECT_NONE("Prices fall in the summer, and a fall in demand followed.", DOC_DATE);
}
END_TEST

START_TEST(next_months)
{
    EXPECT("We will witness the eradication of terrorist groups in Syria within the next months.", DOC_DATE,
           {"the next months", NULL});
    EXPECT("Prices will rise in the next two months.", DOC_DATE, {"the next two months", NULL});
}
END_TEST

/* ---- the document date from a metadata line ---- */

START_TEST(metadata_date)
{
    const char *text = "date 2019-06-02\n\nSpeaking to Tasnim on Sunday, Rear Admiral Sayyari said that "
                       "talks are futile.\n\nIn comments last month, Ayatollah Khamenei dismissed the idea "
                       "of talks with the US.";
    qg_doc *doc = run_stages(text, NULL, "dates");
    ck_assert_int_eq(doc->date.year, 2019);
    qg_doc_free(doc);
    EXPECT(text, NULL, {"2019-06-02", "2019-06-02"}, {"Sunday", "2019-06-02"}, {"last month", "2019-05"});
}
END_TEST

/* ---- sentences of the seed articles ---- */

START_TEST(seed_000)
{
    EXPECT("Asked about Europe\xE2\x80\x99s willingness to hold fresh talks with Iran with the purported purpose "
           "of completing the 2015 nuclear deal, Sayyari said, \xE2\x80\x9C" "Europeans may have many wishes "
           "and dreams.\xE2\x80\x9D",
           DOC_DATE, {"2015", "2015"});
    EXPECT("\xE2\x80\x9CWe will never negotiate,\xE2\x80\x9D the Leader said in October 2017.\n\nThe adversaries "
           "are opposed to the enhancement of the Islamic Republic of Iran\xE2\x80\x99s power.",
           DOC_DATE, {"October 2017", "2017-10"});
}
END_TEST

START_TEST(seed_001)
{
    EXPECT("The IRGC navy commander Alireza Tangsiri said in September that Iran\xE2\x80\x99s missile program is "
           "developing daily and is a \xE2\x80\x9Cred line\xE2\x80\x9D for negotiations.\n\nIn June, the "
           "country\xE2\x80\x99s highest authority Supreme Leader Ali Khamenei stressed that Iran would not "
           "negotiate.",
           NULL, {"September", NULL}, {"June", NULL});
}
END_TEST

START_TEST(seed_002)
{
    EXPECT("This picture released by the official website of the Iranian Defense Ministry on July 22, 2017, "
           "shows the Sayyad-3 air defense missiles.",
           NULL, {"July 22, 2017", "2017-07-22"});
    EXPECT("\xE2\x80\x9CThey are not negotiable at all,\xE2\x80\x9D Brigadier General Ahmad Reza Pourdastan, the "
           "second-in-command of the Iranian Army, said on Saturday.",
           NULL, {"Saturday", NULL});
    EXPECT("The US House of Representatives in Congress on Thursday voted overwhelmingly to impose new "
           "sanctions. The head of Iran's Civil Defense Organization on Friday stressed the importance of "
           "defense.",
           NULL, {"Thursday", NULL}, {"Friday", NULL});
}
END_TEST

START_TEST(seed_003)
{
    EXPECT("Speaking at a graduation ceremony for Iran\xE2\x80\x99s Army cadets in October, Ayatollah Khamenei "
           "said Iran\xE2\x80\x99s defense might was not up for negotiation.",
           NULL, {"October", NULL});
    EXPECT("The Joint Comprehensive Plan of Action (JCPOA) was reached between Tehran and the P5+1 group of "
           "countries more than two years ago.\n\nThe parties signed the nuclear agreement on July 14, 2015 "
           "and started implementing it on January 16, 2016.",
           NULL, {"more than two years ago", NULL}, {"July 14, 2015", "2015-07-14"},
           {"January 16, 2016", "2016-01-16"});
}
END_TEST

START_TEST(seed_004)
{
    EXPECT("Speaking to reporters on the sidelines of a weekly cabinet session on Wednesday, Vaezi dismissed "
           "Pompeo\xE2\x80\x99s claim.\n\nIn comments in May, Leader of the Islamic Revolution Ayatollah Seyed "
           "Ali Khamenei categorically dismissed talks.",
           NULL, {"Wednesday", NULL}, {"May", NULL});
}
END_TEST

/* ---- not dates ---- */

START_TEST(durations_and_frequencies)
{
    EXPECT_NONE("He has been in the post for more than six years and served six years before.", DOC_DATE);
    EXPECT_NONE("The cabinet meets weekly and the program is developing daily.", DOC_DATE);
    EXPECT_NONE("Now the recent remarks came on various occasions, so far for the first time.", DOC_DATE);
    EXPECT("I will be rooting for them Saturday and every Saturday after.", NULL, {"Saturday", NULL});
    EXPECT_NONE("The next day he met the past year's winners.", DOC_DATE);
}
END_TEST

START_TEST(modal_may_and_march)
{
    EXPECT_NONE("Europeans may have many wishes and dreams.", DOC_DATE);
    EXPECT_NONE("May God protect the nation, he said.", DOC_DATE);
    EXPECT_NONE("March on, the commander told the troops.", DOC_DATE);
    EXPECT("Protesters march in May and March 2019.", NULL, {"May", NULL}, {"March 2019", "2019-03"});
    EXPECT("May 5, 2019 was hot.", NULL, {"May 5, 2019", "2019-05-05"});
}
END_TEST

START_TEST(counts_and_names)
{
    EXPECT_NONE("The bill passed with 423 votes, and 1,000 people protested.", NULL);
    EXPECT_NONE("The strike killed 2000 people and cost $2015 or 2015 % more.", NULL);
    EXPECT_NONE("Jan Egeland said the aid had arrived, The Sun. reported.", NULL);
    EXPECT_NONE("He sat down and they wed.", NULL);
    EXPECT_NONE("one two three a an", NULL);
}
END_TEST

/* A long document: the stage stays linear and the count is exact. */
START_TEST(long_document)
{
    const char *unit = "On Sunday, 2,000 people met for six years in 2015 and last month. ";
    size_t n = 5000, len = strlen(unit);
    char *text = malloc(n * len + 1);
    ck_assert_ptr_nonnull(text);
    for (size_t k = 0; k < n; k++)
        memcpy(text + k * len, unit, len);
    text[n * len] = '\0';
    qg_doc *doc = run_stages(text, DOC_DATE, "dates");
    ck_assert_uint_eq(doc->timexes.count, 3 * n);
    for (uint32_t k = 1; k < doc->timexes.count; k++)
        ck_assert_uint_le(doc->timexes.items[k - 1].last, doc->timexes.items[k].first);
    qg_doc_free(doc);
    free(text);
}
END_TEST

static Suite *dates_suite(void)
{
    Suite *s = suite_create("dates");
    TCase *abs = tcase_create("absolute");
    tcase_add_test(abs, full_dates);
    tcase_add_test(abs, month_and_year);
    tcase_add_test(abs, month_day_without_year);
    tcase_add_test(abs, month_alone);
    tcase_add_test(abs, years);
    tcase_add_test(abs, numeric_dates);
    suite_add_tcase(s, abs);
    TCase *rel = tcase_create("relative");
    tcase_add_test(rel, weekdays_without_date);
    tcase_add_test(rel, weekdays_with_date);
    tcase_add_test(rel, deictic_days);
    tcase_add_test(rel, shifted_units);
    tcase_add_test(rel, ago);
    tcase_add_test(rel, next_months);
    tcase_add_test(rel, seasons);
    tcase_add_test(rel, metadata_date);
    suite_add_tcase(s, rel);
    TCase *seeds = tcase_create("seeds");
    tcase_add_test(seeds, seed_000);
    tcase_add_test(seeds, seed_001);
    tcase_add_test(seeds, seed_002);
    tcase_add_test(seeds, seed_003);
    tcase_add_test(seeds, seed_004);
    suite_add_tcase(s, seeds);
    TCase *neg = tcase_create("negative");
    tcase_add_test(neg, durations_and_frequencies);
    tcase_add_test(neg, modal_may_and_march);
    tcase_add_test(neg, counts_and_names);
    tcase_add_test(neg, long_document);
    tcase_set_timeout(neg, 30);
    suite_add_tcase(s, neg);
    return s;
}

QG_CHECK_MAIN(dates_suite)
