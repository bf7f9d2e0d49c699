/* attest-article.h: one imported news article, a read-only snapshot of its row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "attest-types.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_ARTICLE (attest_article_get_type ())
G_DECLARE_FINAL_TYPE (AttestArticle, attest_article, ATTEST, ARTICLE, GObject)

gint64      attest_article_get_id           (AttestArticle *self);
const char *attest_article_get_uuid         (AttestArticle *self);
const char *attest_article_get_title        (AttestArticle *self);
const char *attest_article_get_byline       (AttestArticle *self);
const char *attest_article_get_outlet       (AttestArticle *self);
const char *attest_article_get_url          (AttestArticle *self);
const char *attest_article_get_published    (AttestArticle *self);
const char *attest_article_get_language     (AttestArticle *self);
const char *attest_article_get_origin       (AttestArticle *self);
const char *attest_article_get_imported_at  (AttestArticle *self);
const char *attest_article_get_content_hash (AttestArticle *self);
const char *attest_article_get_description  (AttestArticle *self);
/* NULL for articles loaded by list queries, which skip the body. */
const char *attest_article_get_body         (AttestArticle *self);
guint       attest_article_get_n_annotations (AttestArticle *self);

G_END_DECLS
