/* attest-link-incident-popover.h: ties a marked quote to an incident as evidence: which
 * incident (type-ahead), for which field, reporting or disputing it, with the figure the
 * quote gives; or records a new incident from the quote. All from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_LINK_INCIDENT_POPOVER (attest_link_incident_popover_get_type ())
G_DECLARE_FINAL_TYPE (AttestLinkIncidentPopover, attest_link_incident_popover, ATTEST, LINK_INCIDENT_POPOVER, GtkPopover)

/* Signals:
 *   "linked" (const char *link_uuid, const char *incident_uuid): the annotation is evidence
 *     of the incident now; the popover has closed.
 *   "incident-created" (const char *incident_uuid): "New Incident from Selection" recorded
 *     a draft incident (then linked the annotation to it), e.g. to open it in the editor.
 *
 * Actions (Up, Down, Enter in the search field):
 *   "link.previous", "link.next": move the highlighted incident.
 *   "link.link": links the annotation to the highlighted incident.
 *   "link.new-incident": records an incident titled from the annotation's words and links it.
 *
 * Each link and each new incident is an undoable change of the store.
 */

GtkWidget   *attest_link_incident_popover_new                 (void);
AttestStore *attest_link_incident_popover_get_store           (AttestLinkIncidentPopover *self);
void         attest_link_incident_popover_set_store           (AttestLinkIncidentPopover *self,
                                                               AttestStore               *store);
const char  *attest_link_incident_popover_get_annotation_uuid (AttestLinkIncidentPopover *self);
void         attest_link_incident_popover_set_annotation_uuid (AttestLinkIncidentPopover *self,
                                                               const char                *uuid);

/* "12" gives 12 and 12, "10-12" or "10–12" gives 10 and 12, "" gives ATTEST_UNKNOWN twice;
 * FALSE for anything else or a range that goes down. */
gboolean     attest_link_incident_parse_figure                (const char                *text,
                                                               gint64                    *low,
                                                               gint64                    *high);
/* A short title for an incident from a quote's words: the first clause, at most about 60
 * characters, cut at a word. */
char        *attest_link_incident_title_from_text             (const char                *text);

G_END_DECLS
