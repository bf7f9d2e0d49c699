/* attest-incident-editor.h: one incident's fields, after ACLED and UCDP practice — what,
 * when, where, who, casualties, responsibility, status — edited as a form and saved as a
 * whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_INCIDENT_EDITOR (attest_incident_editor_get_type ())
G_DECLARE_FINAL_TYPE (AttestIncidentEditor, attest_incident_editor, ATTEST, INCIDENT_EDITOR, GtkWidget)

/* Signals:
 *   "saved" (const char *uuid): the form was saved; a new incident has its uuid now.
 *
 * Actions:
 *   "incident-editor.save" (Ctrl+S): saves the form through the store, which validates it;
 *     a refusal is shown under the form and nothing is lost.
 *   "incident-editor.revert" (Escape): puts the form back as the incident is in the store.
 *   "incident-editor.remove-actor" (i): removes the actor at that position from the form.
 *
 * The editor follows the store: an undo shows at once unless the form has unsaved changes,
 * and an incident that goes away (deleted, or its recording undone) empties the editor.
 */

GtkWidget      *attest_incident_editor_new          (void);
AttestStore    *attest_incident_editor_get_store    (AttestIncidentEditor *self);
void            attest_incident_editor_set_store    (AttestIncidentEditor *self,
                                                     AttestStore          *store);
/* The incident shown, as last read from the store; NULL while the editor is empty or holds
 * a new incident. Setting one drops unsaved changes. */
AttestIncident *attest_incident_editor_get_incident (AttestIncidentEditor *self);
void            attest_incident_editor_set_incident (AttestIncidentEditor *self,
                                                     AttestIncident       *incident);
/* An empty form for a new incident; title may be NULL. */
void            attest_incident_editor_start_new    (AttestIncidentEditor *self,
                                                     const char           *title);
/* Whether the form holds a new, unsaved incident. */
gboolean        attest_incident_editor_get_is_new   (AttestIncidentEditor *self);
/* Whether the form differs from the store. */
gboolean        attest_incident_editor_get_modified (AttestIncidentEditor *self);
/* What Save does; FALSE with the store's reason when the store refuses. */
gboolean        attest_incident_editor_save         (AttestIncidentEditor *self,
                                                     GError              **error);
void            attest_incident_editor_revert       (AttestIncidentEditor *self);

G_END_DECLS
