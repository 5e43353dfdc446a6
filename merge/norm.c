/* norm.c - how names and statement texts are compared across documents:
 * folded words for keys, word hashes for the near-duplicate test. */
#include "merge.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "doc.h"
#include "rules.h"

static bool is_apostrophe(utf8proc_int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032;
}

static bool is_word_char(utf8proc_int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

char *qg_merge_fold(const char *s, size_t len)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                          UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (n < 0) {
        /* Not valid UTF-8 (the JSON reader lets none through): bytes as they are. */
        free(mapped);
        mapped = malloc(len + 1);
        if (!mapped)
            return NULL;
        memcpy(mapped, s, len);
        n = (utf8proc_ssize_t)len;
    }
    char *out = malloc((size_t)n + 1);
    if (!out) {
        free(mapped);
        return NULL;
    }
    size_t o = 0;
    bool in_word = false, gap = false;
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(mapped + i, n - i, &c);
        if (k <= 0) {
            c = mapped[i];
            k = 1;
        }
        bool word = c >= 0x80 && k == 1 ? true : is_word_char(c);
        if (word) {
            if (gap && o > 0)
                out[o++] = ' ';
            gap = false;
            memcpy(out + o, mapped + i, (size_t)k);
            o += (size_t)k;
            in_word = true;
        } else if (!(in_word && is_apostrophe(c) && i + k < n)) {
            /* "country's" stays one word; any other mark ends it. */
            gap = true;
            in_word = false;
        }
        i += k;
    }
    out[o] = '\0';
    free(mapped);
    return out;
}

/* Words of NAME split at blanks, as rules keys are written: "Brig. Gen.". */
static size_t split_blank(const char *name, const char **w, size_t *wl, size_t max)
{
    size_t n = 0;
    for (const char *p = name; *p && n < max;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        const char *q = p;
        while (*q && *q != ' ' && *q != '\t' && *q != '\n')
            q++;
        w[n] = p;
        wl[n++] = (size_t)(q - p);
        p = q;
    }
    return n;
}

#define MAX_NAME_WORDS 32
#define MAX_TITLE_WORDS 4

char *qg_merge_person_key(const qg_rules *rules, const char *name)
{
    const char *w[MAX_NAME_WORDS];
    size_t wl[MAX_NAME_WORDS];
    size_t n = split_blank(name, w, wl, MAX_NAME_WORDS), first = 0;
    while (rules && first + 1 < n) {
        /* The longest honorific or title at the front, one word left over. */
        size_t strip = 0;
        for (size_t k = n - first - 1 < MAX_TITLE_WORDS ? n - first - 1 : MAX_TITLE_WORDS; k >= 1;
             k--) {
            const char *end = w[first + k - 1] + wl[first + k - 1];
            uint32_t lex = 0;
            qg_rules_word(rules, w[first], (size_t)(end - w[first]), &lex);
            if (lex & (QG_LEX_HONORIFIC | QG_LEX_TITLE)) {
                strip = k;
                break;
            }
        }
        if (!strip)
            break;
        first += strip;
    }
    if (n == 0)
        return qg_merge_fold(name, strlen(name));
    return qg_merge_fold(w[first], strlen(w[first]));
}

bool qg_merge_proper_name(const qg_rules *rules, const char *name)
{
    bool upper = false;
    for (const char *p = name; *p && !upper;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &c);
        if (k <= 0)
            return false;
        utf8proc_category_t cat = utf8proc_category(c);
        upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        p += k;
    }
    uint32_t lex = 0;
    if (upper && rules && !strpbrk(name, " \t"))
        qg_rules_word(rules, name, strlen(name), &lex);
    return upper && !(lex & QG_LEX_PRONOUN);
}

char *qg_merge_org_key(const char *name)
{
    char *k = qg_merge_fold(name, strlen(name));
    if (k && strncmp(k, "the ", 4) == 0)
        memmove(k, k + 4, strlen(k + 4) + 1);
    return k;
}

static uint64_t fnv1a(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

int qg_merge_word_hashes(const char *folded, uint64_t **out, size_t *n)
{
    size_t count = 0;
    *out = NULL;
    *n = 0;
    for (const char *p = folded; *p; p++)
        if (*p != ' ' && (p == folded || p[-1] == ' '))
            count++;
    if (!count)
        return 0;
    uint64_t *h = malloc(count * sizeof *h);
    if (!h)
        return -1;
    size_t i = 0;
    for (const char *p = folded; *p;) {
        const char *q = strchr(p, ' ');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        h[i++] = fnv1a(p, len);
        p += len;
        while (*p == ' ')
            p++;
    }
    *out = h;
    *n = count;
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Words of the shorter text found in the longer, as multisets. */
static size_t overlap(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    uint64_t small_a[64], small_b[64];
    uint64_t *sa = na <= 64 ? small_a : malloc(na * sizeof *sa);
    uint64_t *sb = nb <= 64 ? small_b : malloc(nb * sizeof *sb);
    size_t common = 0;
    if (sa && sb) {
        memcpy(sa, a, na * sizeof *sa);
        memcpy(sb, b, nb * sizeof *sb);
        qsort(sa, na, sizeof *sa, cmp_u64);
        qsort(sb, nb, sizeof *sb, cmp_u64);
        for (size_t i = 0, j = 0; i < na && j < nb;) {
            if (sa[i] == sb[j]) {
                common++;
                i++;
                j++;
            } else if (sa[i] < sb[j]) {
                i++;
            } else {
                j++;
            }
        }
    }
    if (sa != small_a)
        free(sa);
    if (sb != small_b)
        free(sb);
    return common;
}

bool qg_merge_same_statement(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    if (na > nb) {
        const uint64_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if (na < QG_MERGE_MIN_TOKENS || na * 100 < nb * QG_MERGE_LENGTH_PCT)
        return false;
    if (na == nb && memcmp(a, b, na * sizeof *a) == 0)
        return true;
    return overlap(a, na, b, nb) * 100 >= na * QG_MERGE_OVERLAP_PCT;
}
