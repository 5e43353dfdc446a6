/* jsonw.c - streaming JSON writer; see jsonw.h for the output format. */
#include "jsonw.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define JSONW_MIN_CAP 256u

/* For each byte: 0 = copied as it is, else the character after the
 * backslash ('u' for the \u00XX form). Bytes >= 0x80 are UTF-8 and pass. */
static const unsigned char escapes[256] = {
    ['\0'] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u',
    [0x06] = 'u', [0x07] = 'u', ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', [0x0B] = 'u',
    ['\f'] = 'f', ['\r'] = 'r', [0x0E] = 'u', [0x0F] = 'u', [0x10] = 'u', [0x11] = 'u',
    [0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u', [0x17] = 'u',
    [0x18] = 'u', [0x19] = 'u', [0x1A] = 'u', [0x1B] = 'u', [0x1C] = 'u', [0x1D] = 'u',
    [0x1E] = 'u', [0x1F] = 'u', ['"'] = '"', ['\\'] = '\\',
};

static const char hexdigits[] = "0123456789ABCDEF";

void qg_jsonw_init(qg_jsonw *w, char *buf, size_t cap, qg_jsonw_grow_fn grow, void *ctx)
{
    w->buf = buf;
    w->len = 0;
    w->cap = buf ? cap : 0;
    w->failed = 0;
    w->comma = 0;
    w->owned = 0;
    w->grow = grow;
    w->ctx = ctx;
}

void qg_jsonw_free(qg_jsonw *w)
{
    if (w->owned)
        free(w->buf);
    w->buf = NULL;
    w->len = w->cap = 0;
    w->owned = 0;
    w->failed = 0;
    w->comma = 0;
}

void qg_jsonw_reset(qg_jsonw *w)
{
    w->len = 0;
    w->failed = 0;
    w->comma = 0;
}

static int grow_to(qg_jsonw *w, size_t extra)
{
    if (extra > SIZE_MAX - w->len) {
        w->failed = 1;
        return -1;
    }
    size_t need = w->len + extra;
    size_t cap = w->cap ? w->cap : JSONW_MIN_CAP;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p;
    if (w->grow) {
        p = w->grow(w->ctx, w->buf, w->len, cap);
    } else if (w->owned) {
        p = realloc(w->buf, cap);
    } else {
        /* The caller's buffer (or none) stays the caller's: copy out of it. */
        p = malloc(cap);
        if (p && w->len)
            memcpy(p, w->buf, w->len);
        if (p)
            w->owned = 1;
    }
    if (!p) {
        w->failed = 1;
        return -1;
    }
    w->buf = p;
    w->cap = cap;
    return 0;
}

int qg_jsonw_reserve(qg_jsonw *w, size_t extra)
{
    if (w->failed)
        return -1;
    if (extra <= w->cap - w->len)
        return 0;
    return grow_to(w, extra);
}

/* Appends one byte; the caller has reserved room. */
#define PUT(w, c) ((w)->buf[(w)->len++] = (char)(c))

/* Reserves EXTRA bytes plus a possible leading comma and writes the comma. */
static int start_value(qg_jsonw *w, size_t extra)
{
    if (qg_jsonw_reserve(w, extra + 1) < 0)
        return -1;
    if (w->comma)
        PUT(w, ',');
    return 0;
}

static void open_container(qg_jsonw *w, char c)
{
    if (start_value(w, 1) < 0)
        return;
    PUT(w, c);
    w->comma = 0;
}

static void close_container(qg_jsonw *w, char c)
{
    if (qg_jsonw_reserve(w, 1) < 0)
        return;
    PUT(w, c);
    w->comma = 1;
}

void qg_jsonw_begin_object(qg_jsonw *w) { open_container(w, '{'); }
void qg_jsonw_end_object(qg_jsonw *w) { close_container(w, '}'); }
void qg_jsonw_begin_array(qg_jsonw *w) { open_container(w, '['); }
void qg_jsonw_end_array(qg_jsonw *w) { close_container(w, ']'); }

/* Writes "S" escaped, after start_value reserved LEN + 2 + TAIL bytes (TAIL
 * for what the caller appends after the closing quote). Runs of bytes that
 * need no escape are copied with one memcpy. */
static void put_quoted(qg_jsonw *w, const char *s, size_t len, size_t tail)
{
    PUT(w, '"');
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char e = escapes[(unsigned char)s[i]];
        if (!e)
            continue;
        size_t run = i - start;
        if (run) {
            memcpy(w->buf + w->len, s + start, run);
            w->len += run;
        }
        start = i + 1;
        /* Room for the escape (6 at most), the rest of S, the quote, TAIL. */
        if (qg_jsonw_reserve(w, 6 + (len - start) + 1 + tail) < 0)
            return;
        char *p = w->buf + w->len;
        p[0] = '\\';
        if (e == 'u') {
            unsigned char c = (unsigned char)s[i];
            p[1] = 'u';
            p[2] = '0';
            p[3] = '0';
            p[4] = hexdigits[c >> 4];
            p[5] = hexdigits[c & 15];
            w->len += 6;
        } else {
            p[1] = (char)e;
            w->len += 2;
        }
    }
    size_t run = len - start;
    if (run) {
        memcpy(w->buf + w->len, s + start, run);
        w->len += run;
    }
    PUT(w, '"');
}

void qg_jsonw_keyn(qg_jsonw *w, const char *key, size_t len)
{
    if (len > SIZE_MAX - 8) {
        w->failed = 1;
        return;
    }
    if (start_value(w, len + 3) < 0)
        return;
    put_quoted(w, key, len, 1);
    if (w->failed)
        return;
    PUT(w, ':');
    w->comma = 0;
}

void qg_jsonw_key(qg_jsonw *w, const char *key) { qg_jsonw_keyn(w, key, strlen(key)); }

void qg_jsonw_stringn(qg_jsonw *w, const char *s, size_t len)
{
    if (len > SIZE_MAX - 8) {
        w->failed = 1;
        return;
    }
    if (start_value(w, len + 2) < 0)
        return;
    put_quoted(w, s, len, 0);
    w->comma = 1;
}

void qg_jsonw_string(qg_jsonw *w, const char *s) { qg_jsonw_stringn(w, s, strlen(s)); }

/* The decimal digits of U, ending at END; returns their start. */
static char *digits_before(char *end, unsigned long long u)
{
    char *p = end;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return p;
}

void qg_jsonw_int(qg_jsonw *w, long long v)
{
    char tmp[24];
    char *end = tmp + sizeof tmp;
    /* Through unsigned, so that LLONG_MIN negates without overflow. */
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    char *p = digits_before(end, u);
    if (v < 0)
        *--p = '-';
    size_t n = (size_t)(end - p);
    if (start_value(w, n) < 0)
        return;
    memcpy(w->buf + w->len, p, n);
    w->len += n;
    w->comma = 1;
}

void qg_jsonw_uint_pair(qg_jsonw *w, unsigned long a, unsigned long b)
{
    char tmp[48];
    char *end = tmp + sizeof tmp;
    char *p = end;
    *--p = ']';
    p = digits_before(p, b);
    *--p = ',';
    p = digits_before(p, a);
    *--p = '[';
    size_t n = (size_t)(end - p);
    if (start_value(w, n) < 0)
        return;
    memcpy(w->buf + w->len, p, n);
    w->len += n;
    w->comma = 1;
}

int qg_jsonw_format_real(char *out, size_t cap, double v, int precision)
{
    if (!isfinite(v))
        return -1;
    if (precision <= 0 || precision > 31)
        precision = 17;
    /* Hundredths in [0, 1] (every confidence) print as %.15g would print
     * them, without the cost of snprintf. */
    if (precision >= 3 && precision <= 15 && v >= 0.0 && v <= 1.0 && !signbit(v) && cap >= 5) {
        int k = (int)(v * 100.0 + 0.5);
        if ((double)k / 100.0 == v) {
            size_t n = 0;
            out[n++] = k == 100 ? '1' : '0';
            out[n++] = '.';
            if (k == 100 || k == 0) {
                out[n++] = '0';
            } else {
                out[n++] = (char)('0' + k / 10);
                if (k % 10)
                    out[n++] = (char)('0' + k % 10);
            }
            out[n] = '\0';
            return (int)n;
        }
    }
    int ret = snprintf(out, cap, "%.*g", precision, v);
    if (ret < 0 || (size_t)ret >= cap)
        return -1;
    size_t len = (size_t)ret;
    /* A locale's decimal comma becomes a point, as jansson does. */
    const char *point = localeconv()->decimal_point;
    if (point[0] != '.') {
        char *pos = strchr(out, point[0]);
        if (pos)
            *pos = '.';
    }
    /* A point or an exponent keeps the value a real when read back. */
    if (!strchr(out, '.') && !strchr(out, 'e')) {
        if (len + 3 >= cap)
            return -1;
        out[len++] = '.';
        out[len++] = '0';
        out[len] = '\0';
    }
    /* No '+' and no leading zeros in the exponent: 1e+05 is 1e5. */
    char *start = strchr(out, 'e');
    if (start) {
        start++;
        char *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, len - (size_t)(end - out) + 1);
            len -= (size_t)(end - start);
        }
    }
    return (int)len;
}

void qg_jsonw_real(qg_jsonw *w, double v, int precision)
{
    char tmp[64];
    int n = qg_jsonw_format_real(tmp, sizeof tmp, v, precision);
    if (n < 0) {
        qg_jsonw_null(w);
        return;
    }
    if (start_value(w, (size_t)n) < 0)
        return;
    memcpy(w->buf + w->len, tmp, (size_t)n);
    w->len += (size_t)n;
    w->comma = 1;
}

static void put_literal(qg_jsonw *w, const char *s, size_t n)
{
    if (start_value(w, n) < 0)
        return;
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->comma = 1;
}

void qg_jsonw_bool(qg_jsonw *w, bool v)
{
    if (v)
        put_literal(w, "true", 4);
    else
        put_literal(w, "false", 5);
}

void qg_jsonw_null(qg_jsonw *w) { put_literal(w, "null", 4); }

void qg_jsonw_raw(qg_jsonw *w, const char *s, size_t len)
{
    if (qg_jsonw_reserve(w, len) < 0)
        return;
    if (len)
        memcpy(w->buf + w->len, s, len);
    w->len += len;
}

int qg_jsonw_flush(qg_jsonw *w, FILE *out)
{
    int rc = -1;
    if (!w->failed)
        rc = (w->len == 0 || fwrite(w->buf, 1, w->len, out) == w->len) ? 0 : -1;
    qg_jsonw_reset(w);
    return rc;
}
