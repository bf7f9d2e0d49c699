/* attest-incidents-view.h: the project's incidents: a sortable, filterable table beside the
 * selected incident's editor and its evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_INCIDENTS_VIEW (attest_incidents_view_get_type ())
G_DECLARE_FINAL_TYPE (AttestIncidentsView, attest_incidents_view, ATTEST, INCIDENTS_VIEW, GtkWidget)

/* Signals:
 *   "open-annotation" (const char *article_uuid, const char *annotation_uuid): the user
 *     activated a piece of evidence; annotation_uuid is NULL when a whole article is linked.
 *
 * Actions:
 *   "incidents.new": an empty editor for a new incident (saved with Save or Ctrl+S).
 *   "incidents.delete": confirms and deletes the selected incident (Delete in the table).
 */

GtkWidget      *attest_incidents_view_new                   (void);
AttestStore    *attest_incidents_view_get_store             (AttestIncidentsView *self);
void            attest_incidents_view_set_store             (AttestIncidentsView *self,
                                                             AttestStore         *store);
/* The selected incident, or NULL. */
AttestIncident *attest_incidents_view_get_selected_incident (AttestIncidentsView *self);
/* Selects it (clearing the search and filters if they hide it); FALSE if there is none. */
gboolean        attest_incidents_view_select_incident       (AttestIncidentsView *self,
                                                             const char          *uuid);
/* Saves the incident being edited when it has changes, e.g. before the window closes or
 * another page shows; FALSE with the store's reason (also shown in the editor). */
gboolean        attest_incidents_view_save_pending          (AttestIncidentsView *self,
                                                             GError             **error);
/* The event type the table is filtered by, or NULL for all types. A type missing from the
 * project's list of event types is kept, and applied once a project with it is shown. */
const char     *attest_incidents_view_get_type_filter       (AttestIncidentsView *self);
void            attest_incidents_view_set_type_filter       (AttestIncidentsView *self,
                                                             const char          *type);
/* The rows as shown: filtered and sorted. */
GListModel     *attest_incidents_view_get_model             (AttestIncidentsView *self);

G_END_DECLS
