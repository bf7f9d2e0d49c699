/* attest-article-details.h: the window that shows and corrects an article's details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_ARTICLE_DETAILS (attest_article_details_get_type ())
G_DECLARE_FINAL_TYPE (AttestArticleDetails, attest_article_details,
                      ATTEST, ARTICLE_DETAILS, AdwWindow)

/* Actions (details.*):
 *   save: stores what changed as one undoable step and closes; disabled while nothing
 *         changed or a field is invalid (an empty title, a malformed date or address).
 *   copy-id: copies the article's uuid.
 * Signals:
 *   "saved": the changes are in the project.
 */

AttestArticleDetails *attest_article_details_new              (GtkWindow            *parent,
                                                               AttestStore          *store,
                                                               AttestArticle        *article);
AttestArticle        *attest_article_details_get_article      (AttestArticleDetails *self);
/* Fills meta with the fields the user changed (strings owned by the window; "" clears one)
 * and returns whether there are any. */
gboolean              attest_article_details_get_changes      (AttestArticleDetails *self,
                                                               AttestArticleMeta    *meta);

/* Whether text is a publication date the window accepts: empty, YYYY-MM-DD of a real day,
 * or a full ISO 8601 date and time (as imports store from web pages). */
gboolean              attest_article_details_check_published  (const char           *text);

G_END_DECLS
