/* cmd_rules.c - `quotegraph rules list|check`: every rule id an edge or node
 * can carry (pipeline/provenance.def) with the source lines that refer to
 * it, and the data rules loaded from the rules directory with their
 * file:line. The source lines come from rule_sites.h, which the Makefile
 * generates from the sources at build time, so they cannot drift. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "doc.h"
#include "provenance.h"
#include "rules.h"

typedef struct {
    qg_rule_id rule;
    const char *file;
    int line;
} rule_site;

static const rule_site sites[] = {
#define QG_RULE_SITE(e, file, line) {e, file, line},
#include "rule_sites.h"
#undef QG_RULE_SITE
};

#define NSITES (sizeof sites / sizeof sites[0])

static const char usage_text[] =
    "usage: quotegraph rules list [--json] [--lexicon] [--rules DIR]\n"
    "       quotegraph rules check [--rules DIR]\n"
    "\n"
    "list: every rule id an edge or node can carry, with its stage, description\n"
    "and the source lines that refer to it (file:line); the named patterns of\n"
    "patterns.txt with their file:line; and per lexicon file of the rules\n"
    "directory how many lines and forms it holds.\n"
    "check: load the rules directory and report OK or the first error as\n"
    "FILE:LINE:COLUMN: message.\n"
    "\n"
    "  --json         list as one JSON object\n"
    "  --lexicon      list every lexicon line too: file:line, class, forms\n"
    "  --rules DIR    rules directory (default: $QUOTEGRAPH_RULES, else the\n"
    "                 built-in one)\n"
    "  --help         print this help and exit\n"
    "\n"
    "Exit status: 0 listed or OK, 2 usage or rules error, 3 the output could\n"
    "not be written.\n";

/* Lexicon class bits to the file that defines them (bit order of QG_LEX_*). */
static const char *const class_files[] = {"cues.txt",          "honorifics.txt", "titles.txt",
                                          "organizations.txt", "pronouns.txt",   "dates.txt",
                                          "abbreviations.txt", "function_words.txt", "groups.txt",
                                          "modifiers.txt",     "first_names.txt"};

#define NCLASSES (sizeof class_files / sizeof class_files[0])

static int class_index(uint32_t cls)
{
    for (int b = 0; b < (int)NCLASSES; b++)
        if (cls == 1u << b)
            return b;
    return -1;
}

/* The entries of one lexicon line are consecutive: FIRST .. *END. */
static uint32_t line_end(const qg_rules *r, uint32_t first)
{
    uint32_t n = qg_rules_entry_count(r), k = first + 1;
    while (k < n && qg_rules_entry(r, k)->origin == qg_rules_entry(r, first)->origin)
        k++;
    return k;
}

/* Lines and forms per lexicon file. */
static void count_lexicons(const qg_rules *r, size_t *lines, size_t *forms)
{
    memset(lines, 0, NCLASSES * sizeof *lines);
    memset(forms, 0, NCLASSES * sizeof *forms);
    for (uint32_t k = 0, n = qg_rules_entry_count(r); k < n;) {
        uint32_t e = line_end(r, k);
        int c = class_index(qg_rules_entry(r, k)->cls);
        if (c >= 0) {
            lines[c]++;
            forms[c] += e - k;
        }
        k = e;
    }
}

/* ---- text ---- */

static void list_sites_text(unsigned id)
{
    const char *file = NULL;
    for (size_t i = 0; i < NSITES; i++) {
        if (sites[i].rule != id)
            continue;
        if (file && strcmp(file, sites[i].file) == 0) {
            printf(",%d", sites[i].line);
        } else {
            printf("%s%s:%d", file ? " " : "    ", sites[i].file, sites[i].line);
            file = sites[i].file;
        }
    }
    if (file)
        putchar('\n');
}

static void list_text(const qg_rules *r, const char *dir, int lexicon)
{
    printf("Rule ids (pipeline/provenance.def): id (stage): description, then the\n"
           "source lines that refer to it.\n\n");
    for (unsigned id = QG_R_NONE + 1; id < QG_R_COUNT; id++) {
        const qg_rule_info *ri = qg_rule(id);
        printf("%s (%s): %s\n", ri->id, ri->stage, ri->description);
        list_sites_text(id);
    }
    printf("\nPatterns (%s/patterns.txt):\n\n", dir);
    for (uint32_t i = 0; i < qg_rules_pattern_count(r); i++) {
        const char *origin;
        const char *name = qg_rules_pattern_name(r, i, &origin);
        printf("pattern %s: %s\n", name, origin);
    }
    size_t lines[NCLASSES], forms[NCLASSES];
    count_lexicons(r, lines, forms);
    printf("\nLexicons (%s):\n\n", dir);
    for (size_t c = 0; c < NCLASSES; c++)
        printf("lexicon %s: %zu lines, %zu forms\n", class_files[c], lines[c], forms[c]);
    if (!lexicon)
        return;
    putchar('\n');
    for (uint32_t k = 0, n = qg_rules_entry_count(r); k < n;) {
        uint32_t e = line_end(r, k);
        printf("%s:", qg_rules_str(r, qg_rules_entry(r, k)->origin));
        for (uint32_t j = k; j < e; j++)
            printf("%s%s", j > k ? " | " : " ", qg_rules_entry(r, j)->form);
        putchar('\n');
        k = e;
    }
}

/* ---- JSON ---- */

static int append(json_t *arr, json_t *v)
{
    return json_array_append_new(arr, v);
}

static json_t *list_json(const qg_rules *r, const char *dir, int lexicon)
{
    json_t *root = json_object(), *ids = json_array(), *pats = json_array(), *lex = json_array();
    json_t *lines = lexicon ? json_array() : NULL;
    int bad = !root || !ids || !pats || !lex || (lexicon && !lines);
    for (unsigned id = QG_R_NONE + 1; !bad && id < QG_R_COUNT; id++) {
        const qg_rule_info *ri = qg_rule(id);
        json_t *where = json_array();
        for (size_t i = 0; where && i < NSITES; i++)
            if (sites[i].rule == id && append(where, json_pack("{s:s,s:i}", "file", sites[i].file, "line",
                                                               sites[i].line)) != 0)
                bad = 1;
        bad |= append(ids, json_pack("{s:s,s:s,s:s,s:o}", "id", ri->id, "stage", ri->stage, "description",
                                     ri->description, "sources", where)) != 0;
    }
    for (uint32_t i = 0; !bad && i < qg_rules_pattern_count(r); i++) {
        const char *origin;
        const char *name = qg_rules_pattern_name(r, i, &origin);
        bad |= append(pats, json_pack("{s:s,s:s}", "name", name, "origin", origin)) != 0;
    }
    size_t nlines[NCLASSES], nforms[NCLASSES];
    count_lexicons(r, nlines, nforms);
    for (uint32_t k = 0, n = qg_rules_entry_count(r); lines && !bad && k < n;) {
        uint32_t e = line_end(r, k);
        int c = class_index(qg_rules_entry(r, k)->cls);
        if (c >= 0) {
            json_t *forms = json_array();
            for (uint32_t j = k; forms && j < e; j++)
                if (append(forms, json_string(qg_rules_entry(r, j)->form)) != 0)
                    bad = 1;
            bad |= append(lines, json_pack("{s:s,s:s,s:o}", "origin",
                                           qg_rules_str(r, qg_rules_entry(r, k)->origin), "file",
                                           class_files[c], "forms", forms)) != 0;
        }
        k = e;
    }
    for (size_t c = 0; !bad && c < NCLASSES; c++)
        bad |= append(lex, json_pack("{s:s,s:I,s:I}", "file", class_files[c], "lines", (json_int_t)nlines[c],
                                     "forms", (json_int_t)nforms[c])) != 0;
    if (!bad) {
        bad |= json_object_set_new(root, "rules_dir", json_string(dir)) != 0;
        bad |= json_object_set(root, "rules", ids) != 0;
        bad |= json_object_set(root, "patterns", pats) != 0;
        bad |= json_object_set(root, "lexicons", lex) != 0;
        if (lines)
            bad |= json_object_set(root, "lexicon_lines", lines) != 0;
    }
    json_decref(ids);
    json_decref(pats);
    json_decref(lex);
    json_decref(lines);
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int qg_cmd_rules(int argc, char **argv)
{
    const char *dir = NULL, *action = NULL;
    int json = 0, lexicon = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return QG_EXIT_OK;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--lexicon") == 0) {
            lexicon = 1;
        } else if (qg_option(argc, argv, &i, NULL, "--rules", &dir)) {
            if (!dir || !*dir)
                return qg_usage_error("rules", "--rules: needs a directory");
        } else if (a[0] == '-') {
            return qg_usage_error("rules", "rules: unknown option '%s'", a);
        } else if (action) {
            return qg_usage_error("rules", "rules: one action only, not '%s' too", a);
        } else if (strcmp(a, "list") == 0 || strcmp(a, "check") == 0) {
            action = a;
        } else {
            return qg_usage_error("rules", "rules: unknown action '%s' (list or check)", a);
        }
    }
    if (!action)
        return qg_usage_error("rules", "rules: needs an action: list or check");
    int check = strcmp(action, "check") == 0;
    if (check && (json || lexicon))
        return qg_usage_error("rules", "rules check: --json and --lexicon are for list");
    dir = qg_rules_dir(dir);
    qg_rules *r = qg_load_rules(dir);
    if (!r)
        return QG_EXIT_USAGE;
    int rc = QG_EXIT_OK;
    if (check) {
        printf("%s: OK\n", dir);
    } else if (json) {
        json_t *j = list_json(r, dir, lexicon);
        if (!j) {
            fputs("quotegraph: out of memory\n", stderr);
            rc = QG_EXIT_USAGE;
        } else if (json_dumpf(j, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0 || putchar('\n') == EOF) {
            rc = QG_EXIT_OUTPUT;
        }
        json_decref(j);
    } else {
        list_text(r, dir, lexicon);
    }
    qg_rules_free(r);
    return rc;
}
