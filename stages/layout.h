/* layout.h - per-token lookup tables derived from the layers, built on
 * demand by the stages that need them (arena memory, linear time). */
#ifndef QG_LAYOUT_H
#define QG_LAYOUT_H

#include "doc.h"

/* For every token, the innermost quote whose marks or content contain it,
 * or QG_NONE. Needs the quotes layer. */
uint32_t *qg_layout_quotes(qg_doc *doc);

/* For every token, its sentence index. Needs the sentences layer. */
uint32_t *qg_layout_sentences(qg_doc *doc);

/* For every token, the mention that covers it, or QG_NONE. Needs mentions. */
uint32_t *qg_layout_mentions(qg_doc *doc);

/* For every token, the timex that covers it, or QG_NONE. Needs timexes. */
uint32_t *qg_layout_timexes(qg_doc *doc);

#endif
