/* fuzz-suggest.c: attest_suggest on arbitrary text, with the sources and places of the base
 * collection known, and the suggestions as JSON.
 *
 * Checks the promises of attest-suggest.h: suggestions in order of their start, spans inside
 * the body whose text is the body's text there, quotes direct or indirect with a speaker kind
 * from the list, a known source only when it is one of those given, confidence in 0..1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "attest-suggest.h"

static const char * const speaker_kinds[] = {
  "official", "expert", "resident", "witness", "media", "organization", "armed-group", "other",
  NULL,
};

static const char * const published_dates[] = {
  NULL, "2020-05-03", "2020-02-30", "yesterday",
};

static GPtrArray *sources;
static GPtrArray *places;

static gboolean
is_known_source (const char *uuid)
{
  for (guint i = 0; i < sources->len; i++)
    if (g_str_equal (attest_source_get_uuid (g_ptr_array_index (sources, i)), uuid))
      return TRUE;
  return FALSE;
}

static void
check_suggestion (const AttestSuggestion *s,
                  const char             *body,
                  glong                   n_chars)
{
  g_autofree char *expected = NULL;

  FUZZ_CHECK (attest_suggestion_type_to_string (s->type) != NULL, "type %d", s->type);
  FUZZ_CHECK (s->start < s->end && (glong) s->end <= n_chars,
              "span [%u, %u) in a body of %ld code points", s->start, s->end, n_chars);
  FUZZ_CHECK (s->text != NULL && g_utf8_validate (s->text, -1, NULL), "text not UTF-8");
  expected = attest_text_substring (body, s->start, s->end);
  FUZZ_CHECK (g_strcmp0 (expected, s->text) == 0,
              "text “%s” is not the body's “%s” at [%u, %u)", s->text, expected, s->start,
              s->end);
  FUZZ_CHECK (s->confidence >= 0.0 && s->confidence <= 1.0, "confidence %g", s->confidence);

  if (s->type == ATTEST_SUGGESTION_QUOTE)
    {
      FUZZ_CHECK (s->kind == ATTEST_ANNOTATION_DIRECT || s->kind == ATTEST_ANNOTATION_INDIRECT,
                  "a quote of kind %d", s->kind);
      FUZZ_CHECK (s->speaker == NULL || g_utf8_validate (s->speaker, -1, NULL),
                  "speaker not UTF-8");
      FUZZ_CHECK (s->speaker_kind == NULL || g_strv_contains (speaker_kinds, s->speaker_kind),
                  "speaker kind “%s”", s->speaker_kind);
      FUZZ_CHECK (s->speaker_source_uuid == NULL || is_known_source (s->speaker_source_uuid),
                  "speaker source %s is not one of those given", s->speaker_source_uuid);
    }
  else
    FUZZ_CHECK (s->value == NULL || g_utf8_validate (s->value, -1, NULL), "value not UTF-8");
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  AttestStore *store;

  /* The word lists, when they are not in the resources. */
  if (g_getenv ("ATTEST_DATA_DIR") == NULL)
    g_setenv ("ATTEST_DATA_DIR", FUZZ_DATA_DIR, TRUE);

  fuzz_init ();
  fuzz_project_init (FUZZ_BASE_COLLECTION);
  store = fuzz_project_get (TRUE);
  sources = attest_store_list_sources (store, &error);
  FUZZ_CHECK (sources != NULL, "%s", error->message);
  places = attest_store_list_places (store, &error);
  FUZZ_CHECK (places != NULL, "%s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *body = g_utf8_make_valid ((const char *) data, size);
  const char *published = published_dates[size % G_N_ELEMENTS (published_dates)];
  g_autoptr(GPtrArray) suggestions = attest_suggest (body, published, sources, places);
  g_autoptr(JsonNode) json = NULL;
  glong n_chars = g_utf8_strlen (body, -1);

  FUZZ_CHECK (suggestions != NULL, "NULL instead of an empty array");
  for (guint i = 0; i < suggestions->len; i++)
    {
      const AttestSuggestion *s = g_ptr_array_index (suggestions, i);

      check_suggestion (s, body, n_chars);
      if (i > 0)
        FUZZ_CHECK (((AttestSuggestion *) g_ptr_array_index (suggestions, i - 1))->start
                    <= s->start, "suggestions out of order");
    }

  json = attest_suggestions_to_json (suggestions);
  FUZZ_CHECK (json != NULL && JSON_NODE_HOLDS_OBJECT (json), "no JSON object");

  return 0;
}
