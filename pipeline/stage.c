/* stage.c - the one table of stages, in the order they run. */
#include "stage.h"

#include <stdio.h>
#include <string.h>

#define BIT QG_STAGE_BIT

const qg_stage qg_stages[QG_STAGE_COUNT] = {
    [QG_STAGE_TOKENIZE] = {"tokenize", "words, numbers, punctuation, quotation marks, URLs",
                           qg_stage_tokenize, 0},
    [QG_STAGE_SENTENCES] = {"sentences", "sentences and paragraphs, abbreviation-aware",
                            qg_stage_sentences, BIT(QG_STAGE_TOKENIZE)},
    [QG_STAGE_DATES] = {"dates", "date expressions with ISO values against the document date",
                        qg_stage_dates, BIT(QG_STAGE_SENTENCES)},
    [QG_STAGE_QUOTES] = {"quotes", "quotations: paired marks, nesting, multi-paragraph runs",
                         qg_stage_quotes, BIT(QG_STAGE_SENTENCES)},
    [QG_STAGE_MENTIONS] = {"mentions", "people, organizations, groups, titles, pronouns, nominals",
                           qg_stage_mentions, BIT(QG_STAGE_SENTENCES) | BIT(QG_STAGE_DATES)},
    [QG_STAGE_COREF] = {"coref", "mentions grouped into entities: names, pronouns, nominals",
                        qg_stage_coref, BIT(QG_STAGE_MENTIONS) | BIT(QG_STAGE_QUOTES)},
    [QG_STAGE_ATTRIBUTION] = {"attribution", "statements linked to speakers, cues, dates, outlets",
                              qg_stage_attribution,
                              BIT(QG_STAGE_COREF) | BIT(QG_STAGE_QUOTES) | BIT(QG_STAGE_DATES)},
};

int qg_stage_find(const char *name)
{
    for (int i = 0; i < QG_STAGE_COUNT; i++)
        if (strcmp(qg_stages[i].name, name) == 0)
            return i;
    return -1;
}

/* Adds stage S and, transitively, what it needs. */
static uint32_t with_needs(int s)
{
    uint32_t m = BIT(s);
    for (int i = 0; i < QG_STAGE_COUNT; i++)
        if (qg_stages[s].needs & BIT(i))
            m |= with_needs(i);
    return m;
}

int qg_stage_mask(const char *list, uint32_t *mask, qg_error *err)
{
    uint32_t m = 0;
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char name[32];
        if (len == 0 || len >= sizeof name) {
            snprintf(err->message, sizeof err->message, "bad stage list '%s'", list);
            err->status = QG_ERR_USAGE;
            return -1;
        }
        memcpy(name, p, len);
        name[len] = '\0';
        int s = qg_stage_find(name);
        if (s < 0 && strcmp(name, "all") == 0) {
            m = QG_STAGES_ALL;
        } else if (s < 0) {
            char names[160] = "";
            for (int k = 0; k < QG_STAGE_COUNT; k++) {
                strncat(names, k ? ", " : "", sizeof names - strlen(names) - 1);
                strncat(names, qg_stages[k].name, sizeof names - strlen(names) - 1);
            }
            snprintf(err->message, sizeof err->message, "unknown stage '%s' (stages: %s)", name, names);
            err->status = QG_ERR_USAGE;
            return -1;
        } else {
            m |= with_needs(s);
        }
        p += len;
        if (*p == ',' && *++p == '\0') {
            snprintf(err->message, sizeof err->message, "bad stage list '%s': trailing comma", list);
            err->status = QG_ERR_USAGE;
            return -1;
        }
    }
    *mask = m;
    return 0;
}
