/* attest-suggest-cues.c: where an incident happened and how many were hurt — the project's
 * places and ISO 3166-2 subdivisions ("Salah al-Din Governorate" is IQ-SD), and casualty
 * figures ("10 killed", "at least five wounded", "the killing and wounding of dozens").
 * When it happened is in attest-suggest-dates.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>

#include "attest-suggest-private.h"
#include "attest-geo.h"
#include "attest-store.h"

#define NONE _SUGGEST_NONE

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

                  g_hash_table_replace (
                      votes, g_strdup (cc),
                      GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (votes, cc)) + 1));
                }
            }
          else if (start == i && (country = g_hash_table_lookup (t->lex->countries, key)) != NULL)
            {
              g_hash_table_replace (
                  votes, g_strdup (country),
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
  else if (_tok_is (t, i, "between") && number_at (t, i + 1, &v, &last)
           && _tok_is (t, last + 1, "and"))
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

          for (guint j = i + 1;
               j < t->tokens->len && j < i + 8 && _tok (t, j)->sent == _tok (t, i)->sent; j++)
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
