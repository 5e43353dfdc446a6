/* jsonw.h - a minimal streaming JSON writer into a growable byte buffer.
 *
 * Output is compact JSON in the exact format jansson's json_dumps writes
 * with JSON_COMPACT (no ensure-ascii, no escaped slash): strings escape `"`,
 * `\` and U+0000-U+001F (\b \f \n \r \t, else \u00XX with upper-case hex)
 * and pass everything else, valid UTF-8 included, through unchanged; reals
 * are printed as jansson's JSON_REAL_PRECISION(n) prints them. The writer
 * never builds a tree: every call appends bytes at once.
 *
 * Commas are placed automatically: after qg_jsonw_begin_* or a key the next
 * value needs none; after any finished value the next value or key does.
 * The caller is responsible for a sensible sequence (a key before each value
 * inside an object); the writer does not validate the structure.
 *
 * The buffer belongs to the caller and is grown through a callback, so it
 * can live on the heap (the default), on the stack with a heap fallback, or
 * in an arena. qg_jsonw_reset keeps the capacity, so a writer reused across
 * documents stops allocating once it has grown to the largest one.
 *
 * If growing fails the writer sets FAILED, drops all further output, and
 * qg_jsonw_flush returns -1. */
#ifndef QG_JSONW_H
#define QG_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Returns a block of NEW_CAP bytes holding the first LEN bytes of OLD (which
 * may be NULL when LEN is 0), or NULL on failure. OLD is the writer's current
 * buffer; what happens to it is the callback's business. */
typedef void *(*qg_jsonw_grow_fn)(void *ctx, void *old, size_t len, size_t new_cap);

typedef struct {
    char *buf;
    size_t len, cap;
    int failed;  /* growing failed: output is incomplete */
    int comma;   /* the next value or key needs a leading comma */
    int owned;   /* heap mode: BUF came from malloc and is freed/realloced here */
    qg_jsonw_grow_fn grow; /* NULL: the heap */
    void *ctx;
} qg_jsonw;

/* Initializes W over BUF[0..cap) (BUF may be NULL with CAP 0). With GROW
 * NULL the writer grows on the heap (copying out of a caller's BUF the first
 * time) and qg_jsonw_free releases what it allocated; otherwise GROW(CTX, ...)
 * supplies every larger buffer. */
void qg_jsonw_init(qg_jsonw *w, char *buf, size_t cap, qg_jsonw_grow_fn grow, void *ctx);

/* Releases a heap buffer the writer allocated (heap mode); a caller's
 * buffer or a GROW callback's buffers are left alone. W can be reinitialized. */
void qg_jsonw_free(qg_jsonw *w);

/* Empties the buffer for the next document, keeping its capacity. */
void qg_jsonw_reset(qg_jsonw *w);

/* Makes room for EXTRA more bytes; returns 0, or -1 (and sets FAILED). */
int qg_jsonw_reserve(qg_jsonw *w, size_t extra);

void qg_jsonw_begin_object(qg_jsonw *w);
void qg_jsonw_end_object(qg_jsonw *w);
void qg_jsonw_begin_array(qg_jsonw *w);
void qg_jsonw_end_array(qg_jsonw *w);

/* An object key: the comma if needed, the escaped key and a colon. */
void qg_jsonw_key(qg_jsonw *w, const char *key);
void qg_jsonw_keyn(qg_jsonw *w, const char *key, size_t len);

/* String values from S[0..len) (or a NUL-terminated S). S must be valid
 * UTF-8: it is copied as it is apart from the escapes above. */
void qg_jsonw_string(qg_jsonw *w, const char *s);
void qg_jsonw_stringn(qg_jsonw *w, const char *s, size_t len);

void qg_jsonw_int(qg_jsonw *w, long long v);

/* The array [A,B] of two unsigned integers in one step: every span is one. */
void qg_jsonw_uint_pair(qg_jsonw *w, unsigned long a, unsigned long b);

/* A real as jansson prints it with JSON_REAL_PRECISION(PRECISION) (0 means
 * 17, jansson's default): "%.*g", a ".0" appended when the result has
 * neither '.' nor 'e', the exponent without '+' or leading zeros. NaN and
 * infinities, which JSON cannot express, are written as null. */
void qg_jsonw_real(qg_jsonw *w, double v, int precision);

void qg_jsonw_bool(qg_jsonw *w, bool v);
void qg_jsonw_null(qg_jsonw *w);

/* Appends LEN bytes as they are (no comma, no escaping), e.g. a newline. */
void qg_jsonw_raw(qg_jsonw *w, const char *s, size_t len);

/* Formats V into OUT (at least 32 bytes) as qg_jsonw_real would write it;
 * returns the length, or -1 for NaN and infinities. */
int qg_jsonw_format_real(char *out, size_t cap, double v, int precision);

/* Writes the buffer to OUT with one fwrite and empties it (keeping the
 * capacity). Returns 0, or -1 if the writer had failed or the write did. */
int qg_jsonw_flush(qg_jsonw *w, FILE *out);

#endif
