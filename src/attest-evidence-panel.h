/* attest-evidence-panel.h: what backs an incident: the quotes and articles linked to it,
 * grouped by the field they speak to, with who said it, of which kind, where, and whether
 * it reports or disputes; for the casualty counts, each source's figure beside the
 * incident's estimate, and how many independent sources agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_EVIDENCE_PANEL (attest_evidence_panel_get_type ())
G_DECLARE_FINAL_TYPE (AttestEvidencePanel, attest_evidence_panel, ATTEST, EVIDENCE_PANEL, GtkWidget)

/* Signals:
 *   "open-annotation" (const char *article_uuid, const char *annotation_uuid): the user
 *     activated a piece of evidence; annotation_uuid is NULL for a whole article.
 *
 * Actions:
 *   "evidence.unlink" (s: the link's uuid): unlinks that piece of evidence (undoable).
 */

GtkWidget      *attest_evidence_panel_new          (void);
AttestStore    *attest_evidence_panel_get_store    (AttestEvidencePanel *self);
void            attest_evidence_panel_set_store    (AttestEvidencePanel *self,
                                                    AttestStore         *store);
AttestIncident *attest_evidence_panel_get_incident (AttestEvidencePanel *self);
void            attest_evidence_panel_set_incident (AttestEvidencePanel *self,
                                                    AttestIncident      *incident);
/* The evidence shown (AttestEvidence), as last read from the store. */
GPtrArray      *attest_evidence_panel_get_evidence (AttestEvidencePanel *self);

/* The fields evidence can speak to, in the order the panel shows them: NULL (the incident
 * as a whole), then "date", "place", "event_type", "actors", "fatalities", "injuries" and
 * "responsibility"; and what each is called ("Whole Incident", "Date", ...). */
#define ATTEST_N_EVIDENCE_FIELDS 8
extern const char * const attest_evidence_fields[ATTEST_N_EVIDENCE_FIELDS];
const char     *attest_evidence_field_label        (const char          *field);
/* "Reports", "Disputes" or "Context". */
const char     *attest_evidence_relation_label     (const char          *relation);

G_END_DECLS
