/* check_graph.c - tests of the graph writer (pipeline/graph_json.c, schema
 * quotegraph/1 in docs/schema.md): key order of the record and its objects,
 * node order and ids, one person node per entity with all its mentions,
 * title nodes split into role and rank, date nodes merged by value,
 * statement nodes, said edges whose source and cue spans slice the text in
 * code points, said_on and reported_by edges, error records, and offsets
 * over non-ASCII text. */
#include <jansson.h>

#include "check_util.h"

#define LQ "\xE2\x80\x9C" /* “ */
#define RQ "\xE2\x80\x9D" /* ” */

/* The graph line of TEXT (all stages; DATE may be NULL), malloc'd. */
static char *graph_line(const char *text, const char *date)
{
    qg_doc *doc = run_stages(text, date, "all");
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(qg_write_graph(doc, test_rules(), f), 0);
    ck_assert_int_eq(fclose(f), 0);
    qg_doc_free(doc);
    ck_assert_uint_gt(size, 1);
    ck_assert_int_eq(buf[size - 1], '\n');
    ck_assert_ptr_null(memchr(buf, '\n', size - 1)); /* one line */
    return buf;
}

static json_t *parse(const char *line)
{
    json_error_t jerr;
    json_t *root = json_loads(line, 0, &jerr);
    ck_assert_msg(root != NULL, "invalid JSON: %s: %s", jerr.text, line);
    return root;
}

/* TEXT run through every stage and written as a graph, parsed. */
static json_t *graph_of(const char *text, const char *date)
{
    char *line = graph_line(text, date);
    json_t *root = parse(line);
    free(line);
    return root;
}

/* Are OBJ's keys exactly KEYS (NULL-terminated), in that order? */
static void expect_keys(const json_t *obj, const char *const *keys)
{
    ck_assert(json_is_object(obj));
    size_t n = 0;
    for (void *it = json_object_iter((json_t *)obj); it; it = json_object_iter_next((json_t *)obj, it), n++) {
        ck_assert_msg(keys[n] != NULL, "extra key '%s'", json_object_iter_key(it));
        ck_assert_msg(strcmp(json_object_iter_key(it), keys[n]) == 0, "key %zu is '%s', want '%s'", n,
                      json_object_iter_key(it), keys[n]);
    }
    ck_assert_msg(keys[n] == NULL, "missing key '%s'", keys[n]);
}
#define KEYS(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char *str(const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_string(v), "'%s' is not a string", key);
    return json_string_value(v);
}

/* The node with id ID; fails if none. */
static json_t *node(json_t *root, const char *id)
{
    size_t i;
    json_t *n;
    json_array_foreach(json_object_get(root, "nodes"), i, n)
        if (strcmp(str(n, "id"), id) == 0)
            return n;
    ck_abort_msg("no node %s", id);
    return NULL;
}

/* The NTH (from 0) node of TYPE whose "name" (or "text") is NAME, or NULL. */
static json_t *node_named(json_t *root, const char *type, const char *name)
{
    size_t i;
    json_t *n;
    json_array_foreach(json_object_get(root, "nodes"), i, n) {
        if (strcmp(str(n, "type"), type) != 0)
            continue;
        const char *key = strcmp(type, "statement") == 0 ? "text" : "name";
        if (strcmp(str(n, key), name) == 0)
            return n;
    }
    return NULL;
}

static size_t count_nodes(json_t *root, const char *type)
{
    size_t i, c = 0;
    json_t *n;
    json_array_foreach(json_object_get(root, "nodes"), i, n)
        c += strcmp(str(n, "type"), type) == 0;
    return c;
}

/* The NTH (from 0) edge of TYPE whose from/to are FROM/TO (NULL = any). */
static json_t *edge(json_t *root, const char *type, const char *from, const char *to, int nth)
{
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(root, "edges"), i, e) {
        if (strcmp(str(e, "type"), type) != 0 || (from && strcmp(str(e, "from"), from) != 0) ||
            (to && strcmp(str(e, "to"), to) != 0))
            continue;
        if (nth-- == 0)
            return e;
    }
    return NULL;
}

/* The code points [START, END) of the UTF-8 string S, malloc'd. */
static char *cp_slice(const char *s, json_int_t start, json_int_t end)
{
    const unsigned char *p = (const unsigned char *)s;
    json_int_t cp = 0;
    const char *b = NULL, *e = NULL;
    for (size_t i = 0;; i++) {
        bool boundary = (p[i] & 0xC0) != 0x80;
        if (boundary && cp == start && !b)
            b = s + i;
        if (boundary && cp == end) {
            e = s + i;
            break;
        }
        if (!p[i])
            break;
        if (boundary)
            cp++;
    }
    ck_assert_msg(b && e && e >= b, "span [%lld,%lld] outside the text", (long long)start, (long long)end);
    return strndup(b, (size_t)(e - b));
}

/* A span object {"span":[s,e],"text":t}: t must be TEXT[s:e] in code points. */
static void expect_span_obj(const json_t *obj, const char *text, const char *want)
{
    expect_keys(obj, KEYS("span", "text"));
    const json_t *span = json_object_get(obj, "span");
    ck_assert(json_is_array(span) && json_array_size(span) == 2);
    json_int_t s = json_integer_value(json_array_get(span, 0)), e = json_integer_value(json_array_get(span, 1));
    ck_assert_int_le(s, e);
    char *slice = cp_slice(text, s, e);
    ck_assert_str_eq(slice, str(obj, "text"));
    free(slice);
    if (want)
        ck_assert_str_eq(str(obj, "text"), want);
}

/* ---- record layout ---- */

static const char *const ARTICLE =
    "Brigadier General Hossein Salami spoke on Sunday.\n\n"
    LQ "We will never negotiate," RQ " he said on Sunday, adding that the army is ready.\n\n"
    "Speaking to Tasnim on Sunday, Salami said that the navy is ready.\n\n"
    "A source familiar with the talks said Washington had made no offer.\n";

START_TEST(record_key_order)
{
    char *line = graph_line(ARTICLE, "2019-06-02");
    ck_assert_msg(strncmp(line, "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"test\",\"source\":null,"
                                "\"date\":\"2019-06-02\",\"length\":",
                          strlen("{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"test\",\"source\":null,"
                                 "\"date\":\"2019-06-02\",\"length\":")) == 0,
                  "record starts: %.120s", line);
    json_t *root = parse(line);
    expect_keys(root, KEYS("schema", "doc", "nodes", "edges"));
    expect_keys(json_object_get(root, "doc"), KEYS("id", "source", "date", "length"));
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "doc"), "length")),
                     (json_int_t)strlen(ARTICLE) - 4); /* two curly quotes of 3 bytes */
    size_t i;
    json_t *n;
    json_array_foreach(json_object_get(root, "nodes"), i, n) {
        const char *type = str(n, "type");
        if (strcmp(type, "person") == 0 || strcmp(type, "group") == 0)
            expect_keys(n, KEYS("id", "type", "name", "mentions"));
        else if (strcmp(type, "organization") == 0 && json_object_get(n, "outlet"))
            expect_keys(n, KEYS("id", "type", "name", "outlet", "mentions"));
        else if (strcmp(type, "organization") == 0)
            expect_keys(n, KEYS("id", "type", "name", "mentions"));
        else if (strcmp(type, "title") == 0)
            expect_keys(n, KEYS("id", "type", "name", "kind", "mentions"));
        else if (strcmp(type, "date") == 0)
            expect_keys(n, KEYS("id", "type", "value", "granularity", "mentions"));
        else if (strcmp(type, "statement") == 0)
            expect_keys(n, KEYS("id", "type", "kind", "span", "text", "rule"));
        else
            ck_abort_msg("node type %s", type);
    }
    json_t *e;
    json_array_foreach(json_object_get(root, "edges"), i, e) {
        if (strcmp(str(e, "type"), "said") == 0)
            expect_keys(e, KEYS("type", "from", "to", "rule", "confidence", "source", "cue"));
        else
            expect_keys(e, KEYS("type", "from", "to", "rule", "confidence"));
    }
    ck_assert_ptr_nonnull(edge(root, "said", NULL, NULL, 0));
    json_decref(root);
    free(line);
}
END_TEST

START_TEST(node_order_and_ids)
{
    json_t *root = graph_of(ARTICLE, "2019-06-02");
    static const char *const order[] = {"person", "organization", "group", "title", "date", "statement"};
    static const char prefix[] = {'p', 'o', 'g', 't', 'd', 's'};
    size_t at = 0, counter[6] = {0}, i;
    json_t *n;
    json_array_foreach(json_object_get(root, "nodes"), i, n) {
        const char *type = str(n, "type");
        while (at < 6 && strcmp(type, order[at]) != 0)
            at++;
        ck_assert_msg(at < 6, "node %zu of type %s out of order", i, type);
        char want[16];
        snprintf(want, sizeof want, "%c%zu", prefix[at], ++counter[at]);
        ck_assert_str_eq(str(n, "id"), want);
    }
    for (size_t t = 0; t < 6; t++)
        ck_assert_msg(counter[t] > 0, "no %s node", order[t]);
    /* Statements in order of span start; persons in order of first mention. */
    json_int_t prev = -1;
    json_array_foreach(json_object_get(root, "nodes"), i, n) {
        if (strcmp(str(n, "type"), "statement") != 0)
            continue;
        json_int_t s = json_integer_value(json_array_get(json_object_get(n, "span"), 0));
        ck_assert_int_ge(s, prev);
        prev = s;
    }
    ck_assert_str_eq(str(node(root, "p1"), "name"), "Hossein Salami");
    ck_assert_str_eq(str(node(root, "g1"), "name"), "A source");
    json_decref(root);
}
END_TEST

START_TEST(deterministic)
{
    char *a = graph_line(ARTICLE, "2019-06-02");
    char *b = graph_line(ARTICLE, "2019-06-02");
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
}
END_TEST

/* ---- entities and titles ---- */

START_TEST(one_person_node_per_entity)
{
    const char *text = "Ali Khamenei spoke on Monday. Ayatollah Khamenei said the enemy will fail, and he "
                       "said it again.";
    json_t *root = graph_of(text, NULL);
    ck_assert_uint_eq(count_nodes(root, "person"), 1);
    json_t *p = node_named(root, "person", "Ali Khamenei");
    ck_assert_ptr_nonnull(p);
    json_t *ms = json_object_get(p, "mentions");
    static const char *const want[] = {"Ali Khamenei", "Ayatollah Khamenei", "he"};
    ck_assert_uint_eq(json_array_size(ms), 3);
    for (size_t k = 0; k < 3; k++)
        expect_span_obj(json_array_get(ms, k), text, want[k]);
    json_decref(root);
}
END_TEST

START_TEST(organization_names)
{
    const char *text = "Washington said the sanctions would stay. Reuters said the talks failed. "
                       "The Civil Defense Organization said the shelters are open.";
    json_t *root = graph_of(text, NULL);
    json_t *us = node_named(root, "organization", "United States");
    ck_assert_ptr_nonnull(us);
    ck_assert_ptr_null(json_object_get(us, "outlet")); /* absent, not false */
    expect_span_obj(json_array_get(json_object_get(us, "mentions"), 0), text, "Washington");
    json_t *r = node_named(root, "organization", "Reuters");
    ck_assert_ptr_nonnull(r);
    ck_assert(json_is_true(json_object_get(r, "outlet")));
    ck_assert_ptr_nonnull(node_named(root, "organization", "Civil Defense Organization"));
    json_decref(root);
}
END_TEST

START_TEST(titles_role_and_rank)
{
    const char *text = "Deputy Chief of Staff of Iran's Armed Forces Brigadier General Massoud Jazayeri said on "
                       "Sunday that talks were impossible. US President Donald Trump said talks were possible.";
    json_t *root = graph_of(text, NULL);
    json_t *role = node_named(root, "title", "Deputy Chief of Staff of Iran's Armed Forces");
    json_t *rank = node_named(root, "title", "Brigadier General");
    json_t *pres = node_named(root, "title", "US President");
    ck_assert_ptr_nonnull(role);
    ck_assert_ptr_nonnull(rank);
    ck_assert_ptr_nonnull(pres);
    ck_assert_str_eq(str(role, "kind"), "role");
    ck_assert_str_eq(str(rank, "kind"), "rank");
    ck_assert_uint_eq(count_nodes(root, "title"), 3); /* "US President" is one title, not "US" + "President" */
    expect_span_obj(json_array_get(json_object_get(rank, "mentions"), 0), text, "Brigadier General");
    const char *jaz = str(node_named(root, "person", "Massoud Jazayeri"), "id");
    const char *trump = str(node_named(root, "person", "Donald Trump"), "id");
    json_t *e = edge(root, "has_title", jaz, str(role, "id"), 0);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(str(e, "rule"), "title.prenominal");
    ck_assert_ptr_nonnull(edge(root, "has_title", jaz, str(rank, "id"), 0));
    ck_assert_ptr_nonnull(edge(root, "has_title", trump, str(pres, "id"), 0));
    ck_assert_ptr_null(edge(root, "has_title", trump, NULL, 1));
    /* has_title edges come before any statement edge. */
    size_t i;
    json_t *ed;
    bool seen_other = false;
    json_array_foreach(json_object_get(root, "edges"), i, ed) {
        if (strcmp(str(ed, "type"), "has_title") == 0)
            ck_assert_msg(!seen_other, "has_title edge %zu after a statement edge", i);
        else
            seen_other = true;
    }
    json_decref(root);
}
END_TEST

/* Capitalized words naming a body before a civil office make one title;
 * before a military rank or after lower-case words they stay a role. */
START_TEST(titles_office_of_a_body)
{
    const char *text = "Senate President Owen Mercer said the vote failed. Joint Staff Brigadier General Ali Reza "
                       "said the army was ready. Transportation Secretary Lydia Grant said refunds were due.";
    json_t *root = graph_of(text, NULL);
    json_t *senate = node_named(root, "title", "Senate President");
    ck_assert_ptr_nonnull(senate);
    ck_assert_str_eq(str(senate, "kind"), "rank");
    ck_assert_ptr_nonnull(node_named(root, "title", "Transportation Secretary"));
    ck_assert_ptr_null(node_named(root, "title", "Senate"));
    ck_assert_ptr_nonnull(node_named(root, "title", "Joint Staff"));
    ck_assert_ptr_nonnull(node_named(root, "title", "Brigadier General"));
    ck_assert_uint_eq(count_nodes(root, "title"), 4);
    json_decref(root);

    /* the employer after "at" is no part of an apposition's title; "of" is */
    root = graph_of("Marcus Webb, an analyst at Crestline Securities, said sales fell. Ali Reza, the commander "
                    "of the Joint Staff, said the army was ready.", NULL);
    ck_assert_ptr_nonnull(node_named(root, "title", "analyst"));
    ck_assert_ptr_nonnull(node_named(root, "title", "commander of the Joint Staff"));
    ck_assert_uint_eq(count_nodes(root, "title"), 2);
    json_decref(root);
}
END_TEST

START_TEST(appositive_title_node)
{
    const char *text = "Mahmoud Vaezi, the president" "\xE2\x80\x99" "s chief of staff, said talks were possible.";
    json_t *root = graph_of(text, NULL);
    json_t *t = node_named(root, "title", "president" "\xE2\x80\x99" "s chief of staff");
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(str(t, "kind"), "role");
    json_t *e = edge(root, "has_title", str(node_named(root, "person", "Mahmoud Vaezi"), "id"), str(t, "id"), 0);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(str(e, "rule"), "title.appositive");
    json_decref(root);
}
END_TEST

/* ---- dates ---- */

START_TEST(dates_merged_by_value)
{
    json_t *root = graph_of(ARTICLE, "2019-06-02");
    ck_assert_uint_eq(count_nodes(root, "date"), 1);
    json_t *d = node(root, "d1");
    ck_assert_str_eq(str(d, "value"), "2019-06-02");
    ck_assert_str_eq(str(d, "granularity"), "day");
    json_t *ms = json_object_get(d, "mentions");
    ck_assert_uint_eq(json_array_size(ms), 3);
    for (size_t k = 0; k < 3; k++)
        expect_span_obj(json_array_get(ms, k), ARTICLE, "Sunday");
    json_decref(root);
}
END_TEST

START_TEST(null_dates_not_merged)
{
    json_t *root = graph_of("Hossein Salami spoke on Monday. He spoke again on Monday.", NULL);
    ck_assert_uint_eq(count_nodes(root, "date"), 2);
    json_t *d = node(root, "d1");
    ck_assert(json_is_null(json_object_get(d, "value")));
    ck_assert(json_is_null(json_object_get(d, "granularity")));
    json_decref(root);
}
END_TEST

/* ---- statements and their edges ---- */

START_TEST(statement_nodes_and_said_edges)
{
    json_t *root = graph_of(ARTICLE, "2019-06-02");
    json_t *s = node_named(root, "statement", "We will never negotiate");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(str(s, "kind"), "direct");
    ck_assert_str_eq(str(s, "rule"), "quote.frame.after");
    json_t *span = json_object_get(s, "span");
    char *slice = cp_slice(ARTICLE, json_integer_value(json_array_get(span, 0)),
                           json_integer_value(json_array_get(span, 1)));
    ck_assert_str_eq(slice, "We will never negotiate");
    free(slice);
    /* Every statement node's text is the input between its span offsets. */
    size_t i;
    json_t *n;
    json_array_foreach(json_object_get(root, "nodes"), i, n) {
        if (strcmp(str(n, "type"), "statement") != 0)
            continue;
        span = json_object_get(n, "span");
        slice = cp_slice(ARTICLE, json_integer_value(json_array_get(span, 0)),
                         json_integer_value(json_array_get(span, 1)));
        ck_assert_str_eq(slice, str(n, "text"));
        free(slice);
    }
    json_t *mixed = node_named(root, "statement", "the army is ready");
    ck_assert_ptr_nonnull(mixed);
    ck_assert_str_eq(str(mixed, "kind"), "indirect");
    ck_assert_str_eq(str(mixed, "rule"), "speech.participle");
    json_decref(root);
}
END_TEST

START_TEST(said_edge_source_and_cue)
{
    json_t *root = graph_of(ARTICLE, "2019-06-02");
    const char *salami = str(node_named(root, "person", "Hossein Salami"), "id");
    json_t *s = node_named(root, "statement", "We will never negotiate");
    json_t *e = edge(root, "said", NULL, str(s, "id"), 0);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(str(e, "from"), salami);
    ck_assert_str_eq(str(e, "rule"), "quote.frame.after");
    ck_assert(json_is_real(json_object_get(e, "confidence")));
    double c = json_real_value(json_object_get(e, "confidence"));
    ck_assert(c > 0.0 && c <= 1.0);
    expect_span_obj(json_object_get(e, "source"), ARTICLE, "he");
    expect_span_obj(json_object_get(e, "cue"), ARTICLE, "said");
    /* Indirect, with a group whose source phrase runs past its mention. */
    json_t *g = node_named(root, "statement", "Washington had made no offer");
    ck_assert_ptr_nonnull(g);
    ck_assert_str_eq(str(g, "kind"), "indirect");
    json_t *ge = edge(root, "said", NULL, str(g, "id"), 0);
    ck_assert_ptr_nonnull(ge);
    ck_assert_str_eq(str(ge, "from"), str(node_named(root, "group", "A source"), "id"));
    expect_span_obj(json_object_get(ge, "source"), ARTICLE, "A source familiar with the talks");
    json_decref(root);
}
END_TEST

START_TEST(continuation_edge_nulls)
{
    const char *text = "Hossein Salami spoke to troops on Monday. He said: " LQ "The enemy has tried everything.\n\n"
                       LQ "They have failed every time and they will fail again." RQ "\n";
    json_t *root = graph_of(text, NULL);
    json_t *s = node_named(root, "statement", "They have failed every time and they will fail again.");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(str(s, "rule"), "quote.continuation");
    json_t *e = edge(root, "said", NULL, str(s, "id"), 0);
    ck_assert_ptr_nonnull(e);
    ck_assert(json_is_null(json_object_get(e, "source")));
    ck_assert(json_is_null(json_object_get(e, "cue")));
    ck_assert_str_eq(str(e, "from"), str(node_named(root, "person", "Hossein Salami"), "id"));
    json_decref(root);
}
END_TEST

START_TEST(said_on_and_reported_by)
{
    json_t *root = graph_of(ARTICLE, "2019-06-02");
    json_t *s = node_named(root, "statement", "the navy is ready");
    ck_assert_ptr_nonnull(s);
    const char *sid = str(s, "id");
    json_t *on = edge(root, "said_on", sid, NULL, 0);
    ck_assert_ptr_nonnull(on);
    ck_assert_str_eq(str(node(root, str(on, "to")), "value"), "2019-06-02");
    ck_assert_str_eq(str(on, "rule"), "date.clause");
    json_t *by = edge(root, "reported_by", sid, NULL, 0);
    ck_assert_ptr_nonnull(by);
    json_t *outlet = node(root, str(by, "to"));
    ck_assert_str_eq(str(outlet, "type"), "organization");
    ck_assert_str_eq(str(outlet, "name"), "Tasnim");
    ck_assert(json_is_true(json_object_get(outlet, "outlet")));
    ck_assert_str_eq(str(by, "rule"), "outlet.clause");
    /* Edge order per statement: said, then said_on, then reported_by. */
    size_t i, said_at = SIZE_MAX, on_at = SIZE_MAX, by_at = SIZE_MAX;
    json_t *e;
    json_array_foreach(json_object_get(root, "edges"), i, e) {
        const char *t = str(e, "type");
        if (strcmp(t, "said") == 0 && strcmp(str(e, "to"), sid) == 0)
            said_at = i;
        if (strcmp(t, "said_on") == 0 && strcmp(str(e, "from"), sid) == 0)
            on_at = i;
        if (strcmp(t, "reported_by") == 0 && strcmp(str(e, "from"), sid) == 0)
            by_at = i;
    }
    ck_assert_uint_lt(said_at, on_at);
    ck_assert_uint_lt(on_at, by_at);
    /* A statement without a frame date has no said_on edge. */
    json_t *g = node_named(root, "statement", "Washington had made no offer");
    ck_assert_ptr_null(edge(root, "said_on", str(g, "id"), NULL, 0));
    ck_assert_ptr_null(edge(root, "reported_by", str(g, "id"), NULL, 0));
    json_decref(root);
}
END_TEST

/* member_of: person -> organization named in the person's title or
 * apposition, once per pair, after the has_title edges and before the
 * statements' edges; none to a country. */
START_TEST(member_of_edges)
{
    json_t *root = graph_of("Iran will never talk, said the commander of Iran\xE2\x80\x99s Islamic Revolutionary "
                            "Guard Corps (IRGC) Hossein Salami.\n\n"
                            "IRGC navy commander Alireza Tangsiri said the strait was open.\n\n"
                            "Raj Malhotra, an economist at the Halden Institute, said costs rose. "
                            "Malhotra, an economist at the Halden Institute, repeated it.\n\n"
                            "US Rep. Ilhan Omar said the vote would fail.\n",
                            NULL);
    json_t *irgc = node_named(root, "organization", "Islamic Revolutionary Guard Corps");
    json_t *halden = node_named(root, "organization", "Halden Institute");
    ck_assert_ptr_nonnull(irgc);
    ck_assert_ptr_nonnull(halden);
    const char *who[][2] = {{"Hossein Salami", str(irgc, "id")},
                            {"Alireza Tangsiri", str(irgc, "id")},
                            {"Raj Malhotra", str(halden, "id")}};
    for (size_t k = 0; k < sizeof who / sizeof *who; k++) {
        json_t *p = node_named(root, "person", who[k][0]);
        ck_assert_ptr_nonnull(p);
        json_t *e = edge(root, "member_of", str(p, "id"), who[k][1], 0);
        ck_assert_msg(e != NULL, "no member_of from %s", who[k][0]);
        ck_assert_str_eq(str(e, "rule"), "member_of.title");
        ck_assert(json_real_value(json_object_get(e, "confidence")) == 0.8);
        ck_assert_ptr_null(edge(root, "member_of", str(p, "id"), who[k][1], 1)); /* once per pair */
    }
    json_t *omar = node_named(root, "person", "Ilhan Omar");
    ck_assert_ptr_nonnull(omar);
    ck_assert_ptr_null(edge(root, "member_of", str(omar, "id"), NULL, 0));
    /* Without gold: every member_of runs from a person to an organization,
     * and comes after every has_title edge and before every said edge. */
    size_t i, members = 0, last_title = 0, first_said = SIZE_MAX;
    json_t *e;
    json_array_foreach(json_object_get(root, "edges"), i, e) {
        const char *t = str(e, "type");
        if (strcmp(t, "has_title") == 0)
            last_title = i;
        if (strcmp(t, "said") == 0 && first_said == SIZE_MAX)
            first_said = i;
        if (strcmp(t, "member_of") != 0)
            continue;
        members++;
        ck_assert_str_eq(str(node(root, str(e, "from")), "type"), "person");
        ck_assert_str_eq(str(node(root, str(e, "to")), "type"), "organization");
        ck_assert_uint_gt(i, last_title);
        ck_assert_uint_lt(i, first_said);
    }
    ck_assert_uint_eq(members, 3);
    json_decref(root);
}
END_TEST

START_TEST(joint_speakers_two_edges)
{
    const char *text = "Benjamin Netanyahu met reporters. He and US President Donald Trump presented as evidence "
                       "that Iran lied about its nuclear program.";
    json_t *root = graph_of(text, NULL);
    json_t *s = node_named(root, "statement", "Iran lied about its nuclear program");
    ck_assert_ptr_nonnull(s);
    const char *sid = str(s, "id");
    const char *bn = str(node_named(root, "person", "Benjamin Netanyahu"), "id");
    const char *dt = str(node_named(root, "person", "Donald Trump"), "id");
    json_t *a = edge(root, "said", bn, sid, 0), *b = edge(root, "said", dt, sid, 0);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    expect_span_obj(json_object_get(a, "source"), text, "He");
    expect_span_obj(json_object_get(b, "source"), text, "US President Donald Trump");
    ck_assert_ptr_null(edge(root, "said", NULL, sid, 2));
    json_decref(root);
}
END_TEST

/* ---- non-ASCII and errors ---- */

START_TEST(code_point_offsets)
{
    /* é (2 bytes), curly quotes (3 bytes) and emoji (4 bytes) are one code point
     * each: 69 code points, René Lévy at [2,11], the quote content at [30,56]. */
    const char *text = "\xF0\x9F\x9A\xA2 Ren\xC3\xA9 L\xC3\xA9vy spoke on Monday. " LQ "Caf\xC3\xA9 prices are too "
                       "high \xF0\x9F\x98\xA0," RQ " L\xC3\xA9vy said.";
    char *line = graph_line(text, NULL);
    json_t *root = parse(line);
    free(line);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "doc"), "length")), 69);
    json_t *p = node_named(root, "person", "Ren\xC3\xA9 L\xC3\xA9vy");
    ck_assert_ptr_nonnull(p);
    json_t *m0 = json_array_get(json_object_get(p, "mentions"), 0);
    expect_span_obj(m0, text, "Ren\xC3\xA9 L\xC3\xA9vy");
    ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(m0, "span"), 0)), 2);
    ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(m0, "span"), 1)), 11);
    json_t *s = node_named(root, "statement", "Caf\xC3\xA9 prices are too high \xF0\x9F\x98\xA0");
    ck_assert_ptr_nonnull(s);
    json_t *span = json_object_get(s, "span");
    ck_assert_int_eq(json_integer_value(json_array_get(span, 0)), 30);
    ck_assert_int_eq(json_integer_value(json_array_get(span, 1)), 56);
    char *slice = cp_slice(text, 30, 56);
    ck_assert_str_eq(slice, str(s, "text"));
    free(slice);
    json_t *e = edge(root, "said", NULL, str(s, "id"), 0);
    ck_assert_ptr_nonnull(e);
    expect_span_obj(json_object_get(e, "source"), text, "L\xC3\xA9vy");
    expect_span_obj(json_object_get(e, "cue"), text, "said");
    json_decref(root);
}
END_TEST

START_TEST(error_record)
{
    /* A real document error: invalid UTF-8 at byte 6. */
    qg_error err = {0};
    const char bad[] = "Hello \xFF world";
    qg_doc *doc = qg_doc_new(test_pipeline("all"), "bad-doc", "in/bad.txt", bad, sizeof bad - 1, NULL, &err);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(err.status, QG_ERR_UTF8);
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(qg_write_error("bad-doc", "in/bad.txt", &err, f), 0);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_int_eq(buf[size - 1], '\n');
    json_t *root = parse(buf);
    free(buf);
    expect_keys(root, KEYS("schema", "doc", "error"));
    ck_assert_str_eq(str(root, "schema"), "quotegraph/1");
    json_t *d = json_object_get(root, "doc");
    expect_keys(d, KEYS("id", "source", "date", "length"));
    ck_assert_str_eq(str(d, "id"), "bad-doc");
    ck_assert_str_eq(str(d, "source"), "in/bad.txt");
    ck_assert(json_is_null(json_object_get(d, "date")));
    ck_assert(json_is_null(json_object_get(d, "length")));
    json_t *e = json_object_get(root, "error");
    expect_keys(e, KEYS("code", "message", "offset"));
    ck_assert_str_eq(str(e, "code"), "invalid-utf8");
    ck_assert_str_eq(str(e, "message"), err.message);
    ck_assert_uint_gt(strlen(str(e, "message")), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(e, "offset")), 6);
    json_decref(root);
}
END_TEST

START_TEST(error_record_without_offset)
{
    qg_error err = {.status = QG_ERR_IO, .offset = -1};
    snprintf(err.message, sizeof err.message, "cannot read in/missing.txt");
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(qg_write_error(NULL, NULL, &err, f), 0);
    ck_assert_int_eq(fclose(f), 0);
    json_t *root = parse(buf);
    free(buf);
    json_t *d = json_object_get(root, "doc");
    ck_assert_str_eq(str(d, "id"), "");
    ck_assert(json_is_null(json_object_get(d, "source")));
    json_t *e = json_object_get(root, "error");
    expect_keys(e, KEYS("code", "message"));
    ck_assert_str_eq(str(e, "code"), qg_status_code(QG_ERR_IO));
    ck_assert_str_eq(str(e, "message"), "cannot read in/missing.txt");
    json_decref(root);
}
END_TEST

START_TEST(empty_document)
{
    json_t *root = graph_of("", NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "nodes")), 0);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "edges")), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "doc"), "length")), 0);
    ck_assert(json_is_null(json_object_get(json_object_get(root, "doc"), "date")));
    json_decref(root);
}
END_TEST

static Suite *graph_suite(void)
{
    Suite *s = suite_create("graph");
    TCase *layout = tcase_create("layout");
    tcase_add_test(layout, record_key_order);
    tcase_add_test(layout, node_order_and_ids);
    tcase_add_test(layout, deterministic);
    tcase_add_test(layout, empty_document);
    suite_add_tcase(s, layout);
    TCase *nodes = tcase_create("nodes");
    tcase_add_test(nodes, one_person_node_per_entity);
    tcase_add_test(nodes, organization_names);
    tcase_add_test(nodes, titles_role_and_rank);
    tcase_add_test(nodes, titles_office_of_a_body);
    tcase_add_test(nodes, appositive_title_node);
    tcase_add_test(nodes, dates_merged_by_value);
    tcase_add_test(nodes, null_dates_not_merged);
    tcase_add_test(nodes, statement_nodes_and_said_edges);
    suite_add_tcase(s, nodes);
    TCase *edges = tcase_create("edges");
    tcase_add_test(edges, said_edge_source_and_cue);
    tcase_add_test(edges, continuation_edge_nulls);
    tcase_add_test(edges, said_on_and_reported_by);
    tcase_add_test(edges, joint_speakers_two_edges);
    tcase_add_test(edges, member_of_edges);
    suite_add_tcase(s, edges);
    TCase *text = tcase_create("offsets_errors");
    tcase_add_test(text, code_point_offsets);
    tcase_add_test(text, error_record);
    tcase_add_test(text, error_record_without_offset);
    suite_add_tcase(s, text);
    return s;
}

QG_CHECK_MAIN(graph_suite)
