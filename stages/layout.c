/* layout.c - per-token lookup tables over the layers. */
#include "layout.h"

static uint32_t *none_filled(qg_doc *doc)
{
    uint32_t n = doc->tokens.count + 1;
    uint32_t *map = qg_arena_alloc(doc->arena, n * sizeof *map);
    for (uint32_t i = 0; i < n; i++)
        map[i] = QG_NONE;
    return map;
}

uint32_t *qg_layout_quotes(qg_doc *doc)
{
    uint32_t *map = none_filled(doc);
    /* Quotes are sorted by opening mark and nest, so a later (inner) quote
     * overwrites its parent's range: total work is bounded by nesting depth. */
    for (uint32_t k = 0; k < doc->quotes.count; k++) {
        const qg_quote *q = &doc->quotes.items[k];
        uint32_t end = q->close != QG_NONE ? q->close + 1 : q->last;
        for (uint32_t i = q->open; i < end && i < doc->tokens.count; i++)
            map[i] = k;
    }
    return map;
}

uint32_t *qg_layout_sentences(qg_doc *doc)
{
    uint32_t *map = none_filled(doc);
    for (uint32_t k = 0; k < doc->sentences.count; k++)
        for (uint32_t i = doc->sentences.items[k].first; i < doc->sentences.items[k].last; i++)
            map[i] = k;
    return map;
}

uint32_t *qg_layout_mentions(qg_doc *doc)
{
    uint32_t *map = none_filled(doc);
    for (uint32_t k = 0; k < doc->mentions.count; k++) {
        if (doc->mentions.items[k].flags & QG_MF_INNER)
            continue; /* part of a person's title: the person is the mention there */
        for (uint32_t i = doc->mentions.items[k].first; i < doc->mentions.items[k].last; i++)
            map[i] = k;
    }
    return map;
}

uint32_t *qg_layout_timexes(qg_doc *doc)
{
    uint32_t *map = none_filled(doc);
    for (uint32_t k = 0; k < doc->timexes.count; k++)
        for (uint32_t i = doc->timexes.items[k].first; i < doc->timexes.items[k].last; i++)
            map[i] = k;
    return map;
}
