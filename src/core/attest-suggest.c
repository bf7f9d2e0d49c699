/* attest-suggest.c: the suggestion engine's entry point — tokens, quotation marks,
 * paragraphs and sentences — and the suggestions as JSON.
 *
 * The word lists are read in attest-suggest-lexicon.c. The rules: quotes in
 * attest-suggest-phrases.c, -attributions.c and -quotes.c; speakers in -names.c and
 * -speakers.c; dates in -dates.c; places and casualties in -cues.c. Everything is a pure
 * function of the text and the word lists, so it runs in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>
#include "attest-suggest.h"
#include "attest-suggest-private.h"

/* Tokens */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_double_mark (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F
         || c == 0x00AB || c == 0x00BB;
}

static gboolean
is_single_mark (gunichar c)
{
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x2039 || c == 0x203A;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200D || c == 0x200B || c == 0xFEFF;
}

static char *
lower_of (_SuggestText *t,
          glong         start,
          glong         end)
{
  g_autofree char *utf8 = g_ucs4_to_utf8 (t->chars + start, end - start, NULL, NULL, NULL);
  g_autofree char *lower = NULL;
  GString *folded;

  if (utf8 == NULL)
    return g_strdup ("");
  lower = g_utf8_strdown (utf8, -1);
  if (strstr (lower, "\xE2\x80\x99") == NULL)
    return g_steal_pointer (&lower);

  folded = g_string_new (lower);
  g_string_replace (folded, "\xE2\x80\x99", "'", 0);
  return g_string_free (folded, FALSE);
}

/* The end of a word that starts at i: letters and digits, with inner apostrophes, hyphens,
 * ampersands ("PG&E") and periods ("U.S.", "a.m.", "Znak.com"). */
static glong
word_end (_SuggestText *t,
          glong         i,
          gboolean     *abbrev)
{
  const gunichar *c = t->chars;
  glong n = t->n_chars;
  glong j = i;
  glong piece = i;

  *abbrev = FALSE;
  for (;;)
    {
      while (j < n && is_word_char (c[j]))
        j++;
      if (j + 1 >= n)
        break;
      if ((c[j] == '\'' || c[j] == 0x2019) && g_unichar_isalpha (c[j + 1]))
        ;
      else if ((c[j] == '-' || c[j] == 0x2011) && is_word_char (c[j + 1]))
        ;
      else if (c[j] == '&' && g_unichar_isupper (c[j - 1]) && g_unichar_isupper (c[j + 1]))
        ;
      else if ((c[j] == '.' || c[j] == ',' || c[j] == ':') && g_unichar_isdigit (c[j - 1])
               && g_unichar_isdigit (c[j + 1]) && g_unichar_isdigit (c[i]))
        ;
      else if (c[j] == '.' && g_unichar_isalpha (c[j + 1]) && j - piece == 1)
        *abbrev = TRUE;
      else if (c[j] == '.' && g_unichar_islower (c[j + 1]) && j - piece > 1
               && g_unichar_isalpha (c[j - 1]))
        ;
      else
        break;
      j++;
      piece = j;
    }

  if (*abbrev && j < n && c[j] == '.')
    j++;
  return j;
}

static void
tokenize (_SuggestText *t)
{
  const gunichar *c = t->chars;
  glong n = t->n_chars;
  guint para = 0;
  gboolean space = TRUE;
  gboolean para_start = TRUE;
  guint newlines = 0;

  for (glong i = 0; i < n;)
    {
      _Token tok = { 0 };
      g_autofree char *lower = NULL;
      glong j;

      if (is_space (c[i]))
        {
          if (c[i] == '\n' && ++newlines >= 2 && t->tokens->len > 0 && !para_start)
            {
              para++;
              para_start = TRUE;
            }
          space = TRUE;
          i++;
          continue;
        }
      newlines = 0;

      tok.start = i;
      tok.ch = c[i];
      tok.quote = -1;
      tok.para = para;
      if (is_word_char (c[i]))
        {
          gboolean abbrev;

          j = word_end (t, i, &abbrev);
          tok.type = g_unichar_isdigit (c[i]) ? _TOKEN_NUMBER : _TOKEN_WORD;
          if (abbrev)
            tok.flags |= _TOKEN_ABBREV;
          if (g_unichar_isupper (c[i]) || g_unichar_istitle (c[i]))
            {
              gboolean all = TRUE;

              tok.flags |= _TOKEN_CAPITAL;
              for (glong k = i; k < j && all; k++)
                if (g_unichar_islower (c[k]))
                  all = FALSE;
              if (all && j - i > 1)
                tok.flags |= _TOKEN_ALL_CAPS;
            }
        }
      else
        {
          j = i + 1;
          tok.type = _TOKEN_PUNCT;
          if (c[i] == '.')
            while (j < n && c[j] == '.')
              j++;
          if (is_double_mark (c[i]))
            tok.flags |= _TOKEN_QUOTE_MARK;
          else if (is_single_mark (c[i]))
            tok.flags |= _TOKEN_QUOTE_MARK | _TOKEN_SINGLE_MARK;
        }

      tok.end = j;
      if (space)
        tok.flags |= _TOKEN_SPACE_BEFORE;
      if (para_start)
        tok.flags |= _TOKEN_PARA_START;
      if (j >= n || is_space (c[j]))
        tok.flags |= _TOKEN_SPACE_AFTER;
      lower = lower_of (t, i, j);
      tok.lower = g_string_chunk_insert_const (t->strings, lower);
      g_array_append_val (t->tokens, tok);

      space = FALSE;
      para_start = FALSE;
      i = j;
    }
}

static gboolean
is_sentence_punct (_Token *tok)
{
  return tok->type == _TOKEN_PUNCT
         && (tok->ch == '.' || tok->ch == '!' || tok->ch == '?' || tok->ch == 0x2026);
}

static void
find_paragraphs (_SuggestText *t)
{
  for (guint i = 0; i < t->tokens->len; i++)
    {
      _Token *tok = _tok (t, i);
      _Para *p;

      if (tok->para >= t->paras->len)
        {
          _Para fresh = { i, i, FALSE, FALSE };

          g_array_append_val (t->paras, fresh);
        }
      p = &g_array_index (t->paras, _Para, tok->para);
      p->last = i;
    }

  for (guint k = 0; k < t->paras->len; k++)
    {
      _Para *p = &g_array_index (t->paras, _Para, k);
      guint last = p->last;

      /* A closing mark or bracket after the full stop still ends a sentence. */
      while (last > p->first
             && (_tok (t, last)->flags & _TOKEN_QUOTE_MARK
                 || _tok_is_punct (t, last, ')') || _tok_is_punct (t, last, ']')))
        last--;
      p->prose
          = is_sentence_punct (_tok (t, last)) && _tok (t, last)->end - _tok (t, last)->start == 1;
      /* "Wednesday, February 13, 2019": a line with a month and a year and nothing else. */
      if (p->last - p->first <= 6)
        {
          gboolean month = FALSE, year = FALSE;

          for (guint i = p->first; i <= p->last; i++)
            {
              gint64 v = _attest_suggest_number (_tok (t, i)->lower);

              month |= _attest_suggest_month (_tok (t, i)->lower) > 0;
              year |= _tok (t, i)->type == _TOKEN_NUMBER && v >= 1900 && v <= 2100;
            }
          p->dateline = month && year;
        }
    }
}

/* Quotation marks */

typedef enum
{
  MARK_OPEN,
  MARK_CLOSE,
  MARK_EITHER,
} MarkRole;

static MarkRole
mark_role (_SuggestText *t,
           guint         i)
{
  _Token *tok = _tok (t, i);
  gunichar c = tok->ch;
  gunichar before = tok->start > 0 ? t->chars[tok->start - 1] : ' ';
  gunichar after = (glong) tok->end < t->n_chars ? t->chars[tok->end] : ' ';
  gboolean open_ok, close_ok;

  open_ok = (is_space (before) || before == '(' || before == '[' || before == 0x2014
             || before == 0x2013 || before == '-' || before == '/' || is_double_mark (before))
            && !is_space (after) && after != ',' && after != ';' && after != ':' && after != '.';
  /* "… I'm a drummer' ", he recalled": a space inside does not make it an opening mark. */
  close_ok = (!is_space (before) && before != '('
              && (is_space (after) || g_unichar_ispunct (after) || after == 0x2014))
             || (is_space (before) && (after == ',' || after == ';' || after == ':'
                                       || after == '.'));

  if (open_ok && !close_ok)
    return MARK_OPEN;
  if (close_ok && !open_ok)
    return MARK_CLOSE;
  if (c == 0x201C || c == 0x201E || c == 0x00AB || c == 0x2018 || c == 0x2039)
    return MARK_OPEN;
  if (c == 0x201D || c == 0x00BB || c == 0x2019 || c == 0x203A)
    return MARK_CLOSE;
  return MARK_EITHER;
}

static gboolean
is_small_word (const char *lower)
{
  static const char * const small[] = {
    "of", "the", "a", "an", "and", "to", "in", "on", "for", "at", "by", "with", "&", "after",
    "from", "into", "over", "under", "upon", "up", "as", "or", "but", "nor", "is", "be",
    "are", "via", "than", NULL
  };

  return _attest_suggest_word_in (lower, small);
}

/* Scare quotes, single words, names and titles ("Welcome To Video") are not speech. */
static void
classify_span (_SuggestText *t,
               _QuoteSpan   *q)
{
  guint words = 0, capitalised = 0, other = 0;
  gboolean sentence = FALSE;

  for (guint i = q->open + 1; i < q->close; i++)
    {
      _Token *tok = _tok (t, i);

      if (tok->type == _TOKEN_PUNCT)
        {
          if (tok->ch == '!' || tok->ch == '?' || tok->ch == ',' || tok->ch == ';'
              || (tok->ch == '.'
                  && !(i > q->open + 1 && _tok (t, i - 1)->end - _tok (t, i - 1)->start == 1)))
            sentence = TRUE;
          continue;
        }
      words++;
      if (is_small_word (tok->lower))
        continue;
      if (tok->flags & _TOKEN_CAPITAL || tok->type == _TOKEN_NUMBER)
        capitalised++;
      else
        other++;
    }

  q->n_words = words;
  q->speech = words >= 3 && !(other == 0 && !sentence && words <= 8);
}

static void
pair_marks (_SuggestText *t,
            gboolean      single)
{
  int open = -1;
  guint open_para = 0;
  gboolean multi = FALSE;

  for (guint i = 0; i < t->tokens->len; i++)
    {
      _Token *tok = _tok (t, i);
      MarkRole role;

      /* A paragraph ended inside a quote: it goes on only if the next paragraph opens with
       * a mark, as quotes over several paragraphs do; otherwise the mark was a stray. */
      if (open >= 0 && tok->para != open_para)
        {
          if (tok->flags & _TOKEN_PARA_START && tok->flags & _TOKEN_QUOTE_MARK
              && !!(tok->flags & _TOKEN_SINGLE_MARK) == single && mark_role (t, i) != MARK_CLOSE
              && tok->para == open_para + 1
              && _tok (t, open)->para + 3 > tok->para)
            {
              open_para = tok->para;
              multi = TRUE;
              continue;
            }
          open = -1;
        }

      if (!(tok->flags & _TOKEN_QUOTE_MARK) || !!(tok->flags & _TOKEN_SINGLE_MARK) != single
          || tok->quote >= 0)
        continue;
      role = mark_role (t, i);
      /* A single mark inside a word is an apostrophe; one after a plural ("the Joneses'")
       * only closes a quote that was opened. */
      if (open < 0 && role != MARK_CLOSE)
        {
          open = i;
          open_para = tok->para;
          multi = FALSE;
        }
      else if (open >= 0 && role != MARK_OPEN)
        {
          _QuoteSpan q = { open, i, 0, multi, FALSE };

          if (i > (guint) open + 1)
            {
              classify_span (t, &q);
              g_array_append_val (t->quotes, q);
            }
          open = -1;
        }
      else if (open >= 0 && role == MARK_OPEN)
        {
          open = i;
          open_para = tok->para;
          multi = FALSE;
        }
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const _QuoteSpan *x = a, *y = b;

  return (int) x->open - (int) y->open;
}

static void
find_quotes (_SuggestText *t)
{
  guint n_double;

  pair_marks (t, FALSE);
  /* Single marks quote only outside double ones ('…' in British style). */
  for (guint k = 0; k < t->quotes->len; k++)
    {
      _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, k);

      for (guint i = q->open; i <= q->close; i++)
        _tok (t, i)->quote = k;
    }
  n_double = t->quotes->len;
  pair_marks (t, TRUE);
  /* Single marks quote only outside double ones: drop a single-quoted span that crosses
   * one. */
  for (guint k = t->quotes->len; k-- > n_double;)
    {
      _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, k);
      gboolean crosses = FALSE;

      for (guint i = q->open; i <= q->close && !crosses; i++)
        crosses = _tok (t, i)->quote >= 0;
      if (crosses)
        g_array_remove_index (t->quotes, k);
    }
  g_array_sort (t->quotes, compare_spans);

  for (guint k = 0; k < t->quotes->len; k++)
    {
      _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, k);

      _tok (t, q->open)->flags |= _TOKEN_OPENS;
      _tok (t, q->close)->flags |= _TOKEN_CLOSES;
      for (guint i = q->open; i <= q->close; i++)
        {
          _tok (t, i)->quote = k;
          if (q->speech)
            _tok (t, i)->flags |= _TOKEN_SPEECH;
        }
    }
}

/* Sentences */

static gboolean
is_abbreviation (_SuggestText *t,
                 guint         i)
{
  static const char * const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "maj", "lt", "col", "capt", "sgt", "sen",
    "rep", "gov", "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "approx",
    "dept", "est", "fig", "univ", NULL
  };
  _Token *tok = _tok (t, i);

  if (tok->type != _TOKEN_WORD)
    return FALSE;
  if (tok->end - tok->start == 1 && tok->flags & _TOKEN_CAPITAL)
    return TRUE;  /* an initial: "Jessie K. Liu" */
  return _attest_suggest_word_in (tok->lower, abbrevs);
}

/* Words that begin sentences far more often than they go on names: after "D.C." or
 * "U.S.", "They" starts a new sentence and "Army" does not. */
static gboolean
starts_sentence (const char *lower)
{
  static const char * const starters[] = {
    "the", "a", "an", "they", "he", "she", "it", "we", "i", "this", "these", "those", "there",
    "in", "on", "at", "but", "and", "however", "meanwhile", "his", "her", "their", "its",
    "according", "officials", "police", NULL
  };

  return _attest_suggest_word_in (lower, starters);
}

static void
find_sentences (_SuggestText *t)
{
  guint sent = 0;
  guint n = t->tokens->len;

  for (guint i = 0; i < n; i++)
    {
      _Token *tok = _tok (t, i);
      _Token *next = i + 1 < n ? _tok (t, i + 1) : NULL;
      gboolean end = FALSE;

      tok->sent = sent;
      if (next == NULL || next->para != tok->para)
        end = TRUE;
      else if (tok->flags & _TOKEN_SPEECH && !(tok->flags & _TOKEN_CLOSES))
        end = FALSE;  /* sentences inside a quote are the quote's own */
      else if (tok->flags & _TOKEN_CLOSES)
        {
          /* "… easily." He added: the quote ended its sentence. */
          _Token *before = _tok (t, i - 1);

          end = (before->type == _TOKEN_PUNCT && (before->ch == '.' || before->ch == '!'
                                                  || before->ch == '?'))
                && (next->flags & _TOKEN_CAPITAL || next->flags & _TOKEN_QUOTE_MARK);
        }
      else if (is_sentence_punct (tok) && tok->end - tok->start == 1)
        {
          gboolean upper_next = next->flags & _TOKEN_CAPITAL || next->type == _TOKEN_NUMBER
                                || next->flags & _TOKEN_QUOTE_MARK;

          if (next->flags & _TOKEN_QUOTE_MARK && next->flags & _TOKEN_CLOSES)
            end = FALSE;  /* the closing mark comes first */
          else if (next->type == _TOKEN_PUNCT && next->ch == ')')
            end = FALSE;
          else if (tok->ch == '.' && i > 0 && is_abbreviation (t, i - 1)
                   && !(next->flags & _TOKEN_QUOTE_MARK))
            end = FALSE;
          else
            end = upper_next && next->flags & _TOKEN_SPACE_BEFORE;
        }
      else if (tok->flags & _TOKEN_ABBREV && next->flags & _TOKEN_SPACE_BEFORE
               && (next->flags & _TOKEN_QUOTE_MARK
                   || (g_unichar_islower (tok->ch) && next->flags & _TOKEN_CAPITAL)
                   || (next->flags & _TOKEN_CAPITAL && starts_sentence (next->lower))))
        end = TRUE;  /* "at 7:45 p.m. "No troops …", "in Washington, D.C. They said" */
      else if (tok->type == _TOKEN_PUNCT && tok->ch == ')' && i > 0
               && is_sentence_punct (_tok (t, i - 1)) && next->flags & _TOKEN_CAPITAL)
        end = TRUE;

      if (end)
        {
          tok->flags |= _TOKEN_SENT_END;
          sent++;
        }
    }
}

/* Shared helpers */

gboolean
_attest_suggest_word_in (const char         *lower,
                         const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (lower, words[i]))
      return TRUE;
  return FALSE;
}

char *
_attest_suggest_slice (_SuggestText *t,
                       guint         start,
                       guint         end)
{
  char *text;

  if (end <= start || (glong) end > t->n_chars)
    return g_strdup ("");
  text = g_ucs4_to_utf8 (t->chars + start, end - start, NULL, NULL, NULL);
  return text != NULL ? text : g_strdup ("");
}

AttestSuggestion *
_attest_suggest_add (_SuggestText         *t,
                     AttestSuggestionType  type,
                     guint                 start,
                     guint                 end)
{
  AttestSuggestion *s = g_new0 (AttestSuggestion, 1);

  s->type = type;
  s->start = start;
  s->end = end;
  s->text = _attest_suggest_slice (t, start, end);
  s->confidence = 0.5;
  g_ptr_array_add (t->out, s);
  return s;
}

static gboolean
parse_published (const char *published,
                 GDate      *date)
{
  guint64 y, m, d;
  g_auto(GStrv) parts = NULL;

  if (published == NULL || strlen (published) < 10)
    return FALSE;
  parts = g_strsplit (published, "-", 3);
  if (g_strv_length (parts) != 3 || strlen (parts[2]) < 2)
    return FALSE;
  parts[2][2] = '\0';
  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL)
      || !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL)
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const AttestSuggestion *x = *(AttestSuggestion **) a;
  const AttestSuggestion *y = *(AttestSuggestion **) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (int) x->type - (int) y->type;
}

/* Public API */

void
attest_suggestion_free (AttestSuggestion *s)
{
  if (s == NULL)
    return;

  g_free (s->text);
  g_free (s->speaker);
  g_free (s->speaker_kind);
  g_free (s->speaker_source_uuid);
  g_free (s->value);
  g_free (s);
}

const char *
attest_suggestion_type_to_string (AttestSuggestionType type)
{
  switch (type)
    {
    case ATTEST_SUGGESTION_QUOTE:
      return "quote";
    case ATTEST_SUGGESTION_DATE:
      return "date";
    case ATTEST_SUGGESTION_PLACE:
      return "place";
    case ATTEST_SUGGESTION_CASUALTY:
      return "casualty";
    default:
      return NULL;
    }
}

GPtrArray *
attest_suggest (const char *body,
                const char *published,
                GPtrArray  *sources,
                GPtrArray  *places)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) attest_suggestion_free);
  _SuggestText t = { 0 };

  if (body == NULL || *body == '\0' || !g_utf8_validate (body, -1, NULL))
    return out;

  t.lex = _attest_suggest_lexicon ();
  t.body = body;
  t.chars = g_utf8_to_ucs4_fast (body, -1, &t.n_chars);
  t.tokens = g_array_sized_new (FALSE, FALSE, sizeof (_Token), t.n_chars / 5 + 16);
  t.quotes = g_array_new (FALSE, FALSE, sizeof (_QuoteSpan));
  t.paras = g_array_new (FALSE, FALSE, sizeof (_Para));
  t.strings = g_string_chunk_new (4096);
  t.sources = sources;
  t.places = places;
  t.out = out;
  g_date_clear (&t.published, 1);

  tokenize (&t);
  t.beyond.start = t.beyond.end = t.n_chars;
  t.beyond.type = _TOKEN_PUNCT;
  t.beyond.para = G_MAXUINT;
  t.beyond.sent = G_MAXUINT;
  t.beyond.quote = -1;
  t.beyond.lower = "";
  find_paragraphs (&t);
  find_quotes (&t);
  find_sentences (&t);

  if (!parse_published (published, &t.published))
    _attest_suggest_find_dateline (&t, &t.published);

  _attest_suggest_quotes (&t);
  _attest_suggest_dates (&t);
  _attest_suggest_places (&t);
  _attest_suggest_casualties (&t);

  g_ptr_array_sort (out, compare_suggestions);

  g_free (t.chars);
  g_array_unref (t.tokens);
  g_array_unref (t.quotes);
  g_array_unref (t.paras);
  g_string_chunk_free (t.strings);
  return out;
}

static void
add_double (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_double_value (builder, value);
}

static void
add_member (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
attest_suggestions_to_json (GPtrArray *suggestions)
{
  static const char * const arrays[] = { "quotes", "dates", "places", "casualties" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint type = 0; type < G_N_ELEMENTS (arrays); type++)
    {
      json_builder_set_member_name (builder, arrays[type]);
      json_builder_begin_array (builder);
      for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
        {
          AttestSuggestion *s = g_ptr_array_index (suggestions, i);

          if (s->type != type)
            continue;
          json_builder_begin_object (builder);
          add_member (builder, "text", s->text);
          if (s->type == ATTEST_SUGGESTION_QUOTE)
            {
              add_member (builder, "type", attest_annotation_kind_to_string (s->kind));
              add_member (builder, "speaker", s->speaker);
              add_member (builder, "speaker_kind", s->speaker_kind);
              add_member (builder, "speaker_source", s->speaker_source_uuid);
            }
          else
            add_member (builder, "value", s->value);
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, s->start);
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, s->end);
          add_double (builder, "confidence", s->confidence);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
