/* text.c - UTF-8 validation and character classes. */
#include "text.h"

#include <string.h>

#include <utf8proc.h>

/* The length of the well-formed sequence at U[i] (*VALID set), else of its
 * maximal subpart: the longest start of a well-formed sequence present,
 * at least one byte (Unicode 3.9, Table 3-7; what Python's
 * bytes.decode(errors="replace") replaces by one U+FFFD). */
static size_t utf8_sequence(const unsigned char *u, size_t len, size_t i, bool *valid)
{
    unsigned char c = u[i];
    unsigned char lo = 0x80, hi = 0xBF;
    size_t n;
    *valid = false;
    if (c < 0x80) {
        *valid = true;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4;
    else
        return 1;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    size_t k = 1;
    for (; k < n && i + k < len; k++) {
        unsigned char b = u[i + k];
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
            return k;
    }
    *valid = k == n;
    return k;
}

size_t qg_utf8_replace(const char *s, size_t len, char *out, size_t *replaced)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0;
    *replaced = 0;
    while (i < len) {
        bool valid;
        size_t n = utf8_sequence(u, len, i, &valid);
        if (valid) {
            for (size_t k = 0; k < n; k++)
                out[o++] = s[i + k];
        } else {
            out[o++] = (char)0xEF; /* U+FFFD */
            out[o++] = (char)0xBF;
            out[o++] = (char)0xBD;
            (*replaced)++;
        }
        i += n;
    }
    return o;
}

long qg_utf8_validate(const char *s, size_t len)
{
    size_t i = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (i < len) {
        unsigned char c = u[i];
        if (c < 0x80) {
            /* ASCII runs eight bytes at a time. */
            uint64_t x;
            i++;
            while (i + 8 <= len && (memcpy(&x, u + i, 8), (x & 0x8080808080808080ull) == 0))
                i += 8;
            continue;
        }
        size_t n;
        int32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
        } else {
            return (long)i;
        }
        if (i + n > len)
            return (long)i;
        for (size_t k = 1; k < n; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return (long)i;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        /* Overlong forms, surrogates and values past U+10FFFF are invalid. */
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return (long)i;
        i += n;
    }
    return -1;
}

int qg_utf8_decode_multi(const char *s, size_t len, size_t i, int32_t *cp)
{
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (int)n;
}

bool qg_cp_is_letter_multi(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_MN; /* L* and Mn (combining marks) */
}

bool qg_cp_is_upper_multi(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool qg_cp_is_lower_multi(int32_t cp)
{
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool qg_cp_is_digit_multi(int32_t cp)
{
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool qg_cp_is_space_multi(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
           cp == 0x85 || cp == 0xFEFF;
}

bool qg_cp_is_double_quote(int32_t cp)
{
    switch (cp) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
        return true;
    default:
        return false;
    }
}

bool qg_cp_is_single_quote(int32_t cp)
{
    switch (cp) {
    case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2039: case 0x203A: case 0x2032: case 0x0060: case 0x00B4:
        return true;
    default:
        return false;
    }
}
