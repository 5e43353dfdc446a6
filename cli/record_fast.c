/* record_fast.c - the common shape of a --jsonl input record, parsed
 * without building a JSON tree.
 *
 * Archives arrive as millions of flat objects such as
 * {"id": "ap-1", "text": "...", "date": "2019-06-02", "url": "..."}, and a
 * general parser spends most of its time copying "text" through a string
 * buffer. This parser accepts only flat objects whose values are strings,
 * integers, null, true or false, each key once, and decodes the strings
 * straight into one buffer. Anything else (nesting, reals, invalid UTF-8,
 * lone surrogates, duplicate keys, errors of any kind) returns "not handled"
 * and the caller parses the line with jansson, which gives the exact
 * message. So the fast path changes speed, never results. */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "text.h"

typedef struct {
    const char *p, *end;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static int hex4(const char *p, const char *end, unsigned *out)
{
    if (end - p < 4)
        return -1;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char h = p[i];
        v <<= 4;
        if (h >= '0' && h <= '9')
            v |= (unsigned)(h - '0');
        else if ((h | 32) >= 'a' && (h | 32) <= 'f')
            v |= (unsigned)((h | 32) - 'a' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static char *put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (cp >> 18));
        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Decodes the string at C->p (just after its opening quote) to *OUT, which
 * has room for the rest of the line; sets *LEN. Returns -1 to give up. */
static int string_at(cursor *c, char **out, size_t *len)
{
    char *start = *out, *o = start;
    const char *p = c->p;
    for (;;) {
        /* Copy the plain run up to the next quote, backslash or control byte. */
        const char *run = p;
        while (p < c->end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
            p++;
        memcpy(o, run, (size_t)(p - run));
        o += p - run;
        if (p >= c->end || (unsigned char)*p < 0x20)
            return -1; /* unterminated, or a raw control character */
        if (*p == '"')
            break;
        if (++p >= c->end)
            return -1;
        char e = *p++;
        switch (e) {
        case '"': case '\\': case '/': *o++ = e; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned cp;
            if (hex4(p, c->end, &cp) != 0)
                return -1;
            p += 4;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return -1; /* a lone low surrogate */
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo;
                if (c->end - p < 6 || p[0] != '\\' || p[1] != 'u' || hex4(p + 2, c->end, &lo) != 0 ||
                    lo < 0xDC00 || lo > 0xDFFF)
                    return -1;
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            o = put_utf8(o, cp);
            break;
        }
        default:
            return -1;
        }
    }
    c->p = p + 1;
    *len = (size_t)(o - start);
    if (qg_utf8_validate(start, *len) >= 0)
        return -1; /* jansson names the bad byte */
    *o++ = '\0';
    *out = o;
    return 0;
}

/* An integer as jansson reads it: -?(0|[1-9][0-9]*), fitting in 18 digits. */
static int integer_at(cursor *c, const char **start, size_t *len)
{
    const char *p = c->p;
    if (p < c->end && *p == '-')
        p++;
    const char *digits = p;
    while (p < c->end && *p >= '0' && *p <= '9')
        p++;
    size_t n = (size_t)(p - digits);
    if (n == 0 || n > 18 || (n > 1 && *digits == '0'))
        return -1;
    if (p < c->end && (*p == '.' || *p == 'e' || *p == 'E'))
        return -1; /* a real: jansson reports the type */
    *start = c->p;
    *len = (size_t)(p - c->p);
    c->p = p;
    return 0;
}

static int literal_at(cursor *c, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0)
        return -1;
    c->p += n;
    return 0;
}

enum { F_ID = 1, F_TEXT = 2, F_DATE = 4 };

int qg_record_parse_fast(const char *line, size_t len, qg_record *rec)
{
    *rec = (qg_record){0};
    /* Decoded strings are never longer than their JSON form. */
    char *buf = malloc(len + 1);
    if (!buf)
        return -1;
    char *o = buf;
    cursor c = {line, line + len};
    unsigned seen = 0;
    const char *keys[64];
    size_t key_lens[64], nkeys = 0;
    skip_ws(&c);
    if (c.p >= c.end || *c.p++ != '{')
        goto give_up;
    skip_ws(&c);
    if (c.p < c.end && *c.p == '}') {
        c.p++;
    } else {
        for (;;) {
            if (c.p >= c.end || *c.p++ != '"')
                goto give_up;
            char *key = o;
            size_t klen;
            if (string_at(&c, &o, &klen) != 0 || memchr(key, '\0', klen))
                goto give_up;
            /* Duplicate keys: jansson keeps the last; leave it to jansson. */
            for (size_t k = 0; k < nkeys; k++)
                if (key_lens[k] == klen && memcmp(keys[k], key, klen) == 0)
                    goto give_up;
            if (nkeys == sizeof keys / sizeof keys[0])
                goto give_up;
            keys[nkeys] = key;
            key_lens[nkeys++] = klen;
            unsigned field = strcmp(key, "id") == 0     ? F_ID
                             : strcmp(key, "text") == 0 ? F_TEXT
                             : strcmp(key, "date") == 0 ? F_DATE
                                                        : 0;
            skip_ws(&c);
            if (c.p >= c.end || *c.p++ != ':')
                goto give_up;
            skip_ws(&c);
            if (c.p >= c.end)
                goto give_up;
            if (*c.p == '"') {
                c.p++;
                char *value = o;
                size_t vlen;
                if (string_at(&c, &o, &vlen) != 0)
                    goto give_up;
                if (field == F_TEXT) {
                    rec->text = value;
                    rec->len = vlen;
                } else if (field == F_ID || field == F_DATE) {
                    if (memchr(value, '\0', vlen))
                        goto give_up; /* an id or date with NUL: let jansson's path decide */
                    if (field == F_ID)
                        rec->id = value;
                    else
                        rec->date = value;
                }
            } else if (*c.p == '-' || (*c.p >= '0' && *c.p <= '9')) {
                const char *num;
                size_t nlen;
                if (integer_at(&c, &num, &nlen) != 0 || field == F_TEXT || field == F_DATE ||
                    (nlen == 2 && num[0] == '-' && num[1] == '0'))
                    goto give_up; /* "-0" is printed as "0" by jansson's path */
                if (field == F_ID) {
                    memcpy(rec->id_buf, num, nlen);
                    rec->id_buf[nlen] = '\0';
                    rec->id = rec->id_buf;
                }
            } else if (literal_at(&c, "null") == 0) {
                if (field == F_TEXT)
                    goto give_up;
            } else if (literal_at(&c, "true") == 0 || literal_at(&c, "false") == 0) {
                if (field)
                    goto give_up;
            } else {
                goto give_up; /* nesting and anything else */
            }
            seen |= field;
            skip_ws(&c);
            if (c.p < c.end && *c.p == ',') {
                c.p++;
                skip_ws(&c);
                continue;
            }
            if (c.p < c.end && *c.p == '}') {
                c.p++;
                break;
            }
            goto give_up;
        }
    }
    skip_ws(&c);
    if (c.p != c.end || !(seen & F_TEXT))
        goto give_up;
    rec->owned = buf;
    return 0;
give_up:
    free(buf);
    *rec = (qg_record){0};
    return 1;
}
