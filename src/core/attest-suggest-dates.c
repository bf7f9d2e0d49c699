/* attest-suggest-dates.c: when things happened — "Saturday evening", "last month", "since
 * March 15", "two days ago" — resolved against the article's publication date (or the
 * dateline at its top), and the numbers and month names the other rules read too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "attest-suggest-private.h"

static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

static const char * const day_parts[] = {
  "morning", "afternoon", "evening", "night", "overnight", NULL
};

static const char * const year_preps[] = {
  "in", "since", "until", "from", "during", "before", "after", "by", "of", "early", "late",
  "mid", "throughout", NULL
};

/* Numbers */

int
_attest_suggest_month (const char *lower)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", NULL
  };
  static const char * const short_months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL
  };

  for (int i = 0; months[i] != NULL; i++)
    if (g_str_equal (lower, months[i]) || g_str_equal (lower, short_months[i])
        || (i == 8 && g_str_equal (lower, "sept")))
      return i + 1;
  return 0;
}

static gint64
word_number (const char *w)
{
  static const char * const ones[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", NULL
  };
  static const char * const tens[] = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL
  };

  for (int i = 0; ones[i] != NULL; i++)
    if (g_str_equal (w, ones[i]))
      return i;
  for (int i = 2; tens[i] != NULL; i++)
    if (g_str_equal (w, tens[i]))
      return i * 10;
  return -1;
}

gint64
_attest_suggest_number (const char *lower)
{
  gint64 value = 0;
  const char *dash;

  if (lower == NULL || *lower == '\0')
    return -1;
  if (g_ascii_isdigit (*lower))
    {
      gboolean digits = FALSE;

      for (const char *p = lower; *p != '\0'; p++)
        {
          if (g_ascii_isdigit (*p))
            {
              value = value * 10 + (*p - '0');
              digits = TRUE;
              if (value > G_MAXINT32)
                return -1;
            }
          else if (*p == ',' && g_ascii_isdigit (p[1]))
            continue;
          else
            return -1;  /* "7:45", "6am", "1980s", "4.5" are no counts */
        }
      return digits ? value : -1;
    }

  /* "twenty-five" */
  if ((dash = strchr (lower, '-')) != NULL)
    {
      g_autofree char *head = g_strndup (lower, dash - lower);
      gint64 t = word_number (head), o = word_number (dash + 1);

      return t >= 20 && t % 10 == 0 && o > 0 && o < 10 ? t + o : -1;
    }
  return word_number (lower);
}

/* Dates */

static gboolean
is_year (_SuggestText *t,
         guint         i,
         int          *year)
{
  gint64 v;

  if (i >= t->tokens->len || _tok (t, i)->type != _TOKEN_NUMBER
      || _tok (t, i)->end - _tok (t, i)->start != 4)
    return FALSE;
  v = _attest_suggest_number (_tok (t, i)->lower);
  if (v < 1900 || v > 2100)
    return FALSE;
  *year = v;
  return TRUE;
}

static gboolean
is_day (_SuggestText *t,
        guint         i,
        int          *day)
{
  const char *lower;
  char *end;
  guint64 v;

  if (i >= t->tokens->len || _tok (t, i)->type != _TOKEN_NUMBER)
    return FALSE;
  lower = _tok (t, i)->lower;
  v = g_ascii_strtoull (lower, &end, 10);
  if (end == lower || v < 1 || v > 31)
    return FALSE;
  if (*end != '\0' && !g_str_equal (end, "st") && !g_str_equal (end, "nd")
      && !g_str_equal (end, "rd") && !g_str_equal (end, "th"))
    return FALSE;
  *day = v;
  return TRUE;
}

static int
month_at (_SuggestText *t,
          guint         i)
{
  /* "May" the month is capitalised; "may" the verb is not. */
  if (i >= t->tokens->len || !(_tok (t, i)->flags & _TOKEN_CAPITAL))
    return 0;
  return _attest_suggest_month (_tok (t, i)->lower);
}

/* The year that puts month/day nearest the publication date. */
static int
nearest_year (_SuggestText *t,
              int           month,
              int           day)
{
  int year = g_date_get_year (&t->published);
  int best = year;
  gint64 best_diff = G_MAXINT64;

  for (int y = year - 1; y <= year + 1; y++)
    {
      GDate d;
      gint64 diff;

      g_date_clear (&d, 1);
      if (!g_date_valid_dmy (MIN (day, (int) g_date_get_days_in_month (month, y)), month, y))
        continue;
      g_date_set_dmy (&d, MIN (day, (int) g_date_get_days_in_month (month, y)), month, y);
      diff = ABS ((gint64) g_date_days_between (&t->published, &d));
      if (diff < best_diff)
        {
          best_diff = diff;
          best = y;
        }
    }
  return best;
}

static char *
iso_date (const GDate *d)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d),
                          g_date_get_day (d));
}

static char *
iso_week (const GDate *d)
{
  /* The ISO year of a week can differ from the calendar year around New Year. */
  GDate thursday = *d;
  int weekday = g_date_get_weekday (&thursday);  /* Monday 1 … Sunday 7 */

  g_date_add_days (&thursday, 4 - weekday < 0 ? 0 : 4 - weekday);
  if (weekday > 4)
    g_date_subtract_days (&thursday, weekday - 4);
  return g_strdup_printf ("%04d-W%02u", g_date_get_year (&thursday),
                          g_date_get_iso8601_week_of_year (d));
}

static void
add_date (_SuggestText *t,
          guint         first,
          guint         last,
          char         *value,
          double        confidence)
{
  AttestSuggestion *s = _attest_suggest_add (t, ATTEST_SUGGESTION_DATE, _tok (t, first)->start,
                                             _tok (t, last)->end);

  s->value = value;
  s->confidence = value != NULL ? confidence : confidence * 0.5;
}

/* "March 15", "March 15, 2020", "15 March 2020", "June 2015", "early October": the
 * absolute date that starts at i, or FALSE. */
static gboolean
absolute_date (_SuggestText  *t,
               guint          i,
               guint         *last,
               char         **value)
{
  int month, day, year;
  gboolean has_year = FALSE;

  if ((month = month_at (t, i)) > 0)
    {
      guint j = i + 1;

      if (_tok_is_punct (t, j, '.'))
        j++;
      if (is_day (t, j, &day))
        {
          *last = j;
          if (_tok_is_punct (t, j + 1, ',') && is_year (t, j + 2, &year))
            {
              *last = j + 2;
              has_year = TRUE;
            }
          else if (is_year (t, j + 1, &year))
            {
              *last = j + 1;
              has_year = TRUE;
            }
        }
      else if (is_year (t, j, &year) || (_tok_is_punct (t, j, ',') && is_year (t, j + 1, &year)))
        {
          *last = is_year (t, j, &year) ? j : j + 1;
          *value = g_strdup_printf ("%04d-%02d", year, month);
          return TRUE;
        }
      else
        {
          /* A month alone only after words that make it one: "in March", "early October". */
          if (i == 0 || (!_attest_suggest_word_in (_tok (t, i - 1)->lower, year_preps)
                         && !_tok_is (t, i - 1, "last") && !_tok_is (t, i - 1, "next")))
            return FALSE;
          *last = i;
          if (g_date_valid (&t->published))
            *value = g_strdup_printf ("%04d-%02d", nearest_year (t, month, 15), month);
          return TRUE;
        }
    }
  else if (is_day (t, i, &day) && (month = month_at (t, i + 1)) > 0)
    {
      *last = i + 1;
      if (is_year (t, i + 2, &year))
        {
          *last = i + 2;
          has_year = TRUE;
        }
    }
  else
    return FALSE;

  if (!has_year)
    {
      if (!g_date_valid (&t->published))
        {
          *value = NULL;
          return TRUE;
        }
      year = nearest_year (t, month, day);
    }
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  *value = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

static int
weekday_index (const char *lower)
{
  for (int i = 0; weekdays[i] != NULL; i++)
    if (g_str_equal (lower, weekdays[i]))
      return i + 1;  /* GDateWeekday: Monday 1 */
  return 0;
}

/* "Saturday" in a news report is the last Saturday up to the day it was published; "next
 * Saturday" the one after. */
static char *
weekday_date (_SuggestText *t,
              int           weekday,
              int           direction)
{
  GDate d = t->published;
  int today;

  if (!g_date_valid (&d))
    return NULL;
  today = g_date_get_weekday (&d);
  if (direction > 0)
    g_date_add_days (&d, ((weekday - today + 7) % 7) ? (weekday - today + 7) % 7 : 7);
  else
    {
      int back = (today - weekday + 7) % 7;

      if (direction < 0 && back == 0)
        back = 7;
      g_date_subtract_days (&d, back);
    }
  return iso_date (&d);
}

static char *
shifted (_SuggestText *t,
         int           days)
{
  GDate d = t->published;

  if (!g_date_valid (&d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return iso_date (&d);
}

static char *
relative_period (_SuggestText *t,
                 const char   *unit,
                 int           offset)
{
  GDate d = t->published;

  if (!g_date_valid (&d))
    return NULL;
  if (g_str_has_prefix (unit, "week"))
    {
      if (offset >= 0)
        g_date_add_days (&d, 7 * offset);
      else
        g_date_subtract_days (&d, -7 * offset);
      return iso_week (&d);
    }
  if (g_str_has_prefix (unit, "month"))
    {
      if (offset >= 0)
        g_date_add_months (&d, offset);
      else
        g_date_subtract_months (&d, -offset);
      return g_strdup_printf ("%04d-%02d", g_date_get_year (&d), g_date_get_month (&d));
    }
  if (g_str_has_prefix (unit, "year"))
    return g_strdup_printf ("%04d", g_date_get_year (&d) + offset);
  return NULL;
}

gboolean
_attest_suggest_find_dateline (_SuggestText *t,
                               GDate        *date)
{
  for (guint p = 0; p < MIN (t->paras->len, 3u); p++)
    {
      _Para *para = &g_array_index (t->paras, _Para, p);

      if (!para->dateline)
        continue;
      for (guint i = para->first; i <= para->last; i++)
        {
          g_autofree char *value = NULL;
          guint last;
          GDate saved = t->published;

          g_date_clear (&t->published, 1);
          if (absolute_date (t, i, &last, &value) && value != NULL && strlen (value) == 10)
            {
              g_date_set_parse (date, value);
              if (!g_date_valid (date))
                {
                  int y, m, d;

                  if (sscanf (value, "%d-%d-%d", &y, &m, &d) == 3)
                    g_date_set_dmy (date, d, m, y);
                }
              return g_date_valid (date);
            }
          t->published = saved;
        }
    }
  return FALSE;
}

void
_attest_suggest_dates (_SuggestText *t)
{
  for (guint i = 0; i < t->tokens->len; i++)
    {
      _Token *tok = _tok (t, i);
      _Para *para = &g_array_index (t->paras, _Para, tok->para);
      guint first = i, last = i;
      g_autofree char *value = NULL;
      int weekday;

      if (para->dateline || tok->type == _TOKEN_PUNCT)
        continue;

      if (i > 0 && (_tok_is (t, i - 1, "since") || _tok_is (t, i - 1, "early")
                    || _tok_is (t, i - 1, "late") || _tok_is (t, i - 1, "mid")))
        first = i - 1;

      if (absolute_date (t, i, &last, &value))
        {
          /* "Wednesday, July 31": the weekday belongs to the date. */
          if (i >= 2 && _tok_is_punct (t, i - 1, ',') && weekday_index (_tok (t, i - 2)->lower))
            first = i - 2;
          add_date (t, first, last, g_steal_pointer (&value), 0.9);
          i = last;
          continue;
        }

      if ((weekday = weekday_index (tok->lower)) > 0 && tok->flags & _TOKEN_CAPITAL)
        {
          int direction = 0;

          if (i > 0 && _tok_is (t, i - 1, "last"))
            {
              first = i - 1;
              direction = -1;
            }
          else if (i > 0 && _tok_is (t, i - 1, "next"))
            {
              first = i - 1;
              direction = 1;
            }
          else if (i > 0 && _tok_is (t, i - 1, "this"))
            first = i - 1;
          if (_attest_suggest_word_in (_tok (t, MIN (i + 1, t->tokens->len - 1))->lower, day_parts)
              && i + 1 < t->tokens->len)
            last = i + 1;
          add_date (t, first, last, weekday_date (t, weekday, direction), 0.8);
          i = last;
          continue;
        }

      if (g_str_equal (tok->lower, "yesterday") || g_str_equal (tok->lower, "today")
          || g_str_equal (tok->lower, "tomorrow") || g_str_equal (tok->lower, "tonight"))
        {
          int days = g_str_equal (tok->lower, "yesterday") ? -1
                     : g_str_equal (tok->lower, "tomorrow") ? 1 : 0;

          if (i + 1 < t->tokens->len && _attest_suggest_word_in (_tok (t, i + 1)->lower, day_parts))
            last = i + 1;
          add_date (t, i, last, shifted (t, days), 0.8);
          i = last;
          continue;
        }

      if ((g_str_equal (tok->lower, "last") || g_str_equal (tok->lower, "this")
           || g_str_equal (tok->lower, "next")) && i + 1 < t->tokens->len)
        {
          const char *unit = _tok (t, i + 1)->lower;
          int offset = g_str_equal (tok->lower, "last") ? -1
                       : g_str_equal (tok->lower, "next") ? 1 : 0;

          if (g_str_equal (unit, "night") && offset < 0)
            {
              add_date (t, i, i + 1, shifted (t, -1), 0.8);
              i++;
              continue;
            }
          if (g_str_equal (unit, "week") || g_str_equal (unit, "month")
              || g_str_equal (unit, "year"))
            {
              if (i > 0 && _tok_is (t, i - 1, "earlier") && offset == 0)
                first = i - 1;
              add_date (t, first, i + 1, relative_period (t, unit, offset), 0.7);
              i++;
              continue;
            }
        }

      /* "three days ago", "two weeks ago" */
      if (i + 2 < t->tokens->len && _tok_is (t, i + 2, "ago"))
        {
          gint64 n = _attest_suggest_number (tok->lower);
          const char *unit = _tok (t, i + 1)->lower;

          if (g_str_equal (tok->lower, "a") || g_str_equal (tok->lower, "an"))
            n = 1;
          if (n > 0 && n < 1000)
            {
              char *v = NULL;

              if (g_str_has_prefix (unit, "day"))
                v = shifted (t, -n);
              else if (g_str_has_prefix (unit, "week"))
                v = relative_period (t, "week", -n);
              else if (g_str_has_prefix (unit, "month"))
                v = relative_period (t, "month", -n);
              else if (g_str_has_prefix (unit, "year"))
                v = relative_period (t, "year", -n);
              if (v != NULL || g_str_has_prefix (unit, "day") || g_str_has_prefix (unit, "week")
                  || g_str_has_prefix (unit, "month") || g_str_has_prefix (unit, "year"))
                {
                  add_date (t, i, i + 2, v, 0.7);
                  i += 2;
                  continue;
                }
            }
        }

      /* A year alone, after "in", "since" …: "since the official defeat in 2017". */
      {
        int year;

        if (i > 0 && is_year (t, i, &year)
            && _attest_suggest_word_in (_tok (t, i - 1)->lower, year_preps)
            && !(i + 1 < t->tokens->len && _tok (t, i + 1)->type == _TOKEN_WORD
                 && !(_tok (t, i + 1)->flags & _TOKEN_CAPITAL)
                 && !_attest_suggest_word_in (_tok (t, i + 1)->lower, year_preps)
                 && !g_str_equal (_tok (t, i + 1)->lower, "and")))
          add_date (t, _tok_is (t, i - 1, "since") ? i - 1 : i, i,
                    g_strdup_printf ("%04d", year), 0.6);
      }
    }
}
