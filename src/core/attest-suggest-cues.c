/* attest-suggest-cues.c: what an incident record needs from an article — when ("Saturday
 * evening", "last month", "since March 15", resolved against the publication date), where
 * (the project's places and ISO 3166-2 subdivisions) and how many were hurt ("10 killed",
 * "at least five wounded", "the killing and wounding of dozens").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "attest-suggest-private.h"
#include "attest-geo.h"
#include "attest-store.h"

#define NONE _SUGGEST_NONE

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
absolute_date (_SuggestText *t,
               guint         i,
               guint        *last,
               char        **value)
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
          int offset = g_str_equal (tok->lower, "last") ? -1 : g_str_equal (tok->lower, "next") ? 1 : 0;

          if (g_str_equal (unit, "night") && offset < 0)
            {
              add_date (t, i, i + 1, shifted (t, -1), 0.8);
              i++;
              continue;
            }
          if (g_str_equal (unit, "week") || g_str_equal (unit, "month") || g_str_equal (unit, "year"))
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

/* Places */

typedef struct
{
  guint       first, last;
  GPtrArray  *entries;     /* AttestGeoEntry, borrowed; NULL for a project place */
  const char *place_uuid;
} PlaceHit;

static gboolean
place_word (_SuggestText *t,
            guint         i)
{
  static const char * const function_words[] = {
    "the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "to", "by", "from",
    "with", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his",
    "her", "its", "their", "after", "before", "during", "since", "while", "when", "as", "if",
    "however", "meanwhile", "according", NULL
  };
  _Token *tok = _tok (t, i);

  if (tok->type != _TOKEN_WORD)
    return FALSE;
  if (tok->flags & _TOKEN_CAPITAL)
    return !_attest_suggest_word_in (tok->lower, function_words);
  /* "Salah al-Din" */
  return g_str_has_prefix (tok->lower, "al-") || g_str_has_prefix (tok->lower, "el-")
         || g_str_has_prefix (tok->lower, "ad-") || g_str_has_prefix (tok->lower, "ash-");
}

/* Whether the run has no words beyond the place's name and what kind of place it is:
 * "Salah al-Din Governorate" is a place, "Connecticut Department" is not. */
static gboolean
run_is_only_place (_SuggestText *t,
                   guint         first,
                   guint         last,
                   const char   *key)
{
  static const char * const admin[] = {
    "governorate", "province", "region", "district", "county", "oblast", "prefecture",
    "state", "territory", "municipality", "emirate", "canton", "parish", "krai", "voivodeship",
    "wilayat", "muhafazat", NULL
  };
  guint words = 0, key_words = 1;

  for (guint i = first; i <= last; i++)
    {
      const char *lower = _tok (t, i)->lower;

      if (_tok (t, i)->type == _TOKEN_PUNCT || _attest_suggest_word_in (lower, admin))
        continue;
      /* "al-Din" is one word of the text and one of the key; "al" alone is none. */
      if (g_str_equal (lower, "al") || g_str_equal (lower, "el") || g_str_equal (lower, "ad"))
        continue;
      words++;
    }
  for (const char *p = key; *p != '\0'; p++)
    key_words += *p == ' ';
  return words <= key_words;
}

static char *
run_key (_SuggestText *t,
         guint         first,
         guint         last)
{
  g_autofree char *text = _attest_suggest_slice (t, _tok (t, first)->start, _tok (t, last)->end);

  return attest_geo_name_key (text);
}

void
_attest_suggest_places (_SuggestText *t)
{
  static const char * const compass[] = {
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower", NULL
  };
  g_autoptr(GHashTable) project = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) unique_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (PlaceHit));
  guint max_words = MAX (t->lex->place_max_words, 1) + 1;

  for (guint i = 0; t->places != NULL && i < t->places->len; i++)
    {
      AttestPlace *place = g_ptr_array_index (t->places, i);

      if (place->name != NULL)
        g_hash_table_replace (project, attest_geo_name_key (place->name), place->uuid);
      for (guint a = 0; place->aliases != NULL && place->aliases[a] != NULL; a++)
        g_hash_table_replace (project, attest_geo_name_key (place->aliases[a]), place->uuid);
      max_words = MAX (max_words, 4u);
    }
  g_hash_table_remove (project, "");

  for (guint i = 0; i < t->tokens->len; i++)
    {
      guint end = i;
      guint start = i;
      gboolean found = FALSE;

      if (!place_word (t, i) || g_array_index (t->paras, _Para, _tok (t, i)->para).dateline)
        continue;
      while (end + 1 < t->tokens->len && end - i < 6 && place_word (t, end + 1)
             && _tok (t, end + 1)->para == _tok (t, i)->para)
        end++;

      /* The whole run of capitalised words, or it without "Northern" or "Iraq's" in front;
       * a place of the project may also be any part of the run. */
      while (start <= end && !found)
        {
          g_autofree char *key = run_key (t, start, end);
          const char *uuid;
          GPtrArray *entries;
          const char *country;

          if ((uuid = g_hash_table_lookup (project, key)) != NULL)
            {
              PlaceHit hit = { start, end, NULL, uuid };

              g_array_append_val (hits, hit);
              found = TRUE;
            }
          else if ((entries = g_hash_table_lookup (t->lex->subdivisions, key)) != NULL
                   && run_is_only_place (t, start, end, key))
            {
              PlaceHit hit = { start, end, entries, NULL };

              g_array_append_val (hits, hit);
              found = TRUE;
              if (entries->len == 1
                  && g_hash_table_add (unique_seen, ((AttestGeoEntry *) entries->pdata[0])->code))
                {
                  const char *cc = ((AttestGeoEntry *) entries->pdata[0])->country_code;

                  g_hash_table_replace (votes, g_strdup (cc),
                                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (votes, cc)) + 1));
                }
            }
          else if (start == i && (country = g_hash_table_lookup (t->lex->countries, key)) != NULL)
            {
              g_hash_table_replace (votes, g_strdup (country),
                                    GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (votes, country)) + 2));
              found = TRUE;
            }
          else if (_attest_suggest_word_in (_tok (t, start)->lower, compass)
                   || g_str_has_suffix (_tok (t, start)->lower, "'s"))
            start++;
          else if (g_hash_table_size (project) > 0 && end > start)
            {
              /* Project places inside a longer run: "Makchifa checkpoint" … */
              for (guint a = start; a <= end && !found; a++)
                for (guint b = end + 1; b-- > a && !found;)
                  {
                    g_autofree char *part = run_key (t, a, b);

                    if ((uuid = g_hash_table_lookup (project, part)) != NULL)
                      {
                        PlaceHit hit = { a, b, NULL, uuid };

                        g_array_append_val (hits, hit);
                        found = TRUE;
                      }
                  }
              break;
            }
          else
            break;
        }
      i = end;
    }

  for (guint h = 0; h < hits->len; h++)
    {
      PlaceHit *hit = &g_array_index (hits, PlaceHit, h);
      AttestSuggestion *s;
      const char *code = NULL;

      if (hit->entries != NULL)
        {
          guint best = 0;

          /* The subdivision in the country the article talks about: one it names, or the
           * country of two other places. A lone name in an unknown country is left out. */
          for (guint e = 0; e < hit->entries->len; e++)
            {
              AttestGeoEntry *entry = hit->entries->pdata[e];
              guint v = GPOINTER_TO_UINT (g_hash_table_lookup (votes, entry->country_code));

              if (v > best)
                {
                  best = v;
                  code = entry->code;
                }
              else if (v == best)
                code = NULL;
            }
          if (code == NULL || best < 2)
            continue;
        }

      s = _attest_suggest_add (t, ATTEST_SUGGESTION_PLACE, _tok (t, hit->first)->start,
                               _tok (t, hit->last)->end);
      s->value = g_strdup (hit->place_uuid != NULL ? hit->place_uuid : code);
      s->confidence = hit->place_uuid != NULL ? 0.9 : 0.7;
    }
}

/* Casualties */

typedef struct
{
  guint  first, last;
  gint64 low, high;        /* high -1: open ("at least 5"); low -1: up to high */
} Quantity;

static gboolean
vague_number (const char *lower,
              gint64     *value)
{
  if (g_str_equal (lower, "dozens"))
    *value = 24;
  else if (g_str_equal (lower, "scores"))
    *value = 40;
  else if (g_str_equal (lower, "hundreds"))
    *value = 200;
  else if (g_str_equal (lower, "thousands"))
    *value = 2000;
  else if (g_str_equal (lower, "several"))
    *value = 3;
  else
    return FALSE;
  return TRUE;
}

static gboolean
number_at (_SuggestText *t,
           guint         i,
           gint64       *value,
           guint        *last)
{
  gint64 v;

  if (i >= t->tokens->len)
    return FALSE;
  *last = i;
  if (_tok_is (t, i, "a") && _tok_is (t, i + 1, "dozen"))
    {
      *value = 12;
      *last = i + 1;
      return TRUE;
    }
  if (_tok_is (t, i, "dozen"))
    {
      *value = 12;
      return TRUE;
    }
  v = _attest_suggest_number (_tok (t, i)->lower);
  if (v < 0)
    return FALSE;
  if (_tok (t, i)->type == _TOKEN_NUMBER && _tok (t, i)->end - _tok (t, i)->start == 4
      && v >= 1900 && v <= 2100)
    return FALSE;  /* a year */
  if (_tok_is (t, i + 1, "hundred"))
    {
      v *= 100;
      *last = i + 1;
    }
  else if (_tok_is (t, i + 1, "thousand"))
    {
      v *= 1000;
      *last = i + 1;
    }
  *value = v;
  return TRUE;
}

/* "at least five", "more than 20", "between 36 and 40", "dozens", "no": a count at i. */
static gboolean
quantity_at (_SuggestText *t,
             guint         i,
             Quantity     *q)
{
  gint64 v;
  guint last;
  gboolean open = FALSE, upto = FALSE;
  guint j = i;

  q->first = i;
  if ((_tok_is (t, i, "at") && (_tok_is (t, i + 1, "least")))
      || (_tok_is (t, i, "more") && _tok_is (t, i + 1, "than")))
    {
      open = TRUE;
      j = i + 2;
    }
  else if (_tok_is (t, i, "over") || _tok_is (t, i, "some") || _tok_is (t, i, "about")
           || _tok_is (t, i, "around") || _tok_is (t, i, "approximately")
           || _tok_is (t, i, "roughly") || _tok_is (t, i, "nearly") || _tok_is (t, i, "almost"))
    {
      open = _tok_is (t, i, "over");
      upto = _tok_is (t, i, "nearly") || _tok_is (t, i, "almost");
      j = i + 1;
    }
  else if ((_tok_is (t, i, "up") && _tok_is (t, i + 1, "to"))
           || (_tok_is (t, i, "fewer") && _tok_is (t, i + 1, "than"))
           || (_tok_is (t, i, "less") && _tok_is (t, i + 1, "than")))
    {
      upto = TRUE;
      j = i + 2;
    }
  else if (_tok_is (t, i, "between") && number_at (t, i + 1, &v, &last) && _tok_is (t, last + 1, "and"))
    {
      gint64 w;
      guint last2;

      if (number_at (t, last + 2, &w, &last2) && w > v)
        {
          q->low = v;
          q->high = w;
          q->last = last2;
          return TRUE;
        }
      return FALSE;
    }
  else if (_tok_is (t, i, "no") || _tok_is (t, i, "none"))
    {
      q->low = q->high = 0;
      q->last = i;
      return TRUE;
    }

  if (vague_number (_tok (t, j)->lower, &v))
    {
      q->low = v;
      q->high = -1;
      q->last = j;
      return TRUE;
    }
  if (!number_at (t, j, &v, &last))
    return FALSE;
  q->last = last;
  q->low = upto ? -1 : v;
  q->high = open ? -1 : v;
  if (upto)
    q->high = v;
  return TRUE;
}

static char *
casualty_value (const char *category,
                Quantity   *q)
{
  if (q->low >= 0 && q->high == q->low)
    return g_strdup_printf ("%s:%" G_GINT64_FORMAT, category, q->low);
  if (q->low >= 0 && q->high < 0)
    return g_strdup_printf ("%s:%" G_GINT64_FORMAT "-", category, q->low);
  if (q->low < 0)
    return g_strdup_printf ("%s:-%" G_GINT64_FORMAT, category, q->high);
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, category, q->low, q->high);
}

static const char *
casualty_word (_SuggestText *t,
               guint         i)
{
  if (i >= t->tokens->len || _tok (t, i)->type != _TOKEN_WORD)
    return NULL;
  return g_hash_table_lookup (t->lex->casualties, _tok (t, i)->lower);
}

static gboolean
gap_word_ok (_SuggestText *t,
             guint         i)
{
  static const char * const stops[] = {
    "and", "or", "but", "that", "which", "who", "when", "after", "before", "while", "if",
    "than", "per", "percent", "since", "because", "each", "aged", "age", "years", "hours",
    "minutes", "days", "miles", "kilometres", "kilometers", "km", "feet", "metres", "meters",
    "apartments", "homes", "houses", "buildings", "vehicles", "cars", "rockets", "missiles",
    "bombs", "shells", "attacks", "strikes", "rescued", "evacuated", "arrested", "survivors",
    "dollars", "rubles", "gallons", NULL
  };
  _Token *tok = _tok (t, i);

  if (tok->type == _TOKEN_PUNCT)
    return tok->flags & _TOKEN_QUOTE_MARK && !(tok->flags & _TOKEN_SPEECH);
  if (tok->type == _TOKEN_NUMBER || _attest_suggest_number (tok->lower) >= 0)
    return FALSE;
  return !_attest_suggest_word_in (tok->lower, stops) && casualty_word (t, i) == NULL;
}

static void
add_casualty (_SuggestText *t,
              guint         first,
              guint         last,
              const char   *category,
              Quantity     *q,
              guint        *covered)
{
  AttestSuggestion *s = _attest_suggest_add (t, ATTEST_SUGGESTION_CASUALTY, _tok (t, first)->start,
                                             _tok (t, last)->end);

  s->value = casualty_value (category, q);
  s->confidence = 0.75;
  *covered = last;
}

void
_attest_suggest_casualties (_SuggestText *t)
{
  static const char * const killing_verbs[] = {
    "killed", "killing", "kills", "kill", "wounded", "wounding", "wounds", "injured",
    "injuring", "injures", "injure", "claimed", "claiming", NULL
  };
  guint covered = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < t->tokens->len; i++)
    {
      Quantity q = { 0 };
      const char *category;

      if (any && i <= covered)
        continue;

      /* "the killing and wounding of dozens" */
      if ((_tok_is (t, i, "killing") || _tok_is (t, i, "deaths") || _tok_is (t, i, "wounding"))
          && !(i > 0 && _tok (t, i - 1)->type == _TOKEN_NUMBER))
        {
          guint j = i + 1;
          const char *cat = casualty_word (t, i);

          if (_tok_is (t, j, "and") && casualty_word (t, j + 1) != NULL)
            {
              if (!g_str_equal (casualty_word (t, j + 1), cat))
                cat = "casualties";
              j += 2;
            }
          if (_tok_is (t, j, "of") && quantity_at (t, j + 1, &q))
            {
              add_casualty (t, i, q.last, cat, &q, &covered);
              any = TRUE;
              continue;
            }
        }

      /* "killing at least seven", "kills five children", "claimed 20 lives" */
      if (_attest_suggest_word_in (_tok (t, i)->lower, killing_verbs)
          && !(_tok (t, i)->flags & _TOKEN_CAPITAL && !(_tok (t, i)->flags & _TOKEN_PARA_START))
          && quantity_at (t, i + 1, &q) && q.low != 0)
        {
          const char *cat = _tok_is (t, i, "claimed") || _tok_is (t, i, "claiming") ? "killed"
                            : casualty_word (t, i);
          guint end = q.last;

          if ((_tok_is (t, i, "claimed") || _tok_is (t, i, "claiming"))
              && !_tok_is (t, q.last + 1, "lives"))
            cat = NULL;
          if (cat != NULL && !_tok_is (t, q.last + 1, "of") && !_tok_is (t, q.last + 1, "percent")
              && !_tok_is_punct (t, q.last + 1, '%'))
            {
              if (_tok_is (t, q.last + 1, "lives") || _tok_is (t, q.last + 1, "people"))
                end = q.last + 1;
              add_casualty (t, i, end, cat, &q, &covered);
              any = TRUE;
              continue;
            }
        }

      /* "the death toll rose to 31" */
      if (_tok_is (t, i, "toll") && i > 0 && _tok_is (t, i - 1, "death"))
        {
          guint best = NONE;
          Quantity found = { 0 };

          for (guint j = i + 1; j < t->tokens->len && j < i + 8 && _tok (t, j)->sent == _tok (t, i)->sent; j++)
            if (quantity_at (t, j, &q))
              {
                best = j;
                found = q;
                j = q.last;
              }
          if (best != NONE)
            {
              add_casualty (t, i - 1, found.last, "killed", &found, &covered);
              any = TRUE;
              continue;
            }
        }

      /* "39 are confirmed dead", "at least five wounded", "Three occupants of the helicopter
       * died", "no crew were injured" */
      if (quantity_at (t, i, &q))
        {
          guint j = q.last + 1;
          guint gap = 0;

          while (j < t->tokens->len && gap < 6 && _tok (t, j)->sent == _tok (t, i)->sent
                 && casualty_word (t, j) == NULL && gap_word_ok (t, j))
            {
              j++;
              gap++;
            }
          category = casualty_word (t, j);
          if (category != NULL && _tok (t, j)->sent == _tok (t, i)->sent
              && !(q.low == 0 && q.high == 0 && gap == 0 && !_tok_is (t, j, "casualties")))
            {
              guint after = j + 1;
              Quantity agent;

              /* "3 gunmen killed 5": the first number did the killing. */
              if (!(after < t->tokens->len && quantity_at (t, after, &agent)))
                {
                  if (_tok_is (t, after, "and") && casualty_word (t, after + 1) != NULL
                      && !g_str_equal (casualty_word (t, after + 1), category))
                    {
                      category = "casualties";
                      j = after + 1;
                    }
                  add_casualty (t, i, j, category, &q, &covered);
                  any = TRUE;
                  continue;
                }
            }
          i = q.last;
        }
    }
}
