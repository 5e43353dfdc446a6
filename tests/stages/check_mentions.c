/* check_mentions.c - tests of the mentions stage: person names with
 * honorific, rank and title prefixes, appositive titles, organizations
 * (lexicon, head words, countries), unnamed groups, nominals, pronouns,
 * sentence-initial words that are not names, and lone surnames.
 *
 * Cases the stage does not handle yet are in the TCase "known_gaps", run
 * only with QG_KNOWN_GAPS=1 (documented, reported, not failing the build). */
#include "check_util.h"
#include "provenance.h"

#define RSQ "\xE2\x80\x99" /* ’ */

/* The first mention whose token range covers exactly TEXT, or NULL. */
static const qg_mention *mention_is(const qg_doc *doc, const char *text)
{
    for (uint32_t k = 0; k < doc->mentions.count; k++) {
        const qg_mention *m = &doc->mentions.items[k];
        if (span_is(doc, m->first, m->last, text))
            return m;
    }
    return NULL;
}

/* Is any mention's range overlapping the bytes of the first occurrence of S? */
static bool any_mention_over(const qg_doc *doc, const char *s)
{
    long b = find_bytes(doc, s, 0);
    ck_assert_msg(b >= 0, "'%s' not in the text", s);
    uint32_t e = (uint32_t)b + (uint32_t)strlen(s);
    for (uint32_t k = 0; k < doc->mentions.count; k++) {
        const qg_mention *m = &doc->mentions.items[k];
        if (doc->tokens.items[m->first].start < e && (uint32_t)b < doc->tokens.items[m->last - 1].end)
            return true;
    }
    return false;
}

/* Every mention, for failure messages. */
static const char *all_mentions(const qg_doc *doc)
{
    static char buf[2048];
    size_t n = 0;
    buf[0] = '\0';
    for (uint32_t k = 0; k < doc->mentions.count && n < sizeof buf - 1; k++) {
        const qg_mention *m = &doc->mentions.items[k];
        int w = snprintf(buf + n, sizeof buf - n, "[%s]%u ", span_text(doc, m->first, m->last), m->kind);
        if (w < 0)
            break;
        n += (size_t)w < sizeof buf - n ? (size_t)w : sizeof buf - n - 1;
    }
    return buf;
}

/* The mention TEXT must exist with kind KIND; returns it. */
static const qg_mention *need(const qg_doc *doc, const char *text, uint32_t kind)
{
    const qg_mention *m = mention_is(doc, text);
    ck_assert_msg(m != NULL, "no mention '%s'; mentions: %s", text, all_mentions(doc));
    ck_assert_msg(m->kind == kind, "mention '%s' has kind %u, want %u", text, m->kind, kind);
    return m;
}

/* A NAME mention TEXT with bare name NAME and pre-nominal title TITLE (NULL: none). */
static const qg_mention *expect_name(const qg_doc *doc, const char *text, const char *name, const char *title)
{
    const qg_mention *m = need(doc, text, QG_MEN_NAME);
    ck_assert_uint_eq(m->rule, QG_R_MENTION_NAME);
    ck_assert_msg(span_is(doc, m->name_first, m->name_last, name), "'%s': name is '%s', want '%s'", text,
                  span_text(doc, m->name_first, m->name_last), name);
    if (title) {
        ck_assert_msg(m->title_first != QG_NONE, "'%s' has no title, want '%s'", text, title);
        ck_assert_msg(span_is(doc, m->title_first, m->title_last, title), "'%s': title is '%s', want '%s'", text,
                      span_text(doc, m->title_first, m->title_last), title);
    } else {
        ck_assert_msg(m->title_first == QG_NONE, "'%s' has title '%s', want none", text,
                      span_text(doc, m->title_first, m->title_last));
    }
    return m;
}

/* ---- persons ---- */

START_TEST(rank_prefixes)
{
    qg_doc *doc = run_stages("Brigadier General Hossein Salami said the army is ready. "
                             "Rear Admiral Sayyari said the navy is ready.",
                             NULL, "mentions");
    const qg_mention *m = expect_name(doc, "Brigadier General Hossein Salami", "Hossein Salami", "Brigadier General");
    ck_assert_uint_eq(m->gender, QG_GENDER_MALE);
    ck_assert_uint_eq(m->entity, QG_NONE); /* coreference has not run */
    expect_name(doc, "Rear Admiral Sayyari", "Sayyari", "Rear Admiral");
    uint32_t names = 0; /* "the army" and "the navy" are organizations */
    for (uint32_t k = 0; k < doc->mentions.count; k++)
        names += doc->mentions.items[k].kind == QG_MEN_NAME;
    ck_assert_uint_eq(names, 2);
    qg_doc_free(doc);
}
END_TEST

START_TEST(name_honorific_not_title)
{
    /* Seyed belongs to the name's honorifics, not to the title. */
    qg_doc *doc = run_stages("Ayatollah Seyed Ali Khamenei said the enemy will fail.", NULL, "mentions");
    const qg_mention *m = expect_name(doc, "Ayatollah Seyed Ali Khamenei", "Ali Khamenei", "Ayatollah");
    ck_assert_uint_eq(m->gender, QG_GENDER_MALE);
    qg_doc_free(doc);
}
END_TEST

START_TEST(title_prefixes)
{
    qg_doc *doc = run_stages("Supreme Leader Ali Khamenei spoke on Monday. "
                             "The IRGC navy commander Alireza Tangsiri said the strait is safe.",
                             NULL, "mentions");
    expect_name(doc, "Supreme Leader Ali Khamenei", "Ali Khamenei", "Supreme Leader");
    /* The determiner is part of the mention but not of the title. */
    expect_name(doc, "The IRGC navy commander Alireza Tangsiri", "Alireza Tangsiri", "IRGC navy commander");
    /* Monday is a date, not a name. */
    ck_assert(!any_mention_over(doc, "Monday"));
    qg_doc_free(doc);
}
END_TEST

START_TEST(appositive_title)
{
    qg_doc *doc = run_stages("Mahmoud Vaezi, the president" RSQ "s chief of staff, said talks were possible.", NULL,
                             "mentions");
    const qg_mention *m = expect_name(doc, "Mahmoud Vaezi", "Mahmoud Vaezi", NULL);
    ck_assert_msg(m->appos_first != QG_NONE, "no appositive title");
    ck_assert_msg(span_is(doc, m->appos_first, m->appos_last, "president" RSQ "s chief of staff"),
                  "appositive is '%s'", span_text(doc, m->appos_first, m->appos_last));
    qg_doc_free(doc);
}
END_TEST

START_TEST(appositive_needs_title)
{
    /* A place after the comma is no appositive title. */
    qg_doc *doc = run_stages("Mahmoud Vaezi, in Tehran, said talks were possible.", NULL, "mentions");
    const qg_mention *m = expect_name(doc, "Mahmoud Vaezi", "Mahmoud Vaezi", NULL);
    ck_assert_uint_eq(m->appos_first, QG_NONE);
    qg_doc_free(doc);
}
END_TEST

START_TEST(sentence_initial_non_names)
{
    qg_doc *doc = run_stages("Asked about the talks, Hossein Salami said nothing. "
                             "Echoing the remarks, Salami said the talks had failed.",
                             NULL, "mentions");
    ck_assert_msg(!any_mention_over(doc, "Asked"), "'Asked' taken as a mention: %s", all_mentions(doc));
    ck_assert_msg(!any_mention_over(doc, "Echoing"), "'Echoing' taken as a mention: %s", all_mentions(doc));
    expect_name(doc, "Hossein Salami", "Hossein Salami", NULL);
    expect_name(doc, "Salami", "Salami", NULL);
    qg_doc_free(doc);
}
END_TEST

START_TEST(lone_surname_needs_full_name)
{
    /* Sentence-initial and followed by a plain verb, "Tangsiri" is only a
     * name when the article names Alireza Tangsiri in full elsewhere. */
    qg_doc *alone = run_stages("Tangsiri visited the port.", NULL, "mentions");
    ck_assert_msg(!any_mention_over(alone, "Tangsiri"), "lone word taken as a name: %s", all_mentions(alone));
    qg_doc_free(alone);

    qg_doc *doc = run_stages("Alireza Tangsiri spoke on Monday.\n\nTangsiri visited the port.", NULL, "mentions");
    expect_name(doc, "Alireza Tangsiri", "Alireza Tangsiri", NULL);
    const qg_mention *m = mention_is(doc, "Tangsiri");
    ck_assert_msg(m != NULL, "lone surname not accepted: %s", all_mentions(doc));
    ck_assert_uint_eq(m->kind, QG_MEN_NAME);
    ck_assert(span_is(doc, m->name_first, m->name_last, "Tangsiri"));
    qg_doc_free(doc);
}
END_TEST

/* ---- organizations ---- */

START_TEST(lexicon_outlets)
{
    qg_doc *doc = run_stages("Mehr reported the attack. Reuters said the talks failed.", NULL, "mentions");
    const qg_mention *m = need(doc, "Mehr", QG_MEN_ORG);
    ck_assert_uint_eq(m->rule, QG_R_MENTION_ORG_LEXICON);
    ck_assert(m->flags & QG_MF_OUTLET);
    ck_assert_uint_eq(m->gender, QG_GENDER_NEUTER);
    m = need(doc, "Reuters", QG_MEN_ORG);
    ck_assert(m->flags & QG_MF_OUTLET);
    ck_assert(!(m->flags & QG_MF_COUNTRY));
    qg_doc_free(doc);
}
END_TEST

START_TEST(head_word_organizations)
{
    qg_doc *doc = run_stages("The Civil Defense Organization said the shelters are open. "
                             "Nursing Alliance Cymru said nurses were tired.",
                             NULL, "mentions");
    const qg_mention *m = need(doc, "The Civil Defense Organization", QG_MEN_ORG);
    ck_assert_uint_eq(m->rule, QG_R_MENTION_ORG_HEAD);
    ck_assert(!(m->flags & QG_MF_OUTLET));
    /* Not a person "Nursing Alliance" or "Cymru". */
    need(doc, "Nursing Alliance Cymru", QG_MEN_ORG);
    qg_doc_free(doc);
    /* a listed organization whose first word is also a title: not "the justice" */
    doc = run_stages("In a statement, the Justice Department said it would appeal. The justice said she would retire.",
                     NULL, "mentions");
    need(doc, "the Justice Department", QG_MEN_ORG);
    need(doc, "The justice", QG_MEN_NOMINAL);
    qg_doc_free(doc);
    /* and before a title it is a modifier of the nominal */
    doc = run_stages("A Justice Department spokesman said it would appeal. A White House spokesperson declined.",
                     NULL, "mentions");
    need(doc, "A Justice Department spokesman", QG_MEN_NOMINAL);
    need(doc, "A White House spokesperson", QG_MEN_NOMINAL);
    qg_doc_free(doc);
    /* head words of US agencies: not a person "Reserve" or "Border Patrol" */
    doc = run_stages("A spokeswoman for the Federal Reserve said rates would hold. The Border Patrol "
                     "said the crossing was closed.",
                     NULL, "mentions");
    need(doc, "the Federal Reserve", QG_MEN_ORG);
    need(doc, "The Border Patrol", QG_MEN_ORG);
    qg_doc_free(doc);
}
END_TEST

START_TEST(ampersand_organizations)
{
    /* the words joined by "&", without "Shares of" before them */
    qg_doc *doc = run_stages("Shares of Harbor & Pine fell. Procter & Gamble said sales rose.", NULL, "mentions");
    ck_assert_uint_eq(need(doc, "Harbor & Pine", QG_MEN_ORG)->rule, QG_R_MENTION_ORG_HEAD);
    need(doc, "Procter & Gamble", QG_MEN_ORG);
    ck_assert_msg(!any_mention_over(doc, "Shares"), "%s", all_mentions(doc));
    qg_doc_free(doc);
}
END_TEST

START_TEST(org_nominal_with_modifiers)
{
    qg_doc *doc = run_stages("The weather service said roads were icy. Cambodia's environment ministry said "
                             "it was not consulted.",
                             NULL, "mentions");
    ck_assert(need(doc, "The weather service", QG_MEN_ORG)->flags & QG_MF_NOMINAL);
    ck_assert(need(doc, "Cambodia", QG_MEN_ORG)->flags & QG_MF_COUNTRY);
    need(doc, "environment ministry", QG_MEN_ORG);
    qg_doc_free(doc);
    /* "Bridge", "Street" end place names; "the bridge" never speaks */
    doc = run_stages("The state closed the bridge on Elm Street.", NULL, "mentions");
    ck_assert_msg(!any_mention_over(doc, "bridge"), "%s", all_mentions(doc));
    qg_doc_free(doc);
}
END_TEST

START_TEST(acronym_organizations)
{
    qg_doc *doc = run_stages("The FBI said the suspect fled. NASA said the launch slipped. "
                             "Henry Ford III said nothing. ALL CAPS HEADLINE WORDS.",
                             NULL, "mentions");
    ck_assert(need(doc, "The FBI", QG_MEN_ORG)->flags & QG_MF_ACRONYM);
    need(doc, "NASA", QG_MEN_ORG);
    ck_assert_msg(!any_mention_over(doc, "III") || need(doc, "Henry Ford III", QG_MEN_NAME), "%s", all_mentions(doc));
    ck_assert_msg(!any_mention_over(doc, "CAPS"), "%s", all_mentions(doc));
    qg_doc_free(doc);
}
END_TEST

START_TEST(capital_for_country)
{
    qg_doc *doc = run_stages("Washington said the sanctions would stay.", NULL, "mentions");
    const qg_mention *m = need(doc, "Washington", QG_MEN_ORG);
    ck_assert(m->flags & QG_MF_COUNTRY);
    ck_assert_uint_ne(m->canon, QG_NONE);
    ck_assert_str_eq(qg_rules_str(test_rules(), m->canon), "United States");
    qg_doc_free(doc);
}
END_TEST

/* ---- groups ---- */

START_TEST(groups)
{
    qg_doc *doc = run_stages("A source familiar with the talks said no deal was near. "
                             "Later, officials said the plan had worked.",
                             NULL, "mentions");
    const qg_mention *m = need(doc, "A source", QG_MEN_GROUP);
    ck_assert_uint_eq(m->rule, QG_R_MENTION_GROUP);
    ck_assert(qg_tok_is(doc, m->head, "source"));
    m = need(doc, "officials", QG_MEN_GROUP);
    ck_assert_uint_eq(m->gender, QG_GENDER_PLURAL);
    ck_assert(!any_mention_over(doc, "talks"));
    qg_doc_free(doc);
}
END_TEST

START_TEST(singular_group_needs_article)
{
    /* "source" without "a" is no speaker ("the source of the leak"). */
    qg_doc *doc = run_stages("The source of the leak was never found.", NULL, "mentions");
    ck_assert_msg(!any_mention_over(doc, "source"), "%s", all_mentions(doc));
    qg_doc_free(doc);
}
END_TEST

START_TEST(unnamed_fans_and_neighbors)
{
    qg_doc *doc = run_stages("One fan wrote that she cried. Another neighbor, Jerome Haddad, said it was quiet.",
                             NULL, "mentions");
    need(doc, "One fan", QG_MEN_GROUP);
    need(doc, "Another neighbor", QG_MEN_NOMINAL);
    qg_doc_free(doc);
}
END_TEST

/* The coordination "officials and military commanders" is one group, not
 * "Top Iranian officials" plus "and military commanders" (once a known gap). */
START_TEST(gap_coordinated_group)
{
    qg_doc *doc = run_stages("Top Iranian officials and military commanders have said the strait will stay open.",
                             NULL, "mentions");
    need(doc, "Top Iranian officials and military commanders", QG_MEN_GROUP);
    qg_doc_free(doc);
}
END_TEST

/* ---- nominals ---- */

START_TEST(nominals)
{
    qg_doc *doc = run_stages("Brigadier General Hossein Salami spoke on Monday. The general said the army is ready. "
                             "A senior Iranian military commander said the navy is ready.",
                             NULL, "mentions");
    const qg_mention *m = need(doc, "The general", QG_MEN_NOMINAL);
    ck_assert_uint_eq(m->rule, QG_R_MENTION_NOMINAL);
    ck_assert(qg_tok_is(doc, m->head, "general"));
    ck_assert(!(m->flags & QG_MF_INDEFINITE));
    m = need(doc, "A senior Iranian military commander", QG_MEN_NOMINAL);
    ck_assert(qg_tok_is(doc, m->head, "commander"));
    ck_assert(m->flags & QG_MF_INDEFINITE);
    qg_doc_free(doc);
}
END_TEST

START_TEST(possessive_nominal)
{
    /* The possessor "president's" is not the head: the chief of staff is. */
    qg_doc *doc = run_stages("Later, the president" RSQ "s chief of staff said talks were possible.", NULL,
                             "mentions");
    const qg_mention *m = need(doc, "the president" RSQ "s chief of staff", QG_MEN_NOMINAL);
    ck_assert_msg(!qg_tok_is(doc, m->head, "president"), "head is the possessor");
    ck_assert(span_is(doc, m->title_first, m->title_last, "president" RSQ "s chief of staff"));
    qg_doc_free(doc);
}
END_TEST

/* ---- pronouns ---- */

START_TEST(pronouns)
{
    qg_doc *doc = run_stages("He said the talks failed. She said they had not. They said nothing. "
                             "It said nothing.",
                             NULL, "mentions");
    const qg_mention *m = need(doc, "He", QG_MEN_PRONOUN);
    ck_assert_uint_eq(m->gender, QG_GENDER_MALE);
    ck_assert_uint_eq(m->rule, QG_R_MENTION_PRONOUN);
    m = need(doc, "She", QG_MEN_PRONOUN);
    ck_assert_uint_eq(m->gender, QG_GENDER_FEMALE);
    m = need(doc, "They", QG_MEN_PRONOUN);
    ck_assert_uint_eq(m->gender, QG_GENDER_PLURAL);
    /* "it" is a speaker pronoun only as the subject of a speech verb */
    m = need(doc, "It", QG_MEN_PRONOUN);
    ck_assert_uint_eq(m->gender, QG_GENDER_NEUTER);
    ck_assert_uint_eq(qg_tok_len(doc, m->first), 2); /* "It" alone, not "It said" */
    qg_doc_free(doc);
    /* "He" after a capitalized word is part of a name; after a dash, "he" */
    doc = run_stages("Vice Premier Liu He spoke. WASHINGTON \xE2\x80\x94 He said no.", NULL, "mentions");
    need(doc, "Vice Premier Liu He", QG_MEN_NAME);
    need(doc, "He", QG_MEN_PRONOUN);
    qg_doc_free(doc);
}
END_TEST

START_TEST(relative_who)
{
    qg_doc *doc = run_stages("Maria Lopez, who chairs the panel, said the vote was fair. "
                             "Anyone who left early was angry.",
                             NULL, "mentions");
    need(doc, "who", QG_MEN_PRONOUN);
    /* Only the "who" after a comma or a mention is one; "Anyone who" is not. */
    uint32_t n = 0;
    for (uint32_t k = 0; k < doc->mentions.count; k++)
        n += qg_tok_is(doc, doc->mentions.items[k].first, "who");
    ck_assert_uint_eq(n, 1);
    qg_doc_free(doc);
}
END_TEST

START_TEST(mentions_sorted_disjoint)
{
    qg_doc *doc = run_stages("Brigadier General Hossein Salami told Mehr that officials and he agreed. "
                             "The general, who spoke in Tehran, said Washington was wrong.",
                             NULL, "mentions");
    ck_assert_uint_gt(doc->mentions.count, 4);
    for (uint32_t k = 1; k < doc->mentions.count; k++)
        ck_assert_uint_le(doc->mentions.items[k - 1].last, doc->mentions.items[k].first);
    qg_doc_free(doc);
}
END_TEST

/* "the semi-official Mehr news agency": one outlet mention named Mehr, with
 * the words around it; "Xinhua news agency" likewise. */
START_TEST(outlet_described)
{
    qg_doc *doc = run_stages("The plan failed, the semi-official Mehr news agency reported. "
                             "The state-run Xinhua news agency quoted officials. Fox News Digital asked.",
                             NULL, "mentions");
    const qg_mention *m = need(doc, "the semi-official Mehr news agency", QG_MEN_ORG);
    ck_assert(m->flags & QG_MF_OUTLET);
    ck_assert_msg(span_is(doc, m->name_first, m->name_last, "Mehr"), "named '%s'",
                  span_text(doc, m->name_first, m->name_last));
    m = need(doc, "The state-run Xinhua news agency", QG_MEN_ORG);
    ck_assert(span_is(doc, m->name_first, m->name_last, "Xinhua"));
    m = need(doc, "Fox News Digital", QG_MEN_ORG);
    ck_assert(m->flags & QG_MF_OUTLET);
    qg_doc_free(doc);
}
END_TEST

/* A call sign (patterns.txt outlet_callsign) is an outlet; other acronyms not. */
START_TEST(callsign_outlet)
{
    qg_doc *doc = run_stages("\"It takes an hour now,\" Ashley Tran tells KXYZ. NASA said the launch slipped.", NULL,
                             "mentions");
    const qg_mention *m = need(doc, "KXYZ", QG_MEN_ORG);
    ck_assert(m->flags & QG_MF_ACRONYM);
    ck_assert(m->flags & QG_MF_OUTLET);
    m = need(doc, "NASA", QG_MEN_ORG);
    ck_assert(!(m->flags & QG_MF_OUTLET));
    qg_doc_free(doc);
}
END_TEST

/* "You" is a pronoun, never a person's name. */
START_TEST(you_is_no_name)
{
    qg_doc *doc = run_stages("\"You think you know the people,\" Haddad said.", NULL, "mentions");
    ck_assert_msg(!any_mention_over(doc, "You"), "mentions: %s", all_mentions(doc));
    qg_doc_free(doc);
}
END_TEST

/* The organization inside a person's title or apposition is a mention of
 * its own (QG_MF_INNER), inside the person's and sorted right after it;
 * countries and lone head words are none. */
START_TEST(organizations_inside_titles)
{
    qg_doc *doc = run_stages("IRGC navy commander Alireza Tangsiri said the strait was open. "
                             "The head of Iran" RSQ "s Civil Defense Organization Brigadier General Gholam "
                             "Reza Jalali spoke. Raj Malhotra, an economist at the Halden Institute, "
                             "agreed. US Rep. Ilhan Omar and Board President Gloria Vance disagreed.",
                             NULL, "mentions");
    const char *inner[] = {"IRGC", "Civil Defense Organization", "the Halden Institute", NULL};
    for (int k = 0; inner[k]; k++) {
        const qg_mention *o = need(doc, inner[k], QG_MEN_ORG);
        ck_assert_msg(o->flags & QG_MF_INNER, "'%s' is not flagged inner", inner[k]);
        uint32_t at = (uint32_t)(o - doc->mentions.items);
        ck_assert_uint_gt(at, 0);
        const qg_mention *p = &doc->mentions.items[at - 1];
        uint32_t end = p->appos_last != QG_NONE ? p->appos_last : p->last;
        ck_assert_msg(p->kind == QG_MEN_NAME && p->first <= o->first && o->last <= end,
                      "'%s' does not follow its person; mentions: %s", inner[k], all_mentions(doc));
    }
    ck_assert_ptr_null(mention_is(doc, "Iran"));
    ck_assert_ptr_null(mention_is(doc, "US"));
    /* a nominal's organization too, outside headlines */
    qg_doc *nom = run_stages("A senior commander of the Iranian Armed Forces said the drills went well.", NULL,
                             "mentions");
    const qg_mention *af = need(nom, "the Iranian Armed Forces", QG_MEN_ORG);
    ck_assert(af->flags & QG_MF_INNER);
    qg_doc_free(nom);
    ck_assert_ptr_null(mention_is(doc, "Board"));
    /* Outside the inner ones, mentions stay disjoint. */
    uint32_t last = 0;
    for (uint32_t k = 0; k < doc->mentions.count; k++) {
        const qg_mention *m = &doc->mentions.items[k];
        if (m->flags & QG_MF_INNER)
            continue;
        ck_assert_uint_le(last, m->first);
        last = m->appos_last != QG_NONE ? m->appos_last : m->last;
    }
    qg_doc_free(doc);
}
END_TEST

static Suite *mentions_suite(void)
{
    Suite *s = suite_create("mentions");
    TCase *persons = tcase_create("persons");
    tcase_add_test(persons, rank_prefixes);
    tcase_add_test(persons, name_honorific_not_title);
    tcase_add_test(persons, title_prefixes);
    tcase_add_test(persons, appositive_title);
    tcase_add_test(persons, appositive_needs_title);
    tcase_add_test(persons, sentence_initial_non_names);
    tcase_add_test(persons, lone_surname_needs_full_name);
    suite_add_tcase(s, persons);
    TCase *orgs = tcase_create("organizations");
    tcase_add_test(orgs, lexicon_outlets);
    tcase_add_test(orgs, head_word_organizations);
    tcase_add_test(orgs, capital_for_country);
    tcase_add_test(orgs, ampersand_organizations);
    tcase_add_test(orgs, acronym_organizations);
    tcase_add_test(orgs, org_nominal_with_modifiers);
    tcase_add_test(orgs, outlet_described);
    tcase_add_test(orgs, callsign_outlet);
    tcase_add_test(orgs, organizations_inside_titles);
    suite_add_tcase(s, orgs);
    TCase *others = tcase_create("groups_nominals_pronouns");
    tcase_add_test(others, groups);
    tcase_add_test(others, singular_group_needs_article);
    tcase_add_test(others, unnamed_fans_and_neighbors);
    tcase_add_test(others, nominals);
    tcase_add_test(others, possessive_nominal);
    tcase_add_test(others, pronouns);
    tcase_add_test(others, relative_who);
    tcase_add_test(others, you_is_no_name);
    tcase_add_test(others, mentions_sorted_disjoint);
    tcase_add_test(others, gap_coordinated_group); /* was a known gap; fixed */
    suite_add_tcase(s, others);
    const char *gaps = getenv("QG_KNOWN_GAPS");
    if (gaps && strcmp(gaps, "1") == 0) {
        TCase *known = tcase_create("known_gaps");
        suite_add_tcase(s, known);
    }
    return s;
}

QG_CHECK_MAIN(mentions_suite)
