/* test-suggest.c: the suggestion engine — quotes and speakers, source kinds, dates, places,
 * casualty figures — rule by rule, what it must not suggest, and input that must not break
 * it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "attest-core.h"
#include "attest-suggest.h"

static GPtrArray *
suggest (const char *body,
         const char *published)
{
  GPtrArray *out = attest_suggest (body, published, NULL, NULL);

  g_assert_nonnull (out);
  return out;
}

static AttestSuggestion *
find (GPtrArray            *suggestions,
      AttestSuggestionType  type,
      const char           *text)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      AttestSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->type == type && g_str_equal (s->text, text))
        return s;
    }
  return NULL;
}

static guint
count (GPtrArray            *suggestions,
       AttestSuggestionType  type)
{
  guint n = 0;

  for (guint i = 0; i < suggestions->len; i++)
    n += ((AttestSuggestion *) g_ptr_array_index (suggestions, i))->type == type;
  return n;
}

/* Offsets are code points of the body and the text is exactly what they cover. */
static void
assert_spans (const char *body,
              GPtrArray  *suggestions)
{
  guint last_start = 0;

  for (guint i = 0; i < suggestions->len; i++)
    {
      AttestSuggestion *s = g_ptr_array_index (suggestions, i);
      g_autofree char *covered = attest_text_substring (body, s->start, s->end);

      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->start, >=, last_start);
      g_assert_cmpstr (covered, ==, s->text);
      g_assert_cmpfloat (s->confidence, >, 0.0);
      g_assert_cmpfloat (s->confidence, <=, 1.0);
      last_start = s->start;
    }
}

/* Quotes and speakers */

typedef struct
{
  const char           *name;
  const char           *body;
  const char           *quote;        /* the exact text of one suggested quote */
  AttestAnnotationKind  kind;
  const char           *speaker;      /* NULL: the quote has no speaker */
  const char           *speaker_kind;
} QuoteCase;

static const QuoteCase quote_cases[] = {
  { "straight-marks-said-after",
    "\"The virus is an important factor in all of this,\" said Iraqi Armed Forces spokesman "
    "Major General Tahsin al-Khafaji.",
    "The virus is an important factor in all of this,", ATTEST_ANNOTATION_DIRECT,
    "Tahsin al-Khafaji", "official" },
  { "curly-marks",
    "\u201CWe are tense,\u201D said a Baquba resident.",
    "We are tense,", ATTEST_ANNOTATION_DIRECT, "Baquba resident", "resident" },
  { "said-before",
    "Detective Inspector Darren Gough said, \u201CThis is a truly tragic incident for all of "
    "us.\u201D",
    "This is a truly tragic incident for all of us.", ATTEST_ANNOTATION_DIRECT,
    "Darren Gough", "official" },
  { "colon-before",
    "An official from the ministry stated: \"We are working with the police on this.\"",
    "We are working with the police on this.", ATTEST_ANNOTATION_DIRECT,
    "official from the ministry", "official" },
  { "several-paragraphs",
    "Police chief Ahmed Ali said: \"The first paragraph of the statement goes on here.\n\n"
    "\"And the second paragraph of it ends the statement now.\"",
    "The first paragraph of the statement goes on here.\n\n\"And the second paragraph of it "
    "ends the statement now.", ATTEST_ANNOTATION_DIRECT, "Ahmed Ali", "official" },
  { "interrupted-first",
    "State Department spokesperson Morgan Ortagus indicated the country was disappointed. "
    "\"While we await clarification of the resolution,\" he said, \"we urge its leaders to "
    "reconsider.\"",
    "While we await clarification of the resolution,", ATTEST_ANNOTATION_DIRECT,
    "Morgan Ortagus", "official" },
  { "interrupted-second",
    "State Department spokesperson Morgan Ortagus indicated the country was disappointed. "
    "\"While we await clarification of the resolution,\" he said, \"we urge its leaders to "
    "reconsider.\"",
    "we urge its leaders to reconsider.", ATTEST_ANNOTATION_DIRECT, "Morgan Ortagus",
    "official" },
  { "continued-after-attribution",
    "\"We are tense,\" said a Baquba resident. \"There are many fighters in the mountains.\"",
    "There are many fighters in the mountains.", ATTEST_ANNOTATION_DIRECT, "Baquba resident",
    "resident" },
  { "partial-quote-in-sentence",
    "Prime Minister Narendra Modi tweeted \"Deeply saddened by the loss of lives\" on Tuesday.",
    "Deeply saddened by the loss of lives", ATTEST_ANNOTATION_DIRECT, "Narendra Modi",
    "official" },
  { "said-that",
    "Experts said that the group is taking advantage of the vacuum left by the forces.",
    "the group is taking advantage of the vacuum left by the forces",
    ATTEST_ANNOTATION_INDIRECT, "Experts", "expert" },
  { "said-without-that",
    "Regional governor Boris Dubrovsky said officers were present where the minibus exploded.",
    "officers were present where the minibus exploded", ATTEST_ANNOTATION_INDIRECT,
    "Boris Dubrovsky", "official" },
  { "told",
    "A police spokesman told reporters the attack took place before dawn.",
    "the attack took place before dawn", ATTEST_ANNOTATION_INDIRECT, "police spokesman",
    "official" },
  { "told-a-listener-then-clause-before",
    "A total of 39 are confirmed dead, officials told state media on Friday.",
    "A total of 39 are confirmed dead", ATTEST_ANNOTATION_INDIRECT, "officials", "official" },
  { "added",
    "The interior minister added that the border would stay closed until further notice.",
    "the border would stay closed until further notice", ATTEST_ANNOTATION_INDIRECT,
    "interior minister", "official" },
  { "adding-that",
    "The dead were all adults, officials said, adding that rescuers ended their work.",
    "rescuers ended their work", ATTEST_ANNOTATION_INDIRECT, "officials", "official" },
  { "stressed",
    "Officials and security experts stress that the environment has changed a lot since "
    "2014.",
    "the environment has changed a lot since 2014", ATTEST_ANNOTATION_INDIRECT,
    "Officials and security experts", "official" },
  { "described-as",
    "Researcher Mara Rifkin described the recent attacks as the most costly since 2017.",
    "the recent attacks as the most costly since 2017", ATTEST_ANNOTATION_INDIRECT,
    "Mara Rifkin", "expert" },
  { "according-to-after",
    "At least ten survivors were recovered from the debris, according to the emergencies "
    "ministry.",
    "At least ten survivors were recovered from the debris", ATTEST_ANNOTATION_INDIRECT,
    "emergencies ministry", "official" },
  { "according-to-before",
    "According to eyewitnesses, the child and his mother leapt from the burning hotel.",
    "the child and his mother leapt from the burning hotel", ATTEST_ANNOTATION_INDIRECT,
    "eyewitnesses", "witness" },
  { "said-in-the-middle",
    "The guardrail would be examined, Roberts said, to determine if it had performed as "
    "designed.",
    "The guardrail would be examined, Roberts said, to determine if it had performed as "
    "designed", ATTEST_ANNOTATION_INDIRECT, "Roberts", NULL },
  { "report-indicated-that",
    "A report published by the \"Washington Post\" newspaper showed that the group has grown "
    "weaker.\n\nThe report indicated that this attack was the most sophisticated in years.",
    "this attack was the most sophisticated in years", ATTEST_ANNOTATION_INDIRECT,
    "Washington Post", "media" },
  { "she-said-nearest-fitting",
    "For her part, the researcher Mara Rifkin, from Georgetown University, described the "
    "attacks as costly.\n\n\"The scale has not yet reached the level we saw in 2014,\" she "
    "said.",
    "The scale has not yet reached the level we saw in 2014,", ATTEST_ANNOTATION_DIRECT,
    "Mara Rifkin", "expert" },
  { "he-added-nearest-fitting",
    "Governor John Smith said the roads would reopen on Monday.\n\nHe added, \"We are "
    "working as hard as we can on it.\"",
    "We are working as hard as we can on it.", ATTEST_ANNOTATION_DIRECT, "John Smith",
    "official" },
  { "he-said-after-a-group-is-nobody",
    "\"We are tense,\" said a Baquba resident.\n\nOfficials and security experts stress "
    "that the environment has changed a lot.\n\n\"At the time, the group did not create its "
    "state,\" he said.",
    "At the time, the group did not create its state,", ATTEST_ANNOTATION_DIRECT, NULL, NULL },
  { "the-spokesman",
    "Police spokesman Ali Hassan said the road was closed.\n\nThe spokesman said that three "
    "people had been arrested overnight.",
    "three people had been arrested overnight", ATTEST_ANNOTATION_INDIRECT, "Ali Hassan",
    "official" },
  { "surname-is-the-full-name",
    "Security expert Hisham Al-Hashimi expected more attacks to come.\n\nAl-Hashimi said "
    "that the militants had regrouped in the desert.",
    "the militants had regrouped in the desert", ATTEST_ANNOTATION_INDIRECT,
    "Hisham Al-Hashimi", "expert" },
  { "its-source",
    "One news site, Znak.com, reported its source said that the tenant moved in the day "
    "before.",
    "the tenant moved in the day before", ATTEST_ANNOTATION_INDIRECT, "Znak.com's source",
    "other" },
  { "kind-analyst",
    "Security analyst Jane Doe said the group was regrouping in the desert.",
    "the group was regrouping in the desert", ATTEST_ANNOTATION_INDIRECT, "Jane Doe",
    "expert" },
  { "kind-professor",
    "\"It spreads from person to person,\" said Professor David Livermore of the University "
    "of East Anglia.",
    "It spreads from person to person,", ATTEST_ANNOTATION_DIRECT, "David Livermore",
    "expert" },
  { "kind-witness",
    "According to eyewitness Vinnie DeVita, \"within seconds of it all, it exploded.\"",
    "within seconds of it all, it exploded.", ATTEST_ANNOTATION_DIRECT, "Vinnie DeVita",
    "witness" },
  { "kind-villager",
    "A villager said the fighters came at night and left before dawn.",
    "the fighters came at night and left before dawn", ATTEST_ANNOTATION_INDIRECT, "villager",
    "resident" },
  { "kind-shopkeeper",
    "A shopkeeper in the old market said prices had doubled since the siege began.",
    "prices had doubled since the siege began", ATTEST_ANNOTATION_INDIRECT,
    "shopkeeper in the old market", "resident" },
  { "kind-newspaper",
    "The local newspaper reported that the talks had collapsed overnight.",
    "the talks had collapsed overnight", ATTEST_ANNOTATION_INDIRECT, "local newspaper",
    "media" },
  { "kind-agency-by-name",
    "Reuters reported that the talks had collapsed overnight.",
    "the talks had collapsed overnight", ATTEST_ANNOTATION_INDIRECT, "Reuters", "media" },
  { "kind-police",
    "Police said three people died in the blast.",
    "three people died in the blast", ATTEST_ANNOTATION_INDIRECT, "Police", "official" },
};

static void
test_quote_case (gconstpointer data)
{
  const QuoteCase *c = data;
  g_autoptr(GPtrArray) out = suggest (c->body, NULL);
  AttestSuggestion *s = find (out, ATTEST_SUGGESTION_QUOTE, c->quote);

  assert_spans (c->body, out);
  if (s == NULL)
    {
      for (guint i = 0; i < out->len; i++)
        g_test_message ("got: %s", ((AttestSuggestion *) out->pdata[i])->text);
      g_test_fail_printf ("no quote “%s”", c->quote);
      return;
    }
  g_assert_cmpint (s->kind, ==, c->kind);
  g_assert_cmpstr (s->speaker, ==, c->speaker);
  g_assert_cmpstr (s->speaker_kind, ==, c->speaker_kind);
  g_assert_null (s->speaker_source_uuid);
}

/* What must not become a quote */

typedef struct
{
  const char *name;
  const char *body;
  guint       n_quotes;
  const char *not_in_any;  /* no quote may contain this */
} NegativeCase;

static const NegativeCase negative_cases[] = {
  { "scare-quotes", "The ministry called the plan \"unacceptable\" on Monday.", 0, NULL },
  { "title-in-quotes", "The film \"Gone with the Wind\" was shown again at the festival.", 0,
    NULL },
  { "name-in-quotes", "The website, known as \"Welcome To Video\", was seized in March.", 0,
    NULL },
  { "said-inside-a-quote",
    "\"He said the army was ready, and he said it twice,\" the minister told reporters.", 1,
    NULL },
  { "no-quotes-at-all", "The weather was fine and the market was busy all day.", 0, NULL },
  { "unbalanced-marks",
    "He said, \"this is a quotation that never ends.\n\nNext paragraph without any mark at "
    "all.", 0, "Next paragraph" },
  { "headline", "Wash your hands or spread superbug, say scientists\n\nThe study was long.", 0,
    NULL },
  { "was-said-to", "The site was said to have begun operations in June 2015.", 0, NULL },
  { "a-song-called", "Her name imitated a song called \"Day after Day,\" so it would fit.", 0,
    NULL },
  { "caption", "\u2014Zinichev calling a temporary halt to rescue work ahead of the works", 0,
    NULL },
  { "no-speaker", "The constitution says that the secretary of state succeeds the governor.",
    0, NULL },
  { "what-is-no-claim",
    "The company had not confirmed what work the helicopter was undertaking.", 0, NULL },
};

static void
test_negative_case (gconstpointer data)
{
  const NegativeCase *c = data;
  g_autoptr(GPtrArray) out = suggest (c->body, NULL);

  assert_spans (c->body, out);
  for (guint i = 0; i < out->len; i++)
    {
      AttestSuggestion *s = g_ptr_array_index (out, i);

      if (s->type == ATTEST_SUGGESTION_QUOTE)
        g_test_message ("quote: %s", s->text);
      if (c->not_in_any != NULL && s->type == ATTEST_SUGGESTION_QUOTE)
        g_assert_null (strstr (s->text, c->not_in_any));
    }
  g_assert_cmpuint (count (out, ATTEST_SUGGESTION_QUOTE), ==, c->n_quotes);
}

/* The project's sources */

typedef struct
{
  char        *dir;
  AttestStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("attest-suggest-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "p.attest", NULL);
  f->store = attest_store_create (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->store);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  g_free (f->dir);
}

static char *
add_source (Fixture    *f,
            const char *name,
            const char *kind,
            const char *alias)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttestSource) source = attest_store_create_source (f->store, name, kind, &error);

  g_assert_no_error (error);
  if (alias != NULL)
    {
      attest_store_add_source_alias (f->store, attest_source_get_uuid (source), alias, &error);
      g_assert_no_error (error);
    }
  return g_strdup (attest_source_get_uuid (source));
}

static void
test_sources (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *khafaji = add_source (f, "Tahsin al-Khafaji", "official", "Al-Khafaji");
  g_autofree char *hashimi = add_source (f, "Hisham Al-Hashimi", "expert", NULL);
  g_autofree char *post = add_source (f, "The Washington Post", "media", "WaPo");
  g_autoptr(GPtrArray) sources = attest_store_list_sources (f->store, &error);
  const char *body =
    "Al-Khafaji said that the virus caused a brief decline in operations.\n\n"
    "\"They move very easily,\" said Major General Tahsin al-Khafaji.\n\n"
    "Al-Hashimi said the militants had regrouped in the desert.\n\n"
    "WaPo reported that the group was taking advantage of the lockdown.\n\n"
    "Ahmed Ali, a shopkeeper, said prices had doubled since the siege began.";
  g_autoptr(GPtrArray) out = NULL;
  AttestSuggestion *s;

  g_assert_no_error (error);
  out = attest_suggest (body, NULL, sources, NULL);
  assert_spans (body, out);

  /* By alias */
  s = find (out, ATTEST_SUGGESTION_QUOTE,
            "the virus caused a brief decline in operations");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->speaker, ==, "Tahsin al-Khafaji");
  g_assert_cmpstr (s->speaker_source_uuid, ==, khafaji);
  g_assert_cmpstr (s->speaker_kind, ==, "official");
  /* By name */
  s = find (out, ATTEST_SUGGESTION_QUOTE, "They move very easily,");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->speaker_source_uuid, ==, khafaji);
  /* By surname */
  s = find (out, ATTEST_SUGGESTION_QUOTE, "the militants had regrouped in the desert");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->speaker, ==, "Hisham Al-Hashimi");
  g_assert_cmpstr (s->speaker_source_uuid, ==, hashimi);
  g_assert_cmpstr (s->speaker_kind, ==, "expert");
  /* An alias that is no word of the name */
  s = find (out, ATTEST_SUGGESTION_QUOTE, "the group was taking advantage of the lockdown");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->speaker_source_uuid, ==, post);
  g_assert_cmpstr (s->speaker_kind, ==, "media");
  /* Somebody new: no source, kind from the words around the name */
  s = find (out, ATTEST_SUGGESTION_QUOTE, "prices had doubled since the siege began");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->speaker, ==, "Ahmed Ali");
  g_assert_cmpstr (s->speaker_kind, ==, "resident");
  g_assert_null (s->speaker_source_uuid);
}

/* An accepted suggestion becomes an annotation marked as suggested, with its speaker. */
static void
test_accept (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *body = "Quotes\n\n\"We are tense,\" said a Baquba resident.";
  AttestArticleMeta meta = { .published = "2020-04-05" };
  g_autofree char *article_uuid = attest_store_import_text (f->store, body, -1, &meta, &error);
  g_autoptr(AttestArticle) article = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(AttestAnnotation) annotation = NULL;
  AttestSuggestion *s;

  g_assert_no_error (error);
  article = attest_store_get_article (f->store, article_uuid, &error);
  sources = attest_store_list_sources (f->store, &error);
  places = attest_store_list_places (f->store, &error);
  g_assert_no_error (error);
  out = attest_suggest (attest_article_get_body (article),
                        attest_article_get_published (article), sources, places);
  s = find (out, ATTEST_SUGGESTION_QUOTE, "We are tense,");
  g_assert_nonnull (s);

  annotation = attest_store_accept_suggestion (f->store, article_uuid, s->kind, s->start,
                                               s->end, s->speaker_source_uuid, s->speaker,
                                               s->speaker_kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (attest_annotation_get_suggested (annotation));
  g_assert_cmpstr (attest_annotation_get_exact (annotation), ==, "We are tense,");
  g_assert_cmpstr (attest_annotation_get_speaker_name (annotation), ==, "Baquba resident");
  g_assert_cmpstr (attest_annotation_get_speaker_kind (annotation), ==, "resident");
}

/* Dates */

typedef struct
{
  const char *name;
  const char *published;
  const char *body;
  const char *text;
  const char *value;   /* NULL: found but not resolved */
} DateCase;

static const DateCase date_cases[] = {
  /* 2020-04-05 is a Sunday. */
  { "weekday-evening", "2020-04-05", "The militants attacked on Saturday evening.",
    "Saturday evening", "2020-04-04" },
  { "weekday-same-day", "2020-04-05", "Talks resumed on Sunday.", "Sunday", "2020-04-05" },
  { "last-weekday", "2020-04-05", "The strike began last Sunday.", "last Sunday",
    "2020-03-29" },
  { "next-weekday", "2020-04-05", "Talks resume next Monday.", "next Monday", "2020-04-06" },
  { "yesterday", "2020-04-05", "The bodies were found yesterday morning.",
    "yesterday morning", "2020-04-04" },
  { "last-night", "2020-04-05", "Shelling resumed last night.", "last night", "2020-04-04" },
  { "last-week", "2020-04-05", "It witnessed several attacks last week.", "last week",
    "2020-W13" },
  { "last-month", "2020-04-05", "The coalition last month closed its bases.", "last month",
    "2020-03" },
  { "earlier-this-month", "2020-04-05", "Clashes broke out earlier this month.",
    "earlier this month", "2020-04" },
  { "last-year", "2020-04-05", "The town was retaken last year.", "last year", "2019" },
  { "days-ago", "2020-04-05", "The convoy left two days ago.", "two days ago", "2020-04-03" },
  { "since-month-day", "2020-04-05", "Since March 15, Iraq has been under curfew.",
    "Since March 15", "2020-03-15" },
  { "month-day-year", "2020-04-05", "An incident took place on August 23, 1987.",
    "August 23, 1987", "1987-08-23" },
  { "day-month-year", "2020-04-05", "The vote was held on 23 June 2016.", "23 June 2016",
    "2016-06-23" },
  { "month-year", "2020-04-05", "The site began operations in June 2015.", "June 2015",
    "2015-06" },
  { "early-month", "2020-04-05", "The protests began in early October.", "early October",
    "2019-10" },
  { "nearest-year", "2020-01-03", "The fire started on December 28.", "December 28",
    "2019-12-28" },
  { "weekday-and-date", "2019-07-28", "He resigns next Wednesday, July 31.",
    "Wednesday, July 31", "2019-07-31" },
  { "year-after-in", "2020-04-05", "The group was defeated in 2017.", "2017", "2017" },
  { "dateline", NULL, "Friday, January 4, 2019\n\nThe building collapsed on Monday.",
    "Monday", "2018-12-31" },
  { "no-date-known", NULL, "The building collapsed on Monday.", "Monday", NULL },
};

static void
test_date_case (gconstpointer data)
{
  const DateCase *c = data;
  g_autoptr(GPtrArray) out = suggest (c->body, c->published);
  AttestSuggestion *s = find (out, ATTEST_SUGGESTION_DATE, c->text);

  assert_spans (c->body, out);
  if (s == NULL)
    {
      for (guint i = 0; i < out->len; i++)
        g_test_message ("got: %s", ((AttestSuggestion *) out->pdata[i])->text);
      g_test_fail_printf ("no date “%s”", c->text);
      return;
    }
  g_assert_cmpstr (s->value, ==, c->value);
}

static void
test_dates_not (void)
{
  /* The dateline is the publication date, not an event; "may" is no month; the 1973 in
   * "the 1973 building" is no date of anything that happened. */
  const char *body = "Friday, January 4, 2019\n\nThe 1973 building may yet stand, they hope.";
  g_autoptr(GPtrArray) out = suggest (body, NULL);

  g_assert_cmpuint (count (out, ATTEST_SUGGESTION_DATE), ==, 0);
}

/* Places */

static void
test_places_iso_codes (void)
{
  const char *body =
    "The attack targeted a checkpoint in Salah al-Din Governorate, north of Baghdad in Iraq. "
    "Residents in the eastern Diyala governorate said the news was disturbing.\n\n"
    "The truck came from Louisiana and crashed in Florida, near Texas.\n\n"
    "Florida Department of Transportation official Troy Roberts spoke.";
  g_autoptr(GPtrArray) out = suggest (body, NULL);
  AttestSuggestion *s;

  g_assert_true (attest_geo_available ());
  assert_spans (body, out);
  s = find (out, ATTEST_SUGGESTION_PLACE, "Salah al-Din Governorate");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->value, ==, "IQ-SD");
  s = find (out, ATTEST_SUGGESTION_PLACE, "Baghdad");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->value, ==, "IQ-BG");
  s = find (out, ATTEST_SUGGESTION_PLACE, "Diyala");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->value, ==, "IQ-DI");
  /* Florida is also a department of Uruguay: the other US states decide. */
  s = find (out, ATTEST_SUGGESTION_PLACE, "Florida");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->value, ==, "US-FL");
  /* An office is not a place. */
  g_assert_null (find (out, ATTEST_SUGGESTION_PLACE, "Florida Department"));
}

static void
test_places_alone (void)
{
  /* One name of two countries, and nothing else to tell which: no guess. */
  g_autoptr(GPtrArray) out = suggest ("He spent the winter in Florida.", NULL);

  g_assert_cmpuint (count (out, ATTEST_SUGGESTION_PLACE), ==, 0);
}

static void
test_places_project (void)
{
  char *aliases[] = { (char *) "Machishafa", NULL };
  AttestPlace village = { .uuid = (char *) "place-1", .name = (char *) "Makchifa",
                          .aliases = aliases };
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  const char *body = "The attack hit the village of Makchifa. News of the Machishafa attack "
                     "spread fast.";
  g_autoptr(GPtrArray) out = NULL;
  AttestSuggestion *s;

  g_ptr_array_add (places, &village);
  out = attest_suggest (body, NULL, NULL, places);
  assert_spans (body, out);
  s = find (out, ATTEST_SUGGESTION_PLACE, "Makchifa");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->value, ==, "place-1");
  s = find (out, ATTEST_SUGGESTION_PLACE, "Machishafa");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->value, ==, "place-1");
}

/* Casualties */

typedef struct
{
  const char *name;
  const char *body;
  const char *text;
  const char *value;
} CasualtyCase;

static const CasualtyCase casualty_cases[] = {
  { "n-killed", "Officials said 10 killed in the blast.", "10 killed", "killed:10" },
  { "at-least-wounded", "At least five wounded were taken to hospital.",
    "At least five wounded", "injured:5-" },
  { "killing-and-wounding-of",
    "The attack resulted in the killing and wounding of dozens among the crowd.",
    "killing and wounding of dozens", "casualties:24-" },
  { "confirmed-dead", "A total of 39 are confirmed dead.", "39 are confirmed dead",
    "killed:39" },
  { "killing-at-least", "A plane crashed, killing at least seven.", "killing at least seven",
    "killed:7-" },
  { "between", "Between 36 and 40 people were killed.", "Between 36 and 40 people were killed",
    "killed:36-40" },
  { "none-injured", "No crew were injured.", "No crew were injured", "injured:0" },
  { "missing", "Some 68 people were missing.", "Some 68 people were missing", "missing:68" },
  { "death-toll", "The death toll rose to 31 on Wednesday.", "death toll rose to 31",
    "killed:31" },
  { "noun", "The outbreak caused over 4,600 deaths.", "over 4,600 deaths", "killed:4600-" },
  { "killers-are-not-victims", "Five gunmen killed 3 people.", "killed 3 people", "killed:3" },
};

static void
test_casualty_case (gconstpointer data)
{
  const CasualtyCase *c = data;
  g_autoptr(GPtrArray) out = suggest (c->body, NULL);
  AttestSuggestion *s = find (out, ATTEST_SUGGESTION_CASUALTY, c->text);

  assert_spans (c->body, out);
  if (s == NULL)
    {
      for (guint i = 0; i < out->len; i++)
        g_test_message ("got: %s", ((AttestSuggestion *) out->pdata[i])->text);
      g_test_fail_printf ("no casualty figure “%s”", c->text);
      return;
    }
  g_assert_cmpstr (s->value, ==, c->value);
  g_assert_cmpuint (count (out, ATTEST_SUGGESTION_CASUALTY), ==, 1);
}

static void
test_casualties_not (void)
{
  const char *body = "The 1973 building was home to over 1,000 people; 48 apartments were "
                     "damaged. The deceased were aged nine and 49. The blasts were within two "
                     "miles of each other.";
  g_autoptr(GPtrArray) out = suggest (body, NULL);

  g_assert_cmpuint (count (out, ATTEST_SUGGESTION_CASUALTY), ==, 0);
}

/* The seed article */

static void
test_seed_article (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ATTEST_SHARED_DIR"), "corpus", "seed",
                                            "iraq-isis-corona.txt", NULL);
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *root;
  JsonObject *first;
  AttestSuggestion *s;

  g_file_get_contents (path, &body, NULL, &error);
  g_assert_no_error (error);
  out = suggest (body, "2020-04-05");
  assert_spans (body, out);

  g_assert_cmpuint (count (out, ATTEST_SUGGESTION_QUOTE), >=, 18);
  s = find (out, ATTEST_SUGGESTION_QUOTE, "There are many fighters in the mountains, and we "
                                          "know they can move very easily.");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->speaker, ==, "Baquba resident");
  s = find (out, ATTEST_SUGGESTION_PLACE, "Salah al-Din Governorate");
  g_assert_nonnull (s);
  s = find (out, ATTEST_SUGGESTION_CASUALTY, "killing and wounding of dozens");
  g_assert_nonnull (s);
  s = find (out, ATTEST_SUGGESTION_DATE, "Saturday evening");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->value, ==, "2020-04-04");

  /* What attest-cli suggest --json prints and quote-score reads. */
  json = attest_suggestions_to_json (out);
  root = json_node_get_object (json);
  g_assert_true (json_object_has_member (root, "dates"));
  g_assert_true (json_object_has_member (root, "places"));
  g_assert_true (json_object_has_member (root, "casualties"));
  first = json_array_get_object_element (json_object_get_array_member (root, "quotes"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "indirect");
  g_assert_cmpstr (json_object_get_string_member (first, "speaker"), ==, "Washington Post");
  g_assert_cmpstr (json_object_get_string_member (first, "speaker_kind"), ==, "media");
  g_assert_true (json_object_has_member (first, "start"));
  g_assert_true (json_object_has_member (first, "end"));
  g_assert_true (json_object_has_member (first, "text"));
}

/* Odd input */

static void
test_empty_and_invalid (void)
{
  const char *odd[] = {
    "", " ", "\n\n\n", "\"", "\"\"", "\"\"\"\"\"", "\u201C\u201D\u201C", "'''", "said", "\"said\"",
    "According to", "According to,", ", said", "told that that that", "\"a b c\" said",
    "said \"a b c", "[...]", "((((((", ")))))", "\u2014\u2014", "No. 5.", "U.S.", "a.m.",
    "at least", "killing of", "death toll", "between 5 and", "last", "since", "He said he said.",
    "\u0627\u0644\u0645\u062A\u062D\u062F\u062B \u0642\u0627\u0644 \"\u0646\u062D\u0646 "
    "\u0647\u0646\u0627\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GPtrArray) out = suggest (odd[i], "2020-04-05");

      assert_spans (odd[i], out);
    }

  {
    g_autoptr(GPtrArray) out = attest_suggest (NULL, NULL, NULL, NULL);

    g_assert_cmpuint (out->len, ==, 0);
  }
  {
    /* Not UTF-8: nothing, and no warning. */
    g_autoptr(GPtrArray) out = attest_suggest ("caf\xe9 said \"\xff\xfe\"", NULL, NULL, NULL);

    g_assert_cmpuint (out->len, ==, 0);
  }
  {
    /* A published date that is no date is ignored. */
    g_autoptr(GPtrArray) out = suggest ("The strike began on Monday.", "2020-13-45");
    AttestSuggestion *s = find (out, ATTEST_SUGGESTION_DATE, "Monday");

    g_assert_nonnull (s);
    g_assert_null (s->value);
  }
}

static void
test_megabyte (void)
{
  const char *paragraph =
    "\"We are tense,\" said a Baquba resident. Officials said that 10 were killed on "
    "Saturday evening in Salah al-Din Governorate, according to police. \u201COne \"two\" "
    "three,\u201D he said, \u201Cfour ";
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  while (text->len < 1024 * 1024)
    {
      g_string_append (text, paragraph);
      g_string_append (text, text->len % 3 ? "\n\n" : " ");
    }
  {
    g_autoptr(GPtrArray) out = suggest (text->str, "2020-04-05");

    g_assert_cmpuint (out->len, >, 1000);
    assert_spans (text->str, out);
  }

  while (marks->len < 1024 * 1024)
    g_string_append (marks, "\" said \u201C ' ,");
  {
    g_autoptr(GPtrArray) out = suggest (marks->str, NULL);

    assert_spans (marks->str, out);
  }

  while (word->len < 1024 * 1024)
    g_string_append_c (word, 'a');
  {
    g_autoptr(GPtrArray) out = suggest (word->str, NULL);

    g_assert_cmpuint (out->len, ==, 0);
  }
}

/* Many threads at once give what one gives: the engine is a pure function. */
static gpointer
run_in_thread (gpointer data)
{
  return attest_suggest (data, "2020-04-05", NULL, NULL);
}

static void
test_threads (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ATTEST_SHARED_DIR"), "corpus", "seed",
                                            "iraq-isis-corona.txt", NULL);
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  GThread *threads[4];

  g_assert_true (g_file_get_contents (path, &body, NULL, NULL));
  expected = suggest (body, "2020-04-05");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("suggest", run_in_thread, body);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GPtrArray) got = g_thread_join (threads[i]);

      g_assert_cmpuint (got->len, ==, expected->len);
      for (guint k = 0; k < got->len; k++)
        {
          AttestSuggestion *a = got->pdata[k], *b = expected->pdata[k];

          g_assert_cmpuint (a->start, ==, b->start);
          g_assert_cmpstr (a->speaker, ==, b->speaker);
          g_assert_cmpstr (a->value, ==, b->value);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* One table row failing does not hide the others. */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (quote_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/attest/suggest/quote/", quote_cases[i].name, NULL);

      g_test_add_data_func (path, &quote_cases[i], test_quote_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (negative_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/attest/suggest/not-a-quote/", negative_cases[i].name,
                                           NULL);

      g_test_add_data_func (path, &negative_cases[i], test_negative_case);
    }
  g_test_add ("/attest/suggest/sources", Fixture, NULL, fixture_set_up, test_sources,
              fixture_tear_down);
  g_test_add ("/attest/suggest/accept", Fixture, NULL, fixture_set_up, test_accept,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/attest/suggest/date/", date_cases[i].name, NULL);

      g_test_add_data_func (path, &date_cases[i], test_date_case);
    }
  g_test_add_func ("/attest/suggest/date/not-dates", test_dates_not);
  g_test_add_func ("/attest/suggest/place/iso-codes", test_places_iso_codes);
  g_test_add_func ("/attest/suggest/place/alone", test_places_alone);
  g_test_add_func ("/attest/suggest/place/project", test_places_project);
  for (guint i = 0; i < G_N_ELEMENTS (casualty_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/attest/suggest/casualty/", casualty_cases[i].name,
                                           NULL);

      g_test_add_data_func (path, &casualty_cases[i], test_casualty_case);
    }
  g_test_add_func ("/attest/suggest/casualty/not-casualties", test_casualties_not);
  g_test_add_func ("/attest/suggest/seed-article", test_seed_article);
  g_test_add_func ("/attest/suggest/odd/empty-and-invalid", test_empty_and_invalid);
  g_test_add_func ("/attest/suggest/odd/megabyte", test_megabyte);
  g_test_add_func ("/attest/suggest/threads", test_threads);

  return g_test_run ();
}
