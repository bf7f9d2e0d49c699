/* attest-collections-dialog.h: the project's collections (named sets of articles).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_COLLECTIONS_DIALOG (attest_collections_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttestCollectionsDialog, attest_collections_dialog, ATTEST,
                      COLLECTIONS_DIALOG, AdwWindow)

/* Every change goes through store, each one undo step.
 *
 * Properties: "store" (construct-only), "article-uuid": the article open in the window, which
 *   "Add Open Article" adds (NULL disables it).
 * Signals: "export" (collection uuid): the user asked to export that collection.
 * Actions (s: collection uuid): "collection.add-article", "collection.add-matching",
 *   "collection.rename", "collection.export", "collection.delete"; and (s: name)
 *   "collection.create". */
AttestCollectionsDialog *attest_collections_dialog_new              (GtkWindow   *parent,
                                                                      AttestStore *store,
                                                                      const char  *article_uuid);
void                     attest_collections_dialog_set_article_uuid (AttestCollectionsDialog *self,
                                                                      const char  *article_uuid);
/* Re-reads the list from the store. */
void                     attest_collections_dialog_reload           (AttestCollectionsDialog *self);

G_END_DECLS
