/* attest-model-private.h: how the store builds model objects from query rows.
 *
 * Each constructor reads the columns its *_COLUMNS macro lists, in that order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "attest-article.h"
#include "attest-source.h"
#include "attest-annotation.h"
#include "attest-tag.h"
#include "attest-incident.h"

G_BEGIN_DECLS

#define _ATTEST_ARTICLE_COLUMNS \
  "a.id, a.uuid, a.title, a.byline, a.outlet, a.url, a.published, a.language, a.origin, " \
  "a.imported_at, a.content_hash, " \
  "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id), a.description"

#define _ATTEST_SOURCE_COLUMNS \
  "s.id, s.uuid, s.name, s.kind, s.role, s.affiliation, s.anonymous, s.is_group, s.notes, " \
  "(SELECT json_group_array (alias) FROM " \
  "  (SELECT alias FROM source_aliases x WHERE x.source_id = s.id ORDER BY x.id)), " \
  "(SELECT count(*) FROM annotations n WHERE n.speaker_id = s.id " \
  "   AND n.kind IN ('direct', 'indirect')), " \
  "(SELECT count(DISTINCT n.article_id) FROM annotations n WHERE n.speaker_id = s.id), " \
  "(SELECT group_concat (uuid, char(31)) FROM (SELECT t.uuid FROM source_tags y " \
  "  JOIN tags t ON t.id = y.tag_id WHERE y.source_id = s.id ORDER BY t.name))"

#define _ATTEST_ANNOTATION_COLUMNS \
  "n.id, n.uuid, a.uuid, n.kind, n.start, n.\"end\", n.exact, n.prefix, n.suffix, " \
  "s.uuid, s.name, s.kind, n.comment, n.coder, n.created_at, n.modified_at, " \
  "n.claim_status, n.suggested, " \
  "(SELECT group_concat (uuid, char(31)) FROM (SELECT t.uuid FROM annotation_tags x " \
  "  JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = n.id ORDER BY t.name))"

#define _ATTEST_TAG_COLUMNS \
  "t.id, t.uuid, t.name, (SELECT p.uuid FROM tags p WHERE p.id = t.parent_id), t.color, " \
  "t.description, t.memo, " \
  "(SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id), " \
  "(SELECT count(*) FROM source_tags y WHERE y.tag_id = t.id)"

#define _ATTEST_INCIDENT_COLUMNS \
  "i.id, " \
  "i.uuid, " \
  "i.title, " \
  "i.description, " \
  "i.date_start, " \
  "i.date_end, " \
  "i.date_precision, " \
  "i.date_as_reported, " \
  "i.event_type, " \
  "i.sub_event_type, " \
  "(SELECT p.uuid FROM places p WHERE p.id = i.place_id), " \
  "i.location, " \
  "i.location_as_reported, " \
  "i.admin1, " \
  "i.admin2, " \
  "i.country, " \
  "i.latitude, " \
  "i.longitude, " \
  "i.geo_precision, " \
  "i.fatalities_low, " \
  "i.fatalities_best, " \
  "i.fatalities_high, " \
  "i.injuries_low, " \
  "i.injuries_best, " \
  "i.injuries_high, " \
  "i.responsibility, " \
  "i.status, " \
  "i.coder, " \
  "i.created_at, " \
  "i.modified_at, " \
  "(SELECT count(*) FROM incident_links l WHERE l.incident_id = i.id)"

#define _ATTEST_ANNOTATION_FROM \
  "annotations n JOIN articles a ON a.id = n.article_id " \
  "LEFT JOIN sources s ON s.id = n.speaker_id"

/* The body, if wanted, is read from column 13 of an article row. */
AttestArticle    *_attest_article_new_from_stmt    (sqlite3_stmt *stmt,
                                                    gboolean      with_body);
AttestSource     *_attest_source_new_from_stmt     (sqlite3_stmt *stmt);
AttestAnnotation *_attest_annotation_new_from_stmt (sqlite3_stmt *stmt);
AttestTag        *_attest_tag_new_from_stmt        (sqlite3_stmt *stmt);
AttestIncident   *_attest_incident_new_from_stmt   (sqlite3_stmt *stmt);

/* Names from a json_group_array () column: any character may be in a name, so no separator
 * character can join them safely. Never NULL. */
GStrv             _attest_strv_from_json          (const char   *json);

G_END_DECLS
