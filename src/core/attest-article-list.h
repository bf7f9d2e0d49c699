/* attest-article-list.h: a GListModel of a project's articles that keeps only row ids and
 * loads each AttestArticle (without its body) when a view asks for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "attest-store.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_ARTICLE_LIST (attest_article_list_get_type ())
G_DECLARE_FINAL_TYPE (AttestArticleList, attest_article_list, ATTEST, ARTICLE_LIST, GObject)

AttestArticleList *attest_article_list_new        (AttestStore       *store);
/* Without the ids yet: a reload (attest_article_list_reload_async ()) brings them. */
AttestArticleList *attest_article_list_new_empty  (AttestStore       *store);
AttestStore       *attest_article_list_get_store  (AttestArticleList *self);
/* Re-reads the ids and emits items-changed for what differs. */
void               attest_article_list_reload     (AttestArticleList *self);
/* The same, with the ids read off the main thread (through a connection of its own, so it
 * sees what other connections wrote); the model changes in _finish. */
void               attest_article_list_reload_async  (AttestArticleList   *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           attest_article_list_reload_finish (AttestArticleList   *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* Position of the article with that id, or G_MAXUINT. */
guint              attest_article_list_find       (AttestArticleList *self,
                                                   gint64             id);

G_END_DECLS
