/* attest-timeline-layout.c: which lane and row each incident goes in, where its mark is,
 * and the ticks of the axis. Dates are Julian day numbers throughout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-timeline"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "attest-timeline-layout.h"

#include <glib/gi18n.h>

#define MARK_INSET       4.0
#define ROW_SPACING      6.0
#define TICK_SPACING     84.0

static guint
parse_day (const char *date)
{
  GDate day;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  return g_date_get_julian (&day);
}

gboolean
attest_timeline_incident_days (AttestIncident *incident,
                               guint          *first_day,
                               guint          *end_day)
{
  const char *precision = attest_incident_get_date_precision (incident);
  guint first = parse_day (attest_incident_get_date_start (incident));
  guint last = parse_day (attest_incident_get_date_end (incident));
  GDate date;

  if (first == 0)
    return FALSE;

  if (last >= first)
    {
      *first_day = first;
      *end_day = last + 1;
      return TRUE;
    }

  /* One date of a vague precision covers its week, month or year. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  if (g_strcmp0 (precision, "week") == 0)
    last = first + 7;
  else if (g_strcmp0 (precision, "month") == 0)
    last = first + g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date))
           - (g_date_get_day (&date) - 1);
  else if (g_strcmp0 (precision, "year") == 0)
    last = first + (g_date_is_leap_year (g_date_get_year (&date)) ? 366 : 365)
           - (g_date_get_day_of_year (&date) - 1);
  else
    last = first + 1;

  *first_day = first;
  *end_day = last;
  return TRUE;
}

static gboolean
is_vague (AttestIncident *incident)
{
  const char *precision = attest_incident_get_date_precision (incident);

  return g_strcmp0 (precision, "month") == 0 || g_strcmp0 (precision, "year") == 0;
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const AttestTimelineMark *ma = a;
  const AttestTimelineMark *mb = b;

  if (ma->first_day != mb->first_day)
    return ma->first_day < mb->first_day ? -1 : 1;
  if (ma->end_day != mb->end_day)
    return ma->end_day > mb->end_day ? -1 : 1;
  return g_strcmp0 (attest_incident_get_uuid (ma->incident),
                    attest_incident_get_uuid (mb->incident));
}

double
attest_timeline_scale_day_to_x (const AttestTimelineScale *scale,
                                double                     day)
{
  double along = (day - scale->first_day) * scale->px_per_day;

  return scale->rtl ? scale->left + scale->width - along : scale->left + along;
}

double
attest_timeline_scale_x_to_day (const AttestTimelineScale *scale,
                                double                     x)
{
  double along = scale->rtl ? scale->left + scale->width - x : x - scale->left;

  return scale->first_day + along / scale->px_per_day;
}

void
attest_timeline_layout_free (AttestTimelineLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->marks);
  g_array_unref (layout->lanes);
  g_free (layout);
}

AttestTimelineLayout *
attest_timeline_layout_new (GPtrArray                 *incidents,
                            const char * const        *event_types,
                            const AttestTimelineScale *scale)
{
  AttestTimelineLayout *layout = g_new0 (AttestTimelineLayout, 1);
  guint n_types = event_types != NULL ? g_strv_length ((char **) event_types) : 0;
  g_autofree guint *lane_of_type = g_new (guint, n_types + 1);
  g_autoptr(GArray) row_ends = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree guint *lane_rows = NULL;
  guint n_lanes = 0;
  double y;

  g_return_val_if_fail (incidents != NULL, NULL);
  g_return_val_if_fail (scale != NULL && scale->px_per_day > 0, NULL);

  layout->marks = g_array_new (FALSE, TRUE, sizeof (AttestTimelineMark));
  layout->lanes = g_array_new (FALSE, TRUE, sizeof (AttestTimelineLane));

  for (guint i = 0; i < incidents->len; i++)
    {
      AttestIncident *incident = g_ptr_array_index (incidents, i);
      AttestTimelineMark mark = { incident, 0, };
      const char *type = attest_incident_get_event_type (incident);

      if (!attest_timeline_incident_days (incident, &mark.first_day, &mark.end_day))
        {
          layout->n_undated++;
          continue;
        }
      mark.vague = is_vague (incident);
      mark.range = !mark.vague && mark.end_day - mark.first_day > 1;
      /* The type's position for now; the lane's index once empty types are left out. */
      mark.lane = n_types;
      for (guint t = 0; type != NULL && t < n_types; t++)
        if (g_str_equal (event_types[t], type))
          mark.lane = t;
      g_array_append_val (layout->marks, mark);
    }
  g_array_sort (layout->marks, compare_marks);

  /* Only the types that have incidents get a lane, in the order of the list. */
  for (guint t = 0; t <= n_types; t++)
    lane_of_type[t] = G_MAXUINT;
  for (guint i = 0; i < layout->marks->len; i++)
    lane_of_type[g_array_index (layout->marks, AttestTimelineMark, i).lane] = 0;
  for (guint t = 0; t <= n_types; t++)
    if (lane_of_type[t] == 0)
      {
        AttestTimelineLane lane = { t < n_types ? event_types[t] : NULL,
                                    t < n_types ? t : G_MAXUINT, 0, 0, 0 };

        lane_of_type[t] = n_lanes++;
        g_array_append_val (layout->lanes, lane);
      }
  lane_rows = g_new0 (guint, MAX (n_lanes, 1));

  /* Marks go in the first row of their lane where they fit: x positions first, y after.
   * They are placed left to right and mirrored at the end when time runs right to left, so
   * that both directions pack the same rows. */
  for (guint l = 0; l < n_lanes; l++)
    {
      g_array_set_size (row_ends, 0);
      for (guint i = 0; i < layout->marks->len; i++)
        {
          AttestTimelineMark *mark = &g_array_index (layout->marks, AttestTimelineMark, i);
          double x, width, h = scale->row_height - 2 * MARK_INSET;
          guint row;

          if (lane_of_type[mark->lane] != l)
            continue;

          x = scale->left + (mark->first_day - scale->first_day) * scale->px_per_day;
          width = (mark->end_day - mark->first_day) * scale->px_per_day;
          if (width < h)
            {
              /* Too short to be a bar at this zoom: a dot on the day's middle. */
              x += width / 2 - h / 2;
              width = h;
            }
          mark->rect = GRAPHENE_RECT_INIT (x, 0, width, h);

          for (row = 0; row < row_ends->len; row++)
            if (g_array_index (row_ends, double, row) + ROW_SPACING <= x)
              break;
          if (row == row_ends->len)
            g_array_set_size (row_ends, row + 1);
          g_array_index (row_ends, double, row) = x + width;
          mark->row = row;
        }
      lane_rows[l] = MAX (row_ends->len, 1);
    }

  y = scale->top;
  for (guint l = 0; l < n_lanes; l++)
    {
      AttestTimelineLane *lane = &g_array_index (layout->lanes, AttestTimelineLane, l);

      lane->y = y;
      lane->n_rows = lane_rows[l];
      lane->height = lane->n_rows * scale->row_height + scale->lane_gap;
      y += lane->height;
    }
  layout->height = y;

  for (guint i = 0; i < layout->marks->len; i++)
    {
      AttestTimelineMark *mark = &g_array_index (layout->marks, AttestTimelineMark, i);
      AttestTimelineLane *lane;

      mark->lane = lane_of_type[mark->lane];
      lane = &g_array_index (layout->lanes, AttestTimelineLane, mark->lane);
      mark->rect.origin.y = lane->y + scale->lane_gap / 2 + mark->row * scale->row_height
                            + MARK_INSET;
      mark->label_room = G_MAXDOUBLE;

      /* Room for a label: up to the next mark in the same row. */
      for (guint j = i + 1; j < layout->marks->len; j++)
        {
          AttestTimelineMark *next = &g_array_index (layout->marks, AttestTimelineMark, j);

          if (lane_of_type[next->lane] == mark->lane && next->row == mark->row)
            {
              mark->label_room = next->rect.origin.x
                                 - (mark->rect.origin.x + mark->rect.size.width);
              break;
            }
        }
    }

  for (guint i = 0; scale->rtl && i < layout->marks->len; i++)
    {
      graphene_rect_t *rect = &g_array_index (layout->marks, AttestTimelineMark, i).rect;

      rect->origin.x = 2 * scale->left + scale->width - rect->origin.x - rect->size.width;
    }

  return layout;
}

AttestTimelineUnit
attest_timeline_unit_for_zoom (double px_per_day)
{
  if (px_per_day >= TICK_SPACING)
    return ATTEST_TIMELINE_UNIT_DAY;
  if (px_per_day * 7 >= TICK_SPACING)
    return ATTEST_TIMELINE_UNIT_WEEK;
  if (px_per_day * 30 >= TICK_SPACING)
    return ATTEST_TIMELINE_UNIT_MONTH;
  return ATTEST_TIMELINE_UNIT_YEAR;
}

static void
tick_clear (AttestTimelineTick *tick)
{
  g_clear_pointer (&tick->label, g_free);
}

static char *
format_day (guint       day,
            const char *format)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  return g_date_time_format (time, format);
}

GArray *
attest_timeline_ticks (const AttestTimelineScale *scale,
                       double                     width)
{
  AttestTimelineUnit unit = attest_timeline_unit_for_zoom (scale->px_per_day);
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (AttestTimelineTick));
  /* Julian days are positive: truncation is floor, and one more day covers the ceiling. */
  guint first = (guint) MAX (scale->first_day - 2, 1);
  guint last = (guint) (scale->first_day + width / scale->px_per_day) + 2;
  guint years_step = 1;
  GDateYear last_year = 0;
  gboolean year_in_view = FALSE;
  GDate date;

  g_array_set_clear_func (ticks, (GDestroyNotify) tick_clear);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  switch (unit)
    {
    case ATTEST_TIMELINE_UNIT_DAY:
      break;
    case ATTEST_TIMELINE_UNIT_WEEK:
      while (g_date_get_weekday (&date) != G_DATE_MONDAY)
        g_date_subtract_days (&date, 1);
      break;
    case ATTEST_TIMELINE_UNIT_MONTH:
      g_date_set_day (&date, 1);
      break;
    case ATTEST_TIMELINE_UNIT_YEAR:
    default:
      /* Every year, or every 2, 5, 10… when years are narrow. */
      for (guint step = 1; step * 365 * scale->px_per_day < TICK_SPACING; )
        {
          step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
          years_step = step;
        }
      g_date_set_dmy (&date, 1, G_DATE_JANUARY,
                      g_date_get_year (&date) - g_date_get_year (&date) % years_step);
      break;
    }

  while (g_date_get_julian (&date) <= last)
    {
      guint day = g_date_get_julian (&date);
      GDate tick_date = date;
      AttestTimelineTick tick = { attest_timeline_scale_day_to_x (scale, day), day, NULL };
      /* The year is said at the first tick in view and wherever it changes. */
      gboolean in_view = (day - scale->first_day) * scale->px_per_day >= -1;
      gboolean new_year = g_date_get_year (&date) != last_year || (in_view && !year_in_view);

      year_in_view |= in_view && new_year;

      switch (unit)
        {
        case ATTEST_TIMELINE_UNIT_DAY:
        case ATTEST_TIMELINE_UNIT_WEEK:
          /* Translators: a tick of the timeline's axis, see g_date_time_format () */
          tick.label = format_day (day, new_year ? _("%-d %b %Y") : _("%-d %b"));
          if (unit == ATTEST_TIMELINE_UNIT_DAY)
            g_date_add_days (&date, 1);
          else
            g_date_add_days (&date, 7);
          break;
        case ATTEST_TIMELINE_UNIT_MONTH:
          tick.label = format_day (day, new_year ? _("%b %Y") : _("%b"));
          g_date_add_months (&date, 1);
          break;
        case ATTEST_TIMELINE_UNIT_YEAR:
        default:
          tick.label = format_day (day, "%Y");
          g_date_add_years (&date, years_step);
          break;
        }
      last_year = g_date_get_year (&tick_date);
      g_array_append_val (ticks, tick);
    }

  return ticks;
}
