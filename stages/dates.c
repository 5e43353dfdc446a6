/* dates.c - finds date expressions and resolves them against the document date.
 * Reads: tokens, sentences, doc->date. Adds: timexes (in text order). */
#include "provenance.h"
#include "stage.h"

#include <string.h>

/* Value conventions (see also rules/dates.txt):
 * - A timex records what it knows: `October 13` without a year keeps month 10,
 *   day 13, year 0. Granularity is NONE whenever the value is null, that is
 *   whenever no year can be given; it is otherwise the finest known part.
 * - Without a document date every relative expression (weekdays, today, last
 *   month, two years ago) is still recorded, with a null value.
 * - With one: a weekday is its most recent occurrence on or before the
 *   document date (news style: `Sunday` in a Sunday paper is that day),
 *   unless its clause looks ahead (`will campaign on Tuesday`, `is expected
 *   to make his debut Saturday`, `through Monday`: function words marked
 *   `future`), when it is the first occurrence on or after that date;
 *   `last Sunday` the one before that if the date is itself a Sunday,
 *   `next`/`this Sunday` the first one after (or, for `this`, on) it; a
 *   weekday before a full date of that weekday (`Saturday, Aug. 22, 2020`)
 *   takes the date's value. A month-day or a month without a year is, in a
 *   clause that looks back (`signed an extension in March`, `was`: a
 *   lower-case -ed word or a function word marked `past`), its most recent
 *   occurrence not after the document date; in one that looks ahead, its
 *   first not before it; otherwise its occurrence nearest the document date
 *   (`in January` in a November story is next January); `last June` and
 *   `next March` are the ones strictly before or after the document's month.
 * - `last/this/next month` is YYYY-MM, `... year` YYYY. A week (`last week`,
 *   `earlier this week`, `two weeks ago`) has no ISO value of its own: it
 *   gets the month its Monday-Sunday span lies in, else the year, else null.
 *   `N days/months/years ago` counts back; hedged (`more than two years
 *   ago`), vague (`a few years ago`, `years ago`) and decade counts are null,
 *   as are spans with a determiner, a count or a plural unit (`the next
 *   months`, `the next two months`), which are ranges rather than dates.
 * - A season after last/this/next (`last fall`, `this spring`) is recorded
 *   with a null value: it has no ISO month, and a winter spans two years.
 * - Modifiers (`early`, `late last year`, `the end of last month`) and a
 *   following time of day (`Sunday morning`) stay in the span and keep the
 *   head's value; a preceding preposition is never part of the span. */

/* A sentence being scanned; matchers never look outside it. */
typedef struct {
    qg_doc *doc;
    const qg_stage_ctx *ctx;
    uint32_t first, end; /* its token range */
    uint32_t floor;      /* first token not yet in a timex */
} scan;

/* One expression: its token range and value, as in qg_timex. */
typedef struct {
    uint32_t first, last;
    int32_t y, m, d;
    uint32_t gran;
} found;

enum { UNIT_DAY = 1, UNIT_WEEK, UNIT_MONTH, UNIT_YEAR, UNIT_DECADE };

/* ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ---- */

static int64_t days_from_civil(int32_t y, int32_t m, int32_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int32_t *y, int32_t *m, int32_t *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int32_t)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int32_t)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int32_t)(yoe + era * 400 + (*m <= 2));
}

/* ISO weekday, 1 = Monday; 1970-01-01 was a Thursday. */
static int weekday_of(int64_t z)
{
    return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

static bool valid_date(int32_t y, int32_t m, int32_t d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && y != 0 && !leap);
}

static bool has_doc_date(const qg_doc *doc)
{
    return doc->date.year != 0;
}

static int64_t doc_days(const qg_doc *doc)
{
    return days_from_civil(doc->date.year, doc->date.month, doc->date.day);
}

static void set_day(found *f, int64_t z)
{
    civil_from_days(z, &f->y, &f->m, &f->d);
    f->gran = QG_GRAN_DAY;
}

static void set_month(found *f, int32_t y, int32_t m, int32_t shift)
{
    int32_t k = y * 12 + (m - 1) + shift;
    f->y = k / 12;
    f->m = k % 12 + 1;
    f->d = 0;
    f->gran = QG_GRAN_MONTH;
}

static void set_year(found *f, int32_t y)
{
    f->y = y;
    f->m = f->d = 0;
    f->gran = QG_GRAN_YEAR;
}

static void set_null(found *f)
{
    f->y = f->m = f->d = 0;
    f->gran = QG_GRAN_NONE;
}

/* The Monday-Sunday week holding day Z: its month if it lies in one, else
 * its year if it lies in one, else null. */
static void set_week(found *f, int64_t z)
{
    int64_t mon = z - (weekday_of(z) - 1);
    int32_t y1, m1, d1, y2, m2, d2;
    civil_from_days(mon, &y1, &m1, &d1);
    civil_from_days(mon + 6, &y2, &m2, &d2);
    if (y1 == y2 && m1 == m2)
        set_month(f, y1, m1, 0);
    else if (y1 == y2)
        set_year(f, y1);
    else
        set_null(f);
}

/* ---- token tests ---- */

static const qg_lex_entry *entry(const scan *sc, uint32_t i)
{
    if (i >= sc->end)
        return NULL;
    return qg_rules_tok(sc->ctx->rules, sc->doc, i, QG_LEX_DATE);
}

/* The date entry of token I if it has attribute ATTR, else NULL. */
static const qg_lex_entry *entry_with(const scan *sc, uint32_t i, uint32_t attr)
{
    const qg_lex_entry *e = entry(sc, i);
    return e && (e->attrs & attr) ? e : NULL;
}

static const qg_token *tok(const scan *sc, uint32_t i)
{
    return &sc->doc->tokens.items[i];
}

static bool in_sentence(const scan *sc, uint32_t i)
{
    return i >= sc->first && i < sc->end;
}

static bool is_punct(const scan *sc, uint32_t i, char c)
{
    return in_sentence(sc, i) && tok(sc, i)->kind == QG_TOK_PUNCT && qg_tok_len(sc->doc, i) == 1 &&
           qg_tok_text(sc->doc, i)[0] == c;
}

static bool fn_attr(const scan *sc, uint32_t i, uint32_t attr)
{
    if (!in_sentence(sc, i))
        return false;
    const qg_lex_entry *e = qg_rules_tok(sc->ctx->rules, sc->doc, i, QG_LEX_FUNCTION);
    return e && (e->attrs & attr);
}

/* Value of a NUMBER token made of 1..MAXD digits and, if ORDINAL, an
 * ordinal suffix (22nd); -1 otherwise. */
static int32_t digits_value(const scan *sc, uint32_t i, uint32_t maxd, bool ordinal)
{
    if (!in_sentence(sc, i) || tok(sc, i)->kind != QG_TOK_NUMBER)
        return -1;
    const char *s = qg_tok_text(sc->doc, i);
    uint32_t n = qg_tok_len(sc->doc, i), k = 0;
    int32_t v = 0;
    while (k < n && s[k] >= '0' && s[k] <= '9' && k < maxd)
        v = v * 10 + (s[k++] - '0');
    if (k == 0)
        return -1;
    if (k == n)
        return v;
    if (!ordinal || n - k != 2)
        return -1;
    /* Ordinal suffixes are morphology, not vocabulary: st nd rd th. */
    char a = (char)(s[k] | 0x20), b = (char)(s[k + 1] | 0x20);
    bool ok = (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
              (a == 't' && b == 'h');
    return ok ? v : -1;
}

static int32_t day_number(const scan *sc, uint32_t i)
{
    int32_t v = digits_value(sc, i, 2, true);
    return v >= 1 && v <= 31 ? v : -1;
}

static int32_t year_number(const scan *sc, uint32_t i)
{
    if (!in_sentence(sc, i) || qg_tok_len(sc->doc, i) != 4)
        return -1;
    int32_t v = digits_value(sc, i, 4, false);
    return v >= 1900 && v <= 2100 ? v : -1;
}

/* A lower-case word that looks like a plural noun (votes, troops). */
static bool plural_word(const scan *sc, uint32_t i)
{
    if (!in_sentence(sc, i) || tok(sc, i)->kind != QG_TOK_WORD || (tok(sc, i)->flags & (QG_TF_CAP | QG_TF_POSS)))
        return false;
    if (tok(sc, i)->lex & (QG_LEX_FUNCTION | QG_LEX_DATE))
        return false;
    const char *s = qg_tok_text(sc->doc, i);
    uint32_t n = qg_tok_len(sc->doc, i);
    return n >= 4 && s[n - 1] == 's' && s[n - 2] != 's';
}

/* Is a four-digit number at I a count rather than a year? Edited news writes
 * counts over 999 with a comma, so this only guards the rare exceptions:
 * money, percentages, neighbouring numbers, and a following plural noun
 * that is not introduced like a year modifier (`the 2016 elections`). */
static bool looks_like_count(const scan *sc, uint32_t i)
{
    if (in_sentence(sc, i - 1) && (tok(sc, i - 1)->kind == QG_TOK_NUMBER || tok(sc, i - 1)->kind == QG_TOK_SYMBOL))
        return true;
    if (in_sentence(sc, i + 1) && (tok(sc, i + 1)->kind == QG_TOK_NUMBER || tok(sc, i + 1)->kind == QG_TOK_SYMBOL ||
                                   is_punct(sc, i + 1, '%')))
        return true;
    bool det_before = fn_attr(sc, i - 1, QG_FN_DET) || (in_sentence(sc, i - 1) && (tok(sc, i - 1)->flags & QG_TF_POSS));
    if (in_sentence(sc, i + 1) && (tok(sc, i + 1)->lex & QG_LEX_GROUP) && !(tok(sc, i + 1)->flags & QG_TF_CAP))
        return !det_before; /* about 2000 people, but the 2016 voters */
    return plural_word(sc, i + 1) && !det_before && !fn_attr(sc, i - 1, QG_FN_PREP);
}

static int32_t month_of(const scan *sc, uint32_t i)
{
    const qg_lex_entry *e = entry_with(sc, i, QG_DATE_MONTH);
    return e && (tok(sc, i)->flags & QG_TF_CAP) ? e->value : 0;
}

/* Can the month word at I stand without a number beside it? Ambiguous forms
 * (marked `case` in the rules: May, March) need a preposition or a date
 * modifier before them; abbreviations (Jan, Oct.) never stand alone; a month
 * that is also a given name is not one before a capitalized word. */
static bool month_stands_alone(const scan *sc, uint32_t i)
{
    const qg_lex_entry *e = entry(sc, i);
    const qg_token *t = tok(sc, i);
    if (e->exact_case)
        return fn_attr(sc, i - 1, QG_FN_PREP) ||
               (in_sentence(sc, i - 1) && entry_with(sc, i - 1, QG_DATE_SHIFT | QG_DATE_PART));
    uint32_t letters = qg_tok_len(sc->doc, i) - ((t->flags & QG_TF_ABBR) ? 1u : 0u);
    if ((t->flags & QG_TF_ABBR) || letters <= 3)
        return false;
    if ((t->lex & QG_LEX_FIRSTNAME) && in_sentence(sc, i + 1) && (tok(sc, i + 1)->flags & QG_TF_CAP) &&
        !(tok(sc, i + 1)->lex & QG_LEX_DATE))
        return false;
    return true;
}

static int32_t weekday_of_tok(const scan *sc, uint32_t i)
{
    const qg_lex_entry *e = entry_with(sc, i, QG_DATE_WEEKDAY);
    return e && (tok(sc, i)->flags & QG_TF_CAP) ? e->value : 0;
}

/* ---- the tense of a clause ---- */

/* How far back a date looks for the verb of its clause. */
#define TENSE_WINDOW 10

/* A lower-case word in -ed (signed, announced): a past verb or participle. */
static bool ed_word(const scan *sc, uint32_t i)
{
    const qg_token *t = tok(sc, i);
    if (t->kind != QG_TOK_WORD || (t->flags & QG_TF_CAP))
        return false;
    const char *s = qg_tok_text(sc->doc, i);
    uint32_t n = qg_tok_len(sc->doc, i);
    return n >= 4 && s[n - 2] == 'e' && s[n - 1] == 'd';
}

/* A contraction of will (I'll, she’ll): one token. */
static bool ll_word(const scan *sc, uint32_t i)
{
    const char *s = qg_tok_text(sc->doc, i);
    uint32_t n = qg_tok_len(sc->doc, i);
    if (tok(sc, i)->kind != QG_TOK_WORD || n < 4 || s[n - 1] != 'l' || s[n - 2] != 'l')
        return false;
    return s[n - 3] == '\'' || (n >= 6 && memcmp(s + n - 5, "\xE2\x80\x99", 3) == 0);
}

/* Does the clause of the date at I look ahead (1), back (-1), or neither
 * (0)? The nearest tense word before I decides (function words marked
 * future or past, a contraction of will; with ED, also a lower-case -ed
 * word); the search stops at
 * a speech cue (`said Tuesday` dates the saying, whatever it reports), a
 * clause mark (, ; : quote marks) or TENSE_WINDOW tokens. */
static int clause_tense(const scan *sc, uint32_t i, bool ed)
{
    for (uint32_t k = i, n = 0; k > sc->first && n < TENSE_WINDOW; n++) {
        k--;
        const qg_token *t = tok(sc, k);
        if (fn_attr(sc, k, QG_FN_FUTURE) || ll_word(sc, k))
            return 1;
        if (fn_attr(sc, k, QG_FN_PAST))
            return -1;
        if ((t->lex & QG_LEX_CUE) || (t->flags & (QG_TF_Q_OPEN | QG_TF_Q_CLOSE)) || is_punct(sc, k, ',') ||
            is_punct(sc, k, ';') || is_punct(sc, k, ':'))
            return 0;
        if (ed && ed_word(sc, k))
            return -1;
    }
    return 0;
}

/* ---- resolving partial dates ---- */

/* Distance of month M, day D (0: the month) of year Y from the document
 * date, in days or months. */
static int64_t distance(const qg_doc *doc, int32_t y, int32_t m, int32_t d)
{
    int64_t k = d ? days_from_civil(y, m, d) - doc_days(doc)
                  : (int64_t)(y * 12 + m) - (doc->date.year * 12 + doc->date.month);
    return k < 0 ? -k : k;
}

/* The year of the occurrence of M-D (or month M) nearest the document date:
 * news tells of the recent past and the near future. Ties go to the past;
 * 0 if no year nearby has the date (February 29). */
static int32_t nearest_year(const qg_doc *doc, int32_t m, int32_t d)
{
    int32_t best = 0;
    for (int32_t y = doc->date.year - 1; y <= doc->date.year + 1; y++)
        if ((!d || valid_date(y, m, d)) && (!best || distance(doc, y, m, d) < distance(doc, best, m, d)))
            best = y;
    return best;
}

/* The year of M-D (or month M) on the side of the document date that TENSE
 * gives (-1 not after it, 1 not before it); February 29 moves on to the
 * nearest leap year on that side. */
static int32_t year_by_tense(const qg_doc *doc, int32_t m, int32_t d, int tense)
{
    int32_t y = doc->date.year;
    int64_t k = d ? days_from_civil(y, m, d) - doc_days(doc) : (int64_t)m - doc->date.month;
    if (tense < 0 && k > 0)
        y--;
    else if (tense > 0 && k < 0)
        y++;
    for (int n = 0; d && !valid_date(y, m, d) && n < 8; n++)
        y += tense;
    return y;
}

/* Month M, day D (0 if none), year Y (0 if unknown), written at token AT,
 * into F. */
static void resolve_absolute(const scan *sc, uint32_t at, found *f, int32_t y, int32_t m, int32_t d)
{
    const qg_doc *doc = sc->doc;
    if (!y && has_doc_date(doc)) {
        int tense = clause_tense(sc, at, true);
        y = tense ? year_by_tense(doc, m, d, tense) : nearest_year(doc, m, d);
    }
    f->y = y;
    f->m = m;
    f->d = d;
    if (!y)
        f->gran = QG_GRAN_NONE;
    else
        f->gran = d ? QG_GRAN_DAY : QG_GRAN_MONTH;
}

/* Weekday W with SHIFT (-1 last, 0 this, +1 next, 2 = bare) into F. */
static void resolve_weekday(const scan *sc, found *f, int32_t w, int32_t shift)
{
    if (!has_doc_date(sc->doc)) {
        set_null(f);
        return;
    }
    int64_t z = doc_days(sc->doc);
    int back = (weekday_of(z) - w + 7) % 7, ahead = (w - weekday_of(z) + 7) % 7;
    if (shift == 2)
        set_day(f, z - back);
    else if (shift < 0)
        set_day(f, z - (back ? back : 7));
    else if (shift > 0)
        set_day(f, z + (ahead ? ahead : 7));
    else
        set_day(f, z + ahead);
}

/* ---- matchers: each fills F from token I on and returns true ---- */

/* 2019-06-02 and 6/2/2019, each one number token. */
static bool match_numeric(const scan *sc, uint32_t i, found *f)
{
    if (tok(sc, i)->kind != QG_TOK_NUMBER)
        return false;
    static const char *const names[] = {"iso_date", "numeric_date"};
    PCRE2_SPTR s = (PCRE2_SPTR)qg_tok_text(sc->doc, i);
    for (int k = 0; k < 2; k++) {
        const pcre2_code *re = qg_rules_pattern(sc->ctx->rules, names[k]);
        if (pcre2_match(re, s, qg_tok_len(sc->doc, i), 0, 0, sc->ctx->match, sc->ctx->limits) < 4)
            continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->ctx->match);
        int32_t g[3];
        bool digits = true; /* an edited pattern may capture anything */
        for (int n = 0; n < 3; n++) {
            g[n] = 0;
            for (PCRE2_SIZE c = ov[2 * (n + 1)]; c < ov[2 * (n + 1) + 1] && digits; c++) {
                digits = s[c] >= '0' && s[c] <= '9' && g[n] < 100000;
                g[n] = g[n] * 10 + (s[c] - '0');
            }
        }
        if (!digits)
            continue;
        int32_t y = k == 0 ? g[0] : g[2], m = k == 0 ? g[1] : g[0], d = k == 0 ? g[2] : g[1];
        if (k == 1 && y < 100)
            y += y < 50 ? 2000 : 1900; /* 06/02/19 */
        if (!valid_date(y, m, d))
            continue;
        *f = (found){i, i + 1, y, m, d, QG_GRAN_DAY};
        return true;
    }
    return false;
}

/* Month [day] [,] [year], with the checks that keep May and Jan honest. */
static bool match_month_first(const scan *sc, uint32_t i, found *f)
{
    int32_t m = month_of(sc, i);
    if (!m)
        return false;
    int32_t d = day_number(sc, i + 1), y = 0;
    uint32_t last = i + 1;
    if (d > 0) {
        last = i + 2;
        uint32_t yi = is_punct(sc, i + 2, ',') ? i + 3 : i + 2;
        if ((y = year_number(sc, yi)) > 0)
            last = yi + 1;
        else
            y = 0;
        if (!valid_date(y, m, d)) {
            d = 0, y = 0, last = i + 1; /* June 31: keep the month alone */
        }
    } else {
        d = 0;
        if ((y = year_number(sc, i + 1)) > 0)
            last = i + 2;
        else
            y = 0;
    }
    if (last == i + 1 && !month_stands_alone(sc, i))
        return false;
    *f = (found){i, last, 0, 0, 0, 0};
    resolve_absolute(sc, i, f, y, m, d);
    return true;
}

/* 22 July [2017]. */
static bool match_day_first(const scan *sc, uint32_t i, found *f)
{
    int32_t d = day_number(sc, i), m = month_of(sc, i + 1);
    if (d < 0 || !m)
        return false;
    uint32_t yi = is_punct(sc, i + 2, ',') ? i + 3 : i + 2;
    int32_t y = year_number(sc, yi);
    if (y < 0)
        y = 0;
    if (!valid_date(y, m, d))
        return false;
    *f = (found){i, y ? yi + 1 : i + 2, 0, 0, 0, 0};
    resolve_absolute(sc, i, f, y, m, d);
    return true;
}

/* A time of day after a day (Sunday morning): a part=2 word. */
static uint32_t time_of_day(const scan *sc, uint32_t i)
{
    const qg_lex_entry *e = entry_with(sc, i, QG_DATE_PART);
    return e && e->value == 2 ? i + 1 : i;
}

/* Is token I a determiner that is no date word (the, a, every)? */
static bool plain_det(const scan *sc, uint32_t i)
{
    return fn_attr(sc, i, QG_FN_DET) && !(tok(sc, i)->lex & QG_LEX_DATE);
}

/* Sunday [morning]. Before a full date of the same weekday (Saturday, Aug.
 * 22, 2020) it takes that date's value; the date is an expression of its own. */
static bool match_weekday(const scan *sc, uint32_t i, int32_t shift, found *f)
{
    int32_t w = weekday_of_tok(sc, i);
    if (!w)
        return false;
    uint32_t k = is_punct(sc, i + 1, ',') ? i + 2 : i + 1;
    found next;
    bool dated = shift == 2 && in_sentence(sc, k) &&
                 (match_month_first(sc, k, &next) || match_day_first(sc, k, &next)) &&
                 next.gran == QG_GRAN_DAY && weekday_of(days_from_civil(next.y, next.m, next.d)) == w;
    if (shift == 2 && !dated && (tok(sc, i)->flags & QG_TF_ABBR))
        return false; /* Sun., Sat. alone are more often the paper or the verb */
    if (shift == 2 && plain_det(sc, i - 1))
        return false; /* every Saturday, a Sunday: frequencies and generics */
    *f = (found){i, time_of_day(sc, i + 1), 0, 0, 0, 0};
    if (dated)
        f->y = next.y, f->m = next.m, f->d = next.d, f->gran = QG_GRAN_DAY;
    else if (shift == 2 && clause_tense(sc, i, false) > 0)
        resolve_weekday(sc, f, w, 0); /* will campaign on Tuesday: this Tuesday */
    else
        resolve_weekday(sc, f, w, shift);
    return true;
}

/* A year alone or as a modifier: in 2018, the 2015 nuclear deal, the 1990s. */
static bool match_year(const scan *sc, uint32_t i, found *f)
{
    if (tok(sc, i)->kind != QG_TOK_NUMBER)
        return false;
    int32_t y = year_number(sc, i);
    if (y > 0) {
        if (looks_like_count(sc, i))
            return false;
        *f = (found){i, i + 1, 0, 0, 0, 0};
        set_year(f, y);
        return true;
    }
    /* A decade (1990s) places a period on the calendar but has no value here. */
    const char *s = qg_tok_text(sc->doc, i);
    if (qg_tok_len(sc->doc, i) == 5 && s[4] == 's' && s[3] == '0') {
        int32_t dy = 0;
        for (int k = 0; k < 4 && s[k] >= '0' && s[k] <= '9'; k++)
            dy = dy * 10 + (s[k] - '0');
        if (dy >= 1900 && dy <= 2100) {
            bool det = i > sc->floor && plain_det(sc, i - 1); /* the 1990s */
            *f = (found){det ? i - 1 : i, i + 1, 0, 0, 0, QG_GRAN_NONE};
            return true;
        }
    }
    return false;
}

/* A count: a digit number or one or two count words (two, a few). Returns
 * the tokens used; *VALUE is 0 for a vague count. */
static uint32_t match_count(const scan *sc, uint32_t i, int32_t *value)
{
    int32_t v = digits_value(sc, i, 4, false);
    if (v > 0) {
        *value = v;
        return 1;
    }
    const qg_lex_entry *a = entry_with(sc, i, QG_DATE_NUMBER);
    if (!a)
        return 0;
    const qg_lex_entry *b = entry_with(sc, i + 1, QG_DATE_NUMBER);
    if (b && entry_with(sc, i + 2, QG_DATE_UNIT)) {
        *value = a->value && b->value ? b->value : 0;
        return 2;
    }
    *value = a->value;
    return 1;
}

/* Is the unit word at I plural (days, months)? */
static bool plural_unit(const scan *sc, uint32_t i)
{
    const char *s = qg_tok_text(sc->doc, i);
    uint32_t n = qg_tok_len(sc->doc, i);
    return n > 1 && (s[n - 1] == 's' || s[n - 1] == 'S');
}

/* [count] units ago. HEDGED: a part=1 modifier came first. */
static bool match_ago(const scan *sc, uint32_t i, bool hedged, found *f)
{
    int32_t n = 0;
    uint32_t c = match_count(sc, i, &n);
    const qg_lex_entry *u = entry_with(sc, i + c, QG_DATE_UNIT);
    if (!u || !entry_with(sc, i + c + 1, QG_DATE_AGO))
        return false;
    if (c == 0 && !plural_unit(sc, i))
        return false; /* `day ago` is no expression */
    *f = (found){i, i + c + 2, 0, 0, 0, 0};
    if (!has_doc_date(sc->doc) || hedged || n <= 0 || n > 1000) {
        set_null(f);
        return true;
    }
    int64_t z = doc_days(sc->doc);
    switch (u->value) {
    case UNIT_DAY: set_day(f, z - n); break;
    case UNIT_MONTH: set_month(f, sc->doc->date.year, sc->doc->date.month, -n); break;
    case UNIT_YEAR: set_year(f, sc->doc->date.year - n); break;
    case UNIT_WEEK: set_week(f, z - 7 * (int64_t)n); break;
    default: set_null(f); /* decades are too coarse to count back */
    }
    return true;
}

/* Shifted month: last June, next March. */
static void resolve_shifted_month(const scan *sc, found *f, int32_t m, int32_t shift)
{
    if (!has_doc_date(sc->doc)) {
        f->m = m;
        f->y = f->d = 0;
        f->gran = QG_GRAN_NONE;
        return;
    }
    int32_t y = sc->doc->date.year, dm = sc->doc->date.month;
    if (shift < 0 && m >= dm)
        y--;
    else if (shift > 0 && m <= dm)
        y++;
    f->y = y;
    f->m = m;
    f->d = 0;
    f->gran = QG_GRAN_MONTH;
}

/* [det] shift (weekday | month | [count] unit): last month, the next months,
 * next Tuesday, last June. A determiner only comes along before a count or a
 * plural unit. */
static bool match_shift(const scan *sc, uint32_t i, found *f)
{
    bool det = plain_det(sc, i);
    uint32_t k = det ? i + 1 : i;
    const qg_lex_entry *s = entry_with(sc, k, QG_DATE_SHIFT);
    if (!s)
        return false;
    if (!det) {
        if (match_weekday(sc, k + 1, s->value, f)) {
            f->first = i;
            return true;
        }
        int32_t m = month_of(sc, k + 1);
        if (m) {
            *f = (found){i, k + 2, 0, 0, 0, 0};
            resolve_shifted_month(sc, f, m, s->value);
            return true;
        }
        if (entry_with(sc, k + 1, QG_DATE_SEASON)) { /* last fall, this spring: no value */
            *f = (found){i, k + 2, 0, 0, 0, 0};
            set_null(f);
            return true;
        }
    }
    int32_t n = 0;
    uint32_t c = entry_with(sc, k + 1, QG_DATE_UNIT) ? 0 : match_count(sc, k + 1, &n);
    const qg_lex_entry *u = entry_with(sc, k + 1 + c, QG_DATE_UNIT);
    if (!u || entry_with(sc, k + 2 + c, QG_DATE_AGO))
        return false;
    bool plural = plural_unit(sc, k + 1 + c);
    bool det_before = det || plain_det(sc, i - 1);
    if (det_before && !c && !plural)
        return false; /* the next day, the past year: tied to the story, or a duration */
    *f = (found){i, k + 2 + c, 0, 0, 0, 0};
    set_null(f);
    if (det || c || plural || !has_doc_date(sc->doc))
        return true;
    if (u->value == UNIT_WEEK)
        set_week(f, doc_days(sc->doc) + 7 * (int64_t)s->value);
    else if (u->value == UNIT_MONTH)
        set_month(f, sc->doc->date.year, sc->doc->date.month, s->value);
    else if (u->value == UNIT_YEAR)
        set_year(f, sc->doc->date.year + s->value);
    return true;
}

/* today, yesterday, last night (a multi-word form). Returns tokens used. */
static uint32_t match_dayrel(const scan *sc, uint32_t i, found *f)
{
    const qg_lex_entry *e = qg_rules_phrase(sc->ctx->rules, sc->doc, i, sc->end, QG_LEX_DATE);
    if (!e || !(e->attrs & QG_DATE_DAYREL))
        return 0;
    *f = (found){i, time_of_day(sc, i + e->ntok), 0, 0, 0, 0};
    if (has_doc_date(sc->doc))
        set_day(f, doc_days(sc->doc) + e->value);
    else
        set_null(f);
    return e->ntok;
}

/* Every expression shape but the modifiers, starting at I. */
static bool match_head(const scan *sc, uint32_t i, bool hedged, found *f)
{
    if (hedged)
        return match_ago(sc, i, true, f);
    return match_dayrel(sc, i, f) || match_numeric(sc, i, f) || match_weekday(sc, i, 2, f) ||
           match_month_first(sc, i, f) || match_day_first(sc, i, f) || match_shift(sc, i, f) ||
           match_ago(sc, i, false, f) || match_year(sc, i, f);
}

/* An optional modifier (early, late, more than) and a head. */
static bool match_at(const scan *sc, uint32_t i, found *f)
{
    const qg_lex_entry *p = qg_rules_phrase(sc->ctx->rules, sc->doc, i, sc->end, QG_LEX_DATE);
    if (p && (p->attrs & QG_DATE_PART) && p->value != 2 && i + p->ntok < sc->end &&
        match_head(sc, i + p->ntok, p->value == 1, f)) {
        f->first = i;
        return true;
    }
    return match_head(sc, i, false, f);
}

static void push_timex(qg_doc *doc, const found *f)
{
    qg_timex *t = QG_VEC_PUSH(doc->arena, doc->timexes);
    t->first = f->first;
    t->last = f->last;
    t->year = f->y;
    t->month = f->m;
    t->day = f->d;
    t->granularity = f->gran;
    t->rule = QG_R_DATE_EXPRESSION;
}

/* Every expression starts with a number, a word of rules/dates.txt (or of
 * one of its phrases) or a determiner (`these past weeks`); the other tokens,
 * most of them, skip the matchers. */
static bool may_start(const scan *sc, uint32_t i)
{
    const qg_token *t = tok(sc, i);
    return t->kind == QG_TOK_NUMBER || (t->lex & (QG_LEX_DATE | QG_LEX_PHRASE)) ||
           ((t->lex & QG_LEX_FUNCTION) && fn_attr(sc, i, QG_FN_DET));
}

/* One left-to-right pass per sentence; a match resumes after its end, and
 * every matcher looks at a bounded number of tokens, so the stage is linear. */
qg_status qg_stage_dates(qg_doc *doc, const qg_stage_ctx *ctx, qg_error *err)
{
    (void)err;
    for (uint32_t s = 0; s < doc->sentences.count; s++) {
        scan sc = {doc, ctx, doc->sentences.items[s].first, doc->sentences.items[s].last,
                   doc->sentences.items[s].first};
        for (uint32_t i = sc.first; i < sc.end;) {
            found f;
            if (may_start(&sc, i) && match_at(&sc, i, &f)) {
                push_timex(doc, &f);
                i = sc.floor = f.last;
            } else {
                i++;
            }
        }
    }
    return QG_OK;
}
