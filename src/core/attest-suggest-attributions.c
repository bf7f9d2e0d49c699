/* attest-suggest-attributions.c: every reporting verb ("said", "told", "according to", …)
 * is an attribution — a speaker's phrase on one side and, for an indirect quote, the
 * reported clause on the other: "Experts said that [the group is …]", "[A total of 39 are
 * confirmed dead], officials told state media", "According to X, [clause]".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "attest-suggest"

#include "config.h"

#include <string.h>

#include "attest-suggest-private.h"
#include "attest-suggest-quotes-private.h"

#define NONE _SUGGEST_NONE

/* After a comma, these go on with the same clause. */
static const char * const continuing[] = {
  "and", "but", "or", "nor", "including", "especially", "particularly", "notably", "such",
  "plus", "mainly", "mostly", "namely", "specifically", NULL
};
/* Not the end of a reported clause. */
static const char * const trailing[] = {
  "and", "but", "or", "despite", "while", "as", "with", "after", "because", "when", "that",
  "which", "who", "to", "of", "the", "a", "an", "in", "on", "at", "for", "by", "since", NULL
};
/* A statement that speaks for whoever issued it: "X released a statement saying …". */
static const char * const statements[] = {
  "statement", "report", "release", "letter", "message", "post", "tweet", "note", "notice",
  "findings", "study", "ruling", "decision", "judgment", "order", "paper", "analysis", NULL
};

/* Reported clauses */

static gboolean
clause_start_ok (_QuoteState *s,
                 guint        i,
                 guint        v)
{
  _SuggestText *t = s->t;
  _Token *tok;

  if (i >= t->tokens->len || !_tok_same_sentence (t, i, v))
    return FALSE;
  tok = _tok (t, i);
  if (tok->type == _TOKEN_PUNCT)
    return tok->flags & _TOKEN_QUOTE_MARK && !(tok->flags & _TOKEN_SPEECH)
           && tok->flags & _TOKEN_OPENS;
  static const char * const questions[] = {
    "what", "whether", "how", "why", "where", "who", "which", "when", "whom", "as", "so",
    "than", NULL
  };

  return !_tok_in (t, i, _attest_suggest_prepositions)
         && !_tok_in (t, i, _attest_suggest_conjunctions) && !_tok_is (t, i, "to")
         && !_tok_is (t, i, "not") && !_attest_suggest_is_verbish (t, i)
         && !_tok_in (t, i, _attest_suggest_relatives) && !_tok_in (t, i, questions)
         && _attest_suggest_reporting_verb_at (t, i) == 0;
}

guint
_attest_suggest_trim_clause_end (_QuoteState *s,
                                 guint        first,
                                 guint        last)
{
  _SuggestText *t = s->t;

  while (last > first)
    {
      _Token *tok = _tok (t, last);

      if (tok->type == _TOKEN_PUNCT && !(tok->flags & _TOKEN_CLOSES) && tok->ch != ')'
          && tok->ch != ']')
        last--;
      else if (_tok_in (t, last, trailing))
        last--;
      else
        break;
    }
  return last;
}

/* Where a clause that starts at i ends: at the end of its sentence, a semicolon or colon,
 * or a comma after a complete clause (", given …", ", the differences …"), but not at the
 * comma that ends an opening "although …", nor before "and", "which …,", "including". */
static guint
clause_end (_QuoteState *s,
            guint        i)
{
  _SuggestText *t = s->t;
  guint last = _attest_suggest_sentence_last (s, i);
  gboolean subordinate = _tok_in (t, i, _attest_suggest_subordinators);
  gboolean seen_verb = FALSE;
  gboolean in_relative = FALSE;
  gboolean in_aside = FALSE;
  int depth = 0;
  guint good = i;

  for (guint j = i; j <= last; j++)
    {
      _Token *tok = _tok (t, j);

      if (tok->flags & _TOKEN_SPEECH && tok->quote >= 0)
        {
          /* An embedded quotation is part of the clause. */
          guint close = g_array_index (t->quotes, _QuoteSpan, tok->quote).close;

          if (close > j)
            j = good = MIN (close, last);
          else
            good = j;
          continue;
        }
      if (tok->type == _TOKEN_PUNCT)
        {
          if (tok->ch == '(' || tok->ch == '[')
            depth++;
          else if ((tok->ch == ')' || tok->ch == ']') && --depth < 0)
            break;
          else if (depth == 0 && tok->ch == ';' && _tok_is (t, j + 1, "that")
                   && _tok_is (t, i - 1, "that"))
            continue;  /* "reported that …; that …; and that …" */
          else if (depth == 0 && (tok->ch == ';' || tok->ch == ':'))
            break;
          else if (depth == 0 && tok->ch == ',')
            {
              if (subordinate)
                {
                  subordinate = FALSE;
                  seen_verb = FALSE;
                  continue;
                }
              if (in_relative || in_aside)
                {
                  in_relative = in_aside = FALSE;
                  continue;
                }
              if (_tok_in (t, j + 1, _attest_suggest_relatives))
                {
                  in_relative = TRUE;
                  continue;
                }
              if (_tok_in (t, j + 1, _attest_suggest_conjunctions))
                {
                  /* ", and work launched …" starts a clause of its own. */
                  gboolean clause = FALSE;

                  for (guint k = j + 2; k <= j + 4 && k <= last && !clause; k++)
                    clause = _attest_suggest_is_verbish (t, k);
                  if (clause && seen_verb)
                    break;
                  continue;
                }
              if (j > i && (_tok_in (t, j - 1, _attest_suggest_conjunctions)
                            || _tok_is (t, j - 1, "that")))
                {
                  in_aside = TRUE;  /* "and, to prevent stigma, it must …" */
                  continue;
                }
              if (_tok_in (t, j + 1, continuing))
                continue;
              if (j > i && _tok (t, j - 1)->flags & _TOKEN_CAPITAL && j + 1 <= last
                  && (_tok (t, j + 1)->flags & _TOKEN_CAPITAL
                      || (_tok_is (t, j + 1, "the") && j + 2 <= last
                          && _tok (t, j + 2)->flags & _TOKEN_CAPITAL)))
                continue;  /* a list of names: "Australia, Brazil, the Czech Republic" */
              if (_tok_is (t, j + 1, "according") || seen_verb)
                break;
            }
          continue;
        }
      if (_attest_suggest_is_verbish (t, j))
        seen_verb = TRUE;
      good = j;
    }

  return _attest_suggest_trim_clause_end (s, i, good);
}

gboolean
_attest_suggest_span_has_verb (_QuoteState *s,
                               guint        first,
                               guint        last)
{
  for (guint i = first; i <= last; i++)
    if (_attest_suggest_is_verbish (s->t, i) && !(i > first && _tok_is (s->t, i - 1, "to")))
      return TRUE;
  return FALSE;
}

/* A listener after "told": "told [the Military Times] the attack …". */
static guint
skip_object (_QuoteState *s,
             guint        i,
             guint        v)
{
  _SuggestText *t = s->t;
  guint j = i;

  if (!_tok_same_sentence (t, i, v))
    return i;
  if (_tok_in (t, i, _attest_suggest_object_pronouns))
    return i + 1;
  if (_tok_is (t, i, "the") || _tok_is (t, i, "a") || _tok_is (t, i, "an")
      || _tok (t, i)->flags & _TOKEN_CAPITAL)
    {
      j = _tok_in (t, i, _attest_suggest_determiners) ? i + 1 : i;
      while (j < t->tokens->len && j - i < 4 && _tok_same_sentence (t, j, v) && _tok_word (t, j)
             && !_tok_in (t, j, _attest_suggest_determiners)
             && !_tok_in (t, j, _attest_suggest_subject_pronouns) && !_tok_is (t, j, "that")
             && !_attest_suggest_is_verbish (t, j) && !_tok_in (t, j, _attest_suggest_prepositions)
             && _tok (t, j)->type != _TOKEN_NUMBER)
        j++;
      if (j == i + 1 && _tok_in (t, i, _attest_suggest_determiners))
        return i;
    }
  else
    {
      /* "told state media, …": a short phrase that ends at a comma. */
      while (j < t->tokens->len && j - i < 3 && _tok_same_sentence (t, j, v) && _tok_word (t, j)
             && !_attest_suggest_is_verbish (t, j) && !_tok_in (t, j, _attest_suggest_prepositions)
             && !_tok_is (t, j, "that"))
        j++;
      if (!(j < t->tokens->len && _tok_same_sentence (t, j, v) && _tok_punct (t, j)))
        j = i;
    }
  return j;
}

/* Times and short phrases between a verb and its clause: "said yesterday morning", "said in
 * a statement", "indicated on Monday". */
static guint
skip_adjuncts (_QuoteState *s,
               guint        i,
               guint        v)
{
  _SuggestText *t = s->t;

  for (guint n = 0; n < 4 && _tok_same_sentence (t, i, v); n++)
    {
      if (_attest_suggest_is_time (t, i))
        i++;
      else if (_tok_in (t, i, _attest_suggest_adjunct_preps) && _tok_same_sentence (t, i + 1, v))
        {
          guint j = i + 1;

          while (_tok_in (t, j, _attest_suggest_determiners)
                 || _tok_in (t, j, _attest_suggest_possessives))
            j++;
          for (guint k = 0; k < 4 && _tok_same_sentence (t, j, v) && _tok_word (t, j)
                            && !_tok_in (t, j, _attest_suggest_determiners)
                            && !_tok_in (t, j, _attest_suggest_subject_pronouns)
                            && !_tok_is (t, j, "that") && !_attest_suggest_is_verbish (t, j)
                            && !_tok_in (t, j, _attest_suggest_subordinators)
                            && !_tok_in (t, j, _attest_suggest_prepositions);
               k++)
            j++;
          if (_tok_comma (t, j) && !_tok_speech_mark (t, j + 1, _TOKEN_OPENS))
            j++;
          i = j;
        }
      else
        break;
    }
  return i;
}

static gboolean
clause_has_verb (_QuoteState *s,
                 guint        first,
                 guint        last,
                 guint        within)
{
  _SuggestText *t = s->t;
  guint first_comma = NONE;
  gboolean in_relative = FALSE;

  for (guint i = first; i <= last && i < first + within; i++)
    {
      if (i > first && _tok_comma (t, i) && _tok_in (t, i + 1, _attest_suggest_conjunctions))
        return FALSE;
      /* "the people who died were affected": "died" is the relative clause's verb. */
      if (_tok_in (t, i, _attest_suggest_relatives))
        {
          in_relative = TRUE;
          continue;
        }
      if (in_relative && _attest_suggest_is_verbish (t, i))
        {
          in_relative = FALSE;
          continue;
        }
      if (_tok_comma (t, i) && first_comma == NONE)
        first_comma = i;
      if (i > first && _tok_is (t, i - 1, "to"))
        continue;  /* "to be" */
      if (_attest_suggest_is_verbish (t, i)
          || (_attest_suggest_reporting_verb_at (t, i) != 0
              && !(_attest_suggest_verb_flags (t, i) & _VERB_GERUND)))
        {
          /* "Iran, especially, …, is influencing" has its subject before the first comma;
           * "issues staffing the hotel, something Clay recognised" is no clause. */
          return first_comma == NONE || _attest_suggest_count_words (t, first, first_comma) <= 3
                 || _tok_in (t, first_comma + 1, _attest_suggest_relatives)
                 || _tok_is (t, first_comma + 1, "that");
        }
    }
  return FALSE;
}

/* The reported clause after the verb at v, with a listener, times and "that" skipped. */
static gboolean
clause_after (_QuoteState  *s,
              _Attribution *a)
{
  _SuggestText *t = s->t;
  guint v = a->verb;
  guint flags = a->vflags;
  guint i = v + 1;
  guint end;

  if (flags & _VERB_DIRECT || a->np_after)
    return FALSE;
  if (_tok_is (t, i, "out") || _tok_is (t, i, "up"))
    i++;
  if (flags & _VERB_OBJECT)
    {
      guint j = skip_object (s, i, v);

      if (j != i && (_tok_is (t, j, "that") || (clause_start_ok (s, j, v)
                                                 && !_attest_suggest_is_time (t, j))))
        i = j;
      else if (j != i
               && (j >= t->tokens->len || !_tok_same_sentence (t, j, v) || _tok_punct (t, j)))
        return FALSE;  /* "told state media," */
    }
  i = skip_adjuncts (s, i, v);
  if (!_tok_same_sentence (t, i, v))
    return FALSE;

  if (_tok_is (t, i, "that"))
    {
      a->has_that = TRUE;
      i++;
      if (_tok_comma (t, i))
        i++;  /* "arguing that, as president, he …" */
    }
  else if (!(flags & (_VERB_CLAUSE | _VERB_AS | _VERB_EXPECT)))
    return FALSE;

  if (!clause_start_ok (s, i, v))
    return FALSE;
  end = clause_end (s, i);
  if (end < i || _attest_suggest_count_words (t, i, end) < 3)
    return FALSE;

  if (flags & _VERB_AS && !a->has_that)
    {
      gboolean as = FALSE;

      for (guint k = i; k <= end && !as; k++)
        as = _tok_is (t, k, "as");
      if (!as)
        return FALSE;
    }
  else if (flags & _VERB_EXPECT && !a->has_that)
    {
      gboolean to = FALSE;

      for (guint k = i; k <= end && k < i + 8 && !to; k++)
        to = _tok_is (t, k, "to");
      if (!to && !clause_has_verb (s, i, end, 12))
        return FALSE;
    }
  else if (!a->has_that && !_tok_in (t, i, _attest_suggest_subject_pronouns)
           && !clause_has_verb (s, i, end, 20))
    return FALSE;
  else if (a->has_that && !_attest_suggest_span_has_verb (s, i, end))
    return FALSE;

  a->clause_first = i;
  a->clause_last = end;
  return TRUE;
}

/* The first token of the clause that ends at a comma before an attribution: after the last
 * semicolon or colon of the sentence. NONE when a quote ends there. */
static guint
clause_before (_QuoteState *s,
               guint        comma)
{
  _SuggestText *t = s->t;
  guint floor = _attest_suggest_sentence_first (s, comma);
  guint i = comma;

  if (comma == 0 || comma <= floor || _tok_speech_mark (t, comma - 1, _TOKEN_CLOSES))
    return NONE;
  while (i > floor && !_tok_is_punct (t, i - 1, ';') && !_tok_is_punct (t, i - 1, ':')
         && !_tok_speech_mark (t, i - 1, _TOKEN_CLOSES))
    i--;
  return i;
}

static gboolean
has_attribution_in (_QuoteState *s,
                    guint        first,
                    guint        last)
{
  for (guint i = first; i <= last; i++)
    {
      _Attribution *a = _attest_suggest_attribution_at (s, i);

      /* "Trump has admitted to ordering the payments, according to prosecutors": a verb
       * with no clause of its own does not make the clause someone else's. */
      if (a != NULL && (a->clause_first != NONE || a->np_after))
        return TRUE;
    }
  return FALSE;
}

/* ", to determine …" after an attribution: the clause goes on through it. */
static gboolean
continues_after (_QuoteState *s,
                 guint        tail)
{
  _SuggestText *t = s->t;

  return _tok_comma (t, tail + 1) && _tok_same_sentence (t, tail + 2, tail)
         && _tok_word (t, tail + 2) && _attest_suggest_reporting_verb_at (t, tail + 2) == 0
         && !_tok_in (t, tail + 2, _attest_suggest_conjunctions)
         && !_tok_is (t, tail + 2, "according") && !(_tok (t, tail + 2)->flags & _TOKEN_CAPITAL);
}

/* "CLAUSE, officials said." or, around the attribution, "The guardrail would be examined,
 * Roberts said, to determine …": the clause before it, or the whole sentence. */
static gboolean
pre_clause (_QuoteState  *s,
            _Attribution *a,
            guint         lead,
            guint         tail)
{
  _SuggestText *t = s->t;
  guint start, end;

  if (lead == 0 || !_tok_comma (t, lead - 1))
    return FALSE;
  start = clause_before (s, lead - 1);
  if (start == NONE || start + 1 >= lead)
    return FALSE;
  if (_tok_in (t, start, _attest_suggest_conjunctions))
    start++;
  if (has_attribution_in (s, start, lead - 1) || _attest_suggest_is_intro (t, start))
    return FALSE;
  end = _attest_suggest_trim_clause_end (s, start, lead - 2);
  if (tail != NONE && continues_after (s, tail))
    end = _attest_suggest_trim_clause_end (
        s, start, _attest_suggest_sentence_last (s, tail)); /* "X, officials said, spilled" */
  if (_attest_suggest_count_words (t, start, end) < 3
      || !_attest_suggest_span_has_verb (s, start, end))
    return FALSE;

  a->clause_first = start;
  a->clause_last = end;
  a->pre_clause = TRUE;
  return TRUE;
}

/* Attributions */

static int
previous_in_sentence (_QuoteState *s,
                      guint        v)
{
  for (guint k = s->attrs->len; k-- > 0;)
    {
      _Attribution *b = &g_array_index (s->attrs, _Attribution, k);

      if (!_tok_same_sentence (s->t, b->verb, v))
        return -1;
      if (b->verb < v)
        return k;
    }
  return -1;
}

void
_attest_suggest_add_attribution (_QuoteState  *s,
                                 _Attribution *a)
{
  /* G_MESSAGES_DEBUG=attest-suggest shows every attribution the rules find. */
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      _SuggestText *t = s->t;
      g_autofree char *np = a->np_first != NONE
                            ? _attest_suggest_slice (t, _tok (t, a->np_first)->start,
                                                     _tok (t, a->np_last)->end)
                            : NULL;
      g_autofree char *clause = a->clause_first != NONE
                                ? _attest_suggest_slice (t, _tok (t, a->clause_first)->start,
                                                         _tok (t, a->clause_last)->end)
                                : NULL;

      g_debug ("“%s”: speaker “%s”%s, clause “%s”", _tok (t, a->verb)->lower,
               np ? np : "", a->np_after ? " after" : "", clause ? clause : "");
    }
  g_array_append_val (s->attrs, *a);
  g_hash_table_insert (s->by_verb, GUINT_TO_POINTER (a->verb), GUINT_TO_POINTER (s->attrs->len));
}

void
_attest_suggest_attribution_init (_Attribution *a,
                                  guint         verb,
                                  guint         flags)
{
  memset (a, 0, sizeof *a);
  a->verb = verb;
  a->vflags = flags;
  a->np_first = a->np_last = a->app_first = a->app_last = NONE;
  a->clause_first = a->clause_last = NONE;
  a->inherit = -1;
  a->outer = -1;
  a->entity = -1;
}

/* The speaker's phrase of the verb at v. */
static void
find_speaker (_QuoteState  *s,
              _Attribution *a)
{
  _SuggestText *t = s->t;
  guint v = a->verb;
  guint floor = _attest_suggest_sentence_first (s, v);
  guint left = v > floor ? _attest_suggest_skip_adverbs_left (s, v - 1, floor) : NONE;
  guint f, l;

  if (a->vflags & _VERB_GERUND
      && (left == NONE || _tok_comma (t, left) || _tok_speech_mark (t, left, _TOKEN_CLOSES)))
    {
      /* ", adding that …": whoever spoke before in the sentence, else its subject. */
      a->inherit = previous_in_sentence (s, v);
      if (a->inherit < 0
          && _attest_suggest_sentence_subject (s, left == NONE ? v : left, &a->np_first,
                                               &a->np_last, &a->app_first, &a->app_last))
        return;
      return;
    }
  if (left != NONE && _tok_is (t, left, "who") && left > floor && _tok_comma (t, left - 1))
    {
      /* "the home of Prime Minister Tuilaepa, who told the press …": the name before. */
      guint seg = left - 1;
      guint rf, rl;

      while (seg > floor && !_tok_comma (t, seg - 1) && left - seg < 16)
        seg--;
      if (_attest_speakers_has_name (t, seg, left - 2))
        {
          guint k = left - 2;

          while (k > seg && !(_tok (t, k)->flags & _TOKEN_CAPITAL))
            k--;
          rl = k;
          rf = k;
          while (rf > seg && (_tok (t, rf - 1)->flags & _TOKEN_CAPITAL
                              || _tok_is_punct (t, rf - 1, '.')))
            rf--;
          a->np_first = rf;
          a->np_last = rl;
        }
      else if (_attest_suggest_segment_is_np (t, seg, left - 2))
        {
          a->np_first = seg;
          a->np_last = left - 2;
        }
      return;
    }
  if (left != NONE && _tok_is (t, left, "to") && !(a->vflags & _VERB_GERUND))
    {
      /* "She went on to say, "…"" */
      a->inherit = previous_in_sentence (s, v);
      if (a->inherit < 0)
        _attest_suggest_sentence_subject (s, left, &a->np_first, &a->np_last, &a->app_first,
                                          &a->app_last);
      return;
    }
  if (a->vflags & _VERB_GERUND && left != NONE && _tok_in (t, left, _attest_suggest_prepositions))
    {
      /* "protested by shouting "…"": the sentence's subject. */
      _attest_suggest_sentence_subject (s, left, &a->np_first, &a->np_last, &a->app_first,
                                        &a->app_last);
      return;
    }
  if (left != NONE && (_tok_is (t, left, "and") || _tok_is (t, left, "but")))
    {
      /* "… and said", "but said": the same subject. */
      a->inherit = previous_in_sentence (s, v);
      if (a->inherit < 0)
        _attest_suggest_sentence_subject (s, left, &a->np_first, &a->np_last, &a->app_first,
                                          &a->app_last);
      return;
    }
  if (left == NONE || _tok_comma (t, left) || _tok_speech_mark (t, left, _TOKEN_CLOSES))
    {
      /* "…," said X; "CLAUSE, said X" — or "X, the minister, said". */
      /* "…, told the press:" — after "told" comes who listened, not who spoke. */
      if (!(a->vflags & _VERB_OBJECT) && _attest_suggest_np_right_speaker (s, v, &f, &l)
          && _attest_speakers_phrase_ok (t, f, l))
        {
          a->np_first = f;
          a->np_last = l;
          a->np_after = TRUE;
          return;
        }
      if (left != NONE && _tok_comma (t, left))
        _attest_suggest_np_appositive_left (s, left, &a->np_first, &a->np_last, &a->app_first,
                                            &a->app_last);
      return;
    }
  if (a->vflags & _VERB_GERUND && _tok_in (t, left, statements))
    {
      /* "X released a statement saying …": X, who is then "the statement". */
      a->describe = _tok (t, left)->lower;
      _attest_suggest_sentence_subject (s, left, &a->np_first, &a->np_last, &a->app_first,
                                        &a->app_last);
      return;
    }
  if (_attest_suggest_np_left (s, v, &f, &l))
    {
      /* "issued a ruling against Trump finding that …": the ruling's author found, not
       * Trump; "despite Znak.com claiming …" is Znak.com's. */
      gboolean statement = FALSE;

      for (guint k = f; k <= l && !statement && !(_tok (t, k)->flags & _TOKEN_CAPITAL); k++)
        statement = _tok_in (t, k, statements);
      if (a->vflags & _VERB_GERUND && statement)
        {
          _attest_suggest_sentence_subject (s, f - 1, &a->np_first, &a->np_last, &a->app_first,
                                            &a->app_last);
          return;
        }
      a->np_first = f;
      a->np_last = l;
    }
}

gboolean
_attest_suggest_speaker_ok (_QuoteState  *s,
                            _Attribution *a)
{
  _SuggestText *t = s->t;

  if (a->inherit >= 0)
    return TRUE;
  if (a->np_first != NONE && a->np_first + 1 == a->np_last && _tok_is (t, a->np_first, "the")
      && (_tok_is (t, a->np_last, "latter") || _tok_is (t, a->np_last, "former")))
    return TRUE;
  return a->np_first != NONE && _attest_speakers_phrase_ok (t, a->np_first, a->np_last);
}

static void
verb_attribution (_QuoteState *s,
                  guint        v,
                  guint        flags)
{
  _SuggestText *t = s->t;
  _Attribution a;

  _attest_suggest_attribution_init (&a, v, flags);
  if (_attest_suggest_is_passive (s, v) && flags & _VERB_DIRECT && !_tok_is (t, v + 1, "by"))
    return;  /* "a song called "Day after Day"" */
  if (_attest_suggest_is_passive (s, v))
    {
      guint f, l;

      /* "he was told by Zinichev of "…"": the speaker follows "by". */
      if (!_tok_is (t, v + 1, "by") || !_attest_suggest_np_right (s, v + 1, &f, &l))
        return;
      a.np_first = f;
      a.np_last = l;
      a.np_after = TRUE;
      a.vflags = _VERB_DIRECT;
      _attest_suggest_add_attribution (s, &a);
      return;
    }

  find_speaker (s, &a);
  if (!_attest_suggest_speaker_ok (s, &a))
    a.np_first = a.np_last = NONE;

  if (a.np_first != NONE || a.inherit >= 0)
    {
      if (!clause_after (s, &a) && !(a.vflags & _VERB_DIRECT))
        {
          /* The clause before: "…, officials said." */
          guint lead = a.np_after || a.np_first == NONE ? v : MIN (a.np_first, v);
          guint tail = a.np_after ? a.np_last : v;

          if (a.app_first != NONE)
            lead = MIN (lead, a.app_first);
          if (!a.np_after && tail + 1 < t->tokens->len && _tok_same_sentence (t, tail + 1, v)
              && !_tok_punct (t, tail + 1))
            {
              /* "officials told state media, …": a listener, no clause. */
              guint k = tail + 1;

              while (k < t->tokens->len && _tok_same_sentence (t, k, v) && _tok_word (t, k)
                     && !_attest_suggest_is_verbish (t, k) && k - tail < 5)
                k++;
              if (!_tok_same_sentence (t, k, v) || _tok_comma (t, k) || _tok_punct (t, k))
                tail = k - 1;
              else
                tail = NONE;
            }
          if (tail != NONE && a.inherit < 0)
            pre_clause (s, &a, lead, tail);
        }
    }
  _attest_suggest_add_attribution (s, &a);
}

/* "According to X, …", "…, according to X.", "…, according to X, …". */
static void
according_attribution (_QuoteState *s,
                       guint        i)
{
  _SuggestText *t = s->t;
  guint floor = _attest_suggest_sentence_first (s, i);
  _Attribution a;
  guint f, l, k;

  _attest_suggest_attribution_init (&a, i, _VERB_CLAUSE);
  if (!_attest_suggest_np_right (s, i + 1, &f, &l))
    return;
  /* "According to the Centers for … in the United States, one out of …" */
  k = l + 1;
  if (i == floor && !_tok_comma (t, k))
    {
      guint c = k;

      while (c < t->tokens->len && _tok_same_sentence (t, c, i) && !_tok_comma (t, c) && c - k < 8)
        c++;
      if (_tok_comma (t, c) && _attest_suggest_segment_is_np (t, f, c - 1))
        {
          l = c - 1;
          k = c;
        }
    }
  /* "According to Windsor Locks' first selectman, Chris Kervick, there were …" */
  if (i == floor && _tok_comma (t, k))
    {
      guint seg_first = k + 1, seg_last = k + 1;

      while (seg_last + 1 < t->tokens->len && _tok_same_sentence (t, seg_last + 1, i)
             && !_tok_comma (t, seg_last + 1))
        seg_last++;
      if (_tok_comma (t, seg_last + 1) && _attest_suggest_segment_is_np (t, seg_first, seg_last)
          && seg_last - seg_first < 16 && !_attest_suggest_is_intro (t, seg_first)
          && !_tok_in (t, seg_last + 2, _attest_suggest_relatives))
        {
          if (_attest_speakers_has_name (t, seg_first, seg_last)
              && !_attest_speakers_is_description (t, seg_first, seg_last))
            {
              a.app_first = f;
              a.app_last = l;
              f = seg_first;
              l = seg_last;
            }
          else
            {
              a.app_first = seg_first;
              a.app_last = seg_last;
            }
          k = seg_last + 1;
        }
    }
  a.np_first = f;
  a.np_last = l;
  a.np_after = TRUE;
  if (!_attest_speakers_phrase_ok (t, f, l))
    return;

  if (i == floor)
    {
      /* The rest of the sentence, unless a quotation follows: that is a direct quote. An
       * opening "in 2014 …," is part of it. */
      if (_tok_comma (t, k) && _tok_same_sentence (t, k + 1, i) && _tok_word (t, k + 1))
        {
          guint end = clause_end (s, k + 1);

          if (end > k + 1 && _attest_suggest_count_words (t, k + 1, end) >= 3)
            {
              a.clause_first = k + 1;
              a.clause_last = end;
            }
        }
    }
  else
    {
      /* "…, according to officials." ends the clause; "Rescuers, …, according to the
       * ministry recovered …" and "One child was, according to the fire service, among the
       * dead" run through it. */
      gboolean comma = _tok_comma (t, i - 1);
      guint before = comma ? i - 1 : i;
      guint start = clause_before (s, before);

      /* "… including, according to government reports, 54 children": inside a phrase. */
      if (comma && i >= 2 && (_tok_in (t, i - 2, _attest_suggest_prepositions)
                              || _tok_is (t, i - 2, "including")))
        start = NONE;
      /* "On Thursday, the government …, according to officials": the clause after the
       * opening phrase. */
      if (start != NONE && _attest_suggest_is_intro (t, start))
        {
          guint k = start;

          while (k < before && !_tok_comma (t, k))
            k++;
          if (k < before && !_attest_suggest_span_has_verb (s, start, k))
            start = k + 1;
        }

      if (start != NONE && start < before && !has_attribution_in (s, start, before))
        {
          guint end;

          if (_tok_in (t, start, _attest_suggest_conjunctions))
            start++;
          if (_attest_suggest_is_verbish (s->t, a.np_last + 1)
              || (comma && continues_after (s, a.np_last)))
            end = _attest_suggest_sentence_last (s, i);
          else
            end = before - 1;
          end = _attest_suggest_trim_clause_end (s, start, end);
          if (_attest_suggest_count_words (t, start, end) >= 3
              && _attest_suggest_span_has_verb (s, start, end))
            {
              a.clause_first = start;
              a.clause_last = end;
              a.pre_clause = TRUE;
            }
        }
    }
  _attest_suggest_add_attribution (s, &a);
}

void
_attest_suggest_find_attributions (_QuoteState *s)
{
  _SuggestText *t = s->t;

  for (guint i = 0; i < t->tokens->len; i++)
    {
      guint flags;

      if (!_attest_suggest_in_prose (t, i) || _tok (t, i)->flags & _TOKEN_SPEECH)
        continue;
      if (_tok_is (t, i, "according") && _tok_is (t, i + 1, "to"))
        {
          according_attribution (s, i);
          i++;
          continue;
        }
      if ((flags = _attest_suggest_reporting_verb_at (t, i)) != 0)
        verb_attribution (s, i, flags);
    }
}

_Attribution *
_attest_suggest_attribution_at (_QuoteState *s,
                                guint        verb)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (s->by_verb, GUINT_TO_POINTER (verb)));

  return index > 0 ? &g_array_index (s->attrs, _Attribution, index - 1) : NULL;
}

int
_attest_suggest_attribution_index (_QuoteState *s,
                                   guint        verb)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (s->by_verb, GUINT_TO_POINTER (verb))) - 1;
}
