/* attest-suggest-quotes.c: direct and indirect quotes, and who said them.
 *
 * The attributions of attest-suggest-attributions.c give the indirect quotes. Words in
 * quotation marks become direct quotes when an attribution reaches them (before, after, or
 * around them, as in "…," he said, "…"), or continue a quote that one reached. Where the
 * two overlap, the quotation marks win when they hold most of the words. The speakers are
 * then resolved in text order (attest-suggest-speakers.c), so that "he said" and "the
 * spokesman" find the nearest earlier speaker that fits.
 *
 * Precision comes first: a quote with no attribution, a speaker that is no person or body,
 * and a clause with no verb are left out rather than guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>

#include "attest-suggest-private.h"
#include "attest-suggest-quotes-private.h"

#define NONE _SUGGEST_NONE

/* Direct quotes */

/* ""…," said X", ""…" X said", ""…," Deputy Minister Chupriyan told TASS". */
static int
attribution_after (_QuoteState *s,
                   _QuoteSpan  *q)
{
  _SuggestText *t = s->t;
  guint i = q->close + 1;
  _Token *before = _tok (t, q->close - 1);

  /* ""… easily." He added" is a new sentence; ""…," he said" is not. */
  if (before->type == _TOKEN_PUNCT && before->ch == '.' && before->end - before->start == 1
      && !(i < t->tokens->len && !(_tok (t, i)->flags & _TOKEN_CAPITAL) && _tok_word (t, i)))
    return -1;
  if (_tok_comma (t, i))
    i++;
  if (i >= t->tokens->len || _tok (t, i)->para != _tok (t, q->close)->para)
    return -1;
  if (_tok_is (t, i, "according"))
    return _attest_suggest_attribution_index (s, i);
  for (guint j = i; j < t->tokens->len && j < i + 12; j++)
    {
      _Attribution *a;

      if (j > i && !_tok_same_sentence (t, j, i))
        break;
      if (_tok (t, j)->flags & _TOKEN_SPEECH || (_tok_punct (t, j) && !_tok_is_punct (t, j, '.')
                                                   && !_tok_is_punct (t, j, '(')
                                                   && !_tok_is_punct (t, j, ')')))
        break;
      if ((a = _attest_suggest_attribution_at (s, j)) != NULL)
        {
          /* The speaker must be right here: "X said" or "said X". */
          if (a->np_after || a->np_first >= i || a->inherit >= 0)
            return _attest_suggest_attribution_index (s, j);
          break;
        }
      if ((_attest_suggest_is_verbish (t, j) && !_tok_in (t, j, _attest_suggest_adverbs))
          || _tok_in (t, j, _attest_suggest_subordinators)
          || _tok_in (t, j, _attest_suggest_conjunctions)
          || _tok_in (t, j, _attest_suggest_relatives) || _tok_is (t, j, "that"))
        break;
    }
  return -1;
}

/* "X said, "…"", "According to X, "…"", "tweeted the response "…"", "describing the "…"". */
static int
attribution_before (_QuoteState *s,
                    _QuoteSpan  *q)
{
  _SuggestText *t = s->t;
  guint floor;
  guint i = q->open;

  if (i == 0)
    return -1;
  floor = _attest_suggest_sentence_first (s, i);
  for (guint n = 0; n < 14 && i > floor; n++)
    {
      i--;
      if (_tok_speech_mark (t, i, _TOKEN_CLOSES))
        {
          /* "…," he said, "…": the verb between two quotes is theirs. */
          return -1;
        }
      if (_attest_suggest_attribution_at (s, i) != NULL)
        return _attest_suggest_attribution_index (s, i);
      if (_tok_is_punct (t, i, ';'))
        return -1;
    }
  return -1;
}

/* "Michael Morell praised Mendez on Twitter: "Tony was …"": a statement after a colon is
 * the sentence subject's, when that subject can speak. */
static int
attribution_by_colon (_QuoteState *s,
                      _QuoteSpan  *q)
{
  _SuggestText *t = s->t;
  _Attribution a;
  guint colon = q->open - 1;

  if (q->open == 0 || !_tok_is_punct (t, colon, ':') || q->n_words < 6
      || !_tok_same_sentence (t, colon, q->open))
    return -1;
  _attest_suggest_attribution_init (&a, colon, _VERB_DIRECT);
  if (!_attest_suggest_sentence_subject (s, colon, &a.np_first, &a.np_last, &a.app_first,
                                         &a.app_last)
      || !_attest_suggest_speaker_ok (s, &a))
    return -1;
  _attest_suggest_add_attribution (s, &a);
  return s->attrs->len - 1;
}

static gboolean
verbs_between (_QuoteState *s,
               guint        from,
               guint        to,
               int          own)
{
  for (guint i = from + 1; i < to; i++)
    {
      int k = _attest_suggest_attribution_index (s, i);

      if (k >= 0 && k != own)
        return TRUE;
    }
  return FALSE;
}

static void
find_directs (_QuoteState *s)
{
  _SuggestText *t = s->t;

  for (guint k = 0; k < t->quotes->len; k++)
    {
      _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, k);
      _Direct d = { k, -1, -1, 0.0, -1, FALSE };

      if (!q->speech
          || (!_attest_suggest_in_prose (t, q->open) && !_attest_suggest_in_prose (t, q->close)))
        continue;

      if ((d.attribution = attribution_after (s, q)) >= 0)
        d.confidence = 0.9;
      else if ((d.attribution = attribution_before (s, q)) >= 0)
        d.confidence = 0.85;
      else if ((d.attribution = attribution_by_colon (s, q)) >= 0)
        d.confidence = 0.6;
      else if (s->directs->len > 0)
        {
          /* A quote that goes on a quote of the same paragraph with no other speaker in
           * between ("We are tense," said a resident. "There are …"), or that fills the
           * paragraph after one that ended with a quote. */
          _Direct *prev = &g_array_index (s->directs, _Direct, s->directs->len - 1);
          _QuoteSpan *pq = &g_array_index (t->quotes, _QuoteSpan, prev->quote);
          guint para = _tok (t, q->open)->para;
          guint prev_para = _tok (t, pq->close)->para;
          int own = prev->attribution;

          gboolean attributed = !prev->dropped
                                && (prev->attribution >= 0 || prev->inherit_quote >= 0);

          if (!attributed)
            ;
          else if (prev_para == para && !verbs_between (s, pq->close, q->open, own))
            {
              d.inherit_quote = s->directs->len - 1;
              d.confidence = 0.8;
            }
          else if (prev_para + 1 == para && _tok (t, q->open)->flags & _TOKEN_PARA_START
                   && !verbs_between (s, pq->close, q->open, own)
                   && (prev->attribution >= 0 || prev->inherit_quote >= 0))
            {
              d.inherit_quote = s->directs->len - 1;
              d.confidence = 0.6;
            }
        }
      g_array_append_val (s->directs, d);
    }
}

/* Overlaps */

static guint
speech_words_within (_QuoteState *s,
                     guint        first,
                     guint        last)
{
  _SuggestText *t = s->t;
  guint n = 0;

  for (guint i = first; i <= last; i++)
    n += _tok_word (t, i) && _tok (t, i)->flags & _TOKEN_SPEECH;
  return n;
}

static void
settle_overlaps (_QuoteState *s)
{
  _SuggestText *t = s->t;
  g_autofree gboolean *quoted = g_new0 (gboolean, s->attrs->len + 1);

  for (guint d = 0; d < s->directs->len; d++)
    {
      _Direct *direct = &g_array_index (s->directs, _Direct, d);

      if (direct->attribution >= 0)
        quoted[direct->attribution] = TRUE;
    }

  /* "Znak.com reported [its source said …]": the outer speaker owns "its". */
  for (guint m = 0; m < s->attrs->len; m++)
    {
      _Attribution *b = &g_array_index (s->attrs, _Attribution, m);

      if (b->np_first == NONE || b->np_after)
        continue;
      for (guint k = 0; k < s->attrs->len; k++)
        {
          _Attribution *a = &g_array_index (s->attrs, _Attribution, k);

          if (k != m && a->clause_first != NONE && a->clause_first <= b->np_first
              && b->np_first <= a->clause_last && a->verb < b->np_first)
            b->outer = k;
        }
    }

  for (guint k = 0; k < s->attrs->len; k++)
    {
      _Attribution *a = &g_array_index (s->attrs, _Attribution, k);
      guint whole_last = a->clause_last;

      if (a->clause_first == NONE)
        continue;

      /* Another attribution inside the clause ends it: "it found no trace of explosives
       * despite [Znak.com claiming …]". */
      for (guint m = 0; m < s->attrs->len; m++)
        {
          _Attribution *b = &g_array_index (s->attrs, _Attribution, m);
          guint cut = NONE;

          if (m == k || b->dropped || (b->clause_first == NONE && !quoted[m]))
            continue;
          if (b->np_first != NONE && !b->np_after && b->np_first >= a->clause_first
              && b->np_first <= a->clause_last)
            cut = b->np_first;
          else if (b->verb >= a->clause_first && b->verb <= a->clause_last
                   && (b->clause_first != NONE || b->inherit >= 0)
                   && !(b->pre_clause && b->clause_first <= a->clause_first))
            cut = b->verb;
          if (cut == NONE)
            continue;
          if (cut <= a->clause_first)
            {
              a->clause_first = NONE;
              break;
            }
          a->clause_last = _attest_suggest_trim_clause_end (s, a->clause_first, cut - 1);
        }
      if (a->clause_first == NONE
          || _attest_suggest_count_words (t, a->clause_first, a->clause_last) < 3)
        {
          a->clause_first = a->clause_last = NONE;
          continue;
        }

      /* A clause that runs into a quotation stops before it. One that holds quotations is
       * shown as them when they are most of its words ("said the firm was working to
       * install "100 miles of …""), and keeps them inside otherwise ("the movement was able
       * to … and "really hammer home their message""). */
      for (guint d = 0; d < s->directs->len; d++)
        {
          _Direct *direct = &g_array_index (s->directs, _Direct, d);
          _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, direct->quote);

          if (q->open > a->clause_first && q->open <= a->clause_last && q->close > a->clause_last)
            a->clause_last = _attest_suggest_trim_clause_end (s, a->clause_first, q->open - 1);
        }
      /* What is left of a clause that was cut must still be one. */
      if (_attest_suggest_count_words (t, a->clause_first, a->clause_last) < 3
          || (a->clause_last != whole_last
              && !_attest_suggest_span_has_verb (s, a->clause_first, a->clause_last)))
        {
          a->clause_first = a->clause_last = NONE;
          continue;
        }
      {
        gboolean mostly_quoted
            = speech_words_within (s, a->clause_first, a->clause_last) * 2
              >= _attest_suggest_count_words (t, a->clause_first, a->clause_last);

        for (guint d = 0; d < s->directs->len; d++)
          {
            _Direct *direct = &g_array_index (s->directs, _Direct, d);
            _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, direct->quote);

            if (q->open < a->clause_first || q->close > a->clause_last)
              continue;
            if (!mostly_quoted)
              direct->dropped = TRUE;
            else if (direct->attribution < 0 && direct->inherit_quote < 0)
              {
                direct->attribution = k;
                direct->confidence = 0.8;
              }
          }
        if (mostly_quoted)
          a->clause_first = a->clause_last = NONE;
      }
    }
}

/* Speakers */

static guint
attribution_position (_Attribution *a)
{
  if (a->np_first != NONE)
    return MIN (a->np_first, a->verb);
  return a->verb;
}

static int
compare_by_position (gconstpointer x,
                     gconstpointer y,
                     gpointer      data)
{
  _QuoteState *s = data;
  _Attribution *a = &g_array_index (s->attrs, _Attribution, *(const guint *) x);
  _Attribution *b = &g_array_index (s->attrs, _Attribution, *(const guint *) y);
  guint pa = attribution_position (a), pb = attribution_position (b);

  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

static void
resolve (_QuoteState *s,
         guint        k)
{
  _Attribution *a = &g_array_index (s->attrs, _Attribution, k);

  if (a->resolved)
    return;
  a->resolved = TRUE;
  if (a->inherit >= 0)
    {
      resolve (s, a->inherit);
      a->entity = g_array_index (s->attrs, _Attribution, a->inherit).entity;
      if (a->entity >= 0)
        _attest_speakers_repeat (s->speakers, a->entity);
      return;
    }
  if (a->outer >= 0)
    resolve (s, a->outer);
  if (a->np_first != NONE)
    a->entity = _attest_speakers_resolve (s->speakers, a->np_first, a->np_last, a->app_first,
                                          a->app_last,
                                          a->outer >= 0
                                          ? g_array_index (s->attrs, _Attribution, a->outer).entity
                                          : -1);
  if (a->describe != NULL)
    _attest_speakers_describe (s->speakers, a->entity, a->describe);
}

/* The subjects of the sentences with no attribution, as pairs of first and last token. */
static void
find_mentions (_QuoteState *s,
               GArray      *mentions)
{
  _SuggestText *t = s->t;

  for (guint k = 0; k < s->sent_first->len; k++)
    {
      guint first = g_array_index (s->sent_first, guint, k);
      guint last = _attest_suggest_sentence_last (s, first);
      guint f, l, af, al;
      gboolean attributed = FALSE;

      if (!_attest_suggest_in_prose (t, first) || _tok (t, first)->flags & _TOKEN_SPEECH)
        continue;
      for (guint i = first; i <= last && !attributed; i++)
        attributed = _attest_suggest_attribution_at (s, i) != NULL;
      if (attributed || !_attest_suggest_sentence_subject (s, last, &f, &l, &af, &al))
        continue;
      g_array_append_val (mentions, f);
      g_array_append_val (mentions, l);
    }
}

static void
resolve_speakers (_QuoteState *s)
{
  g_autoptr(GArray) used = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *quoted = g_new0 (gboolean, s->attrs->len + 1);

  for (guint d = 0; d < s->directs->len; d++)
    {
      _Direct *direct = &g_array_index (s->directs, _Direct, d);

      if (direct->attribution >= 0)
        quoted[direct->attribution] = TRUE;
    }
  for (guint k = 0; k < s->attrs->len; k++)
    {
      _Attribution *a = &g_array_index (s->attrs, _Attribution, k);

      /* Every speaker is a mention a later "he" may stand for, quoted here or not. */
      if (a->clause_first != NONE || quoted[k] || a->np_first != NONE)
        g_array_append_val (used, k);
    }
  g_array_sort_with_data (used, compare_by_position, s);
  find_mentions (s, mentions);

  /* In text order: "Governor Mike DeWine postponed it. … he wrote, "…"" */
  for (guint u = 0, m = 0; u < used->len || m < mentions->len;)
    {
      guint next_attr = u < used->len
                        ? attribution_position (&g_array_index (s->attrs, _Attribution,
                                                                g_array_index (used, guint, u)))
                        : G_MAXUINT;
      guint next_mention = m < mentions->len ? g_array_index (mentions, guint, m) : G_MAXUINT;

      if (next_mention < next_attr)
        {
          _attest_speakers_mention (s->speakers, next_mention,
                                    g_array_index (mentions, guint, m + 1));
          m += 2;
        }
      else
        resolve (s, g_array_index (used, guint, u++));
    }

  for (guint d = 0; d < s->directs->len; d++)
    {
      _Direct *direct = &g_array_index (s->directs, _Direct, d);

      if (direct->attribution >= 0)
        direct->entity = g_array_index (s->attrs, _Attribution, direct->attribution).entity;
      else if (direct->inherit_quote >= 0)
        direct->entity = g_array_index (s->directs, _Direct, direct->inherit_quote).entity;
    }
}

/* Output */

static void
emit (_QuoteState *s)
{
  _SuggestText *t = s->t;

  for (guint d = 0; d < s->directs->len; d++)
    {
      _Direct *direct = &g_array_index (s->directs, _Direct, d);
      _QuoteSpan *q = &g_array_index (t->quotes, _QuoteSpan, direct->quote);
      AttestSuggestion *sug;

      if (direct->dropped || (direct->attribution < 0 && direct->inherit_quote < 0))
        continue;
      if (direct->attribution >= 0)
        {
          _Attribution *a = &g_array_index (s->attrs, _Attribution, direct->attribution);

          /* "imitating a song called "Day after Day,"": a verb with nobody to say it. */
          if (a->np_first == NONE && a->inherit < 0)
            continue;
        }
      sug = _attest_suggest_add (t, ATTEST_SUGGESTION_QUOTE, _tok (t, q->open + 1)->start,
                                 _tok (t, q->close - 1)->end);
      sug->kind = ATTEST_ANNOTATION_DIRECT;
      sug->confidence = direct->confidence;
      _attest_speakers_fill (s->speakers, direct->entity, sug);
      if (direct->entity < 0)
        sug->confidence *= 0.8;
    }

  for (guint k = 0; k < s->attrs->len; k++)
    {
      _Attribution *a = &g_array_index (s->attrs, _Attribution, k);
      AttestSuggestion *sug;

      if (a->clause_first == NONE)
        continue;
      sug = _attest_suggest_add (t, ATTEST_SUGGESTION_QUOTE, _tok (t, a->clause_first)->start,
                                 _tok (t, a->clause_last)->end);
      sug->kind = ATTEST_ANNOTATION_INDIRECT;
      sug->confidence = a->has_that ? 0.8 : a->pre_clause ? 0.7 : 0.75;
      _attest_speakers_fill (s->speakers, a->entity, sug);
      if (a->entity < 0)
        sug->confidence *= 0.8;
    }
}

void
_attest_suggest_quotes (_SuggestText *t)
{
  _QuoteState s = { 0 };
  guint sent = G_MAXUINT;

  s.t = t;
  s.sent_first = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < t->tokens->len; i++)
    if (_tok (t, i)->sent != sent)
      {
        sent = _tok (t, i)->sent;
        g_array_append_val (s.sent_first, i);
      }
  s.attrs = g_array_new (FALSE, FALSE, sizeof (_Attribution));
  s.by_verb = g_hash_table_new (NULL, NULL);
  s.directs = g_array_new (FALSE, FALSE, sizeof (_Direct));
  s.speakers = _attest_speakers_new (t);

  _attest_suggest_find_attributions (&s);
  find_directs (&s);
  settle_overlaps (&s);
  resolve_speakers (&s);
  emit (&s);

  _attest_speakers_free (s.speakers);
  g_array_unref (s.directs);
  g_hash_table_unref (s.by_verb);
  g_array_unref (s.attrs);
  g_array_unref (s.sent_first);
}
