/* check_layers.c - tests of the layers file (pipeline/layers_json.c) and the
 * graph writer (pipeline/graph_json.c): stopping after any stage and resuming
 * from the written layers gives a byte-identical graph; malformed layer lines
 * are rejected with a message; the graph's key order and spans. */
#include <jansson.h>

#include "check_util.h"

/* A realistic text: metadata line, curly quotes, a multi-paragraph quote,
 * non-ASCII names, an emoji, dates, titles and an outlet. */
static const char *const TEXT =
    "date 2019-06-02\n\n"
    "Iran\xE2\x80\x99s navy chief rejects talks \xF0\x9F\x9A\xA2\n\n"
    "\xE2\x80\x9CWe will never negotiate with the United States,\xE2\x80\x9D Rear Admiral Habibollah Sayyari, "
    "the second-in-command of the Iranian Army, told Tasnim news agency on Sunday.\n\n"
    "Speaking to reporters in Tehran, Sayyari said that Europe\xE2\x80\x99s offers were \xE2\x80\x9C" "empty "
    "promises\xE2\x80\x9D" " and that the country\xE2\x80\x99s missile program is not negotiable.\n\n"
    "\xE2\x80\x9CThe enemies have tried everything.\n\n"
    "\xE2\x80\x9CThey have failed,\xE2\x80\x9D he added. Jos\xC3\xA9 M\xC3\xBCller, a spokesman for the "
    "Caf\xC3\xA9" " Group, said last week that sanctions had hurt trade.\n";

/* Writes with FN (qg_write_graph or qg_write_layers) into a malloc'd string. */
static char *write_string(int (*fn)(const qg_doc *, const qg_rules *, FILE *), const qg_doc *doc)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fn(doc, test_rules(), f), 0);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_uint_gt(size, 0);
    ck_assert_int_eq(buf[size - 1], '\n');
    return buf;
}

static qg_doc *new_doc(qg_pipeline *p, const char *text)
{
    qg_error err = {0};
    qg_doc *doc = qg_doc_new(p, "article-1", "corpus/a.txt", text, strlen(text), NULL, &err);
    ck_assert_msg(doc != NULL, "%s", err.message);
    return doc;
}

static char *full_graph(const char *text)
{
    qg_pipeline *all = test_pipeline("all");
    qg_doc *doc = new_doc(all, text);
    qg_error err = {0};
    ck_assert_int_eq(qg_pipeline_run(all, doc, &err), QG_OK);
    char *g = write_string(qg_write_graph, doc);
    qg_doc_free(doc);
    return g;
}

/* A layers line for TEXT after the stages in LIST (malloc'd). */
static char *layers_after(const char *text, const char *list)
{
    qg_pipeline *p = test_pipeline(list);
    qg_doc *doc = new_doc(p, text);
    qg_error err = {0};
    ck_assert_int_eq(qg_pipeline_run(p, doc, &err), QG_OK);
    char *line = write_string(qg_write_layers, doc);
    qg_doc_free(doc);
    return line;
}

START_TEST(resume_after_each_stage)
{
    char *want = full_graph(TEXT);
    ck_assert_ptr_nonnull(strstr(want, "\"said\""));
    qg_pipeline *all = test_pipeline("all");
    for (int s = 0; s < QG_STAGE_COUNT; s++) {
        char *line = layers_after(TEXT, qg_stages[s].name);
        qg_error err = {0};
        qg_doc *doc = qg_read_layers(all, line, strlen(line), &err);
        ck_assert_msg(doc != NULL, "after %s: %s", qg_stages[s].name, err.message);
        uint32_t mask = 0;
        ck_assert_int_eq(qg_stage_mask(qg_stages[s].name, &mask, &err), 0);
        ck_assert_uint_eq(doc->stages_done, mask);
        /* Written again, the layers are the same line. */
        char *again = write_string(qg_write_layers, doc);
        ck_assert_msg(strcmp(again, line) == 0, "after %s: layers differ when rewritten", qg_stages[s].name);
        free(again);
        ck_assert_int_eq(qg_pipeline_run(all, doc, &err), QG_OK);
        ck_assert_uint_eq(doc->stages_done, QG_STAGES_ALL);
        char *got = write_string(qg_write_graph, doc);
        ck_assert_msg(strcmp(got, want) == 0, "resumed after %s:\n%s\nwant:\n%s", qg_stages[s].name, got, want);
        free(got);
        qg_doc_free(doc);
        free(line);
    }
    free(want);
}
END_TEST

START_TEST(layers_keep_document_fields)
{
    char *line = layers_after(TEXT, "tokenize");
    qg_error err = {0};
    qg_doc *doc = qg_read_layers(test_pipeline("all"), line, strlen(line), &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(doc->id, "article-1");
    ck_assert_str_eq(doc->source, "corpus/a.txt");
    ck_assert_str_eq(doc->text, TEXT);
    ck_assert_int_eq(doc->date.year, 2019);
    ck_assert_uint_eq(doc->body, 16);
    /* Lexicon classes are rebuilt from the rules. */
    uint32_t lex = 0;
    for (uint32_t i = 0; i < doc->tokens.count; i++)
        lex |= doc->tokens.items[i].lex;
    ck_assert(lex & QG_LEX_CUE);
    ck_assert(lex & QG_LEX_HONORIFIC);
    qg_doc_free(doc);
    free(line);
}
END_TEST

/* ---- malformed lines ---- */

static void expect_rejected(const char *line, const char *want)
{
    qg_error err = {0};
    qg_doc *doc = qg_read_layers(test_pipeline("all"), line, strlen(line), &err);
    if (doc)
        qg_doc_free(doc);
    ck_assert_msg(doc == NULL, "accepted: %.200s", line);
    ck_assert_int_eq(err.status, QG_ERR_INPUT);
    ck_assert_msg(strstr(err.message, want) != NULL, "message '%s' lacks '%s'", err.message, want);
}

/* A valid layers line (after LIST) changed by EDIT, dumped again (malloc'd). */
static char *edited(const char *list, void (*edit)(json_t *root))
{
    char *line = layers_after("\xE2\x80\x9C" "Caf\xC3\xA9 talks failed,\xE2\x80\x9D he said on Sunday.", list);
    json_error_t jerr;
    json_t *root = json_loads(line, 0, &jerr);
    ck_assert_ptr_nonnull(root);
    free(line);
    edit(root);
    char *out = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(root);
    ck_assert_ptr_nonnull(out);
    return out;
}

static void set_schema(json_t *root) { json_object_set_new(root, "schema", json_string("quotegraph-layers/9")); }
static void set_digest(json_t *root) { json_object_set_new(root, "rules", json_string("0000000000000000")); }
static void drop_text(json_t *root) { json_object_del(root, "text"); }
static void extra_field(json_t *root)
{
    json_t *row = json_array_get(json_object_get(json_object_get(root, "tokens"), "rows"), 1);
    json_array_append_new(row, json_integer(0));
}
static void short_row(json_t *root)
{
    json_t *row = json_array_get(json_object_get(json_object_get(root, "tokens"), "rows"), 0);
    json_array_remove(row, 0);
}
static void negative_offset(json_t *root)
{
    json_t *row = json_array_get(json_object_get(json_object_get(root, "tokens"), "rows"), 0);
    json_array_set_new(row, 0, json_integer(-3));
}
static void offset_past_end(json_t *root)
{
    json_t *row = json_array_get(json_object_get(json_object_get(root, "tokens"), "rows"), 0);
    json_array_set_new(row, 1, json_integer(100000));
}
static void string_value(json_t *root)
{
    json_t *row = json_array_get(json_object_get(json_object_get(root, "tokens"), "rows"), 0);
    json_array_set_new(row, 2, json_string("0"));
}
static void renamed_field(json_t *root)
{
    json_t *fields = json_object_get(json_object_get(root, "tokens"), "fields");
    json_array_set_new(fields, 0, json_string("begin"));
}
static void unknown_stage(json_t *root)
{
    json_array_append_new(json_object_get(root, "stages"), json_string("speakers"));
}
static void missing_layer(json_t *root) { json_object_del(root, "sentences"); }
static void tokens_out_of_order(json_t *root)
{
    json_t *rows = json_object_get(json_object_get(root, "tokens"), "rows");
    json_t *first = json_incref(json_array_get(rows, 0));
    json_array_remove(rows, 0);
    json_array_append_new(rows, first);
}
static void sentence_past_tokens(json_t *root)
{
    json_t *row = json_array_get(json_object_get(json_object_get(root, "sentences"), "rows"), 0);
    json_array_set_new(row, 1, json_integer(5000));
}
static void quote_past_tokens(json_t *root)
{
    json_t *row = json_array_get(json_object_get(json_object_get(root, "quotes"), "rows"), 0);
    json_array_set_new(row, 0, json_integer(5000)); /* open */
    json_array_set_new(row, 3, json_integer(6000)); /* last */
}

static void expect_edit_rejected(const char *list, void (*edit)(json_t *), const char *want)
{
    char *line = edited(list, edit);
    expect_rejected(line, want);
    free(line);
}

START_TEST(malformed_lines)
{
    expect_rejected("not json at all", "not JSON");
    expect_rejected("", "not JSON");
    expect_rejected("{\"schema\":\"quotegraph/1\"}", "schema");
    expect_rejected("[1,2,3]", "schema");
    expect_edit_rejected("tokenize", set_schema, "schema quotegraph-layers/1 expected");
    expect_edit_rejected("tokenize", set_digest, "other rules");
    expect_edit_rejected("tokenize", drop_text, "text");
    expect_edit_rejected("tokenize", extra_field, "wrong number of fields");
    expect_edit_rejected("tokenize", short_row, "wrong number of fields");
    expect_edit_rejected("tokenize", negative_offset, "out of range");
    expect_edit_rejected("tokenize", offset_past_end, "out of range");
    expect_edit_rejected("tokenize", string_value, "out of range");
    expect_edit_rejected("tokenize", renamed_field, "other fields");
    expect_edit_rejected("tokenize", unknown_stage, "unknown stage 'speakers'");
    expect_edit_rejected("sentences", missing_layer, "layer 'sentences' is missing");
    expect_edit_rejected("tokenize", tokens_out_of_order, "out of order");
    expect_edit_rejected("sentences", sentence_past_tokens, "outside the tokens");
}
END_TEST

/* SOURCE BUG (pipeline/layers_json.c, check_tokens): the reader checks that
 * tokens and sentences stay inside the text and the token layer, but not the
 * token indexes of quotes (nor timexes, mentions, statements). A quote row
 * with open = 5000 in a 12-token document is accepted, and the stages run
 * after it (coref, attribution) and the graph writer index the token array
 * with it: an out-of-bounds read. */
START_TEST(quote_indexes_checked)
{
    expect_edit_rejected("quotes", quote_past_tokens, "");
}
END_TEST

/* ---- the graph's shape ---- */

/* Code point offsets -> byte offsets of TEXT (n+1 entries), malloc'd. */
static size_t *cp_index(const char *text, size_t *ncp)
{
    size_t len = strlen(text), n = 0;
    size_t *at = malloc((len + 1) * sizeof *at);
    ck_assert_ptr_nonnull(at);
    for (size_t b = 0; b < len; b++)
        if (((unsigned char)text[b] & 0xC0) != 0x80)
            at[n++] = b;
    at[n] = len;
    *ncp = n;
    return at;
}

/* Every object with "span" [s,e] and "text": the code point slice equals the text. */
static int check_spans(json_t *v, const char *text, const size_t *at, size_t ncp)
{
    int checked = 0;
    if (json_is_object(v)) {
        json_t *span = json_object_get(v, "span"), *t = json_object_get(v, "text");
        if (span && t) {
            ck_assert(json_is_array(span) && json_array_size(span) == 2 && json_is_string(t));
            json_int_t s = json_integer_value(json_array_get(span, 0));
            json_int_t e = json_integer_value(json_array_get(span, 1));
            ck_assert_msg(0 <= s && s <= e && (size_t)e <= ncp, "bad span [%lld,%lld]", (long long)s, (long long)e);
            size_t bs = at[s], be = at[e];
            ck_assert_msg(json_string_length(t) == be - bs && memcmp(json_string_value(t), text + bs, be - bs) == 0,
                          "span [%lld,%lld] is '%.*s', text is '%s'", (long long)s, (long long)e, (int)(be - bs),
                          text + bs, json_string_value(t));
            checked++;
        }
        const char *key;
        json_t *x;
        json_object_foreach(v, key, x) checked += check_spans(x, text, at, ncp);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) checked += check_spans(x, text, at, ncp);
    }
    return checked;
}

static void expect_keys(json_t *obj, const char *const *keys, size_t n)
{
    size_t k = 0;
    const char *key;
    json_t *x;
    json_object_foreach(obj, key, x)
    {
        ck_assert_msg(k < n, "extra key '%s'", key);
        ck_assert_msg(strcmp(key, keys[k]) == 0, "key %zu is '%s', want '%s'", k, key, keys[k]);
        k++;
    }
    ck_assert_uint_eq(k, n);
}

START_TEST(graph_key_order_and_spans)
{
    const char *small = "\xE2\x80\x9CNo talks,\xE2\x80\x9D Jos\xC3\xA9 M\xC3\xBCller \xF0\x9F\x98\x80 said on Sunday.";
    char *line = full_graph(small);
    ck_assert_ptr_nonnull(strstr(line, "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"article-1\","
                                       "\"source\":\"corpus/a.txt\",\"date\":null,\"length\":"));
    json_error_t jerr;
    json_t *root = json_loads(line, 0, &jerr);
    ck_assert_msg(root != NULL, "graph is not JSON: %s", jerr.text);
    const char *top[] = {"schema", "doc", "nodes", "edges"};
    expect_keys(root, top, 4);
    const char *dk[] = {"id", "source", "date", "length"};
    expect_keys(json_object_get(root, "doc"), dk, 4);
    size_t ncp;
    size_t *at = cp_index(small, &ncp);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "doc"), "length")), (json_int_t)ncp);
    ck_assert_int_gt(json_array_size(json_object_get(root, "nodes")), 0);
    ck_assert_int_ge(check_spans(root, small, at, ncp), 2);
    free(at);
    json_decref(root);
    free(line);
}
END_TEST

START_TEST(graph_spans_realistic)
{
    char *line = full_graph(TEXT);
    json_error_t jerr;
    json_t *root = json_loads(line, 0, &jerr);
    ck_assert_msg(root != NULL, "graph is not JSON: %s", jerr.text);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "doc"), "date")), "2019-06-02");
    size_t ncp;
    size_t *at = cp_index(TEXT, &ncp);
    ck_assert_int_gt(check_spans(root, TEXT, at, ncp), 10);
    free(at);
    json_decref(root);
    free(line);
}
END_TEST

START_TEST(error_record)
{
    qg_error err = {.status = QG_ERR_UTF8, .offset = 3};
    snprintf(err.message, sizeof err.message, "invalid UTF-8 at byte 3");
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_int_eq(qg_write_error("x", NULL, &err, f), 0);
    fclose(f);
    ck_assert_str_eq(buf, "{\"schema\":\"quotegraph/1\",\"doc\":{\"id\":\"x\",\"source\":null,\"date\":null,"
                          "\"length\":null},\"error\":{\"code\":\"invalid-utf8\",\"message\":\"invalid UTF-8 at "
                          "byte 3\",\"offset\":3}}\n");
    free(buf);
}
END_TEST

static Suite *layers_suite(void)
{
    Suite *s = suite_create("layers");
    TCase *resume = tcase_create("resume");
    tcase_add_test(resume, resume_after_each_stage);
    tcase_add_test(resume, layers_keep_document_fields);
    tcase_set_timeout(resume, 60);
    suite_add_tcase(s, resume);
    TCase *bad = tcase_create("malformed");
    tcase_add_test(bad, malformed_lines);
    tcase_add_test(bad, quote_indexes_checked);
    suite_add_tcase(s, bad);
    TCase *graph = tcase_create("graph");
    tcase_add_test(graph, graph_key_order_and_spans);
    tcase_add_test(graph, graph_spans_realistic);
    tcase_add_test(graph, error_record);
    suite_add_tcase(s, graph);
    return s;
}

QG_CHECK_MAIN(layers_suite)
