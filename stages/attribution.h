/* attribution.h - what the files of the attribution stage share.
 *
 * The stage is split by the kind of decision it makes:
 *   attr_syntax.c  reading a sentence around a cue: cues, adjuncts, subjects,
 *                  where content starts and ends
 *   attr_emit.c    turning a draft into a statement: kind, spans, speaker
 *   attr_quotes.c  quotations: frames after and before, split, nested, block
 *                  and continuation quotes
 *   attr_speech.c  reported speech: clauses and noun phrases after a cue,
 *                  content before it, according to, relays, noun cues, colons
 *   attribution.c  the passes over the document and the date and outlet links
 * Internal to stages/: nothing here is part of the library's interface. */
#ifndef QG_ATTRIBUTION_H
#define QG_ATTRIBUTION_H

#include "doc.h"
#include "rules.h"
#include "stage.h"

typedef struct {
    qg_doc *doc;
    const qg_rules *rules;
    uint32_t *quote_of, *sent_of, *mention_of, *timex_of;
    uint32_t *appos_owner; /* per token: mention whose appositive ends at this comma */
    uint8_t *quote_used;   /* per quote: part of a statement */
    uint8_t *cue_used;     /* per token: cue already consumed */
    uint32_t first, last;  /* the current sentence's tokens */
    uint32_t sent;
    uint32_t stmt_from;    /* first statement of the current sentence */
    uint32_t np_end;       /* set by subject_before: end of the subject phrase, or QG_NONE */
    bool coordinated;      /* set by subject_before: the subject came through "and" */
    bool nested;           /* searching inside a direct quote */
    pcre2_match_data *match;
    pcre2_match_context *limits;
} attr;

typedef struct {
    uint32_t first, last; /* token range, last exclusive */
    uint32_t attrs;       /* QG_CUE_* */
} cue;

/* ---- cues ---- */

typedef struct {
    uint32_t first, last;   /* content tokens */
    uint32_t source, joint; /* mentions */
    uint32_t source_end;    /* token after the source phrase, or QG_NONE */
    cue cue;                /* cue.first == QG_NONE: no cue */
    uint32_t rule, confidence;
    uint32_t speaker;       /* QG_NONE: from the source mention */
} draft;

/* ---- attr_syntax.c ---- */

/* The cue starting at token I, if it is used as a cue there. */
bool attr_cue_at(const attr *a, uint32_t i, cue *c);

/* The cue whose last token is B (phrases up to four words), if any. */
bool attr_cue_ending_at(const attr *a, uint32_t b, cue *c);

bool attr_is_ly_adverb(const attr *a, uint32_t i);

bool attr_is_prep(const attr *a, uint32_t i);

/* Walks left from I (exclusive) over auxiliaries, adverbs and date phrases
 * ("has also", "on Friday", "In comments last month"). */
uint32_t attr_skip_back(const attr *a, uint32_t i);

/* Skips right over date phrases and adverbs after a cue: "said on Sunday that". */
uint32_t attr_skip_fwd(const attr *a, uint32_t i);

/* A relative clause set off by commas after a mention ("one resident, who
 * asked not to be named, told"): from its opening comma I to its closing
 * comma; I itself when no such clause starts there. */
uint32_t attr_skip_relative(const attr *a, uint32_t i);

/* Where a frame's tail ("in a statement posted on X.") reaches the sentence
 * end after cue word I, else I. */
uint32_t attr_frame_tail_end(const attr *a, uint32_t i);
/* Does an infinitive ("to fight", "to “finish the job”") start at I? */
bool attr_infinitive_at(const attr *a, uint32_t i);
bool attr_mention_ends_at(const attr *a, uint32_t p, uint32_t *m);

bool attr_mention_starts_at(const attr *a, uint32_t i, uint32_t *m);

/* The subject of the cue starting at C: the mention right before it, past
 * adjuncts, an appositive or a relative clause. *JOINT gets the first of
 * "X and Y said". Returns a mention index or QG_NONE. */
uint32_t attr_subject_before(attr *a, uint32_t c, uint32_t *joint);

/* Where the content starting at FROM ends (exclusive): at the sentence's
 * final punctuation, or before a new frame: ", saying", ", according to",
 * ", the agency reported", ", which ...", "and insisted that". */
uint32_t attr_clause_end(const attr *a, uint32_t from);

/* The main subject of the sentence for a participle cue (", saying"): the
 * source of the previous statement in the sentence, else its first mention. */
uint32_t attr_clause_subject(const attr *a, uint32_t before);

/* Content after a cue: skips an addressee (told reporters), dates, "that". */
uint32_t attr_content_start(const attr *a, const cue *c, bool *has_that);

bool attr_content_opens_np(const attr *a, uint32_t k);

/* Is the subject of cue C a document ("the study found", "data showed")?
 * Documents report without "that" more than people do. */
bool attr_document_subject(attr *a, const cue *c);

/* "the accusations", "the case in March 2023": a short definite noun
 * phrase names a topic already mentioned, not what was said. */
bool attr_anaphoric_np(const attr *a, uint32_t first, uint32_t last);

/* The first token of the sentence's own words, after a wire dateline
 * ("WASHINGTON (AP) —", pattern `dateline` in rules/patterns.txt). */
uint32_t attr_content_first(const attr *a);

/* The token that starts at or after byte B (binary search). */
uint32_t attr_token_at_byte(const qg_doc *d, uint32_t b);

void attr_set_sentence(attr *a, uint32_t si);

/* ---- attr_emit.c ---- */

/* Appends a statement for DR; decides its kind from the quote marks it holds. */
qg_statement *attr_emit(attr *a, const draft *dr);

draft attr_new_draft(uint32_t rule, uint32_t confidence);

/* Does [start, end) overlap a statement found in the current sentence? */
bool attr_overlaps_statement(const attr *a, uint32_t start, uint32_t end);

bool attr_inside_statement(const qg_doc *d, uint32_t from, uint32_t b);

/* Is byte B inside an "according to X" statement and in no other? Its
 * content may hold a speech event of its own: "According to court
 * documents, Keller assured investors that ..." */
bool attr_inside_according_to(const qg_doc *d, uint32_t from, uint32_t b);

/* ---- attr_quotes.c ---- */

/* After the quote: `"...," he said`, `"...," said Salami`, `"...," Mehr
 * quoted Salami as saying`. Returns true when a frame was found. */
bool attr_frame_after(attr *a, uint32_t qi);

/* Before the quote: `Salami said: "..."`, `..., saying, "..."`, `insisted
 * that "..."`, `as Imam once said, '...'`. */
bool attr_frame_before(attr *a, uint32_t qi);

/* A frame ending in a colon at the end of its paragraph introduces the
 * next paragraph as a block quote, as partisan sites and wire copy quote
 * posts and statements: "Trump wrote on Truth Social:" + a paragraph. */
void attr_block_quote(attr *a);

/* Speech reported inside a direct quote: "I told our guys that we would
 * do it the right way," Mercer wrote. The quote is searched like a
 * sentence of its own; a first-person source is the quote's speaker. */
void attr_nested_speech(attr *a, uint32_t stmt_from, uint32_t stmt_to);

/* Quotes no frame claimed: continuations of the previous speaker, or
 * sentence-like quotes without a speaker. Statements are sorted by now, so
 * one forward walk finds each quote's predecessor. */
void attr_continuation_pass(attr *a);

/* ---- attr_speech.c ---- */

/* A cue with its content after it: "X said (that) ...", "X dismissed the
 * idea of ...", participles ", saying ...", "X advised Y not to ...". */
void attr_speech_after_cue(attr *a, const cue *c);

/* Content before the cue: "..., said the commander", "..., a spokesman said". */
bool attr_speech_before_cue(attr *a, const cue *c);

/* "Xinhua quoted Zhou, chairman of the company, as saying the expansion
 * would ...": the relayed speaker is the object, the content follows. */
bool attr_relay_as_saying(attr *a, const cue *c);

/* "according to X": the rest of the sentence is X's. */
void attr_according_to(attr *a, const cue *c);

/* "the claim by X that ...", "X's claim that ...". */
void attr_noun_cue(attr *a, const cue *c);

/* "claim by US Secretary of State Mike Pompeo that ...": a noun cue with the
 * source between the noun and "that". */
void attr_claim_by(attr *a, uint32_t i);

/* A bare colon as the cue: "Pelosi: 'We will not back down'" or, in a
 * headline, "Trump: Iran deal is dead". The source opens the sentence. */
bool attr_colon_cue(attr *a);

/* Headlines: "Iran's missile might not up for negotiations: Army commander". */
void attr_headline_colon(attr *a);

#endif
