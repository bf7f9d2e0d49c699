/* attest-timeline-layout.h: where the timeline puts each incident and each tick of its
 * axis, computed from the incidents and a scale without a widget, so tests can check it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <graphene.h>

#include "attest-core.h"

G_BEGIN_DECLS

/* How days map to pixels. Days are Julian day numbers (g_date_get_julian ()). Time runs
 * left to right from x = left, or, when rtl, right to left from x = left + width, as a
 * right-to-left reader expects: the earliest day on the right. */
typedef struct
{
  double first_day;    /* the day at the axis's start; may be fractional while panning */
  double px_per_day;   /* the zoom */
  double left;         /* x of the axis's left edge (the lane labels are beside it) */
  double width;        /* the axis's width; only needed when rtl */
  gboolean rtl;        /* time runs right to left */
  double top;          /* y of the first lane */
  double row_height;   /* one row of marks inside a lane */
  double lane_gap;     /* space between lanes */
} AttestTimelineScale;

typedef struct
{
  AttestIncident  *incident;    /* borrowed from the array given to the layout */
  guint            lane;        /* index into the layout's lanes */
  guint            row;         /* within the lane, so marks never overlap */
  graphene_rect_t  rect;        /* in the widget's coordinates */
  guint            first_day;   /* Julian days covered, end exclusive */
  guint            end_day;
  gboolean         range;       /* spans several days: a bar, not a dot */
  gboolean         vague;       /* month or year precision: an open, dimmed mark */
  double           label_room;  /* free pixels after it in its row, to its right or, when
                                 * rtl, its left (G_MAXDOUBLE: none) */
} AttestTimelineMark;

typedef struct
{
  const char *event_type;  /* borrowed; NULL for incidents of no listed type */
  guint       color;       /* index into the palette: the event type's position */
  double      y;
  double      height;
  guint       n_rows;
} AttestTimelineLane;

typedef struct
{
  GArray *marks;       /* AttestTimelineMark, in time order */
  GArray *lanes;       /* AttestTimelineLane, in the event types' order, but the empty ones */
  double  height;      /* from 0 to the bottom of the last lane */
  guint   n_undated;   /* incidents without a start date: not drawn */
} AttestTimelineLayout;

void                  attest_timeline_layout_free (AttestTimelineLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttestTimelineLayout, attest_timeline_layout_free)

/* One mark per dated incident. event_types gives the lanes' order and colours (the store's
 * event types, each once); an incident of another type or none goes in a last lane. */
AttestTimelineLayout *attest_timeline_layout_new  (GPtrArray                 *incidents,
                                                   const char * const        *event_types,
                                                   const AttestTimelineScale *scale);

/* The days an incident covers, end exclusive: its start to its end, or the whole week,
 * month or year its precision says. FALSE when it has no start date. */
gboolean              attest_timeline_incident_days (AttestIncident *incident,
                                                     guint          *first_day,
                                                     guint          *end_day);

/* Where a day starts on the axis (fractions of a day between), and the day at x. */
double                attest_timeline_scale_day_to_x (const AttestTimelineScale *scale,
                                                      double                     day);
double                attest_timeline_scale_x_to_day (const AttestTimelineScale *scale,
                                                      double                     x);

typedef enum
{
  ATTEST_TIMELINE_UNIT_DAY,
  ATTEST_TIMELINE_UNIT_WEEK,
  ATTEST_TIMELINE_UNIT_MONTH,
  ATTEST_TIMELINE_UNIT_YEAR,
} AttestTimelineUnit;

typedef struct
{
  double  x;       /* in the widget's coordinates */
  guint   day;     /* Julian day of the tick */
  char   *label;
} AttestTimelineTick;

/* The unit of the ticks at a zoom: labels at least 84 pixels apart. */
AttestTimelineUnit    attest_timeline_unit_for_zoom (double px_per_day);
/* Ticks over width pixels of time from the axis's start (and one beyond on either side),
 * labelled in the unit of the zoom, in time order: left to right, or right to left when
 * the scale is rtl (the label of a tick then belongs left of it). */
GArray               *attest_timeline_ticks       (const AttestTimelineScale *scale,
                                                   double                     width);

G_END_DECLS
