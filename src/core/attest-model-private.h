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

G_BEGIN_DECLS

#define _ATTEST_ARTICLE_COLUMNS \
  "a.id, a.uuid, a.title, a.byline, a.outlet, a.url, a.published, a.language, a.origin, " \
  "a.imported_at, a.content_hash, " \
  "(SELECT count(*) FROM annotations n WHERE n.article_id = a.id), a.description"

#define _ATTEST_SOURCE_COLUMNS \
  "s.id, s.uuid, s.name, s.kind, s.role, s.affiliation, s.anonymous, s.is_group, s.notes, " \
  "(SELECT group_concat (alias, char(31)) FROM " \
  "  (SELECT alias FROM source_aliases x WHERE x.source_id = s.id ORDER BY x.id)), " \
  "(SELECT count(*) FROM annotations n WHERE n.speaker_id = s.id " \
  "   AND n.kind IN ('direct', 'indirect'))"

#define _ATTEST_ANNOTATION_COLUMNS \
  "n.id, n.uuid, a.uuid, n.kind, n.start, n.\"end\", n.exact, n.prefix, n.suffix, " \
  "s.uuid, s.name, s.kind, n.comment, n.coder, n.created_at, n.modified_at"

#define _ATTEST_ANNOTATION_FROM \
  "annotations n JOIN articles a ON a.id = n.article_id " \
  "LEFT JOIN sources s ON s.id = n.speaker_id"

/* The body, if wanted, is read from column 13 of an article row. */
AttestArticle    *_attest_article_new_from_stmt    (sqlite3_stmt *stmt,
                                                    gboolean      with_body);
AttestSource     *_attest_source_new_from_stmt     (sqlite3_stmt *stmt);
AttestAnnotation *_attest_annotation_new_from_stmt (sqlite3_stmt *stmt);

G_END_DECLS
