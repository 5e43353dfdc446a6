/* input.h - what the command line reads: the documents named by FILE and DIR
 * arguments, whole files within the document size limit, and JSON lines.
 *
 * Nothing here prints or exits; failures come back as a qg_error so that the
 * run loop can turn them into error records and go on with the batch. */
#ifndef QG_CLI_INPUT_H
#define QG_CLI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "quotegraph.h"

/* One document to read. PATH is NULL for standard input. ERRNUM is nonzero
 * when enumeration already failed (an unreadable subdirectory): the item
 * then stands for that failure, so it is reported in its place in order. */
typedef struct {
    char *path;
    char *id;
    int errnum;
} qg_input;

typedef struct {
    qg_input *items;
    size_t n, cap;
} qg_input_list;

/* Appends the documents that ARG names: "-" is standard input (id STDIN_ID);
 * with EXPAND_DIRS a directory stands for its *.txt files, recursively, in
 * byte order of their relative paths (ids: relative path without extension);
 * anything else is one file, id: its file name without extension. A missing
 * or unreadable FILE is still appended: reading it reports the error.
 * Returns 0, or -1 when memory runs out. */
int qg_inputs_add(qg_input_list *list, const char *arg, bool expand_dirs, const char *stdin_id);
void qg_inputs_free(qg_input_list *list);

/* The document id of a FILE argument: its last path component without the
 * extension ("corpus/ap.txt" -> "ap"). Returns malloc'd memory, or NULL. */
char *qg_path_id(const char *path);

/* Reads all of F into *BUF (malloc'd, NUL-terminated; caller frees) and its
 * length into *LEN. More than LIMIT bytes is a QG_ERR_TOO_LARGE error that
 * stops reading at LIMIT + 1 bytes. Returns 0, or -1 with ERR filled. */
int qg_read_stream(FILE *f, size_t limit, char **buf, size_t *len, qg_error *err);

/* As qg_read_stream for the file at PATH; a regular file whose size is over
 * LIMIT fails without being read. */
int qg_read_path(const char *path, size_t limit, char **buf, size_t *len, qg_error *err);

/* A growing line buffer for qg_read_line. */
typedef struct {
    char *s;
    size_t len, cap;
    bool too_long; /* the last line had more than the limit; S holds its start */
} qg_line;

/* Reads the next line of F without its '\n' (and a '\r' before it) into
 * LINE, NUL-terminated. A line of more than LIMIT bytes is consumed whole but
 * only its start is kept, with LINE->too_long set. Returns 1 for a line, 0 at
 * the end of input, -1 on a read error or when memory runs out (errno set). */
int qg_read_line(FILE *f, size_t limit, qg_line *line);
void qg_line_free(qg_line *line);

/* One input record of --jsonl: {"id": ..., "text": ..., "date": ...}.
 * The strings point into the parsed JSON and live until qg_record_free. */
typedef struct {
    void *json;        /* the parsed object (json_t *), or NULL */
    char *owned;       /* the decoded strings of the fast path, or NULL */
    char id_buf[32];   /* an integer id, as text */
    const char *id;    /* NULL when the line has no id (or null) */
    const char *text;  /* may hold NUL bytes: use LEN */
    size_t len;
    const char *date;  /* NULL when absent or null */
} qg_record;

/* Parses LINE[0..len) as one JSON-lines input record. Unknown keys are
 * ignored. Returns 0, or -1 with ERR (QG_ERR_INPUT, message without the line
 * number) filled; then REC->id is still set if the id could be read. */
int qg_record_parse(const char *line, size_t len, qg_record *rec, qg_error *err);

/* The fast path of qg_record_parse (record_fast.c): flat objects of
 * strings, integers, null and booleans with a string "text". Returns 0 with
 * REC filled, 1 when the line needs the full parser (REC empty), -1 when
 * memory runs out. Valid records give exactly what the full parser gives. */
int qg_record_parse_fast(const char *line, size_t len, qg_record *rec);
void qg_record_free(qg_record *rec);

/* Fills ERR with STATUS, no position, and the formatted message. */
void qg_set_error(qg_error *err, qg_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
