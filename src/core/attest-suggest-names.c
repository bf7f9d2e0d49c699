/* attest-suggest-names.c: what a speaker's phrase says — a name with its titles taken off
 * ("Iraqi Armed Forces spokesman Major General Tahsin al-Khafaji" is Tahsin al-Khafaji, an
 * official), a description ("a Baquba resident"), a pronoun, whose report or statement it
 * is ("the judge's statement") — and how names compare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>

#include "attest-suggest-private.h"

#define NONE _SUGGEST_NONE

static const char * const determiners[] = {
  "the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "another",
  "one", "two", "three", "other", "most", "both", "all", "each", "any", NULL
};

static const char * const possessives[] = { "his", "her", "its", "their", "our", NULL };

static const char * const pronouns[] = { "he", "she", "they", "it", NULL };

static const char * const particles[] = {
  "al", "el", "bin", "ibn", "abu", "bint", "de", "da", "del", "della", "van", "von", "der",
  "den", "di", "du", "la", "le", "dos", "das", "ul", "ud", "ben", "y", NULL
};

const char * const _attest_suggest_name_connectors[] = { "of", "for", "and", "&", "on", NULL };

static const char * const splitters[] = {
  "of", "at", "from", "in", "with", "for", "on", "by", "near", "about", "published", "issued",
  "released", "quoted", "cited", "based", "who", "which", "to", "into", "under", NULL
};

static const char * const function_words[] = {
  "the", "a", "an", "for", "on", "in", "at", "after", "before", "during", "while", "and",
  "but", "or", "so", "however", "meanwhile", "also", "then", "this", "that", "these", "those",
  "his", "her", "its", "their", "our", "he", "she", "they", "it", "we", "i", "some", "many",
  "one", "another", "by", "with", "from", "of", "to", "if", "when", "as", "since",
  "although", "despite", "following", "yesterday", "today", "separately", "accordingly",
  "other", "both", "all", "each", "any", "most", "monday", "tuesday", "wednesday", "thursday",
  "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
  "august", "september", "october", "november", "december", NULL
};

/* Heads that make a name a body rather than a person. */
static const char * const org_heads[] = {
  "ministry", "police", "agency", "service", "department", "council", "court", "embassy",
  "government", "army", "military", "forces", "force", "coalition", "administration",
  "authority", "authorities", "board", "office", "patrol", "committee", "commission",
  "party", "company", "firm", "group", "organization", "organisation", "society",
  "association", "foundation", "institute", "university", "hospital", "centre", "center",
  "union", "newspaper", "channel", "website", "site", "media", "news", "press", "bureau",
  "network", "unit", "brigade", "corps", "command", "parliament", "senate", "congress",
  "assembly", "team", "club", "church", "school", "college", "times", "post", "journal",
  "guardian", "telegraph", "herald", "tribune", "daily", "inc", "ltd", "corporation", "corp",
  "bank", "fund", "programme", "program", "mission", "brigades", "movement", "front",
  "alliance", "state", "republic", "kingdom", "nations", "federation", "resolve", NULL
};

/* Heads of phrases that speak for whoever wrote them: "a report by …", "FAA records". */
static const char * const document_heads[] = {
  "report", "reports", "statement", "statements", "survey", "study", "studies", "records",
  "record", "letter", "tweet", "post", "release", "data", "figures", "document", "documents",
  "assessment", "analysis", "filing", "complaint", "website", "site", "page", "account",
  "estimate", "estimates", "tally", "count", "summary", "ruling", "judgment", "judgement",
  "decision", "verdict", "order", "announcement", "communique", "communiqué", "declaration",
  "findings", "paper", NULL
};

/* "Part of the judge's statement": the speaker is in the rest. */
static const char * const portions[] = {
  "part", "parts", "some", "much", "portions", "portion", "excerpts", "section", "sections",
  "most", "all", "one", NULL
};

/* Collective nouns that "they" may stand for. */
static const char * const collectives[] = {
  "police", "crowd", "people", "government", "military", "army", "family", "media", "press",
  "public", "staff", "personnel", "troops", NULL
};

/* Words */

gboolean
_attest_suggest_is_capital_word (_SuggestText *t,
                                 guint         i)
{
  _Token *tok = _tok (t, i);
  const char *dash;

  if (tok->type != _TOKEN_WORD && tok->type != _TOKEN_NUMBER)
    return FALSE;
  if (tok->flags & _TOKEN_CAPITAL)
    return !_tok_in (t, i, function_words);
  /* "al-Khafaji", "bin-Salman": a lower-case article joined to a capitalised name. */
  dash = strchr (tok->lower, '-');
  return dash != NULL && dash - tok->lower <= 3 && tok->start + (dash - tok->lower) + 1 < tok->end
         && g_unichar_isupper (t->chars[tok->start + (dash - tok->lower) + 1]);
}

/* "officials" → "official", kind "official"; NULL for words of no kind. */
static const char *
kind_word (_SuggestText  *t,
           guint          i,
           char         **singular,
           gboolean      *plural)
{
  const char *lower = _tok (t, i)->lower;
  const char *kind;
  g_autofree char *stripped = NULL;

  if (g_str_has_suffix (lower, "'s") || g_str_has_suffix (lower, "s'"))
    {
      stripped = g_strndup (lower, strlen (lower) - 2);
      lower = stripped;
    }
  kind = _attest_suggest_kind_of_word (t->lex, lower, plural);
  if (kind != NULL && singular != NULL)
    {
      gsize len = strlen (lower);

      if (plural != NULL && *plural)
        {
          g_autofree char *stem = NULL;

          if (g_str_has_suffix (lower, "ies"))
            *singular = g_strconcat ((stem = g_strndup (lower, len - 3)), "y", NULL);
          else if (g_str_has_suffix (lower, "men"))
            *singular = g_strconcat ((stem = g_strndup (lower, len - 3)), "man", NULL);
          else if (g_str_has_suffix (lower, "sses") || g_str_has_suffix (lower, "shes"))
            *singular = g_strndup (lower, len - 2);
          else
            *singular = g_strndup (lower, len - 1);
        }
      else
        *singular = g_strdup (lower);
    }
  return kind;
}

/* Folds a name for comparison: ASCII, lower case, no punctuation, no Arabic article or
 * honorific. "Al-Khafaji" and "al Khafaji" both give "khafaji". */
static char *
name_key (const char *name)
{
  static const char * const dropped[] = {
    "al", "el", "ad", "an", "ar", "as", "at", "az", "ash", "the", "mr", "mrs", "ms", "dr", "s",
    NULL
  };
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *key = g_string_new (NULL);
  GString *word = g_string_new (NULL);

  for (const char *p = ascii;; p++)
    {
      if (*p != '\0' && g_ascii_isalnum (*p))
        {
          g_string_append_c (word, g_ascii_tolower (*p));
          continue;
        }
      if (*p == '\'' && word->len > 0)
        continue;
      if (word->len > 0 && !_attest_suggest_word_in (word->str, dropped))
        {
          if (key->len > 0)
            g_string_append_c (key, ' ');
          g_string_append (key, word->str);
        }
      g_string_truncate (word, 0);
      if (*p == '\0')
        break;
    }

  g_string_free (word, TRUE);
  return g_string_free (key, FALSE);
}

static gboolean
words_within (GStrv small,
              GStrv large)
{
  for (guint i = 0; small[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) large, small[i]))
      return FALSE;
  return TRUE;
}

/* Whether two names are the same speaker: equal, a surname of the other ("Al-Khafaji",
 * "Tahsin al-Khafaji"), or all of one in the other ("Ricardo Rosselló", "Ricardo Rosselló
 * Nevares"). */
gboolean
_attest_suggest_names_match (GStrv a,
                             GStrv b)
{
  guint na = g_strv_length (a), nb = g_strv_length (b);

  if (na == 0 || nb == 0)
    return FALSE;
  if (na == 1 && nb >= 2)
    return g_strv_contains ((const char * const *) (b + 1), a[0]);
  if (nb == 1 && na >= 2)
    return g_strv_contains ((const char * const *) (a + 1), b[0]);
  if (na == 1 && nb == 1)
    return g_str_equal (a[0], b[0]);
  return na <= nb ? words_within (a, b) : words_within (b, a);
}

GStrv
_attest_suggest_name_words (const char *name)
{
  g_autofree char *key = name_key (name);

  if (*key == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (key, " ", -1);
}

/* Phrases */

void
_attest_suggest_phrase_clear (_Phrase *p)
{
  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->head, g_free);
  g_clear_pointer (&p->descriptors, g_ptr_array_unref);
}

char *
_attest_suggest_tokens_text (_SuggestText *t,
                             guint         first,
                             guint         last)
{
  char *text = _attest_suggest_slice (t, _tok (t, first)->start, _tok (t, last)->end);
  gsize len = strlen (text);

  /* "Judge Miller's" → "Judge Miller" */
  if (len > 2 && (g_str_has_suffix (text, "'s") || g_str_has_suffix (text, "s'")))
    text[len - (g_str_has_suffix (text, "'s") ? 2 : 1)] = '\0';
  else if (len > 4 && g_str_has_suffix (text, "\xE2\x80\x99s"))
    text[len - 4] = '\0';
  return text;
}

static gboolean
is_possessive (_SuggestText *t,
               guint         i)
{
  const char *lower = _tok (t, i)->lower;

  return g_str_has_suffix (lower, "'s") || (g_str_has_suffix (lower, "s'"));
}

static gboolean
sentence_initial (_SuggestText *t,
                  guint         i)
{
  return i == 0 || _tok (t, i)->flags & _TOKEN_PARA_START
         || _tok (t, i - 1)->flags & _TOKEN_SENT_END || _tok (t, i - 1)->flags & _TOKEN_QUOTE_MARK;
}

static gboolean
is_media_name (_SuggestText *t,
               guint         first,
               guint         last,
               guint        *media_first,
               guint        *media_last)
{
  for (guint k = first; k <= last; k++)
    for (guint n = MIN (t->lex->media_max_words, last - k + 1); n >= 1; n--)
      {
        g_autoptr(GString) joined = g_string_new (NULL);

        for (guint j = k; j < k + n; j++)
          {
            if (j > k)
              g_string_append_c (joined, ' ');
            g_string_append (joined, _tok (t, j)->lower);
          }
        if (g_hash_table_contains (t->lex->media, joined->str))
          {
            *media_first = k;
            *media_last = k + n - 1;
            return TRUE;
          }
      }
  return FALSE;
}

/* The end of the runs of capitalised words in [first, last]: "Major General Tahsin al-Khafaji",
 * "Center for National Security and Law", "Jessie K. Liu", "… (FSB)". Returns the last run. */
gboolean
_attest_suggest_last_capital_run (_SuggestText *t,
                                  guint         first,
                                  guint         last,
                                  guint        *run_first,
                                  guint        *run_last)
{
  gboolean found = FALSE;
  guint i = first;

  while (i <= last)
    {
      guint start, end;

      if (!_attest_suggest_is_capital_word (t, i))
        {
          i++;
          continue;
        }
      start = end = i;
      for (i = i + 1; i <= last; i++)
        {
          _Token *tok = _tok (t, i);

          if (_attest_suggest_is_capital_word (t, i))
            end = i;
          else if (tok->type == _TOKEN_PUNCT && tok->ch == '.'
                   && _attest_suggest_is_abbreviation_like (t, i - 1))
            end = i;
          else if ((_tok_in (t, i, particles) || _tok_in (t, i, _attest_suggest_name_connectors))
                   && i + 1 <= last && _attest_suggest_is_capital_word (t, i + 1))
            ;
          else if (tok->type == _TOKEN_PUNCT && tok->ch == '(' && i + 2 <= last
                   && _tok (t, i + 1)->flags & _TOKEN_CAPITAL && _tok_is_punct (t, i + 2, ')'))
            {
              /* "… Security Service (FSB)", "World Wonder Ring Stardom (Stardom)" */
              i += 2;
              end = i;
            }
          else if (tok->flags & _TOKEN_QUOTE_MARK && !(tok->flags & _TOKEN_SPEECH))
            ;  /* the "Washington Post" newspaper */
          else
            break;
        }
      *run_first = start;
      *run_last = end;
      found = TRUE;
    }
  return found;
}

static const char *
title_or_kind (_SuggestText  *t,
               guint          i,
               char         **singular)
{
  const char *lower = _tok (t, i)->lower;
  const char *kind;

  if ((kind = kind_word (t, i, singular, NULL)) != NULL)
    return kind;
  if (g_hash_table_contains (t->lex->titles, lower))
    {
      if (singular != NULL)
        *singular = g_strdup (lower);
      return "";
    }
  return NULL;
}

/* The kind of the first kind word of [first, last], looking from the right. */
const char *
_attest_suggest_kind_in (_SuggestText *t,
                         guint         first,
                         guint         last,
                         GPtrArray    *descriptors)
{
  const char *found = NULL;

  if (first == NONE || last < first)
    return NULL;
  for (guint i = last + 1; i-- > first;)
    {
      g_autofree char *singular = NULL;
      const char *kind = kind_word (t, i, &singular, NULL);

      if (kind == NULL)
        continue;
      if (descriptors != NULL)
        g_ptr_array_add (descriptors, g_steal_pointer (&singular));
      if (found == NULL)
        found = kind;
    }
  return found;
}

static guint
head_end (_SuggestText *t,
          guint         first,
          guint         last)
{
  for (guint i = first + 1; i <= last; i++)
    {
      _Token *tok = _tok (t, i);

      if (tok->type == _TOKEN_PUNCT && tok->ch == ',')
        return i - 1;
      if (!_tok_in (t, i, splitters))
        continue;
      /* "Department of Transportation", "Center for National Security" stay whole. */
      if (_tok_in (t, i, _attest_suggest_name_connectors)
          && _attest_suggest_is_capital_word (t, i - 1) && i + 1 <= last
          && _attest_suggest_is_capital_word (t, i + 1))
        continue;
      return i - 1;
    }
  return last;
}

gboolean
_attest_suggest_phrase_analyse (_SuggestText *t,
                                guint         first,
                                guint         last,
                                guint         app_first,
                                guint         app_last,
                                _Phrase      *p)
{
  guint run_first, run_last, media_first, media_last;
  guint h_last;
  gboolean definite = FALSE;

  memset (p, 0, sizeof *p);
  p->descriptors = g_ptr_array_new_with_free_func (g_free);

  while (first <= last && (_tok (t, first)->type == _TOKEN_PUNCT
                           && !_tok_is_punct (t, first, '(')))
    first++;
  while (last > first && _tok (t, last)->type == _TOKEN_PUNCT && !_tok_is_punct (t, last, ')')
         && !(_tok (t, last)->ch == '.' && _attest_suggest_is_abbreviation_like (t, last - 1)))
    last--;
  if (first > last || first == NONE)
    return FALSE;

  if (first == last && _tok_in (t, first, pronouns))
    {
      p->type = _PHRASE_PRONOUN;
      p->pronoun = _tok (t, first)->lower;
      return TRUE;
    }

  if (_tok_in (t, first, possessives) && first < last)
    {
      p->type = _PHRASE_POSSESSIVE;
      p->name = _attest_suggest_tokens_text (t, first + 1, last);
      p->kind = _attest_suggest_kind_in (t, first + 1, last, p->descriptors);
      p->person = TRUE;
      return p->kind != NULL || g_str_has_prefix (_tok (t, last)->lower, "source");
    }

  if (_tok_is (t, first, "the") || _tok_is (t, first, "this"))
    definite = TRUE;
  if (_tok_in (t, first, determiners) && first < last)
    first++;

  /* "Part of the judge's statement reads": whose statement it is. */
  if (first + 2 <= last && _tok_in (t, first, portions) && _tok_is (t, first + 1, "of"))
    {
      _attest_suggest_phrase_clear (p);
      return _attest_suggest_phrase_analyse (t, first + 2, last, app_first, app_last, p);
    }
  h_last = head_end (t, first, last);
  /* "Members of the House of Commons": a capitalised common noun at a sentence's start. */
  if (first + 1 < last && _tok_is (t, first + 1, "of") && sentence_initial (t, first)
      && _tok (t, first)->flags & _TOKEN_CAPITAL && !(_tok (t, first)->flags & _TOKEN_ALL_CAPS)
      && kind_word (t, first, NULL, NULL) != NULL)
    goto description;

  p->kind = _attest_suggest_kind_in (t, first, last, p->descriptors);
  _attest_suggest_kind_in (t, app_first, app_last, p->descriptors);

  if (is_media_name (t, first, last, &media_first, &media_last))
    {
      p->type = _PHRASE_NAMED;
      p->name = _attest_suggest_tokens_text (
          t, _tok_is (t, media_first, "the") ? media_first + 1 : media_first, media_last);
      p->kind = "media";
      return TRUE;
    }

  if (_attest_suggest_last_capital_run (t, first, h_last, &run_first, &run_last)
      && run_last == h_last)
    {
      guint name_first = run_first;
      gboolean titled = FALSE;
      const char *title_kind = NULL;
      const char *last_lower = _tok (t, run_last)->lower;

      /* Titles and roles before the name: "Major General", "Health Minister". */
      for (guint i = run_first; i < run_last; i++)
        {
          g_autofree char *singular = NULL;
          const char *k = title_or_kind (t, i, &singular);

          if (k == NULL)
            continue;
          name_first = i + 1;
          titled = TRUE;
          if (*k != '\0')
            title_kind = k;
          if (singular != NULL)
            g_ptr_array_add (p->descriptors, g_steal_pointer (&singular));
        }
      while (name_first <= run_last && _tok (t, name_first)->type == _TOKEN_PUNCT)
        name_first++;

      if (_attest_suggest_word_in (last_lower, org_heads)
          || kind_word (t, run_last, NULL, NULL) != NULL
          || (run_first == run_last && _tok (t, run_last)->flags & _TOKEN_ALL_CAPS)
          || strstr (last_lower, ".com") != NULL || strstr (last_lower, ".org") != NULL)
        {
          /* A body: "The Emergencies Ministry", "Florida Highway Patrol", "NPR". */
          gboolean plural = FALSE;
          const char *k = kind_word (t, run_last, NULL, &plural);

          if (run_first == run_last && k != NULL && !(_tok (t, run_first)->flags & _TOKEN_ALL_CAPS))
            goto description;  /* "Officials", "Experts": a capitalised common noun */
          p->type = _PHRASE_NAMED;
          p->name = _attest_suggest_tokens_text (t, run_first, h_last);
          p->group = plural || g_str_has_suffix (last_lower, "forces");
          if (k != NULL)
            p->kind = k;
          else if (strstr (last_lower, ".com") != NULL || strstr (last_lower, ".org") != NULL)
            p->kind = "media";
          else if (p->kind == NULL)
            p->kind = _attest_suggest_kind_in (t, first, last, NULL);
          return TRUE;
        }

      if (name_first > run_last)
        {
          /* Only a title: "the President", "Prime Minister". */
          p->type = definite ? _PHRASE_DEFINITE : _PHRASE_ANONYMOUS;
          p->head = g_strdup (last_lower);
          p->name = _attest_suggest_tokens_text (t, first, last);
          p->person = TRUE;
          if (title_kind != NULL)
            p->kind = title_kind;
          return TRUE;
        }

      p->type = _PHRASE_NAMED;
      p->name = _attest_suggest_tokens_text (t, name_first, run_last);
      /* A person: a titled name, or two to four words that are not a body's name. */
      {
        gboolean connector = FALSE;
        guint n = 0;

        for (guint i = name_first; i <= run_last; i++)
          {
            connector |= _tok_in (t, i, _attest_suggest_name_connectors);
            n += _tok (t, i)->type == _TOKEN_WORD;
          }
        p->person = titled || (!connector && n >= 1 && n <= 4);
      }
      if (title_kind != NULL)
        p->kind = title_kind;
      else
        {
          /* The role nearest the name: "security expert Hisham Al-Hashimi". */
          const char *k
              = _attest_suggest_kind_in (t, first, run_first > first ? run_first - 1 : NONE, NULL);

          if (k == NULL && app_first != NONE)
            k = _attest_suggest_kind_in (t, app_first, app_last, NULL);
          p->kind = k;
        }
      return TRUE;
    }

description:
  {
    const char *head = _tok (t, h_last)->lower;
    gboolean plural = FALSE;
    g_autofree char *singular = NULL;
    const char *head_kind = kind_word (t, h_last, &singular, &plural);

    /* "the judge's statement", "Judge Miller's statement": the statement's author. */
    if (_attest_suggest_word_in (head, document_heads))
      for (guint k = h_last; k-- > first;)
        if (is_possessive (t, k))
          {
            _Phrase owner;

            if (_attest_suggest_phrase_analyse (
                    t, first > 0 && _tok_is (t, first - 1, "the") ? first - 1 : first, k, app_first,
                    app_last, &owner)
                && owner.type != _PHRASE_INVALID)
              {
                g_ptr_array_add (owner.descriptors, g_strdup (head));
                _attest_suggest_phrase_clear (p);
                *p = owner;
                return TRUE;
              }
            _attest_suggest_phrase_clear (&owner);
            break;  /* "The hotel's website": the website, then */
          }

    /* "A report published by the "Washington Post" newspaper": the name in the rest. */
    if (_attest_suggest_word_in (head, document_heads))
      {
        guint rf, rl;

        if (_attest_suggest_last_capital_run (t, first, h_last, &rf, &rl) && rl < h_last
            && _tok (t, rl)->flags & _TOKEN_CAPITAL)
          ;
        else if (h_last < last && _attest_suggest_last_capital_run (t, h_last + 1, last, &rf, &rl))
          ;
        else
          rf = NONE;

        if (rf != NONE)
          {
            const char *rk = kind_word (t, rl, NULL, NULL);
            guint media_f, media_l;

            p->type = _PHRASE_NAMED;
            if (is_media_name (t, rf, rl, &media_f, &media_l))
              p->name = _attest_suggest_tokens_text (
                  t, _tok_is (t, media_f, "the") ? media_f + 1 : media_f, media_l);
            else
              p->name = _attest_suggest_tokens_text (t, rf, rl);
            g_ptr_array_add (p->descriptors, g_strdup (singular != NULL ? singular : head));
            p->kind = rk != NULL ? rk : _attest_suggest_kind_in (t, first, last, NULL);
            if (p->kind == NULL)
              p->kind = head_kind;
            return TRUE;
          }
      }

    if (singular != NULL)
      {
        p->head = g_steal_pointer (&singular);
        p->kind = head_kind;
      }
    else
      p->head = g_strdup (head);
    /* "officials and security experts": the first of them says what they are. */
    for (guint i = first; i < h_last; i++)
      if (_tok_is (t, i, "and"))
        {
          for (guint k = first; k < i; k++)
            {
              const char *k_kind = kind_word (t, k, NULL, NULL);

              if (k_kind != NULL)
                {
                  p->kind = k_kind;
                  break;
                }
            }
          break;
        }
    p->type = definite ? _PHRASE_DEFINITE : _PHRASE_ANONYMOUS;
    p->name = _attest_suggest_tokens_text (t, first, MIN (last, first + 9));
    p->group = plural || _attest_suggest_word_in (head, collectives);
    for (guint i = first; i <= h_last; i++)
      p->group |= _tok_is (t, i, "and");
    p->person = head_kind != NULL && !_attest_suggest_word_in (head, org_heads)
                && !_attest_suggest_word_in (head, document_heads);
    /* Something that cannot speak ("the commonwealth's constitution") is no speaker. */
    if (p->kind == NULL && !g_str_has_prefix (head, "source")
        && !_attest_suggest_word_in (head, document_heads))
      {
        p->type = _PHRASE_INVALID;
        return FALSE;
      }
    return TRUE;
  }
}

gboolean
_attest_speakers_phrase_ok (_SuggestText *t,
                            guint         first,
                            guint         last)
{
  _Phrase p;
  gboolean ok;

  ok = _attest_suggest_phrase_analyse (t, first, last, NONE, NONE, &p) && p.type != _PHRASE_INVALID;
  _attest_suggest_phrase_clear (&p);
  return ok;
}

gboolean
_attest_speakers_has_name (_SuggestText *t,
                           guint         first,
                           guint         last)
{
  guint rf, rl;

  return _attest_suggest_last_capital_run (t, first, last, &rf, &rl);
}

gboolean
_attest_speakers_is_description (_SuggestText *t,
                                 guint         first,
                                 guint         last)
{
  guint rf, rl, h_last;

  if (_tok_in (t, first, determiners))
    return TRUE;
  h_last = head_end (t, first, last);
  return !_attest_suggest_last_capital_run (t, first, h_last, &rf, &rl) || rl != h_last;
}

/* Entities */
