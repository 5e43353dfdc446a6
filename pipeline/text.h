/* text.h - UTF-8 helpers shared by the stages: validation, decoding and the
 * character classes tokenizing needs, all through utf8proc. */
#ifndef QG_TEXT_H
#define QG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Byte offset of the first invalid UTF-8 sequence in S[0..len), or -1. */
long qg_utf8_validate(const char *s, size_t len);

/* Copies S[0..len) to OUT (room for 3 * len bytes), each ill-formed
 * sequence's maximal subpart replaced by U+FFFD, as Python's
 * bytes.decode("utf-8", errors="replace") does, so that code point offsets
 * agree with it. Returns the bytes written; *REPLACED counts the U+FFFDs. */
size_t qg_utf8_replace(const char *s, size_t len, char *out, size_t *replaced);

/* Decodes the code point at S[i] (valid UTF-8 assumed) into *CP and returns
 * its length in bytes (1-4). The ASCII case is inline because every stage
 * calls this per character; the rest goes through utf8proc. */
int qg_utf8_decode_multi(const char *s, size_t len, size_t i, int32_t *cp);

static inline int qg_utf8_decode(const char *s, size_t len, size_t i, int32_t *cp)
{
    if ((unsigned char)s[i] < 0x80) { /* most of English news */
        *cp = (unsigned char)s[i];
        return 1;
    }
    return qg_utf8_decode_multi(s, len, i, cp);
}

/* Character classes of code points at or above 0x80 (utf8proc categories);
 * the inline wrappers below answer ASCII themselves. */
bool qg_cp_is_letter_multi(int32_t cp);
bool qg_cp_is_upper_multi(int32_t cp);
bool qg_cp_is_lower_multi(int32_t cp);
bool qg_cp_is_digit_multi(int32_t cp);
bool qg_cp_is_space_multi(int32_t cp);

static inline bool qg_cp_is_letter(int32_t cp)
{
    return cp < 0x80 ? (cp | 32) >= 'a' && (cp | 32) <= 'z' : qg_cp_is_letter_multi(cp);
}

static inline bool qg_cp_is_upper(int32_t cp)
{
    return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : qg_cp_is_upper_multi(cp);
}

static inline bool qg_cp_is_lower(int32_t cp)
{
    return cp < 0x80 ? cp >= 'a' && cp <= 'z' : qg_cp_is_lower_multi(cp);
}

static inline bool qg_cp_is_digit(int32_t cp)
{
    return cp < 0x80 ? cp >= '0' && cp <= '9' : qg_cp_is_digit_multi(cp);
}

/* Includes U+00A0 and the other Zs spaces. */
static inline bool qg_cp_is_space(int32_t cp)
{
    return cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : qg_cp_is_space_multi(cp);
}

/* Quotation mark classes (apostrophe-like marks count as single quotes). */
bool qg_cp_is_double_quote(int32_t cp);
bool qg_cp_is_single_quote(int32_t cp);

#endif
