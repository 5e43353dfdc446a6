/* input.c - enumerating and reading the command line's inputs. */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void qg_set_error(qg_error *err, qg_status status, const char *fmt, ...)
{
    err->status = status;
    err->file[0] = '\0';
    err->line = 0;
    err->column = 0;
    err->offset = -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* ---- the list of documents ---- */

/* Takes ownership of PATH and ID (NULL PATH = standard input); frees them
 * when the list cannot grow. */
static int push(qg_input_list *list, char *path, char *id, int errnum)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        qg_input *items = realloc(list->items, cap * sizeof *items);
        if (!items) {
            free(path);
            free(id);
            return -1;
        }
        list->items = items;
        list->cap = cap;
    }
    list->items[list->n++] = (qg_input){path, id, errnum};
    return 0;
}

void qg_inputs_free(qg_input_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].path);
        free(list->items[i].id);
    }
    free(list->items);
    *list = (qg_input_list){0};
}

char *qg_path_id(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *id = dup_str(base);
    if (!id)
        return NULL;
    /* The extension starts at the last dot, but a leading dot names a
     * hidden file rather than starting an extension. */
    char *dot = strrchr(id, '.');
    if (dot && dot != id)
        *dot = '\0';
    return id;
}

/* A file found under a directory: its path relative to that directory, and
 * the errno of opening it when it is a subdirectory that could not be read. */
typedef struct {
    char *rel;
    int errnum;
} found;

typedef struct {
    found *v;
    size_t n, cap;
} found_vec;

static int found_push(found_vec *fv, char *rel, int errnum)
{
    if (!rel)
        return -1;
    if (fv->n == fv->cap) {
        size_t cap = fv->cap ? fv->cap * 2 : 64;
        found *v = realloc(fv->v, cap * sizeof *v);
        if (!v) {
            free(rel);
            return -1;
        }
        fv->v = v;
        fv->cap = cap;
    }
    fv->v[fv->n++] = (found){rel, errnum};
    return 0;
}

/* DIR + "/" + NAME, without doubling a slash that DIR already ends with. */
static char *join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *s = malloc(dl + (size_t)slash + nl + 1);
    if (!s)
        return NULL;
    memcpy(s, dir, dl);
    if (slash)
        s[dl] = '/';
    memcpy(s + dl + (size_t)slash, name, nl + 1);
    return s;
}

static bool is_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Collects the *.txt files under ROOT/REL (REL "" for ROOT itself). Symbolic
 * links to files count; links to directories are not followed, so that a
 * link cycle cannot make the walk endless. Returns 0, or -1 without memory. */
static int walk(const char *root, const char *rel, found_vec *out)
{
    int rc = -1;
    char *dirpath = *rel ? join(root, rel) : dup_str(root);
    DIR *d = NULL;
    if (!dirpath)
        goto done;
    d = opendir(dirpath);
    if (!d) {
        rc = found_push(out, dup_str(rel), errno);
        goto done;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* dot-files, dot-directories (.git), . and .. */
        char *sub = *rel ? join(rel, e->d_name) : dup_str(e->d_name);
        if (!sub)
            goto done;
        unsigned char type = e->d_type;
        if (type == DT_UNKNOWN || type == DT_LNK) {
            char *full = join(root, sub);
            struct stat lst, st;
            if (!full) {
                free(sub);
                goto done;
            }
            if (lstat(full, &lst) == 0 && S_ISDIR(lst.st_mode))
                type = DT_DIR;
            else if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
                type = DT_REG;
            else
                type = DT_UNKNOWN;
            free(full);
        }
        int r = 0;
        if (type == DT_DIR)
            r = walk(root, sub, out);
        else if (type == DT_REG && is_txt(e->d_name)) {
            r = found_push(out, sub, 0);
            sub = NULL;
        }
        free(sub);
        if (r != 0)
            goto done;
    }
    rc = 0;
done:
    if (d)
        closedir(d);
    free(dirpath);
    return rc;
}

static int cmp_found(const void *a, const void *b)
{
    return strcmp(((const found *)a)->rel, ((const found *)b)->rel);
}

static int add_dir(qg_input_list *list, const char *dir)
{
    found_vec fv = {0};
    int rc = walk(dir, "", &fv);
    if (rc == 0 && fv.n == 1 && fv.v[0].errnum && !*fv.v[0].rel) {
        /* DIR itself could not be opened: report it under its own name. */
        char *path = dup_str(dir), *id = qg_path_id(dir);
        rc = path && id ? push(list, path, id, fv.v[0].errnum) : -1;
        if (rc != 0) {
            free(path);
            free(id);
        }
        goto done;
    }
    if (rc == 0 && fv.n > 0) /* qsort must not get the NULL of an empty list */
        qsort(fv.v, fv.n, sizeof *fv.v, cmp_found);
    for (size_t i = 0; rc == 0 && i < fv.n; i++) {
        char *path = join(dir, fv.v[i].rel);
        char *id = fv.v[i].rel;
        fv.v[i].rel = NULL;
        if (!fv.v[i].errnum)
            id[strlen(id) - 4] = '\0'; /* drop ".txt" */
        if (!path) {
            free(id);
            rc = -1;
        } else {
            rc = push(list, path, id, fv.v[i].errnum);
        }
    }
done:
    for (size_t i = 0; i < fv.n; i++)
        free(fv.v[i].rel);
    free(fv.v);
    return rc;
}

int qg_inputs_add(qg_input_list *list, const char *arg, bool expand_dirs, const char *stdin_id)
{
    if (strcmp(arg, "-") == 0) {
        char *id = dup_str(stdin_id);
        return id ? push(list, NULL, id, 0) : -1;
    }
    struct stat st;
    if (expand_dirs && stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
        return add_dir(list, arg);
    char *path = dup_str(arg), *id = qg_path_id(arg);
    if (!path || !id) {
        free(path);
        free(id);
        return -1;
    }
    return push(list, path, id, 0);
}

/* ---- whole files ---- */

/* Reads F into a buffer that starts at INITIAL bytes and never exceeds
 * LIMIT + 1 bytes, the one byte that tells a too-large input. */
static int read_all(FILE *f, size_t initial, size_t limit, char **out, size_t *outlen,
                    qg_error *err)
{
    size_t max = limit + 1;
    size_t cap = initial < 4096 ? 4096 : initial;
    if (cap > max)
        cap = max;
    size_t len = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        goto nomem;
    for (;;) {
        if (len == cap) {
            if (cap == max)
                break;
            size_t ncap = cap > max / 2 ? max : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb)
                goto nomem;
            buf = nb;
            cap = ncap;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        qg_set_error(err, QG_ERR_IO, "read error: %s", strerror(errno));
        free(buf);
        return -1;
    }
    if (len > limit) {
        qg_set_error(err, QG_ERR_TOO_LARGE, "document is larger than the limit of %zu bytes",
                     limit);
        free(buf);
        return -1;
    }
    buf[len] = '\0';
    *out = buf;
    *outlen = len;
    return 0;
nomem:
    free(buf);
    qg_set_error(err, QG_ERR_IO, "out of memory");
    return -1;
}

int qg_read_stream(FILE *f, size_t limit, char **buf, size_t *len, qg_error *err)
{
    return read_all(f, 64 * 1024, limit, buf, len, err);
}

int qg_read_path(const char *path, size_t limit, char **buf, size_t *len, qg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        qg_set_error(err, QG_ERR_IO, "cannot open: %s", strerror(errno));
        return -1;
    }
    int rc = -1;
    struct stat st;
    size_t initial = 64 * 1024;
    if (fstat(fileno(f), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            qg_set_error(err, QG_ERR_IO, "cannot read: %s", strerror(EISDIR));
            goto done;
        }
        if (S_ISREG(st.st_mode)) {
            if ((unsigned long long)st.st_size > limit) {
                qg_set_error(err, QG_ERR_TOO_LARGE,
                             "document is %lld bytes; the limit is %zu", (long long)st.st_size,
                             limit);
                goto done;
            }
            /* One byte more than the size, so that EOF shows without a realloc. */
            initial = (size_t)st.st_size + 1;
        }
    }
    rc = read_all(f, initial, limit, buf, len, err);
done:
    fclose(f);
    return rc;
}

/* ---- lines ---- */

int qg_read_line(FILE *f, size_t limit, qg_line *line)
{
    line->len = 0;
    line->too_long = false;
    if (line->cap == 0) {
        line->s = malloc(256);
        if (!line->s)
            return -1;
        line->cap = 256;
    }
    int c = EOF;
    bool any = false;
    while ((c = getc_unlocked(f)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        if (line->len >= limit) {
            line->too_long = true; /* keep consuming: the next line starts after it */
            continue;
        }
        if (line->len + 2 > line->cap) {
            size_t cap = line->cap * 2;
            char *s = realloc(line->s, cap);
            if (!s)
                return -1;
            line->s = s;
            line->cap = cap;
        }
        line->s[line->len++] = (char)c;
    }
    if (c == EOF && ferror(f))
        return -1;
    if (!any)
        return 0;
    if (line->len > 0 && line->s[line->len - 1] == '\r' && !line->too_long)
        line->len--;
    line->s[line->len] = '\0';
    return 1;
}

void qg_line_free(qg_line *line)
{
    free(line->s);
    *line = (qg_line){0};
}

/* ---- JSON-lines records ---- */

int qg_record_parse(const char *line, size_t len, qg_record *rec, qg_error *err)
{
    int fast = qg_record_parse_fast(line, len, rec);
    if (fast == 0)
        return 0;
    if (fast < 0) {
        qg_set_error(err, QG_ERR_IO, "out of memory");
        return -1;
    }
    json_error_t jerr;
    /* NUL bytes in "text" must reach qg_doc_new, which reports them as a
     * binary document; rejecting them here would hide that reason. */
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
    if (!root) {
        qg_set_error(err, QG_ERR_INPUT, "invalid JSON at column %d: %s", jerr.column, jerr.text);
        return -1;
    }
    rec->json = root;
    if (!json_is_object(root)) {
        qg_set_error(err, QG_ERR_INPUT, "expected a JSON object");
        return -1;
    }
    json_t *id = json_object_get(root, "id");
    if (json_is_string(id)) {
        rec->id = json_string_value(id);
    } else if (json_is_integer(id)) {
        snprintf(rec->id_buf, sizeof rec->id_buf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        rec->id = rec->id_buf;
    } else if (id && !json_is_null(id)) {
        qg_set_error(err, QG_ERR_INPUT, "\"id\" must be a string or an integer");
        return -1;
    }
    json_t *text = json_object_get(root, "text");
    if (!text) {
        qg_set_error(err, QG_ERR_INPUT, "missing \"text\"");
        return -1;
    }
    if (!json_is_string(text)) {
        qg_set_error(err, QG_ERR_INPUT, "\"text\" must be a string");
        return -1;
    }
    rec->text = json_string_value(text);
    rec->len = json_string_length(text);
    json_t *date = json_object_get(root, "date");
    if (json_is_string(date)) {
        rec->date = json_string_value(date);
    } else if (date && !json_is_null(date)) {
        qg_set_error(err, QG_ERR_INPUT, "\"date\" must be a string (YYYY-MM-DD) or null");
        return -1;
    }
    return 0;
}

void qg_record_free(qg_record *rec)
{
    json_decref(rec->json);
    free(rec->owned);
    *rec = (qg_record){0};
}
