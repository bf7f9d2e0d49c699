/* attest-incident-format.c: how an incident's dates and casualty figures read in the
 * views: as precise as they are known, and "?" where nobody knows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-incident-format"

#include "config.h"

#include <stdio.h>

#include "attest-incident-format.h"

#include <glib/gi18n.h>

char *
attest_format_casualties (gint64 low,
                          gint64 best,
                          gint64 high)
{
  if (low >= 0 && high >= 0)
    return low == high ? g_strdup_printf ("%" G_GINT64_FORMAT, low)
                       : g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, low, high);
  if (best >= 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, best);
  if (low >= 0)
    return g_strdup_printf ("≥%" G_GINT64_FORMAT, low);
  if (high >= 0)
    return g_strdup_printf ("≤%" G_GINT64_FORMAT, high);
  return g_strdup ("?");
}

static GDateTime *
parse_date (const char *text)
{
  int y, m, d;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

char *
attest_format_dates (const char *start,
                     const char *end,
                     const char *precision)
{
  g_autoptr(GDateTime) from = parse_date (start);
  g_autoptr(GDateTime) to = parse_date (end);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (from == NULL || g_strcmp0 (precision, "unknown") == 0)
    return g_strdup (from == NULL ? _("Undated") : _("Date unknown"));
  /* Translators: dates in the incident views, see g_date_time_format () */
  if (g_strcmp0 (precision, "year") == 0)
    return g_date_time_format (from, "%Y");
  if (g_strcmp0 (precision, "month") == 0)
    return g_date_time_format (from, _("%b %Y"));
  if (g_strcmp0 (precision, "week") == 0)
    {
      g_autofree char *day = g_date_time_format (from, _("%-d %b %Y"));

      /* Translators: a date known to the week */
      return g_strdup_printf (_("Week of %s"), day);
    }
  if (to == NULL || g_date_time_compare (from, to) >= 0)
    return g_date_time_format (from, _("%-d %b %Y"));

  /* A range says the year and month once when they are the same. */
  last = g_date_time_format (to, _("%-d %b %Y"));
  if (g_date_time_get_year (from) != g_date_time_get_year (to))
    first = g_date_time_format (from, _("%-d %b %Y"));
  else if (g_date_time_get_month (from) != g_date_time_get_month (to))
    first = g_date_time_format (from, _("%-d %b"));
  else
    first = g_date_time_format (from, "%-d");
  /* Translators: a range of dates, “4–6 Apr 2020” */
  return g_strdup_printf (_("%s–%s"), first, last);
}

char *
attest_format_incident_date (AttestIncident *incident)
{
  g_return_val_if_fail (ATTEST_IS_INCIDENT (incident), NULL);

  return attest_format_dates (attest_incident_get_date_start (incident),
                              attest_incident_get_date_end (incident),
                              attest_incident_get_date_precision (incident));
}
