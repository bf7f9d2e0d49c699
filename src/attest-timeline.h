/* attest-timeline.h: the project's incidents on a time axis, one lane per event type,
 * drawn with GtkSnapshot; zoom, pan, click and the keyboard pick an incident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "attest-core.h"
#include "attest-timeline-layout.h"

G_BEGIN_DECLS

#define ATTEST_TYPE_TIMELINE (attest_timeline_get_type ())
G_DECLARE_FINAL_TYPE (AttestTimeline, attest_timeline, ATTEST, TIMELINE, GtkWidget)

/* Signals:
 *   "incident-activated" (const char *uuid): a click on a mark, or Enter on the selected one.
 *
 * Actions (keys in brackets):
 *   "timeline.zoom-in" (plus, Ctrl+plus), "timeline.zoom-out" (minus, Ctrl+minus),
 *   "timeline.zoom-fit" (0, Ctrl+0), "timeline.next" (Right), "timeline.previous" (Left),
 *   "timeline.activate" (Enter, space).
 * Ctrl+scroll and pinch zoom; scroll and drag pan.
 *
 * In a right-to-left locale (the widget's direction) time runs right to left and the lane
 * names are on the right; Left is then "timeline.next" and Right "timeline.previous".
 */

GtkWidget   *attest_timeline_new                (void);
AttestStore *attest_timeline_get_store          (AttestTimeline *self);
void         attest_timeline_set_store          (AttestTimeline *self,
                                                 AttestStore    *store);
/* Show only incidents of that event type / at that place; NULL shows all. */
const char  *attest_timeline_get_event_type     (AttestTimeline *self);
void         attest_timeline_set_event_type     (AttestTimeline *self,
                                                 const char     *event_type);
const char  *attest_timeline_get_place_uuid     (AttestTimeline *self);
void         attest_timeline_set_place_uuid     (AttestTimeline *self,
                                                 const char     *place_uuid);
const char  *attest_timeline_get_selected_uuid  (AttestTimeline *self);
void         attest_timeline_set_selected_uuid  (AttestTimeline *self,
                                                 const char     *uuid);
/* Pixels per day. */
double       attest_timeline_get_zoom           (AttestTimeline *self);
void         attest_timeline_set_zoom           (AttestTimeline *self,
                                                 double          px_per_day);
/* Shows every incident that passes the filters. */
void         attest_timeline_zoom_to_fit        (AttestTimeline *self);
/* How many incidents have a mark now: dated, and let through by the filters. */
guint        attest_timeline_get_n_shown        (AttestTimeline *self);
/* The layout as last drawn; NULL before the widget has a size. */
const AttestTimelineLayout *attest_timeline_get_layout (AttestTimeline *self);

G_END_DECLS
