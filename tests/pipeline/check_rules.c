/* check_rules.c - tests of the rules loader (pipeline/rules.c): the real
 * rules, word and phrase lookups, case-exact entries, folding, canonical
 * names, attributes and values, patterns, the digest, and broken rule files
 * (each a copy of the real rules with one file corrupted) rejected with the
 * file, line, column and a clear message. */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_util.h"
#include "rules.h"

/* ---- a temporary copy of the rules directory ---- */

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    ck_assert_msg(in != NULL, "open %s", from);
    FILE *out = fopen(to, "wb");
    ck_assert_msg(out != NULL, "create %s", to);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ck_assert(fwrite(buf, 1, n, out) == n);
    fclose(in);
    ck_assert(fclose(out) == 0);
}

/* Copies every file of the real rules directory into a new temporary
 * directory, whose path goes to DIR (capacity 256). */
static void copy_rules(char *dir)
{
    snprintf(dir, 256, "%s", "/tmp/qg-rules-XXXXXX");
    ck_assert(mkdtemp(dir) != NULL);
    DIR *d = opendir(QG_DEFAULT_RULES_DIR);
    ck_assert(d != NULL);
    struct dirent *e;
    int copied = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char from[1024], to[1024];
        snprintf(from, sizeof from, "%s/%s", QG_DEFAULT_RULES_DIR, e->d_name);
        snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
        copy_file(from, to);
        copied++;
    }
    closedir(d);
    ck_assert_int_ge(copied, 12);
}

static void remove_rules(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert(d != NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    ck_assert(rmdir(dir) == 0);
}

/* Appends LINE to FILE in DIR and returns its line number. */
static int append_line(const char *dir, const char *file, const char *line)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "rb");
    ck_assert(f != NULL);
    int lines = 0, c, last = '\n';
    while ((c = fgetc(f)) != EOF) {
        if (c == '\n')
            lines++;
        last = c;
    }
    fclose(f);
    f = fopen(path, "ab");
    ck_assert(f != NULL);
    if (last != '\n') {
        fputc('\n', f);
        lines++;
    }
    fprintf(f, "%s\n", line);
    ck_assert(fclose(f) == 0);
    return lines + 1;
}

/* Replaces FILE in DIR with CONTENT. */
static void write_file(const char *dir, const char *file, const char *content)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "wb");
    ck_assert(f != NULL);
    fputs(content, f);
    ck_assert(fclose(f) == 0);
}

/* Does ERR name FILE (its last path component)? */
static bool names_file(const qg_error *err, const char *file)
{
    const char *base = strrchr(err->file, '/');
    base = base ? base + 1 : err->file;
    return strcmp(base, file) == 0;
}

/* Loads DIR, which must fail with FILE:LINE (and COLUMN unless 0) and a
 * message containing WANT; then removes DIR. */
static void expect_broken(const char *dir, const char *file, int line, int column, const char *want)
{
    qg_error err = {0};
    qg_rules *r = qg_rules_load(dir, &err);
    if (r)
        qg_rules_free(r);
    remove_rules(dir);
    ck_assert_msg(r == NULL, "broken %s loaded", file);
    ck_assert_int_eq(err.status, QG_ERR_RULES);
    ck_assert_msg(names_file(&err, file), "error names '%s', want %s", err.file, file);
    ck_assert_msg(err.line == line, "%s: line %d, want %d (%s)", file, err.line, line, err.message);
    if (column)
        ck_assert_msg(err.column == column, "%s:%d: column %d, want %d (%s)", file, line, err.column, column,
                      err.message);
    ck_assert_msg(strstr(err.message, want) != NULL, "message '%s' lacks '%s'", err.message, want);
}

/* ---- the real rules ---- */

START_TEST(real_rules_load)
{
    qg_error err = {0};
    qg_rules *r = qg_rules_load(QG_DEFAULT_RULES_DIR, &err);
    ck_assert_msg(r != NULL, "%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    const char *digest = qg_rules_digest(r);
    ck_assert_uint_eq(strlen(digest), 16);
    ck_assert_uint_eq(strspn(digest, "0123456789abcdef"), 16);
    /* Loading is deterministic. */
    ck_assert_str_eq(digest, qg_rules_digest(test_rules()));
    qg_rules_free(r);
    qg_rules_free(NULL);
}
END_TEST

START_TEST(word_lookup)
{
    const qg_rules *r = test_rules();
    uint32_t lex = 0;
    uint32_t said = qg_rules_word(r, "said", 4, &lex);
    ck_assert_uint_ne(said, QG_NONE);
    ck_assert(lex & QG_LEX_CUE);
    ck_assert_uint_eq(qg_rules_word(r, "SAID", 4, &lex), said);
    ck_assert_uint_eq(qg_rules_word(r, "Said", 4, &lex), said);
    ck_assert(lex & QG_LEX_CUE);
    /* Only LEN bytes count. */
    ck_assert_uint_eq(qg_rules_word(r, "saidx", 4, &lex), said);
    lex = 123;
    ck_assert_uint_eq(qg_rules_word(r, "zzqxv", 5, &lex), QG_NONE);
    ck_assert_uint_eq(lex, 0);
    ck_assert_uint_eq(qg_rules_word(r, "", 0, &lex), QG_NONE);
    qg_rules_word(r, "Gen.", 4, &lex);
    ck_assert(lex & QG_LEX_HONORIFIC);
    qg_rules_word(r, "officials", 9, &lex);
    ck_assert(lex & QG_LEX_GROUP);
    qg_rules_word(r, "he", 2, &lex);
    ck_assert(lex & QG_LEX_PRONOUN);
    qg_rules_word(r, "the", 3, &lex);
    ck_assert(lex & QG_LEX_FUNCTION);
    /* A word that starts a multi-word form. */
    qg_rules_word(r, "according", 9, &lex);
    ck_assert(lex & QG_LEX_PHRASE);
}
END_TEST

START_TEST(case_exact_entries)
{
    const qg_rules *r = test_rules();
    qg_doc *doc = run_stages("The US and us, I and i, March and march.", NULL, "tokenize");
    /* tokens: The US and us , I and i , March and march . */
    const qg_lex_entry *us = qg_rules_tok(r, doc, 1, QG_LEX_ORG);
    ck_assert_ptr_nonnull(us);
    ck_assert(us->exact_case);
    ck_assert(us->attrs & QG_ORG_COUNTRY);
    ck_assert_str_eq(qg_rules_str(r, us->canon), "United States");
    /* "us" folds to the same key but the entry wants its case. */
    ck_assert_uint_eq(doc->tokens.items[3].word, doc->tokens.items[1].word);
    ck_assert_ptr_null(qg_rules_tok(r, doc, 3, QG_LEX_ORG));
    ck_assert_ptr_nonnull(qg_rules_tok(r, doc, 5, QG_LEX_PRONOUN));
    ck_assert_ptr_null(qg_rules_tok(r, doc, 7, QG_LEX_PRONOUN));
    const qg_lex_entry *march = qg_rules_tok(r, doc, 9, QG_LEX_DATE);
    ck_assert_ptr_nonnull(march);
    ck_assert_ptr_null(qg_rules_tok(r, doc, 11, QG_LEX_DATE));
    /* A class the word is not in. */
    ck_assert_ptr_null(qg_rules_tok(r, doc, 1, QG_LEX_CUE));
    qg_doc_free(doc);
}
END_TEST

START_TEST(folding)
{
    char out[64];
    ck_assert_uint_eq(qg_fold("Iran\xE2\x80\x99s", 8, out, sizeof out), 6);
    ck_assert_str_eq(out, "iran's");
    ck_assert_uint_eq(qg_fold("\xE2\x80\x98Tis", 6, out, sizeof out), 4);
    ck_assert_str_eq(out, "'tis");
    /* Non-ASCII case folding and NFC: É + combining acute. */
    size_t n = qg_fold("\xC3\x89LYS\xC3\x89" "E", 8, out, sizeof out);
    ck_assert_str_eq(out, "\xC3\xA9lys\xC3\xA9" "e");
    ck_assert_uint_eq(n, 8);
    n = qg_fold("Cafe\xCC\x81", 6, out, sizeof out);
    ck_assert_str_eq(out, "caf\xC3\xA9");
    ck_assert_uint_eq(n, 5);
    /* Too small a buffer: 0. */
    ck_assert_uint_eq(qg_fold("abcdef", 6, out, 4), 0);
    /* Curly apostrophes find the straight forms of the files. */
    const qg_rules *r = test_rules();
    uint32_t lex = 0;
    const char *govt = "Gov\xE2\x80\x99t.";
    uint32_t curly = qg_rules_word(r, govt, strlen(govt), &lex);
    ck_assert(lex & QG_LEX_ABBREV);
    ck_assert_uint_eq(curly, qg_rules_word(r, "Gov't.", 6, &lex));
    qg_rules_word(r, "n\xE2\x80\x99t", 5, &lex);
    ck_assert(lex & QG_LEX_FUNCTION);
}
END_TEST

START_TEST(phrases)
{
    const qg_rules *r = test_rules();
    qg_doc *doc = run_stages("Rear Admiral Sayyari said, according to the chief of staff.", NULL, "tokenize");
    /* Rear(0) Admiral(1) Sayyari(2) said(3) ,(4) according(5) to(6) the(7) chief(8) of(9) staff(10) .(11) */
    uint32_t n = doc->tokens.count;
    const qg_lex_entry *e = qg_rules_phrase(r, doc, 0, n, QG_LEX_HONORIFIC);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->ntok, 2);
    ck_assert_str_eq(e->form, "Rear Admiral");
    ck_assert(e->attrs & QG_HON_MILITARY);
    /* LIMIT cuts the phrase. */
    ck_assert_ptr_null(qg_rules_phrase(r, doc, 0, 1, QG_LEX_HONORIFIC));
    e = qg_rules_phrase(r, doc, 5, n, QG_LEX_CUE);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->ntok, 2);
    ck_assert(e->attrs & QG_CUE_PREP);
    /* The longest form wins; with a limit the single word. */
    e = qg_rules_phrase(r, doc, 8, n, QG_LEX_TITLE);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->ntok, 3);
    ck_assert(e->attrs & QG_TITLE_MILITARY);
    e = qg_rules_phrase(r, doc, 8, 9, QG_LEX_TITLE);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->ntok, 1);
    /* A single-word entry through the phrase lookup. */
    e = qg_rules_phrase(r, doc, 3, n, QG_LEX_CUE);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->ntok, 1);
    ck_assert_ptr_null(qg_rules_phrase(r, doc, 2, n, QG_LEX_CUE));
    qg_doc_free(doc);
}
END_TEST

START_TEST(canonical_names)
{
    const qg_rules *r = test_rules();
    qg_doc *doc = run_stages("Washington and The Associated Press and Reuters", NULL, "tokenize");
    const qg_lex_entry *w = qg_rules_tok(r, doc, 0, QG_LEX_ORG);
    ck_assert_ptr_nonnull(w);
    ck_assert(w->attrs & QG_ORG_METONYM);
    ck_assert_str_eq(qg_rules_str(r, w->canon), "United States");
    const qg_lex_entry *ap = qg_rules_phrase(r, doc, 2, doc->tokens.count, QG_LEX_ORG);
    ck_assert_ptr_nonnull(ap);
    ck_assert_uint_eq(ap->ntok, 3);
    ck_assert(ap->attrs & QG_ORG_OUTLET);
    ck_assert_str_eq(qg_rules_str(r, ap->canon), "Associated Press");
    const qg_lex_entry *reuters = qg_rules_tok(r, doc, 6, QG_LEX_ORG);
    ck_assert_ptr_nonnull(reuters);
    ck_assert_uint_eq(reuters->canon, QG_NONE);
    /* The origin names file and line. */
    ck_assert_msg(strncmp(qg_rules_str(r, w->origin), "organizations.txt:", 18) == 0, "origin %s",
                  qg_rules_str(r, w->origin));
    ck_assert_str_eq(qg_rules_str(r, UINT32_MAX - 1), "");
    qg_doc_free(doc);
}
END_TEST

START_TEST(attributes_and_values)
{
    const qg_rules *r = test_rules();
    qg_doc *doc = run_stages("March yesterday say said saying", NULL, "tokenize");
    const qg_lex_entry *m = qg_rules_tok(r, doc, 0, QG_LEX_DATE);
    ck_assert_ptr_nonnull(m);
    ck_assert(m->attrs & QG_DATE_MONTH);
    ck_assert_int_eq(m->value, 3);
    const qg_lex_entry *y = qg_rules_tok(r, doc, 1, QG_LEX_DATE);
    ck_assert_ptr_nonnull(y);
    ck_assert(y->attrs & QG_DATE_DAYREL);
    ck_assert_int_eq(y->value, -1);
    /* The loader marks the base form and -ing forms of cues. */
    const qg_lex_entry *say = qg_rules_tok(r, doc, 2, QG_LEX_CUE);
    const qg_lex_entry *said = qg_rules_tok(r, doc, 3, QG_LEX_CUE);
    const qg_lex_entry *saying = qg_rules_tok(r, doc, 4, QG_LEX_CUE);
    ck_assert(say && said && saying);
    ck_assert(say->attrs & QG_CUE_BASE);
    ck_assert(!(said->attrs & QG_CUE_BASE));
    ck_assert(said->attrs & QG_CUE_CLAUSE);
    ck_assert(saying->attrs & QG_CUE_ING);
    ck_assert(!(said->attrs & QG_CUE_ING));
    qg_doc_free(doc);
}
END_TEST

START_TEST(patterns)
{
    const qg_rules *r = test_rules();
    const char *names[] = {"metadata_date", "url", "dateline", "iso_date", "numeric_date"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        ck_assert_msg(qg_rules_pattern(r, names[k]) != NULL, "pattern %s missing", names[k]);
    ck_assert_ptr_null(qg_rules_pattern(r, "no_such_pattern"));
    pcre2_match_data *md = pcre2_match_data_create(8, NULL);
    const char *s = "2019-06-02";
    ck_assert_int_eq(pcre2_match(qg_rules_pattern(r, "iso_date"), (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL), 4);
    s = "2019-6-02";
    ck_assert_int_lt(pcre2_match(qg_rules_pattern(r, "iso_date"), (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL), 0);
    s = "https://x.org/a";
    ck_assert_int_ge(pcre2_match(qg_rules_pattern(r, "url"), (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL), 1);
    pcre2_match_data_free(md);
}
END_TEST

/* The listing accessors: patterns in file order with their lines, entries
 * in line order with their origins (quotegraph rules list). */
START_TEST(listing_origins)
{
    char dir[256];
    copy_rules(dir);
    int pline = append_line(dir, "patterns.txt", "zz_listed   ^zz$");
    int lline = append_line(dir, "cues.txt", "zzsay | zzsays ; clause");
    qg_error err = {0};
    qg_rules *r = qg_rules_load(dir, &err);
    ck_assert_msg(r != NULL, "copy: %s", err.message);
    uint32_t np = qg_rules_pattern_count(r);
    ck_assert_uint_ge(np, 7);
    const char *origin;
    ck_assert_str_eq(qg_rules_pattern_name(r, 0, &origin), "metadata_date");
    ck_assert_str_eq(qg_rules_pattern_name(r, np - 1, &origin), "zz_listed");
    char want[64];
    snprintf(want, sizeof want, "patterns.txt:%d", pline);
    ck_assert_str_eq(origin, want);

    snprintf(want, sizeof want, "cues.txt:%d", lline);
    uint32_t n = qg_rules_entry_count(r), found = 0;
    for (uint32_t i = 0; i < n; i++) {
        const qg_lex_entry *e = qg_rules_entry(r, i);
        if (strcmp(qg_rules_str(r, e->origin), want) != 0)
            continue;
        /* the forms of one line, consecutive and in written order */
        ck_assert_str_eq(e->form, found ? "zzsays" : "zzsay");
        ck_assert_uint_eq(e->cls, QG_LEX_CUE);
        found++;
        if (found == 2)
            ck_assert_str_eq(qg_rules_str(r, qg_rules_entry(r, i - 1)->origin), want);
    }
    ck_assert_uint_eq(found, 2);
    qg_rules_free(r);
    remove_rules(dir);
}
END_TEST

START_TEST(digest_follows_files)
{
    char dir[256];
    copy_rules(dir);
    qg_error err = {0};
    qg_rules *same = qg_rules_load(dir, &err);
    ck_assert_msg(same != NULL, "copy: %s", err.message);
    ck_assert_str_eq(qg_rules_digest(same), qg_rules_digest(test_rules()));
    qg_rules_free(same);
    append_line(dir, "cues.txt", "# a comment changes the digest");
    qg_rules *changed = qg_rules_load(dir, &err);
    ck_assert_msg(changed != NULL, "copy with comment: %s", err.message);
    ck_assert_str_ne(qg_rules_digest(changed), qg_rules_digest(test_rules()));
    qg_rules_free(changed);
    remove_rules(dir);
}
END_TEST

/* ---- broken rule files ---- */

START_TEST(broken_unknown_attribute)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "cues.txt", "blurt | blurts ; clause bogus");
    expect_broken(dir, "cues.txt", line, 25, "unknown attribute 'bogus'");
}
END_TEST

START_TEST(broken_loader_only_attribute)
{
    /* -ing is set by the loader; a file cannot write it. */
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "cues.txt", "blurting ; -ing");
    expect_broken(dir, "cues.txt", line, 12, "unknown attribute '-ing'");
}
END_TEST

START_TEST(broken_attribute_in_plain_list)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "abbreviations.txt", "Xyz. ; male");
    expect_broken(dir, "abbreviations.txt", line, 8, "unknown attribute 'male'");
}
END_TEST

START_TEST(broken_empty_form)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "titles.txt", "alpha | | beta ; political");
    expect_broken(dir, "titles.txt", line, 9, "empty form");
}
END_TEST

START_TEST(broken_empty_first_form)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "groups.txt", "  ; plural");
    expect_broken(dir, "groups.txt", line, 3, "empty form"); /* columns count from the line start */
}
END_TEST

START_TEST(broken_arrow_without_name)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "organizations.txt", "Foo Corp => ; org");
    expect_broken(dir, "organizations.txt", line, 10, "'=>' needs a canonical name");
}
END_TEST

START_TEST(broken_bad_number)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "dates.txt", "Brumaire ; month=x3");
    expect_broken(dir, "dates.txt", line, 18, "'x3' is not a number");
}
END_TEST

START_TEST(broken_missing_number)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "dates.txt", "Brumaire ; month=");
    expect_broken(dir, "dates.txt", line, 12, "needs a number after =");
}
END_TEST

START_TEST(broken_number_out_of_range)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "dates.txt", "Brumaire ; month=99999999999");
    expect_broken(dir, "dates.txt", line, 18, "not a number in range");
}
END_TEST

START_TEST(broken_duplicate_form)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "pronouns.txt", "he ; male");
    expect_broken(dir, "pronouns.txt", line, 1, "duplicate form 'he' (first at pronouns.txt:");
}
END_TEST

START_TEST(broken_duplicate_in_one_line)
{
    /* Forms compare folded: Zork and zork are one form. */
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "first_names.txt", "Zork | zork ; male");
    expect_broken(dir, "first_names.txt", line, 8, "duplicate form 'zork'");
}
END_TEST

START_TEST(broken_too_many_words)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "groups.txt", "a b c d e f g h i ; plural");
    expect_broken(dir, "groups.txt", line, 1, "at most 8 words");
}
END_TEST

START_TEST(broken_invalid_utf8)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "modifiers.txt", "caf\xC3( | other");
    expect_broken(dir, "modifiers.txt", line, 4, "invalid UTF-8");
}
END_TEST

START_TEST(broken_missing_file)
{
    char dir[256];
    copy_rules(dir);
    char path[1024];
    snprintf(path, sizeof path, "%s/honorifics.txt", dir);
    ck_assert(unlink(path) == 0);
    expect_broken(dir, "honorifics.txt", 0, 0, "cannot open");
}
END_TEST

START_TEST(broken_missing_directory)
{
    qg_error err = {0};
    ck_assert_ptr_null(qg_rules_load("/nonexistent/qg-rules", &err));
    ck_assert_int_eq(err.status, QG_ERR_RULES);
    ck_assert(strstr(err.file, "/nonexistent/qg-rules/") == err.file);
    ck_assert_ptr_nonnull(strstr(err.message, "cannot open"));
}
END_TEST

START_TEST(broken_bad_regex)
{
    char dir[256];
    copy_rules(dir);
    /* "broken   (abc": the pattern starts at column 10; the error is at its end. */
    int line = append_line(dir, "patterns.txt", "broken   (abc");
    qg_error err = {0};
    qg_rules *r = qg_rules_load(dir, &err);
    ck_assert_ptr_null(r);
    ck_assert(names_file(&err, "patterns.txt"));
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(err.column >= 10 && err.column <= 14, "column %d", err.column);
    ck_assert_ptr_nonnull(strstr(err.message, "bad pattern"));
    ck_assert_ptr_nonnull(strstr(err.message, "parenthesis"));
    remove_rules(dir);
    /* An error in the middle of a pattern points into it. */
    copy_rules(dir);
    line = append_line(dir, "patterns.txt", "alsobad  a{2,1}b");
    expect_broken(dir, "patterns.txt", line, 15, "bad pattern");
}
END_TEST

START_TEST(broken_pattern_without_pattern)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "patterns.txt", "lonely");
    expect_broken(dir, "patterns.txt", line, 7, "expected: NAME PATTERN");
}
END_TEST

START_TEST(broken_duplicate_pattern)
{
    char dir[256];
    copy_rules(dir);
    int line = append_line(dir, "patterns.txt", "url   x+");
    expect_broken(dir, "patterns.txt", line, 1, "pattern 'url' defined twice");
}
END_TEST

/* Nested repetition that explodes on a plain run of letters is refused at
 * load time, not left to fail document after document at the match limit. */
START_TEST(broken_backtracking_pattern)
{
    static const char *const evil[] = {"(a+)+$", "(x+x+)+y", "(a|aa)+$", "^(\\d+)*$",
                                       "(\\w+\\s?)+\\.$"};
    for (size_t k = 0; k < sizeof evil / sizeof evil[0]; k++) {
        char dir[256], line_text[128];
        copy_rules(dir);
        snprintf(line_text, sizeof line_text, "evil   %s", evil[k]);
        int line = append_line(dir, "patterns.txt", line_text);
        expect_broken(dir, "patterns.txt", line, 8, "backtracks catastrophically");
    }
}
END_TEST

START_TEST(broken_nul_byte)
{
    char dir[256];
    copy_rules(dir);
    char path[1024];
    snprintf(path, sizeof path, "%s/titles.txt", dir);
    FILE *f = fopen(path, "wb");
    ck_assert(f != NULL);
    static const char text[] = "# titles\nchief\0officer ; generic\n";
    fwrite(text, 1, sizeof text - 1, f);
    ck_assert(fclose(f) == 0);
    expect_broken(dir, "titles.txt", 2, 6, "NUL byte");
}
END_TEST

/* A byte order mark is skipped: the first line stays a comment, not a form. */
START_TEST(bom_is_skipped)
{
    char dir[256];
    copy_rules(dir);
    write_file(dir, "modifiers.txt", "\xef\xbb\xbf# modifiers\nformer\n");
    qg_error err = {0};
    qg_rules *r = qg_rules_load(dir, &err);
    remove_rules(dir);
    ck_assert_msg(r != NULL, "%s", err.message);
    uint32_t lex = 0;
    ck_assert_uint_ne(qg_rules_word(r, "former", 6, &lex), QG_NONE);
    ck_assert_uint_eq(qg_rules_word(r, "\xef\xbb\xbf#", 4, &lex), QG_NONE);
    qg_rules_free(r);
}
END_TEST

START_TEST(broken_missing_required_pattern)
{
    char dir[256];
    copy_rules(dir);
    write_file(dir, "patterns.txt",
               "# only some patterns\n"
               "metadata_date   date[ \\t]+(\\d{4}-\\d{2}-\\d{2})(?:[ \\t]*\\R|[ \\t]+|$)\n"
               "dateline        ^[A-Z]+\n"
               "iso_date        ^(\\d{4})-(\\d{2})-(\\d{2})$\n"
               "numeric_date    ^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})$\n");
    expect_broken(dir, "patterns.txt", 0, 0, "required pattern 'url' is missing");
}
END_TEST

static Suite *rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *real = tcase_create("real");
    tcase_add_test(real, real_rules_load);
    tcase_add_test(real, word_lookup);
    tcase_add_test(real, case_exact_entries);
    tcase_add_test(real, folding);
    tcase_add_test(real, phrases);
    tcase_add_test(real, canonical_names);
    tcase_add_test(real, attributes_and_values);
    tcase_add_test(real, patterns);
    tcase_add_test(real, digest_follows_files);
    tcase_add_test(real, listing_origins);
    suite_add_tcase(s, real);
    TCase *broken = tcase_create("broken");
    tcase_add_test(broken, broken_unknown_attribute);
    tcase_add_test(broken, broken_loader_only_attribute);
    tcase_add_test(broken, broken_attribute_in_plain_list);
    tcase_add_test(broken, broken_empty_form);
    tcase_add_test(broken, broken_empty_first_form);
    tcase_add_test(broken, broken_arrow_without_name);
    tcase_add_test(broken, broken_bad_number);
    tcase_add_test(broken, broken_missing_number);
    tcase_add_test(broken, broken_number_out_of_range);
    tcase_add_test(broken, broken_duplicate_form);
    tcase_add_test(broken, broken_duplicate_in_one_line);
    tcase_add_test(broken, broken_too_many_words);
    tcase_add_test(broken, broken_invalid_utf8);
    tcase_add_test(broken, broken_missing_file);
    tcase_add_test(broken, broken_missing_directory);
    tcase_add_test(broken, broken_bad_regex);
    tcase_add_test(broken, broken_pattern_without_pattern);
    tcase_add_test(broken, broken_duplicate_pattern);
    tcase_add_test(broken, broken_missing_required_pattern);
    tcase_add_test(broken, broken_backtracking_pattern);
    tcase_add_test(broken, broken_nul_byte);
    tcase_add_test(real, bom_is_skipped);
    suite_add_tcase(s, broken);
    return s;
}

QG_CHECK_MAIN(rules_suite)
