/* attest-sources-view.h: the project's directory of sources: a sortable, searchable table,
 * the selected source's details, merging, deleting and the kinds of source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_SOURCES_VIEW (attest_sources_view_get_type ())
G_DECLARE_FINAL_TYPE (AttestSourcesView, attest_sources_view, ATTEST, SOURCES_VIEW, GtkWidget)

/* Signals:
 *   "open-annotation" (const char *article_uuid, const char *annotation_uuid): the user
 *     activated one of the selected source's quotes.
 *
 * Actions:
 *   "sources.merge": asks which source the selected one is, confirms, merges.
 *   "sources.delete": confirms and deletes the selected source (Delete in the table).
 *   "sources.edit-kinds": opens "Kinds of Source".
 */

GtkWidget    *attest_sources_view_new                 (void);
AttestStore  *attest_sources_view_get_store           (AttestSourcesView *self);
void          attest_sources_view_set_store           (AttestSourcesView *self,
                                                       AttestStore       *store);
/* The selected source, or NULL. */
AttestSource *attest_sources_view_get_selected_source (AttestSourcesView *self);
/* Selects the source with that uuid (clearing the search if it hides it); FALSE if there
 * is none. */
gboolean      attest_sources_view_select_source       (AttestSourcesView *self,
                                                       const char        *uuid);

G_END_DECLS
