/* attest-timeline-draw.c: how AttestTimeline draws its layout: shaded lanes named on the
 * left (on the right when time runs right to left), a grid and an axis of ticks, and a mark
 * per incident in its event type's colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-timeline"

#include "config.h"

#include <math.h>

#include "attest-timeline.h"
#include "attest-timeline-private.h"

#include <glib/gi18n.h>

/* A colour per event type in the list's order (ACLED's six first), from the GNOME palette;
 * grey for any other. */
static const GdkRGBA palette[] = {
  { 0.878, 0.106, 0.141, 1 },  /* red 3 */
  { 1.000, 0.471, 0.000, 1 },  /* orange 3 */
  { 0.569, 0.255, 0.675, 1 },  /* purple 3 */
  { 0.208, 0.518, 0.894, 1 },  /* blue 3 */
  { 0.898, 0.647, 0.039, 1 },  /* yellow 5 */
  { 0.149, 0.635, 0.412, 1 },  /* green 5 */
  { 0.388, 0.271, 0.184, 1 },  /* brown 4 */
  { 0.000, 0.600, 0.600, 1 },  /* teal */
};
static const GdkRGBA other_color = { 0.467, 0.463, 0.482, 1 };

static const GdkRGBA *
lane_color (const AttestTimelineLane *lane)
{
  return lane->color < G_N_ELEMENTS (palette) ? &palette[lane->color] : &other_color;
}

static void
append_text (GtkSnapshot    *snapshot,
             PangoLayout    *text,
             double          x,
             double          y,
             const GdkRGBA  *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, text, color);
  gtk_snapshot_restore (snapshot);
}

/* Draws the text with its left edge at x, or its right edge when end_at_x, wherever the
 * direction of its own words would align it within its width: a title then hugs its mark
 * whether it is Arabic or English. */
static void
append_text_from (GtkSnapshot   *snapshot,
                  PangoLayout   *text,
                  double         x,
                  gboolean       end_at_x,
                  double         y,
                  const GdkRGBA *color)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (text, NULL, &logical);
  append_text (snapshot, text, x - (end_at_x ? logical.x + logical.width : logical.x), y, color);
}

/* Sets the text, cut to width, and says how tall it is. */
static int
set_text (PangoLayout *text,
          const char  *string,
          double       width)
{
  int height;

  pango_layout_set_text (text, string, -1);
  pango_layout_set_width (text, MAX (width, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (text, NULL, &height);
  return height;
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                float                  width,
                const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
append_mark (AttestTimeline           *self,
             GtkSnapshot              *snapshot,
             PangoLayout              *text,
             const AttestTimelineMark *mark,
             const GdkRGBA            *color,
             const GdkRGBA            *fg,
             gboolean                  hovered)
{
  const graphene_rect_t *rect = &mark->rect;
  float radius = mark->range || mark->vague ? 5 : rect->size.height / 2;
  GskRoundedRect shape;
  GdkRGBA fill = *color;
  GdkRGBA label_color = *fg;
  gboolean rtl = _attest_timeline_is_rtl (self);
  /* The title follows the mark in time: on its right, or its left when time runs leftward. */
  double room = MIN (mark->label_room,
                     rtl ? rect->origin.x - _attest_timeline_axis_left (self)
                         : gtk_widget_get_width (GTK_WIDGET (self))
                           - rect->origin.x - rect->size.width) - 10;
  double label_x = rtl ? rect->origin.x - 6 : rect->origin.x + rect->size.width + 6;
  int label_height;

  /* A month or a year is all anyone knows: open and faint, not a solid bar. */
  if (mark->vague)
    fill.alpha = hovered ? 0.32 : 0.18;
  else if (hovered)
    fill.alpha = 0.8;

  gsk_rounded_rect_init_from_rect (&shape, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, &fill, rect);
  gtk_snapshot_pop (snapshot);
  if (mark->vague)
    append_outline (snapshot, rect, radius, 1.5, color);

  if (rect->size.width >= 72)
    {
      /* Wide enough to carry its title inside. */
      room = rect->size.width - 14;
      label_x = rtl ? rect->origin.x + rect->size.width - 7 : rect->origin.x + 7;
      if (!mark->vague)
        label_color = (GdkRGBA) { 1, 1, 1, 1 };
    }
  else
    label_color.alpha = 0.8;

  if (room < 28)
    return;
  label_height = set_text (text, attest_incident_get_title (mark->incident), room);
  append_text_from (snapshot, text, label_x, rtl,
                    rect->origin.y + (rect->size.height - label_height) / 2, &label_color);
}

void
_attest_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AttestTimeline *self = ATTEST_TIMELINE (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  AttestTimelineLayout *layout = _attest_timeline_ensure_layout (self);
  AttestTimelineScale scale = _attest_timeline_get_scale (self, self->scroll_y);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoLayout) small = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoAttrList) smaller = pango_attr_list_new ();
  g_autoptr(GArray) ticks = NULL;
  int selected = _attest_timeline_selected_index (self);
  gboolean rtl = _attest_timeline_is_rtl (self);
  double axis_left = _attest_timeline_axis_left (self);
  double axis_width = _attest_timeline_axis_width (self);
  double axis_right = axis_left + axis_width;
  double names_left = rtl ? axis_right : 0;
  GdkRGBA fg, bg, accent, band, grid, dim;

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "view_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = palette[3];
  band = grid = dim = fg;
  band.alpha = 0.035;
  grid.alpha = 0.1;
  dim.alpha = 0.6;
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  /* Lane names and dates a size down, as captions are. */
  pango_attr_list_insert (smaller, pango_attr_scale_new (0.9));
  pango_layout_set_attributes (small, smaller);
  pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_END);
  ticks = attest_timeline_ticks (&scale, axis_width);

  /* Lanes, every other one shaded, and the day grid. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT, width,
                                                         MAX (height - AXIS_HEIGHT, 0)));
  for (guint l = 1; l < layout->lanes->len; l += 2)
    {
      const AttestTimelineLane *lane = &g_array_index (layout->lanes, AttestTimelineLane, l);

      gtk_snapshot_append_color (snapshot, &band,
                                 &GRAPHENE_RECT_INIT (0, lane->y, width, lane->height));
    }
  for (guint t = 0; t < ticks->len; t++)
    {
      double x = (int) g_array_index (ticks, AttestTimelineTick, t).x;

      /* A day's line on the side of the day it begins. */
      if (_attest_timeline_on_axis (self, x))
        gtk_snapshot_append_color (snapshot, &grid,
                                   &GRAPHENE_RECT_INIT (rtl ? x - 1 : x, AXIS_HEIGHT, 1, height));
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (axis_left, AXIS_HEIGHT, axis_width,
                                                         MAX (height - AXIS_HEIGHT, 0)));
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const AttestTimelineMark *mark = &g_array_index (layout->marks, AttestTimelineMark, i);
      const AttestTimelineLane *lane = &g_array_index (layout->lanes, AttestTimelineLane,
                                                       mark->lane);

      if (mark->rect.origin.x > width || mark->rect.origin.x + mark->rect.size.width < 0)
        continue;
      append_mark (self, snapshot, text, mark, lane_color (lane), &fg, (int) i == self->hovered);
      if ((int) i == selected)
        {
          graphene_rect_t ring;

          graphene_rect_inset_r (&mark->rect, -3, -3, &ring);
          append_outline (snapshot, &ring,
                          mark->range || mark->vague ? 7 : ring.size.height / 2, 2,
                          gtk_widget_has_focus (widget) ? &accent : &fg);
        }
    }
  gtk_snapshot_pop (snapshot);

  /* The lanes' names, over anything scrolled beneath them. */
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (names_left, AXIS_HEIGHT,
                                                                LANE_LABEL_WIDTH, height));
  gtk_snapshot_append_color (snapshot, &grid,
                             &GRAPHENE_RECT_INIT (rtl ? axis_right : LANE_LABEL_WIDTH - 1,
                                                  0, 1, height));
  for (guint l = 0; l < layout->lanes->len; l++)
    {
      const AttestTimelineLane *lane = &g_array_index (layout->lanes, AttestTimelineLane, l);
      double middle = lane->y + LANE_GAP / 2 + ROW_HEIGHT / 2;
      GskRoundedRect swatch;
      int label_height;

      gsk_rounded_rect_init_from_rect (&swatch,
                                       &GRAPHENE_RECT_INIT (rtl ? width - 22 : 12, middle - 5,
                                                            10, 10), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &swatch);
      gtk_snapshot_append_color (snapshot, lane_color (lane), &swatch.bounds);
      gtk_snapshot_pop (snapshot);
      label_height = set_text (small, lane->event_type ? lane->event_type : _("Other"),
                               LANE_LABEL_WIDTH - 36);
      append_text_from (snapshot, small, rtl ? width - 30 : 30, rtl,
                        middle - label_height / 2.0, &fg);
    }
  gtk_snapshot_pop (snapshot);

  /* The axis. */
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, AXIS_HEIGHT));
  gtk_snapshot_append_color (snapshot, &grid,
                             &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT - 1, width, 1));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (axis_left, 0, axis_width,
                                                         AXIS_HEIGHT));
  for (guint t = 0; t < ticks->len; t++)
    {
      const AttestTimelineTick *tick = &g_array_index (ticks, AttestTimelineTick, t);
      double x = (int) tick->x;
      int label_height;

      /* A label cut by the lane names would read as another date. */
      if (!_attest_timeline_on_axis (self, x))
        continue;
      /* The label is in its period, up to the next tick: right of the tick, or left of it
       * when time runs leftward. */
      label_height = set_text (small, tick->label,
                               t + 1 < ticks->len
                               ? fabs (g_array_index (ticks, AttestTimelineTick, t + 1).x - x) - 10
                               : TICK_LABEL_WIDTH);
      gtk_snapshot_append_color (snapshot, &dim,
                                 &GRAPHENE_RECT_INIT (rtl ? x - 1 : x, AXIS_HEIGHT - 7, 1, 6));
      append_text_from (snapshot, small, rtl ? x - 5 : x + 5, rtl,
                        (AXIS_HEIGHT - 6 - label_height) / 2, &dim);
    }
  gtk_snapshot_pop (snapshot);
}

