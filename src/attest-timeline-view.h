/* attest-timeline-view.h: the incident timeline with what a page of the window needs
 * around it: filters by event type and place, and zoom buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"
#include "attest-timeline.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_TIMELINE_VIEW (attest_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (AttestTimelineView, attest_timeline_view, ATTEST, TIMELINE_VIEW, GtkWidget)

/* Signals:
 *   "incident-activated" (const char *uuid): from the timeline (a click, or Enter).
 *
 * Actions:
 *   "timeline-view.zoom-in", "timeline-view.zoom-out", "timeline-view.zoom-fit".
 */

GtkWidget      *attest_timeline_view_new          (void);
AttestStore    *attest_timeline_view_get_store    (AttestTimelineView *self);
void            attest_timeline_view_set_store    (AttestTimelineView *self,
                                                   AttestStore        *store);
AttestTimeline *attest_timeline_view_get_timeline (AttestTimelineView *self);

G_END_DECLS
