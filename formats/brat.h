/* brat.h - the brat standoff format (https://brat.nlplab.org/standoff.html):
 * quotegraph graphs out as .ann files for correction, corrected .ann files
 * back in as gold records (the format of shared/gold/README.md).
 *
 * The annotation scheme is docs/brat.md. In short: one Statement entity per
 * attribution (a statement with two speakers is written twice), with a Kind
 * attribute and an AnnotatorNotes line "speaker=...; date=...;
 * reported_by=...; rule=..."; Source and Cue entities linked to it by Said and
 * CueOf relations; Person, Organization and Group mentions (note "name=..."),
 * Title mentions (note "person=..."), Date mentions (note "value=...", and the
 * Publication attribute on the text's own publication date).
 *
 * brat offsets are code points of the .txt as Python reads it, the same as
 * quotegraph's. Nothing here prints or exits; errors fill a qg_brat_error. */
#ifndef QG_BRAT_H
#define QG_BRAT_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

/* LINE is the 1-based .ann line of the problem, 0 when it concerns the whole
 * document (for the writer always 0). */
typedef struct {
    int line;
    char text[256];
} qg_brat_error;

/* The entity types of the scheme, in annotation.conf order. */
typedef enum {
    QG_BRAT_STATEMENT,
    QG_BRAT_SOURCE,
    QG_BRAT_CUE,
    QG_BRAT_PERSON,
    QG_BRAT_ORGANIZATION,
    QG_BRAT_GROUP,
    QG_BRAT_TITLE,
    QG_BRAT_DATE,
    QG_BRAT_NTYPES
} qg_brat_type;

/* The name of TYPE as written in .ann files ("Statement"). */
const char *qg_brat_type_name(qg_brat_type type);

/* The type named NAME[0..len), or -1. */
int qg_brat_type_find(const char *name, size_t len);

/* The contents of annotation.conf and visual.conf for an export folder. */
extern const char qg_brat_annotation_conf[];
extern const char qg_brat_visual_conf[];

/* A note value made safe for one AnnotatorNotes field: backslash, ';',
 * newline, carriage return and tab become \\ \; \n \r \t. Returns malloc'd
 * memory, or NULL when out of memory. */
char *qg_brat_escape(const char *s);

/* The reverse of qg_brat_escape for S[0..len): a malloc'd, NUL-terminated
 * string in *OUT. Returns 0; -1 for an unknown escape or a trailing
 * backslash (*OUT NULL, WHY says which); -2 when out of memory. */
int qg_brat_unescape(const char *s, size_t len, char **out, char *why, size_t whylen);

/* A short excerpt of S[0..len) for a message, into OUT (OUTLEN bytes,
 * NUL-terminated): cut on a UTF-8 character boundary, line breaks and tabs
 * shown as spaces so that the message stays on one line. Returns OUT. */
char *qg_brat_excerpt(char *out, size_t outlen, const char *s, size_t len);

/* Writes the .ann lines of GRAPH (a quotegraph/1 graph record, borrowed)
 * over TEXT[0..len), the document's text, to OUT. The text must be valid
 * UTF-8 of doc.length code points and every span must cover its "text"; that
 * catches a text file that is not the one annotated. Returns 0; -1 with ERR
 * filled when the graph does not fit the text (OUT may hold part of the
 * lines); -2 when writing to OUT failed. */
int qg_brat_write_ann(const json_t *graph, const char *text, size_t len, FILE *out,
                      qg_brat_error *err);

/* Reads the annotations ANN[0..ann_len) of the document ID whose text is
 * TEXT[0..len) and returns a new gold record (caller json_decref's it):
 * {id, date, text, attributions, people, dates}, attributions sorted by
 * content start, dates by span start. Returns NULL with ERR filled for a
 * malformed line, a span whose text differs from the document, an unknown
 * type, key or reference; ERR->text is "out of memory" when memory ran out. */
json_t *qg_brat_read_ann(const char *id, const char *text, size_t len, const char *ann,
                         size_t ann_len, qg_brat_error *err);

#endif
