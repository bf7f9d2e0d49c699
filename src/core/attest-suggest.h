/* attest-suggest.h: annotations Attest proposes for an article — quotes with their
 * speakers, dates, places and casualty figures — found by local rules, with no model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "attest-types.h"

G_BEGIN_DECLS

typedef enum
{
  ATTEST_SUGGESTION_QUOTE,
  ATTEST_SUGGESTION_DATE,
  ATTEST_SUGGESTION_PLACE,
  ATTEST_SUGGESTION_CASUALTY,
} AttestSuggestionType;

typedef struct
{
  AttestSuggestionType  type;
  guint                 start, end;           /* code points of the article body, end exclusive */
  char                 *text;
  AttestAnnotationKind  kind;                 /* quotes: ATTEST_ANNOTATION_DIRECT or _INDIRECT */
  char                 *speaker; /* quotes: the speaker's name as best resolved, or NULL */
  char                 *speaker_kind;         /* official, expert, resident, witness, media,
                                               * organization, armed-group, other, or NULL */
  char                 *speaker_source_uuid;  /* an existing source of the project, or NULL */
  char                 *value;                /* dates: ISO 8601 date, week, month or year;
                                               * places: ISO 3166-2 code or place uuid;
                                               * casualties: "killed:10", "injured:5-" … */
  double                confidence;           /* 0..1 */
} AttestSuggestion;

void         attest_suggestion_free      (AttestSuggestion *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestSuggestion, attest_suggestion_free)

const char  *attest_suggestion_type_to_string (AttestSuggestionType type);

/* Pure function on text: body (UTF-8), published date (YYYY-MM-DD or NULL; a dateline at
 * the top of the body is used when it is NULL), known sources (GPtrArray of AttestSource,
 * may be NULL), known places (GPtrArray of AttestPlace, may be NULL). Returns the
 * suggestions ordered by start, never NULL. Thread-safe: it runs in a worker thread. */
GPtrArray   *attest_suggest              (const char *body,
                                          const char *published,
                                          GPtrArray  *sources,
                                          GPtrArray  *places);

/* {"quotes": [{"text", "type", "speaker", "speaker_kind", "speaker_source", "start", "end",
 * "confidence"}], "dates": […], "places": […], "casualties": […]}: what attest-cli suggest
 * prints and ../shared/tools/quote-score reads. */
JsonNode    *attest_suggestions_to_json  (GPtrArray  *suggestions);

G_END_DECLS
