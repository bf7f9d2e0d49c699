/* attest-timeline-private.h: what the parts of AttestTimeline share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "attest-timeline.h"

G_BEGIN_DECLS

#define LANE_LABEL_WIDTH 212.0
#define AXIS_HEIGHT      34.0
#define ROW_HEIGHT       26.0
#define LANE_GAP         10.0
#define MIN_ZOOM         0.02    /* about 7 pixels a year */
#define MAX_ZOOM         400.0
#define ZOOM_STEP        1.5

#define TICK_LABEL_WIDTH 140.0

struct _AttestTimeline
{
  GtkWidget             parent_instance;

  AttestStore          *store;
  GPtrArray            *incidents;       /* those the filters let through */
  GStrv                 event_types;     /* each type once, in the store's order */
  guint                 n_shown;         /* of those, the dated ones: they have a mark */
  char                 *event_type;
  char                 *place_uuid;
  char                 *selected_uuid;
  AttestTimelineScale   scale;
  double                scroll_y;        /* the lanes are scrolled up by this much */
  AttestTimelineLayout *layout;          /* for the current size and scale; NULL when stale */
  int                   hovered;         /* index into the layout's marks, or -1 */
  double                pointer_x;
  double                drag_first_day;
  double                drag_scroll_y;
  double                zoom_begin;
  gboolean              fit_pending;     /* zoom to fit as soon as there is a width */
};

AttestTimelineLayout *_attest_timeline_ensure_layout  (AttestTimeline *self);
AttestTimelineLayout *_attest_timeline_compute_layout (AttestTimeline *self,
                                                       double          scroll_y);
void                  _attest_timeline_invalidate     (AttestTimeline *self);
void                  _attest_timeline_clamp_scroll   (AttestTimeline *self);
void                  _attest_timeline_zoom_around    (AttestTimeline *self,
                                                       double          px_per_day,
                                                       double          x);
/* dx is along time: later when positive, whichever way time runs on the screen. */
void                  _attest_timeline_pan_by         (AttestTimeline *self,
                                                       double          dx,
                                                       double          dy);
int                   _attest_timeline_mark_at        (AttestTimeline *self,
                                                       double          x,
                                                       double          y);
void                  _attest_timeline_select_index   (AttestTimeline *self,
                                                       int             i);
void                  _attest_timeline_move_selection (AttestTimeline *self,
                                                       int             delta);
void                  _attest_timeline_emit_activated (AttestTimeline *self);
int                   _attest_timeline_selected_index (AttestTimeline *self);
double                _attest_timeline_axis_width     (AttestTimeline *self);
/* The lane names are left of the axis, or right of it when the text runs right to left
 * (and time with it). */
gboolean              _attest_timeline_is_rtl         (AttestTimeline *self);
double                _attest_timeline_axis_left      (AttestTimeline *self);
double                _attest_timeline_axis_middle    (AttestTimeline *self);
gboolean              _attest_timeline_on_axis        (AttestTimeline *self,
                                                       double          x);
/* The zoom and pan with where the axis and the lanes are in the widget. */
AttestTimelineScale   _attest_timeline_get_scale      (AttestTimeline *self,
                                                       double          scroll_y);
/* attest-timeline-input.c */
void                  _attest_timeline_class_init_input (GtkWidgetClass *widget_class);
void                  _attest_timeline_init_input     (AttestTimeline *self);
/* attest-timeline-draw.c */
void                  _attest_timeline_snapshot       (GtkWidget      *widget,
                                                       GtkSnapshot    *snapshot);

G_END_DECLS
